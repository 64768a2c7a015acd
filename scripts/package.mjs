#!/usr/bin/env node
// Builds both browsers and writes store-ready zips (manifest.json at the zip's root):
// dist/news-context-<version>-chrome.zip and dist/news-context-<version>-firefox.zip.
// Entries are sorted and dated 1980-01-01 so the same build gives the same bytes.
// Prints the zip paths; `--no-build` skips the build.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import pkg from '../package.json' with { type: 'json' };

const { version } = pkg;
// --no-build zips the existing dist/ (npm test packages what it has just built and tested).
if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });

for (const target of ['chrome', 'firefox']) {
  const root = `dist/${target}`;
  /** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
  const files = {};
  for (const file of walk(root)) files[relative(root, file)] = [readFileSync(file), { mtime: new Date('1980-01-01T00:00:00Z') }];
  if (!files['manifest.json']) throw new Error(`${root} has no manifest.json`);
  const out = `dist/news-context-${version}-${target}.zip`;
  writeFileSync(out, zipSync(files, { level: 9 }));
  console.log(`${out}: ${Object.keys(files).length} files, ${(statSync(out).size / 1024).toFixed(1)} KiB`);
}
