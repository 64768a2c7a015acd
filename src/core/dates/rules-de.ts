/** German. */
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
import { FOLLOWERS, monthPatterns, UNIT_WORDS, weekdayNumber, WEEKDAYS } from './lexicon';
import { alt, L0, type LangConfig, leftOf, licenseRe, lit, modifierRe, NB, NE, phrase, R0, type Rule, rule, YEAR } from './patterns';
import { dayV, relOffset, weekdayDay } from './resolve';

export const DE: LangConfig = (() => {
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
