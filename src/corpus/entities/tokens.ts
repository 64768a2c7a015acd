/**
 * Word tokens of a sentence with the facts entity discovery asks about them: capitalised, an
 * acronym, mixed-case ("OpenAI", "iPhone"), a number, and whether the word stands where any word
 * is capitalised (the start of a sentence, after a colon or an opening quote, all of a title-case
 * heading), so that its capital says nothing.
 */
import { foldCase } from '../../core/text';
import { FUNCTION_WORDS as LANG_FUNCTION_WORDS } from '../text/lexicon';
import { FUNCTION_WORDS } from './lexicon';

export interface Token {
  text: string;
  /** Offsets into the sentence's text. */
  start: number;
  end: number;
  lower: string;
  number: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two to six capitals, optionally a plural s ("FAIR", "LLMs"). */
  acronym: boolean;
  /** Upper-case inside the word (OpenAI, ChatGPT, LeCun, iPhone, DeepMind). */
  mixed: boolean;
  /** Letters and digits ("S22", "GPT-4"). */
  alnum: boolean;
  /** Can be part of a name: capitalised, mixed-case, or a hyphenated compound whose last part is capitalised. */
  nameish: boolean;
  /** Capitalised only because of where it stands. */
  initial: boolean;
  /** On a line in title case ("Batteria Elettronica Portatile con 7 Pad"): its capital says nothing. */
  titled: boolean;
}

export interface TokenizedSentence {
  text: string;
  tokens: Token[];
  /** No terminal punctuation: a heading or a list item. */
  heading: boolean;
  /** A heading in title case: no capital in it is evidence of a name. */
  titleCase: boolean;
  /** Mostly capitals ("ADVERTISEMENT", "BREAKING NEWS"). */
  shouting: boolean;
}

const TOKEN =
  /(?:\p{L}\.){2,}(?!\p{L})|\p{N}+(?:[.,]\p{N}+)*(?!\p{L})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*(?::\p{Ll}{1,3}(?![\p{L}\p{N}]))?/gu;
