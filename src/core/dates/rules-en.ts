/** English rules: a LangConfig with the language's own words (weekdays, counts, units, followers). */
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
import { alt, L0, type LangConfig, leftOf, licenseRe, lit, modifierRe, NB, phrase, R0, type Rule, rule, YEAR } from './patterns';
import { dayV, relOffset, weekdayDay } from './resolve';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const weekday = weekdayIndex(WEEKDAYS);
const COUNTS: Record<string, Count> = {
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
};
const UNITS: Record<string, Unit> = {
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
};
/** Words after a 4-digit number that make it a quantity, not a year. */
const UNIT_WORDS = words(
  'people persons employees workers staff jobs users customers stores shops units devices dollars euros pounds million billion thousand percent pages words miles km kilometers kilometres meters metres feet ft tons tonnes points votes cases deaths troops soldiers students homes cars vehicles members residents participants hours minutes seconds days weeks months years times countries companies shares bits calories mw kw kwh gb mb',
);
/** Words that may follow a round year such as 2000 (otherwise "i 2000 butiker" would be a year). */
const FOLLOWERS = words(
  'and or but when as the a an it he she they we i was were is had has to in on at for with by after before that which there this these its his her their',
);

export const EN: LangConfig = (() => {
  const P = phrase;
  const MON = monthPatterns(MONTH_NAMES.en, lit);
  const WD = alt(WEEKDAYS, lit);
  const REL_YEAR = alt(['last year', 'this year', 'next year']);
  const SEASONS = ['spring', 'summer', 'autumn', 'winter'];
  const YEAR_END = `(?![\\p{L}\\p{N}]|[.,:]\\p{N})`;
  const VERBS =
    /(?<![\p{L}\p{N}])(?:said|says|announced|confirmed|told|reported|wrote|added|revealed|disclosed|unveiled|launched|released|filed|met|voted|died|arrived|ruled|warned|agreed|late|early)\s+$/iu;
  const HOLIDAYS = /(?<![\p{L}\p{N}])(?:black|good|cyber|super|ash|holy|easter|blue|giving)\s+$/iu;
  const rules: Rule[] = [
    // June 13, 2025; Nov. 11 2025; Friday, July 4; EditorJune 13, 2025 (text glued by a page)
    dayRule(
      weekday,
      `(?<![\\p{Lu}\\p{N}])(?:(?<wd>${WD}),?\\s+)?(?<mon>${MON.any})\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y>${YEAR}))?${YEAR_END}`,
    ),
    // 13 June 2025; the 13th of June; Friday 4 July
    dayRule(
      weekday,
      `${NB}(?:(?<wd>${WD}),?\\s+)?(?:${P('the')}\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>${MON.any})(?:,?\\s+(?<y>${YEAR}))?${YEAR_END}`,
    ),
    // July 2024, July of 2024, October last year, last October, in May (licensed)
    monthRule(
      'capitalised',
      `${L0}(?:(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming'])})\\s+)?(?<mon>${MON.full}|${MON.abbr}(?=\\s+${YEAR}))(?:(?:,?\\s+|\\s+of\\s+)(?<y>${YEAR})|\\s+(?:of\\s+)?(?<rel>${REL_YEAR}))?${YEAR_END}`,
    ),
    // this summer, last autumn, next spring, this past winter, last fall
    seasonRule(`${L0}(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming'])})\\s+(?<s>${alt([...SEASONS, 'fall'])})${R0}`),
    // the spring of 2024, summer 2025, winter 2024-25, fall 2024
    seasonRule(
      `${L0}(?:${P('the')}\\s+)?(?<s>${alt([...SEASONS, 'fall'])})\\s+(?:of\\s+)?(?<y>${YEAR})(?:\\s{0,3}[/–-]\\s{0,3}(?<y2>\\d{4}|\\d{2}))?${YEAR_END}`,
    ),
    // (in) the summer, (during) spring: licensed; "fall" only with a year or determiner
    seasonRule(`${L0}(?:${P('the')}\\s+)?(?<s>${alt(SEASONS)})${R0}`, FOLLOWERS),
    // on Friday, last Friday, next Friday, Friday morning, said Friday
    rule(
      `${L0}(?:(?<det>${alt(['last', 'this', 'next', 'this past', 'this coming', 'past', 'coming'])})\\s+)?(?<wd>${WD})(?<tod>\\s+${alt(['morning', 'afternoon', 'evening', 'night'], lit)})?${R0}`,
      (m, c, g) => {
        const left = leftOf(c.s, m.index);
        if (HOLIDAYS.test(left)) return null;
        const n = weekdayDay(c.a, weekday(g.wd ?? ''), g.det === undefined ? null : relOffset(g.det));
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
    agoRule(COUNTS, UNITS, (n, unit, hedge) => `${L0}(?:${hedge}\\s+|(?:only|just)\\s+)?${n}\\s+${unit}\\s+ago${R0}`, [
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
    units: UNIT_WORDS,
    followers: FOLLOWERS,
    dayFirst: false,
    yearSuffix: /^['’]s(?![\p{L}\p{N}])/u,
    // "will start in", "is set for", "is due to start in mid-", "plans to … in".
    future:
      /(?<![\p{L}\p{N}])(?:will|shall|['’]ll|(?:set|scheduled|slated|due|poised|planned|expected)\s+(?:to|for|in|on)|plans?\s+to|planning\s+to|upcoming)(?:\s+[\p{L}\p{N}'’-]+){0,3}\s*$/iu,
  };
})();
