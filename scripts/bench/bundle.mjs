// Bundle sizes: gzip size of every JS and JSON file of the built extensions.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The content script's budget, gzipped, besides the alias table (fetched at run time, not bundled). */
export const CONTENT_BUDGET = 25 * 1024;
export const CONTENT_SCRIPT = 'src/content/index.js';

/** @param {string} dir */
function walk(dir) {
  /** @type {string[]} */
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(?:js|json)$/.test(name)) out.push(p);
  }
  return out;
}

/**
 * @param {string[]} targets e.g. ['dist/chrome', 'dist/firefox']
 * @returns {{ target: string; files: { file: string; bytes: number; gzip: number }[]; content: { gzip: number; budget: number; met: boolean } | null }[]}
 */
export function bundleSizes(targets) {
  return targets.map((target) => {
    const files = walk(target).map((p) => {
      const bytes = readFileSync(p);
      return { file: relative(target, p), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const cs = files.find((f) => f.file === CONTENT_SCRIPT);
    return { target, files, content: cs ? { gzip: cs.gzip, budget: CONTENT_BUDGET, met: cs.gzip <= CONTENT_BUDGET } : null };
  });
}
