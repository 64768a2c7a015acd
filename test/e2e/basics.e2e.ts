/**
 * The built extension in real headless Chromium (dist/chrome, playwright-core) and Firefox ESR
 * (dist/firefox, puppeteer-core over WebDriver BiDi), one suite through driver.ts: the content
 * script runs on a page served from 127.0.0.1, the background writes the tab's analysis through
 * IndexedDB to storage.session, and the popup, side panel and options pages show it; a site switch
 * round-trips through IndexedDB; the browser's real panel (Chromium's side panel, Firefox's
 * sidebar) opens from a click in the popup and follows the active tab.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, chromium as playwrightChromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { countWords } from '../../src/core/text';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { EXTENSION_ORIGIN, builtManifest, chromeScreenshot, isBuilt } from './firefox-driver';
import { bundledCorpusBuild, bundledCorpusLine, screenshotPath, startServer, waitFor } from './harness';

/** The native WebExtension global of Firefox's extension pages, as far as these tests use it. */
declare const browser: {
  sidebarAction: { open(): Promise<void>; isOpen(details: { windowId?: number }): Promise<boolean> };
  extension: { getViews(filter: { type: 'sidebar' | 'popup' | 'tab' }): Window[] };
};

const EN_TITLE = 'Harbour city opens its first tidal power station';
const DEMO_SEED = '000_d35634ae92cf12c4';
const POPUP_VIEWPORT = { width: 380, height: 560 };
const PANEL_VIEWPORT = { width: 400, height: 800 };
const PAGE_VIEWPORT = { width: 1000, height: 800 };

const text = (page: DriverPage, selector: string) => page.run((s) => document.querySelector(s)?.textContent ?? null, selector);
const checked = (page: DriverPage, selector: string) =>
  page.run((s) => document.querySelector<HTMLInputElement>(s)?.checked ?? null, selector);
const textHas = (page: DriverPage, selector: string, want: string, what: string) =>
  waitFor(
    () => text(page, selector),
    (t) => t?.includes(want) ?? false,
    what,
  );

