/**
 * Counts words the way readers do: runs of letters or digits (Unicode-aware), keeping
 * apostrophes and hyphens inside a word ("LeCun’s", "world-model") and the Swedish colon
 * inflection of abbreviations ("AI:s", "USA:n") as one word.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|:\p{Ll}{1,3}(?![\p{L}\p{N}]))*/gu)) n++;
  return n;
}

/**
 * Case- and diacritic-folded text, white space collapsed: the key under which names compare
 * ("Åre  Öland" → "are oland", "Metas" and "METAS" meet). Compatibility forms are decomposed too
 * (NFKD: a ligature "ﬁ" or a full-width letter folds to its plain letters). The alias index
 * (background/db.ts) and the pipeline's entity keys (corpus/entities/tokens.ts) both fold with it.
 *
 * Near-copies that differ on purpose: core/matcher/tokens.ts folds one page word at a time on the
 * hot path (an ASCII fast path, soft hyphens and zero-width characters removed, no trimming, since a
 * token's fold must stay that token's); page/declutter/appeals.ts uses ASCII-only patterns (Unicode
 * property classes cost tens of milliseconds to compile in the content script) and also maps
 * ß/ø/æ…; core/scoring.ts's foldTitle keeps diacritics (a headline is compared, not a name).
 */
export function foldCase(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
