/** Swedish rules: a LangConfig with the language's own words (weekdays, counts, units, followers). */
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
  seasonOf,
  seasonRule,
  weekend,
  weeks,
  years,
} from './builders';
import { type Count, exact, FEW, SEVERAL, type Unit, weekdayIndex, words, monthPatterns } from './lexicon';
import { MONTH_NAMES } from './months';
import { alt, type Groups, L0, type LangConfig, licenseRe, modifierRe, NB, NE, phrase, R0, type Rule, rule, YEAR } from './patterns';
import { dayV, dayValue, onOrBefore, seasonV, strictlyAfter, strictlyBefore } from './resolve';

const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
const weekday = weekdayIndex(WEEKDAYS);
const COUNTS: Record<string, Count> = {
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
};
const UNITS: Record<string, Unit> = {
  dag: 'day',
  dagar: 'day',
  vecka: 'week',
  veckor: 'week',
  månad: 'month',
  månader: 'month',
  år: 'year',
  decennium: 'decade',
  decennier: 'decade',
};
/** Words after a 4-digit number that make it a quantity, not a year. */
const UNIT_WORDS = words(
  'anställda personer människor kronor kr dollar euro miljoner miljarder användare butiker jobb tjänster meter kilometer km mil kilo ton procent sidor exemplar stycken st bilar platser medarbetare invånare lägenheter bostäder kunder elever studenter soldater deltagare röster poäng timmar minuter sekunder dagar veckor år gånger länder företag bolag aktier mw kw kwh gb mb',
);
/** Words that may follow a round year such as 2000 (otherwise "i 2000 butiker" would be a year). */
const FOLLOWERS = words(
  'och eller men när då som var har hade blev kom till i på för med den det de en ett fick gick såg skulle kunde började efter innan utan',
);

export const SV: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns(MONTH_NAMES.sv, phrase);
  const WD = alt(WEEKDAYS);
  const REL_YEAR = alt(['i fjol', 'ifjol', 'förra året', 'i år', 'nästa år']);
  const SEASON_DEF = ['sommaren', 'våren', 'hösten', 'vintern'];
  const SEASON_ALL = ['sommaren', 'sommar', 'våren', 'vår', 'hösten', 'höst', 'vintern', 'vinter'];
  const wd = (g: Groups) => weekday(g.wd ?? '');
  const rules: Rule[] = [
    // 11 november 2025, den 11 november, måndagen den 10 november, 11 nov. 2025
    dayRule(
      weekday,
      `${NB}(?:(?<wd>${WD})(?:en)?,?\\s+)?(?:${P('den')}\\s+)?(?<d>\\d{1,2})(?::[ae])?\\s+(?<mon>${MON.any})(?:\\s+(?<y>${YEAR}))?${NE}`,
    ),
    // den 3/6: day first, the year from the anchor
    rule(`${L0}${P('den')}\\s+(?<d>\\d{1,2})/(?<mo>\\d{1,2})(?![\\p{N}/])`, (_m, c, g) => {
      const v = dayValue(c.a, Number(g.d), Number(g.mo), undefined, undefined);
      return v && Number(g.mo) <= 12 ? { value: v } : null;
    }),
    // juli 2024, oktober förra året, i oktober (licensed)
    monthRule('lower', `${L0}(?<mon>${MON.full}|${MON.abbr}(?=\\s+${YEAR}))(?:\\s+(?<y>${YEAR})|\\s+(?<rel>${REL_YEAR}))?${NE}`),
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
    agoRule(COUNTS, UNITS, (n, unit, hedge) => `${L0}${P('för')}\\s+(?:${hedge}\\s+|(?:bara|endast)\\s+)?${n}\\s+${unit}\\s+sedan${R0}`, [
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
    units: UNIT_WORDS,
    followers: FOLLOWERS,
    dayFirst: true,
    yearSuffix: /^\s{1,3}års(?!\p{L})/iu,
    // "ska börja gälla i", "kommer att sjösättas i", "väntas i", "planeras till".
    future: /(?<![\p{L}\p{N}])(?:ska|skall|kommer\s+att|planeras|väntas|beräknas)(?:\s+[\p{L}\p{N}'’-]+){0,3}\s*$/iu,
  };
})();
