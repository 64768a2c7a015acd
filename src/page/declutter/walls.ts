/**
 * Ad-blocker walls: the overlays and modals that ask the reader to disable an ad blocker, the
 * scroll locks they set, and the hiding, dimming or blurring of the page they add: found here,
 * undone and watched by ./walls-undo.ts. Undone only
 * through {@link Marks} (data attributes and one stylesheet; no page node is removed), and only
 * on a page where a wall was found.
 *
 * A wall is an element that shows, is not ours, does not hold the article (or most of the page's
 * text), whose own text is an ad-block appeal ({@link isAdblockAppeal}), and which is one of:
 *  - a known vendor message container (Google Funding Choices `.fc-ab-root`, Sourcepoint
 *    `[id^=sp_message_container]`, Piano/Tinypass `.tp-modal`): the appeal test is what tells
 *    an ad-block message from the same vendor's consent message or paywall;
 *  - a dialog: `role=dialog|alertdialog`, `aria-modal=true`, `<dialog open>`;
 *  - an overlay: position fixed, absolute or sticky, a high z-index (≥ 100, or the highest among
 *    the top-level elements), covering ≥ 30 % of the viewport or a centred box;
 *  - on a page whose content a script hid (bait-based detectors): an appeal box near the top of
 *    <body>, even in the flow.
 * Its backdrop is a text-less fixed or absolute full-viewport sibling of the wall or of one of its
 * ancestors, at a z-index at most the wall's (or with a known backdrop class).
 *
 * Cost: one attribute walk over the document ({@link isCandidate}), getComputedStyle only for the
 * elements down to depth 3 under <body> and for the candidates (both bounded), boxes only for the
 * positioned ones, and the text test only for what passes those, on at most a few KB each. Writes
 * are batched after the reads. Typically well under a millisecond once the code is warm.
 *
 * Gates (./gates: paywalls, login and consent gates) are never walls, and a wall is only an
 * appeal clearly apart from any gate: neither one, nor inside one, nor holding one, and with no
 * gate wording. While a gate shows on the page, walls are hidden but nothing else is undone: no
 * backdrop hidden, no scroll lock undone, no content shown again (what we had undone before the
 * gate came is put back): the lock or blur may be the gate's.
 *
 * Not undone: a modal `<dialog>` opened with showModal() is hidden and the page scrolls again, but
 * the browser keeps the rest of the page inert until the dialog is closed (marks never call page
 * APIs). Appeals inside cross-origin iframes or closed shadow roots cannot be read, so such walls
 * are left alone.
 */
import { OWN_UI_ATTR } from '../own-ui';
import { APPEAL_TEXT_LIMIT, isAdblockAppeal } from './appeals';
import { findGates, gateMarker, gateRelated, gateText, gateWording, isGateText, pageGates } from './gates';
import { DECLUTTER_ATTR } from './marks';

export interface WallOptions {
  /** The article's root, when known: never hidden, never inside a wall; its ancestors are where content hiding is undone. */
  article?: Element | null;
}

export type WallReason = 'vendor' | 'dialog' | 'overlay' | 'bait';
export type WallVendor = 'funding-choices' | 'sourcepoint' | 'piano';

export interface WallFinding {
  /** The element to hide (the outermost one found). */
  el: Element;
  reason: WallReason;
  vendor: WallVendor | null;
  /** Text-less full-viewport layers under the wall. */
  backdrops: Element[];
  /** The wall's effective z-index (the highest along its ancestors), 0 for auto. */
  z: number;
}

/** Known vendor message containers. Their appeal text decides, as for any candidate. */
export const VENDOR_SELECTORS: Readonly<Record<WallVendor, string>> = {
  'funding-choices': '.fc-ab-root',
  sourcepoint: '[id^="sp_message_container"]',
  piano: '.tp-modal',
};
/** Class and id names of ad-block notices. */
export const ADBLOCK_NAME_RE = /ad-?block|ad_block|adblk|anti-?adb|fc-ab-root|sp_message_container/i;
/** Class and id names of overlays in general (and the vendors' containers). */
const OVERLAY_NAME_RE = /modal|popup|overlay|lightbox|interstitial/i;
/** Inline styles that detector scripts set. */
const OVERLAY_STYLE_RE = /fixed|z-index/i;

