/**
 * The card host on linkedom documents: it shows DOM content, and it follows its word when the
 * page's layout shifts without a scroll or resize (the declutter script hiding a header above
 * the word a moment after the card was placed). linkedom has no layout, so the word's range is
 * a stand-in whose client rect the test moves, the card's box has a fixed size, and
 * ResizeObserver and animation frames are fakes the test drives.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Anchor, type CloseReason, CardHost } from '../../src/page/card-host';

class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  targets = new Set<Element>();
  constructor(readonly callback: () => void) {
    FakeResizeObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  /** What the browser does after a layout in which an observed element changed size. */
  static resize() {
    for (const ro of FakeResizeObserver.instances) if (ro.targets.size > 0) ro.callback();
  }
}

const VIEW = { width: 1000, height: 800 };
const CARD = { width: 360, height: 200 };

let frames: Map<number, FrameRequestCallback>;
let lastFrame: number;
const flushFrames = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const f of due) f(0);
};

function setup() {
  const { document, window } = parseHTML(
    '<!doctype html><html><body><header id="masthead">Site menu</header><p id="lead">A deal with Alexandr Wang.</p></body></html>',
  );
  Object.assign(window, { ResizeObserver: FakeResizeObserver, innerHeight: VIEW.height });
  Object.defineProperty(document.documentElement, 'clientWidth', { value: VIEW.width });
  // The card's size: linkedom has no layout.
  Object.defineProperty(window.HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => CARD.width });
  Object.defineProperty(window.HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => CARD.height });
  const lead = document.getElementById('lead')!;
  const word = { top: 300, bottom: 320, left: 100, right: 200 };
  const rect = () => ({ ...word, x: word.left, y: word.top, width: word.right - word.left, height: word.bottom - word.top }) as DOMRect;
  const range = { startContainer: lead.firstChild!, getClientRects: () => [rect()] } as unknown as Range;
  const anchor: Anchor = { range, rect: rect() };
  const closed: CloseReason[] = [];
  const host = new CardHost({ doc: document, css: '.nc-hc{}', mode: 'open', onClose: (r) => closed.push(r) });
  const card = () => {
    const el = document.createElement('div');
    el.className = 'nc-hc';
    el.setAttribute('role', 'dialog');
    el.textContent = 'Alexandr Wang';
    return el;
  };
  /** The card's top and left as the host element's inline style says. */
  const placed = () => {
    const style = host.hostElement?.getAttribute('style') ?? '';
    const px = (prop: string) => Number(new RegExp(`(?:^|;)\\s*${prop}:\\s*(-?\\d+)px`).exec(style)?.[1] ?? NaN);
    return { top: px('top'), left: px('left') };
  };
  return { document, lead, word, anchor, host, card, placed, closed };
}

