/**
 * The built extension (dist/chrome) in real headless Chromium through playwright-core: the
 * content script runs on a page served from 127.0.0.1, the background writes the tab's analysis
 * through IndexedDB to storage.session, and the popup, side panel and options pages show it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Worker, chromium as playwrightChromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { type ChromiumSession, chromiumSession } from './chromium-session';
import { bundledCorpusBuild, bundledCorpusLine, requireBrowser, screenshotPath, startServer, waitFor } from './harness';

const executable = requireBrowser('chromium');

describe.skipIf(executable === null)('Chromium: the built extension', () => {
  let chromium: ChromiumSession;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  let profile: string;
  let errors: string[];
  let extUrl: ChromiumSession['extUrl'];
  let analysisFor: ChromiumSession['analysisFor'];

  beforeAll(async () => {
    server = await startServer();
    chromium = await chromiumSession();
    ({ context, worker, extensionId, profile, errors, extUrl, analysisFor } = chromium);
  });

  afterAll(async () => {
    // beforeAll may have failed half-way: close whatever exists.
    await (chromium as ChromiumSession | undefined)?.close();
    await (server as typeof server | undefined)?.close();
  });

  async function openArticle(path: string): Promise<{ page: Page; url: string; tabId: number; analysis: TabAnalysis }> {
    const page = await context.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    const { tabId, analysis } = await analysisFor(url);
    return { page, url, tabId, analysis };
  }

  it('analyses an English article through the background and IndexedDB', async () => {
    const { page, analysis } = await openArticle('/fixtures/en-article.html');
    expect(analysis).toMatchObject({
      title: 'Harbour city opens its first tidal power station',
      lang: 'en',
      langSource: 'detected',
      entities: [],
      story: null,
      related: [],
      declutter: { active: true },
      site: { key: '127.0.0.1', highlights: true, declutter: true },
      corpus: { build: bundledCorpusBuild('chrome') },
    });
    // Visible text only: the hidden, aria-hidden, editable, textarea and script text is not counted.
    expect(analysis.words).toBeGreaterThan(60);
    expect(analysis.words).toBeLessThan(200);
    expect(Date.now() - analysis.analysedAt).toBeLessThan(60_000);
    // The page keeps working: its own script ran, and we added nothing to its body (declutter's
    // one stylesheet sits in <head>; what it hides is marked with attributes only).
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
    expect(await page.locator('body [data-news-context-ui]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('chromium', 'fixture-page') });
    await page.close();
  });

  it('detects Swedish on a page that wrongly declares English', async () => {
    const { page, analysis } = await openArticle('/fixtures/sv-article.html');
    expect(analysis).toMatchObject({ lang: 'sv', langSource: 'detected', title: 'Kommunen bygger ut cykelbanorna längs kusten' });
    await page.close();
  });

  it('shows the page in the popup and keeps a per-site switch in IndexedDB across reloads', async () => {
    const article = await openArticle('/fixtures/en-article.html');
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.goto(extUrl(`src/ui/popup/index.html?tab=${article.tabId}`));
    const card = popup.getByTestId('page-card');
    await expect.poll(() => card.textContent()).toContain('Harbour city opens its first tidal power station');
    expect(await card.textContent()).toContain('English');
    expect(await popup.locator('#sw-highlights').isChecked()).toBe(true);
    expect(await popup.locator('#sw-declutter').isChecked()).toBe(true);
    expect(bundledCorpusLine('chrome')).not.toMatch(/Corpus: 0 articles/);
    await expect.poll(() => popup.getByTestId('corpus-status').textContent()).toBe(bundledCorpusLine('chrome'));
    await popup.screenshot({ path: screenshotPath('chromium', 'popup') });
    // Dark pages follow prefers-color-scheme.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 25, 29)');
    await popup.screenshot({ path: screenshotPath('chromium', 'popup-dark') });
    await popup.emulateMedia({ colorScheme: 'light' });

    // Switch declutter off for this site: background → IndexedDB → storage.session → popup.
    await popup.locator('#sw-declutter').click();
    const off = await analysisFor(article.url, (a) => !a.site.declutter);
    expect(off.analysis.declutter.active).toBe(false);
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(false);

    // A reload is analysed afresh, and the setting comes back out of IndexedDB.
    await article.page.reload();
    const reloaded = await analysisFor(article.url, (a) => a.analysedAt > off.analysis.analysedAt);
    expect(reloaded.analysis.site.declutter).toBe(false);
    expect(reloaded.analysis.site.highlights).toBe(true);

    await popup.locator('#sw-declutter').click();
    await analysisFor(article.url, (a) => a.site.declutter);
    await popup.close();
    await article.page.close();
  });

  it('shows the page in the side panel page and the corpus in the options page', async () => {
    const article = await openArticle('/fixtures/en-article.html');
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(extUrl(`src/ui/sidepanel/index.html?tab=${article.tabId}`));
    await expect.poll(() => panel.getByTestId('page-card').textContent()).toContain('Harbour city opens its first tidal power station');
    for (const id of ['story', 'related', 'entities']) expect(await panel.locator(`#${id}`).isVisible()).toBe(true);
    await panel.screenshot({ path: screenshotPath('chromium', 'sidepanel') });

    // The panel follows the analysis: a reload of the tab re-renders it without a reload of the panel.
    await article.page.reload();
    await analysisFor(article.url, (a) => a.analysedAt > article.analysis.analysedAt);
    await expect.poll(() => panel.getByTestId('page-card').textContent()).toContain('Harbour city');

    const options = await context.newPage();
    await options.goto(extUrl('src/ui/options/index.html'));
    const stats = options.getByTestId('corpus-stats');
    await expect.poll(() => stats.textContent()).toContain('Ready');
    expect(await stats.textContent()).toContain(bundledCorpusBuild('chrome'));
    await options.screenshot({ path: screenshotPath('chromium', 'options') });
    await Promise.all([panel.close(), options.close(), article.page.close()]);
  });

  it('opens the real side panel from a click in the popup, and the panel follows the active tab', async () => {
    const article = await openArticle('/fixtures/en-article.html');
    const popup = await context.newPage();
    await popup.goto(extUrl(`src/ui/popup/index.html?tab=${article.tabId}`));
    await expect.poll(() => popup.getByTestId('page-card').textContent()).toContain('Harbour city');
    const sidePanels = () => worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
    expect(await sidePanels()).toHaveLength(0);

    await popup.getByTestId('open-panel').click();
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
      await article.page.bringToFront();
      await expect.poll(() => panel!.getByTestId('page-card').textContent()).toContain('Harbour city opens its first tidal power station');
      await panel!.screenshot({ path: screenshotPath('chromium', 'sidepanel-real') });
    } finally {
      await cdp.close();
    }
    await popup.close();
    await article.page.close();
  });

  it('keeps the analysis while a frame loads inside the page, and drops it when the tab goes elsewhere', async () => {
    const article = await openArticle('/fixtures/en-article.html');
    // A frame loading inside the page (an ad, an embed) is not a new page.
    await article.page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
    }, `${server.origin}/fixtures/sv-article.html?frame`);
    await article.page.waitForTimeout(500);
    const kept = await chromium.session().then((s) => s[`tab:${article.tabId}`] as TabAnalysis | undefined);
    expect(kept?.analysedAt).toBe(article.analysis.analysedAt);
    // A new page in the tab: the old analysis goes, the new one comes.
    const next = `${server.origin}/fixtures/sv-article.html`;
    await article.page.goto(next);
    const moved = await analysisFor(next);
    expect(moved.tabId).toBe(article.tabId);
    expect(await chromium.session().then((s) => (s[`tab:${article.tabId}`] as TabAnalysis).url)).toBe(next);
    await article.page.close();
  });

  it('loads enabled, and no context logged an error or a warning', async () => {
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
      (d) => d !== null,
      'the extension on chrome://extensions',
    );
    expect(info).toMatchObject({ state: 'ENABLED', installWarnings: [], manifestErrors: [], runtimeErrors: [] });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('screenshots the demo page built from a seed article', async () => {
    const { page, analysis } = await openArticle('/demo/000_d35634ae92cf12c4.html');
    expect(analysis.lang).toBe('sv');
    await page.screenshot({ path: screenshotPath('chromium', 'demo-page') });
    await page.close();
  });
});
