/** A label locale as the UI builds it: the messages.json the browser would pick for `lang` (sv, else the default en). */
import { readFileSync } from 'node:fs';
import type { LabelLocale } from '../../../src/core/dates/labels';
import { translatorFrom } from '../../../src/ui/i18n';

type Messages = Parameters<typeof translatorFrom>[0];
const messages = (lang: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../../assets/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;
const translators = { en: translatorFrom(messages('en')), sv: translatorFrom(messages('sv')) };

export const locale = (lang: string): LabelLocale => ({
  t: lang.toLowerCase().split(/[-_]/u)[0] === 'sv' ? translators.sv : translators.en,
  lang,
});
