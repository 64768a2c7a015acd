/**
 * Sentence segmentation for news text in Swedish, English and their neighbours. Rules rather
 * than a model: a boundary is terminal punctuation (. ! ? …), optionally followed by closing
 * quotes or brackets, then white space, then something that can start a sentence (an upper-case
 * letter, a digit, an opening quote, a dialogue dash). It is not a boundary after a known
 * abbreviation, an initial ("J. Smith"), or inside a number. A blank line always ends a sentence.
 * Offsets are kept, so a sentence can be cited and highlighted in its article.
 */

export interface Sentence {
  text: string;
  /** Offsets into the input: text === input.slice(start, end). */
  start: number;
  end: number;
}

/** Abbreviations that end with a period but rarely end a sentence (lower-cased, without the final period). */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  common: ['ca', 'nr', 'no', 'vs', 'etc', 'jr', 'sr', 'st', 'dr', 'prof', 'fig', 'vol', 'kap', 'approx'],
  en: [
    'mr',
    'mrs',
    'ms',
    'messrs',
    'gen',
    'gov',
    'sen',
    'rep',
    'rev',
    'lt',
    'col',
    'capt',
    'sgt',
    'inc',
    'ltd',
    'co',
    'corp',
    'dept',
    'est',
    'e.g',
    'i.e',
    'u.s',
    'u.k',
    'u.n',
    'a.m',
    'p.m',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'mt',
    'ave',
    'blvd',
  ],
  sv: [
    't.ex',
    'bl.a',
    'dvs',
    'd.v.s',
    'm.m',
    'mm',
    'osv',
    'o.s.v',
    's.k',
    'f.d',
    'p.g.a',
    'pga',
    'kl',
    'jfr',
    'resp',
    'milj',
    'mdr',
    'kr',
    'tel',
    'ung',
    'fr.o.m',
    't.o.m',
    'm.fl',
    'o.d',
    'dir',
    'doc',
    'fil',
    'tf',
    'vd',
    'v.d',
    'sek',
    'jan',
    'febr',
    'aug',
    'sept',
    'okt',
    'nov',
    'dec',
  ],
  de: ['z.b', 'bzw', 'usw', 'u.a', 'd.h', 'ggf', 'inkl', 'evtl', 'nr', 'str', 'hr', 'fr', 'mio', 'mrd'],
  fr: ['m', 'mme', 'mlle', 'cf', 'env', 'av', 'p.ex'],
  es: ['sr', 'sra', 'srta', 'ud', 'uds', 'p.ej', 'aprox'],
};

const abbreviationsFor = (lang: string): Set<string> => new Set([...(ABBREVIATIONS.common ?? []), ...(ABBREVIATIONS[lang] ?? [])]);

const CLOSERS = '"\'”’»)\\]';
// Starts only at the first of a run of terminal marks: a match tried inside a long run ("......")
// would re-read the rest of the run at every position, quadratic in its length.
const BOUNDARY = new RegExp(`(?<![.!?…])([.!?…]+|\\.\\.\\.)([${CLOSERS}]*)(\\s+)(?=[\\p{Lu}\\p{N}"“”«'‘„–—-]|\\p{Lo})`, 'gu');
/** The letters of the word at lastIndex (sticky). */
const WORD_AT = /\p{L}+/uy;
const TOKEN_CHAR = /^[\p{L}\p{N}.]$/u;

/** Splits `text` into sentences; `lang` selects the abbreviation list (others still get the common ones). */
export function splitSentences(text: string, lang = 'und'): Sentence[] {
  const abbreviations = abbreviationsFor(lang);
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    // Trim white space inside the range, keeping offsets exact.
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end });
  };
  // Blank lines (paragraph breaks) always end a sentence.
  const paragraph = /\n\s*\n/g;
  let paraStart = 0;
  const paragraphs: [number, number][] = [];
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    paragraphs.push([paraStart, m.index]);
    paraStart = m.index + m[0].length;
  }
  paragraphs.push([paraStart, text.length]);

  for (const [pStart, pEnd] of paragraphs) {
    const para = text.slice(pStart, pEnd);
    let sentenceStart = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(para); m; m = BOUNDARY.exec(para)) {
      const punct = m[1] ?? '';
      if (punct === '.') {
        WORD_AT.lastIndex = m.index + m[0].length;
        const next = WORD_AT.exec(para)?.[0] ?? '';
        if (!isSentenceEnd(lastToken(para, sentenceStart, m.index), next, abbreviations)) continue;
      }
      const end = m.index + punct.length + (m[2]?.length ?? 0);
      push(pStart + sentenceStart, pStart + end);
      sentenceStart = end;
    }
    push(pStart + sentenceStart, pEnd);
  }
  return out;
}

/** Month names that follow an ordinal day ("zum 1. Juli", "den 27. März", "le 1. mai" is rare but harmless). */
const MONTHS = new Set(
  'januar jänner februar märz april mai juni juli august september oktober november dezember januari februari mars maj augusti'
    .split(' ')
    .concat('january february march june july october december'.split(' ')),
);

/**
 * The run of letters, digits and periods that ends at `end` (not before `from`), read backwards:
 * a regular expression anchored at the end of the sentence so far would be tried at every
 * position of it, quadratic in a long sentence (many abbreviations) or a long word.
 */
function lastToken(para: string, from: number, end: number): string {
  let i = end;
  while (i > from) {
    const c = para.charCodeAt(i - 1);
    // A low surrogate: test the whole code point (letters outside the BMP).
    const w = c >= 0xdc00 && c <= 0xdfff && i - 2 >= from ? 2 : 1;
    if (!TOKEN_CHAR.test(para.slice(i - w, i))) break;
    i -= w;
  }
  return para.slice(i, end);
}

/** Whether a period after the token `token` ("" when none), followed by the word `next`, ends the sentence. */
function isSentenceEnd(token: string, next: string, abbreviations: Set<string>): boolean {
  if (!token) return true;
  // A German ordinal day before a month: "am 1. Juli".
  if (/^\d{1,2}$/.test(token) && MONTHS.has(next.toLowerCase())) return false;
  const lower = token.toLowerCase();
  if (abbreviations.has(lower)) return false;
  // An initial: "J." in "J. Smith".
  if (/^\p{Lu}$/u.test(token)) return false;
  // An unknown dotted token ("U.S", "A.B") ends a sentence only if it is not all capitals.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return token !== token.toUpperCase();
  return true;
}
