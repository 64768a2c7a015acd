#!/usr/bin/env node
// Builds the extension for both browsers: dist/chrome and dist/firefox.
// `node scripts/build.mjs chrome` builds one.
import { build } from 'vite';

const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['chrome', 'firefox'];
for (const mode of targets) {
  if (mode !== 'chrome' && mode !== 'firefox') throw new Error(`unknown target ${mode}: use chrome or firefox`);
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  await build({ mode, logLevel: 'warn', configFile: 'vite.config.ts' });
  console.log(`built dist/${mode}`);
}
