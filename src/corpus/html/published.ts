/**
 * The publication date of a news page, from every source a careful reader would use, in the order
 * of their reliability (the order of htmldate's heuristics): structured metadata first (JSON-LD of
 * any type that carries a datePublished, then meta tags of every convention), then markup
 * (itemprop, <time>, data-* attributes and hidden inputs named after the publication date), then
 * the URL, then the byline or dateline that a reader sees near the headline.
 *
 * The original publication wins over an update. Dates in teasers, related links, comments,
 * embedded posts, copyright lines and a masthead's "today's paper" are never read: only the
 * article's header and the nodes that name themselves after its date. A date later than the page's
 * other evidence (its modification date, today) is not a publication date. A wrong date is worse
 * than none: when the only evidence is weak and disagrees, the answer is null.
 */
import { normaliseDate, dateFromUrl } from './dates';
import { findDates } from '../text/dates';

export type PublishedSource = 'jsonld' | 'meta' | 'time' | 'data' | 'url' | 'byline';

export interface Published {
  /** YYYY-MM-DD, or null when the page gives no trustworthy date. */
  date: string | null;
  source: PublishedSource | null;
}

export interface Candidate {
  date: string;
  source: PublishedSource;
  /** How much the source is trusted: 10 a JSON-LD article's datePublished, 3 an unlabelled date near the headline. */
  weight: number;
  why: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// JSON-LD, parsed leniently

/**
 * JSON as sites ship it in ld+json scripts: comments, trailing commas, raw newlines and tabs in
 * strings, an HTML comment or CDATA wrapper. Rewritten outside strings, then parsed; null when
 * even that fails.
 */
export function parseLenientJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // repaired below
  }
  let src = text.trim().replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '');
  src = src.replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '').trim();
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    if (inString) {
      if (c === '\\') {
        out += c + (src[i + 1] ?? '');
        i++;
      } else if (c === '"') {
        inString = false;
        out += c;
      } else out += c < ' ' ? ' ' : c;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 1;
    } else if (c === ',') {
      let j = i + 1;
      while (j < src.length && /\s/.test(src[j] ?? '')) j++;
      if (src[j] !== '}' && src[j] !== ']') out += c;
    } else out += c;
  }
  try {
    return JSON.parse(out) as Json;
  } catch {
    return undefined;
  }
}

const ARTICLE_TYPE = /^(?:\w*Article|Report|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Review|CreativeWork)$/i;
/** Keys whose values are other things than the page: an embedded video, a related article, a comment. */
const FOREIGN_KEYS =
  /^(?:video|associatedMedia|image|comment|review|isPartOf|relatedLink|significantLink|citation|mentions|about|hasPart|workExample|subjectOf|recipe|event|subEvent|superEvent|author|creator|publisher|sourceOrganization)$/i;

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && x.trim()) return x.trim();
  if (isObject(v)) return str(v['@value']);
  return null;
}

interface LdObject {
  o: JsonObject;
  /** 0 for a script's top-level object or a member of its @graph; more for nested values. */
  depth: number;
  /** Reached through a key that names something else than the page (an embedded video, a related item). */
  foreign: boolean;
}

function ldObjects(root: Json, out: LdObject[]): void {
  const queue: { v: Json; depth: number; foreign: boolean }[] = [{ v: root, depth: 0, foreign: false }];
  while (queue.length && out.length < 1000) {
    const item = queue.shift();
    if (!item) break;
    const { v, depth, foreign } = item;
    if (Array.isArray(v)) for (const x of v) queue.push({ v: x, depth, foreign });
    else if (isObject(v)) {
      out.push({ o: v, depth, foreign });
      if (depth > 6) continue;
      for (const [k, x] of Object.entries(v)) {
        if (typeof x !== 'object' || x === null) continue;
        if (k === '@graph') queue.push({ v: x, depth, foreign });
        else queue.push({ v: x, depth: depth + 1, foreign: foreign || FOREIGN_KEYS.test(k) || k === 'itemListElement' });
      }
    }
  }
}

