// Real-size article pages for the corpus bench: the saved news pages of ../shared/bench (gzipped
// HTML), repeated up to `count` with distinct names and made distinct: copy k (k ≥ 1) of a page
// lacks its k-th and (k+6)-th paragraphs, so most repeats differ in text (935 of 1,000 files are
// distinct: a page with few <p> paragraphs repeats itself).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const BENCH_PAGES = '../shared/bench/declutter/html';

/**
 * Copy `k` of a page: without its k-th and (k+6)-th <p> paragraphs (counting from 1); copy 0 is the page.
 * @param {string} html
 * @param {number} k
 */
export function variant(html, k) {
  if (k === 0) return html;
  let i = 0;
  return html.replace(/<p\b[^>]*>[\s\S]*?<\/p>/gi, (p) => {
    i++;
    return i === k || i === k + 6 ? '' : p;
  });
}

/**
 * Writes `count` pages into `dir` (page-00000.html …), round-robin over the pages of `from`.
 * Returns the number of distinct source pages, or 0 when `from` has none.
 * @param {string} dir
 * @param {number} count
 * @param {string} [from]
 */
export function writeBenchPages(dir, count, from = BENCH_PAGES) {
  let names;
  try {
    names = readdirSync(from)
      .filter((f) => f.endsWith('.html.gz'))
      .sort();
  } catch {
    return 0;
  }
  if (names.length === 0) return 0;
  const pages = names.map((f) => gunzipSync(readFileSync(join(from, f))).toString('utf8'));
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < count; n++) {
    const html = variant(pages[n % pages.length] ?? '', Math.floor(n / pages.length));
    writeFileSync(join(dir, `page-${String(n).padStart(5, '0')}.html`), html);
  }
  return pages.length;
}
