/**
 * The scheduler's logic on linkedom documents, under fake timers. linkedom's MutationObserver
 * reports the document as every record's target and no characterData records, so the observer
 * is a fake the tests feed with the records a browser would send (the real one runs in
 * test/e2e/scheduler.e2e.ts). The DOM is real linkedom, so connectedness and ancestry are too.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OWN_UI_ATTR } from '../../src/page/own-ui';
import { type ScanChunk, type SchedulerHost, type SchedulerOptions, createScheduler } from '../../src/page/scheduler';
import { buildTextMap } from '../../src/page/text-map';

class FakeObserver {
  static instances: FakeObserver[] = [];
  observing: { target: Node; options: MutationObserverInit } | null = null;
  queued: MutationRecord[] = [];
  constructor(readonly callback: MutationCallback) {
    FakeObserver.instances.push(this);
  }
  observe(target: Node, options: MutationObserverInit) {
    this.observing = { target, options };
  }
  disconnect() {
    this.observing = null;
  }
  takeRecords() {
    const r = this.queued;
    this.queued = [];
    return r;
  }
}

const childList = (target: Node, ...added: Node[]) =>
  ({ type: 'childList', target, addedNodes: added as unknown as NodeList }) as unknown as MutationRecord;
const characterData = (target: Node) => ({ type: 'characterData', target }) as unknown as MutationRecord;
const attributes = (target: Node) => ({ type: 'attributes', target, attributeName: 'class' }) as unknown as MutationRecord;

interface Setup {
  doc: Document;
  host: SchedulerHost;
  /** The roots of each `scan` call, and the chunks themselves. */
  scans: Node[][];
  chunks: ScanChunk[];
  /** `passDone` calls, as the number of chunks scanned by then. */
  passes: number[];
  navigations: string[];
  /** Delivers records to the live observer, as the browser would at the end of a microtask. */
  emit: (...records: MutationRecord[]) => void;
  setHref: (href: string) => void;
  fire: (type: string) => void;
  listenerCount: () => number;
  /** Milliseconds the fake `performance.now()` runs ahead of the fake timers (time spent in `scan`). */
  spend: (ms: number) => void;
  scheduler: ReturnType<typeof createScheduler>;
}

