/** German rules: a LangConfig with the language's own words (weekdays, counts, units, followers). */
import {
  agoRule,
  dayRule,
  days,
  decadeRule,
  fixed,
  monthRule,
  months,
  needing,
  quarterRule,
  rel,
  seasonRule,
  weekend,
  weeks,
  years,
} from './builders';
import { type Count, exact, FEW, SEVERAL, type Unit, weekdayIndex, words, monthPatterns } from './lexicon';
import { MONTH_NAMES } from './months';
import { alt, L0, type LangConfig, leftOf, licenseRe, lit, modifierRe, NB, NE, phrase, R0, type Rule, rule, YEAR } from './patterns';
import { dayV, relOffset, weekdayDay } from './resolve';

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const weekday = weekdayIndex(WEEKDAYS);
const COUNTS: Record<string, Count> = {
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
};
const UNITS: Record<string, Unit> = {
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
};
/** Words after a 4-digit number that make it a quantity, not a year. */
const UNIT_WORDS = words(
  'mitarbeiter beschäftigte menschen personen euro dollar millionen milliarden stellen prozent seiten kilometer km meter tonnen nutzer kunden einwohner soldaten stimmen punkte stunden minuten tage wochen monate jahre mal länder unternehmen aktien autos fahrzeuge filialen',
);
/** Words that may follow a round year such as 2000 (otherwise "i 2000 butiker" would be a year). */
const FOLLOWERS = words(
  'und oder aber als wurde war hat hatte ist ging kam im in am an auf bis für mit nach der die das ein eine es er sie wir gab',
);

export const DE: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns(MONTH_NAMES.de, lit);
  const WD = alt(WEEKDAYS, lit);
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
    dayRule(weekday, `${NB}(?:(?<wd>${WD}),?\\s+(?:(?:den|dem)\\s+)?)?(?<d>\\d{1,2})\\.\\s*(?<mon>${MON.any})(?:\\s+(?<y>${YEAR}))?${NE}`),
    // Juli 2024, Oktober letzten Jahres, im vergangenen Oktober, im Oktober (licensed)
    monthRule(
      'capitalised',
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
        value: dayV(weekdayDay(c.a, weekday(g.wd ?? ''), g.det === undefined ? null : relOffset(g.det)), 'relative'),
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
    agoRule(COUNTS, UNITS, (n, unit, hedge) => `${L0}${P('vor')}\\s+(?:${hedge}\\s+|(?:nur|erst)\\s+)?${n}\\s+${unit}${R0}`, [
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
    units: UNIT_WORDS,
    followers: FOLLOWERS,
    dayFirst: true,
    capitalisedNouns: true,
    // "wird im", "sollen im Dezember", "soll voraussichtlich im".
    future: /(?<![\p{L}\p{N}])(?:wird|werden|soll|sollen|geplant|voraussichtlich|künftig)(?:\s+[\p{L}\p{N}'’-]+){0,3}\s*$/iu,
  };
})();
