// Page cost in real headless Chromium: the extension's main-thread time per page (CPU profile),
// the bare text walk of the same page as the floor, page-load CPU with and without the extension
// (CDP Performance.getMetrics), and the time from DOMContentLoaded to the first highlight with a
// cold and a warm background. See renderMarkdown in report.mjs for what each figure means.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, browserPath } from '../lib/browsers.mjs';
import { launchWithExtension } from '../lib/chromium.mjs';
import { seedNames, startServer } from '../lib/server.mjs';
import { copyWithRunAt, firstHighlights } from './first-highlight.mjs';
import { hostileDigest } from './hostile-digest.mjs';
import { OPENWEB_DELAYS, startOpenWebServer } from './openweb.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The 88 pages of the declutter benchmark, read in place (never copied into the project). */
const DECLUTTER_DIR = fileURLToPath(new URL('../../../shared/bench/declutter/', import.meta.url));
/** Nothing but the local servers resolves: a page's third-party requests fail at once. */
const HOST_RULES = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const VIEWPORT = { width: 1200, height: 900 };
/** CPU profile sampling interval, µs. */
const SAMPLING_US = 100;
/** Wait after the analysis is written before "settled" (the background injects declutter.js then). */
const SETTLE_MS = 300;
const ANALYSIS_TIMEOUT_MS = 15_000;
/** Characters of the hostile digest page (part (f)). */
const HOSTILE_CHARS = 200_000;
/** The second ask of part (f): this long after the analysis was written (the tab settled). */
const DIGEST_SETTLE_MS = 1500;