function setup(
  body: string,
  options: Partial<SchedulerOptions> & {
    idle?: boolean;
    scanResult?: (roots: Node[]) => unknown;
    /** Fake time a `scan` takes per root, and per character of its chunk. */
    scanCostMs?: number;
    charCostMs?: number;
  } = {},
): Setup {
  FakeObserver.instances = [];
  const { document: doc } = parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  let href = 'https://news.example/a';
  let ahead = 0;
  const listeners = new Map<string, Set<() => void>>();
  const add = (type: string, l: () => void) => {
    const set = listeners.get(type) ?? new Set();
    set.add(l);
    listeners.set(type, set);
  };
  const remove = (type: string, l: () => void) => listeners.get(type)?.delete(l);
  const asHandle = (t: unknown) => t as number;
  const host: SchedulerHost = {
    location: {
      get href() {
        return href;
      },
    },
    MutationObserver: FakeObserver,
    ...(options.idle === false
      ? {}
      : {
          requestIdleCallback: (cb: IdleRequestCallback) =>
            asHandle(setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 30 }), 5)),
          cancelIdleCallback: (h: number) => clearTimeout(h),
        }),
    setTimeout: (cb, ms) => asHandle(setTimeout(cb, ms)),
    clearTimeout: (h) => clearTimeout(h),
    setInterval: (cb, ms) => asHandle(setInterval(cb, ms)),
    clearInterval: (h) => clearInterval(h),
    addEventListener: add,
    removeEventListener: remove,
    navigation: {
      addEventListener: (type: string, l: EventListenerOrEventListenerObject | null) => add(`nav:${type}`, l as () => void),
      removeEventListener: (type: string, l: EventListenerOrEventListenerObject | null) => remove(`nav:${type}`, l as () => void),
    },
    performance: { now: () => Date.now() + ahead },
  };
  const scans: Node[][] = [];
  const chunks: ScanChunk[] = [];
  const passes: number[] = [];
  const navigations: string[] = [];
  const spend = (ms: number) => (ahead += ms);
  const scheduler = createScheduler({
    root: doc,
    scan: (chunk) => {
      const roots = [...chunk.roots];
      scans.push(roots);
      chunks.push(chunk);
      spend((options.scanCostMs ?? 0) * roots.length + (options.charCostMs ?? 0) * chunk.map.text.length);
      return options.scanResult?.(roots);
    },
    passDone: () => passes.push(chunks.length),
    navigate: (url) => navigations.push(url),
    host,
    ...options,
  });
  return {
    doc,
    host,
    scans,
    chunks,
    passes,
    navigations,
    scheduler,
    spend,
    emit: (...records) => {
      const o = FakeObserver.instances.at(-1);
      if (o?.observing) o.callback(records, o);
    },
    setHref: (h) => (href = h),
    fire: (type) => listeners.get(type)?.forEach((l) => l()),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

/** Appends `<tag>text</tag>` to `parent` and returns it. */
function append(doc: Document, parent: Node, tag: string, text: string): Element {
  const el = doc.createElement(tag);
  el.textContent = text;
  parent.appendChild(el);
  return el;
}

const texts = (roots: Node[]) => roots.map((n) => n.textContent);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createScheduler: what is scanned', () => {
  it('scans the whole document once on start, at the first idle slice, not synchronously', async () => {
    const s = setup('<p>First paragraph</p>');
    s.scheduler.start();
    expect(s.scans).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(s.scans).toEqual([[s.doc.body]]);
    expect(FakeObserver.instances[0]!.observing).toEqual({
      target: s.doc,
      options: { childList: true, subtree: true, characterData: true },
    });
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.scans).toHaveLength(1);
  });

  it('hands over only the new subtree: an added article, not its buffered descendants nor the document', async () => {
    const s = setup('<main id="m"><p>Old text</p></main>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const main = s.doc.getElementById('m')!;
    const article = s.doc.createElement('article');
    main.appendChild(article);
    const p1 = append(s.doc, article, 'p', 'Late paragraph one');
    const p2 = append(s.doc, article, 'p', 'Late paragraph two');
    // The browser reports the article and (in later records) its children: descendants are dropped.
    s.emit(childList(main, article), childList(article, p1), childList(article, p2), childList(p1, p1.firstChild!));
    await vi.advanceTimersByTimeAsync(200);
    expect(s.scans.slice(1)).toEqual([[article]]);
    expect(s.scheduler.stats()).toMatchObject({ scans: 2, roots: 2, pending: 0 });
  });

  it('hands over a changed text node on its own', async () => {
    const s = setup('<p id="p">Before</p><p>Other</p>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const text = s.doc.getElementById('p')!.firstChild!;
    text.nodeValue = 'After';
    s.emit(characterData(text));
    await vi.advanceTimersByTimeAsync(200);
    expect(s.scans.slice(1)).toEqual([[text]]);
  });

  it('drops disconnected nodes, whitespace, non-text, hidden and editable elements, attribute records and our own UI', async () => {
    const s = setup(`<p>Intro</p><main id="m"></main><div id="ui" ${OWN_UI_ATTR}><span id="card">Card</span></div>`);
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const main = s.doc.getElementById('m')!;
    const gone = append(s.doc, main, 'p', 'Removed before the slice');
    const space = s.doc.createTextNode('   \n ');
    main.appendChild(space);
    const script = append(s.doc, main, 'script', 'var secret = 1');
    const style = append(s.doc, s.doc.head, 'style', '.secret{}');
    const ownRoot = append(s.doc, main, 'aside', 'Our hover card');
    ownRoot.setAttribute(OWN_UI_ATTR, '');
    // Hidden and editable regions, as collect.ts skips them (an editor would rescan per keystroke).
    const hidden = append(s.doc, main, 'div', '');
    hidden.setAttribute('hidden', '');
    const inHidden = append(s.doc, hidden, 'p', 'Hidden teaser');
    const editor = append(s.doc, main, 'div', 'Typing');
    editor.setAttribute('contenteditable', 'true');
    s.emit(
      childList(main, gone, space, script, ownRoot),
      childList(s.doc.head, style),
      attributes(main),
      childList(hidden, inHidden),
      characterData(editor.firstChild!),
    );
    gone.remove();
    // Mutations whose target is inside our UI are not even buffered.
    const card = s.doc.getElementById('card')!;
    card.textContent = 'Card, updated';
    s.emit(childList(card, card.firstChild!), characterData(card.firstChild!));
    expect(s.scheduler.stats().ignored).toBe(2);
    await vi.advanceTimersByTimeAsync(500);
    expect(s.scans.slice(1)).toEqual([]);
    // Control: a real insertion next to them is handed over.
    const real = append(s.doc, main, 'p', 'Real news');
    s.emit(childList(main, real));
    await vi.advanceTimersByTimeAsync(500);
    expect(s.scans.slice(1).map(texts)).toEqual([['Real news']]);
  });

  it('does not wake up for mutations that are all inside our own UI', async () => {
    const s = setup(`<div ${OWN_UI_ATTR}><span id="card">Card</span></div>`);
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const slices = s.scheduler.stats().slices;
    const card = s.doc.getElementById('card')!;
    for (let i = 0; i < 20; i++) {
      card.textContent = `tick ${i}`;
      s.emit(childList(card, card.firstChild!));
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(s.scheduler.stats().slices).toBe(slices);
  });
});

describe('createScheduler: when', () => {
  it('splits a large burst into slices within the budget, each root handed over exactly once', async () => {
    // 0.5 ms per paragraph of 50 characters; a chunk of 400 characters at most is 4 ms.
    const s = setup('<p>Intro</p><main id="m"></main>', { sliceMs: 4, charCostMs: 0.01, chunkChars: 400 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const main = s.doc.getElementById('m')!;
    const added = Array.from({ length: 301 }, (_, i) => append(s.doc, main, 'p', `Item ${i} `.padEnd(50, 'x')));
    s.emit(childList(main, ...added));
    await vi.advanceTimersByTimeAsync(150);
    // Removed while queued (after the first slice of the burst): never handed over.
    expect(s.scans.length).toBeGreaterThan(1);
    expect(s.scheduler.stats().pending).toBeGreaterThan(0);
    const removed = added.pop()!;
    removed.remove();
    await vi.advanceTimersByTimeAsync(10_000);
    const later = s.scans.slice(1);
    expect(later.flat()).toEqual(added);
    // 300 roots × 0.5 ms in 4 ms slices: many calls, none over the budget by more than a few roots.
    const { slices, longestSliceMs } = s.scheduler.stats();
    expect(slices).toBeGreaterThanOrEqual(150 / (4 + 5));
    expect(longestSliceMs).toBeLessThanOrEqual(4 + 0.5 * 10);
    expect(Math.max(...later.map((r) => r.length))).toBeLessThanOrEqual(80);
    expect(s.chunks.slice(1).every((c) => !c.pass)).toBe(true);
  });

  it('coalesces a 16 ms ticker: at most one slice per throttle period', async () => {
    /** Per scan, whether it got exactly the ticker's current text node (checked at scan time). */
    const tickerOnly: boolean[] = [];
    const s = setup('<p id="t">0</p>', {
      throttleMs: 100,
      scanResult: (roots) => tickerOnly.push(roots.length === 1 && roots[0]!.parentNode === s.doc.getElementById('t')),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const ticker = s.doc.getElementById('t')!;
    for (let i = 1; i <= 125; i++) {
      ticker.textContent = String(i);
      s.emit(childList(ticker, ticker.firstChild!));
      await vi.advanceTimersByTimeAsync(16);
    }
    const n = s.scans.length - 1;
    // 2 s of ticking at 100 ms per slice: about 20 scans, not 125.
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(22);
    // Each scan got the ticker's current text node only (the first one got the body).
    expect(tickerOnly.slice(1)).toEqual(Array.from({ length: n }, () => true));
  });

  it('backs off while scans find nothing new, and resets when they do', async () => {
    let interesting = false;
    const s = setup('<p id="t">0</p>', { throttleMs: 100, quietSlices: 3, maxBackoffMs: 1600, scanResult: () => (interesting ? 1 : 0) });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const ticker = s.doc.getElementById('t')!;
    const tick = async (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        ticker.textContent = String(t);
        s.emit(childList(ticker, ticker.firstChild!));
        await vi.advanceTimersByTimeAsync(16);
      }
    };
    await tick(5000);
    expect(s.scheduler.stats().gapMs).toBe(1600);
    const before = s.scans.length;
    await tick(4000);
    // Backed off to 1.6 s: 2 or 3 scans in 4 s instead of 40.
    expect(s.scans.length - before).toBeLessThanOrEqual(3);
    interesting = true;
    await tick(2000);
    expect(s.scheduler.stats()).toMatchObject({ fruitless: 0, gapMs: 100 });
    const reset = s.scans.length;
    await tick(1000);
    expect(s.scans.length - reset).toBeGreaterThanOrEqual(8);
  });

  it('scans an article inserted 2 s after load in the first slice after the insertion', async () => {
    const s = setup('<main id="m"><p>Shell</p></main>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(2000);
    const slices = s.scheduler.stats().slices;
    const article = append(s.doc, s.doc.getElementById('m')!, 'article', 'The late article');
    s.emit(childList(s.doc.getElementById('m')!, article));
    await vi.advanceTimersByTimeAsync(10);
    expect(s.scheduler.stats().slices).toBe(slices + 1);
    expect(s.scans.at(-1)).toEqual([article]);
  });

  it('falls back to setTimeout without requestIdleCallback', async () => {
    const s = setup('<p>x</p>', { idle: false });
    s.scheduler.start();
    expect(s.scans).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(s.scans).toEqual([[s.doc.body]]);
  });

  it('flush() runs the pending work synchronously', () => {
    const s = setup('<p>Intro</p><main id="m"></main>');
    s.scheduler.start();
    s.scheduler.flush();
    expect(s.scans).toEqual([[s.doc.body]]);
    const p = append(s.doc, s.doc.getElementById('m')!, 'p', 'Now');
    FakeObserver.instances[0]!.queued.push(childList(p.parentNode!, p));
    s.scheduler.flush();
    expect(s.scans.at(-1)).toEqual([p]);
  });
});

describe('createScheduler: navigation', () => {
  it('calls navigate once per URL change from any signal, drops the old buffer and rescans the document', async () => {
    const s = setup('<main id="m"><p>Story one</p></main>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    const main = s.doc.getElementById('m')!;
    const stale = append(s.doc, main, 'p', 'Stale');
    s.emit(childList(main, stale));
    s.setHref('https://news.example/b');
    // Chrome sends several signals for one pushState: one navigation.
    s.fire('nav:navigate');
    s.fire('nav:currententrychange');
    s.fire('nav:navigatesuccess');
    await vi.advanceTimersByTimeAsync(1500);
    expect(s.navigations).toEqual(['https://news.example/b']);
    expect(s.scans.slice(1)).toEqual([[s.doc.body]]);
    s.setHref('https://news.example/a');
    s.fire('popstate');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.navigations).toEqual(['https://news.example/b', 'https://news.example/a']);
  });

  it('notices a silent URL change with the low-frequency poll', async () => {
    const s = setup('<p>x</p>', { pollMs: 1000 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    s.setHref('https://news.example/c');
    await vi.advanceTimersByTimeAsync(900);
    expect(s.navigations).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.navigations).toEqual(['https://news.example/c']);
  });

  it('treats an in-page anchor as the same page and a hash route as a navigation', async () => {
    const s = setup('<p>x</p>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    s.setHref('https://news.example/a#section-2');
    s.fire('hashchange');
    await vi.advanceTimersByTimeAsync(1500);
    expect(s.navigations).toEqual([]);
    s.setHref('https://news.example/a#/story/2');
    s.fire('hashchange');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.navigations).toEqual(['https://news.example/a#/story/2']);
  });
});

describe('createScheduler: teardown', () => {
  it('stop() disconnects, cancels every timer, removes every listener, and nothing is scanned after', async () => {
    const s = setup('<p>Intro</p><main id="m"></main>');
    s.scheduler.start();
    expect(s.listenerCount()).toBe(5);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(10);
    const main = s.doc.getElementById('m')!;
    const p = append(s.doc, main, 'p', 'Pending at stop');
    s.emit(childList(main, p));
    s.scheduler.stop();
    expect(FakeObserver.instances[0]!.observing).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(s.listenerCount()).toBe(0);
    s.emit(childList(main, append(s.doc, main, 'p', 'After stop')));
    s.setHref('https://news.example/z');
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.scans).toHaveLength(1);
    expect(s.navigations).toEqual([]);
    expect(s.scheduler.stats()).toMatchObject({ running: false, pending: 0 });
  });

  it('stops when the signal aborts, and does not start on an aborted signal', async () => {
    const controller = new AbortController();
    const s = setup('<p>x</p>', { signal: controller.signal });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(s.scheduler.stats().running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    s.scheduler.start();
    expect(s.scheduler.stats().running).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.scans).toHaveLength(1);
  });

  it('stops at the next slice or poll once the extension context is invalid', async () => {
    let valid = true;
    const s = setup('<p>Intro</p><main id="m"></main>', { isContextValid: () => valid });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    valid = false;
    const main = s.doc.getElementById('m')!;
    s.emit(childList(main, append(s.doc, main, 'p', 'Too late')));
    await vi.advanceTimersByTimeAsync(200);
    expect(s.scans).toHaveLength(1);
    expect(s.scheduler.stats().running).toBe(false);
    expect(vi.getTimerCount()).toBe(0);

    // With nothing happening on the page, the URL poll notices it.
    valid = true;
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    valid = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.scheduler.stats().running).toBe(false);
  });
});

describe('createScheduler: the whole-document pass in bounded chunks', () => {
  const FILLER = 'The quarterly report said revenue grew while costs in the division stayed flat for the period. ';
  /** About `size` characters of paragraphs, each with a name split over an inline element. */
  const bigBody = (size: number) => {
    const out: string[] = [];
    for (let n = 0, i = 0; n < size; i++) {
      const p = `<p>In filing ${i}, Yann <b>LeCun</b> said: ${FILLER.repeat(4)}</p>`;
      out.push(p);
      n += p.length;
    }
    return out.join('');
  };
  const occurrences = (text: string, word: string) => text.split(word).length - 1;

  it('walks a 2 MB body in many slices, each within the budget, the start of the page first', async () => {
    // About 0.1 ms per 1,000 characters (the matcher's speed): some 200 ms of work in all.
    const s = setup(bigBody(2_000_000), { sliceMs: 4, charCostMs: 0.0001 });
    const whole = buildTextMap(s.doc.body, { maxChars: Infinity }).text;
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    // The first slice scanned the start of the page, and not much more.
    expect(s.chunks.length).toBeGreaterThanOrEqual(1);
    expect(s.chunks.reduce((n, c) => n + c.map.text.length, 0)).toBeLessThan(64_000);
    expect(s.chunks[0]!.map.text.startsWith('In filing 0, Yann LeCun said')).toBe(true);
    expect(s.scheduler.stats().passing).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    const { slices, longestSliceMs, passes, pending } = s.scheduler.stats();
    expect(s.chunks.length).toBeGreaterThan(40);
    // Some 200 ms of work, at most 8 ms in each slice.
    expect(slices).toBeGreaterThanOrEqual(25);
    expect(longestSliceMs).toBeLessThanOrEqual(8);
    expect(Math.max(...s.chunks.map((c) => c.map.text.length))).toBeLessThanOrEqual(32_000 + 1000);
    expect(s.chunks.every((c) => c.pass && c.roots.length === 1 && c.roots[0] === s.doc.body)).toBe(true);
    // Cut only between blocks: the chunks put together with the separators they were cut at are the whole text.
    const joined = s.chunks.map((c) => c.map.text).join('\n');
    expect(joined).toBe(whole);
    expect(passes).toBe(1);
    expect(s.passes).toEqual([s.chunks.length]);
    expect(pending).toBe(0);
  });

  it('runs the first slice at once on start, not at the next idle period (the first highlight waits for nothing)', async () => {
    const s = setup('<p>Yann LeCun spoke.</p>');
    s.scheduler.start();
    expect(s.chunks).toHaveLength(0);
    // The fake idle callback comes after 5 ms; the first slice is a task of its own before that.
    await vi.advanceTimersByTimeAsync(1);
    expect(s.chunks.map((c) => c.map.text)).toEqual(['Yann LeCun spoke.']);
  });

  it('delivers a chunk in every slice of a pass, even when the slice is out of time before it starts (a busy machine)', async () => {
    const s = setup(bigBody(200_000), { sliceMs: 0 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.chunks).toHaveLength(1);
    expect(s.chunks[0]!.map.text.startsWith('In filing 0, Yann LeCun said')).toBe(true);
  });

  it('never splits a name at a chunk border, even with tiny chunks', async () => {
    const s = setup(bigBody(20_000), { chunkChars: 300 });
    const paragraphs = s.doc.querySelectorAll('p').length;
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.chunks.length).toBeGreaterThan(20);
    const found = s.chunks.reduce((n, c) => n + occurrences(c.map.text, 'Yann LeCun'), 0);
    expect(found).toBe(paragraphs);
    // A paragraph longer than the chunk size stays whole.
    expect(s.chunks.every((c) => !c.map.text.includes('\n') || c.map.text.split('\n').every((p) => p.startsWith('In filing')))).toBe(true);
  });

  it('handles mutations during the pass: content ahead of the walk once (in the pass), content behind it after the pass', async () => {
    const s = setup(`<main id="m">${bigBody(200_000)}</main><footer id="f"><p>Footer</p></footer>`, {
      chunkChars: 5000,
      charCostMs: 0.001,
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(6);
    expect(s.scheduler.stats().passing).toBe(true);
    // Between two slices, the page's script inserts before and after the walk's place and edits a text it has passed.
    const main = s.doc.getElementById('m')!;
    const footer = s.doc.getElementById('f')!;
    const behind = s.doc.createElement('p');
    behind.textContent = 'Inserted behind the walk';
    main.prepend(behind);
    const ahead = s.doc.createElement('p');
    ahead.textContent = 'Inserted ahead of the walk';
    footer.append(ahead);
    const changed = s.chunks[0]!.map.nodes[0]!;
    changed.data = 'Changed behind the walk';
    s.emit(childList(main, behind), childList(footer, ahead), characterData(changed));
    await vi.advanceTimersByTimeAsync(60_000);
    const passChunks = s.chunks.filter((c) => c.pass);
    const later = s.chunks.filter((c) => !c.pass);
    const passText = passChunks.map((c) => c.map.text).join('\n');
    expect(occurrences(passText, 'Inserted ahead of the walk')).toBe(1);
    expect(passText).not.toContain('Inserted behind the walk');
    // After the pass (passDone first), the nodes changed behind the walk, and nothing else.
    expect(s.passes).toEqual([passChunks.length]);
    expect(s.chunks.indexOf(later[0]!)).toBe(passChunks.length);
    const laterRoots = later.flatMap((c) => c.roots);
    expect(laterRoots.map((r) => r.textContent)).toEqual(['Inserted behind the walk', 'Changed behind the walk']);
    expect(laterRoots[0] === behind && laterRoots[1] === changed).toBe(true);
    expect(later.map((c) => c.map.text).join('\n')).toBe('Inserted behind the walk\nChanged behind the walk');
  });

  it('a navigation during the pass drops it and walks the new page; passDone once per finished pass', async () => {
    const s = setup(`<main id="m">${bigBody(100_000)}</main>`, { chunkChars: 2000, charCostMs: 0.001 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(s.scheduler.stats().passing).toBe(true);
    const before = s.chunks.length;
    s.doc.getElementById('m')!.innerHTML = '<p>The new story</p>';
    s.setHref('https://news.example/b');
    s.fire('popstate');
    await vi.advanceTimersByTimeAsync(10);
    expect(s.navigations).toEqual(['https://news.example/b']);
    expect(s.chunks.slice(before).map((c) => [c.pass, c.map.text])).toEqual([[true, 'The new story']]);
    expect(s.passes).toEqual([before + 1]);
    expect(s.scheduler.stats()).toMatchObject({ passing: false, pending: 0, passes: 1 });
  });

  it('calls passDone for a page without any text, and flush() finishes a pass at once', async () => {
    const s = setup('<div hidden><p>secret</p></div>');
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(s.chunks).toEqual([]);
    expect(s.passes).toEqual([0]);
    const t = setup(bigBody(50_000), { chunkChars: 1000 });
    t.scheduler.start();
    t.scheduler.flush();
    expect(t.passes).toEqual([t.chunks.length]);
    expect(t.chunks.length).toBeGreaterThan(10);
  });

  it('stop() in the middle of a pass: no chunk and no passDone after it', async () => {
    const s = setup(bigBody(100_000), { chunkChars: 2000, charCostMs: 0.001 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(s.scheduler.stats().passing).toBe(true);
    s.scheduler.stop();
    const n = s.chunks.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.chunks).toHaveLength(n);
    expect(s.passes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
