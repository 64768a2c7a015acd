/**
 * Finding candidate names in tokenised sentences: capitalised runs cut at roles ("Scale CEO
 * Alexandr Wang"), acronym/expansion pairs ("Fair (Fundamental AI Research)", "large language
 * models (LLMs)"), terms introduced as terms ("så kallad ”superintelligens”"), and phrase matches
 * for lower-case names (registry aliases, terms, expansions).
 */
import {
  AWARD,
  CALENDAR,
  LAW_HEADS,
  LAW_WORDS,
  EVENT_HEADS,
  EVENT_SUFFIXES,
  FIRST_NAMES,
  FUNCTION_WORDS,
  OPENING_MODIFIER,
  PRODUCT_SUFFIXES,
  ROLE_MODIFIERS,
  QUOTED_TERM_CUES,
  TITLE_WORDS,
  NON_PERSON_FIRST,
  PLACE_FIRST,
  HONORIFICS,
  INSTITUTIONS,
  MEDIA_HEADS,
  NAME_PARTICLES,
  NOT_NAMES,
  OF_HEADS,
  ORG_COMPOUND_HEADS,
  ORG_HEADS,
  ORG_SUFFIXES,
  PLACE_HEADS,
  PLACE_SUFFIXES,
  PRODUCT_HEADS,
  SAY_VERBS,
  SOFT_ROLES,
  TERM_CUES,
  UNITS,
  WORK_HEADS,
  endsWithHead,
  isRole,
  lowerWord,
} from './lexicon';
import type { Gazetteer } from './gazetteer';
import { type Token, type TokenizedSentence, fold, gapAfter, gapBefore, isFunctionWord, isSpace, stripInflection } from './tokens';

/** A sentence of an article, tokenised. */
export interface Sent {
  art: number;
  articleId: string;
  /** Index of the sentence in its article. */
  idx: number;
  /** Offset of the sentence in the article body. */
  offset: number;
  lang: string;
  /** German capitalises every noun: a capital there is no evidence of a name. */
  german: boolean;
  ts: TokenizedSentence;
  /** Places and personal names (see gazetteer.ts). */
  gaz: Gazetteer;
}

/** A candidate mention: a token range of a sentence. */
export interface Span {
  sent: Sent;
  /** Token range [a, b). */
  a: number;
  b: number;
  /** The text as written ("Metas", "Scale AI:s", "Meta’s"). */
  surface: string;
  /** Without possessive or inflection ("Meta", "Scale AI"). */
  base: string;
  key: string;
  /** Capitalised only because of where it stands, and not known otherwise. */
  initial: boolean;
  /** Evidence, from this occurrence alone, that it is a name. */
  ev: boolean;
  /** 'name': a capitalised run; 'phrase': a match of a known term or alias. */
  kind: 'name' | 'phrase';
}

export const tokensOf = (s: Span): Token[] => s.sent.ts.tokens.slice(s.a, s.b);
export const textOf = (sent: Sent, a: number, b: number): string => {
  const first = sent.ts.tokens[a];
  const last = sent.ts.tokens[b - 1];
  return first && last ? sent.ts.text.slice(first.start, last.end) : '';
};

/** English plural s dropped for comparing terms ("world models" ~ "world model"). */
export const termWord = (w: string): string => {
  const f = fold(stripInflection(w));
  return f.length >= 5 && f.endsWith('s') && !f.endsWith('ss') ? f.slice(0, -1) : f;
};
export const termKey = (words: readonly string[]): string => words.map(termWord).join(' ');

const isHeadOf = (lower: string): boolean =>
  endsWithHead(lower, ORG_HEADS) ||
  endsWithHead(lower, PRODUCT_HEADS) ||
  endsWithHead(lower, PLACE_HEADS) ||
  endsWithHead(lower, EVENT_HEADS) ||
  endsWithHead(lower, WORK_HEADS);

/** A role token inside a capitalised run ("CEO", "President", "Dr", "Nordwerk-Gründerin"). */
const isRoleToken = (t: Token): boolean => {
  const l = lowerWord(t.text).replace(/\.$/u, '');
  if (t.cap && SOFT_ROLES.has(l)) return false; // "Star Wars", "Ghost Rider"
  return isRole(l) || HONORIFICS.has(l);
};

