/**
 * Fuzzing the sentence splitter (src/core/sentences.ts) with random and mutated text.
 *
 * Seeds are fixed so CI is reproducible: FUZZ_SEED=<integer|random> explores other inputs and
 * FUZZ_RUNS=<factor> scales the run counts (see fuzz-helpers.ts). A failure prints the
 * counterexample and fast-check's seed; the suite's title names the base seed.
 *
 * The contract checked, from the source: each sentence is `text === input.slice(start, end)`,
 * trimmed of white space (JavaScript's \s) and never empty; sentences are in order and do not
 * overlap; what lies outside every sentence is white space only (nothing else is dropped); no
 * sentence contains a blank line; a sentence that ends before another in the same paragraph ends
 * with terminal punctuation (. ! ? …) and optional closing quotes or brackets. And: splitting a
 * sentence again gives that sentence, splitting the sentences joined by blank lines gives them
 * back, the result is deterministic, and time is linear (adversarial inputs at the end).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Sentence, splitSentences } from '../../src/core/sentences';
import { awkwardChar, fuzz, mutated, noise, soup, suiteTitle, timed, timeout } from './fuzz-helpers';

const LANGS = ['en', 'sv', 'de', 'fr', 'es', 'und', 'xx'] as const;
const lang = fc.constantFrom(...LANGS);

/** Words that exercise the rules: abbreviations, initials, ordinals before months, numbers, capitals. */
const WORDS = [
  'Mr',
  'Mr.',
  'Dr.',
  'mr.',
  'bl.a.',
  't.ex.',
  'z.B.',
  'e.g.',
  'i.e.',
  'U.S.',
  'a.m.',
  'J.',
  'R.',
  'Kl.',
  'ca.',
  'Nr.',
  '1.',
  '27.',
  '2.5',
  '14,3',
  'Juli',
  'März',
  'januari',
  'The',
  'the',
  'Meta',
  'meta',
  'Öresund',
  'über',
  '中文',
  'ChatGPT',
  '2022.',
  'Q3.',
  'etc.',
  'Inc.',
  'A.B.',
  'a.b.',
  '–',
  '—',
  '-',
  '"',
  '”',
  '«',
  '„',
  "'",
  '(',
  ')',
  '[1]',
];
const ENDINGS = ['.', '!', '?', '…', '...', '?!', '."', '.”', '.)', '!»', ".'", '.]', ''];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', '\n \n', '\r\n\r\n', '\t', '\u00a0', '\u2028', ''];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-zÅÄÖåäö]{1,8}$/) },
  { weight: 1, arbitrary: noise },
);
const sentenceLike = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 10 }), fc.constantFrom(...ENDINGS))
  .map(([ws, end]) => ws.join(' ') + end);
/** Text built from sentence-like pieces, then mutated with awkward characters and random edits. */
const text = fc.oneof(
  { weight: 4, arbitrary: mutated(soup(sentenceLike, fc.constantFrom(...SEPARATORS), 12), fc.oneof(awkwardChar, noise, word), 6) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('.', ' ', 'A', 'a', '\n', '"', '!', '1', 'J'), maxLength: 200 }) },
);

const WHITE = /^\s*$/u;
const BLANK_LINE = /\n\s*\n/u;