function sameUrl(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const key = (u: string) =>
    u
      .replace(/^https?:\/\/(?:www\.)?/i, '')
      .replace(/[?#].*$/, '')
      .replace(/\/$/, '');
  return key(a) === key(b);
}

function fromJsonLd(doc: Document, url: string | null, out: Candidate[], modified: string[]): void {
  const objects: LdObject[] = [];
  for (const script of doc.querySelectorAll('script')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent;
    if (!text || text.length > 2_000_000) continue;
    const data = parseLenientJson(text);
    if (data !== undefined) {
      ldObjects(data, objects);
      continue;
    }
    // Beyond repair: the first datePublished written in it is still the page's own metadata.
    const m = /"(?:datePublished|dateCreated)"\s*:\s*"([^"]{6,40})"/.exec(text);
    const date = normaliseDate(m?.[1]);
    if (date) out.push({ date, source: 'jsonld', weight: 7, why: 'broken JSON-LD datePublished' });
  }
  for (const { o, depth, foreign } of objects) {
    const t = types(o);
    const modifiedDate = normaliseDate(str(o.dateModified));
    if (modifiedDate && !foreign) modified.push(modifiedDate);
    const value = str(o.datePublished) ?? str(o.dateCreated) ?? str(o.uploadDate);
    const date = normaliseDate(value);
    if (!date) continue;
    if (foreign && depth > 0) continue;
    const ownUrl = str(o.url) ?? (isObject(o.mainEntityOfPage) ? str(o.mainEntityOfPage['@id']) : str(o.mainEntityOfPage));
    let weight = t.some((x) => ARTICLE_TYPE.test(x)) ? 10 : 8.5;
    if (depth > 0) weight -= 2;
    if (sameUrl(ownUrl, url)) weight += 0.5;
    // A list's items are other pages (a hub's teasers), unless one is this page.
    out.push({ date, source: 'jsonld', weight, why: `JSON-LD ${t.join('/') || 'object'}` });
  }
}

// ---------------------------------------------------------------------------------------------
// Meta tags

/** Meta names of the original publication date, by convention, most specific first. */
const META_PUBLISHED: [RegExp, number][] = [
  [
    /^(?:article:published_time|og:published_time|og:publish_date|article:published|og:article:published_time|article:publicationdate|article:published_date|datepublished|published_time|published-date|published_date|article\.published|article_date_original|original-publish-date|originalpublicationdate|parsely-pub-date|sailthru\.date|dc\.date\.issued|dc\.date\.publication|dc\.date\.published|dcterms\.issued|dcsext\.articlefirstpublished|cxenseparse:recs:publishtime|rnews:datepublished|bt:pubdate|rbpubdate|pubdate|publishdate|publish-date|publish_date|pub_date|published_at|publication_date|publication-date|article_published_time|article:post_date|sn-post-date|date_published|dateposted|shareaholic:article_published_time|mediator_published_time|vr:published_time|twt-published-at)$/,
    9,
  ],
  // A creation date is the publication's stand-in: below a stated publication date.
  [/^(?:datecreated|date_created|dc\.created|dc\.date\.created|dcterms\.created|dc:created|article\.created|content_create_date)$/, 8.5],
  [
    /^(?:dc\.date|dc:date|dcterms\.date|date|created|citation_publication_date|citation_date|displaydate|doc_date|pdate|ptime|dc\.date\.available)$/,
    7,
  ],
];
const META_MODIFIED =
  /^(?:article:modified_time|og:updated_time|article:modified|datemodified|dc\.date\.modified|dcterms\.modified|last-modified|lastmod|modified_time|updated_time)$/;