/** Words that join the parts of a title in Italian, Portuguese and Spanish ("Giorno del Ringraziamento"). */
const TITLE_LINKS: Record<string, ReadonlySet<string>> = {
  it: new Set(['del', 'della', 'dello', 'degli', 'dei', 'delle', 'al', 'alla']),
  pt: new Set(['do', 'dos', 'das', 'na', 'no']),
  es: new Set(['del', 'al']),
};
const NO_LINKS: ReadonlySet<string> = new Set();

/** Whether the capitalised run from token `k` ends in an institution's head ("… Exchange Commission", "… Drug Administration"). */
function institutionAhead(sent: Sent, k: number): boolean {
  const { ts } = sent;
  let e = k;
  while (ts.tokens[e + 1]?.nameish === true && isSpace(gapBefore(ts, e + 1))) e++;
  return e > k && INSTITUTIONS.has(ts.tokens[e]?.lower ?? '');
}

/** Capitalised runs of a sentence cut into name pieces. */
export function namePieces(sent: Sent): Span[] {
  const { ts } = sent;
  const toks = ts.tokens;
  const out: Span[] = [];
  let i = 0;
  while (i < toks.length) {
    const start = toks[i];
    if (!start?.nameish) {
      i++;
      continue;
    }
    let j = i + 1;
    let ofName = false;
    for (;;) {
      const t = toks[j];
      const prev = toks[j - 1];
      if (t === undefined || prev === undefined) break;
      const gap = gapBefore(ts, j);
      const next = toks[j + 1];
      const nextJoins = next !== undefined && next.nameish && isSpace(gapBefore(ts, j + 1));
      // An inflected word ends a name: "Meta’s AI capabilities", "Scale AI:s grundare".
      if (stripInflection(prev.text) !== prev.text) break;
      if (isSpace(gap) && t.nameish) j++;
      else if (gap === '. ' && /^\p{Lu}$/u.test(prev.text) && t.nameish)
        j++; // "George W. Bush"
      else if (
        isSpace(gap) &&
        t.number &&
        t.text.length <= 4 &&
        !/^(?:19|20)\d\d$/u.test(t.text) &&
        prev.nameish &&
        !/^[-–/:x×]/u.test(gapAfter(ts, j)) &&
        // "Corey LaJoie 401", "Jaden Siemans 7": a number after a person's name is a score or a shirt.
        !(j - i === 2 && sent.gaz.givenNames.has(toks[i]?.lower ?? '') && !toks[i]?.acronym) && // "Rublev 6-4", "Add 1/2"
        !(next !== undefined && UNITS.has(next.lower)) &&
        // "24 Ty Dillon 613 0 0 1 3": a row of a results table.
        !(next !== undefined && next.number && isSpace(gapBefore(ts, j + 1)))
      ) {
        j++; // "Llama 4", not "Finanzierungsrunde 80 Millionen"
        // "Boeing 737 Max", "iPhone 15 Pro": a model word after the number.
        if (next !== undefined && next.cap && PRODUCT_SUFFIXES.has(next.lower) && isSpace(gapBefore(ts, j))) j++;
        break;
      } else if (gap === ' & ' && t.nameish)
        j++; // "Procter & Gamble"
      else if (
        isSpace(gap) &&
        (t.lower === 'of' || (TITLE_LINKS[sent.lang.slice(0, 2)] ?? NO_LINKS).has(t.lower)) &&
        !t.cap &&
        prev.cap &&
        !prev.initial &&
        !isRoleToken(prev) &&
        !toks.slice(i, j).some((x) => isRoleToken(x) || sent.gaz.givenNames.has(x.lower) || FIRST_NAMES.has(x.lower)) &&
        !OF_HEADS.has(prev.lower) &&
        // "Yasutaka Uchiyama of Japan", "Rosaly Lopes of NASA": someone of a place or an organisation.
        !(next !== undefined && (next.acronym || sent.gaz.places.has(fold(next.text)))) &&
        (nextJoins || (toks[j + 1]?.lower === 'the' && toks[j + 2]?.nameish === true && isSpace(gapBefore(ts, j + 2))))
      ) {
        // A title: "Dark Side of the Moon", "Game of Thrones", "Giorno del Ringraziamento" (not
        // "Joe Biden of Delaware": a person's name takes no "of").
        j += toks[j + 1]?.lower === 'the' ? 2 : 1;
      } else if (isSpace(gap) && (t.lower === 'of' || t.lower === 'for') && OF_HEADS.has(prev.lower) && nextJoins) {
        j++; // "Bank of America"
        ofName = true;
      } else if (
        isSpace(gap) &&
        (t.lower === 'and' || t.text === '&') &&
        prev.cap &&
        nextJoins &&
        (ofName || (j - i <= 2 && institutionAhead(sent, j + 1)))
      )
        j++; // "Department of Health and Human Services"
      else if (
        isSpace(gap) &&
        !t.cap &&
        NAME_PARTICLES.has(t.lower) &&
        (t.lower !== 'der' && t.lower !== 'den'
          ? (j - i === 1 && (FIRST_NAMES.has(prev.lower) || sent.gaz.givenNames.has(prev.lower) || !sent.german)) ||
            (NAME_PARTICLES.has(prev.lower) && !prev.cap)
          : prev.lower === 'von' || prev.lower === 'van') &&
        (nextJoins || (next !== undefined && NAME_PARTICLES.has(next.lower)))
      )
        j++; // "Ursula von der Leyen"
      else break;
    }
    // Cut at roles ("Scale CEO Alexandr Wang" → Scale | Alexandr Wang) and at capitalised function
    // words, which make a title, not a name ("… Taylor Swift Perform Her Own Songs").
    let segStart = i;
    for (let k = i; k <= j; k++) {
      const t = toks[k];
      // "James Van Der Beek", "Oscar De La Hoya": capitalised particles inside a person's name are no title.
      const particle =
        t !== undefined &&
        NAME_PARTICLES.has(t.lower) &&
        NAME_PARTICLES.has(toks[k - 1]?.lower ?? '') &&
        toks[k + 1]?.cap === true &&
        !sent.german;
      const title = k > i && t !== undefined && t.cap && TITLE_WORDS.has(t.lower) && !FIRST_NAMES.has(t.lower) && !particle;
      // "Cleveland DL Larry Ogunjobi", "Browns QB Baker Mayfield": a position's acronym before a person's name.
      const next = toks[k + 1];
      const after = toks[k + 2];
      const position =
        k > i &&
        k + 2 < j &&
        t !== undefined &&
        t.acronym &&
        t.text.length <= 3 &&
        next !== undefined &&
        after !== undefined &&
        sent.gaz.givenNames.has(next.lower) &&
        !after.acronym;
      const role = t !== undefined && isRoleToken(t);
      const cut = k === j || role || title || position;
      if (!cut) continue;
      // "Vice President Biden", "Former Chancellor Merkel": the role's modifiers go with it.
      let end = k;
      if (role) while (end > segStart && ROLE_MODIFIERS.has(lowerWord(toks[end - 1]?.text ?? ''))) end--;
      if (end > segStart) {
        const span = piece(sent, segStart, end);
        if (span) out.push(span);
      }
      segStart = k + 1;
    }
    i = j;
  }
  return out;
}

