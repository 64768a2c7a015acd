/**
 * Reads what a page shows a reader: its title, declared language and visible text. Pure DOM
 * (no extension APIs), so it runs on fixture pages in tests exactly as in the content script.
 */
import { MAX_ARTICLE_TEXT, type PageArticleText } from '../core/messages';
import { primaryLanguage } from '../core/lang-tag';
import { declaredDate } from '../corpus/html/meta';
import { articleVerdict } from './article-test';
import { buildTextMap } from './text-map';

/** The page's headline: og:title, else the first h1, else document.title. */
export function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  const h1 = doc.querySelector('h1')?.textContent.trim().replace(/\s+/g, ' ');
  if (h1) return h1;
  return doc.title.trim();
}

/** The page's declared language (`<html lang>`), primary subtag, or null. */
export function declaredLanguage(doc: Document): string | null {
  return primaryLanguage(doc.documentElement.getAttribute('lang'));
}

/** What the page's markup says, for the background's report: title, declared language, date, whether it is an article. */
export interface PageMarkup {
  url: string;
  title: string;
  declared: string | null;
  published: string | null;
  isArticle: boolean;
  /** Where the article test found the article's prose (kept by the page for {@link articleText}; never sent). */
  region: Element | null;
}

/**
 * Reads `doc`'s markup for the report: title, declared language, date and whether it is an
 * article; no text walk (the content script's scan chunks carry the text, and the background reads
 * language and top words from them: core/page-text.ts). `pause()` comes between the steps (the
 * title, the date, the article test): the content script gives the page the main thread back
 * there, since the markup steps run selectors over the whole document and on a page of 100,000
 * nodes each takes tens of milliseconds.
 */
export async function describePage(
  doc: Document,
  url: string,
  { pause = () => Promise.resolve() }: { pause?: () => Promise<void> } = {},
): Promise<PageMarkup> {
  const title = pageTitle(doc).slice(0, 300);
  await pause();
  const published = declaredDate(doc);
  await pause();
  const { article: isArticle, region } = articleVerdict(doc);
  return { url, title, declared: declaredLanguage(doc), published, isArticle, region };
}

/** The first <main>, else the first [role=main]. */
function mainElement(doc: Document): Element | null {
  return doc.querySelector('main') ?? doc.querySelector('[role="main"]');
}

/**
 * The element that holds the page's article: the region of {@link articleVerdict} (an
 * articleBody, else the block holding the prose; the <article> around it when there is one, so
 * that the headline comes along), else the largest <article>, <main>, [role=main] that has
 * visible text, else the body.
 */
export function articleRegion(doc: Document, known?: Element | null): Element | null {
  // The region the report's article test found, while it is still in the page: no second walk of the page.
  const region = known?.isConnected ? known : articleVerdict(doc).region;
  const marked =
    region !== null &&
    /(?:^|[\s/:#])articleBody(?:\s|$)/.test(`${region.getAttribute('itemprop') ?? ''} ${region.getAttribute('property') ?? ''}`);
  const candidates = [marked ? region : (region?.closest('article') ?? region), largestArticle(doc), mainElement(doc)];
  for (const el of candidates) if (el && /\S/.test(buildTextMap(el, { maxChars: 2000 }).text)) return el;
  return doc.body;
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
 * The page's article as the reader sees it, for an on-device summary: title, declared language
 * (the background reads the text's own) and the visible text (the text map's, "\n" between blocks)
 * of {@link articleRegion}, at most `maxChars`. `known`: the region the report found
 * ({@link PageMarkup.region}), which spares a walk of the whole page.
 */
export function articleText(doc: Document, maxChars = MAX_ARTICLE_TEXT, known?: Element | null): PageArticleText {
  const region = articleRegion(doc, known);
  const text = region ? buildTextMap(region, { maxChars }).text.slice(0, maxChars) : '';
  return { title: pageTitle(doc).slice(0, 300), lang: declaredLanguage(doc) ?? 'und', text };
}
