/**
 * Reading memory (issue 16): the articles a reader reads become corpus on their device, beside the
 * bundled corpus and any corpus packs they import. This module holds what the content script, the
 * background and the extension pages share: the clean article a page sends, the rules that decide
 * what is kept, and the shapes the options page lists. Pure: no browser APIs.
 */
/** Where an article of the corpus comes from: shipped with the extension, read by the reader, or imported from a corpus file. */
export type Origin = 'bundled' | 'remembered' | 'imported';

/** The clean article a page sends once its reader has read it (see {@link parseReadArticle}). */
export interface ReadArticle {
  url: string;
  title: string;
  /** The outlet: the site's own name (og:site_name), else its host. */
  source: string;
  /** YYYY-MM-DD as the page declares it, or null. */
  published: string | null;
  /** BCP 47 primary subtag, or "und" (the background then reads the text's own). */
  lang: string;
  byline: string | null;
  /** Paragraphs separated by a blank line. */
  body: string;
}

/** The most article text a page may send to be remembered; longer text is cut at a paragraph. */
export const MAX_READ_BODY = 100_000;
/** Less text than this is not an article worth remembering (a teaser, a gallery caption). */
export const MIN_READ_BODY = 400;
const MAX_FIELD = 1000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const line = (v: unknown, max = MAX_FIELD) => (typeof v === 'string' ? v.replace(/\s+/gu, ' ').trim().slice(0, max) : '');

/** Parses what a page sent (a hostile page may send anything): bounded, normalised, or null with too little to keep. */
export function parseReadArticle(raw: unknown): ReadArticle | null {
  if (!isObj(raw) || typeof raw.url !== 'string' || !/^https?:\/\//u.test(raw.url) || raw.url.length > 8192) return null;
  const title = line(raw.title);
  let body = typeof raw.body === 'string' ? raw.body : '';
  if (body.length > MAX_READ_BODY) {
    const cut = body.lastIndexOf('\n\n', MAX_READ_BODY);
    body = body.slice(0, cut > MAX_READ_BODY / 2 ? cut : MAX_READ_BODY);
  }
  body = body
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  if (!title || body.length < MIN_READ_BODY) return null;
  const published = typeof raw.published === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(raw.published) ? raw.published : null;
  const lang = typeof raw.lang === 'string' && /^[a-z]{2,3}$/u.test(raw.lang) ? raw.lang : 'und';
  const byline = line(raw.byline, 200) || null;
  const source = line(raw.source, 200) || (siteOf(raw.url) ?? '');
  return { url: raw.url, title, source, published, lang, byline, body };
}

/** Whether an article or entity id is the reader's own (remembered or imported): only theirs carry "~" (bundled ids never do). */
export const isUserId = (id: string): boolean => id.startsWith('~');

/** The site an article is from, as settings name sites: the host without "www.". */
export function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/^www\./u, '') : null;
  } catch {
    return null;
  }
}

/** A URL as two copies of one article are compared: without its fragment and tracking parameters. */
export function articleUrlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$|mc_)/u.test(k)) u.searchParams.delete(k);
    u.hostname = u.hostname.toLowerCase().replace(/^www\./u, '');
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * When an entity found only in the reader's reading is trusted enough to be highlighted on later
 * pages: named in at least {@link TRUSTED_SOURCES} remembered articles, or known to the registry
 * (a Wikidata id), or from an imported corpus (a newsroom's curated pack).
 */
export const TRUSTED_SOURCES = 2;

export function isTrustedEntity(e: { wikidata?: string | null; sources: readonly { origin: Origin }[] }): boolean {
  if (e.wikidata) return true;
  if (e.sources.some((s) => s.origin === 'imported')) return true;
  return e.sources.filter((s) => s.origin === 'remembered').length >= TRUSTED_SOURCES;
}

/** A user article as the options page lists it. */
export interface MemoryItem {
  id: string;
  title: string;
  source: string;
  url: string | null;
  published: string | null;
  lang: string;
  origin: Exclude<Origin, 'bundled'>;
  /** When it was read or imported (ms since the epoch). */
  addedAt: number;
  /** The imported pack it belongs to, or null. */
  pack: string | null;
  site: string | null;
  /** Bytes it takes in storage (approximately: its text and what was derived from it). */
  bytes: number;
}

/** The limits the reader sees on the options page: past them, the oldest remembered articles go first. */
export interface MemoryCap {
  articles: number;
  bytes: number;
}

export const DEFAULT_MEMORY_CAP: MemoryCap = { articles: 2000, bytes: 50 * 1024 * 1024 };

/** An imported corpus file, as the options page lists it. */
export interface PackInfo {
  id: string;
  /** The file's name as imported. */
  name: string;
  build: string;
  importedAt: number;
  articles: number;
}

/** What the options page shows of the memory: counts, size, cap, and why it cannot write when it cannot. */
export interface MemoryStatus {
  remembered: number;
  imported: number;
  bytes: number;
  cap: MemoryCap;
  packs: PackInfo[];
  /** The last time the oldest articles were forgotten to stay under the cap (ms), or null. */
  trimmedAt: number | null;
  trimmed: number;
  /** Set while nothing can be stored: the browser's storage is full, or it cannot be written. */
  readOnly: string | null;
}
