/**
 * Nothing is remembered from a private window, end to end in Chromium and in Firefox ESR with the
 * built extension (the rule itself: the background's handlers, test/unit/memory-handlers.test.ts).
 *
 * The extension is allowed in private windows, as a reader may allow it (Chromium's "Allow in
 * Incognito", pre-written in the new profile; Firefox's "Run in Private Windows", given at install:
 * StartOptions.privateWindows), and the suite first checks that it is, else it would prove nothing.
 * The reader has opted in to reading memory. The extension's own APIs, called from an extension
 * page, open the private window and act in the tabs (scripting.executeScript, in the page's main
 * world), the same way in both browsers. Two browser facts shape it: Firefox's puppeteer opens its
 * new tabs in the most recent window, which would be the private one (so the normal tab is opened
 * first); Playwright holds Chromium's incognito tab too, at its own viewport (so it is sized there).
 *  - A private window opens on a page of memory.e2e.ts (an article, remembered there once read).
 *    Positive proof that the extension ran there: the background's analysis of that very tab, an
 *    article, which only the content script's report from that tab makes.
 *  - The reader reads it: scrolls into its body, and keeps the body in the middle of the viewport,
 *    the page visible, for longer than the seconds that count as reading without scrolling. The
 *    memory stays empty all along, and its count unchanged.
 *  - Positive control: the same page read the same way in a normal window is remembered (the
 *    private tab still open), and that is all the memory holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { READ_VISIBLE_SECONDS } from '../../src/page/reading';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { startServer, waitFor } from './harness';
import { memoryUi } from './memory-ui';

/** A page of memory.e2e.ts: an article, remembered there once read. */
const PAGE = 'memory-sv-1';
/** The size of the windows and tabs the pages are read in (taller pages than this scroll). */
const SIZE = { width: 1000, height: 700 };

/** In a tab: only look, or 'scroll' a paragraph from the middle of the article's body to the middle of the viewport (and a pixel on, so that the page always sees a scroll). */
type TabAction = 'look' | 'scroll';
interface TabState {
  url: string;
  visible: boolean;
  scrollY: number;
  /** The middle of the viewport is within the article's body (its first to last paragraph): the reading rule's test (src/page/reading.ts). */
  inBody: boolean;
}
interface TabInfo {
  id?: number;
  windowId: number;
  incognito: boolean;
}
interface WindowInfo {
  id?: number;
  incognito: boolean;
  tabs?: TabInfo[];
}

/** The WebExtension APIs of an extension page that the suite uses (Firefox's `browser`, Chromium's `chrome`). */
interface Ext {
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  windows: {
    create(details: { incognito: boolean; url: string; width: number; height: number }): Promise<WindowInfo>;
    remove(windowId: number): Promise<void>;
  };
  tabs: { get(tabId: number): Promise<TabInfo> };
  scripting: {
    executeScript(details: {
      target: { tabId: number };
      world: 'MAIN';
      func: (action: TabAction) => TabState;
      args: [TabAction];
    }): Promise<{ result?: TabState }[]>;
  };
}

/** An extension page's globals: `browser` in Firefox, `chrome` in both. */
interface ExtGlobals {
  browser?: Ext;
  chrome: Ext;
}

