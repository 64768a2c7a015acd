/**
 * Temporal expressions in news sentences, resolved to dates for the story timeline.
 *
 * Rules, not a model: each language has a table of patterns (precompiled at module load) for the
 * "cores" of expressions (a month, a season, a year, "förra veckan", "two years ago", …). A core
 * is then widened to the left by a modifier that refines it ("i slutet av", "early", "Ende") and
 * by the preposition that governs it ("i", "in", "sedan", "since", "im"). Cores that are only
 * dates in context (a bare year, a bare month, "Friday") are kept only when such a word licenses
 * them, which keeps "600 anställda", "Galaxy S22", "Theresa May" and "© 2025" out. Overlapping
 * candidates are resolved by keeping the longest, so "i slutet av oktober 2024" is one match.
 *
 * Relative expressions are resolved against the anchor, the article's publication date, with a
 * past bias because news reports what happened:
 * - a month without a year is the most recent one: the anchor's own month or an earlier month
 *   of the anchor's year, and a LATER month means the previous year ("i december" in an article
 *   of January 2025 is December 2024). A day without a year follows its month; a weekday written
 *   with it picks the year in which the date falls on that weekday ("Friday, July 4" → 2025).
 * - "on Friday" / "am Freitag" / "under fredagen" is the most recent Friday on or before the
 *   anchor; "last Friday" / "i fredags" is strictly before it; "next Friday" / "på fredag" is
 *   strictly after it (Swedish marks the future with "på"); "this Friday" is on or after it.
 *   A weekend is dated (approximately) by its Saturday: the one just past on Monday–Wednesday.
 * - "i somras" / "last summer" is the most recent summer that has ended; "i sommar" / "this
 *   coming summer" the current or next one; "this summer" the anchor's year's; "under sommaren" /
 *   "in the summer" the most recent one that has begun. Seasons are meteorological (northern hemisphere) and dated by their
 *   middle month (spring 04, summer 07, autumn 10, winter 01 of the January it contains), so the
 *   season can be read back from `date` alone. "vintern 2024" / "winter 2024" is the winter
 *   that contains January 2024; "vintern 2024/25" the one that contains January 2025.
 * - "för några veckor sedan" is approximate (qualifier "about"): a few = 3, a couple = 2; weeks
 *   give an approximate day, months a month, years a year ("several years ago" is left out).
 * - a quarter without a year is the anchor's own quarter or an earlier one (past bias again).
 * - a quarter is approximate and dated by its middle month (Q3 → YYYY-08), a week by its
 *   Thursday (the ISO week's own year), a decade by its middle year (or 2, 5, 8 with early, mid,
 *   late); `span` says which, so a label can stay honest ({@link formatTemporal}).
 *
 * Tense is not analysed: "i december ska bolaget…" in a November article still resolves to last
 * December. A sentence-level tense guess was considered and rejected: news sentences mix
 * tenses ("said in March that it will…"), so it would move correct past dates as often as it
 * fixed future ones.
 *
 * `text` covers the date words, the modifiers that change them and a governing preposition
 * ("i juli 2024", "in 2022", "sedan 2013", "on Friday"). Every pattern is linear: bounded
 * look-arounds, no nested quantifiers, and left context is read from a slice of at most
 * {@link LOOKBACK} characters.
 */
import type { DatePrecision } from './corpus';

export type TemporalQualifier = 'early' | 'mid' | 'late' | 'about';
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
/** A period that has no precision of its own: the date is its middle (see the module comment). */
export type TemporalSpan = 'week' | 'quarter' | 'decade';

/** A date as the corpus stores it, plus the optional refinements that make a label honest. */
export interface TemporalValue {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date: string;
  precision: DatePrecision;
  /** 'early' | 'mid' | 'late' of the period, or 'about' for an approximate one. */
  qualifier?: TemporalQualifier;
  season?: Season;
  span?: TemporalSpan;
}

export interface TemporalMatch extends TemporalValue {
  /** The expression as written: sentence.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** 'absolute' when the year is written out; 'relative' when anything came from the anchor. */
  kind: 'absolute' | 'relative';
}

/** Languages with their own rules; any other language gets the language-neutral ones (ISO dates, Q3 2025, 2019–2022). */
export const TEMPORAL_LANGUAGES: readonly string[] = ['sv', 'en', 'de'];

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no time zones involved.

const DAY_MS = 86_400_000;
const toDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
function fromDay(n: number): { y: number; m: number; d: number } {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
/** Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (n: number): string => {
  const { y, m, d } = fromDay(n);
  return `${y}-${pad(m)}-${pad(d)}`;
};
/** A month index is y * 12 + (m - 1). */
const ym = (mi: number): string => `${Math.floor(mi / 12)}-${pad((mi % 12) + 1)}`;
const MIN_YEAR = 1000;
const MAX_YEAR = 2199;
const inRange = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

interface Anchor {
  y: number;
  m: number;
  day: number;
  /** Month index of the anchor. */
  mi: number;
}

function parseAnchor(anchor: string): Anchor {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchor);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) return { y, m: mo, day: toDay(y, mo, d), mi: y * 12 + mo - 1 };
  }
  throw new RangeError(`anchor must be a YYYY-MM-DD date, got ${JSON.stringify(anchor)}`);
}

// ---------------------------------------------------------------------------------------------
// Values and the resolution rules (see the module comment for the reasons).

type Kind = TemporalMatch['kind'];
interface Value extends TemporalValue {
  kind: Kind;
}

const dayV = (n: number, kind: Kind): Value => ({ date: ymd(n), precision: 'day', kind });
const aboutDayV = (n: number, kind: Kind): Value => ({ date: ymd(n), precision: 'approximate', qualifier: 'about', kind });
const monthV = (mi: number, kind: Kind): Value => ({ date: ym(mi), precision: 'month', kind });
const yearV = (y: number, kind: Kind): Value => ({ date: String(y), precision: 'year', kind });
const about = (v: Value): Value => ({ ...v, precision: 'approximate', qualifier: 'about' });
const weekV = (monday: number): Value => ({ date: ymd(monday + 3), precision: 'approximate', span: 'week', kind: 'relative' });
const quarterV = (y: number, q: number, kind: Kind): Value => ({
  date: ym(y * 12 + (q - 1) * 3 + 1),
  precision: 'approximate',
  span: 'quarter',
  kind,
});
const DECADE_OFFSET = { early: 2, mid: 5, late: 8 } as const;
const decadeV = (start: number, kind: Kind, q?: 'early' | 'mid' | 'late'): Value => ({
  date: String(start + DECADE_OFFSET[q ?? 'mid']),
  precision: 'approximate',
  span: 'decade',
  kind,
  ...(q ? { qualifier: q } : {}),
});

/** The most recent year in which month `m` is not after the anchor's month. */
const pastYear = (a: Anchor, m: number): number => (m <= a.m ? a.y : a.y - 1);
/** For "last/this/next <month>": strictly before, in the anchor's year, strictly after. */
function monthYear(a: Anchor, m: number, offset: -1 | 0 | 1): number {
  if (offset < 0) return m < a.m ? a.y : a.y - 1;
  if (offset > 0) return m > a.m ? a.y : a.y + 1;
  return a.y;
}
const quarterYear = (a: Anchor, q: number): number => (q <= Math.ceil(a.m / 3) ? a.y : a.y - 1);

/** Day number of a day and month without a year (past bias), checked against a weekday if one was written. */
function yearlessDay(a: Anchor, d: number, m: number, wd: number | undefined): number | null {
  const primary = pastYear(a, m);
  if (wd !== undefined) {
    for (const y of [primary, primary === a.y ? a.y - 1 : a.y, a.y + 1]) {
      if (validDay(y, m, d) && weekdayOf(toDay(y, m, d)) === wd) return toDay(y, m, d);
    }
  }
  // 29 February in a year that has none: the most recent leap year.
  for (let y = primary; y > primary - 8; y--) if (validDay(y, m, d)) return toDay(y, m, d);
  return null;
}

function dayValue(a: Anchor, d: number, m: number, y: number | undefined, wd: number | undefined): Value | null {
  if (y !== undefined) return inRange(y) && validDay(y, m, d) ? dayV(toDay(y, m, d), 'absolute') : null;
  const n = yearlessDay(a, d, m, wd);
  return n === null ? null : dayV(n, 'relative');
}

const onOrBefore = (a: Anchor, wd: number): number => a.day - ((weekdayOf(a.day) - wd + 7) % 7);
const strictlyBefore = (a: Anchor, wd: number): number => a.day - ((weekdayOf(a.day) - wd + 7) % 7 || 7);
const strictlyAfter = (a: Anchor, wd: number): number => a.day + ((wd - weekdayOf(a.day) + 7) % 7 || 7);
const onOrAfter = (a: Anchor, wd: number): number => a.day + ((wd - weekdayOf(a.day) + 7) % 7);
function weekdayDay(a: Anchor, wd: number, offset: -1 | 0 | 1 | null): number {
  if (offset === null) return onOrBefore(a, wd);
  return offset < 0 ? strictlyBefore(a, wd) : offset > 0 ? strictlyAfter(a, wd) : onOrAfter(a, wd);
}

