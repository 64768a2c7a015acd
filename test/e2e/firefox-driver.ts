/**
 * Driving Firefox ESR with the built extension through puppeteer-core over WebDriver BiDi, and
 * the workarounds that needs (see the README's troubleshooting section):
 *  - The moz-extension UUID is random per profile; the `extensions.webextensions.uuids` pref pins
 *    it before the install, so the tests know the extension pages' origin.
 *  - `page.goto('moz-extension://…')` loads the page but its promise never settles (it rejects
 *    with "Frame detached" only when the tab closes), and `page.url()` keeps saying about:blank;
 *    `page.evaluate` does run in the loaded extension page. Navigations are started without
 *    awaiting and the document is polled instead.
 *  - A file missing from the build loads as an empty document, not as an error page.
 *  - In extension pages `browser` is the native WebExtension global: tests read storage and call
 *    APIs there (with the page's privileges) through `page.evaluate`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { distDir, waitFor } from './harness';

/** A fixed, otherwise meaningless UUID for the extension's moz-extension:// origin. */
export const EXTENSION_UUID = '4e0c8a52-9d1b-4c7e-a3f6-5b2d7e91c0aa';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The parts of dist/firefox/manifest.json the tests rely on. */
export interface BuiltManifest {
  browser_specific_settings?: { gecko?: { id?: string } };
  sidebar_action?: { default_panel?: string };
}

