/**
 * An extension update in real Chromium: the installed version has an older bundled corpus, the
 * reader has changed a setting and has reading memory on with two articles remembered; the update
 * ships a new corpus. After the reload the bundled stores hold the new corpus, and the reader's
 * setting and remembered articles are still there (user data a new bundled corpus never replaces).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/chromium.mjs';
import type { CorpusStatus } from '../../src/core/messages';
import { ROOT, requireBrowser, startServer, waitFor } from './harness';

const executable = requireBrowser('chromium');

/** Builds the Chrome extension into `outDir` with the corpus made from `sources`. */
function buildInto(outDir: string, sources: string[]): { build: string; articles: number } {
  execFileSync(process.execPath, ['scripts/build.mjs', 'chrome'], {
    cwd: ROOT,
    env: { ...process.env, NEWS_CONTEXT_OUT_DIR: outDir, NEWS_CONTEXT_CORPUS: sources.join(',') },
    stdio: 'pipe',
  });
  const corpus = JSON.parse(readFileSync(join(outDir, 'corpus.json'), 'utf8')) as { build: string; articles: unknown[] };
  return { build: corpus.build, articles: corpus.articles.length };
}

describe.skipIf(executable === null)('Chromium: updating the extension', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nc-update-'));
  const ext = join(dir, 'extension');
  let context: BrowserContext | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const status = (w: Worker) =>
    w.evaluate(() => chrome.storage.session.get('corpus:status')).then((s) => s['corpus:status'] as CorpusStatus | undefined);
  /** Sends a ui: message from an extension page, as the popup would. */
  const ask = (page: Page, message: object) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<{ ok: boolean; value?: unknown }>;

  it('replaces the bundled corpus and keeps the reader’s settings', async () => {
    const before = buildInto(ext, ['assets/seeds/000_d35634ae92cf12c4.txt']);
    expect(before.articles).toBe(1);
    const launched = await launchWithExtension({ extensionDir: ext, headless: true, profile: join(dir, 'profile'), developerMode: true });
    context = launched.context;
    const first = await waitFor(
      () => status(launched.worker),
      (s) => s?.state === 'ready',
      'the first corpus',
    );
    expect(first).toMatchObject({ build: before.build, articles: 1 });

    const page = await context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/src/ui/options/index.html`);
    expect(await ask(page, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false })).toMatchObject({
      ok: true,
    });
    expect(await ask(page, { type: 'ui:set-global-settings', settings: { theme: 'dark', memory: true } })).toMatchObject({ ok: true });
    // Two pages read (scrolled into their bodies): remembered.
    server = await startServer();
    const list = async (p: Page) =>
      ((await ask(p, { type: 'ui:memory-list', query: '', offset: 0, limit: 10 })).value as { items: { id: string; url: string }[] }).items;
    for (const name of ['memory-sv-1', 'memory-en-1']) {
      const tab = await context.newPage();
      await tab.goto(`${server.origin}/fixtures/${name}.html`);
      await waitFor(
        async () => {
          await tab.evaluate(() => [...document.querySelectorAll('article p')].at(-1)?.scrollIntoView({ block: 'center' }));
          return (await list(page)).length;
        },
        (n) => n >= (name === 'memory-sv-1' ? 1 : 2),
        `${name} remembered`,
      );
      await tab.close();
    }
    const remembered = await list(page);
    expect(remembered).toHaveLength(2);

    const after = buildInto(ext, ['assets/seeds']);
    expect(after.articles).toBe(2);
    expect(after.build).not.toBe(before.build);
    await launched.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker dies mid-call
    await page.close().catch(() => undefined); // reloading closes the extension's pages
    // The reloaded worker starts on the update event or on the first message; the options page sends one.
    const options = await context.newPage();
    await waitFor(
      () => options.goto(`chrome-extension://${launched.extensionId}/src/ui/options/index.html`).then(() => true),
      Boolean,
      'the reloaded extension to serve its pages',
    );
    const worker = await waitFor(
      () => Promise.resolve(context?.serviceWorkers().find((w) => w !== launched.worker) ?? null),
      (w) => w !== null,
      'the reloaded service worker',
    );
    const second = await waitFor(
      () => status(worker!),
      (s) => s?.state === 'ready' && s.build === after.build,
      'the new corpus',
    );
    expect(second).toMatchObject({ articles: 2, error: null });
    expect(await ask(options, { type: 'ui:get-settings', site: 'news.example' })).toMatchObject({
      ok: true,
      value: { global: { theme: 'dark', memory: true }, site: { declutter: false } },
    });
    // The remembered articles are kept, and merged into the new corpus: the reader view has them.
    expect((await list(options)).map((i) => i.id).sort()).toEqual(remembered.map((i) => i.id).sort());
    for (const { id, url } of remembered)
      expect(await ask(options, { type: 'ui:get-article', articleId: id })).toMatchObject({ ok: true, value: { id, url } });
  });
});
