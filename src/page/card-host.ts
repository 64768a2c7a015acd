/**
 * The container of the hover card on the page: one host element (marked OWN_UI_ATTR, so our
 * own text is never collected or highlighted) with a closed shadow root, a stylesheet inside it,
 * and whatever DOM content the caller builds (ui/components/hover-card.ts). The page's CSS
 * cannot reach in (selectors stop at the shadow border) nor restyle the host: its inline style
 * sets `all: initial` and the placement with `!important`, and an inline important declaration
 * beats every rule of the page's stylesheets (`* { opacity: 0 !important }`, `[id], news-context-card
 * { display: none !important }`), since element-attached styles win over any author rule of the
 * same importance. Where the browser has popovers, the host is a manual popover shown in the top
 * layer, so no page element (whatever its z-index, or a transform on an ancestor) can cover it or
 * move it. Ours cannot leak out. Only the user's own input (`isTrusted`) drives it: a page may
 * dispatch events at the host, which is in its DOM. Nothing is created until the first card
 * opens, and closing removes the content and takes the host out of the page (and the top layer).
 *
 * WCAG 2.1 SC 1.4.13 (content on hover or focus):
 * - dismissable: Esc closes it wherever the pointer and focus are, without moving either;
 * - hoverable: leaving the word starts a grace delay; reaching the card within it keeps it open;
 * - persistent: it stays until the pointer leaves word and card, focus leaves the card, Esc, or
 *   a click outside. Opened from the keyboard it takes focus (the caller's content should be a
 *   focusable role="dialog"), and closing gives focus back to where it was.
 * Placement: below the word, or above it when there is more room there, clamped to the viewport
 * and never over the word (the card is given a max-height and scrolls instead). The card is
 * position:fixed, so it is placed again (in the next animation frame) whenever the word may have
 * moved: on scroll and resize, and when the page's layout shifts under it (a ResizeObserver on
 * the root, the body and the word's element: a late banner, the declutter script hiding a header);
 * it closes when the word has left the view.
 */
import { OWN_UI_ATTR } from './own-ui';

export type OpenedVia = 'pointer' | 'click' | 'keyboard';
export type CloseReason = 'escape' | 'pointer-left' | 'focus-left' | 'outside' | 'scrolled-away' | 'api';

export interface CardHostOptions {
  doc?: Document;
  /** The card's stylesheet, put inside the shadow root. */
  css: string;
  /** How long the pointer may travel between the word and the card (ms). */
  graceMs?: number;
  /** 'closed' in production; tests reach the root through `shadowRoot` either way. */
  mode?: ShadowRootMode;
  /** Called after the card closed (not when it is replaced by another). */
  onClose?: (reason: CloseReason) => void;
}

/** Where the card goes: next to `rect`, recomputed from `range` when the page scrolls or shifts. */
export interface Anchor {
  range: Range;
  rect: DOMRect;
}

const GAP = 6;
const MARGIN = 8;
const HOST_STYLE =
  'all:initial!important;position:fixed!important;z-index:2147483647!important;display:block!important;' +
  'margin:0!important;padding:0!important;border:0!important;inset:auto!important;transform:none!important;';

interface Placement {
  left: number;
  top: number;
  maxHeight: number | null;
}

/**
 * Where a card of `size` goes beside `anchor` in a `view`: below when it fits, else above when it
 * fits, else on the roomier side with a max-height. The card never overlaps the anchor.
 */
export function placeCard(
  anchor: { top: number; bottom: number; left: number },
  size: { width: number; height: number },
  view: { width: number; height: number },
): Placement {
  const below = view.height - MARGIN - (anchor.bottom + GAP);
  const above = anchor.top - GAP - MARGIN;
  let top: number;
  let maxHeight: number | null = null;
  if (size.height <= below) top = anchor.bottom + GAP;
  else if (size.height <= above) top = anchor.top - GAP - size.height;
  else if (below >= above) {
    top = anchor.bottom + GAP;
    maxHeight = Math.max(below, 0);
  } else {
    maxHeight = Math.max(above, 0);
    top = anchor.top - GAP - maxHeight;
  }
  const left = Math.max(MARGIN, Math.min(anchor.left, view.width - MARGIN - size.width));
  return { left: Math.round(left), top: Math.round(top), maxHeight: maxHeight === null ? null : Math.floor(maxHeight) };
}