/** Whether `el` has dialog semantics: role dialog or alertdialog, aria-modal, an open <dialog>. */
export function isDialog(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    role === 'dialog' ||
    role === 'alertdialog' ||
    el.getAttribute('aria-modal') === 'true' ||
    (el.tagName === 'DIALOG' && el.hasAttribute('open'))
  );
}

/** Whether `el` carries an ad-block notice's class or id. */
export function hasAdblockName(el: Element): boolean {
  const cls = el.getAttribute('class');
  return (!!cls && ADBLOCK_NAME_RE.test(cls)) || (!!el.id && ADBLOCK_NAME_RE.test(el.id));
}

/**
 * Whether `el` is looked at wherever it is (not only near the top of <body>): a vendor container,
 * a dialog, an ad-block or overlay name, an inline fixed position or z-index. Attribute tests
 * only: a walk with these is several times cheaper than the equivalent selector.
 */
export function isCandidate(el: Element): boolean {
  if (isDialog(el)) return true;
  const cls = el.getAttribute('class');
  if (cls && (ADBLOCK_NAME_RE.test(cls) || OVERLAY_NAME_RE.test(cls))) return true;
  const id = el.id;
  if (id && (ADBLOCK_NAME_RE.test(id) || OVERLAY_NAME_RE.test(id))) return true;
  const style = el.getAttribute('style');
  return !!style && OVERLAY_STYLE_RE.test(style);
}

/** The elements under `root` that pass `test`, in document order, bounded; script, style and SVG insides are skipped. */
function collect(root: Document | Element, test: (el: Element) => boolean, limit = SELECTOR_LIMIT): Element[] {
  const out: Element[] = [];
  const top = root.nodeType === ELEMENT ? (root as Element) : (root as Document).documentElement;
  let el: Element | null = top.firstElementChild;
  for (let visited = 0; el && visited < VISIT_LIMIT && out.length < limit; visited++) {
    if (test(el)) out.push(el);
    // Pre-order: down, else along, else up and along.
    let next: Element | null = SKIP_TAGS.has(el.tagName) ? null : el.firstElementChild;
    while (!next && el && el !== top) {
      next = el.nextElementSibling;
      el = el.parentElement;
    }
    el = next;
  }
  return out;
}

/** Backdrops by name (still only when text-less and covering the viewport). */
export const BACKDROP_SELECTOR =
  '.modal-backdrop, .tp-backdrop, .fc-dialog-overlay, [class*="backdrop" i], [class*="overlay" i], [class*="dimmer" i]';
/** Classes of <html> or <body> that lock scrolling. */
export const LOCK_CLASS_RE =
  /(?:^|\s)(?:modal-open|no-?scroll|overflow-hidden|scroll-?lock(?:ed)?|lock-?scroll|tp-modal-open|has-modal|is-locked|disable-?scroll|stop-scrolling|popup-open|overlay-open|fc-ab-\S+|adblock\S*|ad-block\S*)(?=\s|$)/i;

/** Walls sit this high (or highest among the top-level elements). */
const MIN_Z = 100;
/** Depth under <body> of the elements whose computed style is read. */
const WALK_DEPTH = 3;
const WALK_LIMIT = 400;
const SELECTOR_LIMIT = 150;
/** Elements a document-wide attribute walk looks at, at most. */
const VISIT_LIMIT = 30_000;
const SIBLING_LIMIT = 200;
/** A wall's text is short: a box near the top of <body> with more than this is not an appeal box. */
const BAIT_TEXT_MAX = 2000;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'HEAD', 'SVG', 'svg', 'CANVAS', 'VIDEO', 'AUDIO']);
export const ELEMENT = 1;
const TEXT = 3;

/** Whether `el` has a lock class ({@link LOCK_CLASS_RE}). */
export function hasLockClass(el: Element | null): boolean {
  return !!el && LOCK_CLASS_RE.test(el.getAttribute('class') ?? '');
}

