/**
 * Fuzzing the temporal expressions (src/core/dates/) with random and mutated sentences, in
 * sv, en, de, fr and und, against random anchors.
 *
 * Seeds are fixed so CI is reproducible: FUZZ_SEED=<integer|random> explores other inputs and
 * FUZZ_RUNS=<factor> scales the run counts (see fuzz-helpers.ts). A failure prints the
 * counterexample and fast-check's seed; the suite's title names the base seed.
 *
 * Properties: findTemporalExpressions never throws on a valid anchor; each match is
 * `text === sentence.slice(start, end)`, non-empty, in bounds, sorted, non-overlapping; `date` is
 * YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; precision, qualifier, season, span and
 * kind are in their sets; formatTemporal gives a label in en, sv and de and temporalPeriod reads
 * every date; the result is deterministic, the same for a language's regional tags ("en-GB",
 * "SV_se") and the same for every language without rules (fr = und); matches with kind
 * 'absolute' do not depend on the anchor; and time stays linear on adversarial strings.
 *
 * Anchors are publication dates from 1900 to 2100. (Far outside that, the contract cannot hold:
 * "tomorrow" in an article of 9999-12-31 has no four-digit year, and Date.UTC reads years 0–99
 * as 1900–1999.)
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTemporal } from '../../../src/core/dates/labels';
import { findTemporalExpressions } from '../../../src/core/dates/match';
import { temporalPeriod } from '../../../src/core/dates/period';
import type { TemporalMatch } from '../../../src/core/dates/types';
import { splitSentences } from '../../../src/core/sentences';
import { locale } from './locale';
import { awkwardChar, fuzz, mutated, noise, soup, suiteTitle, timed, timeout } from '../fuzz-helpers';

const LANGS = ['sv', 'en', 'de', 'fr', 'und'] as const;
const lang = fc.constantFrom(...LANGS);

const DAY_MS = 86_400_000;
/** A valid YYYY-MM-DD from 1900-01-01 to 2100-12-31. */
const anchor = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
  .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));

/** Expressions and sentences in the style of test/unit/dates.test.ts. */
const EXPRESSIONS: Record<(typeof LANGS)[number], readonly string[]> = {
  sv: [
    'För några veckor sedan',
    'sedan 2013',
    'I somras',
    'i slutet av oktober',
    'i juli 2024',
    'Under året',
    'den 11 november 2025',
    '3 nov. 2024',
    'Måndagen den 10 november 2025',
    'den 1:a maj 2020',
    'från den 3/6',
    'den 29 februari 2024',
    'i oktober förra året',
    'i mars i fjol',
    'vintern 2024/25',
    'sensommaren 2024',
    'i fredags',
    'på fredag',
    'under fredagen',
    'förra veckan',
    'i går kväll',
    'för tre år sedan',
    'för drygt 20 år sedan',
    'tredje kvartalet 2025',
    '90-talet',
    'i början av 1990-talet',
    'i mitten av maj',
    'omkring 2015',
    'i vår',
    'i vår rapport',
    'Sonden når Mars 2026',
    '600 anställda',
    '2025 års',
    '2019–2022',
  ],
  en: [
    'in 2022',
    'on Friday',
    'last year',
    'Earlier this month',
    'June 13, 2025',
    'News EditorBy News EditorJune 13, 2025 Europe News',
    'Nov. 11 2024',
    'on 5 May 1990',
    'on the 13th of June 2024',
    'Friday, July 4',
    'in July of 2024',
    'in October last year',
    'last October',
    'next March',
    'in the summer of 2024',
    'this past winter',
    'last fall',
    'two years ago',
    'about a decade ago',
    'the third quarter of 2025',
    'the mid-1990s',
    "the late '80s",
    'by the end of the year',
    'over the last year',
    'Theresa May',
    'Galaxy S22',
    '© 2025 The News Journos.',
    'in 2000 stores',
    "2022's",
    'Q3 2025',
    'Black Friday',
  ],
  de: [
    'Am 11. November 2025',
    'Freitag, 4. Juli 2025',
    'am 03.04.2025',
    'am 4. Juli',
    'im Juli 2024',
    'Im März',
    'Ende Oktober',
    'Anfang 2024',
    'im Sommer 2024',
    'Spätsommer 2024',
    'Winter 2024/25',
    'im vergangenen Herbst',
    'letzten Freitag',
    'Freitagabend',
    'heute morgen',
    'vor zwei Jahren',
    'vor etwa drei Monaten',
    'im dritten Quartal 2025',
    'die 1990er-Jahre',
    'in den 90er Jahren',
    'seit 2013',
    'im Jahr 2022',
  ],
  fr: ['le 11 novembre 2025', 'en 2022', 'depuis 2013', '2025-11-11', 'Q3 2025', '13/06/2025'],
  und: ['2025-11-11', '2025/11/11', '11/11/2025', '13.06.2025', 'Q3 2025', "Q3 '25", 'Audi Q3', '2019–2022', '2025-02-30', '2025-13-01'],
};

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
/** Real sentences: the two seed articles (sv, en) and the German fixture dump. */
const REAL = [
  ...splitSentences(read('assets/seeds/000_d35634ae92cf12c4.txt'), 'sv'),
  ...splitSentences(read('assets/seeds/004_b9dd206ab3ce0339.txt'), 'en'),
  ...splitSentences(read('test/fixtures/articles/dump-de-lindenau-wasserpreis.txt'), 'de'),
]
  .map((s) => s.text)
  .filter((s) => s.length < 600);

