/**
 * The reading signal (src/page/reading.ts watchReading) with a scripted window: scrolling the
 * article's body into the middle of the viewport counts as reading it (also when it happened before
 * the watch began); so do 15 seconds with the body in view while the page is visible; a hidden
 * page, a body out of view, a scroll elsewhere, or a stopped watch do not.
 */
import { describe, expect, it, vi } from 'vitest';
import { READ_VISIBLE_SECONDS, type ReadingHost, watchReading } from '../../src/page/reading';

function setup(opts: { top: number; bottom: number; scrollY?: number; visible?: boolean }) {
  const rect = { top: opts.top, bottom: opts.bottom };
  const region = { isConnected: true, getBoundingClientRect: () => rect } as unknown as Element;
  const scroll: (() => void)[] = [];
  let tick: (() => void) | null = null;
  const doc: { visibilityState: DocumentVisibilityState } = { visibilityState: opts.visible === false ? 'hidden' : 'visible' };
  const host = {
    innerHeight: 800,
    scrollY: opts.scrollY ?? 0,
    addEventListener: (_type: 'scroll', listener: () => void, o: { signal: AbortSignal }) => {
      scroll.push(listener);
      o.signal.addEventListener('abort', () => scroll.splice(scroll.indexOf(listener), 1));
    },
    setInterval: (callback: () => void) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => {
      tick = null;
    },
  } satisfies ReadingHost;
  const onRead = vi.fn();
  const stop = new AbortController();
  watchReading(region, onRead, stop.signal, host, doc);
  return {
    onRead,
    stop,
    rect,
    doc,
    host,
    /** The reader scrolls (the listener's throttle then runs). */
    scrollTo(top: number, bottom: number) {
      rect.top = top;
      rect.bottom = bottom;
      host.scrollY += 100;
      for (const l of [...scroll]) l();
      vi.advanceTimersByTime(300);
    },
    seconds(n: number) {
      for (let i = 0; i < n; i++) tick?.();
    },
  };
}

describe('watchReading', () => {
  it('a scroll that brings the body to the middle of the viewport is reading it, once', () => {
    vi.useFakeTimers();
    const w = setup({ top: 900, bottom: 3000 });
    w.scrollTo(600, 2700); // not there yet: the body starts below the middle
    expect(w.onRead).not.toHaveBeenCalled();
    w.scrollTo(100, 2200);
    expect(w.onRead).toHaveBeenCalledTimes(1);
    w.scrollTo(0, 2100);
    w.seconds(READ_VISIBLE_SECONDS + 1);
    expect(w.onRead).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('a page already scrolled into the body when the watch begins is read', () => {
    const w = setup({ top: -200, bottom: 1500, scrollY: 700 });
    expect(w.onRead).toHaveBeenCalledTimes(1);
  });

  it('15 seconds with the body in view on a visible page is reading it; out of view or hidden is not', () => {
    const w = setup({ top: 100, bottom: 2000 });
    w.seconds(READ_VISIBLE_SECONDS - 1);
    expect(w.onRead).not.toHaveBeenCalled();
    w.seconds(1);
    expect(w.onRead).toHaveBeenCalledTimes(1);

    const hidden = setup({ top: 100, bottom: 2000, visible: false });
    hidden.seconds(READ_VISIBLE_SECONDS * 2);
    expect(hidden.onRead).not.toHaveBeenCalled();

    const below = setup({ top: 700, bottom: 2000 });
    below.seconds(READ_VISIBLE_SECONDS * 2);
    expect(below.onRead).not.toHaveBeenCalled();
  });

  it('a stopped watch reads nothing', () => {
    vi.useFakeTimers();
    const w = setup({ top: 900, bottom: 3000 });
    w.stop.abort();
    w.scrollTo(100, 2200);
    w.seconds(READ_VISIBLE_SECONDS * 2);
    expect(w.onRead).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
