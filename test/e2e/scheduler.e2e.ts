/**
 * The dynamic-page scheduler (src/page/scheduler.ts) in real headless Chromium: the real
 * MutationObserver, requestIdleCallback, Navigation API and long-task timing. The module is
 * bundled on the fly (Vite's build API, lib mode, IIFE) and injected into fixture pages
 * (test/fixtures/pages/sched-*.html) with a recording consumer.
 */
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as SchedulerModule from '../../src/page/scheduler';
import { OWN_UI_ATTR } from '../../src/page/own-ui';
import { CHROMIUM_ARGS, ROOT, requireBrowser, startServer, waitFor } from './harness';

interface ScanRecord {
  t: number;
  /** stats().slices when scan was called: the slice it ran in. */
  slice: number;
  names: string[];
  text: string;
  whole: boolean;
}
interface PageState {
  scheduler: SchedulerModule.Scheduler;
  controller: AbortController;
  valid: boolean;
  scans: ScanRecord[];
  navs: { t: number; url: string }[];
}
interface HarnessOptions {
  /** What scan returns (0 says "nothing new", for the back-off). */
  result?: number;
  /** Busy-waits this long in the first scan after it is set (the long-task control). */
  busyMs?: number;
}
declare global {
  interface Window {
    NewsContextScheduler: typeof SchedulerModule;
    __sched: PageState & { options: HarnessOptions };
    __insertedAt?: number;
    __slicesAtInsert?: number | null;
    __longTasks?: { start: number; duration: number }[];
  }
}

/** The scheduler as one IIFE, built from the source the extension ships. */
async function bundle(external: boolean): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: true,
      lib: { entry: 'src/page/scheduler.ts', formats: ['iife'], name: 'NewsContextScheduler' },
      rolldownOptions: external ? { external: [/collect/], output: { globals: () => 'NewsContextCollect' } } : {},
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!result || !('output' in result)) throw new Error('vite build gave no output');
  return result.output[0].code;
}

const executable = requireBrowser('chromium');

