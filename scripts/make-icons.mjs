#!/usr/bin/env node
// Rasterises assets/icons/icon.svg to the PNG sizes the manifests use (Chrome needs PNG icons).
// Run after editing the SVG: `node scripts/make-icons.mjs`. The PNGs are committed.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/browsers.mjs';

const dir = fileURLToPath(new URL('../assets/icons/', import.meta.url));
const svg = await readFile(`${dir}icon.svg`, 'utf8');
const browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.locator('svg').screenshot({ path: `${dir}icon-${size}.png`, omitBackground: true });
  console.log(`icon-${size}.png`);
}
await browser.close();
