// The pack look-ups of the reading-memory bench (lookups.ts) in real browsers: browser-lookups.ts is
// built for a page, served from 127.0.0.1, and run in Chromium (a persistent profile: its
// IndexedDB is on disk, as the extension's is) and in Firefox ESR, each with its own IndexedDB.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { CHROMIUM_ARGS, browserPath } from '../lib/browsers.mjs';

/** Builds the page's script into `dir` (bench.js). @param {string} dir */
async function buildPage(dir) {
  await build({
    configFile: false,
    logLevel: 'error',
    define: { __BROWSER__: JSON.stringify('chrome') },
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: 'scripts/bench/browser-lookups.ts', formats: ['iife'], name: 'bench', fileName: () => 'bench.js' },
    },
  });
}

/** Serves `dir`'s bench.js under a blank page. @param {string} dir */
function serve(dir) {
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(dir, 'bench.js')));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        origin: `http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}`,
        close: () => server.close(),
      });
    }),
  );
}

/**
 * @param {import('../../src/core/corpus').Corpus} seed
 * @param {import('./lookups').PackLookupOptions} options
 * @param {(s: string) => void} log
 * @param {readonly ('chromium' | 'firefox')[]} [browsers]
 */
export async function browserLookups(seed, options, log, browsers = ['chromium', 'firefox']) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lookups-'));
  /** @type {Record<string, unknown>} */
  const out = {};
  try {
    await buildPage(dir);
    const server = /** @type {{ origin: string; close: () => void }} */ (await serve(dir));
    try {
      const runners = { chromium: { title: 'Chromium', run: inChromium }, firefox: { title: 'Firefox', run: inFirefox } };
      for (const name of browsers) {
        const { title, run } = runners[name];
        const path = browserPath(name);
        if (!path) {
          out[name] = { skipped: `${title} is not installed` };
          continue;
        }
        log(`pack look-ups in ${title}`);
        out[name] = await run(path, server.origin, seed, options).catch((/** @type {unknown} */ e) => ({
          skipped: `failed: ${String(e)}`,
        }));
      }
    } finally {
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** @param {string} executablePath @param {string} origin @param {unknown} seed @param {unknown} options */
async function inChromium(executablePath, origin, seed, options) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(origin);
    const version = context.browser()?.version() ?? null;
    // @ts-expect-error -- defined by bench.js
    const r = await page.evaluate(([s, o]) => globalThis.benchPackLookups(s, o), [seed, options]);
    return { browser: `Chromium ${version ?? ''}`.trim(), ...r };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** @param {string} executablePath @param {string} origin @param {unknown} seed @param {unknown} options */
async function inFirefox(executablePath, origin, seed, options) {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(join(tmpdir(), 'bench-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    protocolTimeout: 600_000,
  });
  try {
    const page = await browser.newPage();
    await page.goto(origin);
    const version = await browser.version();
    // @ts-expect-error -- defined by bench.js
    const r = await page.evaluate((s, o) => globalThis.benchPackLookups(s, o), seed, options);
    return { browser: version, ...r };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