function fromMeta(doc: Document, locale: string, headline: Element | null, out: Candidate[], modified: string[]): void {
  const seen = new Set<string>();
  for (const m of doc.querySelectorAll('meta')) {
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    // Attribute names in any case (a browser lower-cases them; not every parser does).
    for (const { name, value } of m.attributes) {
      const attr = name.toLowerCase();
      if (attr !== 'property' && attr !== 'name' && attr !== 'itemprop' && attr !== 'http-equiv') continue;
      const key = value.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      if (META_MODIFIED.test(key)) {
        const d = normaliseDate(content, locale);
        if (d) modified.push(d);
        continue;
      }
      const rule = META_PUBLISHED.find(([re]) => re.test(key));
      if (!rule) continue;
      // In the body, an itemprop meta belongs to whatever item holds it (a teaser, a video).
      if (attr === 'itemprop' && excluded(m, headline)) continue;
      seen.add(key);
      const date = normaliseDate(content, locale);
      if (date) out.push({ date, source: 'meta', weight: rule[1], why: `meta ${key}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Markup: itemprop, <time>, data-* attributes, hidden inputs

/** Class and id words of the parts of a page that are not the article: their dates are not its date. */
const EXCLUDED_WORD =
  /^(?:comments?|comment-\S*|\S*-comments?|replies|reply|related\S*|\S*-related|teasers?|recommend\S*|sidebar|aside|widget\S*|footer|\S*-footer|promo\S*|trending|popular|most-?\S*|newsletter|twitter-tweet|tweet|instagram-media|embed\S*|copyright|breadcrumbs?|outbrain|taboola|nav|navbar|navigation|menu|more-\S*|read-?more|latest\S*|also-\S*|rail|river|feed|card-list|story-list|headlines|top-stories|todays-paper|today-paper|masthead|ticker|carousel)$/i;

/**
 * An element inside page furniture (a comment, a teaser list, a footer, an embedded post). A
 * container that holds the headline is the article's, whatever its name (some sites lay the
 * article out in a "sidebar" column).
 */
function excluded(el: Element, headline: Element | null): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (headline && e.contains(headline)) return false;
    const tag = e.tagName.toLowerCase();
    if (tag === 'aside' || tag === 'nav' || tag === 'footer' || tag === 'iframe' || tag === 'noscript') return true;
    if (tag === 'blockquote' && /tweet|instagram|embed/i.test(e.getAttribute('class') ?? '')) return true;
    const words = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (words.some((w) => w && EXCLUDED_WORD.test(w))) return true;
  }
  return false;
}

const UPDATED_NAME = /modif|updat|edit|revis|aktualis|actualiz|atualiz|aggiorn|uppdat|changed|lastmod/i;
const PUBLISHED_NAME = /publish|pub-?date|pubdate|posted|created|release|issued|first-?date/i;

function fromMarkup(doc: Document, locale: string, headline: Element | null, out: Candidate[], modified: string[]): void {
  // itemprop=datePublished on any element: its content, datetime or text.
  const itemprops: { date: string; near: boolean; prop: string }[] = [];
  for (const el of doc.querySelectorAll('[itemprop]')) {
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    if (el.tagName.toLowerCase() === 'meta') continue; // read with the meta tags
    const isPublished = /\b(?:datepublished|datecreated|uploaddate)\b/.test(prop);
    const isModified = /\bdatemodified\b/.test(prop);
    if (!isPublished && !isModified) continue;
    if (excluded(el, headline) || inForeignItem(el, headline)) continue;
    const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
    const date = normaliseDate(value, locale);
    if (!date) continue;
    if (isModified) modified.push(date);
    else itemprops.push({ date, near: nearHeadline(el, headline), prop });
  }
  // Several items dated in the markup (a list of teasers): the one in the article's header counts fully.
  const distinct = new Set(itemprops.map((x) => x.date)).size;
  for (const x of itemprops.slice(0, 10)) {
    const weight = distinct === 1 || x.near ? 7.5 : 4.5;
    out.push({ date: x.date, source: 'time', weight, why: `itemprop ${x.prop}${x.near ? ' near the headline' : ''}` });
  }
  // <time>: pubdate, or named after the publication, or in the article's header.
  let firstHeaderTime = true;
  for (const el of doc.querySelectorAll('time')) {
    if (excluded(el, headline) || el.hasAttribute('itemprop')) continue;
    const value = el.getAttribute('datetime') ?? el.textContent;
    const date = normaliseDate(value, locale);
    if (!date) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.parentElement?.getAttribute('class') ?? ''}`;
    const context = `${names} ${el.parentElement?.textContent.slice(0, 80) ?? ''}`;
    if (UPDATED_NAME.test(names) || /\b(?:updated?|modified|aktualisiert|actualizado|mis à jour|uppdaterad)\b/i.test(context)) {
      modified.push(date);
      continue;
    }
    if (el.hasAttribute('pubdate') || PUBLISHED_NAME.test(names)) {
      out.push({ date, source: 'time', weight: 7, why: 'time pubdate' });
    } else if (firstHeaderTime && nearHeadline(el, headline)) {
      firstHeaderTime = false;
      out.push({ date, source: 'time', weight: 5.5, why: 'time near the headline' });
    }
  }
  // The microformats' and blog themes' forms: <abbr class="published" title="…">, <span class="post-date published" datetime="…">.
  for (const el of doc.querySelectorAll('[datetime]:not(time), abbr[title]')) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (el.hasAttribute('itemprop') || excluded(el, headline)) continue;
    const date = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('title'), locale);
    if (!date) continue;
    if (UPDATED_NAME.test(names)) modified.push(date);
    else if (PUBLISHED_NAME.test(names))
      out.push({ date, source: 'time', weight: 6.5, why: `${el.tagName.toLowerCase()} ${names.trim()}` });
  }
  // data-* attributes named after the publication date, and hidden inputs holding it.
  let dataCount = 0;
  for (const el of ((doc.body as HTMLElement | null) ?? doc.documentElement).querySelectorAll('*')) {
    if (dataCount >= 20) break;
    const tag = el.tagName.toLowerCase();
    if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') {
      const name = `${el.getAttribute('name') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
      if (!/date|time/i.test(name) || excluded(el, headline)) continue;
      const date = normaliseDate(el.getAttribute('value'), locale);
      if (!date) continue;
      if (UPDATED_NAME.test(name)) modified.push(date);
      else if (PUBLISHED_NAME.test(name)) out.push({ date, source: 'data', weight: 6, why: `hidden input ${name.trim()}` });
      continue;
    }
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (!name.startsWith('data-') || !/date|time|publish|posted|created/.test(name)) continue;
      const date = normaliseDate(a.value, locale);
      if (!date) continue;
      if (UPDATED_NAME.test(name)) {
        modified.push(date);
        continue;
      }
      if (excluded(el, headline)) continue;
      dataCount++;
      if (PUBLISHED_NAME.test(name)) out.push({ date, source: 'data', weight: 6, why: name });
      else if (nearHeadline(el, headline)) out.push({ date, source: 'data', weight: 4, why: `${name} near the headline` });
    }
  }
}

/**
 * Inside a microdata item that is not the page's article: another item when the article's own item
 * (the one that holds the headline) is known, else an item of a non-article type (a video, a
 * comment, a review) or an article nested as a property of another (a teaser).
 */
function inForeignItem(el: Element, headline: Element | null): boolean {
  const item = el.parentElement?.closest('[itemscope]');
  if (!item) return false;
  if (headline && item.contains(headline)) return false;
  if (headline?.closest('[itemscope]')) return true;
  const type = item.getAttribute('itemtype') ?? '';
  if (type && !/Article|BlogPosting|Report|WebPage/i.test(type)) return true;
  const outer = item.parentElement?.closest('[itemscope]');
  return !!outer && /Article|BlogPosting|WebPage/i.test(outer.getAttribute('itemtype') ?? '') && item.hasAttribute('itemprop');
}

// ---------------------------------------------------------------------------------------------
// The headline and what a reader sees around it

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The article's headline element: the h1 that matches the page's title, else another headline-like element that does, else the first long h1. */
function findHeadline(doc: Document): Element | null {
  const titles = [doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), doc.querySelector('title')?.textContent].map(
    (t) => clean(t).toLowerCase(),
  );
  const matches = (el: Element): boolean => {
    const text = clean(el.textContent).toLowerCase();
    if (text.length < 8 || text.length > 300) return false;
    const head = text.slice(0, 40);
    return titles.some((t) => t.length >= 8 && (t.includes(head) || text.includes(t.slice(0, 40))));
  };
  const h1s = [...doc.querySelectorAll('h1')].filter((h) => !isLogo(h));
  const found =
    h1s.find(matches) ??
    [...doc.querySelectorAll('h2, [itemprop="headline"], [class*="headline" i], [class*="title" i]')].find(
      (h) => h.tagName.toLowerCase() !== 'title' && !excluded(h, null) && matches(h),
    );
  return found ?? h1s.find((h) => clean(h.textContent).length >= 20 && !excluded(h, null)) ?? null;
}

/** A site's name or logo set as an h1 (the home link, a "logo" or "site-title" class): not an article's headline. */
function isLogo(h: Element): boolean {
  const names = `${h.getAttribute('class') ?? ''} ${h.getAttribute('id') ?? ''} ${h.parentElement?.getAttribute('class') ?? ''}`;
  if (/logo|brand|site-?(?:title|name)|masthead/i.test(names)) return true;
  const links = h.querySelectorAll('a[href]');
  const href = links[0]?.getAttribute('href') ?? '';
  return links.length === 1 && /^(?:\/|https?:\/\/[^/]+\/?)$/.test(href);
}

const cutoffs = new WeakMap<Element, number>();

/**
 * Where the article's header ends below the headline, in document order: at the first heading that
 * links to a story (a teaser's title: the headline was a section's or a list's) or at the second
 * other heading (after a subtitle: the body's crossheads, a "Reviews" or "Comments" section).
 * Linked names (an author's, a tag's, a section's) do not count.
 */
function headerCutoff(headline: Element): number {
  const cached = cutoffs.get(headline);
  if (cached !== undefined) return cached;
  let cutoff = Infinity;
  let headings = 0;
  const doc = headline.ownerDocument;
  for (const h of doc.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (!before(headline, h) || headline.contains(h)) continue;
    const link = h.closest('a[href]') ?? h.querySelector('a[href]');
    if (link) {
      // A linked heading of three words or more that leads to a story is a teaser's title; an
      // author's, a tag's or a section's name is not, and does not count.
      const href = link.getAttribute('href') ?? '';
      const story = !/\/(?:authors?|profiles?|people|person|staff|tags?|category|categories|topics?|section|sections)(?:\/|$)/i.test(href);
      if (!story || clean(h.textContent).split(' ').length < 3) continue;
    }
    headings++;
    if (headings >= 2 || link) {
      cutoff = position(h).order;
      break;
    }
  }
  cutoffs.set(headline, cutoff);
  return cutoff;
}

/** The element shares the headline's header: within a few levels of the headline's container and before the body text runs on. */
function nearHeadline(el: Element, headline: Element | null): boolean {
  if (!headline) return false;
  if (before(headline, el) && position(el).order >= headerCutoff(headline)) return false;
  let container: Element | null = headline;
  for (let i = 0; i < 4 && container.parentElement; i++) {
    container = container.parentElement;
    if (container.contains(el)) {
      // Above the headline only within its header block (a kicker and a dateline), not a list of teasers above the article.
      if (before(el, headline) && !headline.contains(el)) {
        const tag = container.tagName.toLowerCase();
        const block = tag !== 'body' && tag !== 'html' && tag !== 'main' && clean(container.textContent).length < 1000;
        return block && textBetween(headline, el) < 200;
      }
      return textBetween(headline, el) < 1500;
    }
  }
  return false;
}

/** Each element's place in document order and its offset in the document's text, computed once per document. */
const positions = new WeakMap<Document, Map<Element, { order: number; offset: number }>>();

function position(el: Element): { order: number; offset: number } {
  const doc = el.ownerDocument;
  let index = positions.get(doc);
  if (!index) {
    index = new Map();
    let n = 0;
    let order = 0;
    const walker = doc.createTreeWalker(doc.documentElement, 1 | 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) index.set(node as Element, { order: order++, offset: n });
      else {
        const tag = node.parentElement?.tagName.toLowerCase();
        if (tag !== 'script' && tag !== 'style') n += (node.textContent ?? '').trim().length;
      }
    }
    positions.set(doc, index);
  }
  return index.get(el) ?? { order: 0, offset: 0 };
}

/** `a` comes before `b` in document order (by the index: not every DOM implementation orders compareDocumentPosition right). */
function before(a: Element, b: Element): boolean {
  return position(a).order < position(b).order;
}

/** Characters of text between two elements in document order (either way). */
function textBetween(a: Element, b: Element): number {
  const [first, second] = before(a, b) ? [a, b] : [b, a];
  const end = position(first).offset + (first.contains(second) ? 0 : clean(first.textContent).length);
  return Math.max(0, position(second).offset - end);
}

/** Labels of the publication date, in the languages read: "Published", "am", "publicado el", "Diterbitkan"… */
const PUBLISHED_LABEL =
  /(?:published|posted|first published|publicado|publicada|publié|publiée|publicerad|publicerat|publiserad|publiceret|veröffentlicht|publiziert|erschienen|pubblicato|gepubliceerd|geplaatst|diterbitkan|dipublikasikan|terbit|date|datum|fecha|data|입력|등록|発行|発表)(?![\p{L}])\W{0,3}(?:on|am|le|el|em|il|op|den|pada)?\W{0,3}$/iu;
const UPDATED_LABEL =
  /(?:updated?|modified|last modified|aktualisiert|geändert|actualizado|actualizada|mis à jour|modifié|uppdaterad|uppdaterat|oppdatert|opdateret|aggiornato|atualizado|bijgewerkt|gewijzigd|diperbarui|수정|更新)(?![\p{L}])\W{0,3}(?:on|am|le|el|em|il|op|den|pada)?\W{0,3}$/iu;
/** Lines that carry a date which is not the article's: copyright, the masthead's edition, a print issue. */
const FOREIGN_LINE = /©|copyright|today['’]?s paper|e-?paper|print edition|this edition|edição impressa|heute|aujourd'hui|idag|hoy\b/i;

function shape(el: Element): string {
  const p = el.parentElement;
  return `${el.tagName}.${el.getAttribute('class') ?? ''}<${p?.tagName ?? ''}.${p?.getAttribute('class') ?? ''}`;
}

interface TextDate {
  date: string;
  labelled: 'published' | 'updated' | null;
  /** Characters of text between the headline and the date. */
  distance: number;
  /** The dated element's tag and class, with its parent's: alike in every item of a list. */
  shape: string;
}

/** Dates in the text around the headline: a little before it within its header, and what follows until the body runs on. */
function datesNearHeadline(doc: Document, headline: Element, locale: string): TextDate[] {
  const out: TextDate[] = [];
  const root = (doc.body as Element | null) ?? doc.documentElement;
  // The header that holds the headline: text before the headline counts only inside it.
  let header: Element = headline;
  for (let i = 0; i < 3 && header.parentElement && header.parentElement !== root; i++) {
    const parent: Element = header.parentElement;
    if (clean(parent.textContent).length > 3000) break;
    header = parent;
  }
  const texts: { text: string; el: Element; after: boolean }[] = [];
  const walker = doc.createTreeWalker(root, 4);
  const cutoff = headerCutoff(headline);
  let after = false;
  let consumed = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    const tag = parent.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    if (headline.contains(node)) {
      after = true;
      continue;
    }
    const text = clean(node.textContent);
    if (!text) continue;
    if (!after) {
      if (header.contains(node)) texts.push({ text, el: parent, after: false });
      continue;
    }
    if (position(parent).order >= cutoff) break;
    texts.push({ text, el: parent, after: true });
    consumed += text.length;
    if (consumed > 1200) break;
  }
  // Text before the headline: only the last few pieces (a kicker and a dateline), measured backwards.
  let before = 0;
  const beforeTexts = texts.filter((t) => !t.after).reverse();
  for (const t of beforeTexts) {
    before += t.text.length;
    if (before > 300) break;
    add(t.text, t.el, before);
  }
  let distance = 0;
  // A text node may hold half a dateline ("Published" | "18 November 2019"): read each with the one before.
  let prev = '';
  for (const t of texts.filter((x) => x.after)) {
    add(t.text, t.el, distance, prev);
    distance += t.text.length;
    prev = t.text;
  }
  return out;

  function add(text: string, el: Element, dist: number, previous = ''): void {
    if (excluded(el, headline) || FOREIGN_LINE.test(text) || text.length > 400) return;
    // The line the text belongs to: "Tuesday, November 19, 2019 | <a>Today's Paper</a>".
    const line = clean((el.closest('p, li, div, span, header, section') ?? el).textContent);
    if (line.length < 200 && FOREIGN_LINE.test(line)) return;
    const context = `${previous.slice(-40)} ${text}`;
    const offset = context.length - text.length;
    for (const d of findDates(context, locale, { strict: true })) {
      if (d.end <= offset) continue;
      const lead = context.slice(Math.max(0, d.start - 40), d.start);
      const labelled = UPDATED_LABEL.test(lead) ? 'updated' : PUBLISHED_LABEL.test(lead) ? 'published' : null;
      const date = normaliseDate(d.iso);
      if (date) out.push({ date, labelled, distance: dist, shape: shape(el) });
    }
  }
}

/** Short elements named after a date or byline anywhere in the article (some sites put the dateline under the text). */
function datesInDateElements(doc: Document, headline: Element | null, locale: string): string[] {
  const scope = headline?.closest('article, main, [role="main"]') ?? doc.querySelector('article, main, [role="main"]');
  if (!scope) return [];
  const out: string[] = [];
  for (const el of scope.querySelectorAll(
    '[class*="date" i], [class*="byline" i], [class*="posted" i], [class*="publish" i], [class*="timestamp" i], [class*="submitted" i], [class*="meta" i]',
  )) {
    const cls = el.getAttribute('class') ?? '';
    if (UPDATED_NAME.test(cls) || excluded(el, headline)) continue;
    const text = clean(el.textContent);
    if (!text || text.length > 120 || FOREIGN_LINE.test(text)) continue;
    // The label may sit outside the element: "Updated <time class="byline__date">…</time>".
    const parentText = clean(el.parentElement?.textContent);
    const at = parentText.length < 300 ? parentText.indexOf(text) : -1;
    const outside = at > 0 ? `${parentText.slice(Math.max(0, at - 40), at)} ` : '';
    for (const d of findDates(text, locale, { strict: true })) {
      const lead = outside + text.slice(Math.max(0, d.start - 40), d.start);
      if (UPDATED_LABEL.test(lead)) continue;
      const date = normaliseDate(d.iso);
      if (date) out.push(date);
      break;
    }
    if (out.length >= 5) break;
  }
  return out;
}

/** Dates a reader sees near the headline and in dateline elements; returns the first "Updated" date shown, if any. */
function fromText(doc: Document, headline: Element | null, locale: string, out: Candidate[], modified: string[]): string | null {
  let updated: string | null = null;
  if (headline) {
    const found = datesNearHeadline(doc, headline, locale);
    for (const d of found.filter((x) => x.labelled === 'updated')) modified.push(d.date);
    updated = found.find((x) => x.labelled === 'updated')?.date ?? null;
    const published = found.filter((x) => x.labelled === 'published');
    if (published[0]) {
      out.push({ date: published[0].date, source: 'byline', weight: 5.5, why: 'labelled dateline near the headline' });
    }
    const plain = found.filter((x) => x.labelled === null);
    const first = plain[0];
    if (first) {
      // Dated elements of the same shape with another date are items of a list (an author's or a tag's page).
      const list = plain.some((x) => x.shape === first.shape && x.date !== first.date);
      const w = list ? 2 : first.distance < 400 ? 4 : 3;
      out.push({ date: first.date, source: 'byline', weight: w, why: `dateline near the headline${list ? ' (one of a list)' : ''}` });
      // Other unlabelled dates near the headline make it unsure (a teaser, an event's date).
      for (const p of plain.slice(1, 3)) out.push({ date: p.date, source: 'byline', weight: 1, why: 'another date near the headline' });
    }
  }
  const classed = datesInDateElements(doc, headline, locale);
  // Dated elements with different dates are a list (teasers, search results, reviews): none is the article's.
  const list = new Set(classed).size > 1;
  if (classed[0])
    out.push({
      date: classed[0],
      source: 'byline',
      weight: list ? 2 : 3.5,
      why: `element named after the date${list ? ' (one of a list)' : ''}`,
    });
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Locale and decision

/** The page's locale for numeric dates: html lang, og:locale, Content-Language ("en-US", "de", "en-GB"). */
function pageLocale(doc: Document): string {
  const lang = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang');
  const og = doc.querySelector('meta[property="og:locale"]')?.getAttribute('content');
  const http = doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  const candidates = [lang, og, http].map((x) => (x ?? '').trim().replace('_', '-').split(',')[0] ?? '').filter(Boolean);
  // A locale with a region says more than a bare language.
  return candidates.find((c) => c.includes('-')) ?? candidates[0] ?? 'und';
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Sources in the order of their reliability, for naming the winner of a group. */
const SOURCE_ORDER: PublishedSource[] = ['jsonld', 'meta', 'time', 'data', 'url', 'byline'];

/**
 * The page's original publication date and the source that states it, or nulls. `url` is the
 * page's address (its canonical URL or the one it was saved from).
 */
export function findPublished(
  doc: Document,
  url: string | null,
  opts: {
    /** YYYY-MM-DD: no publication is later (default: the clock's day). */
    today?: string;
    /** Only these sources (to measure what the others find when a page has no metadata). */
    sources?: readonly PublishedSource[];
    /** Receives every candidate and the modification dates seen. */
    trace?: (candidates: readonly Candidate[], modified: readonly string[]) => void;
  } = {},
): Published {
  const locale = pageLocale(doc);
  const candidates: Candidate[] = [];
  const modified: string[] = [];
  const headline = findHeadline(doc);
  fromJsonLd(doc, url, candidates, modified);
  fromMeta(doc, locale, headline, candidates, modified);
  fromMarkup(doc, locale, headline, candidates, modified);
  const fromUrl = dateFromUrl(url);
  if (fromUrl) candidates.push({ date: fromUrl, source: 'url', weight: 6, why: 'URL' });
  const updated = fromText(doc, headline, locale, candidates, modified);
  const kept = opts.sources ? candidates.filter((c) => opts.sources?.includes(c.source)) : candidates;
  // A page that shows only "Updated on …" was published that day or before: the best a reader has.
  if (kept.length === 0 && updated && (!opts.sources || opts.sources.includes('byline'))) {
    kept.push({ date: updated, source: 'byline', weight: 3, why: 'only an update date is shown' });
  }
  opts.trace?.(kept, modified);
  return decide(kept, modified, opts.today ?? new Date().toISOString().slice(0, 10));
}

function decide(all: readonly Candidate[], modified: readonly string[], today: string): Published {
  // No publication after today, nor after the page's last modification (a day's slack for time zones).
  const latestModified = modified.length ? Math.max(...modified.map(dayNumber)) : Infinity;
  const limit = Math.min(dayNumber(today) + 1, latestModified + 1);
  const candidates = all.filter((c) => dayNumber(c.date) <= limit && c.date !== '1970-01-01');
  if (candidates.length === 0) return { date: null, source: null };

  // Group by day; a neighbouring day supports a group at half weight (UTC vs local time).
  const days = [...new Set(candidates.map((c) => c.date))];
  const scored = days.map((date) => {
    const own = candidates.filter((c) => c.date === date).sort((a, b) => b.weight - a.weight);
    const near = candidates.filter((c) => Math.abs(dayNumber(c.date) - dayNumber(date)) === 1);
    const top = own[0]?.weight ?? 0;
    const support = own.slice(1).reduce((s, c) => s + c.weight * 0.3, 0) + near.reduce((s, c) => s + c.weight * 0.15, 0);
    const bySource = [...own].sort((a, b) => b.weight - a.weight || SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
    return { date, top, score: top + support, source: bySource[0]?.source ?? 'byline' };
  });
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best) return { date: null, source: null };
  // Weak evidence only (no metadata, no markup, no URL), and it disagrees: no answer.
  if (best.top < 5 && second && Math.abs(dayNumber(second.date) - dayNumber(best.date)) > 1 && second.score > best.score - 1.5) {
    return { date: null, source: null };
  }
  if (best.score < 3) return { date: null, source: null };
  return { date: best.date, source: best.source };
}
