/**
 * One browser driver in front of playwright-core (Chromium) and puppeteer-core over WebDriver
 * BiDi (Firefox ESR), so that a feature's end-to-end suite is written once and run in both:
 *
 *   for (const d of DRIVERS)
 *     describe.skipIf(d.path === null)(`${d.title}: …`, () => { let driver = await d.start(); … });
 *
 * The driver speaks in page-world terms (an expression or a function with one argument, a CSS
 * selector, a key) because those mean the same in both browsers; Playwright's locators and
 * Puppeteer's handles stay behind it. What is really different between the browsers (Chromium's
 * side panel vs Firefox's sidebar, the trace Chromium can take) stays in the suites as an explicit
 * `if (driver.name === 'chromium')` branch that says why; `raw` reaches the underlying page for it.
 *
 * Chromium is chromium-session.ts (the launch, the corpus wait, every context's errors); Firefox
 * is firefox-driver.ts (the pinned moz-extension origin, and extension pages opened without
 * awaiting `goto`, which never settles there).
 */
import type { Page as PwPage } from 'playwright-core';
import type { Browser, Page as PpPage } from 'puppeteer-core';
import type { TabAnalysis } from '../../src/core/analysis';
import { type ChromiumSession, chromiumSession } from './chromium-session';
import { EXTENSION_ORIGIN, type LaunchOptions, launchFirefox, openExtensionPage, setColorScheme } from './firefox-driver';
import { findAnalysis, requireBrowser, screenshotPath, waitFor } from './harness';