beforeEach(() => {
  FakeResizeObserver.instances = [];
  frames = new Map();
  lastFrame = 0;
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
    frames.set(++lastFrame, f);
    return lastFrame;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CardHost', () => {
  it('shows the given DOM content in its shadow root, below the word, and removes it on close', () => {
    const { document, anchor, host, card, placed, closed } = setup();
    host.open(anchor, card(), 'pointer');
    const root = host.shadowRoot!;
    expect(host.hostElement?.parentNode).toBe(document.documentElement);
    expect(root.querySelector('style')?.textContent).toBe('.nc-hc{}');
    expect(root.querySelector('.nc-host-box > [role="dialog"]')?.textContent).toBe('Alexandr Wang');
    expect(placed()).toEqual({ top: 326, left: 100 });
    // Another card replaces the first.
    const next = card();
    next.textContent = 'Scale AI';
    host.open(anchor, next, 'pointer');
    expect([...root.querySelectorAll('[role="dialog"]')].map((el) => el.textContent)).toEqual(['Scale AI']);
    host.close('escape');
    expect(closed).toEqual(['escape']);
    expect(document.querySelector('news-context-card')).toBeNull();
    expect(root.querySelector('.nc-host-box')?.childNodes.length).toBe(0);
  });

  it('is driven by the user’s own input only: events the page dispatches do not close it', () => {
    const { document, anchor, host, card, closed } = setup();
    host.open(anchor, card(), 'pointer');
    const hostEl = host.hostElement!;
    const event = (type: string, init: Record<string, unknown>, trusted: boolean) => {
      const ev = Object.assign(new document.defaultView!.Event(type, { bubbles: true }), init);
      Object.defineProperty(ev, 'isTrusted', { value: trusted });
      return ev;
    };
    // The page's Escape, pointerdown outside, and pointerleave on our host (it is in the page's DOM).
    document.dispatchEvent(event('keydown', { key: 'Escape' }, false));
    document.body.dispatchEvent(event('pointerdown', {}, false));
    vi.useFakeTimers();
    try {
      hostEl.dispatchEvent(event('pointerleave', {}, false));
      vi.advanceTimersByTime(1000);
    } finally {
      vi.useRealTimers();
    }
    expect(host.isOpen).toBe(true);
    expect(closed).toEqual([]);
    // The same events from the user do.
    document.dispatchEvent(event('keydown', { key: 'Escape' }, true));
    expect(closed).toEqual(['escape']);
    host.open(anchor, card(), 'pointer');
    document.body.dispatchEvent(event('pointerdown', {}, true));
    expect(closed).toEqual(['escape', 'outside']);
  });

  it('asks for the top layer where the browser has popovers, and is a plain fixed host where it has not', () => {
    const { anchor, host, card } = setup();
    host.open(anchor, card(), 'pointer');
    // linkedom has no popovers: no attribute that a browser without them would misread.
    expect(host.hostElement!.hasAttribute('popover')).toBe(false);
    expect(host.hostElement!.getAttribute('style')).toMatch(/all:initial!important;position:fixed!important/);
  });

  it('watches the root, the body and the word’s element while open, and nothing once closed', () => {
    const { document, lead, anchor, host, card } = setup();
    host.open(anchor, card(), 'pointer');
    const [ro] = FakeResizeObserver.instances;
    expect([...ro!.targets]).toEqual([document.documentElement, document.body, lead]);
    host.close();
    expect(ro!.targets.size).toBe(0);
  });

  it('follows the word when the layout shifts under it, in the next animation frame', () => {
    const { document, word, anchor, host, card, placed, closed } = setup();
    host.open(anchor, card(), 'pointer');
    expect(placed().top).toBe(326);
    // The declutter script hides the header: the word moves up 120 px; nothing scrolled or resized.
    document.getElementById('masthead')!.setAttribute('hidden', '');
    word.top -= 120;
    word.bottom -= 120;
    FakeResizeObserver.resize();
    FakeResizeObserver.resize(); // several notifications, one re-placement
    expect(frames.size).toBe(1);
    expect(placed().top).toBe(326); // not before the frame
    flushFrames();
    const p = placed();
    expect(p.top).toBe(206);
    // Beside the word, never over it.
    expect(p.top >= word.bottom || p.top + CARD.height <= word.top).toBe(true);
    expect(host.isOpen).toBe(true);
    expect(closed).toEqual([]);
  });

  it('closes as scrolled away when a shift takes the word out of the view', () => {
    const { word, anchor, host, card, closed } = setup();
    host.open(anchor, card(), 'pointer');
    word.top = -60;
    word.bottom = -40;
    FakeResizeObserver.resize();
    flushFrames();
    expect(host.isOpen).toBe(false);
    expect(closed).toEqual(['scrolled-away']);
    expect(FakeResizeObserver.instances.every((ro) => ro.targets.size === 0)).toBe(true);
  });

  it('drops a pending re-placement when the card closes', () => {
    const { anchor, host, card, closed } = setup();
    host.open(anchor, card(), 'pointer');
    FakeResizeObserver.resize();
    expect(frames.size).toBe(1);
    host.close('api');
    expect(frames.size).toBe(0);
    expect(closed).toEqual(['api']);
  });

  it('leaves nothing behind on dispose', () => {
    const { document, anchor, host, card } = setup();
    host.open(anchor, card(), 'pointer');
    host.dispose();
    expect(document.querySelector('news-context-card')).toBeNull();
    expect(host.shadowRoot).toBeNull();
    expect(FakeResizeObserver.instances.every((ro) => ro.targets.size === 0)).toBe(true);
  });
});
