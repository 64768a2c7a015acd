/**
 * Undoing ad-blocker walls (split from ./walls.ts, which finds them): hide the walls and their
 * backdrops, undo the scroll locks and the hiding, dimming or blurring they add (never while a gate
 * is in the reader's way), and watch for walls that come (back). Only through {@link Marks}.
 */
import { DECLUTTER_ATTR, type DeclutterKind, ORIGINAL_STYLE_ATTR, UNHIDE_ATTR, UNLOCK_ATTR, type Marks } from './marks';
import {
  ELEMENT,
  Scan,
  type WallFinding,
  type WallOptions,
  blockingGate,
  concealed,
  concealedContent,
  findWalls,
  findWallsIn,
  hasLockClass,
  scanDocument,
  shownGates,
} from './walls';
/**
 * Puts back what undoing walls changed besides hiding them: scroll unlocks, shown content, inline
 * overrides (those of hidden walls stay). The originals stay recorded, so revert() is still exact.
 */
function relock(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${UNLOCK_ATTR}], [${UNHIDE_ATTR}]`))) {
    el.removeAttribute(UNLOCK_ATTR);
    el.removeAttribute(UNHIDE_ATTR);
  }
  for (const el of Array.from(doc.querySelectorAll(`[${ORIGINAL_STYLE_ATTR}]`))) {
    if (el.hasAttribute(DECLUTTER_ATTR)) continue;
    const original = el.getAttribute(ORIGINAL_STYLE_ATTR) ?? '';
    if (el.getAttribute('style') === original) continue;
    if (original) el.setAttribute('style', original);
    else el.removeAttribute('style');
  }
}

const locked = (s: CSSStyleDeclaration) => s.overflowY === 'hidden' || s.overflowY === 'clip';

/** The inline declarations that undo `props` (from {@link concealed}) on `el`. */
function unconceal(el: HTMLElement, props: string[]): Record<string, string> {
  const fix: Record<string, string> = {};
  for (const p of props) {
    // An inline `display: none` is removed (the page's own display comes back); else the browser's default.
    if (p === 'display') fix.display = el.style.getPropertyValue('display') === 'none' ? '' : 'revert';
    else if (p === 'visibility') fix.visibility = 'visible';
    else if (p === 'opacity') fix.opacity = '1';
    else if (p === 'filter') fix.filter = 'none';
    else fix['pointer-events'] = 'auto';
  }
  return fix;
}

/**
 * Hides the walls and backdrops found and, when any wall is (or was) hidden, undoes what walls do
 * to the page: scroll locks on <html> and <body> (computed overflow hidden or clip, position
 * fixed, lock classes) and the hiding, dimming or blurring of <body> and the content. What our
 * stylesheet cannot beat (an inline `!important`, or a more specific page rule) is overridden
 * inline. Reads and writes are batched: read everything, mark, read once more to see what the
 * marks did not undo, override that. Each read after a write costs the page a style recalc.
 */
function apply(doc: Document, view: Window, marks: Marks, found: WallFinding[], article: Element | null | undefined): void {
  const html = doc.documentElement;
  const body = doc.body as HTMLElement | null;
  const style = (el: Element) => view.getComputedStyle(el);
  const known = found.length > 0 || marks.counts().wall > 0;
  if (!known || !body) return;

  // A gate in the reader's way: hide the walls (each apart from any gate), undo nothing else, and put back what was undone before it came.
  if (shownGates(doc, view).some((g) => blockingGate(g, view))) {
    for (const w of found) marks.hide(w.el, 'wall');
    relock(doc);
    for (const w of found)
      if (style(w.el).display !== 'none' && 'style' in w.el) marks.overrideInline(w.el as HTMLElement, { display: 'none' });
    return;
  }

  // 1. Read: the locks, the reader's place, the concealed content (computed styles are clean after the scan).
  const hs = style(html);
  const bs = style(body);
  const fixedStyle = bs.position === 'fixed' ? bs : hs.position === 'fixed' ? hs : null;
  // A body fixed at `top: -Ypx` keeps the reader's place: scroll back there once it is unlocked.
  const restoreY = fixedStyle ? Math.max(0, -(parseFloat(fixedStyle.top) || 0)) : 0;
  const lock = locked(hs) || locked(bs) || !!fixedStyle || hasLockClass(html) || hasLockClass(body);
  const content = concealedContent(doc, article, style);
  // Inherited properties are undone where they were set, not on every descendant.
  const setHere = (el: HTMLElement, p: string) => {
    const ps = el.parentElement ? style(el.parentElement) : null;
    return !ps || !((p === 'visibility' && ps.visibility !== 'visible') || (p === 'pointer-events' && ps.pointerEvents === 'none'));
  };
  const toUnhide = content.filter((el) => concealed(style(el), false).some((p) => setHere(el, p)));

  // 2. Write: the marks.
  const hidden: Element[] = [];
  for (const w of found) {
    for (const el of [w.el, ...w.backdrops]) {
      marks.hide(el, el === w.el ? 'wall' : 'backdrop');
      hidden.push(el);
    }
  }
  if (lock && (!html.hasAttribute(UNLOCK_ATTR) || !body.hasAttribute(UNLOCK_ATTR))) marks.unlockScroll();
  for (const el of toUnhide) if (!el.hasAttribute(UNHIDE_ATTR)) marks.unhide(el);

  // 3. Read once more: what the stylesheet did not beat.
  const fixes: [HTMLElement, Record<string, string>][] = [];
  for (const el of hidden) if (style(el).display !== 'none' && 'style' in el) fixes.push([el as HTMLElement, { display: 'none' }]);
  if (lock) {
    for (const el of [html, body]) {
      const s = style(el);
      const fix: Record<string, string> = {};
      if (locked(s)) fix['overflow-y'] = 'auto';
      if (s.position === 'fixed') fix.position = 'static';
      if (fix['overflow-y'] && el.style.getPropertyPriority('height') === 'important') fix.height = 'auto';
      if (Object.keys(fix).length) fixes.push([el, fix]);
    }
  }
  for (const el of content) {
    const props = concealed(style(el), el !== html && el !== body);
    if (props.length) fixes.push([el, unconceal(el, props)]);
  }

  // 4. Write: the overrides.
  for (const [el, fix] of fixes) marks.overrideInline(el, fix);
  // Rare: an inline `display: none` removed, and a page rule still hides the element.
  for (const [el, fix] of fixes) if (fix.display === '' && style(el).display === 'none') marks.overrideInline(el, { display: 'revert' });
  if (lock && restoreY > 0 && (doc.scrollingElement?.scrollTop ?? 0) < 1) view.scrollTo(0, restoreY);
}

/** Finds the walls showing now and undoes them: walls and backdrops hidden, scrolling and visibility back. */
export function undoWalls(doc: Document, view: Window, marks: Marks, opts: WallOptions = {}): { walls: number } {
  apply(doc, view, marks, findWalls(doc, view, opts), opts.article);
  return { walls: marks.counts().wall };
}

export interface WatchOptions extends WallOptions {
  /** How long to keep watching for walls that come (back); 30 s by default. */
  durationMs?: number;
  /** Called with the number of hidden walls whenever the watch hides a wall (a new one, or one that came back) or that number changes. */
  onChange?: (walls: number) => void;
}

/** A re-check at most this often. */
const THROTTLE_MS = 250;
const MAX_BUFFER = 64;

/**
 * Watches for walls that appear or come back, for `durationMs`. Two MutationObservers only buffer:
 * one the nodes added anywhere, the other attribute changes of <html>, <body>, the hidden walls
 * and the content we showed again. A re-check runs at most every {@link THROTTLE_MS}: added nodes
 * are judged where they are (the node, its ancestors near the top or named, its named
 * descendants); a change to <html> or <body> (a lock class, a style) or a buffer overflow
 * re-scans the top level (bounded, as {@link findWalls}); a change to a hidden wall or to shown
 * content only re-applies the marks. Our own writes are not observed back. Call stop() before
 * `marks.revert()`. Returns stop().
 */
export function watchWalls(doc: Document, view: Window, marks: Marks, opts: WatchOptions = {}): () => void {
  const duration = opts.durationMs ?? 30_000;
  const now = () => view.performance.now();
  let added: Element[] = [];
  let full = false;
  let touched = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  let stopped = false;
  let count = marks.counts().wall;
  // Unknown until a full scan: until then an overlay needs z-index ≥ MIN_Z.
  let maxZ = Infinity;
  const ATTRS: MutationObserverInit = { attributes: true, attributeFilter: ['class', 'style', 'open', 'hidden', DECLUTTER_ATTR] };
  /** What we hid (with its kind), and everything whose attributes we watch. */
  const hidden = new Map<Element, DeclutterKind>();
  const watched = new Set<Element>();

  const watchMarked = () => {
    for (const el of Array.from(doc.querySelectorAll(`[${DECLUTTER_ATTR}="wall"], [${DECLUTTER_ATTR}="backdrop"]`))) {
      if (!hidden.has(el)) hidden.set(el, el.getAttribute(DECLUTTER_ATTR) === 'wall' ? 'wall' : 'backdrop');
    }
    for (const el of [...hidden.keys(), ...Array.from(doc.querySelectorAll(`[${UNHIDE_ATTR}], [${ORIGINAL_STYLE_ATTR}]`))]) {
      if (watched.has(el) || el === doc.documentElement || el === doc.body) continue;
      watched.add(el);
      attrs.observe(el, ATTRS);
    }
  };

  const flush = () => {
    timer = undefined;
    if (stopped) return;
    last = now();
    const batch = added;
    added = [];
    let found: WallFinding[] = [];
    if (full) {
      const scan = new Scan(doc, view, opts.article);
      found = (doc.body as HTMLElement | null) ? scanDocument(scan) : [];
      maxZ = scan.maxZ;
    } else if (batch.length) {
      found = findWallsIn(doc, view, batch, opts, maxZ);
    }
    full = touched = false;
    // Walls we hid that a script showed again: the attribute taken away, or an inline `display … !important`.
    for (const [el, kind] of hidden) {
      if (!el.isConnected) continue;
      if (!el.hasAttribute(DECLUTTER_ATTR)) marks.hide(el, kind);
      if (view.getComputedStyle(el).display !== 'none') marks.overrideInline(el as HTMLElement, { display: 'none' });
    }
    apply(doc, view, marks, found, opts.article);
    if (found.length) watchMarked();
    // What we just wrote is not news.
    tree.takeRecords();
    attrs.takeRecords();
    const c = marks.counts().wall;
    if (found.length || c !== count) {
      count = c;
      opts.onChange?.(c);
    }
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    timer = setTimeout(flush, Math.max(0, last + THROTTLE_MS - now()));
  };

  const tree = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        const el = n.nodeType === ELEMENT ? (n as Element) : n.parentElement;
        if (!el || el.tagName === 'STYLE' || el.tagName === 'SCRIPT' || el.tagName === 'LINK') continue;
        if (el === doc.body) observeRoots();
        if (added.length < MAX_BUFFER) added.push(el);
        else full = true;
      }
    }
    if (added.length || full) schedule();
  });
  const attrs = new MutationObserver((records) => {
    for (const r of records) {
      if (r.target === doc.documentElement || r.target === doc.body) full = true;
      else touched = true;
    }
    if (full || touched) schedule();
  });
  const observeRoots = () => {
    attrs.observe(doc.documentElement, ATTRS);
    const body = doc.body as HTMLElement | null;
    if (body) attrs.observe(body, ATTRS);
  };

  tree.observe(doc.documentElement, { childList: true, subtree: true });
  observeRoots();
  watchMarked();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    tree.disconnect();
    attrs.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    clearTimeout(deadline);
  };
  const deadline = setTimeout(stop, duration);
  return stop;
}
