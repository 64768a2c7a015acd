/**
 * Firefox end to end: the built extension (dist/firefox) in headless Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi. Mirrors the Chromium suite: the content script's report,
 * the analysis in storage.session, the popup, side panel and options pages, a site switch that
 * round-trips through IndexedDB, and the real sidebar opened by a click.
 *
 * The tests share one browser and run in order: the later ones use the article tab and the
 * analysis of the first.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { countWords } from '../../src/core/text';
import {
  EXTENSION_ORIGIN,
  builtManifest,
  chromeScreenshot,
  isBuilt,
  launchFirefox,
  openExtensionPage,
  waitForText,
} from './firefox-driver';
import { bundledCorpusBuild, bundledCorpusLine, findAnalysis, requireBrowser, screenshotPath, startServer, waitFor } from './harness';

/** The native WebExtension global of extension pages, as far as these tests use it. */
declare const browser: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  sidebarAction: { open(): Promise<void>; isOpen(details: { windowId?: number }): Promise<boolean> };
  extension: { getViews(filter: { type: 'sidebar' | 'popup' | 'tab' }): Window[] };
};

declare global {
  interface Window {
    __pageScriptRan?: boolean;
  }
}

const EN_TITLE = 'Harbour city opens its first tidal power station';
const DEMO_SEED = '000_d35634ae92cf12c4';
const POPUP_VIEWPORT = { width: 380, height: 560 };
const PANEL_VIEWPORT = { width: 400, height: 800 };

// Evaluated while collecting: null skips the suite; under CI=true a missing Firefox throws (fails the run).
const firefoxPath = requireBrowser('firefox');

