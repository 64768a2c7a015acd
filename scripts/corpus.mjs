#!/usr/bin/env node
// `npm run corpus -- <command>`: runs src/corpus/cli.ts from a bundle cached in
// node_modules/.cache/news-context (scripts/lib/corpus-bundle.mjs), rebuilt when a source changes.
// The bundle is also what `build`'s worker threads import.
import { corpusBundle } from './lib/corpus-bundle.mjs';

const bundle = await corpusBundle();
/** @type {typeof import('../src/corpus/cli')} */
const cli = await import(bundle.url);
process.exitCode = await cli.run(process.argv.slice(2), undefined, { workerModule: bundle.url });
