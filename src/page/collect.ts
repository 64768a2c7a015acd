/**
 * Reads what a page shows a reader: its title, declared language and visible text. Pure DOM
 * (no extension APIs), so it runs on fixture pages in tests exactly as in the content script.
 */
import type { PageSummary } from '../core/analysis';
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

/**
 * Summarises `doc` for the background: title, language, length, date and top words; no page
 * text crosses over beyond the title. `text` is the page's visible text when the caller has it
 * already; the entities are the matcher's to fill in.
 */
export function summarisePage(doc: Document, url: string, text?: string): PageSummary {
  text ??= buildTextMap(doc).text;
  const declared = primaryLanguage(doc.documentElement.getAttribute('lang'));
  const detected = detectLanguage(text).lang;
  let lang = 'und';
  let langSource: PageSummary['langSource'] = 'none';
  // Many sites ship a template's lang="en" on pages in other languages: trust clear text evidence first.
  if (detected !== 'und') [lang, langSource] = [detected, 'detected'];
  else if (declared) [lang, langSource] = [declared, 'declared'];
  return {
    url,
    title: pageTitle(doc).slice(0, 300),
    lang,
    langSource,
    words: countWords(text),
    published: readMeta(doc, { url }).published,
    entities: [],
    terms: pageTerms(text, lang),
  };
}