/** A weekend is dated by its Saturday, approximately. "This weekend" on Monday–Wednesday is the one just past. */
function weekendV(a: Anchor, which: 'nearest' | 'last' | 'next'): Value {
  const wd = weekdayOf(a.day);
  const saturday = a.day - wd + 5;
  const n = which === 'last' ? saturday - 7 : which === 'next' ? (wd < 5 ? saturday : saturday + 7) : wd <= 2 ? saturday - 7 : saturday;
  return aboutDayV(n, 'relative');
}

const mondayOf = (n: number): number => n - weekdayOf(n);

const SEASON_MID: Record<Season, number> = { winter: 0, spring: 3, summer: 6, autumn: 9 };
/** Month index of the middle month of `s` in year `y` (winter: the January of `y`). */
const seasonMid = (s: Season, y: number): number => y * 12 + SEASON_MID[s];
type SeasonPick = 'ended' | 'started' | 'current' | 'next' | 'this';
function seasonV(a: Anchor, s: Season, pick: SeasonPick): Value {
  const years = [a.y - 2, a.y - 1, a.y, a.y + 1, a.y + 2];
  let mid = seasonMid(s, a.y);
  if (pick === 'ended') mid = Math.max(...years.map((y) => seasonMid(s, y)).filter((c) => c + 1 < a.mi));
  else if (pick === 'started') mid = Math.max(...years.map((y) => seasonMid(s, y)).filter((c) => c - 1 <= a.mi));
  else if (pick === 'current' || (pick === 'this' && s === 'winter'))
    mid = Math.min(...years.map((y) => seasonMid(s, y)).filter((c) => c + 1 >= a.mi));
  else if (pick === 'next') mid = Math.min(...years.map((y) => seasonMid(s, y)).filter((c) => c - 1 > a.mi));
  return { date: ym(mid), precision: 'season', season: s, kind: 'relative' };
}
/** A season in a written year; `y2` is the second year of "vintern 2024/25". */
function seasonInYear(s: Season, y: number, y2: string | undefined): Value | null {
  if (!inRange(y)) return null;
  let year = y;
  if (y2 !== undefined) {
    const second = y2.length === 2 ? Math.floor(y / 100) * 100 + Number(y2) : Number(y2);
    if (second !== y + 1) return null;
    if (s === 'winter') year = second;
  }
  return { date: ym(seasonMid(s, year)), precision: 'season', season: s, kind: 'absolute' };
}

