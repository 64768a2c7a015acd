/**
 * Language tags as pages declare them. Apart from ./lang (language identification by function
 * words) because the content script reads declared tags only, and every byte and every table
 * built at load costs every page.
 */

/** "en-GB" → "en", "SV" → "sv"; anything that is not a language tag → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*$/.exec(tag ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
