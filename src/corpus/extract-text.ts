/**
 * Article extraction from a plain-text dump of a web page (what `innerText`, a text browser or a
 * copy-paste gives): the article's paragraphs and crossheads, without the menus, teaser lists,
 * share bars and footers around them, plus its metadata (title, outlet, date, language, byline,
 * lead), all found by general cues (see text/classify.ts and text/meta.ts). Pure: runs in Node
 * and in the browser, in time linear in the size of the dump.
 */
import { ExtractionError, type ExtractedArticle } from './types';
import { notTextReason, toBlocks } from './text/blocks';
import { articleBlocks, bestRegion, classify, type Scored } from './text/classify';
import { guessLanguage } from './text/language';
import { findMetadata } from './text/meta';

export interface ExtractTextOptions {
  /** Shown in errors (a file name). */
  name?: string;
}

/** Enough prose to call it an article: one real paragraph and a few sentences' worth of words. */
const MIN_BODY_WORDS = 25;

export function extractText(raw: string, opts: ExtractTextOptions = {}): ExtractedArticle {
  const name = opts.name ?? 'text';
  const reason = notTextReason(raw);
  if (reason) throw new ExtractionError(name, reason);
  const blocks = toBlocks(raw);
  // The page's language from its longer lines (menus are short), for the function-word density.
  const sample = blocks
    .filter((b) => b.text.length >= 60)
    .map((b) => b.text)
    .join('\n')
    .slice(0, 20_000);
  const scored = classify(blocks, guessLanguage(sample));
  const region = bestRegion(scored);
  let body = articleBlocks(scored, region.start, region.end);
  if (!body.some((b) => b.kind === 'good')) throw new ExtractionError(name, 'no article-like paragraph found');

  const firstText = body
    .slice(0, 10)
    .map((b) => b.text)
    .join('\n');
  const lang = guessLanguage(firstText);
  const meta = findMetadata(scored, body, lang);
  const drop = new Set<number>([...meta.leadIndices, meta.titleIndex, meta.bylineIndex, meta.publishedIndex]);
  body = body.filter((b) => !drop.has(b.index) && !(meta.title !== null && b.text === meta.title));
  const words = body.reduce((n, b) => n + b.words, 0);
  if (words < MIN_BODY_WORDS) throw new ExtractionError(name, `no article-like paragraph found (only ${String(words)} words of prose)`);

  const text = join(body);
  return {
    title: meta.title ?? fallbackTitle(text),
    source: meta.source,
    url: findUrl(scored),
    published: meta.published,
    lang: guessLanguage(text),
    byline: meta.byline,
    lead: meta.lead,
    body: text,
  };
}

function join(body: readonly Scored[]): string {
  return body.map((b) => b.text).join('\n\n');
}

/** No headline found: the first words of the article stand in (the contract needs a title). */
function fallbackTitle(body: string): string {
  const first = body.split('\n')[0] ?? '';
  const words = first.split(/\s+/u);
  return words.length <= 12 ? first : `${words.slice(0, 12).join(' ')}…`;
}

/** A canonical address the dump states on a line of its own ("url: https://…", "https://…"). */
function findUrl(scored: readonly Scored[]): string | null {
  for (const b of scored.slice(0, 5)) {
    const m = /^(?:url|source|link|canonical)?\s*:?\s*(https?:\/\/\S+)$/iu.exec(b.text);
    if (m?.[1]) return m[1];
  }
  return null;
}
