/**
 * Reads what a page shows a reader: its title, declared language and visible text. Pure DOM
 * (no extension APIs), so it runs on fixture pages in tests exactly as in the content script.
 */
import type { PageSummary } from '../core/analysis';
import type { PageArticleText } from '../core/messages';
import { detectLanguage, primaryLanguage } from '../core/lang';
import { pageTerms } from '../core/scoring';
import { countWords } from '../core/text';
import { readMeta } from '../corpus/html/meta';
import { buildTextMap } from './text-map';

/** The page's headline: og:title, else the first h1, else document.title. */
export function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  const h1 = doc.querySelector('h1')?.textContent.trim().replace(/\s+/g, ' ');
  if (h1) return h1;
  return doc.title.trim();
}

/** The page's language: clear evidence in its text first, else its declaration, else "und". */
function pageLanguage(doc: Document, text: string): { lang: string; langSource: PageSummary['langSource'] } {
  // Many sites ship a template's lang="en" on pages in other languages: trust clear text evidence first.
  const detected = detectLanguage(text).lang;
  if (detected !== 'und') return { lang: detected, langSource: 'detected' };
  const declared = primaryLanguage(doc.documentElement.getAttribute('lang'));
  if (declared) return { lang: declared, langSource: 'declared' };
  return { lang: 'und', langSource: 'none' };
}

/**
 * Summarises `doc` for the background: title, language, length, date, whether it is an article,
 * and top words; no page text crosses over beyond the title. The entities are the matcher's to
 * fill in. `maxChars` bounds the text read (default 1,000,000): the content script reads less so
 * that a report of a huge page is no long task (the words are then those of the text read).
 * `pause()` comes between the steps (the text's part, the title, the date, the article test): the
 * content script gives the page the main thread back there, since the markup steps run selectors
 * over the whole document and on a page of 100,000 nodes each takes tens of milliseconds.
 */
export async function summarisePage(
  doc: Document,
  url: string,
  { maxChars = 1_000_000, pause = () => Promise.resolve() }: { maxChars?: number; pause?: () => Promise<void> } = {},
): Promise<PageSummary> {
  const text = buildTextMap(doc, { maxChars }).text;
  const { lang, langSource } = pageLanguage(doc, text);
  const words = countWords(text);
  const terms = pageTerms(text, lang);
  await pause();
  const title = pageTitle(doc).slice(0, 300);
  await pause();
  const { published } = readMeta(doc, { url });
  await pause();
  return { url, title, lang, langSource, words, published, isArticle: isArticlePage(doc, words, maxChars), entities: [], terms };
}

/** schema.org types that are articles: Article and its kin (NewsArticle, ReportageNewsArticle, …), blog posts. */
const ARTICLE_TYPE = /(?:Article|BlogPosting)$/;
/** JSON-LD larger than this is not read (it is only a hint). */
const MAX_JSON_LD = 1_000_000;
/** Objects looked at per JSON-LD block. */
const MAX_JSON_LD_OBJECTS = 200;

/** Whether a JSON-LD value (an object, an array of them, an @graph) declares an article type. */
function declaresArticle(root: unknown): boolean {
  const queue: unknown[] = [root];
  for (let seen = 0; queue.length > 0 && seen < MAX_JSON_LD_OBJECTS; seen++) {
    const v = queue.shift();
    if (Array.isArray(v)) {
      queue.push(...(v as unknown[]));
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    // "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle", or a list of them.
    const types = (Array.isArray(t) ? (t as unknown[]) : [t]).filter((x): x is string => typeof x === 'string');
    if (types.some((x) => ARTICLE_TYPE.test(x.trim()))) return true;
    if (o['@graph'] !== undefined) queue.push(o['@graph']);
  }
  return false;
}

/**
 * Whether the page presents one article: og:type "article", a schema.org article type in its
 * JSON-LD (inside arrays and @graph too; broken JSON is skipped), itemprop=articleBody, or an
 * <article> element that holds most of the page's `words`. Cheap: no layout, one extra text walk
 * at most (of the largest <article>, `maxChars` at most: pass the bound `words` were counted with).
 */
export function isArticlePage(doc: Document, words: number, maxChars = 1_000_000): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article:')) return true;
  if (doc.querySelector('[itemprop~="articleBody"]')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const json = script.textContent;
    if (!json || json.length > MAX_JSON_LD) continue;
    try {
      if (declaresArticle(JSON.parse(json))) return true;
    } catch {
      // Sites ship broken JSON-LD: it is only a hint.
    }
  }
  const largest = largestArticle(doc);
  return largest !== null && words > 0 && countWords(buildTextMap(largest, { maxChars }).text) > words / 2;
}

/** The <article> element with the most text (a page of teasers has many small ones). */
function largestArticle(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of doc.querySelectorAll('article')) {
    const length = el.textContent.length;
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return best;
}

/**
 * The element that holds the page's article: the first of [itemprop=articleBody], <article> (the
 * largest), <main>, [role=main] that has visible text, else the body.
 */
export function articleRegion(doc: Document): Element | null {
  const candidates = [
    doc.querySelector('[itemprop~="articleBody"]'),
    largestArticle(doc),
    doc.querySelector('main'),
    doc.querySelector('[role="main"]'),
  ];
  for (const el of candidates) if (el && /\S/.test(buildTextMap(el, { maxChars: 2000 }).text)) return el;
  return doc.body;
}

/**
 * The page's article as the reader sees it, for an on-device summary: title, language and the
 * visible text (the text map's, "\n" between blocks) of {@link articleRegion}, at most `maxChars`.
 */
export function articleText(doc: Document, maxChars = 200_000): PageArticleText {
  const region = articleRegion(doc);
  const text = region ? buildTextMap(region, { maxChars }).text.slice(0, maxChars) : '';
  return { title: pageTitle(doc).slice(0, 300), lang: pageLanguage(doc, text).lang, text };
}