describe.skipIf(executable === null)('Chromium: the dynamic-page scheduler', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  let code: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    code = await bundle(false);
    const alone = await bundle(true);
    console.log(
      `scheduler bundle: ${alone.length} B min, ${gzipSync(alone).length} B min+gzip (collect.ts external); ` +
        `${code.length} B / ${gzipSync(code).length} B with collect.ts and its imports`,
    );
    browser = await chromium.launch({ executablePath: executable!, args: CHROMIUM_ARGS, headless: true });
  });

  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (server as typeof server | undefined)?.close();
  });

  /** Opens a fixture, injects the bundle and starts a scheduler whose consumer records every call. */
  async function open(name: string, options: HarnessOptions = {}, schedulerOptions: Record<string, number> = {}): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${server.origin}/fixtures/${name}`);
    await page.addScriptTag({ content: code });
    await page.evaluate(
      ([options, schedulerOptions]) => {
        const controller = new AbortController();
        const state = { controller, valid: true, scans: [], navs: [], options } as unknown as Window['__sched'];
        window.__sched = state;
        state.scheduler = window.NewsContextScheduler.createScheduler({
          root: document,
          scan: (chunk) => {
            state.scans.push({
              t: performance.now(),
              slice: state.scheduler.stats().slices,
              names: chunk.roots.map((r) => r.nodeName),
              text: chunk.map.text,
              whole: chunk.pass,
            });
            if (state.options.busyMs) {
              const end = performance.now() + state.options.busyMs;
              state.options.busyMs = 0;
              while (performance.now() < end);
            }
            return state.options.result;
          },
          navigate: (url) => state.navs.push({ t: performance.now(), url }),
          signal: controller.signal,
          isContextValid: () => state.valid,
          ...schedulerOptions,
        });
        state.scheduler.start();
      },
      [options, schedulerOptions] as const,
    );
    await waitFor(
      () => page.evaluate(() => window.__sched.scans.length),
      (n) => n >= 1,
      'the first scan',
    );
    return page;
  }

  const scans = (page: Page) => page.evaluate(() => window.__sched.scans);
  const stats = (page: Page) => page.evaluate(() => window.__sched.scheduler.stats());
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('walks a two-megabyte body in chunks, each slice far from a long task, the start of the page first', async () => {
    const page = await open('hostile-big-text.html');
    const t0 = await page.evaluate(() => performance.now());
    const done = await waitFor(
      () => page.evaluate(() => window.__sched.scheduler.stats()),
      (s) => s.passes >= 1,
      'the end of the first pass',
      30_000,
    );
    const [records, longTasks, size] = await page.evaluate(
      () => [window.__sched.scans, window.__longTasks ?? [], (window as unknown as { __textSize: number }).__textSize] as const,
    );
    const first = records[0]!;
    console.log(
      `2 MB body: ${records.length} chunks in ${done.slices} slices, ${done.chars} characters; first chunk ` +
        `${first.text.length} characters in slice ${first.slice}, ${(first.t - t0).toFixed(0)} ms after start; ` +
        `longest slice ${done.longestSliceMs.toFixed(1)} ms, ${done.totalSliceMs.toFixed(0)} ms in slices; long tasks: ${JSON.stringify(longTasks)}`,
    );
    expect(records.length).toBeGreaterThan(50);
    expect(records.filter((r) => !r.whole || r.names.join() !== 'BODY').map((r) => `${r.names.join()} ${r.text.slice(0, 40)}`)).toEqual([]);
    expect(first.slice).toBe(1);
    expect(first.text.trimStart().startsWith('In the filing, Meta said')).toBe(true);
    expect(done.chars).toBeGreaterThanOrEqual(size);
    // The consumer here is trivial: what is measured is the walk and the slicing.
    expect(done.longestSliceMs).toBeLessThan(50);
  });

  it('scans a late-loading article in the first slice after its insertion, and only the article', async () => {
    const page = await open('sched-late.html');
    const first = await scans(page);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ whole: true, names: ['BODY'] });
    expect(first[0]!.text).toContain('Loading the article');

    const insertedAt = await waitFor(
      () => page.evaluate(() => window.__insertedAt ?? null),
      (t) => t !== null,
      'the late article',
    );
    const found = await waitFor(
      () => scans(page),
      (s) => s.some((r) => r.text.includes('Glacier retreat')),
      'the scan of the late article',
    );
    const after = found.filter((r) => r.t >= insertedAt!);
    const slicesAtInsert = await page.evaluate(() => window.__slicesAtInsert);
    console.log(`late article: scanned ${(after[0]!.t - insertedAt!).toFixed(1)} ms after its insertion`);
    // The very first scan after the insertion has it, in the first slice after it, and nothing else.
    expect(after[0]).toMatchObject({ whole: false, names: ['ARTICLE'], slice: slicesAtInsert! + 1 });
    expect(after[0]!.text).toContain('Local councils are now planning');
    expect(after[0]!.t - insertedAt!).toBeLessThan(400);
    expect(found.filter((r) => r.whole)).toHaveLength(1);
  });

  it('keeps up with a 16 ms ticker without long tasks, with bounded scans', async () => {
    const page = await open('sched-ticker.html');
    const t0 = await page.evaluate(() => performance.now());
    await sleep(3000);
    const [records, s, longTasks] = await page.evaluate(
      () => [window.__sched.scans, window.__sched.scheduler.stats(), window.__longTasks!] as const,
    );
    const during = records.filter((r) => r.t >= t0);
    const lt = longTasks.filter((l) => l.start + l.duration >= t0);
    console.log(
      `ticker, 3 s: ${during.length} scans, ${s.slices} slices, longest slice ${s.longestSliceMs.toFixed(2)} ms, ` +
        `${s.totalSliceMs.toFixed(1)} ms in slices; long tasks: ${JSON.stringify(lt)}`,
    );
    // ~190 mutation batches in 3 s; the 100 ms throttle allows ~30 slices.
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(during.length).toBeLessThanOrEqual(40);
    // Each scan got the two ticking nodes (or one of them), never the page again.
    expect(during.every((r) => !r.whole && r.names.length <= 2)).toBe(true);
    expect(s.longestSliceMs).toBeLessThan(50);
    expect(lt).toEqual([]);
  });

  it('control: the long-task detector does see a 120 ms scan', async () => {
    const page = await open('sched-ticker.html');
    await page.evaluate(() => (window.__sched.options.busyMs = 120));
    const lt = await waitFor(
      () => page.evaluate(() => window.__longTasks!),
      (l) => l.some((x) => x.duration >= 100),
      'a long task',
    );
    expect(lt.some((x) => x.duration >= 100)).toBe(true);
    expect((await stats(page)).longestSliceMs).toBeGreaterThanOrEqual(100);
  });

  it('backs off on a ticker whose scans find nothing new', async () => {
    const page = await open('sched-ticker.html', { result: 0 }, { maxBackoffMs: 1600 });
    await sleep(4000);
    const s = await stats(page);
    expect(s.gapMs).toBe(1600);
    const n = (await scans(page)).length;
    await sleep(3000);
    const m = (await scans(page)).length - n;
    console.log(`ticker, backed off: ${m} scans in 3 s (gap ${s.gapMs} ms, ${s.fruitless} fruitless slices)`);
    expect(m).toBeLessThanOrEqual(3);
    expect(m).toBeGreaterThanOrEqual(1);
  });

  it('re-analyses on single-page-app navigations: navigate(url) once each, the new story scanned', async () => {
    const page = await open('sched-spa.html');
    const url = (n: number) => `${server.origin}/fixtures/sched-spa.html?story=${n}`;
    const navsAndScans = () => page.evaluate(() => ({ navs: window.__sched.navs.map((n) => n.url), scans: window.__sched.scans }));

    // The fixture renders a story 300 ms after its pushState (as after a fetch): a new subtree.
    await page.click('a[data-story="2"]');
    await waitFor(navsAndScans, (r) => r.scans.some((s) => !s.whole && s.text.includes('Story two')), 'story two scanned');
    await page.click('a[data-story="3"]');
    await waitFor(navsAndScans, (r) => r.scans.some((s) => !s.whole && s.text.includes('Story three')), 'story three scanned');
    // Back re-renders synchronously in popstate: story two comes with the whole-document scan.
    await page.goBack();
    await waitFor(navsAndScans, (r) => r.navs.length === 3, 'the back navigation');
    // An in-page anchor is not a navigation.
    await page.click('#anchor');
    expect(page.url()).toBe(`${url(2)}#comments`);
    // Longer than the 1 s poll: a late duplicate would show.
    await sleep(1500);
    const { navs, scans: records } = await navsAndScans();
    const navTimes = await page.evaluate(() => window.__sched.navs.map((n) => n.t));
    console.log(
      `SPA: whole-document scan ${navTimes.map((t, i) => `${(records.find((r) => r.whole && r.t >= t)!.t - t).toFixed(1)} ms after navigate() ${i + 1}`).join(', ')}`,
    );
    expect(navs).toEqual([url(2), url(3), url(2)]);
    // Each navigation is followed by one scan of the whole document, in the same slice.
    const wholes = records.filter((r) => r.whole);
    expect(wholes).toHaveLength(4);
    expect(wholes.slice(1).map((r) => r.t >= navTimes[wholes.indexOf(r) - 1]!)).toEqual([true, true, true]);
    expect(wholes[3]!.text).toContain('Story two');
    // Story three was scanned as a new subtree after its navigation, and nothing of it before.
    const three = records.filter((r) => r.text.includes('Story three'));
    expect(three[0]).toMatchObject({ whole: false, names: ['ARTICLE'] });
    expect(three[0]!.t).toBeGreaterThan(navTimes[1]!);
  });

  it.each(['stop', 'abort', 'context'] as const)('%s: no scan and no navigate after it, whatever the page does', async (how) => {
    const page = await open('sched-static.html');
    const addParagraph = (text: string) =>
      page.evaluate((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        document.getElementById('article')!.append(p);
      }, text);
    // Control: while running, an insertion is scanned.
    await addParagraph('Running: scanned');
    await waitFor(
      () => scans(page),
      (s) => s.some((r) => r.text === 'Running: scanned'),
      'the control insertion',
    );
    await page.evaluate((how) => {
      const s = window.__sched;
      if (how === 'stop') s.scheduler.stop();
      else if (how === 'abort') s.controller.abort();
      else s.valid = false;
    }, how);
    const before = (await scans(page)).length;
    await addParagraph(`After ${how}: never scanned`);
    await page.evaluate(() => history.pushState(null, '', '?moved'));
    // Longer than the 1 s poll.
    await sleep(1500);
    expect((await scans(page)).length).toBe(before);
    expect(await page.evaluate(() => window.__sched.navs.length)).toBe(0);
    expect((await stats(page)).running).toBe(false);
  });

  it('ignores mutations inside our own UI', async () => {
    const page = await open('sched-static.html');
    const slices = (await stats(page)).slices;
    await page.evaluate(async (attr) => {
      const host = document.createElement('div');
      host.setAttribute(attr, '');
      const card = document.createElement('p');
      card.textContent = 'Our hover card';
      host.append(card);
      document.body.append(host);
      for (let i = 0; i < 20; i++) {
        card.textContent = `Our hover card, update ${i}`;
        (card.firstChild as Text).appendData('.');
        await new Promise((r) => setTimeout(r, 16));
      }
    }, OWN_UI_ATTR);
    await sleep(500);
    const s = await stats(page);
    // Only the insertion of our UI's root reaches a slice (and is dropped there); its updates do not wake one.
    expect(s.ignored).toBeGreaterThanOrEqual(40);
    expect(s.slices - slices).toBeLessThanOrEqual(1);
    expect((await scans(page)).length).toBe(1);
    // Control: page content next to it is scanned.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Page news' })));
    const after = await waitFor(
      () => scans(page),
      (r) => r.length > 1,
      'the page insertion',
    );
    expect(after.slice(1).map((r) => r.text)).toEqual(['Page news']);
  });
});
