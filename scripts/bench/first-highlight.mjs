// Part (e) of the page bench: DOMContentLoaded → first highlight, cold and warm background, on
// page sets of one's choosing, in a browser context with the extension loaded. Besides the first
// highlight each load records when the load event came and when the content script was injected
// (its isolated world created), both relative to DOMContentLoaded.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Wait after a load before the next (the background finishes writing the analysis). */
const SETTLE_MS = 300;

/**
 * A main-world probe: performance.now() at DOMContentLoaded and at the load event, then
 * CSS.highlights polled every animation frame and every 1 ms timer tick (clamped to ~4 ms) until
 * the first highlight. `window.__pageBenchProbe.done` resolves with first highlight −
 * DOMContentLoaded in ms (NaN after 15 s); `.dclEpoch` is DOMContentLoaded in epoch ms.
 */
export function probe() {
  /** @type {(ms: number) => void} */
  let resolve = () => undefined;
  const p = { dcl: NaN, dclEpoch: NaN, load: NaN, first: NaN, done: new Promise((r) => (resolve = r)) };
  Object.defineProperty(window, '__pageBenchProbe', { value: p });
  window.addEventListener('load', () => (p.load = performance.now()), { once: true });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      p.dcl = performance.now();
      p.dclEpoch = performance.timeOrigin + p.dcl;
      let raf = 0;
      const check = () => {
        if (!Number.isNaN(p.first) || CSS.highlights.size === 0) return;
        p.first = performance.now();
        clearInterval(timer);
        cancelAnimationFrame(raf);
        resolve(p.first - p.dcl);
      };
      const timer = setInterval(check, 1);
      const frame = () => {
        check();
        if (Number.isNaN(p.first)) raf = requestAnimationFrame(frame);
      };
      raf = requestAnimationFrame(frame);
      setTimeout(() => {
        clearInterval(timer);
        cancelAnimationFrame(raf);
        resolve(NaN);
      }, 15_000);
    },
    { once: true },
  );
}

/**
 * A copy of a built extension whose content scripts run at `runAt` (only the copy's manifest.json
 * is edited). @param {string} from @param {string} to @param {'document_start' | 'document_end' | 'document_idle'} runAt
 */
export function copyWithRunAt(from, to, runAt) {
  cpSync(from, to, { recursive: true });
  const file = join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const cs of manifest.content_scripts ?? []) cs.run_at = runAt;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return manifest.content_scripts?.[0]?.run_at;
}

/**
 * Control of the extension's service worker over CDP (from a page of `context`): `stop()` stops
 * it and waits until it is stopped; `starts()` counts its starts seen.
 * @param {import('playwright-core').BrowserContext} context @param {import('playwright-core').Page} control @param {string} prefix
 */
export async function workerControl(context, control, prefix) {
  const cdp = await context.newCDPSession(control);
  /** @type {Map<string, string>} versionId → running status */
  const versions = new Map();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(prefix)) continue;
      if (v.runningStatus === 'starting' && versions.get(v.versionId) !== 'starting') starts++;
      versions.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await sleep(200);
  return {
    starts: () => starts,
    stop: async () => {
      for (const [versionId, status] of versions) if (status !== 'stopped') await cdp.send('ServiceWorker.stopWorker', { versionId });
      const until = Date.now() + 5000;
      while ([...versions.values()].some((s) => s !== 'stopped') && Date.now() < until) await sleep(20);
      return [...versions.values()].every((s) => s === 'stopped');
    },
  };
}

/**
 * @typedef {{ first: number; load: number; injected: number }} Load ms after DOMContentLoaded
 * @typedef {{ set: string; id: string; url: string }} FirstPage
 */

/**
 * One load in a new tab: first highlight, load event and content-script injection, each − DOMContentLoaded (ms).
 * The injection is when CDP reports the extension's isolated world created (Runtime.executionContextCreated,
 * timed on arrival here: it includes the event's delivery, about a millisecond), against the page's
 * DOMContentLoaded in epoch ms. @param {import('playwright-core').BrowserContext} context @param {string} url @param {string} prefix
 * @returns {Promise<Load>}
 */
async function oneLoad(context, url, prefix) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    let injectedEpoch = NaN;
    cdp.on('Runtime.executionContextCreated', (e) => {
      const c = e.context;
      if (Number.isNaN(injectedEpoch) && c.auxData?.type === 'isolated' && `${c.origin}/`.startsWith(prefix))
        injectedEpoch = performance.timeOrigin + performance.now();
    });
    await cdp.send('Runtime.enable');
    await page.addInitScript(probe);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    const first = await page.evaluate(() => /** @type {Promise<number>} */ (/** @type {any} */ (window).__pageBenchProbe.done));
    // The load event, if it has not come yet (at most 5 s more).
    await page.waitForLoadState('load', { timeout: 5000 }).catch(() => undefined);
    const { dcl, dclEpoch, load } = await page.evaluate(() => {
      const p = /** @type {any} */ (window).__pageBenchProbe;
      return { dcl: p.dcl, dclEpoch: p.dclEpoch, load: p.load };
    });
    return { first, load: load - dcl, injected: injectedEpoch - dclEpoch };
  } finally {
    await page.close();
  }
}

/**
 * `rounds` rounds, each a cold then a warm load of every page (the worker stopped before the cold
 * one; a cold load counts only when the worker was seen to start again).
 * @param {{ context: import('playwright-core').BrowserContext; control: import('playwright-core').Page; prefix: string; pages: FirstPage[]; rounds: number }} options
 */
export async function firstHighlights({ context, control, prefix, pages, rounds }) {
  const worker = await workerControl(context, control, prefix);
  /** @type {Map<string, { cold: Load[]; warm: Load[]; attempts: number }>} */
  const bySet = new Map();
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      const s = bySet.get(p.set) ?? { cold: [], warm: [], attempts: 0 };
      bySet.set(p.set, s);
      const stopped = await worker.stop();
      const before = worker.starts();
      s.attempts++;
      const cold = await oneLoad(context, p.url, prefix);
      if (stopped && worker.starts() > before) s.cold.push(cold);
      await sleep(SETTLE_MS);
      s.warm.push(await oneLoad(context, p.url, prefix));
      await sleep(SETTLE_MS);
    }
  }
  return bySet;
}