const ALL_EXPRESSIONS = Object.values(EXPRESSIONS).flat();
/** Pieces inserted by mutations: date words, numbers, separators and awkward characters. */
const PIECES = [
  ...ALL_EXPRESSIONS,
  '2025',
  '1999',
  '2199',
  '2200',
  '0999',
  '12',
  '31',
  '00',
  '-',
  '/',
  '.',
  ':a',
  ' ',
  '  ',
  'i ',
  'in ',
  'im ',
  'den ',
  'the ',
  'sedan ',
  'since ',
  'early ',
  'late ',
  'i slutet av ',
  'Ende ',
  'mid-',
  'januari',
  'February',
  'Dezember',
  'Friday',
  'fredag',
  'Freitag',
  'sommaren',
  'summer',
  'Sommer',
  'kvartalet',
  'quarter',
  'Quartal',
  'år',
  'years',
  'Jahren',
  'ago',
  'sedan',
  'vor',
  '-talet',
  's',
  "'s",
  '’',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: awkwardChar },
);
const base = fc.oneof(
  fc.constantFrom(...REAL),
  fc.constantFrom(...ALL_EXPRESSIONS),
  soup(fc.constantFrom(...PIECES), fc.constantFrom(' ', ', ', '. ', ' och ', ' and ', ' und ', '\n', ''), 12),
);

/** A real sentence with one to three expressions (mostly of `l`) put between its words. */
function planted(l: (typeof LANGS)[number]): fc.Arbitrary<string> {
  const own = l === 'fr' ? [...EXPRESSIONS.fr, ...EXPRESSIONS.und] : EXPRESSIONS[l];
  const expression = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_EXPRESSIONS) },
  );
  return fc
    .tuple(fc.constantFrom(...REAL), fc.array(fc.tuple(expression, fc.nat()), { minLength: 1, maxLength: 3 }))
    .map(([carrier, inserts]) => {
      const words = carrier.split(' ');
      for (const [e, at] of inserts) words.splice(at % (words.length + 1), 0, e);
      return words.join(' ');
    });
}

/**
 * A language and a sentence for it: real sentences with expressions planted in them, lightly
 * mutated; real sentences, expressions and date-word soup, heavily mutated; random code points.
 */