/** Whether `el` can be a popover (Chromium 114+, Firefox 125+; not linkedom). */
const canPopover = (el: HTMLElement): boolean => typeof (el as Partial<HTMLElement>).showPopover === 'function';

/**
 * Shows the (connected) host in the top layer, above everything of the page's. Without popovers,
 * or should the browser refuse, it stays a position:fixed element at the top z-index.
 */
function showInTopLayer(host: HTMLElement): void {
  if (!canPopover(host) || !host.hasAttribute('popover')) return;
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Not shown in the top layer: the fixed, top-z-index host still shows.
  }
}

export class CardHost {
  readonly #doc: Document;
  readonly #opts: CardHostOptions;
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  #box: HTMLDivElement | null = null;
  #anchor: Anchor | null = null;
  #rectIndex = 0;
  #via: OpenedVia = 'pointer';
  #pointerInside = false;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #returnFocus: HTMLElement | null = null;
  #listening = false;
  #resizes: ResizeObserver | null = null;

  constructor(opts: CardHostOptions) {
    this.#opts = opts;
    this.#doc = opts.doc ?? document;
  }

  get isOpen(): boolean {
    return this.#anchor !== null;
  }

  /** How the open card was opened (meaningful while open). */
  get openedVia(): OpenedVia {
    return this.#via;
  }

  /** The card's shadow root (closed to the page; our isolated world and tests may read it). */
  get shadowRoot(): ShadowRoot | null {
    return this.#root;
  }

  /** The host element while a card is open. */
  get hostElement(): HTMLElement | null {
    return this.#anchor ? this.#host : null;
  }

