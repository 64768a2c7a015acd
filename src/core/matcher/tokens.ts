/**
 * Word tokens for the entity matcher, shared by the alias compiler and the page scanner so both
 * sides of a comparison are cut the same way. A token is a run of letters, marks and digits
 * (Unicode-aware, so "ÖMeta" and "Metaverse" are single tokens and never contain "Meta"); soft
 * hyphens and zero-width characters stay inside the token and vanish when it is folded. What
 * stands between two tokens (the gap) is kept in normalised form, because it decides whether the
 * tokens belong to one name ("Meta Platforms"), one compound ("Meta-chefen") or neither.
 */

/** A gap that no name may span: a line break, or punctuation longer than a joiner. */
export const BREAK = '\n';

export interface Token {
  /** Offsets into the scanned text: text.slice(start, end) is the token. */
  start: number;
  end: number;
  /** Lower-cased, compatibility-decomposed, without diacritics ("Turingpriset" → "turingpriset", "Ö" → "o"). */
  fold: string;
  /** The normalised separator before this token: ' ' for white space, BREAK, or short punctuation ("-", "'", ":", ". "). */
  gap: string;
}

const INVISIBLE = /[\p{M}\u00ad\u200b-\u200d\u2060]/gu;
const ASCII = /^[\x20-\x7e]*$/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LETTER = /\p{L}/u;
const WHITE = /\s/u;

/** Case- and diacritic-folds one word. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(INVISIBLE, '');
}

const APOSTROPHES = '’ʼ‘`´′';

/** Normalises the characters between two tokens: white space → ' ', typographic apostrophes → "'", Unicode hyphens → '-'. */
export function normaliseGap(raw: string): string {
  if (raw === ' ') return raw;
  let g = '';
  let space = false;
  for (const ch of raw) {
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\v' || ch === '\f') return BREAK;
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || (ch > '\u007f' && WHITE.test(ch))) {
      space = true;
      continue;
    }
    if (space) g += ' ';
    space = false;
    g += APOSTROPHES.includes(ch) ? "'" : ch === '‐' || ch === '‑' ? '-' : ch;
    if (g.length > 3) return BREAK;
  }
  if (space) g += ' ';
  return g.length <= 3 ? g : BREAK;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]/u;

/** Whether the code point at `i` belongs to a word; returns its length in UTF-16 units (0 if not). */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return WORD_CHAR.test(text.charAt(i)) ? 1 : 0;
}

/** Folds of non-ASCII words seen in scans (a page repeats its words; normalisation is slow). */
const folds = new Map<string, string>();
const foldCached = (word: string): string => {
  let f = folds.get(word);
  if (f === undefined) {
    if (folds.size >= 20_000) folds.clear();
    folds.set(word, (f = fold(word)));
  }
  return f;
};

const FNV_BASIS = 0x811c9dc5 | 0;
const fnv = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** FNV-1a over UTF-16 units: the hash under which the matcher files a folded key ({@link Tokens.hash} agrees). */
export function hashOf(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  return h;
}

/**
 * The word tokens of a text in one flat Int32Array, cut in one hand-written pass: no object and,
 * for ASCII words, no string per token, since pages are scanned whole and most of their words
 * are in no alias. Folds and gaps are made on demand ({@link Tokens.fold}, {@link Tokens.gap}).
 */
export class Tokens {
  /** Number of tokens. */
  readonly n: number;
  /** Per token, five ints: start, end, where its gap begins (the previous token's end), {@link hashOf} its fold, and of its fold without the last unit. */
  readonly #a: Int32Array;
  /** Folded tokens: set while cutting for non-ASCII tokens, on demand for the others. */
  readonly #folds: (string | undefined)[] = [];

  /** Cuts `text`, into `buffer` if it is given (and large enough). */
  constructor(
    readonly text: string,
    buffer?: Int32Array,
  ) {
    const len = text.length;
    let a = buffer ?? new Int32Array(5 * Math.min((len + 1) >> 1, (len >> 3) + 16)); // (a token takes two characters with its gap)
    let k = 0;
    let prev = 0;
    let i = 0;
    while (i < len) {
      let w = wordCharAt(text, i);
      if (w === 0) {
        i++;
        continue;
      }
      const start = i;
      let ascii = true;
      let h = FNV_BASIS;
      let stem: number;
      do {
        let c = text.charCodeAt(i);
        if (w > 1 || c >= 128) ascii = false;
        else if (c <= 90 && c >= 65) c += 32;
        stem = h;
        h = fnv(h, c);
        i += w;
      } while (i < len && (w = wordCharAt(text, i)) > 0);
      if (!ascii) {
        const f = foldCached(text.slice(start, i));
        if (f === '') {
          prev = i; // only invisible characters
          continue;
        }
        this.#folds[k] = f;
        h = stem = FNV_BASIS;
        for (let x = 0; x < f.length; x++) {
          stem = h;
          h = fnv(h, f.charCodeAt(x));
        }
      }
      if (5 * k + 5 > a.length) {
        const b = new Int32Array(2 * a.length + 80);
        b.set(a);
        a = b;
      }
      const o = 5 * k++;
      a[o] = start;
      a[o + 1] = i;
      a[o + 2] = prev;
      a[o + 3] = h;
      a[o + 4] = stem;
      prev = i;
    }
    this.n = k;
    this.#a = a;
  }

