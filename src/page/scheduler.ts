/**
 * Decides WHEN and WHAT the content script scans on a dynamic page (after gorhill/uBlock's
 * procedural filterer): a MutationObserver that only buffers nodes, work in slices of a few
 * milliseconds when the page is idle, only the new or changed subtrees handed to the consumer,
 * single-page-app navigations detected without touching the page's history, and a surveyor that
 * backs off while slices keep finding nothing. Pure DOM (no extension APIs).
 *
 * No slice is long, whatever the page: the scheduler walks the text itself (a resumable
 * `createTextWalk` of text-map.ts, paused at the slice's deadline and resumed in the next one) and
 * hands it over in bounded chunks, each cut at a block boundary, so a two-megabyte body is scanned
 * in many slices of a few milliseconds, the start of the page first.
 *
 * Contract with the consumer:
 * - `scan(chunk)` gets a piece of visible text as a TextMap (`chunk.map`, offsets from 0, "\n"
 *   between blocks; never cut inside a paragraph, so a name is whole in one chunk) and the roots it
 *   comes from (`chunk.roots`, in whole or in part). The whole document (`document.body`, or
 *   `documentElement` before the body exists) is walked on `start()` and right after each
 *   `navigate(url)`: `chunk.pass` is true and `chunk.roots` is `[body]`; its chunks come in
 *   document order and `passDone()` follows the last one. Otherwise a chunk holds only nodes added
 *   or changed since: Elements and Text nodes (a Text root is a changed or added text node),
 *   connected, not inside (nor being) our own UI (`OWN_UI_ATTR`), a hidden / aria-hidden /
 *   contenteditable element or a non-text element (script, style, head, …), none inside another
 *   root, nor where the whole-document walk has yet to go (it will map them as they are then).
 *   Nodes changed behind that walk, during the pass, follow as new content after it. A chunk's text
 *   may have been seen before (a page that re-inserts a node); the consumer dedups what it finds.
 *   `scan` may return `false` or `0` to say "nothing of interest here": that feeds the back-off.
 *   Any other value (including `undefined`) counts as activity.
 * - `passDone()` is called once the whole-document walk (after `start()`, after each navigation)
 *   has been handed over to its end, even when it held no text at all.
 * - `navigate(url)` is called once per same-document URL change (history.pushState/replaceState,
 *   back/forward, a hash route `#/…` or `#!…`; a plain in-page anchor `#section` is not a
 *   navigation). The consumer clears its per-page state there; a walk in progress is dropped and
 *   the whole-document walk starts over, its first chunk in the same slice.
 */
import { OWN_UI_ATTR } from './own-ui';
import { type TextMap, type TextMapOptions, type TextWalk, createTextWalk, isSkipped } from './text-map';

/** The slice of `window` the scheduler uses; injectable so the logic runs under fake timers. */
export interface SchedulerHost {
  readonly location: { readonly href: string };
  readonly MutationObserver: new (callback: MutationCallback) => Pick<MutationObserver, 'observe' | 'disconnect' | 'takeRecords'>;
  readonly requestIdleCallback?: ((callback: IdleRequestCallback, options?: IdleRequestOptions) => number) | undefined;
  readonly cancelIdleCallback?: ((handle: number) => void) | undefined;
  readonly setTimeout: (callback: () => void, ms: number) => number;
  readonly clearTimeout: (handle: number) => void;
  readonly setInterval: (callback: () => void, ms: number) => number;
  readonly clearInterval: (handle: number) => void;
  readonly addEventListener: (type: 'popstate' | 'hashchange', listener: () => void) => void;
  readonly removeEventListener: (type: 'popstate' | 'hashchange', listener: () => void) => void;
  /** Prioritized Task Scheduling (Chrome 94+, Firefox 142+): runs a backlog's slices back to back at background priority. */
  readonly scheduler?: { postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown> } | undefined;
  /** The Navigation API (Chrome 102+); absent elsewhere. */
  readonly navigation?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined;
  readonly performance: { now(): number };
}

/** What `scan` gets: a bounded piece of visible text (see the contract above). */
export interface ScanChunk {
  /** The chunk's visible text and its map back to Text nodes (offsets from 0). */
  map: TextMap;
  /** The roots its text comes from, in whole or in part: `[body]` during the whole-document pass. */
  roots: readonly Node[];
  /** Part of the whole-document walk (start, navigation) rather than new content. */
  pass: boolean;
}

