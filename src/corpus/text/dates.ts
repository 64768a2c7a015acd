/**
 * Calendar dates as news pages print them, in en, sv, de, fr, es, pt, it, nl, id, da/nb and ru:
 * "2025-11-11", "June 13, 2025", "Nov. 19, 2019", "13 June 2025", "13. Juni 2025",
 * "11 de noviembre de 2025", "tisdag 11 november 2025", "19.11.2019", "19/11/2019",
 * "24 сентября 2018". Only dates with a year count: "Friday, July 4" in a page header is not an
 * article's date.
 */
import { monthEntries } from '../../core/dates/months';

export interface DateMention {
  /** YYYY-MM-DD */
  iso: string;
  /** Offsets of the match in the searched text. */
  start: number;
  end: number;
}

/**
 * Abbreviations that news sites print and the shared table does not list (it serves the temporal
 * rules too): fr "janv.", "févr.", "juil."; es/it/pt/nl/id three-letter forms; "märz".
 */
const MORE_ABBREVIATIONS: [string, number][] = [
  ['janv', 1],
  ['févr', 2],
  ['fevr', 2],
  ['märz', 3],
  ['mrt', 3],
  ['avr', 4],
  ['mag', 5],
  ['giu', 6],
  ['juil', 7],
  ['lug', 7],
  ['agu', 8],
  ['agt', 8],
  ['ags', 8],
  ['ago', 8],
  ['sept', 9],
  ['set', 9],
  ['sep', 9],
  ['oct', 10],
  ['okt', 10],
  ['ott', 10],
  ['out', 10],
  ['nov', 11],
  ['dic', 12],
  ['dez', 12],
  ['des', 12],
  ['déc', 12],
];

/**
 * Month names and stems (lower-case, diacritics kept) → month number, from the shared table
 * (Danish and Norwegian names are covered by the Swedish and German ones). A stem matches any
 * longer word form.
 */
const MONTHS: [string, number][] = [...monthEntries(['en', 'sv', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'id', 'ru']), ...MORE_ABBREVIATIONS];

