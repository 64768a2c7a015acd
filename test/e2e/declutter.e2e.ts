/**
 * Declutter through the built extension in real Chromium: the content script reports an article,
 * the background runs declutter.js in the tab, the page's walls and boilerplate disappear, the
 * counts reach the tab analysis and the popup, "Show everything" brings the page back at once,
 * and the site's switch is remembered. Wall fixtures in several languages and families, a real
 * paywall that must stay, and a cluttered article whose every part must stay visible.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, chromiumSession } from './chromium-session';
import { GATE_PAGES, GATE_STATE, type GateState, READER_VIEW, type ReaderView, WALL_PAGES } from './declutter-fixtures';
import { requireBrowser, screenshotPath, startServer } from './harness';

const executable = requireBrowser('chromium');

describe.skipIf(executable === null)('Chromium: declutter through the extension', () => {
  let chromium: ChromiumSession;
  let context: BrowserContext;
  let extensionId: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  let analysisFor: ChromiumSession['analysisFor'];

  beforeAll(async () => {
    server = await startServer();
    chromium = await chromiumSession();
    ({ context, extensionId, analysisFor } = chromium);
  });

  afterAll(async () => {
    await (chromium as ChromiumSession | undefined)?.close();
    await (server as typeof server | undefined)?.close();
  });

  async function open(name: string): Promise<{ page: Page; url: string }> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 900, height: 500 });
    const url = `${server.origin}/fixtures/${name}.html`;
    await page.goto(url);
    return { page, url };
  }
  const view = (page: Page) => page.evaluate<ReaderView>(READER_VIEW);

  for (const wall of WALL_PAGES) {
    it(`${wall.name}: the wall is gone, the page scrolls, the article shows; the counts reach the analysis`, async () => {
      const { page, url } = await open(wall.name);
      // This wall shows once the reader scrolls into the article.
      if (wall.scrollTo) await page.evaluate((y) => scrollTo(0, y), wall.scrollTo);
      const { analysis } = await analysisFor(url, (a) => a.declutter.walls >= 1);
      expect(analysis.declutter.active).toBe(true);
      await expect.poll(async () => (await view(page)).text.includes(wall.appeal)).toBe(false);
      const v = await view(page);
      expect(v.text).toContain(wall.paragraph);
      expect(v.scrolled).toBe(true);
      await page.screenshot({ path: screenshotPath('chromium', `declutter-${wall.name}`) });
      await page.close();
    });
  }

  it('a real paywall stays: nothing is hidden as a wall', async () => {
    const { page, url } = await open('wall-neg-paywall-en');
    await analysisFor(url, () => true);
    // Give declutter its idle slice and the watch a few rounds.
    await page.waitForTimeout(1500);
    expect((await view(page)).text).toContain('Subscribe to continue reading');
    expect(await page.locator('[data-nc-declutter="wall"]').count()).toBe(0);
    await page.close();
  });

  for (const gate of GATE_PAGES) {
    it(`${gate.name}: the gate stays, untouched, and what it conceals or locks stays so; the boilerplate around it is hidden`, async () => {
      const { page, url } = await open(gate.name);
      const { analysis } = await analysisFor(url, (a) => a.declutter.boilerplate > 0);
      // Give the wall watch a few rounds too.
      await page.waitForTimeout(1000);
      const s = await page.evaluate<GateState>(`${GATE_STATE}(${JSON.stringify(gate)})`);
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
      await page.screenshot({ path: screenshotPath('chromium', `declutter-${gate.name}`) });
      await page.close();
    });
  }

  it('wall-neg-header-en: the cookie bar stays visible', async () => {
    const { page, url } = await open('wall-neg-header-en');
    await analysisFor(url, (a) => a.declutter.boilerplate > 0);
    await page.waitForTimeout(1000);
    expect((await view(page)).text).toContain('We use cookies to improve your experience');
    expect(await page.locator('.cookie-bar').isVisible()).toBe(true);
    await page.close();
  });

  it('a cluttered article: boilerplate hidden, every part of the article kept; the popup counts it and "Show everything" restores the page', async () => {
    const { page, url } = await open('clutter-en');
    const untouched = (await page.evaluate(() => document.documentElement.outerHTML)).replaceAll(' style=""', '');
    const { tabId, analysis } = await analysisFor(url, (a) => a.declutter.boilerplate > 0);
    const after = await view(page);
    for (const gone of ['Most read', 'Sign up for our newsletter']) expect(after.text).not.toContain(gone);
    const headline = await page.locator('h1').first().textContent();
    expect(after.text).toContain(headline?.trim());
    await page.screenshot({ path: screenshotPath('chromium', 'declutter-clutter-en'), fullPage: true });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
    const status = popup.getByTestId('declutter-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('hidden');
    expect(await status.textContent()).toContain(`${analysis.declutter.boilerplate} blocks of clutter`);
    await popup.screenshot({ path: screenshotPath('chromium', 'declutter-popup') });
    await popup.getByTestId('show-everything').click();
    await expect.poll(() => status.getAttribute('data-state')).toBe('shown');
    // The page is exactly as it was: no attribute, no stylesheet of ours left.
    // (Chromium's form autofill may leave an empty style attribute on an input it saw hidden: not ours, not a change.)
    const normalise = (html: string) => html.replaceAll(' style=""', '');
    const difference = async () => {
      const now = normalise(await page.evaluate(() => document.documentElement.outerHTML));
      let i = 0;
      while (i < now.length && now[i] === untouched[i]) i++;
      return now === untouched ? '' : `at ${i}: ${untouched.slice(i - 80, i + 80)} ≠ ${now.slice(i - 80, i + 80)}`;
    };
    await expect.poll(difference).toBe('');
    await Promise.all([popup.close(), page.close()]);
  });

  it('the site switch is remembered: off, the next visit is left alone; on again, declutter returns', async () => {
    const first = await open('wall-modal-en');
    const { tabId } = await analysisFor(first.url, (a) => a.declutter.walls >= 1);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(true);
    await popup.locator('#sw-declutter').click();
    // Off at once on the open page…
    await expect.poll(async () => (await view(first.page)).marked).toBe(0);
    await first.page.close();
    // …and on the next visit.
    const second = await open('wall-modal-en');
    const { tabId: secondTab } = await analysisFor(second.url, (a) => !a.site.declutter);
    await second.page.waitForTimeout(1000);
    expect((await view(second.page)).text).toContain('Please disable your ad blocker');
    // Back on for the site: the open page is decluttered without a reload.
    await popup.goto(`chrome-extension://${extensionId}/src/ui/popup/index.html?tab=${secondTab}`);
    await expect.poll(() => popup.locator('#sw-declutter').isChecked()).toBe(false);
    await popup.locator('#sw-declutter').click();
    await expect.poll(async () => (await view(second.page)).text.includes('Please disable your ad blocker')).toBe(false);
    await Promise.all([popup.close(), second.page.close()]);
  });
});