export interface SchedulerOptions {
  /** The document to observe and scan. */
  root: Document;
  /** Scans one chunk (see the contract above). Return `false` or `0` when it held nothing new. */
  scan: (chunk: ScanChunk) => unknown;
  /** The whole-document walk has been handed over to its end (after `start()`, after each navigation). */
  passDone?: () => void;
  /** The page's URL changed without a reload: clear per-page state. */
  navigate: (url: string) => void;
  /** How the text is mapped: `shadowRootOf` for closed shadow roots. */
  textMap?: Pick<TextMapOptions, 'shadowRootOf'>;
  /** Most characters in one chunk (default 32,000; fewer when the slice has less time left). */
  chunkChars?: number;
  /** Most nodes visited for one chunk (default 4,000): pages of many nearly empty elements. */
  chunkNodes?: number;
  /**
   * Fewest characters a chunk is cut to when the slice has little time left (default 16,384, at
   * most `chunkChars`): each chunk is one message to the background, whose cost is per message,
   * not per character, and a text walk of that much takes about a millisecond.
   */
  minChunkChars?: number;
  /** Aborting it stops everything, like `stop()`. */
  signal?: AbortSignal;
  /** Checked at each slice and each URL poll; `false` (extension context invalidated) stops everything. */
  isContextValid?: () => boolean;
  /** Work budget of one slice in ms (default 4); a slice also ends when the idle deadline does. */
  sliceMs?: number;
  /** Least time in ms between the end of a slice and the start of the next one (default 100): coalesces tickers. */
  throttleMs?: number;
  /** `requestIdleCallback`'s timeout in ms (default 200): a busy page still gets its slice. */
  idleTimeoutMs?: number;
  /** Fruitless slices in a row before the surveyor backs off (default 3). */
  quietSlices?: number;
  /** Longest gap in ms between slices when backed off (default 2000). */
  maxBackoffMs?: number;
  /** Period in ms of the low-frequency URL check (default 1000). */
  pollMs?: number;
  /** Defaults to `globalThis` (the window, or the content script's global). */
  host?: SchedulerHost;
}

export interface SchedulerStats {
  running: boolean;
  /** Slices run (idle callbacks and flushes). */
  slices: number;
  /** Calls of `scan` (chunks), the roots and the characters handed over in them. */
  scans: number;
  roots: number;
  chars: number;
  /** Whole-document walks handed over to their end (`passDone` calls). */
  passes: number;
  /** A whole-document walk is under way (or queued). */
  passing: boolean;
  /** Calls of `navigate`. */
  navigations: number;
  /** Mutation records dropped in the observer callback because they were inside our own UI. */
  ignored: number;
  /** Nodes buffered or queued, not yet handed over (a walk under way counts as one). */
  pending: number;
  /** Fruitless slices in a row (no root survived the filters, or `scan` returned false/0). */
  fruitless: number;
  /** The current least gap between slices in ms (`throttleMs`, more when backed off). */
  gapMs: number;
  /** The longest slice and the total time in slices, in ms, `scan` included. */
  longestSliceMs: number;
  totalSliceMs: number;
}

export interface Scheduler {
  /** Observes the document and queues a full scan. Does nothing if running or the signal is aborted. */
  start(): void;
  /** Disconnects the observer, cancels every callback and timer, removes every listener, drops the buffer. Idempotent; `start()` may follow. */
  stop(): void;
  /** Runs the pending work now, synchronously and without budget (tests; or before answering a request). */
  flush(): void;
  /**
   * The page's text is to be read again from the start (the corpus changed): like a navigation to the
   * same URL, `navigate` is called and the whole document is queued.
   */
  rescan(): void;
  stats(): SchedulerStats;
}

const OWN_UI_SELECTOR = `[${OWN_UI_ATTR}]`;

/** The part of a URL that identifies the page: a hash counts only when it is a route (`#/…`, `#!…`). */
function pageKey(href: string): string {
  const i = href.indexOf('#');
  if (i < 0) return href;
  const hash = href.slice(i + 1);
  return hash.startsWith('/') || hash.startsWith('!') ? href : href.slice(0, i);
}

const isElement = (n: Node): n is Element => n.nodeType === 1;

