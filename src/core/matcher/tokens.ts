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

/** Cuts text into word tokens in one pass (a hand-written loop: pages are scanned whole, and this is most of a scan's cost). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let prev = 0;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    do {
      if (w > 1 || text.charCodeAt(i) >= 128) ascii = false;
      i += w;
    } while (i < n && (w = wordCharAt(text, i)) > 0);
    const raw = text.slice(start, i);
    const f = ascii ? raw.toLowerCase() : fold(raw);
    if (f === '') {
      prev = i; // only invisible characters
      continue;
    }
    const gap =
      tokens.length === 0 ? BREAK : start === prev + 1 && text.charCodeAt(prev) === 32 ? ' ' : normaliseGap(text.slice(prev, start));
    tokens.push({ start, end: i, fold: f, gap });
    prev = i;
  }
  return tokens;
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

/** The shape of a word from its {@link casePattern}. */
export function shapeOfPattern(p: string): Shape {
  if (p === '') return Shape.None;
  if (!p.includes('U')) return Shape.Lower;
  if (!p.includes('l')) return Shape.Upper;
  if (p.startsWith('U') && !p.slice(1).includes('U')) return Shape.Cap;
  return Shape.Mixed;
}

export const shapeOf = (word: string): Shape => shapeOfPattern(casePattern(word));

/** The folded key a token has in the alias trie: the first token bare, later ones prefixed by their gap unless it is a space. */
export function trieKey(t: Token, first: boolean): string {
  return first || t.gap === ' ' ? t.fold : t.gap + t.fold;
}
