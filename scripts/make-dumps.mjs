// Plain-text dumps of the 88 bench pages (../shared/bench/declutter): what real Chromium shows as
// `document.body.innerText` with JavaScript off and no network, i.e. the visible text a reader
// copies from the page. They are the input of the text-extraction benchmark
// (test/bench/extract-text.test.ts) and are cached under artifacts/dumps/ (never committed).
//
//   node scripts/make-dumps.mjs [--force]
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/browsers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BENCH_HTML_DIR = join(ROOT, '../shared/bench/declutter/html');
export const DUMPS_DIR = join(ROOT, 'artifacts/dumps');

/** The ids of the bench pages (file names without `.html.gz`), sorted. */
export function benchIds() {
  return readdirSync(BENCH_HTML_DIR)
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
}

/** Ids whose dump is not yet in the cache. */
export function missingDumps() {
  return benchIds().filter((id) => !existsSync(join(DUMPS_DIR, `${id}.txt`)));
}

/**
 * Renders each page (JavaScript disabled, every sub-resource refused) and writes its
 * `document.body.innerText` to artifacts/dumps/<id>.txt.
 * @param {{ ids?: string[]; concurrency?: number; log?: (line: string) => void }} [options]
 * @returns {Promise<number>} how many dumps were written
 */
export async function makeDumps({ ids = missingDumps(), concurrency = 3, log = () => undefined } = {}) {
  if (ids.length === 0) return 0;
  mkdirSync(DUMPS_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 1000 } });
    const queue = [...ids];
    let written = 0;
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const html = gunzipSync(readFileSync(join(BENCH_HTML_DIR, `${id}.html.gz`))).toString('utf8');
        const page = await context.newPage();
        const url = `http://bench.invalid/${id}.html`;
        // The saved page is the only thing served: no stylesheet, image or font is fetched.
        await page.route('**/*', (route) =>
          route.request().url() === url
            ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : route.abort(),
        );
        try {
          await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
          const text = await page.evaluate(() => document.body.innerText);
          writeFileSync(join(DUMPS_DIR, `${id}.txt`), text);
          written++;
          log(`dump ${id.slice(0, 12)} ${text.length} chars`);
        } finally {
          await page.close();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    return written;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ids = process.argv.includes('--force') ? benchIds() : missingDumps();
  const n = await makeDumps({ ids, log: (line) => console.log(line) });
  console.log(`${n} dumps written to ${DUMPS_DIR}`);
}
