// The RegExp baselines of the matcher benchmark, in a worker so that a slow one can be stopped
// (a single RegExp exec cannot be interrupted). Posts one message per completed run.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ kind: 'perAlias' | 'alternation'; forms: string[]; text: string; runs: number }} */
const { kind, forms, text, runs } = workerData;
const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wrap = (/** @type {string} */ body) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');

for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  let matches = 0;
  if (kind === 'perAlias') {
    for (const form of forms) for (const _ of text.matchAll(wrap(escape(form)))) matches++;
  } else {
    // Built each run: the compile (lazy, at the first exec) is part of what this approach costs a page.
    const re = wrap(
      [...forms]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|'),
    );
    for (const _ of text.matchAll(re)) matches++;
  }
  parentPort?.postMessage({ ms: performance.now() - t0, matches });
}
