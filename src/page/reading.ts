/**
 * Reading memory's page side (core/memory.ts): noticing that the reader reads the article, and the
 * clean article to send then. Pure DOM; the content script wires it only where the background says
 * memory would keep the page, so other pages pay nothing for it.
 */
import { MAX_READ_BODY, type ReadArticle } from '../core/memory';
import type { PageMarkup } from './collect';
import { articleRegion, pageTitle } from './collect';
import { buildTextMap } from './text-map';

/** Seconds the article's body must be in view, the page visible, to count as read without scrolling. */
export const READ_VISIBLE_SECONDS = 15;

/** What {@link watchReading} needs of the window (a test passes its own). */
export interface ReadingHost {
  readonly innerHeight: number;
  readonly scrollY: number;
  addEventListener(type: 'scroll', listener: () => void, options: { passive: true; signal: AbortSignal }): void;
  setInterval(callback: () => void, ms: number): number;
  clearInterval(handle: number): void;
}

/**
 * Calls `onRead` once, when the reader reads `region` (the article's prose): they scroll and its
 * body fills the middle of the viewport (or had, when the watch begins), or it does for
 * {@link READ_VISIBLE_SECONDS} while the page is visible. Stops on `signal` or after reading. Cost while watching: a rectangle read per scroll
 * (throttled to one per 250 ms) and one per second.
 */
export function watchReading(
  region: Element,
  onRead: () => void,
  signal: AbortSignal,
  host: ReadingHost = window,
  doc: Pick<Document, 'visibilityState'> = document,
): void {
  const stop = new AbortController();
  const done = () => stop.abort();
  signal.addEventListener('abort', done, { signal: stop.signal });
  const inView = () => {
    if (!region.isConnected) return false;
    const r = region.getBoundingClientRect();
    const middle = host.innerHeight / 2;
    return r.top <= middle && r.bottom >= middle;
  };
  const read = () => {
    if (stop.signal.aborted) return;
    done();
    onRead();
  };
  let throttled = false;
  host.addEventListener(
    'scroll',
    () => {
      if (throttled) return;
      throttled = true;
      setTimeout(() => {
        throttled = false;
        if (inView()) read();
      }, 250);
    },
    { passive: true, signal: stop.signal },
  );
  // The reader may have scrolled into the body before the watch began (a quick reader, a slow page).
  if (host.scrollY > 0 && inView()) {
    read();
    return;
  }
  let seconds = 0;
  const timer = host.setInterval(() => {
    if (doc.visibilityState === 'visible' && inView() && ++seconds >= READ_VISIBLE_SECONDS) read();
  }, 1000);
  stop.signal.addEventListener('abort', () => host.clearInterval(timer));
}

const meta = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
const text = (el: Element | null | undefined) => el?.textContent.replace(/\s+/gu, ' ').trim() ?? '';

/** The byline as the page gives it: its author metadata, else the element marked as the author or byline. */
function bylineOf(doc: Document): string {
  return (
    meta(doc, 'meta[name="author"]') ||
    text(doc.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], .byline, [class*="byline"]'))
  ).slice(0, 200);
}

/**
 * The article the reader read, as the background remembers it: headline, outlet (og:site_name,
 * else the host), URL, date and language as the report read them, byline, and the text of the
 * article's prose (`markup.region`, else the page's article region), paragraphs apart, without the
 * headline repeated, at most {@link MAX_READ_BODY} characters.
 */
export function readArticle(doc: Document, markup: Pick<PageMarkup, 'url' | 'title' | 'declared' | 'published' | 'region'>): ReadArticle {
  const region = markup.region?.isConnected ? markup.region : articleRegion(doc);
  const title = text(doc.querySelector('h1')) || pageTitle(doc) || markup.title;
  const blocks = region ? buildTextMap(region, { maxChars: MAX_READ_BODY }).text.split('\n') : [];
  const body = blocks
    .map((b) => b.replace(/\s+/gu, ' ').trim())
    .filter((b) => b && b !== title)
    .join('\n\n');
  let source = meta(doc, 'meta[property="og:site_name"]') || meta(doc, 'meta[name="application-name"]');
  if (!source) {
    try {
      source = new URL(markup.url).hostname.replace(/^www\./u, '');
    } catch {
      source = '';
    }
  }
  return {
    url: markup.url,
    title: title.slice(0, 300),
    source: source.slice(0, 200),
    published: markup.published,
    lang: markup.declared ?? 'und',
    byline: bylineOf(doc) || null,
    body: body.slice(0, MAX_READ_BODY),
  };
}
