#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --no-build] [-- --only=matcher,corpus,memory,bundle,page]`: measures the
// matcher, the corpus, reading memory and the bundles in one run, writes artifacts/bench/results.json and
// BENCHMARKS.md, and prints a summary. The TypeScript parts run through Vite's module runner.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { runnerImport } from 'vite';
import { bundleSizes } from './bench/bundle.mjs';
import { machine } from './bench/machine.mjs';
import { renderMarkdown, summary } from './bench/report.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const build = !args.includes('--no-build');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',') ?? ['matcher', 'corpus', 'memory', 'bundle', 'page'];
/** Every part: only a full run of all of them writes BENCHMARKS.md. */
const ALL_PARTS = 5;
const limitArg = args.find((a) => a.startsWith('--limit='));
/** Time limit of one baseline RegExp scan, ms. */
const limitMs = limitArg ? Number(limitArg.slice('--limit='.length)) * 1000 : quick ? 2000 : 10_000;

const started = performance.now();
/** @type {Record<string, unknown>} */
const results = { machine: machine(), options: { quick, limitMs, only } };
const log = (/** @type {string} */ s) => console.info(`[bench] ${s}`);

/** @type {{ module: typeof import('./bench/corpus') }} */
const { module: corpusBench } = await runnerImport('/scripts/bench/corpus.ts', { configFile: false, logLevel: 'error' });
const seed = corpusBench.buildSeedCorpus().corpus;

if (only.includes('matcher')) {
  log('matcher scaling');
  /** @type {{ module: typeof import('./bench/matcher') }} */
  const { module } = await runnerImport('/scripts/bench/matcher.ts', { configFile: false, logLevel: 'error' });
  results.matcher = await module.runMatcherBench({ corpus: seed, quick, limitMs });
}
if (only.includes('corpus')) {
  log('corpus scaling');
  const { seedCorpus: _, ...corpus } = await corpusBench.runCorpusBench({ quick });
  log('npm run corpus: extract cold and warm, build of real-size pages');
  results.corpus = { ...corpus, cli: await corpusBench.runCliBench({ quick }) };
}
if (only.includes('memory')) {
  log('reading memory: remembering read articles, a 10,000-article pack');
  /** @type {{ module: typeof import('./bench/memory') }} */
  const { module } = await runnerImport('/scripts/bench/memory.ts', { configFile: false, logLevel: 'error' });
  const memory = await module.runMemoryBench({ quick });
  const { browserLookups } = await import('./bench/browser.mjs');
  const browsers = await browserLookups(module.memorySeed(), module.packLookupOptions(quick), log);
  results.memory = { ...memory, browsers };
}
if (only.includes('bundle') || only.includes('page')) {
  if (build) {
    log('npm run build');
    execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
if (only.includes('bundle')) {
  log('bundle sizes');
  results.bundle = bundleSizes(['dist/chrome', 'dist/firefox']);
}
if (only.includes('page')) {
  log('page cost in Chromium');
  try {
    const { pageCost } = await import('./bench/page.mjs');
    results.page = await pageCost({ quick });
  } catch (e) {
    results.page = { skipped: `failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
results.totalSeconds = Math.round((performance.now() - started) / 100) / 10;

mkdirSync('artifacts/bench', { recursive: true });
writeFileSync('artifacts/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
// Formatted as `npm run lint` (prettier --check .) expects.
const md = await format(renderMarkdown(results), { ...(await resolveConfig('BENCHMARKS.md')), parser: 'markdown' });
if (!quick && only.length === ALL_PARTS) writeFileSync('BENCHMARKS.md', md);
else writeFileSync('artifacts/bench/BENCHMARKS.md', md);
console.info(summary(results));
log(
  `results: artifacts/bench/results.json; table: ${!quick && only.length === ALL_PARTS ? 'BENCHMARKS.md' : 'artifacts/bench/BENCHMARKS.md (partial or quick run)'}`,
);
