/**
 * Labels: an honest date label in the reader's language. The words are UI messages (_locales:
 * dateEarly, dateAbout, dateSummer, dateDecade, dateWeek, …) read through the `t` the UI passes
 * in, so the UI language governs them (a language without its own messages.json gets the default
 * locale's words, like every other string of the UI); dates themselves are formatted by Intl in
 * `lang`. Pure: no rule engine here, so the side panel loads only this and {@link ./period}.
 */
import { fromDay, toDay, weekdayOf } from './calendar';
import type { Season, TemporalValue } from './types';

/** The UI's translation function (src/ui/i18n.tsx `Translate`): a message key and its substitutions. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export interface LabelLocale {
  t: Translate;
  /** BCP 47 tag of the UI language, for Intl date formatting. */
  lang: string;
}

const SEASON_BY_MONTH: readonly Season[] = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
];

const formatters = new Map<string, Intl.DateTimeFormat>();
function intl(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

type Third = 'early' | 'mid' | 'late';

/** "late October 2025", "mitten av 2024". The keys are spelled out so that the locale check finds them. */
function qualified(t: Translate, q: Third, base: string): string {
  if (q === 'early') return t('dateEarly', base);
  if (q === 'mid') return t('dateMid', base);
  return t('dateLate', base);
}

function decade(t: Translate, start: number, q: Third | undefined): string {
  const s = String(start);
  if (q === 'early') return t('dateDecadeEarly', s);
  if (q === 'mid') return t('dateDecadeMid', s);
  if (q === 'late') return t('dateDecadeLate', s);
  return t('dateDecade', s);
}

function season(t: Translate, s: Exclude<Season, 'winter'>, y: number): string {
  if (s === 'spring') return t('dateSpring', String(y));
  if (s === 'summer') return t('dateSummer', String(y));
  return t('dateAutumn', String(y));
}

/**
 * An honest label for a date in the reader's language: `t` gives the words, `lang` (BCP 47) the
 * Intl date format: "13 juni 2025" / "June 13, 2025", "October 2025", "late October 2025",
 * "summer 2025", "winter 2024–25", "about 2015", "Q3 2025", "the 1990s", "week of November 3,
 * 2025". Accepts a match or a corpus event ({date, precision}); a season is read from the date
 * when `season` is missing. An unparseable date is returned as is.
 */
export function formatTemporal(v: TemporalValue, { t, lang }: LabelLocale): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v.date);
  if (!m) return v.date;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  const at = (mm: number, dd: number) => new Date(Date.UTC(y, mm - 1, dd));
  const q = v.qualifier === 'about' ? undefined : v.qualifier;

  if (v.span === 'decade') return decade(t, Math.floor(y / 10) * 10, q);
  if (v.span === 'quarter' && mo !== undefined) return t('dateQuarter', [String(Math.ceil(mo / 3)), String(y)]);
  if (v.span === 'week' && mo !== undefined && d !== undefined) {
    const thursday = toDay(y, mo, d) - weekdayOf(toDay(y, mo, d)) + 3;
    const isoYear = fromDay(thursday).y;
    const week = Math.floor((thursday - toDay(isoYear, 1, 1)) / 7) + 1;
    const monday = fromDay(thursday - 3);
    const label = t('dateWeek', [
      intl(lang, { dateStyle: 'long' }).format(new Date(Date.UTC(monday.y, monday.m - 1, monday.d))),
      String(week),
      String(isoYear),
    ]);
    return q ? qualified(t, q, label) : label;
  }
  let base: string;
  if (v.precision === 'season') {
    const s = v.season ?? (mo === undefined ? 'summer' : (SEASON_BY_MONTH[mo - 1] ?? 'summer'));
    if (s === 'winter') {
      const y2 = mo === 12 ? y + 1 : y;
      base = t('dateWinter', [String(y2 - 1), String(y2).slice(2)]);
    } else base = season(t, s, y);
  } else if (d !== undefined && mo !== undefined) base = intl(lang, { dateStyle: 'long' }).format(at(mo, d));
  else if (mo !== undefined) base = intl(lang, { month: 'long', year: 'numeric' }).format(at(mo, 1));
  else base = String(y);
  if (v.precision === 'approximate' || v.qualifier === 'about') return t('dateAbout', base);
  return q ? qualified(t, q, base) : base;
}
