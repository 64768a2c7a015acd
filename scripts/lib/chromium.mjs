// Launches Chromium with an unpacked extension loaded, for `npm start` and the e2e suite.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './browsers.mjs';

/**
 * `developerMode` turns on chrome://extensions' developer mode in a new profile: without it,
 * `chrome.runtime.reload()` disables an unpacked extension ("unsupported developer extension").
 * `args` adds Chromium flags, e.g. `--lang=sv` for the extension's UI language.
 * @param {{ extensionDir: string; headless: boolean; profile?: string; developerMode?: boolean; args?: string[] }} options
 * @returns {Promise<{ context: import('playwright-core').BrowserContext; worker: import('playwright-core').Worker; extensionId: string; profile: string }>}
 */
export async function launchWithExtension({
  extensionDir,
  headless,
  profile = mkdtempSync(join(tmpdir(), 'news-context-')),
  developerMode = false,
  args = [],
}) {
  if (developerMode) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
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
  return { context, worker, extensionId: new URL(worker.url()).host, profile };
}
