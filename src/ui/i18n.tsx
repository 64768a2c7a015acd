/** Translation for components: entries provide the browser's i18n; tests provide messages.json. */
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface Locale {
  t: Translate;
  /** BCP 47 tag of the UI language, for Intl formatting. */
  lang: string;
}

const LocaleContext = createContext<Locale>({ t: (k) => k, lang: 'en' });

export function LocaleProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export const useLocale = (): Locale => useContext(LocaleContext);

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A Translate over a parsed messages.json with the browser's $1/$NAME$ substitution rules. */
export function translatorFrom(messages: Messages): Translate {
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return key;
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (s: string) => s.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (m, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? fill(ph.content) : m;
    });
  };
}
