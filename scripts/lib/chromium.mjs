// Launches Chromium with an unpacked extension loaded, for `npm start` and the e2e suite.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';

/**
 * The id Chromium gives the unpacked extension in `dir`: the first 128 bits of the SHA-256 of its
 * absolute path (symlinks resolved), each hex digit written as a letter a–p.
 * @param {string} dir
 * @returns {string}
 */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/**
 * `developerMode` turns on chrome://extensions' developer mode in a new profile: without it,
 * `chrome.runtime.reload()` disables an unpacked extension ("unsupported developer extension").
 * `incognito` allows the extension in incognito windows (chrome://extensions' "Allow in
 * Incognito"), written into the new profile's Preferences before the launch: Chromium for Linux
 * takes it from there (it enforces no MAC of Secure Preferences on it); the launch fails if the
 * extension's id is not the one the pref was written for. (test/e2e/private.e2e.ts checks that it
 * took: chrome.extension.isAllowedIncognitoAccess().)
 * `args` adds Chromium flags, e.g. `--lang=sv` for the extension's UI language.
 * @param {{ extensionDir: string; headless: boolean; profile?: string; developerMode?: boolean; incognito?: boolean; args?: string[] }} options
 * @returns {Promise<{ context: import('playwright-core').BrowserContext; worker: import('playwright-core').Worker; extensionId: string; profile: string }>}
 */
export async function launchWithExtension({
  extensionDir,
  headless,
  profile = mkdtempSync(join(tmpdir(), 'news-context-')),
  developerMode = false,
  incognito = false,
  args = [],
}) {
  const expectedId = incognito ? unpackedExtensionId(extensionDir) : null;
  if (developerMode || expectedId) {
    /** @type {{ ui?: object; settings?: object }} */
    const extensions = {};
    if (developerMode) extensions.ui = { developer_mode: true };
    if (expectedId) extensions.settings = { [expectedId]: { incognito: true } };
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless,
    // A DevTools port besides Playwright's pipe: the real side panel is only reachable over CDP.
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_ARGS,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...args,
    ],
    viewport: headless ? { width: 1200, height: 900 } : null,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (expectedId && extensionId !== expectedId) {
    await context.close();
    throw new Error(`the extension's id is ${extensionId}, but "Allow in Incognito" was written for ${expectedId}`);
  }
  return { context, worker, extensionId, profile };
}