/** Full month names and stems long enough to be unambiguous, longest first (so "june" wins over "jun"). */
const MONTH_ALTERNATION = [...new Set(MONTHS.map(([n]) => n))].sort((a, b) => b.length - a.length).join('|');

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  let best: [string, number] | null = null;
  for (const entry of MONTHS) {
    const [stem] = entry;
    // Abbreviations must match whole; long names may carry an inflection ("сентября", "Januar").
    const ok = stem.length <= 4 ? w === stem : w.startsWith(stem) && w.length - stem.length <= 3;
    if (ok && (!best || stem.length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

const M = `(${MONTH_ALTERNATION})[\\p{L}]{0,4}\\.?`;
const D = '([0-3]?\\d)(?:st|nd|rd|th|er|e|\\.|º|°)?';
const Y = '((?:19|20)\\d\\d)';
// Month names glued to the word before them in a dump ("EditorJune 13, 2025") are separated by
// {@link deglue} before matching.
const PATTERNS: { re: RegExp; order: 'ymd' | 'mdy' | 'dmy' | 'numeric' }[] = [
  { re: new RegExp(`(?<![\\d])${Y}-(\\d\\d)-(\\d\\d)(?![\\d])`, 'gu'), order: 'ymd' },
  { re: new RegExp(`(?<![\\p{L}])${M}\\s+${D},?\\s+${Y}(?!\\d)`, 'giu'), order: 'mdy' },
  // "18 November 2019", "18. November 2019", "18 de noviembre de 2019", "18th of November 2019", "18-Nov-2019".
  { re: new RegExp(`(?<![\\p{L}\\d])${D}(?:\\s*|-)(?:(?:de|of)\\s+)?${M}(?:,?\\s+|-)(?:de\\s+)?${Y}(?!\\d)`, 'giu'), order: 'dmy' },
  { re: /(?<![\d.])([0-3]?\d)([./])([01]?\d)\2((?:19|20)\d\d)(?![\d])/gu, order: 'numeric' },
  { re: /(?<![\d/])((?:19|20)\d\d)\/(\d\d)\/(\d\d)(?![\d/])/gu, order: 'ymd' },
  // "18. 11. 2019" (a space after each dot).
  { re: /(?<![\d.])([0-3]?\d)(\.)\s([01]?\d)\.\s((?:19|20)\d\d)(?![\d])/gu, order: 'numeric' },
  // Chinese, Japanese and Korean: "2019年11月18日", "2019년 11월 18일".
  { re: /((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/gu, order: 'ymd' },
  // Two-digit years ("11/19/19 06:56 AM", "19.11.19").
  { re: /(?<![\d./])([0-3]?\d)([./])([01]?\d)\2(\d\d)(?![\d./])/gu, order: 'numeric' },
];

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Day or month first in "05/06/2025", by locale, when both numbers could be a month: US English
 * writes the month first; the rest of the English-speaking world and the other languages the day.
 * Bare "en" and an unknown language do not say: null.
 */
function dayFirstByLocale(lang: string): boolean | null {
  const l = lang.toLowerCase().replace('_', '-');
  if (l === 'en-us' || l === 'en-ph') return false;
  if (l.startsWith('en-')) return true;
  if (l === 'en' || l === 'und' || l === '') return null;
  return true;
}

function toIso(
  order: 'ymd' | 'mdy' | 'dmy' | 'numeric',
  a: string,
  b: string,
  c: string,
  e: string,
  lang: string,
  strict: boolean,
): string | null {
  if (order === 'ymd') return iso(+a, +b, +c);
  if (order === 'mdy') {
    const month = monthNumber(a);
    return month ? iso(+c, month, +b) : null;
  }
  if (order === 'dmy') {
    const month = monthNumber(b);
    return month ? iso(+c, month, +a) : null;
  }
  // Numeric: a, separator b, c, year e (two-digit years: 00-69 → 2000s, 70-99 → 1900s).
  const x = +a;
  const y = +c;
  // A second number over 12 is the day, whatever the separator ("11.14.2019" is 14 November).
  let dayFirst = x > 12 || (y <= 12 && (b === '.' || lang !== 'en'));
  if (strict && b !== '.' && x <= 12 && y <= 12) {
    const byLocale = dayFirstByLocale(lang);
    if (byLocale === null) return null;
    dayFirst = byLocale;
  }
  const year = e.length === 2 ? (+e < 70 ? 2000 : 1900) + +e : +e;
  return dayFirst ? iso(year, y, x) : iso(year, x, y);
}

/**
 * Every dated mention in `text`, in order. `lang` decides "05/06/2025": month first in English,
 * day first elsewhere (a number over 12 settles it either way). With `strict`, `lang` is a locale
 * ("en-US", "en-GB", "de") and a date it leaves ambiguous (bare "en", "und") is not read.
 */
export function findDates(text: string, lang = 'und', opts: { strict?: boolean } = {}): DateMention[] {
  const strict = opts.strict ?? false;
  const out: DateMention[] = [];
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [, a = '', b = '', c = '', e = ''] = m;
      const value = toIso(order, a, b, c, e, lang, strict);
      if (value) out.push({ iso: value, start: m.index, end: m.index + m[0].length });
    }
  }
  // Overlapping matches: keep the earliest, longest.
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DateMention[] = [];
  for (const d of out) {
    const prev = kept[kept.length - 1];
    if (prev && d.start < prev.end) continue;
    kept.push(d);
  }
  return kept;
}

const GLUED_WORDS = [
  ...new Set(MONTHS.map(([n]) => n).filter((n) => n.length >= 4 && /^[a-z]/.test(n))),
  'by',
  'av',
  'von',
  'par',
  'por',
  'updated',
  'published',
  'posted',
];
const GLUE = new RegExp(
  `(?<=\\p{Ll})(?=(?:${GLUED_WORDS.map((w) => (w[0] ?? '').toUpperCase() + w.slice(1)).join('|')})(?!\\p{Ll}))`,
  'gu',
);

/**
 * Separates words that a dump glued together where two page elements met: "News EditorBy News
 * EditorJune 13, 2025" → "News Editor By News Editor June 13, 2025". Only before a month name or
 * a byline/date keyword, so that "iPhone" or "LeCun" stay whole.
 */
export function deglue(text: string): string {
  return text.replace(GLUE, ' ');
}