/** The first way `out` breaks the contract for `input`, or null (plain checks: some inputs have 20,000 sentences). */
function violation(input: string, out: readonly Sentence[]): string | null {
  let last = 0;
  for (const [i, s] of out.entries()) {
    const at = `sentence ${i} ${JSON.stringify(s).slice(0, 200)}`;
    if (!(s.start >= last && s.end > s.start && s.end <= input.length))
      return `${at}: offsets out of order or bounds (previous end ${last})`;
    if (s.text !== input.slice(s.start, s.end)) return `${at}: text is not the slice`;
    if (s.text !== s.text.trim()) return `${at}: not trimmed`;
    if (BLANK_LINE.test(s.text)) return `${at}: contains a blank line`;
    if (!WHITE.test(input.slice(last, s.start))) return `${at}: drops ${JSON.stringify(input.slice(last, s.start))}`;
    const next = out[i + 1];
    if (next && !BLANK_LINE.test(input.slice(s.end, next.start))) {
      // Same paragraph: the sentence ended at terminal punctuation, and the next one starts like a sentence.
      if (!/[.!?…]["'”’»)\]]*$/u.test(s.text)) return `${at}: ends a sentence without terminal punctuation`;
      if (!/^(?:[\p{Lu}\p{N}"“”«'‘„–—-]|\p{Lo})/u.test(next.text))
        return `${at}: the next sentence starts with ${JSON.stringify(next.text.slice(0, 2))}`;
    }
    last = s.end;
  }
  return WHITE.test(input.slice(last)) ? null : `drops the tail ${JSON.stringify(input.slice(last))}`;
}

function checkContract(input: string, out: readonly Sentence[]): void {
  expect(violation(input, out)).toBeNull();
}

describe(suiteTitle('fuzz: splitSentences'), () => {
  it(
    'keeps its contract on random and mutated text, deterministically',
    () => {
      fc.assert(
        fc.property(text, lang, (input, l) => {
          const out = splitSentences(input, l);
          checkContract(input, out);
          expect(splitSentences(input, l)).toEqual(out);
        }),
        fuzz('sentences/contract', 1000),
      );
    },
    timeout(),
  );

  it(
    'gives a sentence back when it is split again, and the sentences back from their paragraphs',
    () => {
      fc.assert(
        fc.property(text, lang, (input, l) => {
          const out = splitSentences(input, l);
          for (const s of out) expect(splitSentences(s.text, l).map((x) => x.text)).toEqual([s.text]);
          const joined = out.map((s) => s.text).join('\n\n');
          expect(splitSentences(joined, l).map((s) => s.text)).toEqual(out.map((s) => s.text));
        }),
        fuzz('sentences/idempotent', 500),
      );
    },
    timeout(),
  );

  it(
    'takes the same time for every language and any input of 20 KB (< 200 ms each)',
    () => {
      fc.assert(
        fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), lang, (pieces, l) => {
          let input = pieces.join(' ');
          while (input.length < 20_000) input += ` ${input}`;
          const [out, ms] = timed(() => splitSentences(input, l));
          checkContract(input, out);
          expect(ms).toBeLessThan(200);
        }),
        fuzz('sentences/time', 15),
      );
    },
    timeout(),
  );

  // Regressions: each of these took seconds to minutes before the splitter read the token before
  // a period backwards and stopped starting matches inside runs of terminal marks.
  it.each([
    ['a long word, then many abbreviations', 'a'.repeat(20_000) + ' Mr. X'.repeat(200)],
    ['a long word, then many initials', 'a'.repeat(20_000) + ' J. R.'.repeat(200)],
    ['many abbreviations in one sentence', 'Mr. '.repeat(20_000)],
    ['ordinal days before months', '1. Juli '.repeat(10_000)],
    ['a run of periods', '.'.repeat(100_000)],
    ['a run of mixed terminal marks, then white space and a lower-case word', `${'!?…'.repeat(30_000)}${' '.repeat(10_000)}x`],
    ['periods and brackets', '.)'.repeat(50_000)],
    ['dotted tokens', 'a.b.'.repeat(25_000) + ' A'],
    ['blank lines', '\n \n'.repeat(25_000)],
    ['quotes and dashes', '. " – « '.repeat(12_000)],
  ])(
    'is fast on adversarial input: %s',
    (_name, input) => {
      for (const l of ['en', 'de', 'sv']) {
        const [out, ms] = timed(() => splitSentences(input, l));
        checkContract(input, out);
        expect(ms).toBeLessThan(500);
      }
    },
    timeout(),
  );
});
