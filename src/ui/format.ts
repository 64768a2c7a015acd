/** Numbers and language names for the UI language through Intl. */

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** "sv" → "Swedish" in an English UI, "svenska" in a Swedish one; "und" → null. */
export function languageName(code: string, uiLang: string): string | null {
  if (!code || code === 'und') return null;
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