describe.skipIf(firefoxPath === null)('Firefox: the built extension', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let firefox: Browser | undefined;
  /** An extension page kept open to read storage.session with the extension's privileges. */
  let probe: Page;
  let article: Page;
  let articleUrl: string;
  let tabId: number;
  let popup: Page | undefined;

  const session = (): Promise<Record<string, unknown>> => probe.evaluate(() => browser.storage.session.get(null));
  const analysisOf = async (url: string) => findAnalysis(await session(), url);
  const stored = async (): Promise<TabAnalysis | null> => {
    const found = await analysisOf(articleUrl);
    return found && found.tabId === tabId ? found.analysis : null;
  };

  /** The popup of the article tab, opened as a tab (the toolbar popup cannot be driven headless). */
  async function articlePopup(): Promise<Page> {
    popup ??= await openExtensionPage(firefox!, `src/ui/popup/index.html?tab=${tabId}`, POPUP_VIEWPORT);
    return popup;
  }

  beforeAll(async () => {
    server = await startServer();
    firefox = await launchFirefox(firefoxPath!);
    probe = await openExtensionPage(firefox, 'src/ui/options/index.html');
    article = await firefox.newPage();
  });

  afterAll(async () => {
    // Both, even if a test (or the other) failed.
    const results = await Promise.allSettled([firefox?.close(), server?.close()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  it('analyses an English article: the content script reports, the background stores the analysis', async () => {
    articleUrl = `${server!.origin}/fixtures/en-article.html`;
    const visitedAt = Date.now();
    await article.goto(articleUrl);
    // The page keeps working: its own script ran, and the extension added nothing to its DOM.
    expect(await article.evaluate(() => window.__pageScriptRan)).toBe(true);
    expect(await article.$$eval('body [data-news-context-ui]', (els) => els.length)).toBe(0);

    const found = await waitFor(
      () => analysisOf(articleUrl),
      (f) => f !== null,
      'the analysis of en-article in storage.session',
    );
    const { analysis } = found!;
    tabId = found!.tabId;
    expect(Number.isSafeInteger(tabId)).toBe(true);

    expect(analysis.url).toBe(articleUrl);
    expect(analysis.title).toBe(EN_TITLE);
    expect(analysis.lang).toBe('en');
    expect(analysis.langSource).toBe('detected');
    expect(analysis.words).toBeGreaterThanOrEqual(60);
    expect(analysis.words).toBeLessThanOrEqual(200);
    // Hidden, aria-hidden, contenteditable, textarea and script text are not counted: at most
    // the words of what remains visible (the page's own account of it) may be.
    const text = await article.evaluate(() => {
      const visible = document.body.cloneNode(true) as HTMLElement;
      for (const el of visible.querySelectorAll(
        '[hidden], [aria-hidden="true"], [contenteditable]:not([contenteditable="false"]), textarea, script, style',
      ))
        el.remove();
      return {
        visible: visible.textContent,
        all: document.body.textContent + [...document.querySelectorAll('textarea')].map((t) => ` ${t.value}`).join(''),
      };
    });
    expect(countWords(text.all)).toBeGreaterThan(countWords(text.visible)); // the fixture does hide text
    expect(analysis.words).toBeLessThanOrEqual(countWords(text.visible));

    expect(analysis.site.key).toBe('127.0.0.1');
    expect(analysis.site.highlights).toBe(true);
    expect(analysis.site.declutter).toBe(true);
    expect(analysis.corpus.build).toBe(bundledCorpusBuild('firefox'));
    expect(analysis.entities).toEqual([]);
    expect(analysis.story).toBeNull();
    expect(analysis.related).toEqual([]);
    expect(analysis.declutter.active).toBe(true);
    expect(analysis.analysedAt).toBeGreaterThanOrEqual(visitedAt - 1000);
    expect(analysis.analysedAt).toBeLessThanOrEqual(Date.now());
    await article.screenshot({ path: screenshotPath('firefox', 'fixture-page') });
  });

  it('detects Swedish on a page that declares lang="en"', async () => {
    const page = await firefox!.newPage();
    try {
      const url = `${server!.origin}/fixtures/sv-article.html`;
      await page.goto(url);
      const found = await waitFor(
        () => analysisOf(url),
        (f) => f !== null,
        'the analysis of sv-article in storage.session',
      );
      expect(found!.analysis.lang).toBe('sv');
      expect(found!.analysis.langSource).toBe('detected');
      expect(found!.analysis.title).toBe('Kommunen bygger ut cykelbanorna längs kusten');
      expect(found!.tabId).not.toBe(tabId);
    } finally {
      await page.close();
    }
  });

  it('popup: shows the page, its language and the site switches', async () => {
    const page = await articlePopup();
    await waitForText(page, '[data-testid=page-card]', (t) => t.includes(EN_TITLE), 'the popup page card with the title');
    expect(await page.$eval('[data-testid=page-lang]', (el) => el.textContent)).toBe('English');
    expect(await page.$eval('#sw-highlights', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('#sw-declutter', (el) => (el as HTMLInputElement).checked)).toBe(true);
    await waitForText(page, '[data-testid=corpus-status]', (t) => t === bundledCorpusLine('firefox'), 'the popup corpus status line');
    await page.bringToFront();
    await page.screenshot({ path: screenshotPath('firefox', 'popup') });
  });

  it('a site switch round-trips through IndexedDB and survives a reload', async () => {
    const page = await articlePopup();
    await page.bringToFront(); // input goes to the active tab
    const checked = () => page.$eval('#sw-declutter', (el) => (el as HTMLInputElement).checked);
    expect(await checked()).toBe(true);

    await page.click('#sw-declutter');
    const off = await waitFor(stored, (a) => a?.site.declutter === false && !a.declutter.active, 'declutter off in the stored analysis');
    expect(off!.site.highlights).toBe(true);
    await waitFor(checked, (c) => !c, 'the popup switch to show off');

    // A fresh analysis after a reload reads the site's switches from IndexedDB again.
    await article.reload();
    const fresh = await waitFor(stored, (a) => a !== null && a.analysedAt > off!.analysedAt, 'a new analysis after the reload');
    expect(fresh!.site.declutter).toBe(false);
    expect(fresh!.declutter.active).toBe(false);
    expect(fresh!.site.highlights).toBe(true);
    await waitFor(checked, (c) => !c, 'the popup switch to stay off after the reload');

    // Restore, so that the rest of the suite sees the defaults.
    await page.click('#sw-declutter');
    await waitFor(stored, (a) => a?.site.declutter === true && a.declutter.active, 'declutter back on in the stored analysis');
    await waitFor(checked, (c) => c, 'the popup switch to show on again');
  });

  it('side panel page: shows the page and its sections', async () => {
    const page = await openExtensionPage(firefox!, `src/ui/sidepanel/index.html?tab=${tabId}`, PANEL_VIEWPORT);
    try {
      await waitForText(page, '[data-testid=page-card]', (t) => t.includes(EN_TITLE), 'the side panel page card with the title');
      for (const id of ['story', 'related', 'entities']) {
        expect(await page.$(`section#${id}`), `section #${id}`).not.toBeNull();
      }
      await page.screenshot({ path: screenshotPath('firefox', 'sidepanel') });
    } finally {
      await page.close();
    }
  });

  it('options page: shows the bundled corpus, ready', async () => {
    const page = await openExtensionPage(firefox!, 'src/ui/options/index.html', { width: 800, height: 900 });
    try {
      await waitFor(
        () => page.$eval('[data-testid=corpus-stats]', (el) => ({ text: el.textContent, visible: (el as HTMLElement).offsetHeight > 0 })),
        (v) => v.visible && v.text.includes('Ready'),
        'the corpus stats to say Ready',
      );
      const state = await page.$eval('[data-testid=corpus-stats] dd:last-of-type', (el) => el.textContent);
      expect(state).toBe('Ready');
      expect(await page.$eval('[data-testid=corpus-stats]', (el) => el.textContent)).toContain(bundledCorpusBuild('firefox'));
      await page.screenshot({ path: screenshotPath('firefox', 'options') });
    } finally {
      await page.close();
    }
  });

  it('opens the real sidebar from a click in the popup; it follows the active tab', async () => {
    const page = await articlePopup();
    const isOpen = () => page.evaluate(() => browser.sidebarAction.isOpen({}));
    /** What the sidebar's extension page shows (it runs in the extension's process, so getViews sees it). */
    const sidebarView = () =>
      page.evaluate(() =>
        browser.extension.getViews({ type: 'sidebar' }).map((w) => ({
          href: w.location.href,
          card: w.document.querySelector('[data-testid=page-card]')?.textContent ?? null,
          notAnalysed: w.document.querySelector('[data-testid=not-analysed]') !== null,
          width: w.innerWidth,
          scrollWidth: w.document.documentElement.scrollWidth,
        })),
      );
    expect(await isOpen()).toBe(false);
    expect(await sidebarView()).toEqual([]);
    // Without user input Firefox refuses, so what opens it below is the click itself.
    const refused = await page.evaluate(() =>
      browser.sidebarAction.open().then(
        () => 'opened',
        (e: unknown) => String(e),
      ),
    );
    expect(refused).toMatch(/user input/);
    expect(await isOpen()).toBe(false);

    await page.bringToFront();
    await page.click('[data-testid=open-panel]'); // a real click: sidebarAction.open() needs user input
    await waitFor(isOpen, (open) => open, 'sidebarAction.isOpen() after the click');

    // It shows the manifest's panel, which must be in the build (Firefox shows a blank page otherwise).
    const panelPath = builtManifest().sidebar_action?.default_panel ?? '(none)';
    expect(isBuilt(panelPath), `sidebar_action.default_panel dist/firefox/${panelPath} is in the build`).toBe(true);
    // The popup tab is active and is no web page: the sidebar says so.
    const [view] = await waitFor(
      sidebarView,
      (v) => v.length === 1 && v[0]!.notAnalysed,
      'the sidebar to show "not analysed" for the popup tab',
    );
    expect(view!.href).toBe(`${EXTENSION_ORIGIN}/${panelPath}`);
    // Switching to the article tab switches the sidebar to its analysis.
    await article.bringToFront();
    const [shown] = await waitFor(
      sidebarView,
      (v) => v.length === 1 && (v[0]!.card ?? '').includes(EN_TITLE),
      'the sidebar to show the article',
    );
    // Firefox's sidebar is narrow (about 250px by default): the panel must fit, not scroll sideways.
    expect(shown!.width).toBeGreaterThan(100);
    expect(shown!.scrollWidth, `the sidebar's content width at a ${shown!.width}px wide sidebar`).toBeLessThanOrEqual(shown!.width);

    writeFileSync(screenshotPath('firefox', 'sidebar-real'), await chromeScreenshot(firefox!, 'sidebar'));
    writeFileSync(screenshotPath('firefox', 'sidebar-real-window'), await chromeScreenshot(firefox!, 'window'));
  });

  it('page analysis: a Swedish page gets its entities highlighted and the Swedish story named; a page of false friends gets nothing', async () => {
    const page = await firefox!.newPage();
    try {
      await page.setViewport({ width: 1000, height: 800 });
      const url = `${server!.origin}/fixtures/story-sv.html`;
      await page.goto(url);
      const found = await waitFor(
        () => analysisOf(url),
        (f) => f !== null && f.analysis.entities.length > 0 && f.analysis.story !== null,
        'the analysis of the Swedish story page',
      );
      expect(found!.analysis.entities.map((e) => e.id)).toEqual(
        expect.arrayContaining(['yann-lecun', 'meta', 'alexandr-wang', 'scale-ai']),
      );
      expect(found!.analysis.story?.id).toBe('story-000_d35634ae92cf12c4');
      // The highlight registry belongs to the document, so the page's own world sees our ranges.
      const size = await waitFor(
        () =>
          page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('news-context')?.size ?? 0),
        (n) => n > 0,
        'highlights in Firefox',
      );
      expect(size).toBeGreaterThanOrEqual(found!.analysis.entities.reduce((sum, e) => sum + e.count, 0));
      await page.screenshot({ path: screenshotPath('firefox', 'analysis-sv-highlights') });

      const negative = `${server!.origin}/fixtures/negative-en.html`;
      await page.goto(negative);
      const none = await waitFor(
        () => analysisOf(negative),
        (f) => f !== null,
        'the analysis of the negative page',
      );
      expect(none!.analysis.entities).toEqual([]);
      expect(none!.analysis.story).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('hover card: resting on a name opens the card beside it, Esc closes it; German and late pages are analysed', async () => {
    const page = await firefox!.newPage();
    try {
      await page.setViewport({ width: 1000, height: 800 });
      const url = `${server!.origin}/fixtures/story-en.html`;
      await page.goto(url);
      await waitFor(
        () => analysisOf(url),
        (f) => f !== null && f.analysis.entities.length > 0,
        'the analysis of the English story page',
      );
      const rect = await waitFor(
        () =>
          page.evaluate(() => {
            const hl = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('news-context');
            for (const r of hl ?? []) {
              if (r instanceof Range && r.toString() === 'Alexandr Wang') {
                const b = r.getBoundingClientRect();
                return { x: b.left + b.width / 2, y: b.top + b.height / 2, top: b.top, bottom: b.bottom };
              }
            }
            return null;
          }),
        (r) => r !== null,
        'a highlighted "Alexandr Wang"',
      );
      await page.bringToFront();
      await page.mouse.move(rect!.x, rect!.y);
      await waitFor(
        async () => (await page.$('news-context-card'))?.boundingBox() ?? null,
        (b) => b !== null && b.height > 40,
        'the hover card',
      );
      // Beside the word, never over it. The word and the card are measured together (one layout):
      // the page may still shift (the declutter script hides boilerplate a moment later) and the
      // card follows its word in the next frame, so a rect taken before the hover proves nothing.
      const placed = await waitFor(
        () =>
          page.evaluate(() => {
            const card = document.documentElement.querySelector(':scope > news-context-card');
            const hl = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('news-context');
            // The first highlighted "Alexandr Wang": the one the pointer rests on, as above.
            for (const r of hl ?? []) {
              if (!card || !(r instanceof Range) || r.toString() !== 'Alexandr Wang') continue;
              const w = r.getBoundingClientRect();
              const c = card.getBoundingClientRect();
              return { word: { top: w.top, bottom: w.bottom }, card: { top: c.top, bottom: c.bottom, height: c.height } };
            }
            return null;
          }),
        (m) => m !== null && m.card.height > 40 && (m.card.top >= m.word.bottom || m.card.bottom <= m.word.top),
        'the card beside "Alexandr Wang", not over it',
        2000,
      );
      expect(placed).not.toBeNull();
      await page.screenshot({ path: screenshotPath('firefox', 'analysis-hover-card') });
      await page.keyboard.press('Escape');
      await waitFor(
        () => page.$('news-context-card'),
        (el) => el === null,
        'the card to close on Esc',
      );

      for (const [name, story] of [
        ['story-de', 'story-004_b9dd206ab3ce0339'],
        ['late', null],
      ] as const) {
        const u = `${server!.origin}/fixtures/${name}.html`;
        await page.goto(u);
        const f = await waitFor(
          () => analysisOf(u),
          (x) => x !== null && x.analysis.entities.length > 0,
          `the analysis of ${name}`,
        );
        expect(f!.analysis.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['alexandr-wang', 'scale-ai']));
        if (story) expect(f!.analysis.story?.id).toBe(story);
      }
    } finally {
      await page.close();
    }
  });

  it('screenshots a demo page', async () => {
    const page = await firefox!.newPage();
    try {
      await page.setViewport({ width: 1000, height: 800 });
      const url = `${server!.origin}/demo/${DEMO_SEED}.html`;
      await page.goto(url);
      // The demo page's head says what a news site's would: the headline and the outlet.
      expect(await page.title()).toMatch(/^Dråpslaget mot Meta .* \| Dagens PS$/);
      const found = await waitFor(
        () => analysisOf(url),
        (f) => f !== null,
        'the analysis of the demo page',
      );
      expect(found!.analysis.lang).toBe('sv');
      // It is the corpus article itself: recognised, so never listed as its own related coverage.
      expect(found!.analysis.articleId).toBe(DEMO_SEED);
      expect(found!.analysis.related.map((r) => r.articleId)).not.toContain(DEMO_SEED);
      await page.screenshot({ path: screenshotPath('firefox', 'demo-page') });
    } finally {
      await page.close();
    }
  });
});