  /** The array the tokens are in: give it to the next Tokens to save an allocation. */
  get buffer(): Int32Array {
    return this.#a;
  }
  start(k: number): number {
    return this.#a[5 * k] ?? 0;
  }
  end(k: number): number {
    return this.#a[5 * k + 1] ?? 0;
  }
  hash(k: number): number {
    return this.#a[5 * k + 3] ?? 0;
  }
  /** The hash of the fold without its last unit (a genitive -s). */
  stem(k: number): number {
    return this.#a[5 * k + 4] ?? 0;
  }
  /** The token as written. */
  word(k: number): string {
    return this.text.slice(this.start(k), this.end(k));
  }
  /** The folded token (see {@link fold}). */
  fold(k: number): string {
    return (this.#folds[k] ??= this.word(k).toLowerCase());
  }
  /** Whether {@link fold} (without its last unit if `stem`) is `s`, without making it. */
  equals(k: number, s: string, stem = false): boolean {
    const f = this.#folds[k];
    const cut = stem ? 1 : 0;
    if (f !== undefined) return f.length - cut === s.length && f.startsWith(s);
    const start = this.start(k);
    if (this.end(k) - start - cut !== s.length) return false;
    for (let x = 0; x < s.length; x++) {
      const c = this.text.charCodeAt(start + x);
      if ((c <= 90 && c >= 65 ? c + 32 : c) !== s.charCodeAt(x)) return false;
    }
    return true;
  }
  /** The length of {@link fold} without making it. */
  foldLength(k: number): number {
    return this.#folds[k]?.length ?? this.end(k) - this.start(k);
  }
  /** The normalised gap before token k ({@link Token.gap}): BREAK before the first. */
  gap(k: number): string {
    if (k === 0) return BREAK;
    const from = this.#a[5 * k + 2] ?? 0;
    const start = this.start(k);
    return start === from + 1 && this.text.charCodeAt(from) === 32 ? ' ' : normaliseGap(this.text.slice(from, start));
  }
}

/** Cuts text into word tokens (as objects: for the alias compiler and tests; a scan uses {@link Tokens}). */
export function tokenize(text: string): Token[] {
  const t = new Tokens(text);
  return Array.from({ length: t.n }, (_, k) => ({ start: t.start(k), end: t.end(k), fold: t.fold(k), gap: t.gap(k) }));
}

/** Letter case of a word: the matcher compares an alias's case with the page's word by word. */
export const Shape = {
  /** No letters ("4"). */
  None: 0,
  Lower: 1,
  /** All capitals, or a single capital letter. */
  Upper: 2,
  /** First letter capital, the rest lower ("Meta"). */
  Cap: 3,
  /** Capitals inside ("LeCun", "OpenAI", "iPhone", "LLMs"). */
  Mixed: 4,
} as const;
export type Shape = (typeof Shape)[keyof typeof Shape];

/** Per letter 'U' or 'l' (marks and digits skipped): compares mixed-case words ("LeCun" vs "Lecun"). */
export function casePattern(word: string): string {
  let p = '';
  for (const ch of word) {
    const c = ch.charCodeAt(0);
    if (c < 128) {
      if (c >= 65 && c <= 90) p += 'U';
      else if (c >= 97 && c <= 122) p += 'l';
    } else if (UPPER.test(ch)) p += 'U';
    else if (LETTER.test(ch)) p += 'l';
  }
  return p;
}

/**
 * The {@link Shape} of text.slice(start, end) plus 8 × its number of letters (the length of its
 * {@link casePattern}), without making a string: a scan checks the case of every candidate's words.
 */
export function caseOf(text: string, start = 0, end = text.length): number {
  let upper = 0;
  let lower = 0;
  let capFirst = false;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    let up = c <= 90 && c >= 65;
    if (c >= 128) {
      c = i + 1 < end ? (text.codePointAt(i) ?? c) : c;
      if (c > 0xffff) i++;
      const ch = String.fromCodePoint(c);
      up = UPPER.test(ch);
      if (!up && !LETTER.test(ch)) continue;
    } else if (!up && !(c >= 97 && c <= 122)) continue;
    if (upper + lower === 0) capFirst = up;
    if (up) upper++;
    else lower++;
  }
  const shape =
    upper + lower === 0
      ? Shape.None
      : upper === 0
        ? Shape.Lower
        : lower === 0
          ? Shape.Upper
          : capFirst && upper === 1
            ? Shape.Cap
            : Shape.Mixed;
  return shape + 8 * (upper + lower);
}

export const shapeOf = (word: string): Shape => (caseOf(word) & 7) as Shape;

/** The folded key a token has in the alias trie: the first token bare, later ones prefixed by their gap unless it is a space. */
export function trieKey(t: Token, first: boolean): string {
  return first || t.gap === ' ' ? t.fold : t.gap + t.fold;
}
