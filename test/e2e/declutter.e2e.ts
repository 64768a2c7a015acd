/**
 * Declutter through the built extension, in Chromium and in Firefox alike (one suite, one driver
 * each: driver.ts): the content script reports an article, the background runs declutter.js in
 * the tab, the page's walls and boilerplate disappear, the counts reach the tab analysis and the
 * popup, "Show everything" brings the page back at once, and the site's switch is remembered. Wall
 * fixtures in several languages and families, a real paywall that must stay, and a cluttered
 * article whose every part must stay visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATE_PAGES, GATE_STATE, type GateState, READER_VIEW, type ReaderView, WALL_PAGES } from './declutter-fixtures';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { startServer, waitFor } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const d of DRIVERS) {
  describe.skipIf(d.path === null)(`${d.title}: declutter through the extension`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;

    beforeAll(async () => {
      server = await startServer();
      driver = await d.start();
    });

    afterAll(async () => {
      await (driver as Driver | undefined)?.close();
      await (server as typeof server | undefined)?.close();
    });

    async function open(name: string): Promise<{ page: DriverPage; url: string }> {
      const url = `${server.origin}/fixtures/${name}.html`;
      const page = await driver.open(url, { viewport: { width: 900, height: 500 } });
      return { page, url };
    }
    const view = (page: DriverPage) => page.eval<ReaderView>(READER_VIEW);
    const checked = (page: DriverPage, selector: string) =>
      page.run((s) => document.querySelector<HTMLInputElement>(s)?.checked ?? null, selector);

    for (const wall of WALL_PAGES) {
      it(`${wall.name}: the wall is gone, the page scrolls, the article shows; the counts reach the analysis`, async () => {
        const { page, url } = await open(wall.name);
        // This wall shows once the reader scrolls into the article.
        if (wall.scrollTo) await page.run((y) => scrollTo(0, y), wall.scrollTo);
        const { analysis } = await driver.analysisFor(url, (a) => a.declutter.walls >= 1);
        expect(analysis.declutter.active).toBe(true);
        await waitFor(
          () => view(page),
          (v) => !v.text.includes(wall.appeal),
          `the appeal of ${wall.name} to disappear`,
        );
        const v = await view(page);
        expect(v.text).toContain(wall.paragraph);
        expect(v.scrolled).toBe(true);
        await page.screenshot(`declutter-${wall.name}`);
        await page.close();
      });
    }

    it('a real paywall stays: nothing is hidden as a wall', async () => {
      const { page, url } = await open('wall-neg-paywall-en');
      await driver.analysisFor(url);
      // Give declutter its idle slice and the watch a few rounds.
      await sleep(1500);
      expect((await view(page)).text).toContain('Subscribe to continue reading');
      expect(await page.eval<number>(`document.querySelectorAll('[data-nc-declutter="wall"]').length`)).toBe(0);
      await page.close();
    });

    for (const gate of GATE_PAGES) {
      it(`${gate.name}: the gate stays, untouched, and what it conceals or locks stays so; the boilerplate around it is hidden`, async () => {
        const { page, url } = await open(gate.name);
        const { analysis } = await driver.analysisFor(url, (a) => a.declutter.boilerplate > 0);
        // Give the wall watch a few rounds too.
        await sleep(1000);
        const s = await page.eval<GateState>(`${GATE_STATE}(${JSON.stringify(gate)})`);
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
        await page.screenshot(`declutter-${gate.name}`);
        await page.close();
      });
    }

    it('wall-neg-header-en: the cookie bar stays visible', async () => {
      const { page, url } = await open('wall-neg-header-en');
      await driver.analysisFor(url, (a) => a.declutter.boilerplate > 0);
      await sleep(1000);
      expect((await view(page)).text).toContain('We use cookies to improve your experience');
      expect(await page.eval<boolean>(`document.querySelector('.cookie-bar')?.checkVisibility() ?? false`)).toBe(true);
      await page.close();
    });

    it('a cluttered article: boilerplate hidden, every part of the article kept; the popup counts it and "Show everything" restores the page', async () => {
      // Chromium's form autofill may leave an empty style attribute on an input it saw hidden: not ours, not a change.
      const normalise = (html: string) => html.replaceAll(' style=""', '');
      const { page, url } = await open('clutter-en');
      const untouched = normalise(await page.eval<string>('document.documentElement.outerHTML'));
      const { tabId, analysis } = await driver.analysisFor(url, (a) => a.declutter.boilerplate > 0);
      const after = await view(page);
      for (const gone of ['Most read', 'Sign up for our newsletter']) expect(after.text).not.toContain(gone);
      const headline = await page.eval<string | null>(`document.querySelector('h1')?.textContent ?? null`);
      expect(after.text).toContain(headline?.trim());
      await page.screenshot('declutter-clutter-en', { fullPage: true });

      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${tabId}`, { width: 380, height: 700 });
      const status = () =>
        popup.eval<string | null>(`document.querySelector('[data-testid="declutter-status"]')?.getAttribute('data-state') ?? null`);
      await waitFor(status, (s) => s === 'hidden', 'the popup to say the clutter is hidden');
      expect(await popup.eval<string>(`document.querySelector('[data-testid="declutter-status"]').textContent`)).toContain(
        `${analysis.declutter.boilerplate} blocks of clutter`,
      );
      await popup.screenshot('declutter-popup');
      await popup.click('[data-testid="show-everything"]');
      await waitFor(status, (s) => s === 'shown', 'the popup to say everything is shown');
      // The page is exactly as it was: no attribute, no stylesheet of ours left.
      const difference = async () => {
        const now = normalise(await page.eval<string>('document.documentElement.outerHTML'));
        let i = 0;
        while (i < now.length && now[i] === untouched[i]) i++;
        return now === untouched ? '' : `at ${i}: ${untouched.slice(i - 80, i + 80)} ≠ ${now.slice(i - 80, i + 80)}`;
      };
      await waitFor(difference, (diff) => diff === '', 'the page as it was');
      await Promise.all([popup.close(), page.close()]);
    });

    it('"Show everything" in the popup brings the wall back at once', async () => {
      const { page, url } = await open('wall-modal-en');
      const { tabId } = await driver.analysisFor(url, (a) => a.declutter.walls >= 1);
      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${tabId}`, { width: 380, height: 700 });
      await popup.click('[data-testid="show-everything"]');
      await waitFor(
        () => view(page),
        (v) => v.marked === 0 && v.text.includes('Please disable your ad blocker'),
        'the page as it was',
      );
      await Promise.all([popup.close(), page.close()]);
    });

    it('the site switch is remembered: off, the next visit is left alone; on again, declutter returns', async () => {
      const first = await open('wall-modal-en');
      const { tabId } = await driver.analysisFor(first.url, (a) => a.declutter.walls >= 1);
      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${tabId}`);
      await waitFor(
        () => checked(popup, '#sw-declutter'),
        (c) => c === true,
        'the declutter switch on',
      );
      await popup.click('#sw-declutter');
      // Off at once on the open page…
      await waitFor(
        async () => (await view(first.page)).marked,
        (n) => n === 0,
        'the marks gone',
      );
      await first.page.close();
      // …and on the next visit.
      const second = await open('wall-modal-en');
      const { tabId: secondTab } = await driver.analysisFor(second.url, (a) => !a.site.declutter);
      await sleep(1000);
      expect((await view(second.page)).text).toContain('Please disable your ad blocker');
      // Back on for the site: the open page is decluttered without a reload.
      await popup.close();
      const again = await driver.openExtension(`src/ui/popup/index.html?tab=${secondTab}`);
      await waitFor(
        () => checked(again, '#sw-declutter'),
        (c) => c === false,
        'the declutter switch off',
      );
      await again.click('#sw-declutter');
      await waitFor(
        async () => (await view(second.page)).text.includes('Please disable your ad blocker'),
        (shown) => !shown,
        'the wall to go again',
      );
      await Promise.all([again.close(), second.page.close()]);
    });
  });
}