declare const browser: {
  storage: { session: { get(keys: null | string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  scripting: { executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
};

export type BrowserName = 'chromium' | 'firefox';

export interface Viewport {
  width: number;
  height: number;
}

/** A tab: a web page or an extension page. */
export interface DriverPage {
  /** Evaluates an expression in the page's main world (or the extension page's own world). */
  eval<T>(expression: string): Promise<T>;
  /** Runs `fn(arg)` in the page; `arg` must be JSON-like. */
  run<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Loads another URL in this tab and waits for its load. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Makes this the active tab (input goes to the active tab; the panels follow it). */
  front(): Promise<void>;
  /** Moves the pointer to (x, y) in CSS pixels of the viewport. */
  hover(x: number, y: number): Promise<void>;
  /** Clicks the first element `selector` matches, once there is one. */
  click(selector: string): Promise<void>;
  /** Presses a key by its Playwright name (Tab, Space, Enter, Escape; the Firefox side maps Space to BiDi's ' '). */
  press(key: string): Promise<void>;
  /** Emulates prefers-color-scheme (Firefox: in every tab, until this page closes). */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Writes artifacts/screenshots/<browser>/<name>.png. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
  /** The underlying page, for a browser-specific branch. */
  raw: { name: 'chromium'; page: PwPage } | { name: 'firefox'; page: PpPage };
}

export interface OpenOptions {
  viewport?: Viewport;
  /** A script run in the page's main world before its own scripts (e.g. a tracker or a main-thread probe). */
  initScript?: string;
  /** Called with the new tab before it loads `url` (e.g. to listen to it from the start). */
  beforeLoad?: (page: DriverPage) => Promise<void> | void;
}

export interface Driver {
  name: BrowserName;
  /** Opens a web page and waits for its load. */
  open(url: string, options?: OpenOptions): Promise<DriverPage>;
  /** Opens `path` of the extension (e.g. "src/ui/popup/index.html?tab=3") and waits for its load. */
  openExtension(path: string, viewport?: Viewport): Promise<DriverPage>;
  /**
   * Follows a link of an extension page that opens a tab of the extension (e.g. a citation to the
   * reader). Chromium: the click itself, and the tab it opens. Firefox: a tab the extension opens
   * on a moz-extension URL is beyond puppeteer's reach (its navigation never settles:
   * firefox-driver.ts), so the link's target is opened instead.
   */
  followLink(page: DriverPage, selector: string, viewport?: Viewport): Promise<DriverPage>;
  /** The extension's origin, e.g. chrome-extension://<id> or moz-extension://<uuid>. */
  extOrigin: string;
  /** All of storage.session. */
  session(): Promise<Record<string, unknown>>;
  /** The newest analysis written for `url` that `accept` takes, with its tab. */
  analysisFor(url: string, accept?: (a: TabAnalysis) => boolean, timeoutMs?: number): Promise<{ tabId: number; analysis: TabAnalysis }>;
  /** Sends a message (e.g. a `ui:` one) to the background from an extension page. */
  ui(message: unknown): Promise<unknown>;
  /** Runs one of the extension's files in a tab's top frame from an extension page, as the background does. */
  inject(tabId: number, file: string): Promise<void>;
  /**
   * Every console error or warning and uncaught error of any context, background included: Chromium
   * only (Firefox's BiDi session sees the tabs' consoles, not the background's), else null.
   */
  errors: string[] | null;
  /** The browser underneath, for a browser-specific branch. */
  raw: { name: 'chromium'; session: ChromiumSession } | { name: 'firefox'; browser: Browser };
  close(): Promise<void>;
}

export interface StartOptions {
  /** The browser's UI language, e.g. 'sv'. Chromium only (--lang); not wired for Firefox, whose UI language needs a language pack. */
  lang?: string;
  /** Firefox only: extra preferences and environment (e.g. a proxy). */
  firefox?: Pick<LaunchOptions, 'prefs' | 'env'>;
  /**
   * The extension may run in private windows, as a reader may allow it: Chromium's "Allow in
   * Incognito" (pre-written in the new profile), Firefox's "Run in Private Windows" (given at install).
   */
  privateWindows?: boolean;
}

/** A Playwright page as a DriverPage (e.g. a tab the extension opened itself). */
export function chromiumPage(page: PwPage): DriverPage {
  return {
    eval: (expression) => page.evaluate(expression),
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    front: () => page.bringToFront(),
    hover: (x, y) => page.mouse.move(x, y),
    run: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown),
    click: (selector) => page.locator(selector).first().click(),
    press: (key) => page.keyboard.press(key),
    colorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    screenshot: async (name, options = {}) => {
      await page.screenshot({ path: screenshotPath('chromium', name), fullPage: options.fullPage ?? false });
    },
    close: () => page.close(),
    raw: { name: 'chromium', page },
  };
}

/** A Puppeteer page as a DriverPage. */
export function firefoxPage(page: PpPage): DriverPage {
  let schemeSet = false;
  return {
    eval: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    front: () => page.bringToFront(),
    hover: (x, y) => page.mouse.move(x, y),
    run: <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as (arg: unknown) => Promise<T>, arg) as Promise<T>,
    click: async (selector) => {
      await waitFor(
        () => page.evaluate((s) => document.querySelector(s) !== null, selector),
        (there) => there,
        `${selector} to click`,
      );
      await page.click(selector);
    },
    // WebDriver BiDi knows the space bar as ' ', not 'Space'.
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as Parameters<PpPage['keyboard']['press']>[0]),
    colorScheme: async (scheme) => {
      // The whole browser's (firefox-driver.ts): undone when this page closes.
      schemeSet = true;
      await setColorScheme(page.browser(), scheme);
      // The setting reaches the page's media queries a moment later: wait until this page sees it.
      const want = scheme === 'dark';
      for (let t = Date.now(); Date.now() - t < 5000; await new Promise((r) => setTimeout(r, 50)))
        if ((await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) === want) return;
      throw new Error(`the page did not switch to prefers-color-scheme: ${scheme} within 5 s`);
    },
    screenshot: async (name, options = {}) => {
      await page.screenshot({ path: screenshotPath('firefox', name), fullPage: options.fullPage ?? false });
    },
    close: async () => {
      if (schemeSet) await setColorScheme(page.browser(), null);
      await page.close();
    },
    raw: { name: 'firefox', page },
  };
}

const analysisIn =
  (session: () => Promise<Record<string, unknown>>) =>
  (url: string, accept: (a: TabAnalysis) => boolean = () => true, timeoutMs?: number) =>
    waitFor(
      async () => findAnalysis(await session(), url, accept),
      (r) => r !== null,
      `the analysis of ${url}`,
      timeoutMs,
    ).then((r) => r!);

export async function chromiumDriver(options: StartOptions = {}): Promise<Driver> {
  const chromium = await chromiumSession({
    args: options.lang ? [`--lang=${options.lang}`] : [],
    incognito: options.privateWindows ?? false,
  });
  const { context } = chromium;
  // An extension page to send messages from, as the popup would.
  const extPage = await context.newPage();
  await extPage.goto(chromium.extUrl('src/ui/options/index.html'));
  return {
    name: 'chromium',
    async open(url, { viewport, initScript, beforeLoad } = {}) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      if (initScript) await page.addInitScript(initScript);
      const wrapped = chromiumPage(page);
      await beforeLoad?.(wrapped);
      await page.goto(url);
      return wrapped;
    },
    async openExtension(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(chromium.extUrl(path));
      return chromiumPage(page);
    },
    async followLink(from, selector, viewport) {
      if (from.raw.name !== 'chromium') throw new Error('a Chromium page');
      const [opened] = await Promise.all([context.waitForEvent('page'), from.click(selector)]);
      if (viewport) await opened.setViewportSize(viewport);
      return chromiumPage(opened);
    },
    extOrigin: `chrome-extension://${chromium.extensionId}`,
    session: chromium.session,
    analysisFor: analysisIn(chromium.session),
    ui: (message) => extPage.evaluate((m) => chrome.runtime.sendMessage(m), message),
    inject: async (tabId, file) => {
      await extPage.evaluate(([t, f]) => chrome.scripting.executeScript({ target: { tabId: t, frameIds: [0] }, files: [f] }), [
        tabId,
        file,
      ] as const);
    },
    errors: chromium.errors,
    raw: { name: 'chromium', session: chromium },
    close: () => chromium.close(),
  };
}

