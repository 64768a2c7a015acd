/**
 * Declutter through the built extension in Firefox ESR (puppeteer-core over WebDriver BiDi): the
 * same wall fixtures as the Chromium suite (declutter.e2e.ts) in several languages and families,
 * a real paywall left alone, and "Show everything" from the popup.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { GATE_PAGES, GATE_STATE, type GateState, READER_VIEW, type ReaderView, WALL_PAGES } from './declutter-fixtures';
import { launchFirefox, openExtensionPage } from './firefox-driver';
import { findAnalysis, requireBrowser, screenshotPath, startServer, waitFor } from './harness';

declare const browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };

const firefoxPath = requireBrowser('firefox');

describe.skipIf(firefoxPath === null)('Firefox: declutter through the extension', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let firefox: Browser | undefined;
  let probe: Page;

  const analysisFor = (url: string, accept: (a: TabAnalysis) => boolean) =>
    waitFor(
      async () => findAnalysis(await probe.evaluate(() => browser.storage.session.get(null)), url),
      (r) => r !== null && accept(r.analysis),
      `the analysis of ${url}`,
    ).then((r) => r!);
  const view = (page: Page) => page.evaluate(READER_VIEW) as Promise<ReaderView>;

  beforeAll(async () => {
    server = await startServer();
    firefox = await launchFirefox(firefoxPath!);
    probe = await openExtensionPage(firefox, 'src/ui/options/index.html');
  });

  afterAll(async () => {
    const results = await Promise.allSettled([firefox?.close(), server?.close()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  async function open(name: string): Promise<{ page: Page; url: string }> {
    const page = await firefox!.newPage();
    await page.setViewport({ width: 900, height: 500 });
    const url = `${server!.origin}/fixtures/${name}.html`;
    await page.goto(url);
    return { page, url };
  }

  for (const wall of WALL_PAGES) {
    it(`${wall.name}: the wall is gone, the page scrolls, the article shows`, async () => {
      const { page, url } = await open(wall.name);
      if (wall.scrollTo) await page.evaluate((y) => scrollTo(0, y), wall.scrollTo);
      await analysisFor(url, (a) => a.declutter.walls >= 1);
      await waitFor(
        () => view(page),
        (v) => !v.text.includes(wall.appeal),
        `the appeal of ${wall.name} to disappear`,
      );
      const v = await view(page);
      expect(v.text).toContain(wall.paragraph);
      expect(v.scrolled).toBe(true);
      await page.screenshot({ path: screenshotPath('firefox', `declutter-${wall.name}`) });
      await page.close();
    });
  }

  it('a real paywall stays', async () => {
    const { page, url } = await open('wall-neg-paywall-en');
    await analysisFor(url, () => true);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await view(page)).text).toContain('Subscribe to continue reading');
    await page.close();
  });

  for (const gate of GATE_PAGES) {
    it(`${gate.name}: the gate stays, untouched, and what it conceals or locks stays so; the boilerplate around it is hidden`, async () => {
      const { page, url } = await open(gate.name);
      const { analysis } = await analysisFor(url, (a) => a.declutter.boilerplate > 0);
      await new Promise((r) => setTimeout(r, 1000));
      const s = (await page.evaluate(`${GATE_STATE}(${JSON.stringify(gate)})`)) as GateState;
      expect(s.text).toContain(gate.gateText);
      expect(s.text).toContain(gate.paragraph);
      expect(s.text).not.toContain(gate.gone);
      expect(s.gatesShown).toEqual(gate.gates.map(() => true));
      expect(s.gatesMarked).toEqual(gate.gates.map(() => false));
      if (gate.concealed) expect(s.concealed).toBe(true);
      expect(s.undone).toBe(0);
      expect(s.locked).toBe(gate.locked);
      expect(analysis.declutter.walls).toBe(gate.wall ? 1 : 0);
      if (gate.wall) expect(s.wallHidden).toBe(true);
      await page.screenshot({ path: screenshotPath('firefox', `declutter-${gate.name}`) });
      await page.close();
    });
  }

  it('wall-neg-header-en: the cookie bar stays visible', async () => {
    const { page, url } = await open('wall-neg-header-en');
    await analysisFor(url, (a) => a.declutter.boilerplate > 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await view(page)).text).toContain('We use cookies to improve your experience');
    expect(await page.evaluate(() => document.querySelector('.cookie-bar')?.checkVisibility() ?? false)).toBe(true);
    await page.close();
  });

  it('"Show everything" in the popup brings the wall back at once', async () => {
    const { page, url } = await open('wall-modal-en');
    const { tabId } = await analysisFor(url, (a) => a.declutter.walls >= 1);
    const popup = await openExtensionPage(firefox!, `src/ui/popup/index.html?tab=${tabId}`, { width: 380, height: 700 });
    await waitFor(
      () => popup.evaluate(() => document.querySelector('[data-testid="show-everything"]') !== null),
      (ok) => ok,
      'the Show everything button',
    );
    await popup.click('[data-testid="show-everything"]');
    await waitFor(
      () => view(page),
      (v) => v.marked === 0 && v.text.includes('Please disable your ad blocker'),
      'the page as it was',
    );
    await Promise.all([popup.close(), page.close()]);
  });
});
