/**
 * Shared pieces of the fuzz suites (test/unit/fuzz-*.test.ts): the seed and run-count knobs,
 * string mutations, awkward characters, and a timer.
 *
 * Seeds: every property runs with a fixed seed derived from a base seed and the property's name,
 * so CI is reproducible. Set FUZZ_SEED=<integer> to explore other inputs locally (FUZZ_SEED=random
 * picks one and prints it), and FUZZ_RUNS=<factor> to multiply every property's run count:
 *
 *   FUZZ_SEED=random FUZZ_RUNS=20 npx vitest run --project unit test/unit/fuzz-*.test.ts
 *
 * A failure prints fast-check's counterexample with its seed and path; the base seed is in the
 * name of each suite, so `FUZZ_SEED=<that seed>` replays the whole run.
 */
import fc from 'fast-check';

function baseSeed(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 20_251_111;
  if (raw === 'random') return Math.floor(Math.random() * 0x7fff_ffff);
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", got ${JSON.stringify(raw)}`);
  return n | 0;
}

/** The base seed of this run (FUZZ_SEED, or a fixed default). */
export const FUZZ_SEED = baseSeed(process.env.FUZZ_SEED);
/** Multiplies every property's run count (FUZZ_RUNS, default 1). */
export const FUZZ_RUNS = Math.max(0.01, Number(process.env.FUZZ_RUNS ?? '1') || 1);

/** A test's timeout: generous (CI machines are shared), and scaled with FUZZ_RUNS. */
export const timeout = (ms = 30_000): number => Math.round(ms * Math.max(1, FUZZ_RUNS));

/** A stable 32-bit hash of a property's name (FNV-1a), so that properties do not share a random stream. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** fast-check parameters for the property `name`: its own seed and `numRuns` scaled by FUZZ_RUNS. */
export function fuzz(name: string, numRuns: number): { seed: number; numRuns: number } {
  return { seed: (FUZZ_SEED ^ hash(name)) | 0, numRuns: Math.max(1, Math.round(numRuns * FUZZ_RUNS)) };
}

/** The suite's title with the base seed in it, so a CI log says how to replay the run. */
export const suiteTitle = (name: string): string => `${name} (FUZZ_SEED=${FUZZ_SEED})`;

/** Runs `f` and returns its result with the time it took, in milliseconds. */
export function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

/**
 * Characters that break naive text handling: zero-width and invisible characters, combining
 * marks, a valid surrogate pair and lone halves, odd white space and line separators, typographic
 * apostrophes, hyphens and dashes, quotes, bidi controls, and a few symbols.
 */
export const AWKWARD = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  '\u0301',
  '\u0308',
  '\u20dd',
  '\u{1f600}',
  '\u{1d400}',
  '\ud83d',
  '\ude00',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u2028',
  '\u2029',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\v',
  '\f',
  '’',
  '‘',
  'ʼ',
  '`',
  "'",
  '-',
  '‐',
  '‑',
  '–',
  '—',
  '.',
  ',',
  ':',
  ';',
  '!',
  '?',
  '…',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '(',
  ')',
  '[',
  ']',
  '/',
  '@',
  '_',
  '#',
  '&',
  '%',
  '$',
  '€',
  '\u202e',
  '\u200f',
  'ﬁ',
  'İ',
  'ß',
  'Σ',
  '0',
  '9',
  '٣',
] as const;

export const awkwardChar: fc.Arbitrary<string> = fc.constantFrom(...AWKWARD);

/** Short strings of any code points (fast-check's "binary" unit) or printable graphemes, or awkward characters. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  awkwardChar,
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.array(awkwardChar, { maxLength: 4 }).map((a) => a.join('')),
);

/** One edit of a string; positions are taken modulo the string's length when it is applied. */
export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'move'; at: number; len: number; to: number }
  | { op: 'upper' | 'lower'; at: number; len: number }
  | { op: 'truncate'; at: number };

/** A list of edits whose insertions come from `pieces`. */
export function edits(pieces: fc.Arbitrary<string>, maxEdits = 8): fc.Arbitrary<Edit[]> {
  const at = fc.nat();
  const len = fc.nat({ max: 40 });
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: pieces }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, len }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, len }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), at, len, to: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('upper' as const, 'lower' as const), at, len }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  );
  return fc.array(edit, { maxLength: maxEdits });
}

/** Applies `list` to `s` in order (deterministic: the same edits give the same string). */
export function applyEdits(s: string, list: readonly Edit[]): string {
  let out = s;
  for (const e of list) {
    const at = e.at % (out.length + 1);
    switch (e.op) {
      case 'insert':
        out = out.slice(0, at) + e.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + e.len);
        break;
      case 'duplicate':
        out = out.slice(0, at + e.len) + out.slice(at, at + e.len) + out.slice(at + e.len);
        break;
      case 'move': {
        const piece = out.slice(at, at + e.len);
        const rest = out.slice(0, at) + out.slice(at + e.len);
        const to = e.to % (rest.length + 1);
        out = rest.slice(0, to) + piece + rest.slice(to);
        break;
      }
      case 'upper':
      case 'lower': {
        const piece = out.slice(at, at + e.len);
        out = out.slice(0, at) + (e.op === 'upper' ? piece.toUpperCase() : piece.toLowerCase()) + out.slice(at + e.len);
        break;
      }
      case 'truncate':
        out = out.slice(0, Math.max(at, 1));
        break;
    }
  }
  return out;
}

/** A string from `base` with up to `maxEdits` random edits (insertions from `pieces`). */
export const mutated = (base: fc.Arbitrary<string>, pieces: fc.Arbitrary<string>, maxEdits = 8): fc.Arbitrary<string> =>
  fc.tuple(base, edits(pieces, maxEdits)).map(([s, e]) => applyEdits(s, e));

/** Words joined by separators: random text built from a vocabulary. */
export const soup = (words: fc.Arbitrary<string>, separators: fc.Arbitrary<string>, maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.tuple(words, separators), { maxLength }).map((parts) => parts.map(([w, s]) => w + s).join(''));