/** -1, 0 or +1 for the relative word of a phrase ("förra", "last", "vergangenen", "this", "nästa", …). */
function relOffset(text: string): -1 | 0 | 1 {
  const w = text.toLowerCase();
  if (/förra|fjol|last|past|letzt|vergangen|vorig|vorjahr/u.test(w)) return -1;
  if (/nästa|kommande|next|coming|nächst|kommend/u.test(w)) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Pattern building.

const L0 = '(?<![\\p{L}\\p{N}])';
const R0 = '(?![\\p{L}\\p{N}])';
/** Before a number: not inside a word, a number, a price or a version. */
const NB = '(?<![\\p{L}\\p{N}.,:/$€£¥#@+&])';
/** After a number: not followed by more of a word or a number ("2024.5", "11,3"). */
const NE = '(?![\\p{L}\\p{N}]|[.,:]\\p{N})';
const YEAR = '(?:1\\d{3}|2[01]\\d{2})';
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOOKBACK = 40;

/** A plain phrase as a pattern: the first letter of each word in either case (sentence starts, headlines), runs of spaces as \s+. */
function phrase(p: string): string {
  let out = '';
  for (const part of p.split(/(\p{L}+)/u)) {
    if (/^\p{L}/u.test(part)) {
      const f = part.charAt(0);
      const [up, lo] = [f.toUpperCase(), f.toLowerCase()];
      out += (up === lo || up.length > 1 ? f : `[${up}${lo}]`) + part.slice(1);
    } else out += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  }
  return out;
}
/** A plain phrase as a pattern, case as written (English and German month and weekday names). */
const lit = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
/** Alternatives, longest first. */
const alt = (list: readonly string[], f: (p: string) => string = phrase): string =>
  `(?:${[...list]
    .sort((x, y) => y.length - x.length)
    .map(f)
    .join('|')})`;
const norm = (s: string): string => s.toLowerCase().replace(/\s+/gu, ' ').replace(/\.$/u, '');

type Needs = 'none' | 'license' | 'modifier';
interface Raw {
  value: Value;
  /** 'license': kept only after a licensing word or a modifier; 'modifier': only after a modifier. */
  needs?: Needs;
  /** Whether a modifier ("i slutet av", "early", "Ende", "tidigare") may attach on the left. */
  modifiable?: boolean;
  start?: number;
  end?: number;
}
type Groups = Partial<Record<string, string>>;
interface Ctx {
  s: string;
  a: Anchor;
  lang: Lang | null;
  cfg: LangConfig | null;
}
type Apply = (m: RegExpExecArray, c: Ctx, g: Groups) => Raw | Raw[] | null;
interface Rule {
  re: RegExp;
  apply: Apply;
}
const rule = (source: string, apply: Apply): Rule => ({ re: new RegExp(source, 'gu'), apply });

type Lang = 'sv' | 'en' | 'de';
interface LangConfig {
  rules: readonly Rule[];
  modifier: RegExp;
  license: RegExp;
  units: ReadonlySet<string>;
  followers: ReadonlySet<string>;
}

/** Up to LOOKBACK characters before `i`, starting at a word boundary. */
function leftOf(s: string, i: number): string {
  let from = Math.max(0, i - LOOKBACK);
  while (from > 0 && from < i && WORD_CHAR.test(s.charAt(from - 1))) from++;
  return s.slice(from, i);
}

function atSentenceStart(s: string, i: number): boolean {
  const before = leftOf(s, i).replace(/[\s"“”'‘’«»(]+$/u, '');
  return before === '' || /[.!?:…–—\n]$/u.test(before);
}

interface Modifiers {
  early: readonly string[];
  mid: readonly string[];
  late: readonly string[];
  about: readonly string[];
  plain: readonly string[];
}
function modifierRe(m: Modifiers): RegExp {
  const g = (list: readonly string[]) => alt(list, (p) => (p.endsWith('-') ? `${phrase(p)}\\s*` : `${phrase(p)}\\s+`));
  return new RegExp(
    `${L0}(?:(?<early>${g(m.early)})|(?<mid>${g(m.mid)})|(?<late>${g(m.late)})|(?<about>${g(m.about)})|(?<plain>${g(m.plain)}))$`,
    'u',
  );
}
/** Absorbed prepositions ("i", "in", "sedan"), non-absorbed licenses, and chains ("2019 och", "juni och"). */
function licenseRe(absorbed: readonly string[], other: readonly string[], chainWords: readonly string[], months: string): RegExp {
  const chain = `${L0}(?:${YEAR}|${months})(?:\\s*,\\s*|\\s+${alt(chainWords)}\\s+|\\s*[–—-]\\s*)`;
  const others = other.length > 0 ? `|${L0}${alt(other)}\\s+` : '';
  return new RegExp(`(?:${L0}(?<abs>${alt(absorbed)})\\s+|${chain}${others})$`, 'u');
}

/** Applies a modifier to a value; null when it does not fit (so it is not absorbed). */
function qualify(v: Value, g: Groups): Value | null {
  if (g.plain !== undefined) return v;
  if (g.about !== undefined) return v.precision === 'year' || v.precision === 'month' ? about(v) : null;
  const q = g.early !== undefined ? 'early' : g.mid !== undefined ? 'mid' : g.late !== undefined ? 'late' : null;
  if (q === null) return null;
  if (v.span === 'decade') return decadeV(Math.floor(Number(v.date) / 10) * 10, v.kind, q);
  if (v.precision === 'month' || v.precision === 'year' || v.precision === 'season' || v.span === 'week') return { ...v, qualifier: q };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Lexicons.

type MonthTable = readonly (readonly [full: readonly string[], abbr: readonly string[]])[];
const MONTHS: Record<Lang, MonthTable> = {
  // "jul" is Christmas in Swedish: no abbreviation for July.
  sv: [
    [['januari'], ['jan']],
    [['februari'], ['feb']],
    [['mars'], ['mar']],
    [['april'], ['apr']],
    [['maj'], []],
    [['juni'], ['jun']],
    [['juli'], []],
    [['augusti'], ['aug']],
    [['september'], ['sep', 'sept']],
    [['oktober'], ['okt']],
    [['november'], ['nov']],
    [['december'], ['dec']],
  ],
  en: [
    [['January'], ['Jan']],
    [['February'], ['Feb']],
    [['March'], ['Mar']],
    [['April'], ['Apr']],
    [['May'], []],
    [['June'], ['Jun']],
    [['July'], ['Jul']],
    [['August'], ['Aug']],
    [['September'], ['Sep', 'Sept']],
    [['October'], ['Oct']],
    [['November'], ['Nov']],
    [['December'], ['Dec']],
  ],
  de: [
    [['Januar', 'Jänner'], ['Jan']],
    [['Februar', 'Feber'], ['Feb']],
    [['März'], []],
    [['April'], ['Apr']],
    [['Mai'], []],
    [['Juni'], ['Jun']],
    [['Juli'], ['Jul']],
    [['August'], ['Aug']],
    [['September'], ['Sep', 'Sept']],
    [['Oktober'], ['Okt']],
    [['November'], ['Nov']],
    [['Dezember'], ['Dez']],
  ],
};
const WEEKDAYS: Record<Lang, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};
const MONTH_NUMBER = new Map<string, number>();
const WEEKDAY_NUMBER = new Map<string, number>();
for (const t of Object.values(MONTHS))
  t.forEach(([full, abbr], i) => [...full, ...abbr].forEach((n) => MONTH_NUMBER.set(n.toLowerCase(), i + 1)));
for (const t of Object.values(WEEKDAYS)) t.forEach((n, i) => WEEKDAY_NUMBER.set(n.toLowerCase(), i));
const monthOf = (name: string): number => MONTH_NUMBER.get(norm(name)) ?? 0;
const weekdayNumber = (name: string): number => WEEKDAY_NUMBER.get(norm(name)) ?? 0;

function monthPatterns(lang: Lang): { full: string; any: string; abbr: string } {
  const f = lang === 'sv' ? phrase : lit;
  const table = MONTHS[lang];
  const full = alt(
    table.flatMap(([names]) => names),
    f,
  );
  const abbr = `${alt(
    table.flatMap(([, names]) => names),
    f,
  )}\\.?`;
  return { full, any: `(?:${full}|${abbr})`, abbr };
}

type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
interface Count {
  n: number;
  /** "a few", "några": the count is a guess. */
  vague?: true;
  /** "several", "flera": too vague for years and decades. */
  several?: true;
}
const exact = (n: number): Count => ({ n });
const FEW = (n: number): Count => ({ n, vague: true });
const SEVERAL: Count = { n: 3, vague: true, several: true };
const COUNTS: Record<Lang, Record<string, Count>> = {
  sv: {
    en: exact(1),
    ett: exact(1),
    två: exact(2),
    tre: exact(3),
    fyra: exact(4),
    fem: exact(5),
    sex: exact(6),
    sju: exact(7),
    åtta: exact(8),
    nio: exact(9),
    tio: exact(10),
    elva: exact(11),
    tolv: exact(12),
    femton: exact(15),
    tjugo: exact(20),
    trettio: exact(30),
    några: FEW(3),
    'ett par': FEW(2),
    flera: SEVERAL,
  },
  en: {
    a: exact(1),
    an: exact(1),
    one: exact(1),
    two: exact(2),
    three: exact(3),
    four: exact(4),
    five: exact(5),
    six: exact(6),
    seven: exact(7),
    eight: exact(8),
    nine: exact(9),
    ten: exact(10),
    eleven: exact(11),
    twelve: exact(12),
    fifteen: exact(15),
    twenty: exact(20),
    thirty: exact(30),
    'a few': FEW(3),
    'a couple of': FEW(2),
    'a couple': FEW(2),
    several: SEVERAL,
  },
  de: {
    einem: exact(1),
    einer: exact(1),
    zwei: exact(2),
    drei: exact(3),
    vier: exact(4),
    fünf: exact(5),
    sechs: exact(6),
    sieben: exact(7),
    acht: exact(8),
    neun: exact(9),
    zehn: exact(10),
    elf: exact(11),
    zwölf: exact(12),
    fünfzehn: exact(15),
    zwanzig: exact(20),
    dreißig: exact(30),
    einigen: FEW(3),
    wenigen: FEW(3),
    'ein paar': FEW(2),
    mehreren: SEVERAL,
  },
};
const UNITS: Record<Lang, Record<string, Unit>> = {
  sv: {
    dag: 'day',
    dagar: 'day',
    vecka: 'week',
    veckor: 'week',
    månad: 'month',
    månader: 'month',
    år: 'year',
    decennium: 'decade',
    decennier: 'decade',
  },
  en: {
    day: 'day',
    days: 'day',
    week: 'week',
    weeks: 'week',
    month: 'month',
    months: 'month',
    year: 'year',
    years: 'year',
    decade: 'decade',
    decades: 'decade',
  },
  de: {
    tag: 'day',
    tagen: 'day',
    woche: 'week',
    wochen: 'week',
    monat: 'month',
    monaten: 'month',
    jahr: 'year',
    jahren: 'year',
    jahrzehnt: 'decade',
    jahrzehnten: 'decade',
  },
};

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));
/** Words after a 4-digit number that make it a quantity, not a year. */
const UNIT_WORDS: Record<Lang, ReadonlySet<string>> = {
  sv: words(
    'anställda personer människor kronor kr dollar euro miljoner miljarder användare butiker jobb tjänster meter kilometer km mil kilo ton procent sidor exemplar stycken st bilar platser medarbetare invånare lägenheter bostäder kunder elever studenter soldater deltagare röster poäng timmar minuter sekunder dagar veckor år gånger länder företag bolag aktier mw kw kwh gb mb',
  ),
  en: words(
    'people persons employees workers staff jobs users customers stores shops units devices dollars euros pounds million billion thousand percent pages words miles km kilometers kilometres meters metres feet ft tons tonnes points votes cases deaths troops soldiers students homes cars vehicles members residents participants hours minutes seconds days weeks months years times countries companies shares bits calories mw kw kwh gb mb',
  ),
  de: words(
    'mitarbeiter beschäftigte menschen personen euro dollar millionen milliarden stellen prozent seiten kilometer km meter tonnen nutzer kunden einwohner soldaten stimmen punkte stunden minuten tage wochen monate jahre mal länder unternehmen aktien autos fahrzeuge filialen',
  ),
};
/** Words that may follow a round year such as 2000 (otherwise "i 2000 butiker" would be a year). */
const FOLLOWERS: Record<Lang, ReadonlySet<string>> = {
  sv: words(
    'och eller men när då som var har hade blev kom till i på för med den det de en ett fick gick såg skulle kunde började efter innan utan',
  ),
  en: words(
    'and or but when as the a an it he she they we i was were is had has to in on at for with by after before that which there this these its his her their',
  ),
  de: words('und oder aber als wurde war hat hatte ist ging kam im in am an auf bis für mit nach der die das ein eine es er sie wir gab'),
};

/** A blocked year: followed by a unit ("2000 anställda") or a round number followed by a noun ("in 2000 stores"). */
function quantityAfter(c: Ctx, y: number, after: string): boolean {
  if (!c.lang) return false;
  const w = /^\s{1,3}(\p{L}+)/u.exec(after)?.[1];
  if (w === undefined) return false;
  const lower = w.toLowerCase();
  if (UNIT_WORDS[c.lang].has(lower)) return true;
  return y % 100 === 0 && (c.lang === 'de' || w === lower) && !FOLLOWERS[c.lang].has(lower);
}

// ---------------------------------------------------------------------------------------------
// Shared rule builders.

interface Fixed {
  phrases: readonly string[];
  value: (a: Anchor) => Value;
  needs?: Needs;
}
/** Fixed phrases ("i går", "last year", "letzte Woche") with their resolution. */
function fixed(entries: readonly Fixed[], veto?: RegExp): Rule {
  const map = new Map<string, Fixed>();
  for (const e of entries) for (const p of e.phrases) map.set(norm(p), e);
  return rule(`${L0}${alt([...map.keys()])}${R0}`, (m, c) => {
    const e = map.get(norm(m[0]));
    if (!e || veto?.test(leftOf(c.s, m.index))) return null;
    return { value: e.value(c.a), needs: e.needs ?? 'none', modifiable: true };
  });
}
const rel = (f: (a: Anchor) => Value, ...phrases: string[]): Fixed => ({ phrases, value: f });
const needing = (needs: Needs, f: (a: Anchor) => Value, ...phrases: string[]): Fixed => ({ phrases, value: f, needs });
const days = (n: number) => (a: Anchor) => dayV(a.day + n, 'relative');
const years = (n: number) => (a: Anchor) => yearV(a.y + n, 'relative');
const months = (n: number) => (a: Anchor) => monthV(a.mi + n, 'relative');
const weeks = (n: number) => (a: Anchor) => weekV(mondayOf(a.day) + 7 * n);
const weekend = (which: 'nearest' | 'last' | 'next') => (a: Anchor) => weekendV(a, which);

/** "för tre veckor sedan", "two years ago", "vor einem Jahr". */
function agoRule(lang: Lang, source: (count: string, unit: string, hedge: string) => string, hedges: readonly string[]): Rule {
  const counts = COUNTS[lang];
  const units = UNITS[lang];
  const countRe = `(?<n>${alt(Object.keys(counts))}|\\d{1,3})`;
  const unitRe = `(?<unit>${alt(Object.keys(units))})`;
  return rule(source(countRe, unitRe, `(?<hedge>${alt(hedges)})`), (_m, c, g) => {
    const count: Count | undefined = /^\d+$/u.test(g.n ?? '') ? { n: Number(g.n) } : counts[norm(g.n ?? '')];
    const unit = units[norm(g.unit ?? '')];
    if (!count || !unit || count.n === 0) return null;
    const approx = count.vague === true || g.hedge !== undefined;
    const { a } = c;
    let v: Value;
    if (unit === 'day') v = approx ? aboutDayV(a.day - count.n, 'relative') : dayV(a.day - count.n, 'relative');
    else if (unit === 'week') v = aboutDayV(a.day - 7 * count.n, 'relative');
    else if (unit === 'month') v = monthV(a.mi - count.n, 'relative');
    else {
      if (count.several) return null;
      const y = a.y - count.n * (unit === 'decade' ? 10 : 1);
      if (!inRange(y)) return null;
      v = unit === 'decade' ? about(yearV(y, 'relative')) : yearV(y, 'relative');
    }
    return { value: approx && v.precision !== 'approximate' ? about(v) : v };
  });
}

/** A day with a month name, e.g. "11 november 2025", "June 13, 2025", "Freitag, 4. Juli". */
const dayRule = (source: string): Rule =>
  rule(source, (_m, c, g) => {
    const value = dayValue(
      c.a,
      Number(g.d),
      monthOf(g.mon ?? ''),
      g.y === undefined ? undefined : Number(g.y),
      g.wd === undefined ? undefined : weekdayNumber(g.wd),
    );
    return value ? { value } : null;
  });

/** Month names that are also given names: bare, they are dates only when not followed by a capitalised word. */
const NAME_MONTHS = new Set(['april', 'may', 'june', 'august']);

/** A month name with an optional year, relative year ("förra året") or determiner ("last"). */
const monthRule = (lang: Lang, source: string): Rule =>
  rule(source, (m, c, g) => {
    const mo = monthOf(g.mon ?? '');
    const { a } = c;
    // Swedish months are lower case: "Mars" mid-sentence is the planet ("Sonden når Mars 2026").
    if (lang === 'sv' && g.mon === 'Mars' && !atSentenceStart(c.s, m.index)) return null;
    if (g.y !== undefined) return { value: monthV(Number(g.y) * 12 + mo - 1, 'absolute'), modifiable: true };
    if (g.rel !== undefined) return { value: monthV((a.y + relOffset(g.rel)) * 12 + mo - 1, 'relative'), modifiable: true };
    if (g.det !== undefined) return { value: monthV(monthYear(a, mo, relOffset(g.det)) * 12 + mo - 1, 'relative'), modifiable: true };
    const end = m.index + m[0].length;
    const next = c.s.slice(end, end + 3);
    // "February 29, 2023" that is no date is no month either; "May's", "August Macke" are people.
    if (/^\s\d/u.test(next)) return null;
    if (lang !== 'sv' && (/^['’]s/u.test(next) || (NAME_MONTHS.has(m[0].toLowerCase()) && /^\s\p{Lu}/u.test(next)))) return null;
    return { value: monthV(pastYear(a, mo) * 12 + mo - 1, 'relative'), needs: 'license', modifiable: true };
  });

const SEASON_OF: Record<string, Season> = {};
const addSeasons = (s: Season, ...names: string[]) => names.forEach((n) => (SEASON_OF[n] = s));
addSeasons('spring', 'våren', 'vår', 'våras', 'spring', 'frühling', 'frühjahr');
addSeasons('summer', 'sommaren', 'sommar', 'somras', 'summer', 'sommer');
addSeasons('autumn', 'hösten', 'höst', 'höstas', 'autumn', 'fall', 'herbst');
addSeasons('winter', 'vintern', 'vinter', 'vintras', 'winter');
const seasonOf = (name: string): Season => SEASON_OF[norm(name)] ?? 'summer';
const PREFIX_QUALIFIER: Record<string, TemporalQualifier> = {
  sen: 'late',
  för: 'early',
  hög: 'mid',
  spät: 'late',
  früh: 'early',
  hoch: 'mid',
};

/**
 * Seasons with a year ("sommaren 2024", "the summer of 2024", "Sommer 2024", "vintern 2024/25"),
 * with a relative year ("sommaren i fjol"), with a determiner ("förra sommaren", "last summer"),
 * or bare and licensed ("under sommaren", "in the summer", "im Sommer").
 */
const seasonRule = (source: string, followers?: ReadonlySet<string>): Rule =>
  rule(source, (m, c, g) => {
    const s = seasonOf(g.s ?? g.sp ?? '');
    const prefix = g.pre === undefined ? undefined : PREFIX_QUALIFIER[norm(g.pre)];
    const withPrefix = (v: Value | null): Raw | null => (v ? { value: prefix ? { ...v, qualifier: prefix } : v, modifiable: true } : null);
    if (g.y !== undefined) return withPrefix(seasonInYear(s, Number(g.y), g.y2));
    if (g.rel !== undefined) {
      const v = seasonInYear(s, c.a.y + relOffset(g.rel), undefined);
      return withPrefix(v && { ...v, kind: 'relative' });
    }
    if (g.det !== undefined) {
      const o = relOffset(g.det);
      return withPrefix(seasonV(c.a, s, o < 0 ? 'ended' : o > 0 ? 'next' : 'this'));
    }
    // A bare season followed by a noun is an attribute ("Summer Visitors", "spring collection").
    const end = m.index + m[0].length;
    const next = /^\s{1,3}(\p{L}+)/u.exec(c.s.slice(end, end + 40))?.[1];
    if (followers && next !== undefined && !followers.has(next.toLowerCase())) return null;
    const raw = withPrefix(seasonV(c.a, s, 'started'));
    return raw && { ...raw, needs: 'license' };
  });

/** Quarters with an ordinal ("tredje kvartalet", "the third quarter of 2025", "im dritten Quartal"). */
const ORDINALS: Record<string, number> = {
  första: 1,
  andra: 2,
  tredje: 3,
  fjärde: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  erste: 1,
  zweite: 2,
  dritte: 3,
  vierte: 4,
};
const ordinalOf = (t: string): number => {
  const digit = /^[1-4]/u.exec(t);
  return digit ? Number(digit[0]) : (ORDINALS[norm(t).replace(/(?<=e)(?:n|s)$/u, '')] ?? 0);
};
const quarterRule = (source: string, requireYear: boolean): Rule =>
  rule(source, (_m, c, g) => {
    const q = ordinalOf(g.ord ?? '');
    if (q === 0) return null;
    const y = g.y ?? g.y2;
    if (y !== undefined) return { value: quarterV(Number(y), q, 'absolute') };
    if (g.rel !== undefined) return { value: quarterV(c.a.y + relOffset(g.rel), q, 'relative') };
    return requireYear ? null : { value: quarterV(quarterYear(c.a, q), q, 'relative') };
  });

/** "90-talet", "the '90s": the most recent such decade not after the anchor's. */
const shortDecade = (a: Anchor, n: number): number => (2000 + n <= a.y - (a.y % 10) ? 2000 + n : 1900 + n);
const decadeRule = (source: string, shortNeeds?: (g: Groups) => boolean): Rule =>
  rule(source, (_m, c, g) => {
    const q = g.q === undefined ? undefined : (norm(g.q) as 'early' | 'mid' | 'late');
    if (g.full !== undefined) {
      const start = Number(g.full);
      // "1900-talet", "the 2000s": a century as often as a decade.
      return start % 100 === 0 ? null : { value: decadeV(start, 'absolute', q), modifiable: true };
    }
    const n = Number(g.short ?? g.bare);
    if (n === 0 || (shortNeeds && !shortNeeds(g))) return null;
    return { value: decadeV(shortDecade(c.a, n), 'relative', q), modifiable: true };
  });

// ---------------------------------------------------------------------------------------------
// Language-neutral rules.

const NEUTRAL: readonly Rule[] = [
  // 2025-11-11, 2025/11/11
  rule(`(?<![\\p{L}\\p{N}.,:/-])(?<y>\\d{4})(?<sep>[-/])(?<mo>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?![\\p{N}]|[-./,]\\p{N})`, (_m, _c, g) => {
    const [y, mo, d] = [Number(g.y), Number(g.mo), Number(g.d)];
    return inRange(y) && validDay(y, mo, d) ? { value: dayV(toDay(y, mo, d), 'absolute') } : null;
  }),
  // 11/11/2025, 13.06.2025: day first in sv and de; otherwise only when the values decide it.
  rule(`(?<![\\p{L}\\p{N}.,:/-])(?<p>\\d{1,2})(?<sep>[./])(?<q>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\p{N}]|[-./,]\\p{N})`, (_m, c, g) => {
    const [p, q, y] = [Number(g.p), Number(g.q), Number(g.y)];
    let dm: [number, number] | null = null;
    if (p > 12 && q <= 12) dm = [p, q];
    else if (q > 12 && p <= 12) dm = [q, p];
    else if (p === q || c.lang === 'sv' || c.lang === 'de') dm = [p, q];
    if (!dm || !inRange(y) || !validDay(y, dm[1], dm[0])) return null;
    return { value: dayV(toDay(y, dm[1], dm[0]), 'absolute') };
  }),
  // Q3 2025, Q3/2025, Q3 '25, Q3 (the most recent third quarter). Not the Audi Q3.
  rule(`${L0}Q(?<q>[1-4])(?:[\\s/-]{0,3}(?<y>${YEAR})|\\s?['’](?<yy>\\d{2}))?${NE}`, (m, c, g) => {
    if (/(?<![\p{L}\p{N}])audi\s*$/iu.test(leftOf(c.s, m.index))) return null;
    const q = Number(g.q);
    if (g.y !== undefined) return { value: quarterV(Number(g.y), q, 'absolute') };
    if (g.yy !== undefined) return { value: quarterV(2000 + Number(g.yy), q, 'absolute') };
    return { value: quarterV(quarterYear(c.a, q), q, 'relative') };
  }),
  // 2019–2022: both years.
  rule(
    `${NB}(?<a>1[89]\\d{2}|2[01]\\d{2})\\s{0,3}[–—-]\\s{0,3}(?<b>1[89]\\d{2}|2[01]\\d{2})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|[-–—/]\\p{N})`,
    (m, _c, g) => {
      const [a, b] = [Number(g.a), Number(g.b)];
      if (b <= a || b - a > 100) return null;
      const end = m.index + m[0].length;
      return [
        { value: yearV(a, 'absolute'), modifiable: true, end: m.index + 4 },
        { value: yearV(b, 'absolute'), start: end - 4, end },
      ];
    },
  ),
  // A bare year, licensed by its context ("sedan 2013", "in 2022", "år 2022", "early 2024").
  rule(
    `(?<![\\p{L}\\p{N}.,:/$€£¥#@+&]|\\p{N}\\s{0,3}[-–—]\\s{0,3})(?<y>${YEAR})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s{0,3}[-–—/]\\s{0,3}\\p{N}|\\s{0,3}%|[-–—]\\p{L})`,
    (m, c, g) => {
      const y = Number(g.y);
      const end = m.index + m[0].length;
      const after = c.s.slice(end, end + 40);
      if (!c.cfg || quantityAfter(c, y, after)) return null;
      // Also a year without a licensing word: "(2013)", "2025 års", "2022's", and at the start of a
      // sentence before a comma or a function word ("2024 var ett rekordår", "In 2022, …" aside).
      const next = /^\s{1,3}(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
      const self =
        (c.s.charAt(m.index - 1) === '(' && after.startsWith(')')) ||
        (c.lang === 'sv' && next === 'års') ||
        (c.lang === 'en' && /^['’]s(?![\p{L}\p{N}])/u.test(after)) ||
        (atSentenceStart(c.s, m.index) && (/^\s{0,3},/u.test(after) || (next !== undefined && c.cfg.followers.has(next))));
      return { value: yearV(y, 'absolute'), needs: self ? 'none' : 'license', modifiable: true };
    },
  ),
];

// ---------------------------------------------------------------------------------------------
// Swedish.

const SV: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns('sv');
  const WD = alt(WEEKDAYS.sv);
  const REL_YEAR = alt(['i fjol', 'ifjol', 'förra året', 'i år', 'nästa år']);
  const SEASON_DEF = ['sommaren', 'våren', 'hösten', 'vintern'];
  const SEASON_ALL = ['sommaren', 'sommar', 'våren', 'vår', 'hösten', 'höst', 'vintern', 'vinter'];
  const wd = (g: Groups) => weekdayNumber(g.wd ?? '');
  const rules: Rule[] = [
    // 11 november 2025, den 11 november, måndagen den 10 november, 11 nov. 2025
    dayRule(
      `${NB}(?:(?<wd>${WD})(?:en)?,?\\s+)?(?:${P('den')}\\s+)?(?<d>\\d{1,2})(?::[ae])?\\s+(?<mon>${MON.any})(?:\\s+(?<y>${YEAR}))?${NE}`,
    ),
    // den 3/6: day first, the year from the anchor
    rule(`${L0}${P('den')}\\s+(?<d>\\d{1,2})/(?<mo>\\d{1,2})(?![\\p{N}/])`, (_m, c, g) => {
      const v = dayValue(c.a, Number(g.d), Number(g.mo), undefined, undefined);
      return v && Number(g.mo) <= 12 ? { value: v } : null;
    }),
    // juli 2024, oktober förra året, i oktober (licensed)
    monthRule('sv', `${L0}(?<mon>${MON.full}|${MON.abbr}(?=\\s+${YEAR}))(?:\\s+(?<y>${YEAR})|\\s+(?<rel>${REL_YEAR}))?${NE}`),
    // i somras, i våras, i höstas, i vintras: the most recent one that has ended
    rule(`${L0}${P('i')}\\s+(?<s>somras|våras|höstas|vintras)${R0}`, (_m, c, g) => ({
      value: seasonV(c.a, seasonOf(g.s ?? ''), 'ended'),
      modifiable: true,
    })),
    // i sommar, i höst, i vinter, i vår (not "i vår rapport"): the current or the next one
    rule(
      `${L0}${P('i')}\\s+(?:(?<s>sommar|höst|vinter)${R0}|(?<v>vår)(?=\\s{0,3}(?:[,.;:!?)\\]”"»–—]|$)|\\s+(?:och|men|eller|igen|också)${R0}))`,
      (_m, c, g) => ({ value: seasonV(c.a, seasonOf(g.s ?? g.v ?? ''), 'current'), modifiable: true }),
    ),
    // sommaren 2024, sensommaren 2024, vintern 2024/25, hösten i fjol, under sommaren (licensed)
    seasonRule(
      `${L0}(?:(?<pre>${alt(['sen', 'för', 'hög'])})(?<sp>sommaren|våren|hösten|vintern)|(?<s>${alt(SEASON_DEF)}))(?:\\s+(?<y>${YEAR})(?:\\s{0,3}[/–-]\\s{0,3}(?<y2>\\d{4}|\\d{2}))?|\\s+(?<rel>${REL_YEAR}))?${NE}`,
    ),
    // förra sommaren, nästa vår, den här hösten
    seasonRule(`${L0}(?<det>${alt(['förra', 'nästa', 'denna', 'den här'])})\\s+(?<s>${alt(SEASON_ALL)})${R0}`),
    // i fredags (before), på fredag (after), på/under fredagen (on or before), nästa/förra fredag
    rule(`${L0}${P('i')}\\s+(?<wd>${WD})s${R0}`, (_m, c, g) => ({ value: dayV(strictlyBefore(c.a, wd(g)), 'relative') })),
    rule(`${L0}(?:${P('på')}|${P('nästa')})\\s+(?<wd>${WD})${R0}`, (_m, c, g) => ({ value: dayV(strictlyAfter(c.a, wd(g)), 'relative') })),
    rule(`${L0}(?:${P('på')}|${P('under')})\\s+(?<wd>${WD})en${R0}`, (_m, c, g) => ({ value: dayV(onOrBefore(c.a, wd(g)), 'relative') })),
    rule(`${L0}${P('förra')}\\s+(?<wd>${WD})(?:en)?${R0}`, (_m, c, g) => ({ value: dayV(strictlyBefore(c.a, wd(g)), 'relative') })),
    fixed([
      rel(days(0), 'i dag', 'idag', 'i morse', 'i kväll', 'i eftermiddag'),
      rel(days(-1), 'i går', 'igår', 'i går kväll', 'igår kväll', 'i går morse', 'i går eftermiddag'),
      rel(days(-2), 'i förrgår', 'förrgår'),
      rel(days(1), 'i morgon', 'imorgon'),
      rel(days(2), 'i övermorgon'),
      rel(weekend('nearest'), 'i helgen', 'under helgen'),
      rel(weekend('last'), 'förra helgen'),
      rel(weekend('next'), 'nästa helg'),
      rel(years(0), 'i år', 'innevarande år', 'under året'),
      rel(years(-1), 'i fjol', 'ifjol', 'förra året', 'förra årets', 'fjolåret'),
      rel(years(1), 'nästa år', 'nästa års'),
      needing('modifier', years(0), 'året'),
      rel(months(-1), 'förra månaden', 'förra månadens'),
      rel(months(1), 'nästa månad'),
      rel(months(0), 'denna månad', 'den här månaden', 'innevarande månad'),
      needing('modifier', months(0), 'i månaden', 'månaden', 'under månaden'),
      rel(weeks(-1), 'förra veckan', 'förra veckans'),
      rel(weeks(1), 'nästa vecka'),
      rel(weeks(0), 'i veckan', 'denna vecka', 'den här veckan'),
      needing('modifier', weeks(0), 'veckan'),
    ]),
    agoRule('sv', (n, unit, hedge) => `${L0}${P('för')}\\s+(?:${hedge}\\s+|(?:bara|endast)\\s+)?${n}\\s+${unit}\\s+sedan${R0}`, [
      'drygt',
      'knappt',
      'nästan',
      'omkring',
      'cirka',
      'ca.',
      'ungefär',
      'runt',
      'över',
      'mer än',
      'mindre än',
    ]),
    quarterRule(
      `${L0}(?<ord>${alt(['första', 'andra', 'tredje', 'fjärde'])}|[1-4]:[ae])\\s+kvartalet(?:\\s+(?<y>${YEAR})|\\s+(?<rel>${REL_YEAR}))?${R0}`,
      false,
    ),
    decadeRule(`${NB}(?:(?<full>1\\d{2}0|20\\d0)|(?<short>\\d0))-tal(?:et|ets)${R0}`),
  ];
  return {
    rules,
    modifier: modifierRe({
      early: ['i början av', 'i början på', 'början av', 'i inledningen av', 'under början av', 'tidigt i', 'tidigt under', 'tidigt'],
      mid: ['i mitten av', 'i mitten på', 'mitten av', 'under mitten av', 'mitt i'],
      late: [
        'i slutet av',
        'i slutet på',
        'slutet av',
        'mot slutet av',
        'under slutet av',
        'i slutskedet av',
        'sent i',
        'sent under',
        'sent',
      ],
      about: ['omkring', 'runt', 'cirka', 'ca.', 'kring', 'ungefär'],
      plain: ['tidigare', 'senare', 'tidigare under', 'senare under'],
    }),
    license: licenseRe(
      [
        'i',
        'under',
        'sedan',
        'från och med',
        'från',
        'till och med',
        'fram till',
        'till',
        'efter',
        'före',
        'innan',
        'inför',
        'mellan',
        'senast',
        'år',
        'vid',
        'per',
        'på',
        'mot',
        'fr.o.m.',
        't.o.m.',
      ],
      ['redan'],
      ['och', 'eller', 'till'],
      MON.full,
    ),
    units: UNIT_WORDS.sv,
    followers: FOLLOWERS.sv,
  };
})();

// ---------------------------------------------------------------------------------------------
// English.

const EN: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns('en');
  const WD = alt(WEEKDAYS.en, lit);
  const REL_YEAR = alt(['last year', 'this year', 'next year']);
  const SEASONS = ['spring', 'summer', 'autumn', 'winter'];
  const YEAR_END = `(?![\\p{L}\\p{N}]|[.,:]\\p{N})`;
  const VERBS =
    /(?<![\p{L}\p{N}])(?:said|says|announced|confirmed|told|reported|wrote|added|revealed|disclosed|unveiled|launched|released|filed|met|voted|died|arrived|ruled|warned|agreed|late|early)\s+$/iu;
  const HOLIDAYS = /(?<![\p{L}\p{N}])(?:black|good|cyber|super|ash|holy|easter|blue|giving)\s+$/iu;
  const rules: Rule[] = [
    // June 13, 2025; Nov. 11 2025; Friday, July 4; EditorJune 13, 2025 (text glued by a page)
    dayRule(
      `(?<![\\p{Lu}\\p{N}])(?:(?<wd>${WD}),?\\s+)?(?<mon>${MON.any})\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y>${YEAR}))?${YEAR_END}`,
    ),
    // 13 June 2025; the 13th of June; Friday 4 July
    dayRule(
      `${NB}(?:(?<wd>${WD}),?\\s+)?(?:${P('the')}\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MON.any})(?:,?\\s+(?<y>${YEAR}))?${YEAR_END}`,
    ),
    // July 2024, July of 2024, October last year, last October, in May (licensed)
    monthRule(
      'en',
      `${L0}(?:(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming'])})\\s+)?(?<mon>${MON.full}|${MON.abbr}(?=\\s+${YEAR}))(?:(?:,?\\s+|\\s+of\\s+)(?<y>${YEAR})|\\s+(?:of\\s+)?(?<rel>${REL_YEAR}))?${YEAR_END}`,
    ),
    // this summer, last autumn, next spring, this past winter, last fall
    seasonRule(`${L0}(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming'])})\\s+(?<s>${alt([...SEASONS, 'fall'])})${R0}`),
    // the spring of 2024, summer 2025, winter 2024-25, fall 2024
    seasonRule(
      `${L0}(?:${P('the')}\\s+)?(?<s>${alt([...SEASONS, 'fall'])})\\s+(?:of\\s+)?(?<y>${YEAR})(?:\\s{0,3}[/–-]\\s{0,3}(?<y2>\\d{4}|\\d{2}))?${YEAR_END}`,
    ),
    // (in) the summer, (during) spring: licensed; "fall" only with a year or determiner
    seasonRule(`${L0}(?:${P('the')}\\s+)?(?<s>${alt(SEASONS)})${R0}`, FOLLOWERS.en),
    // on Friday, last Friday, next Friday, Friday morning, said Friday
    rule(
      `${L0}(?:(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming', 'past', 'coming'])})\\s+)?(?<wd>${WD})(?<tod>\\s+${alt(['morning', 'afternoon', 'evening', 'night'], lit)})?${R0}`,
      (m, c, g) => {
        const left = leftOf(c.s, m.index);
        if (HOLIDAYS.test(left)) return null;
        const n = weekdayDay(c.a, weekdayNumber(g.wd ?? ''), g.det === undefined ? null : relOffset(g.det));
        const self = g.det !== undefined || g.tod !== undefined || VERBS.test(left);
        return { value: dayV(n, 'relative'), needs: self ? 'none' : 'license' };
      },
    ),
    // today (not the generic "today's"), yesterday, …
    rule(`${L0}${P('today')}(?!['’]s)${R0}`, (_m, c) => ({ value: dayV(c.a.day, 'relative'), modifiable: true })),
    fixed(
      [
        rel(days(0), 'tonight', 'this morning', 'this afternoon', 'this evening'),
        rel(days(-1), 'yesterday', 'last night'),
        rel(days(-2), 'the day before yesterday'),
        rel(days(1), 'tomorrow'),
        rel(days(2), 'the day after tomorrow'),
        rel(weekend('nearest'), 'this weekend'),
        needing('license', weekend('nearest'), 'the weekend'),
        rel(weekend('last'), 'last weekend', 'this past weekend'),
        rel(weekend('next'), 'next weekend', 'this coming weekend'),
        rel(years(0), 'this year'),
        rel(years(-1), 'last year'),
        rel(years(1), 'next year'),
        needing('modifier', years(0), 'the year'),
        rel(months(0), 'this month'),
        rel(months(-1), 'last month'),
        rel(months(1), 'next month'),
        needing('modifier', months(0), 'the month'),
        rel(weeks(0), 'this week'),
        rel(weeks(-1), 'last week'),
        rel(weeks(1), 'next week'),
        needing('modifier', weeks(0), 'the week'),
      ],
      // "over the last year", "in the next month": a duration, not a date
      /(?<![\p{L}\p{N}])the\s+$/iu,
    ),
    agoRule('en', (n, unit, hedge) => `${L0}(?:${hedge}\\s+|(?:only|just)\\s+)?${n}\\s+${unit}\\s+ago${R0}`, [
      'about',
      'around',
      'roughly',
      'nearly',
      'almost',
      'more than',
      'over',
      'less than',
      'just over',
      'just under',
      'some',
    ]),
    // the third quarter of 2025, the fourth quarter of last year; bare ("in the third quarter") is sport as often as business
    quarterRule(
      `${L0}(?:${P('the')}\\s+)?(?<ord>${alt(['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'])})\\s+(?:fiscal\\s+)?quarter(?:\\s+of\\s+(?:(?<y>${YEAR})|(?<rel>${REL_YEAR}))|\\s+(?<y2>${YEAR}))?${R0}`,
      true,
    ),
    // the 1990s, the mid-1990s, the '90s, the late 80s, 1990s
    decadeRule(
      `${L0}(?<the>${P('the')}\\s+)?(?:(?<q>${alt(['early', 'mid', 'late'])})[-\\s]\\s{0,2})?(?:(?<full>1\\d{2}0|20\\d0)|['’](?<short>\\d0)|(?<bare>\\d0))['’]?s${R0}`,
      (g) => g.bare === undefined || g.the !== undefined,
    ),
  ];
  return {
    rules,
    modifier: modifierRe({
      early: [
        'early',
        'early-',
        'the beginning of',
        'the start of',
        'at the beginning of',
        'at the start of',
        'the early part of',
        'beginning of',
        'start of',
      ],
      mid: ['mid', 'mid-', 'the middle of', 'in the middle of', 'middle of'],
      late: [
        'late',
        'late-',
        'the end of',
        'at the end of',
        'by the end of',
        'toward the end of',
        'towards the end of',
        'the latter part of',
        'the close of',
        'end of',
      ],
      about: ['around', 'circa', 'c.', 'approximately', 'roughly', 'sometime in', 'some time in'],
      plain: ['earlier', 'later', 'earlier in', 'later in'],
    }),
    license: licenseRe(
      [
        'in',
        'on',
        'since',
        'by',
        'until',
        'till',
        'before',
        'after',
        'from',
        'during',
        'through',
        'throughout',
        'between',
        'as of',
        'back in',
        'in the year',
        'the year',
        'year',
        'for',
        'at',
        'over',
      ],
      [],
      ['and', 'or', 'to', 'through'],
      MON.full,
    ),
    units: UNIT_WORDS.en,
    followers: FOLLOWERS.en,
  };
})();

// ---------------------------------------------------------------------------------------------
// German.

const DE: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns('de');
  const WD = alt(WEEKDAYS.de, lit);
  const REL_GEN = alt([
    'letzten',
    'vergangenen',
    'vorigen',
    'dieses',
    'diesen',
    'nächsten',
    'kommenden',
    'des laufenden',
    'des vergangenen',
    'des letzten',
    'des nächsten',
  ]);
  const DETS = alt(['letzten', 'vergangenen', 'vorigen', 'diesen', 'diesem', 'nächsten', 'kommenden']);
  const SEASON = '(?:(?<pre>Spät|Früh|Hoch)(?<sp>sommer|herbst|winter)|(?<s>Frühling|Frühjahr|Sommer|Herbst|Winter))';
  const rules: Rule[] = [
    // 11. November 2025, am 4. Juli, Freitag, 4. Juli 2025
    dayRule(`${NB}(?:(?<wd>${WD}),?\\s+(?:(?:den|dem)\\s+)?)?(?<d>\\d{1,2})\\.\\s*(?<mon>${MON.any})(?:\\s+(?<y>${YEAR}))?${NE}`),
    // Juli 2024, Oktober letzten Jahres, im vergangenen Oktober, im Oktober (licensed)
    monthRule(
      'de',
      `${L0}(?:(?<det>${DETS})\\s+)?(?<mon>${MON.full}|${MON.abbr}(?=\\s+${YEAR}))(?:\\s+(?<y>${YEAR})|\\s+(?<rel>(?:des\\s+)?${REL_GEN}\\s+Jahres))?${NE}`,
    ),
    // Sommer 2024, Spätsommer 2024, Winter 2024/25, Sommer letzten Jahres
    seasonRule(
      `${L0}${SEASON}(?:\\s+(?<y>${YEAR})(?:\\s{0,3}[/–-]\\s{0,3}(?<y2>\\d{4}|\\d{2}))?|\\s+(?<rel>(?:des\\s+)?${REL_GEN}\\s+Jahres))?${NE}`,
    ),
    // letzten Sommer, im vergangenen Herbst, diesen Winter
    seasonRule(`${L0}(?<det>${DETS})\\s+(?<s>Frühling|Frühjahr|Sommer|Herbst|Winter)${R0}`),
    // am Freitag (on or before), letzten Freitag, nächsten Freitag, Freitagabend
    rule(
      `${L0}(?:(?<det>${DETS})\\s+)?(?<wd>${WD})(?<tod>${alt(['abend', 'morgen', 'nachmittag', 'vormittag', 'mittag', 'früh', 'nacht'], lit)})?${R0}`,
      (_m, c, g) => ({
        value: dayV(weekdayDay(c.a, weekdayNumber(g.wd ?? ''), g.det === undefined ? null : relOffset(g.det)), 'relative'),
        needs: g.det === undefined && g.tod === undefined ? 'license' : 'none',
      }),
    ),
    // morgen (tomorrow) is lower case; "heute morgen" is this morning (below)
    rule(`${L0}morgen${R0}`, (m, c) =>
      /(?:heute|gestern|am|jeden|guten)\s+$/iu.test(leftOf(c.s, m.index)) ? null : { value: dayV(c.a.day + 1, 'relative') },
    ),
    fixed([
      rel(days(0), 'heute', 'heute morgen', 'heute früh', 'heute abend', 'heute nachmittag', 'heute vormittag', 'heute mittag'),
      rel(days(-1), 'gestern', 'gestern morgen', 'gestern früh', 'gestern abend', 'gestern nachmittag', 'gestern vormittag'),
      rel(days(-2), 'vorgestern'),
      rel(days(2), 'übermorgen'),
      rel(weekend('nearest'), 'am Wochenende', 'an diesem Wochenende', 'dieses Wochenende', 'übers Wochenende'),
      rel(weekend('last'), 'letztes Wochenende', 'vergangenes Wochenende', 'am vergangenen Wochenende', 'am letzten Wochenende'),
      rel(weekend('next'), 'nächstes Wochenende', 'kommendes Wochenende', 'am nächsten Wochenende', 'am kommenden Wochenende'),
      rel(years(0), 'dieses Jahr', 'in diesem Jahr', 'dieses Jahres', 'im laufenden Jahr', 'des laufenden Jahres', 'heuer'),
      rel(
        years(-1),
        'letztes Jahr',
        'im letzten Jahr',
        'letzten Jahres',
        'vergangenes Jahr',
        'im vergangenen Jahr',
        'vergangenen Jahres',
        'des vergangenen Jahres',
        'voriges Jahr',
        'im vorigen Jahr',
        'vorigen Jahres',
        'im Vorjahr',
      ),
      rel(years(1), 'nächstes Jahr', 'im nächsten Jahr', 'nächsten Jahres', 'kommendes Jahr', 'im kommenden Jahr', 'kommenden Jahres'),
      needing('modifier', years(0), 'des Jahres'),
      rel(months(0), 'diesen Monat', 'in diesem Monat', 'dieses Monats', 'im laufenden Monat'),
      rel(
        months(-1),
        'letzten Monat',
        'im letzten Monat',
        'letzten Monats',
        'vergangenen Monat',
        'im vergangenen Monat',
        'vergangenen Monats',
        'vorigen Monat',
        'im vorigen Monat',
      ),
      rel(months(1), 'nächsten Monat', 'im nächsten Monat', 'nächsten Monats', 'kommenden Monat', 'im kommenden Monat'),
      needing('modifier', months(0), 'des Monats'),
      rel(weeks(0), 'diese Woche', 'in dieser Woche', 'dieser Woche'),
      rel(
        weeks(-1),
        'letzte Woche',
        'in der letzten Woche',
        'letzter Woche',
        'vergangene Woche',
        'in der vergangenen Woche',
        'vergangener Woche',
        'vorige Woche',
      ),
      rel(weeks(1), 'nächste Woche', 'in der nächsten Woche', 'nächster Woche', 'kommende Woche', 'in der kommenden Woche'),
      needing('modifier', weeks(0), 'der Woche'),
    ]),
    agoRule('de', (n, unit, hedge) => `${L0}${P('vor')}\\s+(?:${hedge}\\s+|(?:nur|erst)\\s+)?${n}\\s+${unit}${R0}`, [
      'etwa',
      'rund',
      'fast',
      'knapp',
      'gut',
      'mehr als',
      'über',
      'ungefähr',
      'circa',
      'ca.',
    ]),
    quarterRule(
      `${L0}(?<ord>${alt(['ersten', 'zweiten', 'dritten', 'vierten', 'erstes', 'zweites', 'drittes', 'viertes', 'erste', 'zweite', 'dritte', 'vierte'])}|[1-4]\\.)\\s+Quartals?(?:\\s+(?<y>${YEAR})|\\s+(?<rel>(?:des\\s+)?${REL_GEN}\\s+Jahres))?${R0}`,
      false,
    ),
    // die 1990er-Jahre, den 90er Jahren, der 1980er
    decadeRule(
      `${L0}(?:${alt(['der', 'den', 'die'])}\\s+)?(?:(?<full>1\\d{2}0|20\\d0)|(?<short>\\d0))er(?<j>[-\\s]?Jahre[ns]?)?${R0}`,
      (g) => g.j !== undefined,
    ),
  ];
  return {
    rules,
    modifier: modifierRe({
      early: ['Anfang', 'zu Beginn', 'Beginn', 'am Anfang'],
      mid: ['Mitte'],
      late: ['Ende', 'gegen Ende', 'zum Ende', 'am Ende'],
      about: ['etwa', 'um', 'circa', 'ca.', 'rund', 'ungefähr', 'gegen'],
      plain: ['früher', 'später'],
    }),
    license: licenseRe(
      [
        'im Jahr',
        'im Jahre',
        'seit dem Jahr',
        'bis zum Jahr',
        'im',
        'in',
        'am',
        'seit',
        'bis',
        'ab',
        'vor',
        'nach',
        'von',
        'vom',
        'zwischen',
        'für',
        'Jahr',
      ],
      [],
      ['und', 'oder', 'bis'],
      MON.full,
    ),
    units: UNIT_WORDS.de,
    followers: FOLLOWERS.de,
  };
})();

const CONFIGS: Record<Lang, LangConfig> = { sv: SV, en: EN, de: DE };
const RULES: Record<Lang, readonly Rule[]> = {
  sv: [...NEUTRAL, ...SV.rules],
  en: [...NEUTRAL, ...EN.rules],
  de: [...NEUTRAL, ...DE.rules],
};

function langOf(lang: string): Lang | null {
  const primary = lang.toLowerCase().split(/[-_]/u)[0];
  return primary === 'sv' || primary === 'en' || primary === 'de' ? primary : null;
}

// ---------------------------------------------------------------------------------------------
// Matching.

interface Candidate {
  start: number;
  end: number;
  value: Value;
  order: number;
}

/** Widens a core by its modifier and governing preposition; null when it stays unlicensed. */
function widen(raw: Raw, m: RegExpExecArray, c: Ctx, order: number): Candidate | null {
  let start = raw.start ?? m.index;
  const end = raw.end ?? m.index + m[0].length;
  let value = raw.value;
  const needs = raw.needs ?? 'none';
  let licensed = needs === 'none';
  if (c.cfg) {
    const { modifier, license } = c.cfg;
    let modified = false;
    const modify = () => {
      const mod = raw.modifiable && !modified ? modifier.exec(leftOf(c.s, start)) : null;
      const qualified = mod ? qualify(value, mod.groups ?? {}) : null;
      if (mod && qualified) {
        start -= mod[0].length;
        value = qualified;
        licensed = modified = true;
      }
    };
    modify();
    if (needs === 'modifier' && !licensed) return null;
    const lic = license.exec(leftOf(c.s, start));
    if (lic) {
      licensed = true;
      if (lic.groups?.abs !== undefined) {
        start -= lic[0].length;
        // a modifier may also stand before the preposition: "by the end of | the year 2022"
        modify();
      }
    }
  }
  return licensed ? { start, end, value, order } : null;
}

/**
 * Finds the temporal expressions in `sentence` (any length: a sentence or a whole article) and
 * resolves them against `anchor`, the article's publication date (YYYY-MM-DD; a RangeError
 * otherwise). `lang` is a BCP 47 tag; sv, en and de have rules, other languages only the
 * language-neutral ones. Overlaps keep the longest expression; the result is sorted by start.
 */
export function findTemporalExpressions(sentence: string, lang: string, anchor: string): TemporalMatch[] {
  const a = parseAnchor(anchor);
  const code = langOf(lang);
  const c: Ctx = { s: sentence, a, lang: code, cfg: code ? CONFIGS[code] : null };
  const candidates: Candidate[] = [];
  const rules = code ? RULES[code] : NEUTRAL;
  rules.forEach((r, order) => {
    for (const m of sentence.matchAll(r.re)) {
      const out = r.apply(m, c, m.groups ?? {});
      if (!out) continue;
      for (const raw of Array.isArray(out) ? out : [out]) {
        const cand = widen(raw, m, c, order);
        if (cand) candidates.push(cand);
      }
    }
  });
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start || x.order - y.order);
  const taken = new Uint8Array(sentence.length);
  const out: TemporalMatch[] = [];
  for (const cand of candidates) {
    if (taken.subarray(cand.start, cand.end).includes(1)) continue;
    taken.fill(1, cand.start, cand.end);
    out.push({ text: sentence.slice(cand.start, cand.end), start: cand.start, end: cand.end, ...cand.value });
  }
  return out.sort((x, y) => x.start - y.start);
}

