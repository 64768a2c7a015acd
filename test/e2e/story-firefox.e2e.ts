/**
 * The story behind a page in Firefox ESR (puppeteer-core over WebDriver BiDi): the sidebar page,
 * the popup and the reader view on the Swedish seed article served as a local page, checked with
 * axe-core. Mirrors story.e2e.ts; expected values come from the bundled corpus.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusEvent } from '../../src/core/corpus';
import { EXTENSION_ORIGIN, launchFirefox, openExtensionPage, waitForText } from './firefox-driver';
import {
  AXE_RUN_OPTIONS,
  AXE_SOURCE,
  type AxeViolation,
  describeViolations,
  distDir,
  findAnalysis,
  requireBrowser,
  screenshotPath,
  startServer,
  waitFor,
} from './harness';

declare const browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

const SV_SEED = '000_d35634ae92cf12c4';
const firefoxPath = requireBrowser('firefox');

interface BuiltCorpus {
  articles: { id: string; title: string; storyId: string }[];
  events: CorpusEvent[];
  stories: { id: string; articleIds: string[]; related: { storyId: string }[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe
        .run(document, options)
        .then((r) => r.violations),
    AXE_RUN_OPTIONS,
  );
  return describeViolations(violations);
}

const count = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

describe.skipIf(firefoxPath === null)('Firefox: sidebar, popup and reader tell the story', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let firefox: Browser | undefined;
  let probe: Page;
  let tabId: number;
  const corpus = () => JSON.parse(readFileSync(join(distDir('firefox'), 'corpus.json'), 'utf8')) as BuiltCorpus;

  beforeAll(async () => {
    server = await startServer();
    firefox = await launchFirefox(firefoxPath!);
    probe = await openExtensionPage(firefox, 'src/ui/options/index.html');
    const article = await firefox.newPage();
    const url = `${server.origin}/demo/${SV_SEED}.html`;
    await article.goto(url);
    const found = await waitFor(
      async () => findAnalysis(await probe.evaluate(() => browser.storage.session.get(null)), url),
      (f) => f !== null && f.analysis.story !== null,
      'the analysis of the Swedish seed page',
    );
    tabId = found!.tabId;
  });

  afterAll(async () => {
    const results = await Promise.allSettled([firefox?.close(), server?.close()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  it('sidebar page: related coverage, the timeline with honest labels, axe-clean', async () => {
    const c = corpus();
    const own = c.articles.find((a) => a.id === SV_SEED)!;
    const story = c.stories.find((s) => s.id === own.storyId)!;
    const family = new Set([story.id, ...story.related.map((r) => r.storyId)]);
    const articles = new Set(c.stories.filter((s) => family.has(s.id)).flatMap((s) => s.articleIds));
    const events = c.events.filter((e) => articles.has(e.articleId));

    const panel = await openExtensionPage(firefox!, `src/ui/sidepanel/index.html?tab=${tabId}`, { width: 420, height: 900 });
    await waitFor(
      () => count(panel, '[data-testid="timeline-event"]'),
      (n) => n === events.length,
      `${events.length} timeline events`,
    );
    expect(await count(panel, '[data-testid="related-item"]')).toBe(1);
    const timeline = await waitForText(panel, '[data-testid="timeline"]', (t) => t.includes('2013'));
    expect(timeline).toContain('summer 2025');
    expect(timeline).toContain('late October 2025');
    expect(await count(panel, '[data-testid="you-are-here"]')).toBe(1);
    expect(await axe(panel)).toEqual([]);
    await panel.screenshot({ path: screenshotPath('firefox', 'sidebar-story') });

    // The reader view at an event's cited sentence.
    const href = await panel.evaluate(
      () =>
        document.querySelector<HTMLAnchorElement>('[data-testid="timeline-event"][data-date="2013"] a[data-testid="event-cite"]')?.href ??
        '',
    );
    expect(href.startsWith(EXTENSION_ORIGIN)).toBe(true);
    const reader = await openExtensionPage(firefox!, href.slice(EXTENSION_ORIGIN.length + 1), { width: 900, height: 700 });
    const event2013 = events.find((e) => e.date === '2013')!;
    await waitForText(reader, 'mark[data-testid="cited"]', (t) => t === event2013.text, 'the cited sentence');
    await waitFor(
      () =>
        reader.evaluate(() => {
          const m = document.querySelector('mark[data-testid="cited"]')!;
          const r = m.getBoundingClientRect();
          return document.activeElement === m && r.top >= 0 && r.bottom <= innerHeight;
        }),
      (ok) => ok,
      'the cited sentence in view and focused',
    );
    expect(await axe(reader)).toEqual([]);
    await reader.screenshot({ path: screenshotPath('firefox', 'reader') });
    await Promise.all([panel.close(), reader.close()]);
  });

  it('popup: the story summary and key points, axe-clean', async () => {
    const popup = await openExtensionPage(firefox!, `src/ui/popup/index.html?tab=${tabId}`, { width: 380, height: 600 });
    await waitFor(
      () => popup.evaluate(() => document.querySelector('[data-testid="digest"]')?.getAttribute('data-kind') ?? null),
      (k) => k === 'story',
      'the story digest',
    );
    expect(await count(popup, '[data-testid="key-points"] li')).toBeGreaterThanOrEqual(3);
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('firefox', 'popup-story') });
    await popup.close();
    // The options page (the probe) too.
    await waitForText(probe, '[data-testid="corpus-stats"]', (t) => t.includes('Ready'));
    expect(await axe(probe)).toEqual([]);
  });
});