export async function firefoxDriver(executablePath: string, options: StartOptions = {}): Promise<Driver> {
  if (options.lang) throw new Error(`a Firefox UI in ${options.lang} is not wired (it needs a language pack)`);
  const firefox: Browser = await launchFirefox(executablePath, {
    ...options.firefox,
    privateBrowsing: options.privateWindows ?? false,
  });
  try {
    // An extension page with the extension's privileges: storage and messages go through it.
    const probe = await openExtensionPage(firefox, 'src/ui/options/index.html');
    const session = () => probe.evaluate(() => browser.storage.session.get(null));
    await waitFor(
      () => probe.evaluate(() => browser.storage.session.get('corpus:status')),
      (s) => (s['corpus:status'] as { state?: string } | undefined)?.state === 'ready',
      'the corpus to load',
    );
    return {
      name: 'firefox',
      async open(url, { viewport, initScript, beforeLoad } = {}) {
        const page = await firefox.newPage();
        if (viewport) await page.setViewport(viewport);
        if (initScript) await page.evaluateOnNewDocument(initScript);
        const wrapped = firefoxPage(page);
        await beforeLoad?.(wrapped);
        await page.goto(url);
        return wrapped;
      },
      openExtension: async (path, viewport) => firefoxPage(await openExtensionPage(firefox, path, viewport)),
      async followLink(from, selector, viewport) {
        const href = await waitFor(
          () => from.run((s) => document.querySelector<HTMLAnchorElement>(s)?.href ?? '', selector),
          (h) => h.startsWith(`${EXTENSION_ORIGIN}/`),
          `the link ${selector}`,
        );
        return firefoxPage(await openExtensionPage(firefox, href.slice(EXTENSION_ORIGIN.length + 1), viewport));
      },
      extOrigin: EXTENSION_ORIGIN,
      session,
      analysisFor: analysisIn(session),
      ui: (message) => probe.evaluate((m) => browser.runtime.sendMessage(m), message),
      inject: async (tabId, file) => {
        await probe.evaluate((t, f) => browser.scripting.executeScript({ target: { tabId: t, frameIds: [0] }, files: [f] }), tabId, file);
      },
      errors: null,
      raw: { name: 'firefox', browser: firefox },
      close: () => firefox.close(),
    };
  } catch (e) {
    await firefox.close();
    throw e;
  }
}

export interface DriverSpec {
  name: BrowserName;
  /** For suite titles: "Chromium", "Firefox". */
  title: string;
  /** The browser's executable, or null to skip (an error under CI: see requireBrowser). */
  path: string | null;
  start(options?: StartOptions): Promise<Driver>;
}

const chromiumPath = requireBrowser('chromium');
const firefoxPath = requireBrowser('firefox');

/** Both browsers, in the order the suites run them. */
export const DRIVERS: readonly DriverSpec[] = [
  { name: 'chromium', title: 'Chromium', path: chromiumPath, start: (o) => chromiumDriver(o) },
  { name: 'firefox', title: 'Firefox', path: firefoxPath, start: (o) => firefoxDriver(firefoxPath!, o) },
];