// ---------------------------------------------------------------------------------------------
// Labels.

interface Words {
  qualified: (q: 'early' | 'mid' | 'late', base: string) => string;
  about: (base: string) => string;
  seasons: Record<Season, string>;
  winter: (y1: number, y2: number) => string;
  decade: (start: number, q: 'early' | 'mid' | 'late' | undefined) => string;
  week: (monday: string, week: number, year: number) => string;
}
const LABELS: Record<Lang, Words> = {
  en: {
    qualified: (q, base) => (q === 'mid' ? `mid-${base}` : `${q} ${base}`),
    about: (base) => `about ${base}`,
    seasons: { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' },
    winter: (y1, y2) => `winter ${y1}–${String(y2).slice(2)}`,
    decade: (start, q) => `the ${q === undefined ? '' : q === 'mid' ? 'mid-' : `${q} `}${start}s`,
    week: (monday) => `week of ${monday}`,
  },
  sv: {
    qualified: (q, base) => `${{ early: 'början', mid: 'mitten', late: 'slutet' }[q]} av ${base}`,
    about: (base) => `omkring ${base}`,
    seasons: { spring: 'våren', summer: 'sommaren', autumn: 'hösten', winter: 'vintern' },
    winter: (y1, y2) => `vintern ${y1}/${String(y2).slice(2)}`,
    decade: (start, q) =>
      q === undefined ? `${start}-talet` : `${{ early: 'början', mid: 'mitten', late: 'slutet' }[q]} av ${start}-talet`,
    week: (_monday, week, year) => `vecka ${week}, ${year}`,
  },
  de: {
    qualified: (q, base) => `${{ early: 'Anfang', mid: 'Mitte', late: 'Ende' }[q]} ${base}`,
    about: (base) => `etwa ${base}`,
    seasons: { spring: 'Frühling', summer: 'Sommer', autumn: 'Herbst', winter: 'Winter' },
    winter: (y1, y2) => `Winter ${y1}/${String(y2).slice(2)}`,
    decade: (start, q) =>
      q === undefined ? `die ${start}er-Jahre` : `${{ early: 'Anfang', mid: 'Mitte', late: 'Ende' }[q]} der ${start}er-Jahre`,
    week: (_monday, week, year) => `KW ${week}/${year}`,
  },
};
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

/**
 * An honest label for a date in the reader's language (`uiLang`, BCP 47; sv, en and de have
 * their own words, dates are formatted by Intl): "13 juni 2025" / "June 13, 2025", "October
 * 2025", "late October 2025", "summer 2025", "winter 2024–25", "about 2015", "Q3 2025", "the
 * 1990s", "week of November 3, 2025". Accepts a match or a corpus event ({date, precision});
 * a season is read from the date when `season` is missing. An unparseable date is returned as is.
 */
export function formatTemporal(t: TemporalValue, uiLang: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t.date);
  if (!m) return t.date;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  const words = LABELS[langOf(uiLang) ?? 'en'];
  const at = (mm: number, dd: number) => new Date(Date.UTC(y, mm - 1, dd));
  const q = t.qualifier === 'about' ? undefined : t.qualifier;

  if (t.span === 'decade') return words.decade(Math.floor(y / 10) * 10, q);
  if (t.span === 'quarter' && mo !== undefined) return `Q${Math.ceil(mo / 3)} ${y}`;
  if (t.span === 'week' && mo !== undefined && d !== undefined) {
    const thursday = toDay(y, mo, d) - weekdayOf(toDay(y, mo, d)) + 3;
    const isoYear = fromDay(thursday).y;
    const week = Math.floor((thursday - toDay(isoYear, 1, 1)) / 7) + 1;
    const monday = fromDay(thursday - 3);
    const label = words.week(
      intl(uiLang, { dateStyle: 'long' }).format(new Date(Date.UTC(monday.y, monday.m - 1, monday.d))),
      week,
      isoYear,
    );
    return q ? words.qualified(q, label) : label;
  }
  let base: string;
  if (t.precision === 'season') {
    const season = t.season ?? (mo === undefined ? 'summer' : (SEASON_BY_MONTH[mo - 1] ?? 'summer'));
    if (season === 'winter') {
      const y2 = mo === 12 ? y + 1 : y;
      base = words.winter(y2 - 1, y2);
    } else base = `${words.seasons[season]} ${y}`;
  } else if (d !== undefined && mo !== undefined) base = intl(uiLang, { dateStyle: 'long' }).format(at(mo, d));
  else if (mo !== undefined) base = intl(uiLang, { month: 'long', year: 'numeric' }).format(at(mo, 1));
  else base = String(y);
  if (t.precision === 'approximate' || t.qualifier === 'about') return words.about(base);
  return q ? words.qualified(q, base) : base;
}

