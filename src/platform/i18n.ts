/** UI strings from _locales through the browser's i18n API. */
import browser from './browser';

export function message(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
