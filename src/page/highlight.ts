/**
 * Entity highlights through the CSS Custom Highlight API (Chrome 105+, Firefox 140+): the page's
 * DOM is never changed, so frameworks that re-render, diff or hash their markup see nothing. The
 * highlighter owns the Ranges, one stylesheet, and the listeners for hover, click and the
 * keyboard shortcut; what a hit opens (the hover card) is the caller's business, through
 * `onEnter` / `onLeave`.
 *
 * Keyboard: Alt+Shift+. steps to the next highlighted entity, Alt+Shift+, to the previous one
 * (physical keys, so any layout works; none of them is a Chrome or Firefox shortcut, and keys
 * typed into editable fields are left alone).
 */
import { OWN_UI_ATTR } from './own-ui';
import { type TextMap, rangeFor } from './text-map';

/** A matcher's result: [start, end) in `TextMap.text`, and what it is (an entity id). */
export interface Match {
  start: number;
  end: number;
  id: string;
}

/** A highlighted entity under the pointer or stepped to. */
export interface Hit {
  id: string;
  range: Range;
  /** The client rect of the range the pointer is over (or its first one). */
  rect: DOMRect;
}

export type Via = 'pointer' | 'click' | 'keyboard';

export interface HighlighterOptions {
  doc?: Document;
  /** The registry name; the stylesheet styles `::highlight(<name>)`. */
  name?: string;
  /** The pointer must rest this long on a highlight before `onEnter` (ms). */
  hoverDelay?: number;
  /**
   * Most ranges highlighted at once (default 1,500); later matches are not highlighted until dead
   * ranges make room. Chromium re-validates EVERY range of the registry in the first frame after
   * any change to it (about 0.015 ms per range on a loaded 2-core machine: 8,000 ranges make each
   * such frame a 130 ms long task), so a page with thousands of mentions must not get them all.
   */
  maxRanges?: number;
  /** A highlight was hovered, clicked or stepped to. */
  onEnter: (hit: Hit, via: Via) => void;
  /** The pointer left the highlight it had entered. */
  onLeave?: () => void;
}

export interface Highlighter {
  /** False when the browser lacks the API; every method is then a no-op. */
  readonly supported: boolean;
  /** Why it is unsupported, for the log. */
  readonly reason: string | null;
  /** How many ranges are highlighted. */
  readonly size: number;
  /**
   * Adds `matches` of `map` (duplicates of live ranges are skipped; a dead range at the same
   * place is replaced). Incremental: its cost follows `matches`, not the ranges already there, so
   * a page scanned in a hundred chunks costs no more than in one. Dead ranges (a re-render) are
   * dropped along the way, a bounded number per call (see `prune` for all at once). Stops at
   * `maxRanges`. Returns the number of ranges added.
   */
  update(map: TextMap, matches: readonly Match[]): number;
  /** Drops every range whose nodes left the document; returns how many were dropped. */
  prune(): number;
  /** Removes every range, the registry entry and the listeners (the stylesheet stays). */
  clear(): void;
  /** Off: the registry entry and listeners go at once, the ranges are kept for `true`. */
  setEnabled(on: boolean): void;
  /** Steps to the next (+1) or previous (-1) entity in reading order and enters it. */
  step(direction: 1 | -1): Hit | null;
  /** The entity at a client point, if the point is really over its text. */
  hitTest(x: number, y: number): Hit | null;
  /** Removes everything: ranges, registry entries, stylesheet, listeners. */
  dispose(): void;
}

interface Entry {
  id: string;
  range: Range;
  startNode: Text;
  endNode: Text;
  startOffset: number;
  endOffset: number;
}

const CSS_TEXT = (
  name: string,
) => `::highlight(${name}){background-color:rgba(255,196,0,.32);text-decoration:underline 2px rgba(214,140,0,.9)}
::highlight(${name}-active){background-color:rgba(255,170,0,.62);text-decoration:underline 2px #d97706}`;

/** Whether this browser has what the highlighter needs, or why not. */
export function highlightSupport(win: Window & typeof globalThis = window): string | null {
  // Feature detection is the point here: lib.dom declares these as always present.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  if (typeof win.CSS === 'undefined' || !win.CSS.highlights) return 'CSS Custom Highlight API (CSS.highlights) is missing';
  if (typeof win.Highlight !== 'function') return 'the Highlight constructor is missing';
  return null;
}

