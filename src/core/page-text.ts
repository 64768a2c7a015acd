/**
 * What a page's visible text says, worked out in the background from the text a content script
 * sends (its scan chunks, bounded): the language, the top words for story scoring and the word
 * count. Pure, so the content script, the background and the tests agree on it.
 */
import type { PageSummary } from './analysis';
import { detectLanguage } from './lang';
import { pageTerms } from './scoring';
import { countWords } from './text';

// (The sample's limit is the protocol's: ./messages.ts, which the content script loads without this module.)
export { MAX_PAGE_SAMPLE } from './messages';

/** The page's language: clear evidence in its text first (many sites ship a template's lang="en"), else its declaration, else "und". */
export function textLanguage(text: string, declared: string | null): { lang: string; langSource: PageSummary['langSource'] } {
  const detected = detectLanguage(text).lang;
  if (detected !== 'und') return { lang: detected, langSource: 'detected' };
  if (declared) return { lang: declared, langSource: 'declared' };
  return { lang: 'und', langSource: 'none' };
}

/** Language, word count and top words of a page's text. */
export function textSummary(text: string, declared: string | null): Pick<PageSummary, 'lang' | 'langSource' | 'words' | 'terms'> {
  const { lang, langSource } = textLanguage(text, declared);
  return { lang, langSource, words: countWords(text), terms: pageTerms(text, lang) };
}
