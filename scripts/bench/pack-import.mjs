#!/usr/bin/env node
// `node scripts/bench/pack-import.mjs [--articles=N]`: how long importing (and removing) a synthetic
// corpus pack of N articles (10,000 by default) takes in fake-indexeddb in Node; target 30 s for
// 10,000. Runs scripts/bench/packs.ts through Vite's module runner, as scripts/bench.mjs does.
import { runnerImport } from 'vite';

const arg = process.argv.slice(2).find((a) => a.startsWith('--articles='));
const articles = arg ? Number(arg.slice('--articles='.length)) : 10_000;
/** @type {{ module: typeof import('./packs') }} */
const { module } = await runnerImport('/scripts/bench/packs.ts', { configFile: false, logLevel: 'error' });
const r = await module.runPackImportBench(articles);
console.info(JSON.stringify(r, null, 2));
console.info(
  `[bench] pack import: ${String(r.articles)} articles (${String(r.entities)} entities, ${String(r.events)} events) in ${(r.importMs / 1000).toFixed(1)} s` +
    ` (target ${String(r.targetMs / 1000)} s: ${r.met ? 'met' : 'NOT met'}); removal ${(r.removeMs / 1000).toFixed(1)} s`,
);