export function builtManifest(): BuiltManifest {
  return JSON.parse(readFileSync(join(distDir('firefox'), 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** The gecko id of the built extension. */
export function builtGeckoId(): string {
  const id = builtManifest().browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  return id;
}

/** Whether `path` (an extension URL path, query allowed) is a file of the build. */
export function isBuilt(path: string): boolean {
  return existsSync(join(distDir('firefox'), path.split(/[?#]/)[0]!));
}

/** What a suite may add to a launch; without options a launch is what it always was. */
export interface LaunchOptions {
  /** Extra preferences, on top of puppeteer's and the extension UUID pin (which they may not replace). */
  prefs?: Record<string, unknown>;
  /** Extra environment variables for the Firefox process (on top of this process's environment). */
  env?: Record<string, string>;
  /** false: a Firefox without the extension, e.g. to measure a page by itself. Default true. */
  extension?: boolean;
  /**
   * The add-on may run in private windows (about:addons' "Run in Private Windows"): a temporary
   * add-on may not by default. Given at install, with BiDi's `moz:allowPrivateBrowsing`. Default false.
   */
  privateBrowsing?: boolean;
}

/** Starts headless Firefox and installs dist/firefox as a temporary add-on. */
export async function launchFirefox(executablePath: string, options: LaunchOptions = {}): Promise<Browser> {
  const withExtension = options.extension ?? true;
  const geckoId = withExtension ? builtGeckoId() : null;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets BiDi see and script the browser's own (chrome) windows, e.g. the sidebar.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...options.prefs,
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) } : {}),
    },
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  if (!geckoId) return browser;
  try {
    const installed = options.privateBrowsing ? await installAllowedInPrivate(browser) : await browser.installExtension(distDir('firefox'));
    if (installed !== geckoId) throw new Error(`installed add-on id ${installed}, expected ${geckoId}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

/**
 * Installs dist/firefox as a temporary add-on allowed in private windows. Puppeteer's
 * installExtension sends BiDi's webExtension.install without Firefox's `moz:allowPrivateBrowsing`
 * (which grants the `internal:privateBrowsingAllowed` permission and reloads the add-on), so the
 * command is sent here through puppeteer's internal connection (as chromeScreenshot does).
 */
async function installAllowedInPrivate(browser: Browser): Promise<string> {
  const { connection } = browser as unknown as BidiSend;
  const { result } = await connection.send('webExtension.install', {
    extensionData: { type: 'path', path: distDir('firefox') },
    'moz:allowPrivateBrowsing': true,
  });
  return (result as { extension: string }).extension;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * Opens `path` of the extension (e.g. "src/ui/options/index.html") in a new tab and waits until
 * its document has loaded. See the header for why `goto` is not awaited.
 */
export async function openExtensionPage(browser: Browser, path: string, viewport?: Viewport): Promise<Page> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  // Firefox serves a missing extension file as an empty document, not an error: say so plainly.
  if (!isBuilt(path)) throw new Error(`dist/firefox/${path.split(/[?#]/)[0]!} is not in the build, so ${url} would be an empty page`);
  const page = await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  // Never settles while the tab lives; it rejects ("Frame detached") when the tab closes.
  page.goto(url).catch(() => undefined);
  await waitFor(
    () => page.evaluate(() => ({ href: location.href, ready: document.readyState })),
    (v) => v.href === url && v.ready === 'complete',
    `${url} to load`,
  );
  return page;
}

/** Polls `selector` in `page` until its text content satisfies `accept`; returns that text. */
export function waitForText(
  page: Page,
  selector: string,
  accept: (text: string) => boolean,
  what = selector,
  timeoutMs?: number,
): Promise<string> {
  return waitFor(
    () => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    (t): t is string => t !== null && accept(t),
    what,
    timeoutMs,
  ) as Promise<string>;
}

/** The part of puppeteer's (internal) BiDi connection used to reach chrome-scope contexts. */
interface BidiSend {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

interface ChromeContext {
  context: string;
  url: string;
  children: ChromeContext[] | null;
}

type EvaluateResult =
  { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * A PNG of the browser's own UI, drawn in the privileged (chrome) scope that
 * `--remote-allow-system-access` opens to BiDi: `sidebar` is the content of the open sidebar
 * (the extension page in it), `window` the whole browser window. BiDi's captureScreenshot
 * refuses chrome contexts, so this draws with WindowGlobalParent.drawSnapshot (which includes
 * out-of-process content) onto a canvas. Uses puppeteer's internal BiDi connection: Firefox
 * allows one BiDi session at a time.
 */
export async function chromeScreenshot(browser: Browser, what: 'sidebar' | 'window'): Promise<Buffer> {
  const { connection } = browser as unknown as BidiSend;
  const send = async <T>(method: string, params: object) => (await connection.send(method, params)).result as T;
  const { contexts } = await send<{ contexts: ChromeContext[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const top = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!top) throw new Error(`no browser window among the chrome contexts: ${JSON.stringify(contexts.map((c) => c.url))}`);
  let context = top.context;
  let element = '({ browsingContext: window.browsingContext })';
  if (what === 'sidebar') {
    const panels = top.children?.find((c) => c.url === 'chrome://browser/content/webext-panels.xhtml');
    if (!panels) throw new Error('no extension sidebar is open');
    context = panels.context;
    element = "document.getElementById('webext-panels-browser')";
  }
  const expression = `(async () => {
    const el = ${element};
    if (!el?.browsingContext?.currentWindowGlobal) throw new Error('nothing to draw');
    const bitmap = await el.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  })()`;
  const res = await send<EvaluateResult>('script.evaluate', { target: { context }, expression, awaitPromise: true });
  if (res.type !== 'success') throw new Error(`drawing the ${what} failed: ${res.exceptionDetails.text}`);
  const url = res.result.value;
  if (typeof url !== 'string' || !url.startsWith('data:image/png;base64,'))
    throw new Error(`drawing the ${what} gave ${String(url).slice(0, 80)}`);
  return Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
}

/**
 * Emulates prefers-color-scheme in every tab (null: the browser's own again). Puppeteer's
 * emulateMediaFeatures needs CDP, which Firefox no longer has; the content override pref is live,
 * so it is set in the chrome scope (as chromeScreenshot reaches it). One setting for the whole
 * browser, unlike Chromium's per page.
 */
export async function setColorScheme(browser: Browser, scheme: 'light' | 'dark' | null): Promise<void> {
  const { connection } = browser as unknown as BidiSend;
  const send = async <T>(method: string, params: object) => (await connection.send(method, params)).result as T;
  const { contexts } = await send<{ contexts: ChromeContext[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const top = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!top) throw new Error('no browser window among the chrome contexts');
  const pref = 'layout.css.prefers-color-scheme.content-override';
  const expression =
    scheme === null ? `Services.prefs.clearUserPref('${pref}')` : `Services.prefs.setIntPref('${pref}', ${scheme === 'dark' ? 0 : 1})`;
  const res = await send<EvaluateResult>('script.evaluate', { target: { context: top.context }, expression, awaitPromise: false });
  if (res.type !== 'success') throw new Error(`setting ${pref} failed: ${res.exceptionDetails.text}`);
}