for (const d of DRIVERS) {
  const target = d.name === 'chromium' ? 'chrome' : 'firefox';

  describe.skipIf(d.path === null)(`${d.title}: the built extension`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;
    /** The tab of the first test's article. */
    let firstTab: number;

    beforeAll(async () => {
      server = await startServer();
      driver = await d.start();
    });

    afterAll(async () => {
      // beforeAll may have failed half-way: close whatever exists.
      await (driver as Driver | undefined)?.close();
      await (server as typeof server | undefined)?.close();
    });

    async function openArticle(
      path: string,
      accept?: (a: TabAnalysis) => boolean,
    ): Promise<{ page: DriverPage; url: string; tabId: number; analysis: TabAnalysis }> {
      const url = `${server.origin}${path}`;
      const page = await driver.open(url);
      const { tabId, analysis } = await driver.analysisFor(url, accept);
      return { page, url, tabId, analysis };
    }

    it('analyses an English article: the content script reports, the background stores the analysis through IndexedDB', async () => {
      const visitedAt = Date.now();
      const { page, url, tabId, analysis } = await openArticle('/fixtures/en-article.html');
      firstTab = tabId;
      expect(Number.isSafeInteger(tabId)).toBe(true);
      expect(analysis).toMatchObject({
        url,
        title: EN_TITLE,
        lang: 'en',
        langSource: 'detected',
        entities: [],
        story: null,
        related: [],
        declutter: { active: true },
        site: { key: '127.0.0.1', highlights: true, declutter: true },
        corpus: { build: bundledCorpusBuild(target) },
      });
      expect(analysis.words).toBeGreaterThan(60);
      expect(analysis.words).toBeLessThan(200);
      // Hidden, aria-hidden, contenteditable, textarea and script text are not counted: at most
      // the words of what remains visible (the page's own account of it) may be.
      const words = await page.eval<{ visible: string; all: string }>(`(() => {
        const visible = document.body.cloneNode(true);
        for (const el of visible.querySelectorAll(
          '[hidden], [aria-hidden="true"], [contenteditable]:not([contenteditable="false"]), textarea, script, style',
        ))
          el.remove();
        return {
          visible: visible.textContent,
          all: document.body.textContent + [...document.querySelectorAll('textarea')].map((t) => ' ' + t.value).join(''),
        };
      })()`);
      expect(countWords(words.all)).toBeGreaterThan(countWords(words.visible)); // the fixture does hide text
      expect(analysis.words).toBeLessThanOrEqual(countWords(words.visible));
      expect(analysis.analysedAt).toBeGreaterThanOrEqual(visitedAt - 1000);
      expect(analysis.analysedAt).toBeLessThanOrEqual(Date.now());
      // The page keeps working: its own script ran, and we added nothing to its body (declutter's
      // one stylesheet sits in <head>; what it hides is marked with attributes only).
      expect(await page.eval('window.__pageScriptRan')).toBe(true);
      expect(await page.eval(`document.querySelectorAll('body [data-news-context-ui]').length`)).toBe(0);
      await page.screenshot('fixture-page');
      await page.close();
    });

    it('detects Swedish on a page that wrongly declares English', async () => {
      const { page, tabId, analysis } = await openArticle('/fixtures/sv-article.html');
      expect(analysis).toMatchObject({ lang: 'sv', langSource: 'detected', title: 'Kommunen bygger ut cykelbanorna längs kusten' });
      expect(tabId).not.toBe(firstTab);
      await page.close();
    });

    it('popup: shows the page, its language, the site switches and the corpus; dark pages follow prefers-color-scheme', async () => {
      const article = await openArticle('/fixtures/en-article.html');
      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${article.tabId}`, POPUP_VIEWPORT);
      await textHas(popup, '[data-testid=page-card]', EN_TITLE, 'the popup page card with the title');
      expect(await text(popup, '[data-testid=page-lang]')).toBe('English');
      expect(await checked(popup, '#sw-highlights')).toBe(true);
      expect(await checked(popup, '#sw-declutter')).toBe(true);
      expect(bundledCorpusLine(target)).not.toMatch(/Corpus: 0 articles/);
      await waitFor(
        () => text(popup, '[data-testid=corpus-status]'),
        (t) => t === bundledCorpusLine(target),
        'the popup corpus status line',
      );
      await popup.front();
      await popup.screenshot('popup');
      try {
        await popup.colorScheme('dark');
        // Firefox applies its colour-scheme setting to a page's styles a moment after it is set.
        await waitFor(
          () => popup.eval<string>('getComputedStyle(document.body).backgroundColor'),
          (bg) => bg === 'rgb(23, 25, 29)',
          'the dark background',
          5000,
        );
        await popup.screenshot('popup-dark');
        await popup.colorScheme('light');
      } finally {
        // Closed whatever happened: a page left open would answer the next test's questions.
        await Promise.all([popup.close(), article.page.close()]);
      }
    });

    it('a site switch round-trips through IndexedDB and survives a reload', async () => {
      const article = await openArticle('/fixtures/en-article.html');
      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${article.tabId}`, POPUP_VIEWPORT);
      await popup.front(); // input goes to the active tab
      await waitFor(
        () => checked(popup, '#sw-declutter'),
        (c) => c === true,
        'the switch on',
      );

      // Switch declutter off for this site: background → IndexedDB → storage.session → popup.
      await popup.click('#sw-declutter');
      const off = await driver.analysisFor(article.url, (a) => !a.site.declutter && !a.declutter.active);
      expect(off.tabId).toBe(article.tabId);
      expect(off.analysis.site.highlights).toBe(true);
      await waitFor(
        () => checked(popup, '#sw-declutter'),
        (c) => c === false,
        'the popup switch to show off',
      );

      // A reload is analysed afresh, and the setting comes back out of IndexedDB.
      await article.page.reload();
      const fresh = await driver.analysisFor(article.url, (a) => a.analysedAt > off.analysis.analysedAt);
      expect(fresh.analysis.site.declutter).toBe(false);
      expect(fresh.analysis.declutter.active).toBe(false);
      expect(fresh.analysis.site.highlights).toBe(true);
      await waitFor(
        () => checked(popup, '#sw-declutter'),
        (c) => c === false,
        'the popup switch to stay off after the reload',
      );

      // Restore, so that the rest of the suite sees the defaults.
      await popup.click('#sw-declutter');
      await driver.analysisFor(article.url, (a) => a.site.declutter && a.declutter.active);
      await waitFor(
        () => checked(popup, '#sw-declutter'),
        (c) => c === true,
        'the popup switch to show on again',
      );
      await Promise.all([popup.close(), article.page.close()]);
    });

    it('side panel page: shows the page and its sections, and follows the analysis', async () => {
      const article = await openArticle('/fixtures/en-article.html');
      const panel = await driver.openExtension(`src/ui/sidepanel/index.html?tab=${article.tabId}`, PANEL_VIEWPORT);
      await textHas(panel, '[data-testid=page-card]', EN_TITLE, 'the side panel page card with the title');
      for (const id of ['story', 'related', 'entities'])
        expect(await panel.run((s) => document.querySelector(`section#${s}`)?.checkVisibility() ?? false, id), `section #${id}`).toBe(true);
      await panel.screenshot('sidepanel');

      // The panel follows the analysis: a reload of the tab re-renders it without a reload of the panel.
      await article.page.reload();
      await driver.analysisFor(article.url, (a) => a.analysedAt > article.analysis.analysedAt);
      await textHas(panel, '[data-testid=page-card]', 'Harbour city', 'the panel after the reload');
      await Promise.all([panel.close(), article.page.close()]);
    });

    it('options page: shows the bundled corpus, ready', async () => {
      const options = await driver.openExtension('src/ui/options/index.html', { width: 800, height: 900 });
      await waitFor(
        () =>
          options.eval<{ text: string; visible: boolean }>(
            `(() => { const el = document.querySelector('[data-testid=corpus-stats]'); return { text: el?.textContent ?? '', visible: (el?.offsetHeight ?? 0) > 0 }; })()`,
          ),
        (v) => v.visible && v.text.includes('Ready'),
        'the corpus stats to say Ready',
      );
      expect(await text(options, '[data-testid=corpus-stats] dd:last-of-type')).toBe('Ready');
      expect(await text(options, '[data-testid=corpus-stats]')).toContain(bundledCorpusBuild(target));
      await options.screenshot('options');
      await options.close();
    });

    // The browser's own panel is where the two differ most: Chromium's side panel is a
    // chrome.sidePanel context outside Playwright's pages (reached over the DevTools port),
    // Firefox's sidebar is opened by sidebarAction and seen through extension.getViews.
    if (d.name === 'chromium') {
      it('opens the real side panel from a click in the popup, and the panel follows the active tab', async () => {
        if (driver.raw.name !== 'chromium') throw new Error('a Chromium driver');
        const { worker, profile, extUrl } = driver.raw.session;
        const article = await openArticle('/fixtures/en-article.html');
        const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${article.tabId}`);
        await textHas(popup, '[data-testid=page-card]', 'Harbour city', 'the popup page card');
        const sidePanels = () => worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
        expect(await sidePanels()).toHaveLength(0);

        await popup.click('[data-testid=open-panel]');
        // The context appears before its document commits: wait for its URL, then check it.
        const [panelContext] = await waitFor(sidePanels, (c) => c.length === 1 && Boolean(c[0]?.documentUrl), 'the side panel to open');
        expect(panelContext?.documentUrl).toBe(extUrl('src/ui/sidepanel/index.html'));

        // The side panel is not among Playwright's pages; attach to it over the DevTools port.
        const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
        const cdp = await playwrightChromium.connectOverCDP(`http://127.0.0.1:${port}`);
        try {
          const isPanel = (p: Page) => p.url() === extUrl('src/ui/sidepanel/index.html');
          const panel = await waitFor(
            () =>
              Promise.resolve(
                cdp
                  .contexts()
                  .flatMap((c) => c.pages())
                  .find(isPanel) ?? null,
              ),
            (p) => p !== null,
            'the side panel page',
          );
          // The popup tab is active and was never analysed; switching to the article re-renders the panel.
          await expect.poll(() => panel!.locator('main').textContent()).toContain('Nothing to show for this tab');
          await article.page.front();
          await expect
            .poll(() => panel!.getByTestId('page-card').textContent(), { timeout: 15_000 })
            .toContain('Harbour city opens its first tidal power station');
          await panel!.screenshot({ path: screenshotPath('chromium', 'sidepanel-real') });
        } finally {
          await cdp.close();
        }
        await Promise.all([popup.close(), article.page.close()]);
      });
    } else {
      it('opens the real sidebar from a click in the popup; it follows the active tab', async () => {
        if (driver.raw.name !== 'firefox') throw new Error('a Firefox driver');
        const firefox = driver.raw.browser;
        const article = await openArticle('/fixtures/en-article.html');
        const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${article.tabId}`, POPUP_VIEWPORT);
        const isOpen = () => popup.run(() => browser.sidebarAction.isOpen({}), null);
        /** What the sidebar's extension page shows (it runs in the extension's process, so getViews sees it). */
        const sidebarView = () =>
          popup.run(
            () =>
              browser.extension.getViews({ type: 'sidebar' }).map((w) => ({
                href: w.location.href,
                card: w.document.querySelector('[data-testid=page-card]')?.textContent ?? null,
                notAnalysed: w.document.querySelector('[data-testid=not-analysed]') !== null,
                width: w.innerWidth,
                scrollWidth: w.document.documentElement.scrollWidth,
              })),
            null,
          );
        expect(await isOpen()).toBe(false);
        expect(await sidebarView()).toEqual([]);
        // Without user input Firefox refuses, so what opens it below is the click itself.
        const refused = await popup.run(
          () =>
            browser.sidebarAction.open().then(
              () => 'opened',
              (e: unknown) => String(e),
            ),
          null,
        );
        expect(refused).toMatch(/user input/);
        expect(await isOpen()).toBe(false);

        await popup.front();
        await popup.click('[data-testid=open-panel]'); // a real click: sidebarAction.open() needs user input
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
        await article.page.front();
        const [shown] = await waitFor(
          sidebarView,
          (v) => v.length === 1 && (v[0]!.card ?? '').includes(EN_TITLE),
          'the sidebar to show the article',
        );
        // Firefox's sidebar is narrow (about 250px by default): the panel must fit, not scroll sideways.
        expect(shown!.width).toBeGreaterThan(100);
        expect(shown!.scrollWidth, `the sidebar's content width at a ${shown!.width}px wide sidebar`).toBeLessThanOrEqual(shown!.width);

        writeFileSync(screenshotPath('firefox', 'sidebar-real'), await chromeScreenshot(firefox, 'sidebar'));
        writeFileSync(screenshotPath('firefox', 'sidebar-real-window'), await chromeScreenshot(firefox, 'window'));
        await Promise.all([popup.close(), article.page.close()]);
      });
    }

    it('keeps the analysis while a frame loads inside the page, and drops it when the tab goes elsewhere', async () => {
      const article = await openArticle('/fixtures/en-article.html');
      // A frame loading inside the page (an ad, an embed) is not a new page.
      await article.page.run(async (src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        document.body.append(frame);
        await loaded;
      }, `${server.origin}/fixtures/sv-article.html?frame`);
      await new Promise((r) => setTimeout(r, 500));
      const kept = await driver.session().then((s) => s[`tab:${article.tabId}`] as TabAnalysis | undefined);
      expect(kept?.analysedAt).toBe(article.analysis.analysedAt);
      // A new page in the tab: the old analysis goes, the new one comes.
      const next = `${server.origin}/fixtures/sv-article.html`;
      await article.page.goto(next);
      // This tab's own analysis (another tab may show the same page).
      await waitFor(
        () => driver.session().then((s) => (s[`tab:${article.tabId}`] as TabAnalysis | undefined)?.url),
        (url) => url === next,
        'the tab analysed at its new page',
      );
      await article.page.close();
    });

    // Chromium only: chrome://extensions states the extension's own errors and warnings, and the
    // driver hears every context's console (Firefox's BiDi session hears the tabs' alone).
    if (d.name === 'chromium') {
      it('loads enabled, and no context logged an error or a warning', async () => {
        if (driver.raw.name !== 'chromium') throw new Error('a Chromium driver');
        const { context, extensionId } = driver.raw.session;
        const page = await context.newPage();
        await page.goto('chrome://extensions');
        const info = await waitFor(
          () =>
            page.evaluate((id) => {
              type Item = HTMLElement & {
                data?: { state: string; installWarnings: unknown[]; manifestErrors: unknown[]; runtimeErrors: unknown[] };
              };
              const list = document.querySelector('extensions-manager')?.shadowRoot?.querySelector('extensions-item-list');
              return list?.shadowRoot?.querySelector<Item>(`extensions-item#${id}`)?.data ?? null;
            }, extensionId),
          (v) => v !== null,
          'the extension on chrome://extensions',
        );
        expect(info).toMatchObject({ state: 'ENABLED', installWarnings: [], manifestErrors: [], runtimeErrors: [] });
        await page.close();
        expect(driver.errors).toEqual([]);
      });
    }

    it('page analysis: a Swedish page gets its entities highlighted and the Swedish story named; a page of false friends gets nothing', async () => {
      const url = `${server.origin}/fixtures/story-sv.html`;
      const page = await driver.open(url, { viewport: PAGE_VIEWPORT });
      const found = await driver.analysisFor(url, (a) => a.entities.length > 0 && a.story !== null);
      expect(found.analysis.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['yann-lecun', 'meta', 'alexandr-wang', 'scale-ai']));
      expect(found.analysis.story?.id).toBe('story-000_d35634ae92cf12c4');
      // The highlight registry belongs to the document, so the page's own world sees our ranges.
      const size = await waitFor(
        () => page.eval<number>(`CSS.highlights?.get('news-context')?.size ?? 0`),
        (n) => n > 0,
        'highlights',
      );
      expect(size).toBeGreaterThanOrEqual(found.analysis.entities.reduce((sum, e) => sum + e.count, 0));
      await page.screenshot('analysis-sv-highlights');

      const negative = `${server.origin}/fixtures/negative-en.html`;
      await page.goto(negative);
      const none = await driver.analysisFor(negative);
      expect(none.analysis.entities).toEqual([]);
      expect(none.analysis.story).toBeNull();
      await page.close();
    });

    it('hover card: resting on a name opens the card beside it, Esc closes it; German and late pages are analysed', async () => {
      const url = `${server.origin}/fixtures/story-en.html`;
      const page = await driver.open(url, { viewport: PAGE_VIEWPORT });
      await driver.analysisFor(url, (a) => a.entities.length > 0);
      const rect = await waitFor(
        () =>
          page.eval<{ x: number; y: number } | null>(`(() => {
            for (const r of CSS.highlights?.get('news-context') ?? []) {
              if (r instanceof Range && r.toString() === 'Alexandr Wang') {
                const b = r.getBoundingClientRect();
                return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
              }
            }
            return null;
          })()`),
        (r) => r !== null,
        'a highlighted "Alexandr Wang"',
      );
      await page.front();
      await page.hover(rect!.x, rect!.y);
      const cardHeight = `document.querySelector('news-context-card')?.getBoundingClientRect().height ?? null`;
      await waitFor(
        () => page.eval<number | null>(cardHeight),
        (h) => h !== null && h > 40,
        'the hover card',
      );
      // Beside the word, never over it. The word and the card are measured together (one layout):
      // the page may still shift (the declutter script hides boilerplate a moment later) and the
      // card follows its word in the next frame, so a rect taken before the hover proves nothing.
      const placed = await waitFor(
        () =>
          page.eval<{ word: { top: number; bottom: number }; card: { top: number; bottom: number; height: number } } | null>(`(() => {
            const card = document.documentElement.querySelector(':scope > news-context-card');
            // The first highlighted "Alexandr Wang": the one the pointer rests on, as above.
            for (const r of CSS.highlights?.get('news-context') ?? []) {
              if (!card || !(r instanceof Range) || r.toString() !== 'Alexandr Wang') continue;
              const w = r.getBoundingClientRect();
              const c = card.getBoundingClientRect();
              return { word: { top: w.top, bottom: w.bottom }, card: { top: c.top, bottom: c.bottom, height: c.height } };
            }
            return null;
          })()`),
        (m) => m !== null && m.card.height > 40 && (m.card.top >= m.word.bottom || m.card.bottom <= m.word.top),
        'the card beside "Alexandr Wang", not over it',
        2000,
      );
      expect(placed).not.toBeNull();
      await page.screenshot('analysis-hover-card');
      await page.press('Escape');
      await waitFor(
        () => page.eval<number | null>(cardHeight),
        (h) => h === null,
        'the card to close on Esc',
      );

      for (const [name, story] of [
        ['story-de', 'story-004_b9dd206ab3ce0339'],
        ['late', null],
      ] as const) {
        const u = `${server.origin}/fixtures/${name}.html`;
        await page.goto(u);
        const f = await driver.analysisFor(u, (a) => a.entities.length > 0);
        expect(f.analysis.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['alexandr-wang', 'scale-ai']));
        if (story) expect(f.analysis.story?.id).toBe(story);
      }
      await page.close();
    });

    it('screenshots the demo page built from a seed article', async () => {
      const url = `${server.origin}/demo/${DEMO_SEED}.html`;
      const page = await driver.open(url, { viewport: PAGE_VIEWPORT });
      const { analysis } = await driver.analysisFor(url);
      // The demo page's head says what a news site's would: the headline and the outlet.
      expect(await page.eval('document.title')).toMatch(/^Dråpslaget mot Meta .* \| Dagens PS$/);
      expect(analysis.lang).toBe('sv');
      // It is the corpus article itself: recognised, so never listed as its own related coverage.
      expect(analysis.articleId).toBe(DEMO_SEED);
      expect(analysis.related.map((r) => r.articleId)).not.toContain(DEMO_SEED);
      await page.screenshot('demo-page');
      await page.close();
    });
  });
}
