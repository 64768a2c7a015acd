#!/usr/bin/env node
// `npm start`: builds the extension for Chrome and Firefox, serves the demo news pages (built
// from the seed articles) on 127.0.0.1 and opens Chromium with the extension loaded on them.
// With a display it opens a real window and waits until you close it; without one (or with
// --headless) it runs headless and writes screenshots of each demo page decluttered and with
// everything shown again (the popup's "Show everything"), its popup, side panel and reader view;
// with --docs it copies the two page screenshots to docs/screenshots/demo-<seed>-*.png as well.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './lib/chromium.mjs';
import { seedNames, startServer } from './lib/server.mjs';

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve('artifacts/start');
const docsDir = process.argv.includes('--docs') ? resolve('docs/screenshots') : null;

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const server = await startServer();
const seeds = await seedNames();
const { context, worker, extensionId, profile } = await launchWithExtension({ extensionDir: resolve('dist/chrome'), headless });
const ext = (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path}`;
console.log(`Demo pages: ${server.origin}/`);

/** The tab id whose analysis is for `url`, once the background has written it. */
async function analysedTab(/** @type {string} */ url) {
  for (let i = 0; i < 100; i++) {
    const session = await worker.evaluate(() => chrome.storage.session.get(null));
    const hit = Object.entries(session).find(([k, v]) => k.startsWith('tab:') && /** @type {{ url?: string }} */ (v).url === url);
    if (hit) return Number(hit[0].slice(4));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no analysis for ${url}: is the content script running?`);
}

/**
 * @typedef {{ declutter: { active: boolean; walls: number; boilerplate: number } }} DeclutterState
 * The tab's analysis once `test` holds (declutter reports after the page is idle).
 * @param {number} tabId @param {(a: DeclutterState) => boolean} test @param {string} what
 */
async function tabState(tabId, test, what) {
  const key = `tab:${tabId}`;
  for (let i = 0; i < 150; i++) {
    const state = /** @type {DeclutterState | undefined} */ ((await worker.evaluate((k) => chrome.storage.session.get(k), key))[key]);
    if (state && test(state)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tab ${tabId}: ${what} did not happen`);
}

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${server.origin}/demo/${seeds[0]}.html`);
  console.log(
    'Chromium is open with the extension loaded. Click its toolbar icon (pin it from the puzzle menu) for the popup. Close the window to stop.',
  );
  await new Promise((r) => context.on('close', r));
} else {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  /** @type {string[]} */
  const shots = [];
  for (const seed of seeds) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    const url = `${server.origin}/demo/${seed}.html`;
    await page.goto(url);
    const tabId = await analysedTab(url);
    // Decluttered: the ad-blocker wall (seed 004's) and the boilerplate around the article hidden.
    const { declutter } = await tabState(
      tabId,
      (a) => a.declutter.active && a.declutter.walls + a.declutter.boilerplate > 0,
      'declutter hiding walls or boilerplate',
    );
    await page.screenshot({ path: `${outDir}/${seed}-decluttered.png` });
    // Highlights and hover cards work on the decluttered page: rest on a highlighted name until its card opens.
    const name = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('news-context') ?? [])].filter((r) => r instanceof Range);
      const range = ranges.find((r) => r.toString() === 'Alexandr Wang') ?? ranges[0];
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const b = range?.getBoundingClientRect();
      return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
    });
    if (!name) throw new Error(`${url}: no highlighted name`);
    await page.mouse.move(name.x, name.y);
    await page.locator('news-context-card').waitFor({ state: 'attached' });
    await page.screenshot({ path: `${outDir}/${seed}-hover.png` });
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.goto(ext(`src/ui/popup/index.html?tab=${tabId}`));
    await popup.getByTestId('digest').waitFor();
    await popup.getByTestId('show-everything').waitFor();
    await popup.screenshot({ path: `${outDir}/${seed}-popup.png`, fullPage: true });
    // The popup's "Show everything": the page as the site serves it, wall and all.
    await popup.getByTestId('show-everything').click();
    await tabState(tabId, (a) => !a.declutter.active, '"Show everything"');
    await popup.locator('[data-testid="declutter-status"][data-state="shown"]').waitFor();
    await page.screenshot({ path: `${outDir}/${seed}-everything.png` });
    console.log(`${seed}: declutter hid ${declutter.walls} wall(s) and ${declutter.boilerplate} boilerplate element(s)`);
    if (docsDir) {
      for (const kind of ['decluttered', 'everything'])
        copyFileSync(`${outDir}/${seed}-${kind}.png`, `${docsDir}/demo-${seed}-${kind}.png`);
    }
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(ext(`src/ui/sidepanel/index.html?tab=${tabId}`));
    await panel.getByTestId('timeline-event').first().waitFor();
    await panel.screenshot({ path: `${outDir}/${seed}-sidepanel.png`, fullPage: true });
    // The reader view at the first event's cited sentence.
    const [reader] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('event-cite').first().click()]);
    await reader.setViewportSize({ width: 900, height: 700 });
    await reader.getByTestId('cited').waitFor();
    await reader.screenshot({ path: `${outDir}/${seed}-reader.png` });
    shots.push(
      `${seed}-decluttered.png`,
      `${seed}-hover.png`,
      `${seed}-everything.png`,
      `${seed}-popup.png`,
      `${seed}-sidepanel.png`,
      `${seed}-reader.png`,
    );
    await Promise.all([page.close(), popup.close(), panel.close(), reader.close()]);
  }
  for (const s of shots) if (statSync(`${outDir}/${s}`).size < 1000) throw new Error(`${outDir}/${s} is empty`);
  console.log(`No display: ran headless. Screenshots:\n${shots.map((s) => `  ${outDir}/${s}`).join('\n')}`);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
await server.close();
