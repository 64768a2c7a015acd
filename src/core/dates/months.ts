/**
 * The one month-name table: per language, per month (January first), its names, its
 * abbreviations and other spellings. The temporal rules (sv, en, de) read names and abbreviations
 * as written (case matters in en and de); the corpus date finders (src/corpus/html/dates.ts,
 * src/corpus/text/dates.ts) read them lower-cased, other spellings included. Russian lists stems
 * and inflected forms, which the text finder extends ("сентябр" → "сентября").
 */

export type MonthNames = readonly [names: readonly string[], abbr: readonly string[], spellings?: readonly string[]];
export type MonthTable = readonly MonthNames[];

const table = (...months: MonthNames[]): MonthTable => months;

export const MONTH_NAMES = {
  en: table(
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
  ),
  // "jul" is Christmas in Swedish: no abbreviation for July.
  sv: table(
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
  ),
  de: table(
    [['Januar', 'Jänner'], ['Jan']],
    [['Februar', 'Feber'], ['Feb']],
    [['März'], [], ['maerz', 'mär']],
    [['April'], ['Apr']],
    [['Mai'], []],
    [['Juni'], ['Jun']],
    [['Juli'], ['Jul']],
    [['August'], ['Aug']],
    [['September'], ['Sep', 'Sept']],
    [['Oktober'], ['Okt']],
    [['November'], ['Nov']],
    [['Dezember'], ['Dez']],
  ),
  fr: table(
    [['janvier'], ['janv']],
    [['février'], ['févr'], ['fevrier']],
    [['mars'], []],
    [['avril'], ['avr']],
    [['mai'], []],
    [['juin'], []],
    [['juillet'], ['juil']],
    [['août'], [], ['aout']],
    [['septembre'], []],
    [['octobre'], []],
    [['novembre'], []],
    [['décembre'], ['déc'], ['decembre']],
  ),
  es: table(
    [['enero'], ['ene']],
    [['febrero'], []],
    [['marzo'], []],
    [['abril'], ['abr']],
    [['mayo'], []],
    [['junio'], []],
    [['julio'], []],
    [['agosto'], ['ago']],
    [['septiembre'], []],
    [['octubre'], []],
    [['noviembre'], []],
    [['diciembre'], ['dic']],
  ),
  pt: table(
    [['janeiro'], []],
    [['fevereiro'], ['fev']],
    [['março'], [], ['marco']],
    [['abril'], []],
    [['maio'], []],
    [['junho'], []],
    [['julho'], []],
    [['agosto'], []],
    [['setembro'], ['set']],
    [['outubro'], ['out']],
    [['novembro'], []],
    [['dezembro'], []],
  ),
  it: table(
    [['gennaio'], ['gen']],
    [['febbraio'], []],
    [['marzo'], []],
    [['aprile'], []],
    [['maggio'], []],
    [['giugno'], []],
    [['luglio'], ['lug']],
    [['agosto'], []],
    [['settembre'], []],
    [['ottobre'], ['ott']],
    [['novembre'], []],
    [['dicembre'], []],
  ),
  nl: table(
    [['januari'], []],
    [['februari'], []],
    [['maart'], []],
    [['april'], []],
    [['mei'], []],
    [['juni'], []],
    [['juli'], []],
    [['augustus'], []],
    [['september'], []],
    [['oktober'], []],
    [['november'], []],
    [['december'], []],
  ),
  id: table(
    [['januari'], []],
    [['februari'], []],
    [['maret'], []],
    [['april'], []],
    [['mei'], []],
    [['juni'], []],
    [['juli'], []],
    [['agustus'], []],
    [['september'], []],
    [['oktober'], []],
    [['november'], []],
    [['desember'], []],
  ),
  ru: table(
    [['январ'], ['янв']],
    [['феврал'], ['фев']],
    [['марта', 'март'], ['мар']],
    [['апрел'], ['апр']],
    [['мая', 'май'], []],
    [['июн'], []],
    [['июл'], []],
    [['август'], ['авг']],
    [['сентябр'], ['сен']],
    [['октябр'], ['окт']],
    [['ноябр'], ['ноя']],
    [['декабр'], ['дек']],
  ),
} as const satisfies Record<string, MonthTable>;

export type MonthLanguage = keyof typeof MONTH_NAMES;

/** Every name, abbreviation and spelling of `langs`, lower-cased, with its month number (1–12). */
export function monthEntries(langs: readonly MonthLanguage[]): [name: string, month: number][] {
  return langs.flatMap((lang) =>
    MONTH_NAMES[lang].flatMap(([names, abbr, spellings = []], i) =>
      [...names, ...abbr, ...spellings].map((n): [string, number] => [n.toLowerCase(), i + 1]),
    ),
  );
}