/**
 * @typedef {import('playwright-core').BrowserContext} Context
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').CDPSession} CDPSession
 * @typedef {{ task: number; script: number; style: number; layout: number }} Metrics durations in ms
 * @typedef {{ set: string; id: string; url: string }} BenchPage
 * @typedef {{ functionName: string; url: string; lineNumber: number; columnNumber: number }} CallFrame
 * @typedef {{ nodes: { id: number; callFrame: CallFrame; children?: number[] }[]; startTime: number; endTime: number; samples?: number[]; timeDeltas?: number[] }} Profile
 *   the part of a CDP Profiler.Profile read here
 */

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** @param {number[]} xs @param {number} q nearest-rank quantile */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const median = (/** @type {number[]} */ xs) => quantile(xs, 0.5);
const stats = (/** @type {number[]} */ xs) => ({ median: median(xs), p95: quantile(xs, 0.95), max: quantile(xs, 1) });
const round = (/** @type {number} */ x, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

/**
 * Main-thread time of the extension's code in a V8 CPU profile of the page's renderer, ms. A
 * sample counts when any frame of its stack is a script of the extension (inclusive time): the
 * DOM calls, forced style and layout and lazy compiles under our functions count with them.
 * `evaluation` is the part under a script's top level (its first run), `callbacks` the rest
 * (message answers, idle slices, timers, observers); samples with declutter.js on the stack are
 * counted apart.
 * @param {Profile} profile
 * @param {string} prefix `chrome-extension://<id>/`
 */
export function extensionTime(profile, prefix) {
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  /** 0: not ours, 1: content script evaluation, 2: content script callbacks, 3: declutter.js. */
  /** @type {Map<number, number>} */
  const kind = new Map();
  /** @param {number} id @returns {number} */
  const classify = (id) => {
    const known = kind.get(id);
    if (known !== undefined) return known;
    // Walk up to the nearest node already classified (iteratively: stacks can be deep), then down.
    /** @type {number[]} */
    const path = [];
    let at = /** @type {number | undefined} */ (id);
    let k = 0;
    while (at !== undefined) {
      const known = kind.get(at);
      if (known !== undefined) {
        k = known;
        break;
      }
      path.push(at);
      at = parent.get(at);
    }
    for (const nodeId of path.reverse()) {
      const frame = byId.get(nodeId)?.callFrame;
      const url = frame?.url ?? '';
      if (url === `${prefix}declutter.js` || url === `${prefix}walls.js`) k = 3;
      else if (k === 0 && url.startsWith(prefix))
        k = frame?.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0 ? 1 : 2;
      kind.set(nodeId, k);
    }
    return k;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const sums = [0, 0, 0, 0];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const next = i + 1 < samples.length ? t + (deltas[i + 1] ?? 0) : profile.endTime;
    const k = classify(samples[i] ?? -1);
    sums[k] = (sums[k] ?? 0) + Math.max(0, next - t);
  }
  const [, evaluation = 0, callbacks = 0, declutter = 0] = sums.map((us) => us / 1000);
  return { content: evaluation + callbacks, evaluation, callbacks, declutter };
}

/** @param {CDPSession} cdp @returns {Promise<Metrics>} */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (/** @type {string} */ name) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

/** The bare text walk, as an expression evaluated in the page: its time (ms) and the text's length. */
const TEXT_WALK = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.nodeValue ?? '';
  return { ms: performance.now() - t0, chars: text.length };
})()`;

/**
 * The page's bare text walk (the floor): a TreeWalker over the body's text nodes concatenating
 * nodeValue, timed in the page, `runs` times. Each walk runs in an isolated world of its own (as
 * a content script does), so that none finds the DOM wrappers and strings of an earlier one: every
 * walk is a first walk, like ours.
 * @param {CDPSession} cdp @param {number} runs
 */
async function textWalk(cdp, runs) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  /** @type {number[]} */
  const times = [];
  let chars = 0;
  for (let i = 0; i < runs; i++) {
    const world = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `news-context-bench-floor-${i}` });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: TEXT_WALK,
      contextId: world.executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`text walk: ${exceptionDetails.text}`);
    const value = /** @type {{ ms: number; chars: number }} */ (result.value);
    times.push(value.ms);
    chars = value.chars;
  }
  return { times, chars };
}

/**
 * Installs in the background service worker a listener that notes when an analysis of a URL is
 * written to storage.session; `arm(url)` forgets earlier ones, `wait(url, ms)` resolves with true
 * once one is written after the arm (false at the timeout).
 * @param {import('playwright-core').Worker} worker
 */
async function analysisWatch(worker) {
  await worker.evaluate(() => {
    const g = /** @type {any} */ (globalThis);
    if (g.__pageBench) return;
    /** @type {Set<string>} */
    const written = new Set();
    /** @type {Map<string, () => void>} */
    const waiters = new Map();
    g.chrome.storage.onChanged.addListener((/** @type {Record<string, { newValue?: any }>} */ changes, /** @type {string} */ area) => {
      if (area !== 'session') return;
      for (const [key, change] of Object.entries(changes)) {
        const url = change.newValue?.url;
        if (!key.startsWith('tab:') || typeof url !== 'string' || written.has(url)) continue;
        written.add(url);
        waiters.get(url)?.();
        waiters.delete(url);
      }
    });
    g.__pageBench = {
      arm: (/** @type {string} */ url) => {
        written.delete(url);
        waiters.delete(url);
      },
      wait: (/** @type {string} */ url, /** @type {number} */ ms) =>
        written.has(url) ||
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          waiters.set(url, () => {
            clearTimeout(timer);
            resolve(true);
          });
        }),
    };
  });
  return {
    arm: (/** @type {string} */ url) => worker.evaluate((u) => /** @type {any} */ (globalThis).__pageBench.arm(u), url),
    /** @returns {Promise<boolean>} */
    wait: (/** @type {string} */ url, ms = ANALYSIS_TIMEOUT_MS) =>
      worker.evaluate(([u, t]) => /** @type {any} */ (globalThis).__pageBench.wait(u, t), /** @type {[string, number]} */ ([url, ms])),
  };
}

/** Serves the declutter pages at /declutter/<id>.html with their scripts blocked by CSP (as they were saved: scripts off). */
async function declutterServer() {
  const dir = join(DECLUTTER_DIR, 'html');
  const ids = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html.gz'))
        .map((f) => f.slice(0, -'.html.gz'.length))
        .sort()
    : [];
  /** @type {Map<string, Buffer>} */
  const cache = new Map();
  const server = createServer((req, res) => {
    const m = /^\/declutter\/([\w-]+)\.html$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const id = m?.[1];
    if (id === undefined || !ids.includes(id)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end();
      return;
    }
    let body = cache.get(id);
    if (!body) cache.set(id, (body = gunzipSync(readFileSync(join(dir, `${id}.html.gz`)))));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Content scripts are exempt from the page's CSP; the page's own scripts are not.
      'content-security-policy': "script-src 'none'",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    ids,
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * The bundled corpus loads on install: until it is ready the content script has no table.
 * @param {import('playwright-core').Worker} worker
 */
async function corpusReady(worker) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await worker.evaluate(() => /** @type {any} */ (globalThis).chrome.storage.session.get('corpus:status'));
    if (s['corpus:status']?.state === 'ready') return;
    if (Date.now() > deadline) throw new Error('the corpus did not load within 60 s');
    await sleep(100);
  }
}

/** Evenly spread `n` of `xs`. @template T @param {T[]} xs @param {number} n */
const spread = (xs, n) =>
  n >= xs.length ? xs : Array.from({ length: n }, (_, i) => /** @type {T} */ (xs[Math.floor((i * xs.length) / n)]));

/**
 * `parts` (all by default) leaves parts out, for a quicker look at one: 'cost' (a–c), 'concurrent'
 * (d), 'digest' (f), 'first' (e); a part left out has no figures (the report says not measured).
 * @param {{ quick: boolean; log?: (s: string) => void; parts?: string[] }} options
 */
export async function pageCost({
  quick,
  log = (s) => console.info(`[bench] page: ${s}`),
  parts = ['cost', 'concurrent', 'digest', 'first'],
}) {
  const executable = browserPath('chromium');
  if (!executable) return { skipped: 'chromium not installed' };
  const dist = join(ROOT, 'dist', 'chrome');
  if (!existsSync(join(dist, 'manifest.json'))) return { skipped: 'dist/chrome is not built (run without --no-build)' };
  const started = performance.now();
  const config = quick
    ? { declutterPages: 12, seedRuns: 2, floorRuns: 5, firstRuns: 3, concurrentRounds: 2, digestRounds: 3 }
    : { declutterPages: Infinity, seedRuns: 3, floorRuns: 5, firstRuns: 5, concurrentRounds: 5, digestRounds: 5 };

  // A copy of the build: other work may rebuild dist/ while this runs.
  const work = mkdtempSync(join(tmpdir(), 'news-context-bench-'));
  const extensionDir = join(work, 'extension');
  cpSync(dist, extensionDir, { recursive: true });
  const seeds = await startServer();
  const declutter = await declutterServer();
  const openWeb = await startOpenWebServer();
  /** @type {Context | null} */
  let plain = null;
  /** @type {Awaited<ReturnType<typeof launchWithExtension>> | null} */
  let ext = null;
  /** @type {Awaited<ReturnType<typeof launchWithExtension>> | null} */
  let endExt = null;
  try {
    ext = await launchWithExtension({ extensionDir, headless: true, profile: join(work, 'with'), args: [HOST_RULES] });
    // Without the extension: the same binary and flags, a profile of its own.
    plain = await chromium.launchPersistentContext(join(work, 'without'), {
      executablePath: executable,
      headless: true,
      args: ['--headless=new', ...CHROMIUM_ARGS, '--remote-debugging-port=0', HOST_RULES],
      viewport: VIEWPORT,
    });
    const withExt = ext.context;
    const without = plain;
    const prefix = `chrome-extension://${ext.extensionId}/`;
    await corpusReady(ext.worker);
    const watch = await analysisWatch(ext.worker);
    const control = await withExt.newPage();
    const browserVersion = (await (await withExt.newCDPSession(control)).send('Browser.getVersion')).product;

    /** @type {BenchPage[]} */
    const pages = [
      ...(await seedNames()).map((name) => ({ set: 'seed', id: name, url: `${seeds.origin}/demo/${name}.html` })),
      ...spread(declutter.ids, config.declutterPages).map((id) => ({
        set: 'declutter',
        id,
        url: `${declutter.origin}/declutter/${id}.html`,
      })),
    ];

    /** (a) One profiled load with the extension: CPU profile from before the navigation to the analysis written. */
    const profiledLoad = async (/** @type {string} */ url) => {
      const page = await withExt.newPage();
      try {
        const cdp = await withExt.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
        await cdp.send('Profiler.start');
        await watch.arm(url);
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
        const written = await watch.wait(url);
        const toAnalysis = performance.now() - t0;
        const { profile } = await cdp.send('Profiler.stop');
        return { written, toAnalysis, ...extensionTime(profile, prefix) };
      } finally {
        await page.close();
      }
    };

    /**
     * (c) One load for the metrics: Performance.getMetrics (thread time) at the load event and at
     * `windowMs` after the navigation started; with the extension, not before its analysis is written.
     * `floorRuns` > 0: then the text walk (the floor) on the page.
     * @param {Context} context @param {string} url @param {number} windowMs @param {boolean} extension @param {number} floorRuns
     */
    const metricsLoad = async (context, url, windowMs, extension, floorRuns) => {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        if (extension) await watch.arm(url);
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        const atLoad = await metrics(cdp);
        const written = extension ? await watch.wait(url) : true;
        const rest = t0 + windowMs - performance.now();
        if (rest > 0) await sleep(rest);
        const settled = await metrics(cdp);
        const floor = floorRuns > 0 ? await textWalk(cdp, floorRuns) : null;
        return { atLoad, settled, written, late: rest <= 0, floor };
      } finally {
        await page.close();
      }
    };

    /** @type {any[]} */
    const perPage = [];
    let pair = 0;
    for (const [i, p] of parts.includes('cost') ? pages.entries() : []) {
      const runs = p.set === 'seed' ? config.seedRuns : 1;
      const profiled = [];
      for (let r = 0; r < runs; r++) profiled.push(await profiledLoad(p.url));
      const ok = profiled.filter((x) => x.written);
      if (ok.length === 0) {
        perPage.push({ set: p.set, id: p.id, failed: 'no analysis written within 15 s' });
        continue;
      }
      // Both loads of a pair are read at the same time after the navigation: when the analysis
      // was written in the profiled loads, plus the settle time.
      const windowMs = median(ok.map((x) => x.toAnalysis)) + SETTLE_MS;
      /** @type {Awaited<ReturnType<typeof metricsLoad>>[]} */
      const withRuns = [];
      /** @type {Awaited<ReturnType<typeof metricsLoad>>[]} */
      const withoutRuns = [];
      for (let r = 0; r < runs; r++) {
        // Alternate which goes first, so that drift (other work, caches) cancels out.
        const first = pair++ % 2 === 0;
        if (first) withRuns.push(await metricsLoad(withExt, p.url, windowMs, true, 0));
        // The floor is walked on the page without the extension, once it is settled.
        withoutRuns.push(await metricsLoad(without, p.url, windowMs, false, r === 0 ? config.floorRuns : 0));
        if (!first) withRuns.push(await metricsLoad(withExt, p.url, windowMs, true, 0));
      }
      const floor = withoutRuns[0]?.floor;
      const ours = median(ok.map((x) => x.content));
      const floorMs = median(floor?.times ?? []);
      /** @param {'atLoad' | 'settled'} when @param {keyof Metrics} what */
      const cpu = (when, what) => {
        const w = median(withRuns.map((x) => x[when][what]));
        const wo = median(withoutRuns.map((x) => x[when][what]));
        return { with: round(w), without: round(wo), ratio: round(w / wo, 4) };
      };
      perPage.push({
        set: p.set,
        id: p.id,
        runs,
        oursMs: round(ours),
        evaluationMs: round(median(ok.map((x) => x.evaluation))),
        callbacksMs: round(median(ok.map((x) => x.callbacks))),
        declutterMs: round(median(ok.map((x) => x.declutter))),
        toAnalysisMs: round(median(ok.map((x) => x.toAnalysis)), 1),
        floorMs: round(floorMs, 4),
        floorRunsMs: (floor?.times ?? []).map((x) => round(x, 4)),
        chars: floor?.chars ?? 0,
        ratio: round(ours / floorMs, 2),
        windowMs: round(windowMs, 1),
        late: withRuns.filter((x) => x.late || !x.written).length,
        load: { task: cpu('atLoad', 'task'), script: cpu('atLoad', 'script') },
        settled: {
          task: cpu('settled', 'task'),
          script: cpu('settled', 'script'),
          style: cpu('settled', 'style'),
          layout: cpu('settled', 'layout'),
        },
      });
      if ((i + 1) % 10 === 0 || i + 1 === pages.length)
        log(`${i + 1}/${pages.length} pages (${Math.round((performance.now() - started) / 1000)} s)`);
    }

    const seedList = pages.filter((p) => p.set === 'seed');
    // (d) Ten tabs reporting at once (before (e), which stops the service worker): the time from
    // each navigation to its analysis written (the page loads, walks its text, sends its chunks and
    // its report; the background matches and scores them all), against the same page loaded alone.
    // Distinct URLs (a query string), so each is its own analysis.
    const toAnalysis = async (/** @type {string} */ url) => {
      const page = await withExt.newPage();
      try {
        await watch.arm(url);
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
        return (await watch.wait(url)) ? performance.now() - t0 : NaN;
      } finally {
        await page.close();
      }
    };
    /** @type {number[]} */
    const alone = [];
    /** @type {number[]} */
    const together = [];
    const TABS = 10;
    for (let r = 0; r < (parts.includes('concurrent') ? config.concurrentRounds : 0); r++) {
      for (const p of seedList) alone.push(await toAnalysis(`${p.url}?alone=${r}`));
      await sleep(SETTLE_MS);
      together.push(
        ...(await Promise.all(Array.from({ length: TABS }, (_, i) => toAnalysis(`${seedList[i % seedList.length]?.url}?tab=${r}-${i}`)))),
      );
      await sleep(SETTLE_MS);
    }
    log(`ten tabs at once: ${together.length} loads (${Math.round((performance.now() - started) / 1000)} s)`);

    // (f) A hostile digest request (before (e), which stops the service worker): a tab of ~200,000
    // characters no corpus entity is written in; its digest asked for from an extension page while
    // the options page asks for the status back to back.
    /** @type {{ chars: number; settleMs: number; result: Awaited<ReturnType<typeof hostileDigest>> }[]} */
    const digests = [];
    // Asked at once after the analysis (as a popup opened right away: declutter.js may still be at
    // work in the tab) and once the tab settled; and on a page of a tenth the size, for comparison:
    // a bounded digest costs about the same.
    for (const settleMs of [0, DIGEST_SETTLE_MS])
      for (const chars of [HOSTILE_CHARS / 10, HOSTILE_CHARS])
        digests.push({
          chars,
          settleMs,
          result: await hostileDigest({
            context: withExt,
            worker: ext.worker,
            prefix,
            url: (r) => `${openWeb.origin}/hostile/${chars}.html?round=${r}&settle=${settleMs}`,
            rounds: parts.includes('digest') ? config.digestRounds : 0,
            watch,
            pageTime: (profile) => extensionTime(profile, prefix),
            settleMs,
          }),
        });
    const digestRounds = digests.reduce((n, d) => n + d.result.rounds.length, 0);
    log(`hostile digest: ${digestRounds} rounds (${Math.round((performance.now() - started) / 1000)} s)`);

    // (e) DOMContentLoaded → first highlight, cold and warm background, on the seed demo pages and
    // on the open-web pages (the same seed articles in an ordinary news page with slow
    // subresources): with the extension as built, then with a copy of the build whose content
    // script runs at document_end (only the copy's manifest.json differs), in a second browser.
    /** @type {import('./first-highlight.mjs').FirstPage[]} */
    const firstPages = [
      ...seedList.map((p) => ({ set: 'seed', id: p.id, url: p.url })),
      ...openWeb.names.map((name) => ({ set: 'openweb', id: name, url: `${openWeb.origin}/ow/${name}.html` })),
    ];
    const builtRunAt =
      JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')).content_scripts?.[0]?.run_at ?? 'document_idle';
    /** @param {string} runAt @param {Awaited<ReturnType<typeof firstHighlights>>} bySet */
    const firstSummary = (runAt, bySet) =>
      [...bySet].map(([set, x]) => {
        /** @param {import('./first-highlight.mjs').Load[]} loads */
        const of = (loads) => ({
          ...stats(loads.map((l) => l.first)),
          runs: loads.length,
          values: loads.map((l) => round(l.first, 1)),
          load: median(loads.map((l) => l.load)),
          injected: median(loads.map((l) => l.injected)),
          injectedValues: loads.map((l) => round(l.injected, 1)),
        });
        return {
          runAt,
          built: runAt === builtRunAt,
          set,
          pages: firstPages.filter((p) => p.set === set).length,
          cold: of(x.cold),
          warm: of(x.warm),
          coldAttempts: x.attempts,
          coldVerified: x.cold.length,
        };
      });
    const asBuilt = firstSummary(
      builtRunAt,
      await firstHighlights({
        context: withExt,
        control,
        prefix,
        pages: firstPages,
        rounds: parts.includes('first') ? config.firstRuns : 0,
      }),
    );
    log(`first highlight (${builtRunAt}, as built) (${Math.round((performance.now() - started) / 1000)} s)`);
    // The same with the content script at document_end (or at document_idle, if the build says document_end).
    const otherRunAt = builtRunAt === 'document_end' ? 'document_idle' : 'document_end';
    const otherDir = join(work, `extension-${otherRunAt}`);
    copyWithRunAt(extensionDir, otherDir, otherRunAt);
    await ext.context.close().catch(() => undefined);
    ext = null;
    endExt = await launchWithExtension({ extensionDir: otherDir, headless: true, profile: join(work, 'other'), args: [HOST_RULES] });
    await corpusReady(endExt.worker);
    const otherControl = await endExt.context.newPage();
    const other = firstSummary(
      otherRunAt,
      await firstHighlights({
        context: endExt.context,
        control: otherControl,
        prefix: `chrome-extension://${endExt.extensionId}/`,
        pages: firstPages,
        rounds: parts.includes('first') ? config.firstRuns : 0,
      }),
    );
    log(`first highlight (${otherRunAt}, a copy) (${Math.round((performance.now() - started) / 1000)} s)`);
    const firstSets = [...asBuilt, ...other];
    const seedFirst = asBuilt.find((x) => x.set === 'seed');

    const done = perPage.filter((x) => !x.failed);
    /** @param {string} set */
    const summarise = (set) => {
      const xs = done.filter((x) => x.set === set);
      if (xs.length === 0) return null;
      const col = (/** @type {(x: any) => number} */ f) => stats(xs.map(f));
      return {
        set,
        pages: xs.length,
        failed: perPage.filter((x) => x.set === set && x.failed).length,
        runs: xs[0].runs,
        oursMs: col((x) => x.oursMs),
        evaluationMs: col((x) => x.evaluationMs),
        callbacksMs: col((x) => x.callbacksMs),
        declutterMs: col((x) => x.declutterMs),
        toAnalysisMs: col((x) => x.toAnalysisMs),
        floorMs: col((x) => x.floorMs),
        chars: col((x) => x.chars),
        ratio: col((x) => x.ratio),
        late: xs.reduce((/** @type {number} */ s, x) => s + Number(x.late), 0),
        load: {
          task: { with: col((x) => x.load.task.with), without: col((x) => x.load.task.without), ratio: col((x) => x.load.task.ratio) },
          script: { with: col((x) => x.load.script.with), without: col((x) => x.load.script.without) },
        },
        settled: {
          task: {
            with: col((x) => x.settled.task.with),
            without: col((x) => x.settled.task.without),
            ratio: col((x) => x.settled.task.ratio),
          },
          script: { with: col((x) => x.settled.script.with), without: col((x) => x.settled.script.without) },
          style: { with: col((x) => x.settled.style.with), without: col((x) => x.settled.style.without) },
          layout: { with: col((x) => x.settled.layout.with), without: col((x) => x.settled.layout.without) },
        },
      };
    };
    return {
      browser: browserVersion,
      config: {
        ...config,
        declutterPages: Math.min(config.declutterPages, declutter.ids.length),
        samplingUs: SAMPLING_US,
        settleMs: SETTLE_MS,
      },
      declutterAvailable: declutter.ids.length > 0,
      sets: /** @type {NonNullable<ReturnType<typeof summarise>>[]} */ (['declutter', 'seed'].map(summarise).filter(Boolean)),
      firstHighlight: {
        pages: seedFirst?.pages ?? 0,
        cold: seedFirst?.cold,
        warm: seedFirst?.warm,
        coldAttempts: seedFirst?.coldAttempts ?? 0,
        coldVerified: seedFirst?.coldVerified ?? 0,
        runAt: builtRunAt,
        sets: firstSets,
        openWebDelays: OPENWEB_DELAYS,
      },
      hostileDigest: digests.map(({ chars, settleMs, result: d }) => ({
        chars,
        settleMs,
        pageChars: median(d.rounds.map((x) => x.chars)),
        kind: d.rounds.find((x) => x.kind)?.kind ?? null,
        sentences: median(d.rounds.map((x) => x.sentences)),
        quiet: { ...stats(d.quiet), runs: d.quiet.length },
        digest: { ...stats(d.rounds.map((x) => x.digestMs)), runs: d.rounds.length },
        again: stats(d.rounds.map((x) => x.againMs)),
        page: stats(d.rounds.map((x) => x.pageMs)),
        declutter: stats(d.rounds.map((x) => x.declutterMs)),
        waits: { ...stats(d.rounds.flatMap((x) => x.waits)), runs: d.rounds.reduce((s, x) => s + x.waits.length, 0) },
        failed: d.rounds.reduce((s, x) => s + x.failed, 0),
        rounds: d.rounds.map((x) => ({
          ...x,
          digestMs: round(x.digestMs, 1),
          againMs: round(x.againMs, 1),
          pageMs: round(x.pageMs, 1),
          declutterMs: round(x.declutterMs, 1),
          waits: x.waits.map((w) => round(w, 1)),
        })),
      })),
      concurrent: {
        tabs: TABS,
        alone: { ...stats(alone), runs: alone.length, failed: alone.filter((x) => !Number.isFinite(x)).length },
        together: { ...stats(together), runs: together.length, failed: together.filter((x) => !Number.isFinite(x)).length },
      },
      perPage,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await ext?.context.close().catch(() => undefined);
    await plain?.close().catch(() => undefined);
    await endExt?.context.close().catch(() => undefined);
    await seeds.close();
    await declutter.close();
    await openWeb.close();
    rmSync(work, { recursive: true, force: true });
  }
}