  /** Shows `content` beside `anchor` (replacing any open card) and places it. */
  open(anchor: Anchor, content: Node, via: OpenedVia): void {
    clearTimeout(this.#closeTimer);
    const { host, box } = this.#ensure();
    const wasOpen = this.isOpen;
    if (!wasOpen && via === 'keyboard') {
      const active = this.#doc.activeElement;
      this.#returnFocus = active instanceof HTMLElement && active !== host ? active : null;
    }
    this.#anchor = anchor;
    this.#via = via;
    const rects = [...anchor.range.getClientRects()];
    const i = rects.findIndex((r) => r.top === anchor.rect.top && r.left === anchor.rect.left);
    this.#rectIndex = Math.max(i, 0);
    if (!host.isConnected) {
      this.#doc.documentElement.append(host);
      showInTopLayer(host);
    }
    box.replaceChildren(content);
    this.#listen(true);
    this.#observe(anchor);
    this.#place();
    if (via === 'keyboard') {
      const target = box.querySelector<HTMLElement>('[tabindex],button,a[href]');
      target?.focus({ preventScroll: true });
    }
  }

  /** The pointer left the word: close after the grace delay unless it reaches the card. */
  leave(): void {
    if (!this.isOpen || this.#via !== 'pointer') return;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => {
      if (!this.#pointerInside) this.close('pointer-left');
    }, this.#opts.graceMs ?? 300);
  }

  /** Keeps the card open (the pointer is back on the word). */
  stay(): void {
    clearTimeout(this.#closeTimer);
  }

  close(reason: CloseReason = 'api'): void {
    clearTimeout(this.#closeTimer);
    if (!this.isOpen) return;
    const focusInside = this.#root?.activeElement != null;
    this.#anchor = null;
    this.#pointerInside = false;
    this.#listen(false);
    this.#box?.replaceChildren();
    this.#host?.remove();
    if (focusInside && this.#returnFocus?.isConnected) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
    this.#opts.onClose?.(reason);
  }

  /** Closes and forgets the host: nothing of ours is left on the page. */
  dispose(): void {
    this.close('api');
    this.#host?.remove();
    this.#host = this.#root = this.#box = null;
  }

  #ensure(): { host: HTMLElement; box: HTMLDivElement } {
    if (this.#host && this.#box) return { host: this.#host, box: this.#box };
    const doc = this.#doc;
    // A custom element name: no page rule for div/span/aside matches it, and nothing is upgraded.
    const host = doc.createElement('news-context-card');
    host.setAttribute(OWN_UI_ATTR, '');
    host.setAttribute('style', HOST_STYLE);
    // Shown in the top layer where the browser can (see showInTopLayer); "manual": no light dismiss, we close it.
    if (canPopover(host)) host.setAttribute('popover', 'manual');
    const root = host.attachShadow({ mode: this.#opts.mode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = this.#opts.css;
    const box = doc.createElement('div');
    box.className = 'nc-host-box';
    root.append(style, box);
    // The page can dispatch events at the host (it is in its DOM): only the user's own input counts.
    host.addEventListener('pointerenter', (ev) => {
      if (!ev.isTrusted) return;
      this.#pointerInside = true;
      clearTimeout(this.#closeTimer);
    });
    host.addEventListener('pointerleave', (ev) => {
      if (!ev.isTrusted) return;
      this.#pointerInside = false;
      this.leave();
    });
    root.addEventListener('focusout', (ev) => {
      const to = (ev as FocusEvent).relatedTarget;
      if (to instanceof Node && (to === host || root.contains(to))) return;
      // Focus went back to the page (not a window switch, after which activeElement is unchanged).
      setTimeout(() => {
        if (this.isOpen && root.activeElement == null && doc.hasFocus()) this.close('focus-left');
      }, 0);
    });
    this.#host = host;
    this.#root = root;
    this.#box = box;
    return { host, box };
  }

  readonly #onKeyDown = (ev: KeyboardEvent) => {
    if (!ev.isTrusted || ev.key !== 'Escape' || !this.isOpen) return;
    ev.preventDefault();
    ev.stopPropagation();
    this.close('escape');
  };

  readonly #onPointerDown = (ev: PointerEvent) => {
    if (!ev.isTrusted || (this.#host && ev.composedPath().includes(this.#host))) return;
    this.close('outside');
  };

  readonly #onViewChange = () => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#place();
    });
  };

  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    const win = this.#doc.defaultView;
    const method = on ? 'addEventListener' : 'removeEventListener';
    this.#doc[method]('keydown', this.#onKeyDown as EventListener, true);
    this.#doc[method]('pointerdown', this.#onPointerDown as EventListener, true);
    this.#doc[method]('scroll', this.#onViewChange, { capture: true, passive: true });
    win?.[method]('resize', this.#onViewChange, { passive: true });
    if (on) return;
    this.#resizes?.disconnect();
    this.#resizes = null;
    if (this.#frame) {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
    }
  }

  /**
   * Watches what moves the word without a scroll or resize event: the size of the root, the body
   * and the word's own element (content added or hidden above it, a reflow of its paragraph).
   */
  #observe(anchor: Anchor): void {
    const RO = this.#doc.defaultView?.ResizeObserver;
    if (!RO) return;
    this.#resizes?.disconnect();
    const ro = (this.#resizes = new RO(this.#onViewChange));
    const start = anchor.range.startContainer;
    const word = start.nodeType === 1 ? (start as Element) : start.parentElement;
    for (const el of new Set([this.#doc.documentElement, this.#doc.body, word])) if (el) ro.observe(el);
  }

  /** Places the card beside its anchor; closes it when the anchor left the page or the view. */
  #place(): void {
    const anchor = this.#anchor;
    const host = this.#host;
    const box = this.#box;
    if (!anchor || !host || !box) return;
    const rects = [...anchor.range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    const rect = rects[Math.min(this.#rectIndex, rects.length - 1)];
    const view = { width: this.#doc.documentElement.clientWidth, height: this.#doc.defaultView?.innerHeight ?? 0 };
    if (!rect || rect.bottom < 0 || rect.top > view.height) {
      this.close('scrolled-away');
      return;
    }
    box.style.maxHeight = '';
    host.style.setProperty('left', '0px', 'important');
    host.style.setProperty('top', '0px', 'important');
    const size = { width: box.offsetWidth, height: box.offsetHeight };
    const p = placeCard(rect, size, view);
    if (p.maxHeight !== null) box.style.maxHeight = `${p.maxHeight}px`;
    host.style.setProperty('left', `${p.left}px`, 'important');
    host.style.setProperty('top', `${p.top}px`, 'important');
  }
}