for (const d of DRIVERS) {
  describe.skipIf(d.path === null)(`${d.title}: private windows`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;
    /** An extension page in a normal window: the extension's APIs are called from it. */
    let ext: DriverPage;
    /** A tab of the normal window, blank until the control reads the page in it. */
    let normalTab: DriverPage;
    let privateWindow: { windowId: number; tabId: number } | null = null;
    const address = () => `${server.origin}/fixtures/${PAGE}.html`;

    beforeAll(async () => {
      server = await startServer();
      driver = await d.start({ privateWindows: true });
      ext = await driver.openExtension('src/ui/options/index.html');
      // Opened before the private window: Firefox's puppeteer opens a new tab in the most recent window.
      normalTab = await driver.open('about:blank', { viewport: SIZE });
    });

    afterAll(async () => {
      if (privateWindow)
        await ext.run((id) => {
          const g = globalThis as unknown as ExtGlobals;
          const api = g.browser ?? g.chrome;
          return api.windows.remove(id);
        }, privateWindow.windowId);
      await (driver as Driver | undefined)?.close();
      await (server as typeof server | undefined)?.close();
    });

    const { ui, remembered, status } = memoryUi(() => driver);

    /** The background's analysis of tab `tabId`, once it is of `url` and an article. */
    const analysisOfTab = (tabId: number, url: string) =>
      waitFor(
        async () => ((await driver.session())[`tab:${String(tabId)}`] as TabAnalysis | undefined) ?? null,
        (a) => a !== null && a.url === url && a.isArticle,
        `the analysis of tab ${String(tabId)}`,
      );

    /** Looks at tab `tabId`, after acting there: in its main world, through scripting.executeScript from the extension page. */
    const inTab = (tabId: number, action: TabAction) =>
      ext.run(
        async ([id, what]) => {
          const g = globalThis as unknown as ExtGlobals;
          const api = g.browser ?? g.chrome;
          const [frame] = await api.scripting.executeScript({
            target: { tabId: id },
            world: 'MAIN',
            args: [what],
            func: (a) => {
              const body = [...document.querySelectorAll('article p')].filter((p) => !p.closest('header'));
              if (a === 'scroll') {
                body[Math.floor(body.length / 2)]?.scrollIntoView({ block: 'center' });
                window.scrollBy(0, window.scrollY > 0 ? -1 : 1);
              }
              const middle = window.innerHeight / 2;
              const top = body[0]?.getBoundingClientRect().top ?? Infinity;
              const bottom = body.at(-1)?.getBoundingClientRect().bottom ?? -Infinity;
              return {
                url: location.href,
                visible: document.visibilityState === 'visible',
                scrollY: window.scrollY,
                inBody: top <= middle && bottom >= middle,
              };
            },
          });
          if (!frame?.result) throw new Error(`nothing came back from tab ${String(id)}`);
          return frame.result;
        },
        [tabId, action] as const,
      );

    it('runs in private windows, and the reader has opted in to reading memory', async () => {
      // Otherwise the extension would not be in the private window at all, and the suite would prove nothing.
      const allowed = await ext.run(() => {
        const g = globalThis as unknown as ExtGlobals;
        const api = g.browser ?? g.chrome;
        return api.extension.isAllowedIncognitoAccess();
      }, null);
      expect(allowed).toBe(true);
      await ui({ type: 'ui:set-global-settings', settings: { memory: true } });
      const { global } = await ui<{ global: { memory: boolean; memoryPaused: boolean } }>({ type: 'ui:get-settings', site: null });
      expect(global).toMatchObject({ memory: true, memoryPaused: false });
    });

    it('analyses a page read in a private window, and remembers nothing of it', async () => {
      const before = await status();
      expect(before.remembered).toBe(0);
      expect(await remembered()).toEqual([]);

      const url = address();
      const created = await ext.run(
        async ([u, size]) => {
          const g = globalThis as unknown as ExtGlobals;
          const api = g.browser ?? g.chrome;
          // Chromium answers null where the extension may not run in incognito windows; Firefox throws.
          const w = (await api.windows.create({ incognito: true, url: u, ...size })) as WindowInfo | null;
          if (!w) throw new Error('no private window was opened: the extension is not allowed in private windows');
          return { id: w.id, incognito: w.incognito, tabs: (w.tabs ?? []).map((t) => ({ id: t.id, incognito: t.incognito })) };
        },
        [url, SIZE] as const,
      );
      expect(created).toMatchObject({ incognito: true, tabs: [{ incognito: true }] });
      privateWindow = { windowId: created.id!, tabId: created.tabs[0]!.id! };
      const { tabId } = privateWindow;

      // Chromium: Playwright holds the incognito tab too, at the context's viewport (1,200 × 900, which overrides the window's
      // size; the page, decluttered, may fit in it without scrolling): the tab is given the size here.
      if (driver.raw.name === 'chromium') {
        const { context } = driver.raw.session;
        const page = await waitFor(
          () => Promise.resolve(context.pages().find((p) => p.url() === url) ?? null),
          (p) => p !== null,
          'the private tab among the pages Playwright holds',
        );
        await page!.setViewportSize(SIZE);
      }

      // The extension ran there: the background analysed this very tab, from its content script's report.
      await analysisOfTab(tabId, url);

      // The reader reads it: scrolls into the body, the page visible.
      const read = await inTab(tabId, 'scroll');
      expect(read).toMatchObject({ url, visible: true, inBody: true });
      expect(read.scrollY).toBeGreaterThan(0);

      // Well beyond both reading rules (a scroll into the body; the body in view for READ_VISIBLE_SECONDS), scrolling now and then.
      const deadline = Date.now() + (READ_VISIBLE_SECONDS + 3) * 1000;
      for (let n = 1; Date.now() < deadline; n++) {
        expect(await remembered()).toEqual([]);
        if (n % 4 === 0) expect(await inTab(tabId, 'scroll')).toMatchObject({ url, visible: true, inBody: true });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await remembered()).toEqual([]);
      expect((await status()).remembered).toBe(before.remembered);
    });

    it('remembers the same page read the same way in a normal window (the control), and nothing else', async () => {
      const url = address();
      const privateKey = `tab:${String(privateWindow!.tabId)}`;
      await normalTab.front();
      await normalTab.goto(url);
      // The tab's id: the one other than the private tab's with an analysis of the page.
      const otherTab = async () =>
        Object.entries(await driver.session()).find(
          ([key, a]) => key.startsWith('tab:') && key !== privateKey && (a as TabAnalysis).url === url,
        )?.[0] ?? null;
      const tabId = Number((await waitFor(otherTab, (key) => key !== null, 'the analysis of the page in the normal window'))!.slice(4));
      const tab = await ext.run((id) => {
        const g = globalThis as unknown as ExtGlobals;
        const api = g.browser ?? g.chrome;
        return api.tabs.get(id);
      }, tabId);
      expect(tab.incognito).toBe(false);
      await analysisOfTab(tabId, url);
      const read = await inTab(tabId, 'scroll');
      expect(read).toMatchObject({ url, visible: true, inBody: true });
      expect(read.scrollY).toBeGreaterThan(0);

      const items = await waitFor(remembered, (i) => i.length > 0, 'the page read in the normal window remembered');
      expect(items.map((i) => i.url)).toEqual([url]);
      expect((await status()).remembered).toBe(1);
      // The private tab was still open, its body in view, all along.
      expect(await inTab(privateWindow!.tabId, 'look')).toMatchObject({ url, inBody: true });
    });
  });
}