/**
 * The text a reader of `el` sees or hears, bounded: text nodes outside script and style, its
 * aria-label, image alts, iframe titles and same-origin iframe text, open shadow roots. Our own
 * UI is skipped.
 */
export function wallText(el: Element, limit = APPEAL_TEXT_LIMIT): string {
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  const push = (s: string | null | undefined) => {
    if (!s) return;
    const t = s.trim();
    if (!t) return;
    parts.push(t);
    length += t.length + 1;
  };
  push(el.getAttribute('aria-label'));
  const stack: Node[] = [el];
  for (let node = stack.pop(); node && length < limit && nodes++ < 5000; node = stack.pop()) {
    if (node.nodeType === TEXT) {
      push(node.nodeValue);
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 11) continue;
    if (node.nodeType === ELEMENT) {
      const e = node as Element;
      if (SKIP_TAGS.has(e.tagName) || e.hasAttribute(OWN_UI_ATTR)) continue;
      if (e !== el && e.hasAttribute('aria-label') && e.tagName !== 'A') push(e.getAttribute('aria-label'));
      if (e.tagName === 'IMG') push(e.getAttribute('alt'));
      if (e.tagName === 'IFRAME') {
        push(e.getAttribute('title'));
        try {
          const body = (e as HTMLIFrameElement).contentDocument?.body;
          if (body) stack.push(body);
        } catch {
          /* cross-origin: its title is all we can read */
        }
      }
      const shadow = (e as HTMLElement).shadowRoot as ShadowRoot | null | undefined;
      if (shadow) stack.push(shadow);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return parts.join(' ').slice(0, limit);
}

/** Whether `el` is a wall no matter its text would never be hidden: ours, the page's roots, or holding the article. */
function untouchable(el: Element, doc: Document, article: Element | null | undefined): boolean {
  if (el === doc.documentElement || el === doc.body || el.tagName === 'HEAD' || el.tagName === 'MAIN') return true;
  if (el.closest(`[${OWN_UI_ATTR}], head`)) return true;
  if (article && (el === article || el.contains(article))) return true;
  return !!el.querySelector('main, [role="main"]');
}

/** The vendor whose container `el` is, or null. */
export function vendorOf(el: Element): WallVendor | null {
  for (const [vendor, selector] of Object.entries(VENDOR_SELECTORS) as [WallVendor, string][]) if (el.matches(selector)) return vendor;
  return null;
}

/**
 * The candidates ({@link isCandidate}: vendor containers, dialogs, ad-block and overlay names)
 * whose text is an ad-block appeal and which could be hidden at all. No style or layout is read:
 * this is the half of {@link findWalls} that a DOM without layout can answer.
 */
export function appealCandidates(doc: Document, opts: WallOptions = {}): Element[] {
  const out: Element[] = [];
  let gates: Element[] | null = null;
  for (const el of collect(doc, isCandidate)) {
    if (untouchable(el, doc, opts.article) || out.some((o) => o.contains(el))) continue;
    const text = wallText(el);
    if (isAdblockAppeal(text) && isWallAppeal(el, text, (gates ??= pageGates(doc)))) out.push(el);
  }
  return out;
}

/**
 * Whether `el`, whose text is `text`, is an ad-block appeal clearly apart from any gate: an appeal
 * ({@link isAdblockAppeal}: mixed wording is not), no gate wording, no gate marker on it or an
 * ancestor, no gate inside it, and not part of any of the page's `gates` (a gate's heading "We
 * noticed you use an ad blocker" is not a wall of its own).
 */
export function isWallAppeal(el: Element, text: string, gates: readonly Element[] = pageGates(el.ownerDocument)): boolean {
  if (!isAdblockAppeal(text) || isGateText(text) || gateRelated(el, gates)) return false;
  for (let a: Element | null = el; a; a = a.parentElement) if (gateMarker(a) !== null) return false;
  return findGates(el).length === 0;
}

/** Whether `el` shows: displayed, visible, with a box (or, for a box-less container, a shown child). */
function showing(el: Element, style: (el: Element) => CSSStyleDeclaration): boolean {
  const box = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const s = style(el);
  if (s.display === 'none') return false;
  if (s.visibility === 'visible' && box(el)) return true;
  let n = 0;
  for (let c = el.firstElementChild; c && n < 40; c = c.nextElementSibling, n++) {
    const cs = style(c);
    if (cs.display !== 'none' && cs.visibility === 'visible' && box(c)) return true;
  }
  return false;
}

/** The gates showing on the page now (./gates), none of them inside what we hid. */
export function shownGates(doc: Document, view: Window): Element[] {
  const style = (el: Element) => view.getComputedStyle(el);
  return pageGates(doc).filter((g) => !g.closest(`[${DECLUTTER_ATTR}]`) && showing(g, style));
}

/** A consent layer over this share of the viewport is in the reader's way (a consent wall), not a notice beside the page. */
const BLOCKING_COVERAGE = 0.5;

/**
 * Whether a shown gate keeps the page from the reader, so that nothing it may have locked, hidden
 * or blurred is undone: every paywall and login gate; a consent notice only when it is modal
 * (aria-modal, a modal <dialog>) or lies over half the viewport (itself, or a layer of it such as
 * its backdrop). An ordinary cookie bar leaves the page usable: an ad-block wall beside it is still
 * undone in full.
 */
export function blockingGate(gate: Element, view: Window): boolean {
  const kind = gateMarker(gate) ?? gateWording(gateText(gate));
  if (kind !== 'consent') return true;
  if (gate.getAttribute('aria-modal') === 'true' || (gate.tagName === 'DIALOG' && gate.matches(':modal'))) return true;
  const vw = view.innerWidth || 1;
  const vh = view.innerHeight || 1;
  const covers = (el: Element) => {
    const s = view.getComputedStyle(el);
    if (s.position !== 'fixed' && s.position !== 'absolute') return false;
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    return (w * h) / (vw * vh) >= BLOCKING_COVERAGE;
  };
  if (covers(gate)) return true;
  let n = 0;
  for (const el of gate.querySelectorAll('*')) {
    if (++n > 60) break;
    if (el.getAttribute('aria-modal') === 'true' || covers(el)) return true;
  }
  return false;
}

interface Verdict {
  el: Element;
  z: number;
  reason: WallReason;
  vendor: WallVendor | null;
}

/** One scan: computed styles and text verdicts cached for its duration. */
export class Scan {
  readonly doc: Document;
  readonly view: Window;
  readonly article: Element | null | undefined;
  readonly vw: number;
  readonly vh: number;
  private readonly styles = new Map<Element, CSSStyleDeclaration>();
  private readonly appeals = new Map<Element, boolean>();
  private bodyTextLength = -1;
  private pageGates: Element[] | null = null;
  /** The highest z-index among the positioned top-level elements seen. */
  maxZ = 0;

  constructor(doc: Document, view: Window, article: Element | null | undefined) {
    this.doc = doc;
    this.view = view;
    this.article = article;
    this.vw = doc.documentElement.clientWidth || view.innerWidth || 1;
    this.vh = view.innerHeight || doc.documentElement.clientHeight || 1;
  }

  style(el: Element): CSSStyleDeclaration {
    let s = this.styles.get(el);
    if (!s) {
      s = this.view.getComputedStyle(el);
      this.styles.set(el, s);
    }
    return s;
  }

  /** The highest numeric z-index of `el` and its ancestors up to <body>. */
  z(el: Element): number {
    let z = 0;
    for (let e: Element | null = el; e && e !== this.doc.body && e !== this.doc.documentElement; e = e.parentElement) {
      const v = parseInt(this.style(e).zIndex, 10);
      if (Number.isFinite(v) && v > z) z = v;
    }
    return z;
  }

  /** Displayed, not visibility-hidden, with a box (or, for a box-less container, a shown descendant). */
  shown(el: Element): boolean {
    const s = this.style(el);
    if (s.display === 'none') return false;
    const hasBox = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    if (s.visibility !== 'hidden' && s.visibility !== 'collapse' && hasBox(el)) return true;
    // A container whose children are all fixed has no box of its own: look at its first descendants.
    return topLevel(this.doc, el, 2)
      .slice(0, 40)
      .some((d) => hasBox(d) && this.style(d).visibility === 'visible');
  }

  isAppeal(el: Element): boolean {
    let v = this.appeals.get(el);
    if (v === undefined) {
      const text = wallText(el);
      v = isAdblockAppeal(text) && isWallAppeal(el, text, (this.pageGates ??= pageGates(this.doc)));
      // A candidate with more text than an appeal box could be the page: not if it holds most of it.
      if (v && text.length >= APPEAL_TEXT_LIMIT) v = el.textContent.length < 0.5 * this.bodyText();
      this.appeals.set(el, v);
    }
    return v;
  }

  bodyText(): number {
    if (this.bodyTextLength < 0) this.bodyTextLength = (this.doc.body as HTMLElement | null)?.textContent.length ?? 0;
    return this.bodyTextLength;
  }

  /** Fraction of the viewport the box of `el` could cover (its size against the viewport's). */
  coverage(r: DOMRect): number {
    return (Math.min(r.width, this.vw) * Math.min(r.height, this.vh)) / (this.vw * this.vh);
  }

  /** An overlay: positioned, high, and covering or centred. */
  overlay(el: Element, maxZ: number): number | null {
    const s = this.style(el);
    if (s.position !== 'fixed' && s.position !== 'absolute' && s.position !== 'sticky') return null;
    const z = this.z(el);
    if (z < MIN_Z && !(z > 0 && z >= maxZ)) return null;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return null;
    const centreX = (r.left + r.right) / 2;
    const centred =
      Math.abs(centreX - this.vw / 2) <= 0.15 * this.vw &&
      r.width >= 160 &&
      r.height >= 80 &&
      (s.position !== 'fixed' || (r.top < this.vh * 0.75 && r.bottom > this.vh * 0.25));
    return this.coverage(r) >= 0.3 || centred ? z : null;
  }
}

/** The elements under <body> down to {@link WALK_DEPTH}, plus stray children of <html>; bounded. */
function topLevel(doc: Document, root: Element | null = doc.body, depth = WALK_DEPTH): Element[] {
  const out: Element[] = [];
  if (!root) return out;
  let level: Element[] = [root];
  for (let d = 0; d < depth && out.length < WALK_LIMIT; d++) {
    const next: Element[] = [];
    for (const parent of level) {
      for (let c = parent.firstElementChild; c && out.length < WALK_LIMIT; c = c.nextElementSibling) {
        if (SKIP_TAGS.has(c.tagName) || c.hasAttribute(OWN_UI_ATTR)) continue;
        out.push(c);
        next.push(c);
      }
    }
    level = next;
  }
  if (root === doc.body) {
    for (let c = doc.documentElement.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== doc.body && c !== doc.head && !SKIP_TAGS.has(c.tagName) && !c.hasAttribute(OWN_UI_ATTR)) out.push(c);
    }
  }
  return out;
}

/** Depth of `el` under <body> (1 for a child of body), or Infinity past `max`. */
function depthUnderBody(doc: Document, el: Element, max = WALK_DEPTH): number {
  let d = 0;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e === doc.body || e === doc.documentElement) return d;
    if (++d > max) return Infinity;
  }
  return Infinity;
}