// ---------------------------------------------------------------------------------------------
// Ordering: where the period a value denotes starts, and how long it is.

/** Offsets of early/mid/late thirds, in the unit of the period ("late October" starts on the 21st). */
const THIRD: Record<'early' | 'mid' | 'late', 0 | 1 | 2> = { early: 0, mid: 1, late: 2 };
/** Years into a decade at which its early, mid and late thirds start. */
const DECADE_THIRDS = [0, 3, 7] as const;

/**
 * The period a value denotes, as day numbers: its first day and its length in days (roughly,
 * for ordering). A season or quarter is the three months around its middle month, a week the
 * seven days around its Thursday, a decade the ten years from its start; early/mid/late take a
 * third of the period. An approximate value starts where its date does. Unreadable dates give null.
 */
export function temporalPeriod(t: TemporalValue): { start: number; days: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t.date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  if (mo !== undefined && d !== undefined && !validDay(y, mo, d)) return null;
  const third = t.qualifier === undefined || t.qualifier === 'about' ? null : THIRD[t.qualifier];
  const monthStart = (mi: number) => toDay(Math.floor(mi / 12), (mi % 12) + 1, 1);

  if (t.span === 'decade') {
    const start = y - (y % 10);
    return third === null ? { start: toDay(start, 1, 1), days: 3652 } : { start: toDay(start + DECADE_THIRDS[third], 1, 1), days: 1096 };
  }
  if (t.span === 'week' && mo !== undefined && d !== undefined) return { start: toDay(y, mo, d) - 3, days: 7 };
  if ((t.span === 'quarter' || t.precision === 'season') && mo !== undefined) {
    // Dated by the middle month: the period starts a month earlier (winter 2025 in December 2024).
    const first = y * 12 + mo - 2 + (third ?? 0);
    return { start: monthStart(first), days: third === null ? 91 : 30 };
  }
  if (d !== undefined && mo !== undefined) return { start: toDay(y, mo, d), days: t.precision === 'day' ? 1 : 3 };
  if (mo !== undefined) {
    return third === null ? { start: toDay(y, mo, 1), days: 30 } : { start: toDay(y, mo, 1 + 10 * third), days: 10 };
  }
  return third === null ? { start: toDay(y, 1, 1), days: 365 } : { start: monthStart(y * 12 + 4 * third), days: 122 };
}

/**
 * Timeline order: by the start of the period each value denotes ({@link temporalPeriod}); for
 * the same start the longer (coarser) period first, so "2025" precedes "January 2025". Values
 * whose date cannot be read go last. Ties are left to the caller (0).
 */
export function compareTemporal(a: TemporalValue, b: TemporalValue): number {
  const pa = temporalPeriod(a);
  const pb = temporalPeriod(b);
  if (!pa || !pb) return Number(!pa) - Number(!pb);
  return pa.start - pb.start || pb.days - pa.days;
}
