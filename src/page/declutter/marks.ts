/**
 * The only way declutter changes a page: data attributes on the page's own elements and one
 * stylesheet of ours that gives them meaning. No page node is removed or moved, so "Show
 * everything" is exact: remove the attributes and the stylesheet, restore any inline style that
 * had to be overridden, and the page is as it was.
 */
import { OWN_UI_ATTR } from '../own-ui';

/** On an element hidden by declutter; the value says why. */
export const DECLUTTER_ATTR = 'data-nc-declutter';
export type DeclutterKind = 'wall' | 'backdrop' | 'boilerplate';
/** On <html> and <body> when a wall locked scrolling: scrolling comes back. */
export const UNLOCK_ATTR = 'data-nc-unlock';
/** On an element a wall hid, dimmed or blurred (often <body> or the article): it shows again. */
export const UNHIDE_ATTR = 'data-nc-unhide';
/** Holds an element's original inline style attribute while an `!important` inline lock is overridden. */
export const ORIGINAL_STYLE_ATTR = 'data-nc-original-style';

/**
 * Stylesheet rules. `!important` beats the page's own rules and its non-important inline styles;
 * an inline `!important` lock is the one case {@link Marks.overrideInline} handles.
 */
export const DECLUTTER_CSS = `
[${DECLUTTER_ATTR}] { display: none !important; }
html[${UNLOCK_ATTR}], body[${UNLOCK_ATTR}] {
  overflow: auto !important; overflow-x: hidden !important; overflow-y: auto !important;
  position: static !important; height: auto !important; max-height: none !important;
  touch-action: auto !important; pointer-events: auto !important;
}
[${UNHIDE_ATTR}] {
  visibility: visible !important; filter: none !important; opacity: 1 !important;
  pointer-events: auto !important; user-select: auto !important;
}
`;

export interface Marks {
  /** Hides `el` (a wall, its backdrop, or boilerplate). Returns false if it was already marked. */
  hide(el: Element, kind: DeclutterKind): boolean;
  /** Restores scrolling on <html> and <body>. */
  unlockScroll(): void;
  /** Undoes a wall's hiding, dimming or blurring of `el`. */
  unhide(el: Element): void;
  /**
   * Overrides inline `!important` declarations of `el` (e.g. `overflow: hidden !important` set
   * by a detector script), keeping the original attribute for {@link revert}.
   */
  overrideInline(el: HTMLElement, declarations: Record<string, string>): void;
  /** How many elements are hidden, per kind. */
  counts(): Record<DeclutterKind, number>;
  /** Whether `el` is hidden by declutter. */
  isHidden(el: Element): boolean;
  /** The kind `el` is hidden as, or null. */
  kindOf(el: Element): DeclutterKind | null;
  /** The elements this object hides as `kind` now. */
  marked(kind: DeclutterKind): Element[];
  /** Shows `el` again (a boilerplate verdict taken back when the article grew). */
  unmark(el: Element): void;
  /** Everything back as it was: attributes, overridden inline styles, and our stylesheet removed. */
  revert(): void;
}

const KINDS = new Set<string>(['wall', 'backdrop', 'boilerplate']);

/**
 * Marks on `doc`; the stylesheet is added on first use (into <head>, else <html>). With `adopt`,
 * the marks already on the page (left by an earlier declutter script in this document: the
 * walls-only script before the full one) become this object's, so that one revert undoes all.
 */
export function createMarks(doc: Document, { adopt = false }: { adopt?: boolean } = {}): Marks {
  const hidden = new Map<Element, DeclutterKind>();
  const unhidden = new Set<Element>();
  const overridden = new Set<HTMLElement>();
  let style: HTMLStyleElement | null = null;
  if (adopt) {
    for (const el of doc.querySelectorAll(`[${DECLUTTER_ATTR}]`)) {
      const kind = el.getAttribute(DECLUTTER_ATTR) ?? '';
      if (KINDS.has(kind)) hidden.set(el, kind as DeclutterKind);
    }
    for (const el of doc.querySelectorAll(`[${UNLOCK_ATTR}], [${UNHIDE_ATTR}]`)) unhidden.add(el);
    for (const el of doc.querySelectorAll(`[${ORIGINAL_STYLE_ATTR}]`)) overridden.add(el as HTMLElement);
    for (const el of doc.querySelectorAll(`style[${OWN_UI_ATTR}]`)) if (el.textContent === DECLUTTER_CSS) style = el as HTMLStyleElement;
  }
  const ensureStyle = () => {
    if (style?.isConnected) return;
    style = doc.createElement('style');
    style.setAttribute(OWN_UI_ATTR, '');
    style.textContent = DECLUTTER_CSS;
    ((doc.head as HTMLHeadElement | null) ?? doc.documentElement).append(style);
  };
  return {
    hide(el, kind) {
      if (hidden.has(el) && el.hasAttribute(DECLUTTER_ATTR)) return false;
      ensureStyle();
      hidden.set(el, kind);
      el.setAttribute(DECLUTTER_ATTR, kind);
      return true;
    },
    unlockScroll() {
      ensureStyle();
      for (const el of [doc.documentElement, doc.body as HTMLElement | null]) {
        if (!el) continue;
        el.setAttribute(UNLOCK_ATTR, '');
        unhidden.add(el);
      }
    },
    unhide(el) {
      ensureStyle();
      el.setAttribute(UNHIDE_ATTR, '');
      unhidden.add(el);
    },
    overrideInline(el, declarations) {
      if (!el.hasAttribute(ORIGINAL_STYLE_ATTR)) el.setAttribute(ORIGINAL_STYLE_ATTR, el.getAttribute('style') ?? '');
      for (const [property, value] of Object.entries(declarations)) el.style.setProperty(property, value, 'important');
      overridden.add(el);
    },
    counts() {
      const c: Record<DeclutterKind, number> = { wall: 0, backdrop: 0, boilerplate: 0 };
      for (const [el, kind] of hidden) if (el.isConnected) c[kind]++;
      return c;
    },
    isHidden(el) {
      return hidden.has(el) && el.hasAttribute(DECLUTTER_ATTR);
    },
    marked(kind) {
      return [...hidden].filter(([el, k]) => k === kind && el.hasAttribute(DECLUTTER_ATTR)).map(([el]) => el);
    },
    kindOf(el) {
      return el.hasAttribute(DECLUTTER_ATTR) ? (hidden.get(el) ?? null) : null;
    },
    unmark(el) {
      if (!hidden.delete(el)) return;
      el.removeAttribute(DECLUTTER_ATTR);
    },
    revert() {
      for (const el of hidden.keys()) el.removeAttribute(DECLUTTER_ATTR);
      for (const el of unhidden) {
        el.removeAttribute(UNLOCK_ATTR);
        el.removeAttribute(UNHIDE_ATTR);
      }
      for (const el of overridden) {
        // Chromium serialises a style changed through setProperty lazily: read it first, or a removed
        // attribute comes back as style="".
        void el.getAttribute('style');
        const original = el.getAttribute(ORIGINAL_STYLE_ATTR);
        if (original === null || original === '') el.removeAttribute('style');
        else el.setAttribute('style', original);
        el.removeAttribute(ORIGINAL_STYLE_ATTR);
      }
      hidden.clear();
      unhidden.clear();
      overridden.clear();
      style?.remove();
      style = null;
    },
  };
}