/** Judges candidates: vendor and dialog ones on their text, the others as overlays first. */
function judge(scan: Scan, candidates: Iterable<Element>, named: Set<Element>, maxZ: number): Verdict[] {
  const out: Verdict[] = [];
  const seen = new Set<Element>();
  for (const el of candidates) {
    if (seen.has(el)) continue;
    seen.add(el);
    if (el.hasAttribute(DECLUTTER_ATTR) || untouchable(el, scan.doc, scan.article)) continue;
    const vendor = named.has(el) ? vendorOf(el) : null;
    const dialog = named.has(el) && !vendor && isDialog(el);
    let z: number | null;
    let reason: WallReason;
    if (vendor || dialog) {
      if (scan.style(el).display === 'none') continue;
      z = scan.z(el);
      reason = vendor ? 'vendor' : 'dialog';
    } else {
      z = scan.overlay(el, maxZ);
      reason = 'overlay';
    }
    if (z === null || !scan.shown(el) || !scan.isAppeal(el)) continue;
    out.push({ el, z, reason, vendor });
  }
  return out;
}

/** The outermost of nested verdicts. */
function outermost(verdicts: Verdict[]): Verdict[] {
  return verdicts.filter((v) => !verdicts.some((o) => o !== v && o.el.contains(v.el)));
}

