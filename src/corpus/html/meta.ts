/**
 * Article metadata from a page's head and markup: JSON-LD (schema.org Article types), Open Graph
 * and other meta tags, and the markup conventions (rel=author, <time>, bylines) that sites share.
 */
import { primaryLanguage } from '../../core/lang-tag';
import { isoDate } from './iso-date';

/** schema.org types whose objects describe the article itself. */
const ARTICLE_TYPE =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|TechArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|WebPage|ItemPage)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
  }
  return null;
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Every object in a JSON-LD value: arrays, @graph and nested values, breadth-first, bounded. */
function objects(root: Json): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [root];
  // Through an index, not shift() (linear in the value, however long its arrays), and pushed one by one:
  // spreading a page's array into push's arguments throws RangeError past ~100,000 elements.
  for (let next = 0; next < queue.length && out.length < 500; next++) {
    const v = queue[next];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) queue.push(x);
    else if (isObject(v)) {
      out.push(v);
      for (const [k, x] of Object.entries(v)) if (k === '@graph' || k === 'mainEntity' || k === 'itemListElement') queue.push(x);
    }
  }
  return out;
}

/** The JSON-LD object that describes the article: an Article type, the one with a body or headline first. */
function jsonLdArticle(doc: Document): JsonObject | null {
  const candidates: JsonObject[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent;
    if (!text || text.length > 2_000_000) continue;
    let data: Json;
    try {
      data = JSON.parse(text) as Json;
    } catch {
      continue; // sites ship broken JSON-LD; it is only a hint
    }
    for (const o of objects(data)) if (types(o).some((t) => ARTICLE_TYPE.test(t))) candidates.push(o);
  }
  const rank = (o: JsonObject) =>
    (o.articleBody ? 4 : 0) + (o.headline ? 2 : 0) + (types(o).some((t) => t !== 'WebPage' && t !== 'ItemPage') ? 1 : 0);
  return candidates.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

/** Names from a JSON-LD person/organisation value (a string, an object, or a list of them). */
function names(v: Json | undefined, personsOnly = false): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return personsOnly ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => names(x, personsOnly));
  if (isObject(v)) {
    if (personsOnly && types(v).some((t) => /Organization|Corporation|NewsMediaOrganization/.test(t))) return [];
    const n = str(v.name);
    return n ? [n] : [];
  }
  return [];
}

/** The content of the first meta tag with one of these names/properties/itemprops (case-insensitive). */
function metaContent(index: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = index.get(k);
    if (v) return v;
  }
  return null;
}

function metaIndex(doc: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const m of doc.querySelectorAll('meta')) {
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

function clean(text: string | null | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t || null;
}

const SEPARATORS = /\s+(?:\||-|–|—|·|•|::|»|\/)\s+/;

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "Title | Site" / "Site - Title" → "Title", when the other part is the site's name or domain. */
export function stripSiteName(title: string, site: string | null): string {
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const siteKey = site ? key(site) : '';
  const isSite = (p: string) => {
    const k = key(p);
    return (
      k.length > 0 &&
      ((siteKey.length > 0 &&
        (k === siteKey || ((siteKey.startsWith(k) || k.startsWith(siteKey)) && Math.abs(k.length - siteKey.length) <= 8))) ||
        /\.(?:com|net|org|co\.uk|se|de)$/i.test(p.trim()))
    );
  };
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1] ?? '')) end--;
  while (end - start > 1 && isSite(parts[start] ?? '')) start++;
  if (start === 0 && end === parts.length) return title;
  // Re-join what remains with the original separators.
  const seps = title.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  let out = parts[start] ?? '';
  for (let i = start + 1; i < end; i++) out += (seps[i - 1] ?? ' - ') + (parts[i] ?? '');
  return out.trim();
}

/** The last segment of a <title> when it looks like a site's name ("… | The Paper"). */
function siteFromTitle(title: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+(?:\||–|—|::|»)\s+|\s+-\s+/);
  if (parts.length < 2) return null;
  const last = (parts[parts.length - 1] ?? '').trim();
  const words = last.split(/\s+/).length;
  return words <= 4 && last.length <= 40 && last.length < (parts[0] ?? '').length ? last : null;
}

/** "By Jane Doe - 11/18/19" → "Jane Doe"; URLs and empty values → null. */
export function cleanByline(text: string | null | undefined): string | null {
  let t = clean(text);
  if (!t) return null;
  if (/^https?:\/\/|^www\.|^@/i.test(t) || /^\S+\.[a-z]{2,4}$/i.test(t)) return null;
  t = t.replace(/^(?:by|av|von|por|par|di|oleh|door|text|texto|written by|posted by)\s*:?\s+/i, '');
  // Cut at the first separator that introduces a date, a role or the outlet.
  t = (t.split(/\s+(?:\||-|–|—|•|·)\s+|\n/)[0] ?? '').trim();
  t = t.replace(/[,;]?\s*(?:updated|published|posted|\d{1,2}[:/.]\d{1,2}).*$/i, '').trim();
  t = t.replace(/[,;:]+$/, '').trim();
  if (!/\p{L}/u.test(t) || t.length > 100 || t.split(/\s+/).length > 12) return null;
  return t;
}