const NOOP: Highlighter = {
  supported: false,
  reason: null,
  size: 0,
  update: () => 0,
  prune: () => 0,
  clear: () => {},
  setEnabled: () => {},
  step: () => null,
  hitTest: () => null,
  dispose: () => {},
};

const contains = (r: DOMRect, x: number, y: number) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;

/** Creates a highlighter on `doc`; on browsers without the API, a no-op with `reason`. */
export function createHighlighter(opts: HighlighterOptions): Highlighter {
  const doc = opts.doc ?? document;
  const maybeWin = doc.defaultView;
  if (!maybeWin) return { ...NOOP, reason: 'the document has no window' };
  const win = maybeWin;
  const reason = highlightSupport(win);
  if (reason !== null) return { ...NOOP, reason };

  const name = opts.name ?? 'news-context';
  const hoverDelay = opts.hoverDelay ?? 120;
  const maxRanges = opts.maxRanges ?? 1500;
  const registry = win.CSS.highlights;
  const highlight = new win.Highlight();
  const active = new win.Highlight();
  active.priority = 1;
  const entries: Entry[] = [];
  /** Text node → the entries that touch it, for hit-testing. */
  const byNode = new Map<Text, Entry[]>();
  /** Shadow roots holding highlights, which need the stylesheet too (document styles stop at their border). */
  const styledRoots = new Set<Document | ShadowRoot>();
  let enabled = true;
  let listening = false;
  let disposed = false;
  let sheet: CSSStyleSheet | null = null;
  let styleEl: HTMLStyleElement | null = null;
  let hovered: Entry | null = null;
  let entered: Entry | null = null;
  let current: Entry | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;

  function styleRoot(root: Document | ShadowRoot): void {
    if (styledRoots.has(root)) return;
    styledRoots.add(root);
    const css = CSS_TEXT(name);
    try {
      // A constructed sheet in adoptedStyleSheets: pages rewriting <head> cannot remove it.
      sheet ??= new win.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Older engines, or Firefox's content-script wrappers refusing the array: a <style> instead.
    }
    const el = doc.createElement('style');
    el.setAttribute(OWN_UI_ATTR, '');
    el.textContent = css;
    if (root === doc) {
      styleEl = el;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- documents without a head exist
      (doc.head ?? doc.documentElement).append(el);
    } else root.append(el);
  }

  function unstyle(): void {
    for (const root of styledRoots) {
      if (sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      if (root !== doc) for (const el of root.querySelectorAll(`style[${OWN_UI_ATTR}]`)) el.remove();
    }
    styleEl?.remove();
    styledRoots.clear();
  }

  const alive = (e: Entry) =>
    e.startNode.isConnected &&
    e.endNode.isConnected &&
    !e.range.collapsed &&
    e.range.startContainer === e.startNode &&
    e.range.endContainer === e.endNode &&
    e.range.startOffset === e.startOffset &&
    e.range.endOffset === e.endOffset;

  function index(e: Entry, add: boolean): void {
    for (const node of e.startNode === e.endNode ? [e.startNode] : nodesOf(e)) {
      const list = byNode.get(node);
      if (add) {
        if (list) list.push(e);
        else byNode.set(node, [e]);
      } else if (list) {
        const i = list.indexOf(e);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) byNode.delete(node);
      }
    }
  }

  /** The text nodes a multi-node range covers. */
  function nodesOf(e: Entry): Text[] {
    const out: Text[] = [];
    const walker = doc.createTreeWalker(e.range.commonAncestorContainer, 4 /* SHOW_TEXT */);
    walker.currentNode = e.startNode;
    for (let n: Node | null = e.startNode; n; n = walker.nextNode()) {
      out.push(n as Text);
      if (n === e.endNode) break;
    }
    return out;
  }

  function sync(): void {
    const want = enabled && !disposed && entries.length > 0;
    if (want) {
      if (registry.get(name) !== highlight) registry.set(name, highlight);
      if (current && registry.get(`${name}-active`) !== active) registry.set(`${name}-active`, active);
    } else {
      if (registry.get(name) === highlight) registry.delete(name);
      if (registry.get(`${name}-active`) === active) registry.delete(`${name}-active`);
    }
    if (want !== listening) listen(want);
  }

  function setCurrent(e: Entry | null): void {
    current = e;
    active.clear();
    if (e) active.add(e.range);
    sync();
    if (!e && registry.get(`${name}-active`) === active) registry.delete(`${name}-active`);
  }

  function hitOf(e: Entry, x?: number, y?: number): Hit | null {
    const rects = [...e.range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const rect = x === undefined || y === undefined ? rects[0] : rects.find((r) => contains(r, x, y));
    return rect ? { id: e.id, range: e.range, rect } : null;
  }

  function caretAt(x: number, y: number): { node: Node; offset: number } | null {
    const shadowRoots = [...styledRoots].filter((r): r is ShadowRoot => r !== doc);
    if (typeof doc.caretPositionFromPoint === 'function') {
      const p = doc.caretPositionFromPoint(x, y, { shadowRoots });
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- Chrome before 128 has only this
    const r = typeof doc.caretRangeFromPoint === 'function' ? doc.caretRangeFromPoint(x, y) : null;
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }

  function find(x: number, y: number): { entry: Entry; hit: Hit } | null {
    const caret = caretAt(x, y);
    if (!caret) return null;
    let candidates = caret.node.nodeType === 3 ? byNode.get(caret.node as Text) : undefined;
    // An engine that does not pierce shadow roots answers with the host's position in its parent:
    // check the highlights in shadow trees by geometry (there are none on most pages).
    if (!candidates && caret.node.nodeType === 1 && styledRoots.size > 1) {
      candidates = entries.filter((e) => e.startNode.getRootNode() !== doc);
    }
    for (const entry of candidates ?? []) {
      if (caret.node.nodeType === 3 && !entry.range.isPointInRange(caret.node, caret.offset)) continue;
      const hit = hitOf(entry, x, y);
      if (hit) return { entry, hit };
    }
    return null;
  }

  function hitTest(x: number, y: number): Hit | null {
    if (!enabled || disposed || entries.length === 0) return null;
    return find(x, y)?.hit ?? null;
  }

  function hover(): void {
    frame = 0;
    const found = find(lastX, lastY);
    const entry = found?.entry ?? null;
    if (entry === hovered) return;
    hovered = entry;
    clearTimeout(hoverTimer);
    if (entered && entry !== entered) {
      entered = null;
      opts.onLeave?.();
    }
    if (found) {
      hoverTimer = setTimeout(() => {
        if (hovered !== found.entry) return;
        entered = found.entry;
        opts.onEnter(found.hit, 'pointer');
      }, hoverDelay);
    }
  }

  const ownUi = (ev: Event) => ev.composedPath().some((n) => n instanceof win.Element && n.hasAttribute(OWN_UI_ATTR));

  // Only the user's own input opens or steps the card: a page can dispatch any event (isTrusted false), and
  // must not drive our UI (open a card, step through the names, learn what we found through it).
  const onPointerMove = (ev: PointerEvent) => {
    if (!ev.isTrusted || ev.pointerType === 'touch') return;
    if (ownUi(ev)) {
      // Over our card: the highlight is left, but the card keeps itself open (see card-host).
      if (hovered) {
        hovered = null;
        clearTimeout(hoverTimer);
      }
      return;
    }
    lastX = ev.clientX;
    lastY = ev.clientY;
    frame ||= win.requestAnimationFrame(hover);
  };

  const onPointerOut = (ev: PointerEvent) => {
    if (!ev.isTrusted || ev.relatedTarget !== null) return; // only leaving the window
    clearTimeout(hoverTimer);
    hovered = null;
    if (entered) {
      entered = null;
      opts.onLeave?.();
    }
  };

  const onClick = (ev: MouseEvent) => {
    if (!ev.isTrusted || ev.button !== 0 || ownUi(ev)) return;
    const found = find(ev.clientX, ev.clientY);
    if (!found) return;
    entered = hovered = found.entry;
    clearTimeout(hoverTimer);
    opts.onEnter(found.hit, 'click');
  };

  const editable = (t: EventTarget | null) =>
    t instanceof win.HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

  const onKeyDown = (ev: KeyboardEvent) => {
    if (!ev.isTrusted || !ev.altKey || !ev.shiftKey || ev.ctrlKey || ev.metaKey || ev.repeat) return;
    const dir = ev.code === 'Period' ? 1 : ev.code === 'Comma' ? -1 : 0;
    if (dir === 0 || editable(ev.composedPath()[0] ?? null)) return;
    if (step(dir)) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };

  function listen(on: boolean): void {
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    doc[method]('pointermove', onPointerMove as EventListener, { capture: true, passive: true });
    doc[method]('pointerout', onPointerOut as EventListener, { capture: true, passive: true });
    doc[method]('click', onClick as EventListener, true);
    win[method]('keydown', onKeyDown as EventListener, true);
    if (!on) {
      clearTimeout(hoverTimer);
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
      hovered = entered = null;
    }
  }

  /** Entries with a visible rect, in reading order (top to bottom, then left to right). */
  function readingOrder(): { entry: Entry; rect: DOMRect }[] {
    const out: { entry: Entry; rect: DOMRect; top: number }[] = [];
    for (const entry of entries) {
      const rect = hitOf(entry)?.rect;
      if (rect) out.push({ entry, rect, top: rect.top + win.scrollY });
    }
    return out.sort((a, b) => a.top - b.top || a.rect.left - b.rect.left);
  }

  function step(direction: 1 | -1): Hit | null {
    if (!enabled || disposed) return null;
    const order = readingOrder();
    if (order.length === 0) return null;
    const at = current ? order.findIndex((o) => o.entry === current) : -1;
    let next: number;
    if (at >= 0) next = (at + direction + order.length) % order.length;
    else {
      // Start from what is on screen: the first entity below the top of the viewport (or above, going back).
      const i = order.findIndex((o) => o.rect.top >= 0);
      next = direction === 1 ? (i < 0 ? 0 : i) : (i <= 0 ? order.length : i) - 1;
    }
    const target = order[next];
    if (!target) return null;
    const { entry } = target;
    setCurrent(entry);
    reveal(entry);
    const hit = hitOf(entry);
    if (!hit) return null;
    entered = entry;
    opts.onEnter(hit, 'keyboard');
    return hit;
  }

  /** Scrolls the entry into the middle of the view (its scrollable ancestors first), at once. */
  function reveal(e: Entry): void {
    const el = e.startNode.parentElement;
    let rect = e.range.getBoundingClientRect();
    const view = win.innerHeight;
    if (rect.top >= 0 && rect.bottom <= view) return;
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    rect = e.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > view) win.scrollBy({ top: rect.top - view / 2, behavior: 'instant' });
  }

  /** Removes `entries[i]` everywhere. */
  function drop(i: number): void {
    const e = entries[i];
    if (!e) return;
    entries.splice(i, 1);
    highlight.delete(e.range);
    index(e, false);
    if (current === e) setCurrent(null);
    if (hovered === e) hovered = null;
    if (entered === e) entered = null;
  }

  function prune(): number {
    let dropped = 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (!e || alive(e)) continue;
      drop(i);
      dropped++;
    }
    sync();
    return dropped;
  }

  /** Where the bounded pruning of `update` goes on: it visits every entry in turn, a few per call. */
  let pruneAt = 0;

  /** Checks up to `budget` entries (round robin from where the last call stopped) and drops the dead. */
  function pruneSome(budget: number): void {
    for (let checked = 0; checked < budget && entries.length > 0; checked++) {
      if (pruneAt >= entries.length) pruneAt = 0;
      const e = entries[pruneAt];
      if (e && !alive(e)) drop(pruneAt);
      else pruneAt++;
    }
  }

  function update(map: TextMap, matches: readonly Match[]): number {
    if (disposed) return 0;
    pruneSome(64 + 2 * matches.length);
    let added = 0;
    for (const m of matches) {
      if (entries.length >= maxRanges) break;
      const range = rangeFor(map, m.start, m.end);
      if (!range) continue;
      const startNode = range.startContainer as Text;
      const endNode = range.endContainer as Text;
      const same = byNode
        .get(startNode)
        ?.find(
          (e) =>
            e.startNode === startNode && e.startOffset === range.startOffset && e.endNode === endNode && e.endOffset === range.endOffset,
        );
      if (same) {
        if (alive(same)) continue;
        // Its text changed under it (the recorded offsets no longer hold): replace it.
        drop(entries.indexOf(same));
      }
      const entry: Entry = { id: m.id, range, startNode, endNode, startOffset: range.startOffset, endOffset: range.endOffset };
      entries.push(entry);
      highlight.add(range);
      index(entry, true);
      const root = startNode.getRootNode();
      if (root.nodeType === 11) styleRoot(root as ShadowRoot);
      added++;
    }
    styleRoot(doc);
    sync();
    return added;
  }

  function clear(): void {
    entries.length = 0;
    byNode.clear();
    highlight.clear();
    setCurrent(null);
    sync();
  }

  return {
    supported: true,
    reason: null,
    get size() {
      return entries.length;
    },
    update,
    prune,
    clear,
    setEnabled(on: boolean) {
      enabled = on;
      if (!on) setCurrent(null);
      sync();
    },
    step,
    hitTest,
    dispose() {
      clear();
      disposed = true;
      sync();
      unstyle();
    },
  };
}
