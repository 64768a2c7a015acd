// Where the real browsers are, and the flags every Chromium launch needs on a closed network.
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
};

/**
 * The executable of `name`, or null when it is not installed.
 * @param {'chromium' | 'firefox'} name
 * @returns {string | null}
 */
export function browserPath(name) {
  return CANDIDATES[name].find((p) => p !== undefined && existsSync(p)) ?? null;
}

/**
 * The executable of `name`; throws with the install command when it is missing.
 * @param {'chromium' | 'firefox'} name
 * @returns {string}
 */
export function findBrowser(name) {
  const p = browserPath(name);
  if (!p) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new Error(`${name} not found: install it with \`sudo apt-get install ${pkg}\` or set ${name.toUpperCase()}_PATH`);
  }
  return p;
}

/** Without the background-networking flags Chromium tries (and fails) to reach Google at start. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
