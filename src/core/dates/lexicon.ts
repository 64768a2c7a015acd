/** Lexicons. */
import { MONTH_NAMES, type MonthTable } from './months';
import { alt, type Ctx, type Lang, lit, norm, phrase } from './patterns';

/** The month names of the languages with rules (names and abbreviations; see ./months). */
export const MONTHS: Record<Lang, MonthTable> = { sv: MONTH_NAMES.sv, en: MONTH_NAMES.en, de: MONTH_NAMES.de };
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
};
export const MONTH_NUMBER = new Map<string, number>();
export const WEEKDAY_NUMBER = new Map<string, number>();
for (const t of Object.values(MONTHS))
  t.forEach(([full, abbr], i) => [...full, ...abbr].forEach((n) => MONTH_NUMBER.set(n.toLowerCase(), i + 1)));
for (const t of Object.values(WEEKDAYS)) t.forEach((n, i) => WEEKDAY_NUMBER.set(n.toLowerCase(), i));
export const monthOf = (name: string): number => MONTH_NUMBER.get(norm(name)) ?? 0;
export const weekdayNumber = (name: string): number => WEEKDAY_NUMBER.get(norm(name)) ?? 0;

export function monthPatterns(lang: Lang): { full: string; any: string; abbr: string } {
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

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
export interface Count {
  n: number;
  /** "a few", "några": the count is a guess. */
  vague?: true;
  /** "several", "flera": too vague for years and decades. */
  several?: true;
}
export const exact = (n: number): Count => ({ n });
export const FEW = (n: number): Count => ({ n, vague: true });
export const SEVERAL: Count = { n: 3, vague: true, several: true };
export const COUNTS: Record<Lang, Record<string, Count>> = {
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
export const UNITS: Record<Lang, Record<string, Unit>> = {
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

export const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));
/** Words after a 4-digit number that make it a quantity, not a year. */
export const UNIT_WORDS: Record<Lang, ReadonlySet<string>> = {
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
export const FOLLOWERS: Record<Lang, ReadonlySet<string>> = {
  sv: words(
    'och eller men när då som var har hade blev kom till i på för med den det de en ett fick gick såg skulle kunde började efter innan utan',
  ),
  en: words(
    'and or but when as the a an it he she they we i was were is had has to in on at for with by after before that which there this these its his her their',
  ),
  de: words('und oder aber als wurde war hat hatte ist ging kam im in am an auf bis für mit nach der die das ein eine es er sie wir gab'),
};

/** A blocked year: followed by a unit ("2000 anställda") or a round number followed by a noun ("in 2000 stores"). */
export function quantityAfter(c: Ctx, y: number, after: string): boolean {
  if (!c.lang) return false;
  const w = /^\s{1,3}(\p{L}+)/u.exec(after)?.[1];
  if (w === undefined) return false;
  const lower = w.toLowerCase();
  if (UNIT_WORDS[c.lang].has(lower)) return true;
  return y % 100 === 0 && (c.lang === 'de' || w === lower) && !FOLLOWERS[c.lang].has(lower);
}
