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
const TERMINAL = /[.!?…:;。！？]["'”’»)\]」』]*$/u;

/** Strips an English possessive ("Meta’s" → "Meta"), a Swedish colon inflection ("AI:s" → "AI") or a Korean particle ("엘제이의" → "엘제이"). */
export function stripInflection(word: string): string {
  const korean = stripParticle(word);
  if (korean !== word) return korean;
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

/** Scripts without case, written without spaces or with particles glued on. */
const UNCASED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SCRIPT_RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

/** Korean particles after a name: "엘제이의" (LJ's), "엘제이는", "JTBC에서". Longest first. */
const KOREAN_PARTICLES = [
  '에게서',
  '에서는',
  '으로는',
  '에게',
  '에서',
  '으로',
  '까지',
  '부터',
  '처럼',
  '보다',
  '의',
  '는',
  '은',
  '이',
  '가',
  '을',
  '를',
  '와',
  '과',
  '도',
  '로',
  '에',
  '만',
];

/** A Korean word without the particle glued to it ("엘제이의" → "엘제이"); other words as they are. */
export function stripParticle(word: string): string {
  if (!/^\p{Script=Hangul}+$/u.test(word)) return word;
  for (const p of KOREAN_PARTICLES) if (word.length >= p.length + 2 && word.endsWith(p)) return word.slice(0, -p.length);
  return word;
}

/**
 * Dictionary forms a word may be inflected from, most likely first: a genitive s (sv, de, nl, da,
 * nb: "Metas", "Deutschlands"), Russian case endings ("Полины" → "Полина", "Москве" → "Москва").
 * The caller keeps the first one it knows.
 */
export function inflectionStems(word: string, lang: string): string[] {
  if (/^\p{Script=Cyrillic}+$/u.test(word)) {
    const out: string[] = [];
    for (const [end, repl] of RU_ENDINGS)
      if (word.length > end.length + 2 && word.endsWith(end)) out.push(word.slice(0, -end.length) + repl);
    return out;
  }
  if (lang.startsWith('en')) return [];
  return [word.endsWith('s') ? word.slice(0, -1) : '', word.endsWith('es') ? word.slice(0, -2) : ''].filter((w) => w.length >= 2);
}
const RU_ENDINGS: readonly [string, string][] = [
  ['ого', ''],
  ['его', ''],
  ['ому', ''],
  ['ему', ''],
  ['ой', 'а'],
  ['ей', 'я'],
  ['ою', 'а'],
  ['ом', ''],
  ['ем', ''],
  ['ым', ''],
  ['им', ''],
  ['ы', 'а'],
  ['и', 'я'],
  ['и', 'а'],
  ['у', 'а'],
  ['ю', 'я'],
  ['е', 'а'],
  ['е', 'я'],
  ['а', ''],
  ['у', ''],
  ['е', ''],
];

export function tokenize(text: string, lang = ''): TokenizedSentence {
  const tokens: Token[] = [];
  // Addresses are not words: "http://amzn.to/2hYHawj".
  const urls = [...text.matchAll(/\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|net|to|ly|io)\/\S*/giu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  // A word of two scripts is two words: "PCをインストールすると" → PC | をインストールすると.
  const words: { raw: string; start: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!UNCASED.test(m[0])) words.push({ raw: m[0], start: m.index });
    else for (const r of m[0].matchAll(SCRIPT_RUNS)) if (/[\p{L}\p{N}]/u.test(r[0])) words.push({ raw: r[0], start: m.index + r.index });
  }
  for (const { raw, start } of words) {
    if (urls.some(([a = 0, b = 0]) => start >= a && start < b)) continue;
    const stem = stripInflection(raw);
    const number = /^\p{N}/u.test(raw) && !/\p{L}/u.test(raw);
    const cap = /^\p{Lu}/u.test(raw);
    const letters = stem.replace(/[^\p{L}]/gu, '');
    const acronym = /^\p{Lu}{2,6}s?$/u.test(stem) && letters.replace(/s$/u, '').length >= 2;
    const mixed =
      !acronym && /^\p{L}+$/u.test(stem) && /\p{Ll}/u.test(stem) && /^.+\p{Lu}/u.test(stem) && !/^\p{Lu}+\p{Ll}{0,2}$/u.test(stem);
    // Not a word with a reduplication digit (Indonesian "Mudah2an").
    const alnum = /\p{L}/u.test(stem) && /\p{N}/u.test(stem) && /^\p{Lu}/u.test(stem) && !/^\p{Lu}\p{Ll}+\d\p{Ll}+$/u.test(stem);
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