/** Text-less full-viewport layers beside the wall or its ancestors, at most as high. */
function backdropsOf(scan: Scan, wall: Verdict, walls: Verdict[]): Element[] {
  const out: Element[] = [];
  let looked = 0;
  for (let node: Element | null = wall.el; node && node !== scan.doc.body && node !== scan.doc.documentElement; node = node.parentElement) {
    const parent: Element | null = node.parentElement;
    if (!parent) break;
    for (let s: Element | null = parent.firstElementChild; s && looked < SIBLING_LIMIT; s = s.nextElementSibling) {
      if (s === node || SKIP_TAGS.has(s.tagName) || s.hasAttribute(DECLUTTER_ATTR) || walls.some((w) => w.el === s)) continue;
      looked++;
      const st = scan.style(s);
      if ((st.position !== 'fixed' && st.position !== 'absolute') || st.display === 'none') continue;
      const known = s.matches(BACKDROP_SELECTOR);
      const z = scan.z(s);
      if (!known && (z < 1 || z > wall.z)) continue;
      const r = s.getBoundingClientRect();
      if (scan.coverage(r) < 0.9 || untouchable(s, scan.doc, scan.article)) continue;
      if (s.textContent.trim().length > 20 || s.querySelector('img, video, iframe, a[href], input, button')) continue;
      out.push(s);
    }
  }
  return out;
}