/** Whether a mutation target lies inside our own UI (the one per-record check of the observer callback). */
function inOwnUi(target: Node | null): boolean {
  const el = target && (isElement(target) ? target : target.parentElement);
  return el != null && el.closest(OWN_UI_SELECTOR) !== null;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { root, scan, passDone, navigate, signal, isContextValid } = options;
  const host = options.host ?? globalThis;
  const sliceMs = options.sliceMs ?? 4;
  const throttleMs = options.throttleMs ?? 100;
  const idleTimeoutMs = options.idleTimeoutMs ?? 200;
  const quietSlices = options.quietSlices ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;
  const pollMs = options.pollMs ?? 1000;
  const chunkChars = options.chunkChars ?? 32_000;
  const chunkNodes = options.chunkNodes ?? 4000;
  const minChunkChars = Math.min(options.minChunkChars ?? 16_384, chunkChars);
  const textOptions: TextMapOptions = {
    connectedOnly: true,
    ...(options.textMap?.shadowRootOf ? { shadowRootOf: options.textMap.shadowRootOf } : {}),
  };
  const now = () => host.performance.now();

  let running = false;
  let observer: Pick<MutationObserver, 'observe' | 'disconnect' | 'takeRecords'> | null = null;
  let idleHandle: number | null = null;
  let idleIsTimeout = false;
  /** A backlog slice posted as a background task: its token (a stale task does nothing) and its fallback timer. */
  let taskToken = 0;
  let taskQueued = false;
  let taskFallback: number | null = null;
  let delayHandle: number | null = null;
  let pollHandle: number | null = null;
  let lastUrl = '';
  let lastSliceEnd = -Infinity;
  /** Mutation buffer (observer callback → slices), nodes being filtered, nodes ready for `scan`. */
  let buffer = new Set<Node>();
  const filtering = new Set<Node>();
  const ready = new Set<Node>();
  /** The whole-document root while its walk is queued in `ready` or under way; null otherwise. */
  let passRoot: Node | null = null;
  /** The walk under way (whole document or a batch of `ready`), resumed slice after slice. */
  let walk: TextWalk | null = null;
  let walkIsPass = false;
  /**
   * Average cost of one character (walk and `scan`), to size the next chunk to the slice's remaining
   * budget. It starts pessimistic (a slice's budget per smallest chunk): the first chunks run the
   * consumer's code cold (not yet optimised by the engine), many times slower than later ones.
   */
  let msPerChar = sliceMs / minChunkChars;
  const stats = {
    slices: 0,
    scans: 0,
    roots: 0,
    chars: 0,
    passes: 0,
    navigations: 0,
    ignored: 0,
    fruitless: 0,
    longestSliceMs: 0,
    totalSliceMs: 0,
  };

  const gapMs = () =>
    stats.fruitless < quietSlices ? throttleMs : Math.min(maxBackoffMs, throttleMs * 2 ** (stats.fruitless - quietSlices + 1));

  function onMutations(records: MutationRecord[]): void {
    // Buffer only: the one check here keeps our own UI from waking the scheduler at all.
    for (const r of records) {
      if (r.type === 'childList') {
        if (inOwnUi(r.target)) stats.ignored++;
        else for (const n of r.addedNodes) buffer.add(n);
      } else if (r.type === 'characterData') {
        if (inOwnUi(r.target)) stats.ignored++;
        else buffer.add(r.target);
      }
    }
    if (buffer.size > 0) schedule(false);
  }

  function requestSlice(timeoutMs: number): void {
    if (host.requestIdleCallback) {
      idleIsTimeout = false;
      idleHandle = host.requestIdleCallback(slice, { timeout: timeoutMs });
    } else sliceAfter(1);
  }

  /** Queues one slice as a timer task (no idle deadline: the slice's own budget applies). */
  function sliceAfter(ms: number): void {
    idleIsTimeout = true;
    idleHandle = host.setTimeout(() => slice(undefined), ms);
  }

  /**
   * Queues the next slice of a backlog (a walk under way, roots left over) without the gap: a
   * background-priority task where the browser has them (idle callbacks come at most one per
   * idle period, some 20 a second, which would make a two-megabyte page take many seconds), with
   * a timer as a fallback against starvation; else an idle callback.
   */
  function continueSoon(): void {
    if (!running || idleHandle !== null || taskQueued) return;
    if (!host.scheduler) {
      schedule(true);
      return;
    }
    if (delayHandle !== null) {
      host.clearTimeout(delayHandle);
      delayHandle = null;
    }
    taskQueued = true;
    const token = ++taskToken;
    const run = () => {
      if (token !== taskToken) return;
      cancelSlice();
      slice(undefined);
    };
    host.scheduler.postTask(run, { priority: 'background' }).catch(() => {});
    taskFallback = host.setTimeout(run, idleTimeoutMs);
  }

  function cancelSlice(): void {
    taskToken++;
    taskQueued = false;
    if (taskFallback !== null) {
      host.clearTimeout(taskFallback);
      taskFallback = null;
    }
    if (idleHandle !== null) {
      if (idleIsTimeout || !host.cancelIdleCallback) host.clearTimeout(idleHandle);
      else host.cancelIdleCallback(idleHandle);
      idleHandle = null;
    }
    if (delayHandle !== null) {
      host.clearTimeout(delayHandle);
      delayHandle = null;
    }
  }

  /** Queues one slice: after the current gap, then at the next idle period. `urgent` skips the gap (navigation). */
  function schedule(urgent: boolean): void {
    if (!running || idleHandle !== null || taskQueued) return;
    if (delayHandle !== null) {
      if (!urgent) return;
      host.clearTimeout(delayHandle);
      delayHandle = null;
    }
    const gap = gapMs();
    const delay = urgent ? 0 : lastSliceEnd + gap - now();
    // Backed off: the idle timeout grows with the gap, so a busy page is not woken early either.
    const timeout = idleTimeoutMs + (gap > throttleMs ? gap : 0);
    if (delay <= 0) requestSlice(timeout);
    else
      delayHandle = host.setTimeout(() => {
        delayHandle = null;
        if (running) requestSlice(timeout);
      }, delay);
  }

  function wholeDocument(): Node {
    // Typed non-null, but both are null early (document_start) or on odd documents.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    return root.body ?? root.documentElement ?? root;
  }

  /** The cheap URL check of every slice: calls `navigate` and queues the whole document on a change. */
  function checkUrl(): void {
    const href = host.location.href;
    if (href === lastUrl) return;
    const changed = pageKey(href) !== pageKey(lastUrl);
    lastUrl = href;
    if (!changed) return;
    dropWork();
    stats.navigations++;
    stats.fruitless = 0;
    navigate(href);
    queuePass();
  }

  function queuePass(): void {
    passRoot = wholeDocument();
    ready.add(passRoot);
  }

  function dropWork(): void {
    buffer.clear();
    filtering.clear();
    ready.clear();
    walk = null;
    walkIsPass = false;
    passRoot = null;
  }

  /** Whether `node` should be handed over: connected, not text-less, not inside our UI, nor inside a queued root or ahead of the walk. */
  function accept(node: Node): boolean {
    if (isElement(node)) {
      if (isSkipped(node)) return false; // the text map's definition: scanned and observed cannot drift apart
    } else if (node.nodeType !== 3 || !/\S/.test(node.nodeValue ?? '')) return false;
    if (walk?.ahead(node)) return false; // the walk will map it as it is then
    let top: Node = node;
    for (let p = node.parentNode; p; p = p.parentNode) {
      if (filtering.has(p) || ready.has(p)) return false;
      if (isElement(p) && isSkipped(p)) return false;
      top = p;
    }
    return top === root;
  }

  /** Starts the next walk: the whole document if queued, else a batch of `ready` roots. False when there is nothing to walk. */
  function nextWalk(): boolean {
    if (passRoot && ready.delete(passRoot)) {
      walk = createTextWalk([passRoot], textOptions);
      walkIsPass = true;
      return true;
    }
    const roots: Node[] = [];
    for (const n of ready) {
      ready.delete(n);
      if (n.isConnected) roots.push(n);
      if (roots.length >= 512) break;
    }
    if (roots.length === 0) return false;
    walk = createTextWalk(roots, textOptions);
    walkIsPass = false;
    return true;
  }

  /**
   * Filters the buffer into `ready`, then walks `ready` (the whole document first when queued)
   * and hands the text to `scan` in chunks sized to the budget; a walk that reaches the deadline
   * pauses and resumes in the next slice. Returns whether this work found something (true),
   * nothing (false), or is not finished (null: still filtering, or a walk under way).
   */
  function work(end: number): boolean | null {
    for (const n of buffer) filtering.add(n);
    buffer = new Set();
    let i = 0;
    for (const n of filtering) {
      // Accepted nodes stay visible to their descendants' checks through `ready`.
      if (accept(n)) ready.add(n);
      filtering.delete(n);
      if (++i % 128 === 0 && now() >= end) break;
    }
    if (filtering.size > 0) return null;
    let delivered = false;
    let fruitful = false;
    while (!delivered || now() < end) {
      if (!walk && !nextWalk()) {
        if (ready.size === 0) break;
        continue;
      }
      const current = walk;
      if (!current) continue;
      const t = now();
      // Sized to the time left, but not below minChunkChars: on pages of many nodes and little text the
      // cost is the walk's, which the deadline bounds anyway (tiny chunks would only multiply slices and messages).
      const chars = Math.max(minChunkChars, Math.min(chunkChars, Math.floor((end - t) / msPerChar)));
      // A slice delivers at least one chunk (bounded by its characters and nodes, not the clock): on
      // a busy machine a deadline-paused first chunk would otherwise push the start of the page, and
      // the first highlight, to the next slice.
      const chunk = current.next({ chars, nodes: chunkNodes, deadline: delivered ? end : Number.POSITIVE_INFINITY, now });
      if (chunk && chunk.text !== '') {
        const result = scan({ map: chunk, roots: chunk.roots, pass: walkIsPass });
        msPerChar = 0.7 * msPerChar + (0.3 * Math.max(0.01, now() - t)) / chunk.text.length;
        stats.scans++;
        stats.roots += chunk.roots.length;
        stats.chars += chunk.text.length;
        delivered = true;
        if (result !== false && result !== 0) fruitful = true;
      }
      if (walk !== current) break; // `scan` stopped us (context invalidated)
      if (current.done) {
        walk = null;
        if (walkIsPass) {
          walkIsPass = false;
          passRoot = null;
          stats.passes++;
          passDone?.();
        }
      } else if (!chunk) break; // paused at the deadline
    }
    if (fruitful) return true;
    return walk || ready.size > 0 ? null : false;
  }

  function runSlice(end: number, start: number): void {
    stats.slices++;
    checkUrl();
    const found = work(end);
    if (found === true) stats.fruitless = 0;
    else if (found === false) stats.fruitless++;
    lastSliceEnd = now();
    const took = lastSliceEnd - start;
    stats.totalSliceMs += took;
    if (took > stats.longestSliceMs) stats.longestSliceMs = took;
  }

  function slice(deadline: IdleDeadline | undefined): void {
    idleHandle = null;
    if (!running) return;
    if (isContextValid && !isContextValid()) {
      stop();
      return;
    }
    const start = now();
    const budget = deadline && !deadline.didTimeout ? Math.min(sliceMs, Math.max(1, deadline.timeRemaining())) : sliceMs;
    runSlice(start + budget, start);
    // A walk under way (or roots left over) is a backlog: the next slice comes at the next idle
    // period, without the gap (the gap coalesces mutations; there are none to wait for here).
    if (walk || ready.size > 0) continueSoon();
    else if (buffer.size + filtering.size > 0) schedule(false);
  }

  function poll(): void {
    if (isContextValid && !isContextValid()) stop();
    else if (host.location.href !== lastUrl) schedule(true);
  }

  const onNavigationSignal = () => schedule(true);
  const onAbort = () => stop();

  function start(): void {
    if (running || signal?.aborted) return;
    running = true;
    lastUrl = host.location.href;
    observer = new host.MutationObserver(onMutations);
    // No attributes: attribute-only mutations never reach us.
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    host.addEventListener('popstate', onNavigationSignal);
    host.addEventListener('hashchange', onNavigationSignal);
    host.navigation?.addEventListener('navigatesuccess', onNavigationSignal);
    host.navigation?.addEventListener('currententrychange', onNavigationSignal);
    host.navigation?.addEventListener('navigate', onNavigationSignal);
    signal?.addEventListener('abort', onAbort);
    pollHandle = host.setInterval(poll, pollMs);
    queuePass();
    // The consumer starts once the page is parsed (a content script at document_end, while the page
    // still loads its images, fonts and scripts): the first slice, the start of the page that the
    // reader sees first, runs in a task of its own at once rather than at the next idle period,
    // which a page still loading may not have for 200 ms.
    sliceAfter(0);
  }

  function stop(): void {
    if (!running) return;
    running = false;
    observer?.disconnect();
    observer = null;
    cancelSlice();
    if (pollHandle !== null) host.clearInterval(pollHandle);
    pollHandle = null;
    host.removeEventListener('popstate', onNavigationSignal);
    host.removeEventListener('hashchange', onNavigationSignal);
    host.navigation?.removeEventListener('navigatesuccess', onNavigationSignal);
    host.navigation?.removeEventListener('currententrychange', onNavigationSignal);
    host.navigation?.removeEventListener('navigate', onNavigationSignal);
    signal?.removeEventListener('abort', onAbort);
    dropWork();
  }

  function flush(): void {
    if (!running || !observer) return;
    onMutations(observer.takeRecords());
    const start = now();
    runSlice(Infinity, start);
  }

  const pending = () => buffer.size + filtering.size + ready.size + (walk ? 1 : 0);

  return {
    start,
    stop,
    flush,
    rescan() {
      if (!running) return;
      dropWork();
      navigate(host.location.href);
      queuePass();
      sliceAfter(0);
    },
    stats: () => ({ running, ...stats, passing: passRoot !== null, pending: pending(), gapMs: gapMs() }),
  };
}
