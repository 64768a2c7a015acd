/**
 * The story behind a page, in real Chromium with the built extension: the seed articles served as
 * local news pages, then the side panel (related coverage, the background timeline, entity cards),
 * the popup (the story summary, or an on-device summary of a page no story matches), the reader
 * view (a cited sentence highlighted and scrolled into view) and the options page (the per-site
 * list). axe-core must find no violations on any of them, in light and dark, and in a Swedish UI.
 * Expected values come from the bundled corpus.json, never from the UI under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import type { CorpusEvent } from '../../src/core/corpus';
import { type ChromiumSession, chromiumSession } from './chromium-session';
import {
  AXE_RUN_OPTIONS,
  AXE_SOURCE,
  type AxeViolation,
  describeViolations,
  distDir,
  requireBrowser,
  screenshotPath,
  startServer,
} from './harness';

const executable = requireBrowser('chromium');

const SV_SEED = '000_d35634ae92cf12c4';
const EN_SEED = '004_b9dd206ab3ce0339';

interface BuiltCorpus {
  articles: { id: string; title: string; published: string; storyId: string; sentences: [number, number][]; body: string }[];
  events: (CorpusEvent & { sources?: { articleId: string }[] })[];
  stories: { id: string; articleIds: string[]; related: { storyId: string }[] }[];
}
const corpus = () => JSON.parse(readFileSync(join(distDir('chrome'), 'corpus.json'), 'utf8')) as BuiltCorpus;

/** The events the timeline of `storyId` must show: every article of the story and of its related stories. */
function expectedEvents(c: BuiltCorpus, storyId: string): CorpusEvent[] {
  const story = c.stories.find((s) => s.id === storyId)!;
  const family = new Set([story.id, ...story.related.map((r) => r.storyId)]);
  const articles = new Set(c.stories.filter((s) => family.has(s.id)).flatMap((s) => s.articleIds));
  return c.events.filter((e) => articles.has(e.articleId));
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

describe.skipIf(executable === null)('Chromium: side panel, popup, reader and options tell the story', () => {
  let chromium: ChromiumSession;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof startServer>>;
  let errors: string[];
  let extUrl: ChromiumSession['extUrl'];
  let analysisFor: ChromiumSession['analysisFor'];

  beforeAll(async () => {
    server = await startServer();
    chromium = await chromiumSession();
    ({ context, errors, extUrl, analysisFor } = chromium);
  });

  afterAll(async () => {
    await (chromium as ChromiumSession | undefined)?.close();
    await (server as typeof server | undefined)?.close();
  });

  async function open(path: string): Promise<{ page: Page; tabId: number; analysis: TabAnalysis }> {
    const page = await context.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    const { tabId, analysis } = await analysisFor(url);
    return { page, tabId, analysis };
  }

  async function extensionPage(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(extUrl(path));
    return page;
  }

  it('side panel on the Swedish seed page: story digest, related coverage, a grouped timeline, entity cards', async () => {
    const c = corpus();
    const seed = await open(`/demo/${SV_SEED}.html`);
    const own = c.articles.find((a) => a.id === SV_SEED)!;
    expect(seed.analysis.story?.id).toBe(own.storyId);

    const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${seed.tabId}`, { width: 420, height: 900 });
    const digest = panel.getByTestId('digest');
    await expect.poll(() => digest.getAttribute('data-kind')).toBe('story');
    const keyPoints = await panel.getByTestId('key-points').locator('li').count();
    expect(keyPoints).toBeGreaterThanOrEqual(3);
    expect(keyPoints).toBeLessThanOrEqual(5);

    // Related coverage: the English article (never the page's own), with the shared entities as chips.
    const related = panel.getByTestId('related-item');
    await expect.poll(() => related.count()).toBe(1);
    const en = c.articles.find((a) => a.id === EN_SEED)!;
    expect(await related.first().getByTestId('related-link').textContent()).toBe(en.title);
    expect(await related.first().locator('.nc-chip').allTextContents()).toContain('Meta');

    // The timeline: every event of the story and its related story, with honest labels.
    const events = expectedEvents(c, own.storyId);
    expect(events.length).toBeGreaterThanOrEqual(5);
    const shown = panel.getByTestId('timeline-event');
    await expect.poll(() => shown.count()).toBe(events.length);
    const timeline = (await panel.getByTestId('timeline').textContent()) ?? '';
    for (const label of ['2013', 'summer 2025', 'late October 2025']) expect(timeline).toContain(label);
    const dates = await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-date') ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)))); // years in order
    // "You are here" sits after every event dated before the page (2025-11-11).
    const hereAfterAll = await panel.evaluate(() => {
      const here = document.querySelector('[data-testid="you-are-here"]');
      const evs = [...document.querySelectorAll('[data-testid="timeline-event"]')];
      return here !== null && evs.every((e) => e.compareDocumentPosition(here) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(hereAfterAll).toBe(true);

    // Filter by entity: only the events that name Scale AI, then all again.
    const withScale = events.filter((e) => e.entities.includes('scale-ai')).length;
    expect(withScale).toBeGreaterThan(0);
    expect(withScale).toBeLessThan(events.length);
    await panel.locator('[data-testid="timeline-filter"][data-entity="scale-ai"]').click();
    await expect.poll(() => panel.locator('[data-testid="timeline-event"]:visible').count()).toBe(withScale);
    expect(await panel.locator('[data-testid="timeline-filter"][data-entity="scale-ai"]').getAttribute('aria-pressed')).toBe('true');
    await panel.locator('[data-testid="timeline-filter"][data-entity=""]').click();
    await expect.poll(() => panel.locator('[data-testid="timeline-event"]:visible').count()).toBe(events.length);

    // The keyboard reaches and works the filter, and focus is always visible.
    await panel.locator('[data-testid="timeline-filter"][data-entity="scale-ai"]').focus();
    await panel.keyboard.press('Space');
    await expect.poll(() => panel.locator('[data-testid="timeline-event"]:visible').count()).toBe(withScale);
    await panel.keyboard.press('Space');
    await expect.poll(() => panel.locator('[data-testid="timeline-event"]:visible').count()).toBe(events.length);
    const focusRings = [];
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 12; i++) {
      await panel.keyboard.press('Tab');
      focusRings.push(
        await panel.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'nothing focused';
          const s = getComputedStyle(el);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'ok' : `${el.tagName} has no focus ring`;
        }),
      );
    }
    expect(focusRings.filter((r) => r !== 'ok')).toEqual([]);

    // Entity cards: one per entity on the page.
    expect(await panel.getByTestId('entity-card').count()).toBe(seed.analysis.entities.length);

    expect(await axe(panel)).toEqual([]);
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-story') });
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-story-full'), fullPage: true });
    await panel.getByTestId('timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-timeline') });
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(panel)).toEqual([]);
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-timeline-dark') });
    await panel.evaluate(() => scrollTo(0, 0));
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-story-dark') });
    await panel.emulateMedia({ colorScheme: 'light' });

    // An event's citation opens the reader view with its sentence highlighted, in view and focused.
    const event2013 = events.find((e) => e.date === '2013')!;
    const [reader] = await Promise.all([
      context.waitForEvent('page'),
      panel.locator(`[data-testid="timeline-event"][data-date="2013"] a[data-testid="event-cite"]`).click(),
    ]);
    await reader.setViewportSize({ width: 900, height: 700 });
    const cited = reader.locator('mark[data-testid="cited"]');
    await expect.poll(() => cited.textContent()).toBe(event2013.text);
    expect(await cited.getAttribute('data-sentence')).toBe(String(event2013.sentence));
    await expect
      .poll(() =>
        cited.evaluate((m) => {
          const r = m.getBoundingClientRect();
          return document.activeElement === m && r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    expect(await reader.getByTestId('reader').getAttribute('lang')).toBe('sv');
    expect(await axe(reader)).toEqual([]);
    await reader.screenshot({ path: screenshotPath('chromium', 'reader') });

    await Promise.all([reader.close(), panel.close(), seed.page.close()]);
  });

  it('popup on the Swedish seed page: the story summary, key points, entities and switches', async () => {
    const seed = await open(`/demo/${SV_SEED}.html`);
    const popup = await extensionPage(`src/ui/popup/index.html?tab=${seed.tabId}`, { width: 380, height: 600 });
    await expect.poll(() => popup.getByTestId('digest').getAttribute('data-kind')).toBe('story');
    const digest = (await popup.getByTestId('digest').textContent()) ?? '';
    // The summary is the corpus story's, in the page's language.
    expect(digest).toContain('Yann LeCun');
    expect(await popup.getByTestId('key-points').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await popup.getByTestId('entities').textContent()).toContain('Meta');
    expect(await popup.locator('#sw-highlights').isChecked()).toBe(true);
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('chromium', 'popup-story'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('chromium', 'popup-story-dark'), fullPage: true });
    await Promise.all([popup.close(), seed.page.close()]);
  });

  it('an article no story matches gets an on-device summary of its own text, labelled as such', async () => {
    const page = await open('/fixtures/en-article.html');
    expect(page.analysis.story).toBeNull();
    const popup = await extensionPage(`src/ui/popup/index.html?tab=${page.tabId}`, { width: 380, height: 600 });
    await expect.poll(() => popup.getByTestId('digest').getAttribute('data-kind')).toBe('page');
    const digest = (await popup.getByTestId('digest').textContent()) ?? '';
    // Its sentences are the page's own.
    const pageText = await page.page.evaluate(() => document.body.innerText);
    const first = await popup
      .getByTestId('digest')
      .locator('p, li')
      .evaluateAll((els) => els.map((e) => (e.textContent as string | null)?.trim() ?? ''));
    expect(first.some((s) => s.length > 30 && pageText.includes(s))).toBe(true);
    expect(digest).toMatch(/this device/i);
    expect(await axe(popup)).toEqual([]);

    const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${page.tabId}`, { width: 420, height: 800 });
    await expect.poll(() => panel.getByTestId('state-nothing-known').count()).toBe(1);
    expect(await axe(panel)).toEqual([]);
    await Promise.all([popup.close(), panel.close(), page.page.close()]);
  });

  it('a page I wrote about the same story: related coverage from both seed articles and "you are here" in June 2025', async () => {
    const page = await open('/fixtures/story-en.html');
    expect(page.analysis.story).not.toBeNull();
    const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${page.tabId}`, { width: 420, height: 900 });
    await expect.poll(() => panel.getByTestId('related-item').count()).toBe(2);
    const here = panel.getByTestId('you-are-here');
    await expect.poll(() => here.count()).toBe(1);
    // The page is dated 2025-06-14: after the 2022 event, before "late October 2025".
    const placed = await panel.evaluate(() => {
      const h = document.querySelector('[data-testid="you-are-here"]')!;
      const evs = [...document.querySelectorAll('[data-testid="timeline-event"]')];
      const before = evs
        .filter((e) => e.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)
        .map((e) => e.getAttribute('data-date'));
      const after = evs
        .filter((e) => e.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_PRECEDING)
        .map((e) => e.getAttribute('data-date'));
      return { before, after };
    });
    expect(placed.before).toContain('2022');
    expect(placed.after).toContain('2025-10');
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-story-en'), fullPage: true });
    await Promise.all([panel.close(), page.page.close()]);
  });

  it('options: global switches, the per-site list with a reset, the corpus', async () => {
    const seed = await open(`/demo/${EN_SEED}.html`);
    const popup = await extensionPage(`src/ui/popup/index.html?tab=${seed.tabId}`, { width: 380, height: 600 });
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(true);
    await popup.locator('#sw-declutter').click();
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(false);

    const options = await extensionPage('src/ui/options/index.html', { width: 900, height: 900 });
    const row = options.locator('[data-testid="site-row"][data-site="127.0.0.1"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await axe(options)).toEqual([]);
    await options.screenshot({ path: screenshotPath('chromium', 'options-sites'), fullPage: true });
    await row.getByTestId('site-reset').click();
    await expect.poll(() => row.count()).toBe(0);
    // Reset means the global default (on) applies again.
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(true);
    await Promise.all([options.close(), popup.close(), seed.page.close()]);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(executable === null)('Chromium: the side panel in a Swedish UI', () => {
  it('speaks Swedish, with Swedish date labels, and passes axe', async () => {
    const server = await startServer();
    const sv = await chromiumSession({ args: ['--lang=sv'] });
    try {
      const page = await sv.context.newPage();
      const url = `${server.origin}/demo/${EN_SEED}.html`;
      await page.goto(url);
      const { tabId } = await sv.analysisFor(url);
      const panel = await sv.context.newPage();
      await panel.setViewportSize({ width: 420, height: 900 });
      await panel.goto(sv.extUrl(`src/ui/sidepanel/index.html?tab=${tabId}`));
      await expect.poll(() => panel.getByTestId('timeline-event').count()).toBeGreaterThan(0);
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe('sv');
      const timeline = (await panel.getByTestId('timeline').textContent()) ?? '';
      expect(timeline).toContain('sommaren 2025');
      expect(timeline).toContain('slutet av oktober 2025');
      expect(await axe(panel)).toEqual([]);
      await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-sv'), fullPage: true });
      await panel.locator('#related').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel-sv-related') });
    } finally {
      await sv.close();
      await server.close();
    }
  });
});