/** An element whose own style hides, dims or blurs what it holds. */
export function concealed(style: CSSStyleDeclaration, allowDisplay: boolean): string[] {
  const props: string[] = [];
  if (allowDisplay && style.display === 'none') props.push('display');
  if (style.visibility === 'hidden' || style.visibility === 'collapse') props.push('visibility');
  if (parseFloat(style.opacity) < 0.3) props.push('opacity');
  if (/blur\(\s*(?!0(?:px)?\s*\))/.test(style.filter)) props.push('filter');
  if (style.pointerEvents === 'none') props.push('pointer-events');
  return props;
}

/** <html>, <body>, then the article's ancestors top-down (or those of a guess at the content). */
function contentChain(doc: Document, article: Element | null | undefined): HTMLElement[] {
  const out: HTMLElement[] = [doc.documentElement];
  const body = doc.body as HTMLElement | null;
  if (!body) return out;
  out.push(body);
  const root = article ?? doc.querySelector('[itemprop="articleBody"], article, main, [role="main"]');
  if (root && root !== body && body.contains(root)) {
    const chain: HTMLElement[] = [];
    for (let e: Element | null = root; e && e !== body && chain.length < 40; e = e.parentElement) chain.push(e as HTMLElement);
    out.push(...chain.reverse());
  }
  return out;
}

/**
 * The page's content elements that are hidden, dimmed or blurred now, top-down: <html>, <body>,
 * the content chain, and children of <body> holding ≥ 30 % of its text (the wrapper a bait
 * detector hides). `style` reads computed styles (cached by a scan, or live).
 */
export function concealedContent(
  doc: Document,
  article: Element | null | undefined,
  style: (el: Element) => CSSStyleDeclaration,
): HTMLElement[] {
  const chain = contentChain(doc, article);
  const out = chain.filter((el, i) => concealed(style(el), i > 1).length > 0);
  const body = doc.body as HTMLElement | null;
  if (!body) return out;
  let total = -1;
  let n = 0;
  for (let c = body.firstElementChild; c && n < 40; c = c.nextElementSibling, n++) {
    if (SKIP_TAGS.has(c.tagName) || c.hasAttribute(OWN_UI_ATTR) || c.hasAttribute(DECLUTTER_ATTR) || chain.includes(c as HTMLElement))
      continue;
    if (!concealed(style(c), true).length) continue;
    if (total < 0) total = body.textContent.length;
    if (c.textContent.length >= 0.3 * total) out.push(c as HTMLElement);
  }
  return out;
}