/** One segment of a run: leading function words, particles and (German) common-noun heads dropped. */
function piece(sent: Sent, a0: number, b: number): Span | null {
  const toks = sent.ts.tokens;
  let a = a0;
  let dropped = false;
  for (;;) {
    const t = toks[a];
    const next = toks[a + 1];
    if (t === undefined || a >= b) return null;
    const lower = t.lower;
    const firstName = FIRST_NAMES.has(lower) && next !== undefined && a + 1 < b && next.cap;
    // A capitalised function word mid-sentence is part of a name ("New York Times"); at the start it is not.
    // (German capitalises the polite "Ihre", "Sie" anywhere.)
    // A function word of the article's language opens a sentence ("Cada", "Saat Lebaran", "Quando Marco").
    const fn =
      (((FUNCTION_WORDS.has(lower) || (t.initial && isFunctionWord(lower, sent.lang))) && (t.initial || !t.cap || sent.german)) ||
        (!t.cap && NAME_PARTICLES.has(lower))) &&
      !firstName;
    const germanHead = sent.german && a + 1 < b && isHeadOf(lower);
    // "Stockholmsbaserade Vinterfjord AB", "Leading …": a capitalised modifier at the sentence start.
    const opener = t.initial && a + 1 < b && !firstName && !t.mixed && !t.acronym && OPENING_MODIFIER.test(lower);
    const date = CALENDAR.has(lower.replace(/\.$/u, '')) && toks[a + 1]?.number === true; // "April 26"
    if (!(fn || germanHead || opener || date)) break;
    a++;
    dropped = true;
  }
  const first = toks[a];
  const last = toks[b - 1];
  if (first === undefined || last === undefined || !first.nameish) return null;
  const surface = sent.ts.text.slice(first.start, last.end);
  const base = sent.ts.text.slice(first.start, last.start) + stripInflection(last.text);
  const initial = first.initial && !(dropped && !sent.ts.titleCase);
  return { sent, a, b, surface, base, key: fold(base), initial, ev: false, kind: 'name' };
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Whether tokens look like a personal name ("Alexandr Wang", "Ursula von der Leyen", "Jean-Pierre Raffarin"). */
export function personLike(toks: readonly Token[], nonPersonKeys: ReadonlySet<string>, given: ReadonlySet<string> = NO_NAMES): boolean {
  const names = toks.filter((t) => !NAME_PARTICLES.has(t.lower) || t.cap);
  if (names.length < 2 || names.length > 4) return false;
  const first = names[0];
  const last = names[names.length - 1];
  if (first === undefined || last === undefined) return false;
  for (const t of names) {
    const stem = stripInflection(t.text);
    if (!t.cap || t.acronym || t.alnum || !/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(stem)) return false;
    // Mixed case only as in surnames ("LeCun", "McDowell", "DeSantis"), not brands ("AirPods", "DeepMind").
    if (t.mixed && !/^(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Von|O['’]|Fitz)\p{Lu}\p{Ll}+$/u.test(stem)) return false;
    if (NOT_NAMES.has(stem.toLowerCase()) && !FIRST_NAMES.has(stem.toLowerCase())) return false;
  }
  const lastLower = lowerWord(last.text);
  // "Mach E", "Model S": one letter is no surname.
  if (stripInflection(last.text).length < 2) return false;
  if (endsWithHead(lastLower, LAW_HEADS) || LAW_WORDS.has(lastLower)) return false;
  if (ORG_SUFFIXES.has(lastLower) || PLACE_SUFFIXES.has(lastLower) || EVENT_SUFFIXES.has(lastLower)) return false;
  if (PRODUCT_SUFFIXES.has(lastLower) || NON_PERSON_FIRST.has(first.lower) || PLACE_FIRST.has(first.lower)) return false;
  if (endsWithHead(lastLower, MEDIA_HEADS) || AWARD.test(stripInflection(last.text))) return false;
  const f = first.lower;
  if (FIRST_NAMES.has(f) || given.has(fold(first.text))) return true;
  if (FUNCTION_WORDS.has(f) || nonPersonKeys.has(fold(first.text))) return false;
  return !adjectival(first.text);
}

/** "Deutsche", "European", "Svenska", "Chinese": an adjective that opens an organisation's or a place's name. */
export const adjectival = (word: string): boolean =>
  !FIRST_NAMES.has(word.toLowerCase()) && /(?:isch|sch|lich|ska|iska|isk|ean|ese|ian|ish|ische)(?:e|en|er|es|a)?$/iu.test(word);

/**
 * Evidence of a name in a German sentence, where every noun is capitalised: a given name, a
 * legal or newspaper suffix, an adjective capitalised mid-sentence ("Deutsche Bahn"), a cue noun
 * before it ("Start-up Nordwerk"), a verb of saying ("sagte Hoffmann"). Not a bare preposition:
 * "in Krankenhäusern", "nach Fallabschluss" are as common as "in Berlin". Names known otherwise
 * (the registry, other articles, a list with a known name: "in Berlin und München") need none.
 */
export function germanEvidence(span: Span): boolean {
  const { ts } = span.sent;
  const toks = tokensOf(span);
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (first === undefined || last === undefined || span.initial) return false;
  const lastLower = lowerWord(last.text);
  if (toks.length >= 2) {
    if (FIRST_NAMES.has(first.lower)) return true;
    if (ORG_SUFFIXES.has(lastLower)) return true;
    // "Techniker Krankenkasse", "Deutscher Ärzteverband": a name before an institution's compound head.
    if (endsWithHead(lastLower, ORG_COMPOUND_HEADS) && toks.every((t) => t.cap)) return true;
    if (/(?:e|en|er|es)$/u.test(first.lower) && /^\p{Lu}/u.test(first.text) && adjectival(first.text)) return true;
    if (toks.some((t) => NAME_PARTICLES.has(t.lower) && !t.cap)) return true;
  }
  // A law named by a hyphenated compound: "E-Health-Gesetz", "Digitale-Versorgung-Gesetz".
  if (endsWithHead(lastLower, MEDIA_HEADS) || AWARD.test(span.base) || (last.text.includes('-') && endsWithHead(lastLower, LAW_HEADS)))
    return true;
  const p1 = ts.tokens[span.a - 1];
  const n1 = ts.tokens[span.b];
  if (p1 !== undefined && isSpace(gapBefore(ts, span.a))) {
    if (isHeadOf(p1.lower) || isRole(p1.lower)) return true;
    if (SAY_VERBS.has(p1.lower)) return true;
  }
  if (n1 !== undefined && isSpace(gapAfter(ts, span.b - 1)) && SAY_VERBS.has(n1.lower)) return true;
  return false;
}

/** An acronym and its expansion in one sentence. */
export interface AcronymPair {
  sent: Sent;
  short: number;
  long: [number, number];
}

const SKIPPABLE = new Set(['of', 'for', 'and', 'the', 'och', 'för', 'für', 'und', 'der', 'de', 'des', '&', 'on', 'in']);

/**
 * Whether the initials of `words` spell `letters` ("Fundamental AI Research" → FAIR; "large language
 * models" → LLM). In languages that write compounds as one word, a long word may give a letter per
 * part, in order: "elektronische Gesundheitskarte" → eGK, "Praxisverwaltungssystem" → PVS.
 */
function spells(letters: string, words: readonly Token[], compounds = false): boolean {
  const go = (pos: number, w: number): boolean => {
    if (w === words.length) return pos === letters.length;
    const t = words[w];
    if (t === undefined) return false;
    const stem = stripInflection(t.text);
    if (SKIPPABLE.has(t.lower) && go(pos, w + 1)) return true;
    if (t.acronym) {
      const up = stem.replace(/s$/u, '').toUpperCase();
      if (letters.startsWith(up, pos) && go(pos + up.length, w + 1)) return true;
    }
    const initial = stem.charAt(0).toUpperCase();
    if (letters.charAt(pos) !== initial) return false;
    if (go(pos + 1, w + 1)) return true;
    if (!compounds || stem.length < 8) return false;
    // Further letters from inside the compound, in order, each part at least three letters on.
    const inner = stem.toUpperCase();
    let at = 0;
    for (let p = pos + 1; p < letters.length; p++) {
      const found = inner.indexOf(letters.charAt(p), at + 3);
      if (found < 0) return false;
      at = found;
      if (go(p + 1, w + 1)) return true;
    }
    return false;
  };
  return letters.length >= 2 && go(0, 0);
}

/** Letters of a would-be acronym: "LLMs" → "LLM", "Fair" → "FAIR", "KTH" → "KTH", "eGK" → "EGK". */
export function acronymLetters(t: Token): string | null {
  const stem = stripInflection(t.text);
  if (/^[ei]\p{Lu}{1,5}$/u.test(stem)) return stem.toUpperCase();
  if (!/^\p{Lu}[\p{L}]{1,7}$/u.test(stem)) return null;
  if (/^\p{Lu}{2,}s$/u.test(stem)) return stem.slice(0, -1);
  return stem.toUpperCase();
}

/** "long form (SHORT)" and "Short (Long Form)" in a sentence. */
export function acronymPairs(sent: Sent): AcronymPair[] {
  const { ts } = sent;
  const toks = ts.tokens;
  const compounds = sent.german || /^(?:sv|da|no|nb|nn|nl|fi)/u.test(sent.lang);
  const out: AcronymPair[] = [];
  for (let i = 0; i < toks.length; i++) {
    const before = gapBefore(ts, i);
    if (!/\(\s*$/u.test(before)) continue;
    // The parenthesis holds tokens i..close, separated by spaces only.
    let close = i;
    while (close < toks.length - 1 && isSpace(gapAfter(ts, close))) close++;
    if (!gapAfter(ts, close).trimStart().startsWith(')')) continue;
    const inner = toks.slice(i, close + 1);
    const t = toks[i];
    if (t === undefined) continue;
    // long form (SHORT)
    if (inner.length === 1) {
      const letters = acronymLetters(t);
      if (letters !== null && (t.acronym || t.mixed)) {
        for (let n = 1; n <= letters.length + 3 && i - n >= 0; n++) {
          const a = i - n;
          if (n > 1 && !isSpace(gapBefore(ts, a + 1))) break;
          const words = toks.slice(a, i);
          const firstWord = words[0];
          if (firstWord === undefined || SKIPPABLE.has(firstWord.lower)) continue;
          if (spells(letters, words, compounds)) {
            out.push({ sent, short: i, long: [a, i] });
            break;
          }
        }
      }
    }
    // Short (Long Form)
    const prev = toks[i - 1];
    if (prev !== undefined && inner.length >= 2 && / \($/u.test(before) && prev.cap) {
      const letters = acronymLetters(prev);
      if (letters !== null && spells(letters, inner, compounds)) out.push({ sent, short: i - 1, long: [i, close + 1] });
    }
  }
  return out;
}

/** Terms introduced as terms: "så kallad ”superintelligens”", "so-called world models", "the concept of “X”". */
export function introducedTerms(sent: Sent): string[][] {
  const { ts } = sent;
  const toks = ts.tokens;
  const out: string[][] = [];
  for (let i = 0; i < toks.length; i++) {
    for (const cue of TERM_CUES) {
      const ok = cue.every((w, k) => toks[i + k]?.lower.replace(/\.$/u, '') === w);
      if (!ok) continue;
      const c = i + cue.length - 1;
      const quoted = /["“„«‘'»]\s*$/u.test(gapAfter(ts, c));
      if (!quoted && QUOTED_TERM_CUES.has(cue[cue.length - 1] ?? '')) continue;
      const words: string[] = [];
      for (let k = c + 1; k < toks.length && words.length < 4; k++) {
        const t = toks[k];
        if (t === undefined || t.number) break;
        if (k > c + 1 && !isSpace(gapBefore(ts, k))) break;
        // Unquoted, a term is lower-case words (in German: one noun, "sogenannte KI-Agenten").
        if (!quoted && (FUNCTION_WORDS.has(t.lower) || (t.cap && !sent.german) || words.length >= 3)) break;
        if (!quoted && sent.german && (words.length >= 1 || !t.cap)) break;
        words.push(t.text);
        if (quoted && /["”“’»]/u.test(gapAfter(ts, k))) break;
      }
      const text = words.join(' ');
      if (words.length > 0 && text.length >= 4 && !words.every((w) => FUNCTION_WORDS.has(w.toLowerCase()))) out.push(words);
    }
  }
  return out;
}

/** A lower-case (or partly lower-case) name to find word by word: registry aliases, terms, expansions. */
export interface Phrase {
  words: string[];
  /** The first word must be capitalised in the text (the alias is). */
  capFirst: boolean;
  key: string;
}

export class PhraseTable {
  private readonly byFirst = new Map<string, Phrase[]>();

  add(text: string, key: string): void {
    const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’&][\p{L}\p{M}\p{N}]+)*/gu)].map((m) => m[0]);
    const first = words[0];
    if (first === undefined) return;
    const k = termWord(first);
    const list = this.byFirst.get(k) ?? [];
    const norm = words.map(termWord);
    if (list.some((p) => p.key === key && p.words.join(' ') === norm.join(' '))) return;
    list.push({ words: norm, capFirst: /^\p{Lu}/u.test(first), key });
    list.sort((x, y) => y.words.length - x.words.length);
    this.byFirst.set(k, list);
  }

  /** Every match in a sentence, longest first at each position. */
  match(sent: Sent): Span[] {
    const { ts } = sent;
    const toks = ts.tokens;
    const out: Span[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t === undefined) continue;
      const list = this.byFirst.get(termWord(t.text));
      if (list === undefined) continue;
      for (const p of list) {
        if (p.capFirst && !t.cap) continue;
        let ok = i + p.words.length <= toks.length;
        for (let k = 1; ok && k < p.words.length; k++) {
          const tk = toks[i + k];
          ok = tk !== undefined && isSpace(gapBefore(ts, i + k)) && termWord(tk.text) === p.words[k];
        }
        if (!ok) continue;
        const b = i + p.words.length;
        const last = toks[b - 1];
        if (last === undefined) continue;
        const surface = textOf(sent, i, b);
        const base = ts.text.slice(t.start, last.start) + stripInflection(last.text);
        out.push({ sent, a: i, b, surface, base, key: p.key, initial: false, ev: true, kind: 'phrase' });
        break;
      }
    }
    return out;
  }
}
