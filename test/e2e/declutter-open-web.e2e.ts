/**
 * Declutter on the open web, through the built extension, in Chromium and in Firefox alike (one
 * suite, two drivers): walls on pages that are not articles, an article that arrives after the
 * first report, a page too large to tidy, and a tab that navigates right after its report (the
 * declutter script must never act on the next document).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER_VIEW, type ReaderView } from './declutter-fixtures';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { startServer, waitFor } from './harness';

const VIEWPORT = { width: 900, height: 600 };

/** Every mark declutter leaves on a page. */
const MARKS = `document.querySelectorAll('[data-nc-declutter], [data-nc-unlock], [data-nc-unhide], [data-nc-original-style]').length`;

for (const d of DRIVERS) {
  describe.skipIf(d.path === null)(`${d.title}: declutter on the open web`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;
    const analysisFor: Driver['analysisFor'] = (...args) => driver.analysisFor(...args);
    const open = (url: string) => driver.open(url, { viewport: VIEWPORT });
    const view = (page: DriverPage) => page.eval<ReaderView>(READER_VIEW);

    beforeAll(async () => {
      server = await startServer();
      driver = await d.start();
    });
    afterAll(async () => {
      await (driver as Driver | undefined)?.close();
      await (server as typeof server | undefined)?.close();
    });

    it('a front page (not an article) loses its ad-block wall and its scroll lock, and nothing else', async () => {
      const url = `${server.origin}/fixtures/wall-front-en.html`;
      const page = await open(url);
      const { analysis } = await analysisFor(url, (a) => a.declutter.walls >= 1);
      expect(analysis.isArticle).toBe(false);
      expect(analysis.declutter).toMatchObject({ active: true, boilerplate: 0 });
      await waitFor(
        () => view(page),
        (v) => !v.text.includes('We noticed you are using an ad blocker'),
        'the wall to go',
      );
      const v = await view(page);
      expect(v.scrolled).toBe(true);
      // The front page itself is left whole: menu, teasers, footer.
      for (const kept of ['Weather', 'New winter ferry timetable starts on Monday', 'Footbridge closed for inspection', 'About us'])
        expect(v.text).toContain(kept);
      await page.screenshot('declutter-wall-front-en');
      await page.close();
    });

    it('an ad-block wall beside an ordinary cookie bar: the wall goes and the page scrolls; the cookie bar stays', async () => {
      const url = `${server.origin}/fixtures/wall-cookiebar-en.html`;
      const page = await open(url);
      await analysisFor(url, (a) => a.declutter.walls >= 1);
      await waitFor(
        () => view(page),
        (v) => !v.text.includes('Please disable your ad blocker') && v.scrolled,
        'the wall to go and the page to scroll',
      );
      const v = await view(page);
      expect(v.text).toContain('We use cookies to remember your preferences');
      expect(v.text).toContain('opened its doors again on Monday morning');
      expect(
        await page.eval<number>(
          `document.querySelectorAll('#cookie-notice[data-nc-declutter], #cookie-notice [data-nc-declutter]').length`,
        ),
      ).toBe(0);
      await page.close();
    });

    it('an article that arrives after the first report: its boilerplate is found again, and no part of the article is ever hidden', async () => {
      const url = `${server.origin}/fixtures/late-skeleton-en.html`;
      const page = await open(url);
      // Watched from the page itself: any mark on the story, inside it or around it, even for a moment.
      await page.eval(`(() => {
        window.__storyHidden = [];
        const story = document.getElementById('story');
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target;
            if (el.hasAttribute('data-nc-declutter') && (el.contains(story) || story.contains(el))) window.__storyHidden.push(el.tagName + '.' + el.className);
          }
        }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-nc-declutter'], subtree: true });
      })()`);
      await waitFor(
        () => view(page),
        (v) =>
          v.text.includes('public exhibition of the plans') &&
          !v.text.includes('Most read') &&
          !v.text.includes('Sign up for our newsletter'),
        'the late article, with its boilerplate hidden',
        20_000,
      );
      const { analysis } = await analysisFor(url, (a) => a.declutter.boilerplate > 0);
      expect(analysis.isArticle).toBe(true);
      const v = await view(page);
      for (const line of ['ending a debate that has run for more than ten years', 'twice an hour during the season', 'By Jane Marsh'])
        expect(v.text).toContain(line);
      expect(v.text).toContain('Council approves the new harbour footbridge');
      expect(await page.eval<string[]>('window.__storyHidden')).toEqual([]);
      await page.screenshot('declutter-late-skeleton-en');
      await page.close();
    });

    it('a single-page site: article, then a section page (the boilerplate verdicts taken back), then another article (found again)', async () => {
      const url = `${server.origin}/fixtures/spa-declutter-en.html`;
      const page = await open(url);
      const hidden = () => page.eval<number>(`document.querySelectorAll('[data-nc-declutter="boilerplate"]').length`);
      await waitFor(
        () => view(page),
        (v) => !v.text.includes('Most read') && v.text.includes('ending a debate'),
        'the first article decluttered',
      );
      await page.eval(`document.getElementById('to-news').click()`);
      const newsUrl = `${server.origin}/fixtures/spa-declutter-en.html?page=news`;
      await analysisFor(newsUrl, (a) => !a.isArticle);
      await waitFor(hidden, (n) => n === 0, 'the boilerplate shown again on the section page');
      const section = await view(page);
      for (const kept of ['Most read', 'Library extends its opening hours', 'Footbridge']) expect(section.text).toContain(kept);
      await page.eval(`document.getElementById('to-ferry').click()`);
      await waitFor(
        () => view(page),
        (v) => !v.text.includes('Most read') && v.text.includes('two extra crossings before seven'),
        'the second article decluttered',
      );
      expect((await view(page)).text).toContain('Winter ferry timetable adds two early crossings');
      await page.close();
    });

    it('a page too large to tidy: the wall is gone all the same, and the analysis says why the clutter stays', async () => {
      const url = `${server.origin}/fixtures/hostile-big-wall.html`;
      const page = await open(url);
      const { analysis } = await analysisFor(url, (a) => a.declutter.skipped === 'too-big' && a.declutter.walls >= 1, 30_000);
      expect(analysis.declutter.boilerplate).toBe(0);
      await waitFor(
        () => page.eval<boolean>(`document.body.innerText.includes('We have detected an ad blocker')`),
        (shown) => !shown,
        'the wall to go',
      );
      expect(await page.eval<boolean>(`getComputedStyle(document.body).overflowY !== 'hidden'`)).toBe(true);
      expect(await page.eval<boolean>(`window.__pageOk`)).toBe(true);
      await page.close();
    });

    it('a tab that navigates 0-1,000 ms after its report: the next document is never touched', async () => {
      // The next document is on another site, whose declutter switch is off.
      const next = server.origin.replace('127.0.0.1', 'localhost');
      expect(next).not.toBe(server.origin);
      const off = await driver.ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'declutter', value: false });
      expect(off).toMatchObject({ ok: true });
      for (const delay of [0, 100, 250, 500, 1000]) {
        const url = `${server.origin}/fixtures/wall-modal-en.html?delay=${delay}`;
        const nextUrl = `${next}/fixtures/wall-front-en.html?after=${delay}`;
        const page = await open(url);
        await analysisFor(url);
        await page.eval(`setTimeout(() => { location.href = ${JSON.stringify(nextUrl)}; }, ${delay})`);
        const { analysis } = await analysisFor(nextUrl);
        expect(analysis.site.declutter).toBe(false);
        // Longer than declutter's idle slice and its wall watch's first rounds.
        await new Promise((r) => setTimeout(r, 1500));
        expect(await page.eval<string>('location.href'), `delay ${delay}`).toBe(nextUrl);
        expect(await page.eval<number>(MARKS), `marks on the next document (delay ${delay})`).toBe(0);
        expect((await view(page)).text, `delay ${delay}`).toContain('We noticed you are using an ad blocker');
        await page.close();
      }
      await driver.ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'declutter', value: null });
    });

    it('a declutter script that lands in a document it was not run for touches nothing (what a late injection into the next document would do)', async () => {
      const next = server.origin.replace('127.0.0.1', 'localhost');
      await driver.ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'declutter', value: false });
      const url = `${server.origin}/fixtures/wall-modal-en.html?late`;
      const nextUrl = `${next}/fixtures/wall-front-en.html?late`;
      const page = await open(url);
      await analysisFor(url, (a) => a.declutter.walls >= 1);
      await page.eval(`location.href = ${JSON.stringify(nextUrl)}`);
      const { tabId } = await analysisFor(nextUrl);
      // The scripts run for the first document arrive in the second one. (Firefox resolves a file against the calling page: absolute paths.)
      for (const file of ['/walls.js', '/declutter.js']) await driver.inject(tabId, file);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await page.eval<number>(MARKS), 'marks on a document declutter was not run for').toBe(0);
      expect((await view(page)).text).toContain('We noticed you are using an ad blocker');
      // Switched on for the site, the background runs them for this document, and there they act (so the check above refused, not failed).
      await driver.ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'declutter', value: null });
      await waitFor(
        () => page.eval<number>(MARKS),
        (n) => n > 0,
        'declutter to act once switched on',
      );
      await page.close();
    });
  });
}