/** Bait-based detectors: content hidden, and an appeal box (positioned or not) near the top of <body>. */
function baitWalls(scan: Scan, extra: Element[]): Verdict[] {
  if (!concealedContent(scan.doc, scan.article, (el) => scan.style(el)).length) return [];
  const doc = scan.doc;
  const candidates = new Set<Element>(extra);
  for (const el of collect(doc, hasAdblockName)) candidates.add(el);
  for (const el of topLevel(doc, doc.body, 2)) candidates.add(el);
  const out: Verdict[] = [];
  for (const el of candidates) {
    if (!el.isConnected || el.hasAttribute(DECLUTTER_ATTR) || untouchable(el, doc, scan.article)) continue;
    const st = scan.style(el);
    if (st.display === 'none' || st.visibility === 'hidden' || concealed(st, true).length) continue;
    if (el.textContent.length > BAIT_TEXT_MAX || !scan.shown(el) || !scan.isAppeal(el)) continue;
    out.push({ el, z: scan.z(el), reason: 'bait', vendor: null });
  }
  return out;
}

function findings(scan: Scan, verdicts: Verdict[]): WallFinding[] {
  const walls = outermost(verdicts);
  return walls.map((w) => ({ el: w.el, reason: w.reason, vendor: w.vendor, z: w.z, backdrops: backdropsOf(scan, w, walls) }));
}

/** Scans the top level and the candidate selector; `maxZ` comes from the walk. */
export function scanDocument(scan: Scan): WallFinding[] {
  const doc = scan.doc;
  const walked = topLevel(doc);
  for (const el of walked) {
    const st = scan.style(el);
    if (st.position === 'fixed' || st.position === 'absolute' || st.position === 'sticky') {
      const z = parseInt(st.zIndex, 10);
      if (Number.isFinite(z) && z > scan.maxZ) scan.maxZ = z;
    }
  }
  const named = new Set(collect(doc, isCandidate));
  let verdicts = judge(scan, [...named, ...walked], named, scan.maxZ);
  if (!verdicts.length) verdicts = baitWalls(scan, []);
  return findings(scan, verdicts);
}

/** Walls showing in `doc` now (hidden ones are not found again). */
export function findWalls(doc: Document, view: Window, opts: WallOptions = {}): WallFinding[] {
  if (!(doc.body as HTMLElement | null)) return [];
  return scanDocument(new Scan(doc, view, opts.article));
}

/** Walls among elements added to the page: each, its ancestors near the top or named, and its named descendants. */
export function findWallsIn(doc: Document, view: Window, added: Element[], opts: WallOptions, maxZ: number): WallFinding[] {
  const body = doc.body as HTMLElement | null;
  if (!body) return [];
  const scan = new Scan(doc, view, opts.article);
  const candidates = new Set<Element>();
  const named = new Set<Element>();
  const consider = (el: Element) => {
    if (candidates.size >= SELECTOR_LIMIT * 2) return;
    if (isCandidate(el)) named.add(el);
    candidates.add(el);
  };
  for (const el of added) {
    if (!el.isConnected || !body.contains(el) || el === body || el.closest(`[${OWN_UI_ATTR}]`)) continue;
    for (let a: Element | null = el, d = 0; a && a !== body && d < 64; a = a.parentElement, d++) {
      if (candidates.has(a)) break;
      if (isCandidate(a) || depthUnderBody(doc, a) <= WALK_DEPTH) consider(a);
    }
    for (const d of collect(el, isCandidate, 50)) consider(d);
    for (const d of topLevel(doc, el, 2)) consider(d);
  }
  let verdicts = judge(scan, candidates, named, maxZ);
  if (!verdicts.length) verdicts = baitWalls(scan, [...candidates]);
  return findings(scan, verdicts);
}