export interface PageMeta {
  title: string | null;
  source: string | null;
  url: string | null;
  /** The original publication date (YYYY-MM-DD) from {@link findPublished}; null when `published: false` was asked. */
  published: string | null;
  /** The language the page declares (html lang, Content-Language, og:locale, inLanguage). */
  declaredLang: string | null;
  byline: string | null;
  /** The page's own summary (og:description, description, JSON-LD description). */
  description: string | null;
  /** JSON-LD articleBody, when the page ships one. */
  jsonLdBody: string | null;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function attr(doc: Document, selector: string, name: string): string | null {
  return clean(doc.querySelector(selector)?.getAttribute(name));
}

/** The byline from the page's markup, when metadata has none: rel=author, itemprop=author, a byline element. */
function bylineFromMarkup(doc: Document): string | null {
  for (const sel of ['[itemprop="author"] [itemprop="name"]', '[rel="author"]', '[itemprop="author"]']) {
    for (const el of doc.querySelectorAll(sel)) {
      const v = cleanByline(el.getAttribute('content') ?? el.textContent);
      if (v && v.length <= 60) return v;
    }
  }
  for (const el of doc.querySelectorAll('[class*="byline"], [class*="author"]')) {
    if (el.children.length > 5) continue; // a container named after its author, not a byline
    const t = clean(el.textContent);
    if (!t || t.length > 80) continue;
    if (/^(?:by|av|von|por|par)\s/i.test(t)) {
      const v = cleanByline(t);
      if (v) return v;
    }
  }
  return null;
}

/** The article's publication date as its metadata declares it in machine form, or null. */
function declaredPublished(doc: Document, meta: Map<string, string>, ld: JsonObject | null): string | null {
  return (
    isoDate(ld ? (str(ld.datePublished) ?? str(ld.dateCreated)) : null) ??
    isoDate(
      metaContent(meta, [
        'article:published_time',
        'og:published_time',
        'datepublished',
        'published_time',
        'article:published',
        'pubdate',
        'publishdate',
        'publish-date',
        'publish_date',
        'parsely-pub-date',
        'sailthru.date',
        'dc.date.issued',
        'dcterms.created',
      ]),
    ) ??
    isoDate(attr(doc, '[itemprop="datePublished"]', 'content') ?? attr(doc, '[itemprop="datePublished"]', 'datetime')) ??
    isoDate(attr(doc, 'article time[datetime], header time[datetime], main time[datetime]', 'datetime'))
  );
}

/**
 * The publication date `doc` declares in machine form, alone: what the content script reads on
 * every page (the rest of {@link readMeta}, bylines and sources, is the corpus pipeline's).
 */
export function declaredDate(doc: Document): string | null {
  return declaredPublished(doc, metaIndex(doc), jsonLdArticle(doc));
}

export function readMeta(doc: Document, opts: { url?: string | undefined; published?: boolean } = {}): PageMeta {
  const meta = metaIndex(doc);
  const ld = jsonLdArticle(doc);
  const publisher = ld && isObject(ld.publisher) ? str(ld.publisher.name) : null;
  const notUrl = (v: string | null) => (v && !/^https?:\/\//i.test(v) ? v : null);
  const source = clean(
    notUrl(metaContent(meta, ['og:site_name', 'application-name', 'og:site'])) ??
      notUrl(publisher) ??
      siteFromTitle(clean(doc.querySelector('title')?.textContent)),
  );

  const titleCandidates = [
    metaContent(meta, ['og:title', 'twitter:title']),
    ld ? str(ld.headline) : null,
    clean(doc.querySelector('h1')?.textContent),
    clean(doc.querySelector('title')?.textContent),
  ];
  const rawTitle = titleCandidates.map(clean).find((t): t is string => t !== null) ?? null;
  const title = rawTitle ? stripSiteName(rawTitle, source) : null;

  const base = opts.url ?? null;
  const url =
    resolveUrl(attr(doc, 'link[rel="canonical"]', 'href'), base ?? metaContent(meta, ['og:url'])) ??
    resolveUrl(metaContent(meta, ['og:url']), base) ??
    resolveUrl(
      ld ? (str(ld.url) ?? (isObject(ld.mainEntityOfPage) ? str(ld.mainEntityOfPage['@id']) : str(ld.mainEntityOfPage))) : null,
      base,
    ) ??
    resolveUrl(base, null);

  // The date the page declares in machine form (its article's JSON-LD, the common meta tags,
  // datePublished microdata, <time datetime>): what the content script reads on every page.
  // The corpus pipeline finds the date from every source a reader uses (./published.ts).
  const published = opts.published === false ? null : declaredPublished(doc, meta, ld);

  const declaredLang =
    primaryLanguage(doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang')) ??
    primaryLanguage(metaContent(meta, ['content-language', 'language', 'dc.language'])?.split(',')[0]) ??
    primaryLanguage(metaContent(meta, ['og:locale'])) ??
    primaryLanguage(ld ? str(ld.inLanguage) : null);

  const ldAuthors = ld ? names(ld.author, true) : [];
  const metaAuthor = metaContent(meta, [
    'author',
    'article:author',
    'byl',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'dcterms.creator',
    'article_author',
  ]);
  const byline =
    cleanByline(ldAuthors.length ? [...new Set(ldAuthors)].join(', ') : null) ??
    (metaAuthor && (!source || key(metaAuthor) !== key(source)) ? cleanByline(metaAuthor) : null) ??
    bylineFromMarkup(doc) ??
    cleanByline(ld ? names(ld.author).join(', ') : null);

  const description = clean(
    metaContent(meta, ['og:description', 'description', 'twitter:description']) ?? (ld ? str(ld.description) : null),
  );
  const jsonLdBody = ld ? str(ld.articleBody) : null;

  return { title, source, url, published, declaredLang, byline, description, jsonLdBody };
}
