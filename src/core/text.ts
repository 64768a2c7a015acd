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
