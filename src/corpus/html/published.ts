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

/**
 * The weight of a "published" date that is, to the second, the page's modification time: many
 * systems fill both from the last save, so it is the update's; an earlier date the page shows
 * (its <time>, its byline) is then the original publication (htmldate's original-date rule).
 */
const UPDATE_AS_PUBLISHED = 4.5;

/** Whether two date values name the same instant to the second: the same text with a time of day. */
function sameInstant(published: string | null | undefined, modified: string | null | undefined): boolean {
  if (!published || !modified) return false;
  const p = published.trim();
  return p.length >= 16 && /\d:\d\d/.test(p) && p === modified.trim();
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
    if (foreign) continue; // an embedded video's, a related item's, a comment's
    const ownUrl = str(o.url) ?? (isObject(o.mainEntityOfPage) ? str(o.mainEntityOfPage['@id']) : str(o.mainEntityOfPage));
    let weight = t.some((x) => ARTICLE_TYPE.test(x)) ? 10 : 8.5;
    if (depth > 0) weight -= 2;
    if (sameUrl(ownUrl, url)) weight += 0.5;
    if (sameInstant(value, str(o.dateModified))) weight = UPDATE_AS_PUBLISHED;
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

/** The content of the first meta tag whose `attr` is `key` (case-insensitive). */
function metaValue(metas: readonly Element[], attr: string, key: string): string | null {
  for (const m of metas) if ((m.getAttribute(attr) ?? '').trim().toLowerCase() === key) return m.getAttribute('content');
  return null;
}

function fromMeta(metas: readonly Element[], locale: string, headline: Element | null, out: Candidate[], modified: string[]): void {
  const seen = new Set<string>();
  // The modification times as written, to tell a "published" time that is the last save's.
  const modifiedRaw = metas
    .filter((m) =>
      [...m.attributes].some((a) => /^(?:property|name|itemprop)$/i.test(a.name) && META_MODIFIED.test(a.value.trim().toLowerCase())),
    )
    .map((m) => m.getAttribute('content') ?? '');
  for (const m of metas) {
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
      const weight = modifiedRaw.some((raw) => sameInstant(content, raw)) ? Math.min(rule[1], UPDATE_AS_PUBLISHED) : rule[1];
      if (date) out.push({ date, source: 'meta', weight, why: `meta ${key}` });
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

const UPDATED_NAME = /modif|updat|(?<![a-z])edit|revis|aktualis|actualiz|atualiz|aggiorn|uppdat|changed|lastmod/i;
const PUBLISHED_NAME = /publish|pub-?date|pubdate|posted|created|release|issued|first-?date/i;

/** Everything the markup finder reads, in one query (one pass over a large page). */
const MARKUP = 'time, [itemprop], [datetime], abbr[title], input';

/** The text of an element's line (itself, or its parent when that is small): where labels such as "Updated" sit. */
function lineOf(el: Element): string {
  const p = el.parentElement;
  return clean(p && p.childNodes.length <= 8 ? p.textContent : el.textContent);
}

/** The label written just before an element on its line: "Updated <time>…</time>", "Published: <span>…</span>". */
function labelBefore(el: Element): 'updated' | 'published' | null {
  const line = lineOf(el);
  const text = clean(el.textContent);
  const at = text ? line.indexOf(text) : -1;
  if (at <= 0) return null;
  const lead = line.slice(Math.max(0, at - 40), at);
  return UPDATED_LABEL.test(lead) ? 'updated' : PUBLISHED_LABEL.test(lead) ? 'published' : null;
}

function fromMarkup(doc: Document, locale: string, headline: Element | null, zone: Zone, out: Candidate[], modified: string[]): void {
  const itemprops: { date: string; near: boolean; prop: string; raw: string }[] = [];
  const modifiedRaw: string[] = [];
  let firstHeaderTime = true;
  let dataCount = 0;
  const dataAttributes = (el: Element, near: boolean) => {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (!name.startsWith('data-') || !/date|time|publish|posted|created|modified|updated/.test(name)) continue;
      const date = normaliseDate(a.value, locale);
      if (!date) continue;
      if (UPDATED_NAME.test(name)) {
        modified.push(date);
        continue;
      }
      if (dataCount >= 20 || excluded(el, headline)) continue;
      dataCount++;
      if (PUBLISHED_NAME.test(name)) out.push({ date, source: 'data', weight: 6, why: name });
      else if (near) out.push({ date, source: 'data', weight: 4, why: `${name} near the headline` });
    }
  };
  for (const el of doc.querySelectorAll(MARKUP)) {
    const tag = el.tagName.toLowerCase();
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    if (prop && tag !== 'meta') {
      // itemprop=datePublished on any element: its content, datetime or text.
      const isPublished = /\b(?:datepublished|datecreated|uploaddate)\b/.test(prop);
      const isModified = /\bdatemodified\b/.test(prop);
      if ((isPublished || isModified) && !excluded(el, headline) && !inForeignItem(el, headline)) {
        const raw = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
        const date = normaliseDate(raw, locale);
        if (date && isModified) {
          modified.push(date);
          modifiedRaw.push(raw);
        } else if (date) itemprops.push({ date, near: zone.elements.has(el), prop, raw });
      }
    } else if (tag === 'time') {
      // <time>: pubdate, or named after the publication, or in the article's header.
      const date = excluded(el, headline) ? null : normaliseDate(el.getAttribute('datetime') ?? el.textContent, locale);
      const withParent = `${names} ${el.parentElement?.getAttribute('class') ?? ''}`;
      if (!date) {
        // not a date
      } else if (UPDATED_NAME.test(withParent) || labelBefore(el) === 'updated') {
        modified.push(date);
      } else if (el.hasAttribute('pubdate') || PUBLISHED_NAME.test(withParent)) {
        out.push({ date, source: 'time', weight: 7, why: 'time pubdate' });
      } else if (firstHeaderTime && zone.elements.has(el)) {
        firstHeaderTime = false;
        out.push({ date, source: 'time', weight: 5.5, why: 'time near the headline' });
      }
    } else if (tag === 'input') {
      // Hidden inputs that hold the publication date.
      if ((el.getAttribute('type') ?? '').toLowerCase() !== 'hidden') continue;
      const name = `${el.getAttribute('name') ?? ''} ${names}`;
      if (!/date|time/i.test(name) || excluded(el, headline)) continue;
      const date = normaliseDate(el.getAttribute('value'), locale);
      if (date && UPDATED_NAME.test(name)) modified.push(date);
      else if (date && PUBLISHED_NAME.test(name)) out.push({ date, source: 'data', weight: 6, why: `hidden input ${name.trim()}` });
    } else if (el.hasAttribute('datetime') || (tag === 'abbr' && el.hasAttribute('title'))) {
      // The microformats' and blog themes' forms: <abbr class="published" title="…">, <span class="post-date published" datetime="…">.
      if (excluded(el, headline)) continue;
      const date = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('title'), locale);
      if (date && UPDATED_NAME.test(names)) modified.push(date);
      else if (date && PUBLISHED_NAME.test(names)) out.push({ date, source: 'time', weight: 6.5, why: `${tag} ${names.trim()}` });
    }
    if (tag !== 'input') dataAttributes(el, zone.elements.has(el));
  }
  // Several items dated in the markup (a list of teasers): the one in the article's header counts fully.
  const distinct = new Set(itemprops.map((x) => x.date)).size;
  for (const x of itemprops.slice(0, 10)) {
    let weight = distinct === 1 || x.near ? 7.5 : 4.5;
    if (modifiedRaw.some((m) => sameInstant(x.raw, m))) weight = Math.min(weight, UPDATE_AS_PUBLISHED);
    out.push({ date: x.date, source: 'time', weight, why: `itemprop ${x.prop}${x.near ? ' near the headline' : ''}` });
  }
  // data-* attributes in the article's header (data-timestamp, data-date…) and on the containers
  // that hold the headline (data-published on the <article>). Not on every element of the page: a
  // selector per attribute name costs a pass over a large page each.
  for (const el of zone.elements) if (!el.matches(MARKUP)) dataAttributes(el, true);
  for (let e = headline?.parentElement; e && e !== doc.body; e = e.parentElement) dataAttributes(e, false);
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
function findHeadline(doc: Document, metas: readonly Element[]): Element | null {
  const titles = [metaValue(metas, 'property', 'og:title'), doc.querySelector('title')?.textContent].map((t) => clean(t).toLowerCase());
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

/** The article's header around the headline: its elements and its text, in reading order. */
interface Zone {
  elements: Set<Element>;
  /** Text after the headline, with the characters of text between the headline and it. */
  after: { text: string; el: Element; distance: number }[];
  /** Text above the headline within its header block, nearest first. */
  before: { text: string; el: Element; distance: number }[];
}

/** Characters of text after the headline that the header spans at most (its elements; its dates are read in the first 1,200). */
const ZONE_AFTER = 1500;
const ZONE_BEFORE = 300;

/** The node after `node` in document order (its first child, else the next sibling of it or of an ancestor). */
function nextNode(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Whether `el` holds more than `limit` characters of text (counted only until then: a large container costs no more). */
function textLengthOver(el: Element, limit: number): boolean {
  let n = 0;
  let visited = 0;
  for (let node = el.firstChild as Node | null; node; node = nextNode(node, el)) {
    if (node.nodeType === 3) n += (node.textContent ?? '').replace(/\s+/g, '').length;
    if (n > limit || ++visited > 20_000) return true;
  }
  return false;
}

/** The node before `node` in document order (the last descendant of its previous sibling, else its parent). */
function previousNode(node: Node): Node | null {
  let n = node.previousSibling;
  if (!n) return node.parentNode;
  while (n.lastChild) n = n.lastChild;
  return n;
}

const HEADING = /^h[2-6]$/;
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Whether a heading below the headline ends the article's header: a heading that links to a story
 * (a teaser's title: the headline was a section's or a list's) does, and so does the second other
 * heading (after a subtitle come the body's crossheads or a "Reviews" or "Comments" section).
 * Linked names (an author's, a tag's, a section's) do not count.
 */
function headingKind(h: Element): 'teaser' | 'heading' | 'name' {
  const link = h.closest('a[href]') ?? h.querySelector('a[href]');
  if (!link) return 'heading';
  const href = link.getAttribute('href') ?? '';
  const story = !/\/(?:authors?|profiles?|people|person|staff|tags?|category|categories|topics?|section|sections)(?:\/|$)/i.test(href);
  return story && clean(h.textContent).split(' ').length >= 3 ? 'teaser' : 'name';
}

/**
 * The article's header: what follows the headline until the header ends (a teaser's title, the
 * second heading) or 1,500 characters of text have passed, and what precedes it within its header
 * block (a kicker, a dateline above the title; not a list of teasers above the article).
 */
function headerZone(doc: Document, headline: Element | null): Zone {
  const zone: Zone = { elements: new Set(), after: [], before: [] };
  if (!headline) return zone;
  const root = (doc.body as Element | null) ?? doc.documentElement;
  let chars = 0;
  let headings = 0;
  let node = nextNode(headline, root);
  // Skip the headline's own content.
  while (node && headline.contains(node)) node = nextNode(node, root);
  while (node && chars <= ZONE_AFTER) {
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIPPED.has(tag)) {
        // Step over its content.
        let n: Node | null = el;
        while (n && n !== root && !n.nextSibling) n = n.parentNode;
        node = n && n !== root ? n.nextSibling : null;
        continue;
      }
      if (HEADING.test(tag)) {
        const kind = headingKind(el);
        if (kind === 'teaser') break;
        if (kind === 'heading' && ++headings >= 2) break;
      }
      zone.elements.add(el);
    } else if (node.nodeType === 3 && node.parentElement) {
      const text = clean(node.textContent);
      if (text) {
        if (chars <= 1200) zone.after.push({ text, el: node.parentElement, distance: chars });
        chars += text.length;
      }
    }
    node = nextNode(node, root);
  }
  // Above the headline: only inside a small block that holds it (not the page's body or main).
  let block: Element | null = null;
  for (let e = headline.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'main' || textLengthOver(e, 1000)) break;
    block = e;
  }
  if (!block) return zone;
  chars = 0;
  for (let n = previousNode(headline); n && block.contains(n) && n !== block && chars <= ZONE_BEFORE; n = previousNode(n)) {
    if (n.nodeType === 1) {
      if (!(n as Element).contains(headline)) zone.elements.add(n as Element);
    } else if (n.nodeType === 3 && n.parentElement && !SKIPPED.has(n.parentElement.tagName.toLowerCase())) {
      const text = clean(n.textContent);
      if (text) {
        chars += text.length;
        zone.before.push({ text, el: n.parentElement, distance: chars });
      }
    }
  }
  return zone;
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

/** Dates in the text around the headline: a little above it within its header block, and what follows until the header ends. */
function datesNearHeadline(zone: Zone, headline: Element, locale: string): TextDate[] {
  const out: TextDate[] = [];
  for (const t of zone.before) add(t.text, t.el, t.distance);
  // A text node may hold half a dateline ("Published" | "18 November 2019"): read each with the one before.
  let prev = '';
  for (const t of zone.after) {
    add(t.text, t.el, t.distance, prev);
    prev = t.text;
  }
  return out;

  function add(text: string, el: Element, dist: number, previous = ''): void {
    if (excluded(el, headline) || FOREIGN_LINE.test(text) || text.length > 400) return;
    // The line the text belongs to: "Tuesday, November 19, 2019 | <a>Today's Paper</a>".
    const line = lineOf(el);
    if (line.length < 200 && FOREIGN_LINE.test(line)) return;
    const context = `${previous.slice(-40)} ${text}`;
    const offset = context.length - text.length;
    for (const d of findDates(context, locale, { strict: true })) {
      if (d.end <= offset) continue;
      const lead = context.slice(Math.max(0, d.start - 40), d.start);
      const labelled = UPDATED_LABEL.test(lead) ? 'updated' : PUBLISHED_LABEL.test(lead) ? 'published' : null;
      if (labelled === null && inProse(context.slice(d.start, d.end), el)) continue;
      const date = normaliseDate(d.iso);
      if (date) out.push({ date, labelled, distance: dist, shape: shape(el) });
    }
  }
}

/**
 * Whether an unlabelled date is told in a sentence of the article's prose ("The bridge first
 * opened on June 13, 2019, and …"), not written as a dateline. A dateline is a short line, or
 * opens a paragraph after a place or an agency in capitals ("WASHINGTON, Nov. 18, 2019 (AP) —"):
 * three words in lower case before the date make it prose, and one does in a long line.
 */
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'span', 'time', 'abbr', 'small', 'mark', 'u', 'font', 'sup', 'sub']);

function inProse(written: string, el: Element): boolean {
  // The paragraph the date is written in (a <b> or <time> inside a sentence belongs to it).
  let host = el;
  for (let up = el.parentElement; INLINE.has(host.localName) && up; up = up.parentElement) host = up;
  const block = clean(host.textContent).slice(0, 2000);
  const at = block.indexOf(written);
  const before = at < 0 ? block : block.slice(0, at);
  // Words in lower case before the date: "Posted by admin on" has one, a sentence has several.
  const words = before.match(/(?:^|[\s(“"'‘])\p{Ll}\p{L}{2,}/gu)?.length ?? 0;
  return words >= 3 || (words >= 1 && block.length > 150);
}

const DATELINE_CLASS = /date|byline|posted|publish|timestamp|submitted|meta/i;

/** Short elements named after a date or byline anywhere in the article (some sites put the dateline under the text). */
function datesInDateElements(headline: Element | null, locale: string): string[] {
  // The article that holds the headline (not a whole <main>: on a large page that is a pass over everything).
  const scope = headline?.closest('article, [itemtype*="Article"], [class*="article" i], [class*="post" i]');
  if (!scope) return [];
  const out: string[] = [];
  // The article's first elements in reading order (bounded: a page of 100,000 nodes costs no more).
  let seen = 0;
  for (let node: Node | null = scope.firstChild; node && seen < 5000; node = nextNode(node, scope)) {
    if (node.nodeType !== 1) continue;
    seen++;
    const el = node as Element;
    const cls = el.getAttribute('class') ?? '';
    if (!DATELINE_CLASS.test(cls) || UPDATED_NAME.test(cls) || excluded(el, headline)) continue;
    const text = clean(el.textContent);
    if (!text || text.length > 120 || FOREIGN_LINE.test(text)) continue;
    // The label may sit outside the element: "Updated <time class="byline__date">…</time>".
    const parentText = lineOf(el);
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
function fromText(
  doc: Document,
  headline: Element | null,
  zone: Zone,
  locale: string,
  out: Candidate[],
  modified: string[],
): string | null {
  let updated: string | null = null;
  if (headline) {
    const found = datesNearHeadline(zone, headline, locale);
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
  const classed = datesInDateElements(headline, locale);
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
function pageLocale(doc: Document, metas: readonly Element[]): string {
  const lang = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang');
  const og = metaValue(metas, 'property', 'og:locale');
  const http = metaValue(metas, 'http-equiv', 'content-language');
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
  const metas = [...doc.querySelectorAll('meta')];
  const locale = pageLocale(doc, metas);
  const candidates: Candidate[] = [];
  const modified: string[] = [];
  const headline = findHeadline(doc, metas);
  const zone = headerZone(doc, headline);
  fromJsonLd(doc, url, candidates, modified);
  fromMeta(metas, locale, headline, candidates, modified);
  fromMarkup(doc, locale, headline, zone, candidates, modified);
  const fromUrl = dateFromUrl(url);
  if (fromUrl) candidates.push({ date: fromUrl, source: 'url', weight: 6, why: 'URL' });
  const updated = fromText(doc, headline, zone, locale, candidates, modified);
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
  // A loop, not Math.max(...): a page can declare any number of modification dates.
  const latestModified = modified.length ? modified.reduce((m, d) => Math.max(m, dayNumber(d)), -Infinity) : Infinity;
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
