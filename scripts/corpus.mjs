#!/usr/bin/env node
// `npm run corpus -- <command>`: runs src/corpus/cli.ts through Vite's module runner (TypeScript
// without a separate compile step on Node 20).
import { runnerImport } from 'vite';

/** @type {{ module: { main: (argv: string[]) => number } }} */
const { module } = await runnerImport('/src/corpus/cli.ts', { configFile: false, logLevel: 'error' });
process.exitCode = module.main(process.argv.slice(2));