const OPEN_QUOTES = /["“„«‘'»‹›]\s*$/u;
const TERMINAL = /[.!?…:;]["'”’»)\]]*$/u;

/** Strips an English possessive ("Meta’s" → "Meta") or a Swedish colon inflection ("AI:s" → "AI"). */
export function stripInflection(word: string): string {
  const colon = /^(.+):\p{Ll}{1,3}$/u.exec(word);
  if (colon?.[1] !== undefined) return colon[1];
  const poss = /^(.+?)['’]s$/u.exec(word);
  if (poss?.[1] !== undefined) return poss[1];
  return word;
}

const NONE: ReadonlySet<string> = new Set();

/** A function word of sv, en, de or of `lang` ("con", "dan", "para"). */
export const isFunctionWord = (lower: string, lang: string): boolean =>
  FUNCTION_WORDS.has(lower) || (LANG_FUNCTION_WORDS.get(lang.slice(0, 2)) ?? NONE).has(lower);

export function tokenize(text: string, lang = ''): TokenizedSentence {
  const tokens: Token[] = [];
  // Addresses are not words: "http://amzn.to/2hYHawj".
  const urls = [...text.matchAll(/\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|net|to|ly|io)\/\S*/giu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    if (urls.some(([a = 0, b = 0]) => start >= a && start < b)) continue;
    const stem = stripInflection(raw);
    const number = /^\p{N}/u.test(raw) && !/\p{L}/u.test(raw);
    const cap = /^\p{Lu}/u.test(raw);
    const letters = stem.replace(/[^\p{L}]/gu, '');
    const acronym = /^\p{Lu}{2,6}s?$/u.test(stem) && letters.replace(/s$/u, '').length >= 2;
    const mixed =
      !acronym && /^\p{L}+$/u.test(stem) && /\p{Ll}/u.test(stem) && /^.+\p{Lu}/u.test(stem) && !/^\p{Lu}+\p{Ll}{0,2}$/u.test(stem);
    const alnum = /\p{L}/u.test(stem) && /\p{N}/u.test(stem) && /^\p{Lu}/u.test(stem);
    const lastPart = stem.includes('-') ? stem.slice(stem.lastIndexOf('-') + 1) : stem;
    const hyphenOk = !stem.includes('-') || /^[\p{Lu}\p{N}]/u.test(lastPart);
    // "I", "I’ve": the English pronoun is capitalised everywhere.
    const pronoun = /^I(?:['’](?:m|ve|d|ll))?$/u.test(raw);
    const nameish = !number && hyphenOk && (cap || mixed) && !pronoun;
    tokens.push({
      text: raw,
      start,
      end: start + raw.length,
      lower: raw.toLowerCase(),
      number,
      cap,
      acronym,
      mixed,
      alnum,
      nameish,
      initial: false,
      titled: false,
    });
  }
  // Each line of a heading or list item that ran on: in title case, no capital on it is evidence.
  for (let a = 0; a < tokens.length;) {
    let b = a + 1;
    while (b < tokens.length && !text.slice(tokens[b - 1]?.end ?? 0, tokens[b]?.start ?? 0).includes('\n')) b++;
    const line = tokens.slice(a, b);
    const lineText = text.slice(line[0]?.start ?? 0, text.indexOf('\n', line[line.length - 1]?.end ?? 0) >>> 0);
    const words = line.filter((t) => !t.number && t.text.length >= 3 && !isFunctionWord(t.lower, lang));
    if (!TERMINAL.test(lineText.trim()) && words.length >= 2 && words.every((t) => t.cap || t.mixed)) for (const t of line) t.titled = true;
    a = b;
  }
  const heading = !TERMINAL.test(text.trim());
  const content = tokens.filter((t) => !t.number && t.text.length >= 3 && !isFunctionWord(t.lower, lang));
  const titleCase = heading && content.length >= 2 && content.every((t) => t.cap || t.mixed);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 6 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6;
  // Which capitals carry no information.
  let first = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    const gap = text.slice(i === 0 ? 0 : (tokens[i - 1]?.end ?? 0), t.start);
    if (first && t.number) continue; // "1 Meta is investing…": a numbered item starts after its number
    if (
      first ||
      titleCase ||
      gap.includes('\n') || // a line break inside a "sentence": a heading or list item ran on
      /:\s*["“„«‘']?\s*$/u.test(gap) ||
      (OPEN_QUOTES.test(gap) && /[:,–—-]\s*["“„«‘']\s*$/u.test(gap))
    )
      t.initial = true;
    first = false;
  }
  return { text, tokens, heading, titleCase, shouting };
}

/** The text between token `i - 1` and token `i` (from the sentence start for the first). */
export function gapBefore(s: TokenizedSentence, i: number): string {
  const t = s.tokens[i];
  if (t === undefined) return '';
  return s.text.slice(i === 0 ? 0 : (s.tokens[i - 1]?.end ?? 0), t.start);
}

/** The text after token `i` up to the next token (or the sentence end). */
export function gapAfter(s: TokenizedSentence, i: number): string {
  const t = s.tokens[i];
  if (t === undefined) return '';
  return s.text.slice(t.end, s.tokens[i + 1]?.start ?? s.text.length);
}

/** A plain space (or no-break space) between two words: nothing that ends a phrase. */
export const isSpace = (gap: string): boolean => /^[ \u00a0]+$/u.test(gap);

/** How keys compare: case- and diacritic-folded ({@link foldCase}), one apostrophe, hyphens and dashes as spaces. */
export function fold(s: string): string {
  return foldCase(s)
    .replace(/[’‘`]/g, "'")
    .replace(/[\s‐‑–-]+/g, ' ')
    .trim();
}

/** A readable, stable id: "Yann LeCun" → "yann-lecun". */
export function slug(s: string): string {
  const out = fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return out === '' ? 'entity' : out;
}