const langSentence: fc.Arbitrary<[(typeof LANGS)[number], string]> = lang.chain((l) =>
  fc.tuple(
    fc.constant(l),
    fc.oneof(
      { weight: 4, arbitrary: mutated(planted(l), piece, 3) },
      { weight: 2, arbitrary: mutated(base, piece, 8) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    ),
  ),
);
const sentence = langSentence.map(([, s]) => s);

const PRECISIONS = new Set(['day', 'month', 'season', 'year', 'approximate']);
const QUALIFIERS = new Set(['early', 'mid', 'late', 'about', undefined]);
const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter', undefined]);
const SPANS = new Set(['week', 'quarter', 'decade', undefined]);
const KINDS = new Set(['absolute', 'relative']);
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (mo < 1 || mo > 12) return false;
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The first way `out` breaks the contract for `s`, or null. */
function violation(s: string, out: readonly TemporalMatch[]): string | null {
  let last = 0;
  for (const [i, m] of out.entries()) {
    const at = `match ${i} ${JSON.stringify(m)}`;
    if (!(m.start >= last && m.end > m.start && m.end <= s.length)) return `${at}: offsets out of order or bounds (previous end ${last})`;
    if (m.text !== s.slice(m.start, m.end)) return `${at}: text is not the slice`;
    if (!validDate(m.date)) return `${at}: invalid date`;
    if (!PRECISIONS.has(m.precision)) return `${at}: precision`;
    if (!QUALIFIERS.has(m.qualifier) || !SEASONS.has(m.season) || !SPANS.has(m.span) || !KINDS.has(m.kind)) return `${at}: refinements`;
    if (m.precision === 'day' && m.date.length !== 10) return `${at}: a day precision needs YYYY-MM-DD`;
    if (m.precision === 'year' && m.date.length !== 4) return `${at}: a year precision needs YYYY`;
    if (m.precision === 'month' && m.date.length !== 7) return `${at}: a month precision needs YYYY-MM`;
    if (m.precision === 'season' && (m.season === undefined || m.date.length !== 7)) return `${at}: a season needs its name and YYYY-MM`;
    for (const ui of ['en', 'sv', 'de']) {
      const label = formatTemporal(m, locale(ui));
      if (typeof label !== 'string' || label.trim() === '') return `${at}: empty ${ui} label`;
    }
    if (temporalPeriod(m) === null) return `${at}: temporalPeriod cannot read it`;
    last = m.end;
  }
  return null;
}

const key = (m: TemporalMatch): string => JSON.stringify([m.start, m.end, m.date, m.precision, m.qualifier, m.season, m.span]);

describe(suiteTitle('fuzz: findTemporalExpressions'), () => {
  it(
    'keeps its contract on mutated sentences in every language, deterministically',
    () => {
      fc.assert(
        fc.property(langSentence, anchor, ([l, s], a) => {
          const out = findTemporalExpressions(s, l, a);
          expect(violation(s, out)).toBeNull();
          expect(findTemporalExpressions(s, l, a)).toEqual(out);
        }),
        fuzz('dates/contract', 1000),
      );
    },
    timeout(),
  );

  it(
    'ignores the region and case of the language tag, and treats every language without rules alike',
    () => {
      const variants: Record<string, readonly string[]> = {
        sv: ['sv-SE', 'SV_fi'],
        en: ['en-GB', 'EN'],
        de: ['de-AT', 'De_CH'],
        fr: ['und', 'fr-CA', 'it', 'x', ''],
        und: ['fr', 'nb-NO', 'zh-Hant'],
      };
      fc.assert(
        fc.property(langSentence, anchor, ([l, s], a) => {
          const out = findTemporalExpressions(s, l, a);
          for (const tag of variants[l] ?? []) expect(findTemporalExpressions(s, tag, a)).toEqual(out);
        }),
        fuzz('dates/tags', 300),
      );
    },
    timeout(),
  );

  it(
    'resolves absolute expressions the same way whatever the anchor',
    () => {
      fc.assert(
        fc.property(langSentence, anchor, anchor, ([l, s], a, b) => {
          const other = new Set(findTemporalExpressions(s, l, b).map(key));
          for (const m of findTemporalExpressions(s, l, a)) if (m.kind === 'absolute') expect(other, m.text).toContain(key(m));
        }),
        fuzz('dates/absolute', 300),
      );
    },
    timeout(),
  );

  it(
    'rejects an invalid anchor with a RangeError, and only then',
    () => {
      const bad = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', ' 2025-01-01', '2025-01-01T00:00'),
      );
      fc.assert(
        fc.property(fc.constantFrom(...ALL_EXPRESSIONS), lang, bad, (s, l, a) => {
          let error: unknown = null;
          try {
            findTemporalExpressions(s, l, a);
          } catch (e) {
            error = e;
          }
          const valid = /^\d{4}-\d{2}-\d{2}$/.test(a) && validDate(a);
          if (valid) expect(error).toBeNull();
          else expect(error).toBeInstanceOf(RangeError);
        }),
        fuzz('dates/anchor', 200),
      );
    },
    timeout(),
  );

  it(
    'stays fast on random date-word soup of 20 KB (< 200 ms per language)',
    () => {
      fc.assert(
        fc.property(fc.array(sentence, { minLength: 1, maxLength: 10 }), anchor, (pieces, a) => {
          let s = pieces.join(' ');
          while (s.length < 20_000) s += ` ${s}`;
          for (const l of LANGS) {
            const [out, ms] = timed(() => findTemporalExpressions(s, l, a));
            expect(violation(s, out)).toBeNull();
            expect(ms).toBeLessThan(200);
          }
        }),
        fuzz('dates/time', 6),
      );
    },
    timeout(),
  );

  it.each([
    ['a run of digits', '1'.repeat(50_000)],
    ['"2025-" repeated', '2025-'.repeat(10_000)],
    [
      '10 000 spaces between a preposition and a date word',
      `i${' '.repeat(10_000)}sommaren in${' '.repeat(10_000)}Friday im${' '.repeat(10_000)}Sommer`,
    ],
    ['prepositions', 'i '.repeat(20_000)],
    ['modifiers', 'the early '.repeat(5_000)],
    ['year ranges', '2019 - '.repeat(7_000)],
    ['quarters', 'Q1 '.repeat(15_000)],
    ['months with years', 'in juli 2024 July 4 Juli 2024 '.repeat(1_500)],
    ['counts before "ago"', 'för några '.repeat(5_000) + 'år sedan' + ' a few'.repeat(5_000) + ' years ago'],
    ['dotted dates', '1.1.'.repeat(12_000)],
    ['slashes', '11/'.repeat(15_000)],
    ['apostrophes', "the '9".repeat(8_000)],
    ['decades', '1990-talet 90er-Jahre the 1990s '.repeat(1_500)],
    ['weekdays', 'Friday fredag Freitag '.repeat(2_500)],
  ])(
    'stays fast on adversarial input: %s',
    (_name, s) => {
      for (const l of LANGS) {
        const [out, ms] = timed(() => findTemporalExpressions(s, l, '2025-06-13'));
        expect(violation(s, out)).toBeNull();
        expect(ms).toBeLessThan(500);
      }
    },
    timeout(),
  );
});
