/** UI strings from _locales through the browser's i18n API. */
import { getMessage, getUILanguage } from './runtime';

export function message(key: string, substitutions?: string | string[]): string {
  return getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return getUILanguage();
}

/**
 * The language of the UI's words: the locale of the messages.json the browser picked (its
 * `uiLocale` message), made more specific by the browser's UI language when they agree ("en" +
 * "en-GB" → "en-GB"). Dates and <html lang> follow it, so they never disagree with the words (a
 * browser can report "en-US" while it serves the Swedish messages).
 */
export function uiLocale(): string {
  const browserLang = uiLanguage();
  const words = message('uiLocale');
  if (words === 'uiLocale' || words === '') return browserLang;
  return browserLang.toLowerCase().split('-')[0] === words.toLowerCase() ? browserLang : words;
}
