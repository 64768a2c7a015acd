/**
 * Decides WHEN and WHAT the content script scans on a dynamic page (after gorhill/uBlock's
 * procedural filterer): a MutationObserver that only buffers nodes, work in slices of a few
 * milliseconds when the page is idle, only the new or changed subtrees handed to the consumer,
 * single-page-app navigations detected without touching the page's history, and a surveyor that
 * backs off while slices keep finding nothing. Pure DOM (no extension APIs).
 *
 * Contract with the consumer:
 * - `scan(roots)` gets the whole document (`[document.body]`, or `documentElement` before the
 *   body exists) on `start()` and right after each `navigate(url)`; otherwise only nodes added or
 *   changed since the last call: Elements and Text nodes (a Text root is a changed or added
 *   text node: read its `nodeValue`), connected, not inside (nor being) our own UI
 *   (`OWN_UI_ATTR`), a hidden / aria-hidden / contenteditable element or a non-text element
 *   (script, style, head, …), none inside another root of the same call or of a call still
 *   queued. A root's text may have been seen before
 *   (a page that re-inserts a node); the consumer dedups what it finds. `scan` may return
 *   `false` or `0` to say "nothing of interest in these roots": that feeds the back-off. Any other
 *   value (including `undefined`) counts as activity.
 * - `navigate(url)` is called once per same-document URL change (history.pushState/replaceState,
 *   back/forward, a hash route `#/…` or `#!…`; a plain in-page anchor `#section` is not a
 *   navigation). The consumer clears its per-page state there; the re-analysis input follows as
 *   `scan([document.body])` in the same slice.
 */
import { OWN_UI_ATTR } from './own-ui';
import { isSkipped } from './text-map';

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
  /** The Navigation API (Chrome 102+); absent elsewhere. */
  readonly navigation?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined;
  readonly performance: { now(): number };
}

export interface SchedulerOptions {
  /** The document to observe and scan. */
  root: Document;
  /** Scans `roots` (see the contract above). Return `false` or `0` when they held nothing new. */
  scan: (roots: Node[]) => unknown;
  /** The page's URL changed without a reload: clear per-page state. */
  navigate: (url: string) => void;
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
  /** Calls of `scan`, and the roots handed over in them. */
  scans: number;
  roots: number;
  /** Calls of `navigate`. */
  navigations: number;
  /** Mutation records dropped in the observer callback because they were inside our own UI. */
  ignored: number;
  /** Nodes buffered or queued, not yet handed over. */
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
  const { root, scan, navigate, signal, isContextValid } = options;
  const host = options.host ?? globalThis;
  const sliceMs = options.sliceMs ?? 4;
  const throttleMs = options.throttleMs ?? 100;
  const idleTimeoutMs = options.idleTimeoutMs ?? 200;
  const quietSlices = options.quietSlices ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 2000;
  const pollMs = options.pollMs ?? 1000;
  const now = () => host.performance.now();

  let running = false;
  let observer: Pick<MutationObserver, 'observe' | 'disconnect' | 'takeRecords'> | null = null;
  let idleHandle: number | null = null;
  let idleIsTimeout = false;
  let delayHandle: number | null = null;
  let pollHandle: number | null = null;
  let lastUrl = '';
  let lastSliceEnd = -Infinity;
  /** Mutation buffer (observer callback → slices), nodes being filtered, nodes ready for `scan`. */
  let buffer = new Set<Node>();
  const filtering = new Set<Node>();
  const ready = new Set<Node>();
  /** Average cost of one root in `scan`, to size the next call to the slice's remaining budget. */
  let msPerRoot = sliceMs / 4;
  const stats = { slices: 0, scans: 0, roots: 0, navigations: 0, ignored: 0, fruitless: 0, longestSliceMs: 0, totalSliceMs: 0 };

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
    } else {
      idleIsTimeout = true;
      idleHandle = host.setTimeout(() => slice(undefined), 1);
    }
  }

  function cancelSlice(): void {
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
    if (!running || idleHandle !== null) return;
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
    buffer.clear();
    filtering.clear();
    ready.clear();
    stats.navigations++;
    stats.fruitless = 0;
    navigate(href);
    ready.add(wholeDocument());
  }

  /** Whether `node` should be handed over: connected, not text-less, not inside our UI, nor inside a queued root. */
  function accept(node: Node): boolean {
    if (isElement(node)) {
      if (isSkipped(node)) return false; // the text map's definition: scanned and observed cannot drift apart
    } else if (node.nodeType !== 3 || !/\S/.test(node.nodeValue ?? '')) return false;
    let top: Node = node;
    for (let p = node.parentNode; p; p = p.parentNode) {
      if (filtering.has(p) || ready.has(p)) return false;
      if (isElement(p) && isSkipped(p)) return false;
      top = p;
    }
    return top === root;
  }

  /**
   * Filters the buffer into `ready`, then hands `ready` to `scan` in calls sized to the budget.
   * Returns whether this work found something (true), nothing (false), or is still filtering (null).
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
    let delivered = 0;
    let fruitful = false;
    while (ready.size > 0 && (delivered === 0 || now() < end)) {
      const want = Math.max(1, Math.min(512, Math.floor((end - now()) / msPerRoot)));
      const roots: Node[] = [];
      for (const n of ready) {
        ready.delete(n);
        if (n.isConnected) roots.push(n);
        if (roots.length >= want) break;
      }
      if (roots.length === 0) continue;
      const t = now();
      const result = scan(roots);
      msPerRoot = 0.7 * msPerRoot + (0.3 * Math.max(0.001, now() - t)) / roots.length;
      stats.scans++;
      stats.roots += roots.length;
      delivered += roots.length;
      if (result !== false && result !== 0) fruitful = true;
    }
    return fruitful;
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
    if (buffer.size + filtering.size + ready.size > 0) schedule(false);
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
    ready.add(wholeDocument());
    schedule(true);
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
    buffer.clear();
    filtering.clear();
    ready.clear();
  }

  function flush(): void {
    if (!running || !observer) return;
    onMutations(observer.takeRecords());
    const start = now();
    runSlice(Infinity, start);
  }

  return {
    start,
    stop,
    flush,
    stats: () => ({ running, ...stats, pending: buffer.size + filtering.size + ready.size, gapMs: gapMs() }),
  };
}
