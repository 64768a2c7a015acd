/**
 * "Nothing leaves the machine", end to end in Chromium: every network request of every extension
 * context is recorded across a browsing session (the service worker through Playwright's
 * service-worker network events, extension pages and the pages our content scripts run in through
 * the context's request events), and the only requests allowed are chrome-extension:// URLs and the
 * very documents the test navigates to. A control step makes the service worker fetch a URL of the
 * local server and requires it to be recorded, so the recorder is proven able to fail.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/chromium.mjs';
import type { TabAnalysis } from '../../src/core/analysis';
import { distDir, findAnalysis, requireBrowser, startServer, waitFor } from './harness';

// Read by Playwright when it attaches to a service worker: without it the worker's requests are not reported.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const executable = requireBrowser('chromium');

const SESSION = [
  '/demo/000_d35634ae92cf12c4.html',
  '/demo/004_b9dd206ab3ce0339.html',
  '/fixtures/story-en.html',
  '/fixtures/clutter-en.html',
  '/fixtures/wall-modal-en.html',
];

interface Recorded {
  url: string;
  from: string;
  navigation: boolean;
  resourceType: string;
}

describe.skipIf(executable === null)('Chromium: no extension context makes a network request', () => {
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  const recorded: Recorded[] = [];
  const navigated = new Set<string>();
  /** Requests of the browsed pages that their own HTML parser made (e.g. clutter-en's images), by CDP initiator. */
  const parserInitiated = new Set<string>();
  const initiators = new Map<string, string>();
  const errors: string[] = [];

  const describeSource = (r: Request): string => {
    const sw = r.serviceWorker();
    if (sw) return `service worker ${sw.url()}`;
    try {
      return `frame ${r.frame().url() || '(blank)'}`;
    } catch {
      return 'unknown';
    }
  };

  beforeAll(async () => {
    server = await startServer();
    ({ context, worker, extensionId, profile } = await launchWithExtension({ extensionDir: distDir('chrome'), headless: true }));
    context.on('request', (r) => {
      recorded.push({ url: r.url(), from: describeSource(r), navigation: r.isNavigationRequest(), resourceType: r.resourceType() });
    });
    context.on('console', (m) => {
      // Ours only: clutter-en's own images are missing on the server, and the page logs their 404s.
      const where = m.location().url;
      if (m.type() === 'error' && (where.startsWith('chrome-extension://') || m.text().includes('[news-context]'))) {
        errors.push(`${where}: ${m.text()}`);
      }
    });
    context.on('weberror', (e) => errors.push(`uncaught ${e.error().message}`));
    await waitFor(
      () => worker.evaluate(() => chrome.storage.session.get('corpus:status')),
      (s) => (s['corpus:status'] as { state?: string } | undefined)?.state === 'ready',
      'the corpus to load',
    );
  });

  afterAll(async () => {
    await (context as BrowserContext | undefined)?.close();
    await (server as typeof server | undefined)?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const extUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

  async function extensionPage(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(extUrl(path));
    return page;
  }

  it('control: a fetch made by the service worker is recorded (the recorder can fail)', async () => {
    const probe = `${server.origin}/probe?control=1`;
    const status = await worker.evaluate(async (url) => (await fetch(url)).status, probe);
    expect(status).toBe(404);
    await waitFor(
      () => Promise.resolve(recorded.filter((r) => r.url === probe)),
      (rs) => rs.length > 0,
      'the control request to be recorded',
    );
    const control = recorded.find((r) => r.url === probe)!;
    expect(control.from).toMatch(/^service worker chrome-extension:\/\//);
    // Forget the control request: everything recorded from here on must be allowed.
    recorded.length = 0;
  });

  it('a browsing session with popup, side panel, options, reader and a hover card makes no request', async () => {
    const tabs: { page: Page; tabId: number; analysis: TabAnalysis; url: string }[] = [];
    for (const path of SESSION) {
      const url = `${server.origin}${path}`;
      navigated.add(url);
      const page = await context.newPage();
      // The initiator of each request of the page: the page's own parser, or a script (whose?).
      const cdp = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (e) => {
        const stack = e.initiator.stack?.callFrames[0]?.url;
        initiators.set(e.request.url, `${e.initiator.type} ${e.initiator.url ?? stack ?? ''}`);
        if (e.initiator.type === 'parser' && e.initiator.url === url) parserInitiated.add(e.request.url);
      });
      await cdp.send('Network.enable');
      await page.goto(url);
      const found = await waitFor(
        async () => findAnalysis(await worker.evaluate(() => chrome.storage.session.get(null)), url),
        (r) => r !== null,
        `the analysis of ${path}`,
      );
      tabs.push({ page, url, ...found! });
    }

    // Hover a name on the English story page until its card opens.
    const story = tabs.find((t) => t.url.endsWith('/fixtures/story-en.html'))!;
    await story.page.bringToFront();
    const rect = await waitFor(
      () =>
        story.page.evaluate(() => {
          for (const r of CSS.highlights.get('news-context') ?? []) {
            if (r instanceof Range && r.toString() === 'Alexandr Wang') {
              const b = r.getBoundingClientRect();
              return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
            }
          }
          return null;
        }),
      (r) => r !== null,
      'a highlighted name',
    );
    await story.page.mouse.move(rect!.x, rect!.y);
    await waitFor(
      () => story.page.locator('news-context-card').count(),
      (n) => n === 1,
      'the hover card',
    );

    // Popup and side panel for every page of the session.
    for (const t of tabs) {
      const popup = await extensionPage(`src/ui/popup/index.html?tab=${t.tabId}`);
      await waitFor(
        () => popup.getByTestId('digest').count(),
        (n) => n > 0,
        `the popup of ${t.url}`,
      );
      const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${t.tabId}`);
      await waitFor(
        () => panel.locator('main, [data-testid]').count(),
        (n) => n > 0,
        `the side panel of ${t.url}`,
      );
      // The reader view, opened from a timeline citation where there is a timeline.
      if (t.analysis.story) {
        const cite = panel.locator('a[data-testid="event-cite"]').first();
        await waitFor(
          () => cite.count(),
          (n) => n > 0,
          'a timeline citation',
        );
        const [reader] = await Promise.all([context.waitForEvent('page'), cite.click()]);
        await waitFor(
          () => reader.locator('mark[data-testid="cited"]').count(),
          (n) => n === 1,
          'the reader view at its cited sentence',
        );
        await reader.close();
      }
      await popup.close();
      await panel.close();
    }
    const options = await extensionPage('src/ui/options/index.html');
    await waitFor(
      () => options.locator('[data-testid="site-row"], input[type="checkbox"]').count(),
      (n) => n > 0,
      'the options page',
    );
    await options.close();
    // Let anything deferred (idle callbacks, timers) happen before counting.
    await new Promise((r) => setTimeout(r, 1500));
    for (const t of tabs) await t.page.close();

    console.log(
      `privacy: ${recorded.length} requests recorded during the session\n${recorded
        .map(
          (r) =>
            `  ${r.navigation ? 'nav ' : '    '}${r.resourceType.padEnd(10)} ${r.url}  <- ${r.from}${initiators.has(r.url) ? ` (initiator: ${initiators.get(r.url)})` : ''}`,
        )
        .join('\n')}`,
    );
    // Allowed: our own files, the documents navigated to, and what a page's own HTML asks for (not a script of ours).
    const allowed = (r: Recorded) =>
      r.url.startsWith(`chrome-extension://${extensionId}/`) ||
      (r.navigation && r.resourceType === 'document' && navigated.has(r.url)) ||
      (!r.navigation && parserInitiated.has(r.url) && !r.from.startsWith('service worker'));
    expect(recorded.filter((r) => !allowed(r))).toEqual([]);
    // The session did what it should have: every page was loaded, and extension pages were recorded too.
    for (const url of navigated) expect(recorded.some((r) => r.url === url && r.navigation)).toBe(true);
    expect(recorded.some((r) => r.url.startsWith(extUrl('src/ui/sidepanel/')))).toBe(true);
    expect(errors).toEqual([]);
  });
});
