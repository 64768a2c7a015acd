/**
 * The entity matcher: finds the people, companies, products and concepts of the corpus in a
 * page's visible text.
 *
 * The background compiles the corpus's names and aliases ONCE into an {@link AliasTable} (a trie
 * over folded word tokens, plain JSON, so it can be posted to content scripts); a content script
 * wraps it with {@link createMatcher} and scans whole pages. A scan tokenises the text once and,
 * at each token, walks the trie as far as the following tokens allow: its cost grows with the
 * text, never with the number of aliases (no regular expression per alias, no alternation).
 *
 * Rules (see test/unit/matcher.test.ts for the table of cases):
 * - Words are Unicode tokens: "Metaverse", "ÖMeta" and "meta_data" do not contain Meta.
 * - Case and diacritics are folded for lookup, then the page's case is checked against the
 *   alias's, word by word: an all-lower-case alias ("superintelligence", "stora språkmodeller")
 *   matches in any case; a capital in the alias requires one on the page ("meta" never is Meta);
 *   all-caps words ("FAIR", "FT") need all caps; mixed case ("LeCun") needs the same pattern.
 *   A page word in ALL CAPS also matches a capitalised (3+ letters) or mixed-case (4+) alias,
 *   except for common words ("SCALE UP" is not Scale).
 * - Inflections: the English possessive ("Meta’s", "Meta's") and the Swedish colon ending
 *   ("AI:s", "Scale AI:s", "Llama 4:s") are part of the match; a bare genitive -s ("Metas",
 *   "Zuckerbergs", "LLMs") matches an alias that ends in a capitalised word, acronym or
 *   mixed-case word. The compiler drops listed forms that these rules cover.
 * - Compounds: a name joined to another word by a hyphen, apostrophe, period, underscore or @ is
 *   part of that word and never matches ("Meta-analysis", "Meta-chefen", "Scale-AI",
 *   "anti-Meta", "Meta.com", "Llama 4.5"), except an acronym or number before a hyphen, which
 *   is how Swedish and German build compounds ("AI-pionjär", "FAIR-chefen", "Llama 4-modellen").
 *   A hyphen inside the alias ("Turing-Preis") must be on the page too.
 * - Ambiguous aliases (one word that is also an everyday word: Meta, Scale, Fair, Llama, Amazon,
 *   Google… see lexicon.ts COMMON_WORDS, or MatchableEntity.ambiguous) match only with evidence:
 *   no negative cue (rainforest, river, farm, djur…) within {@link NEGATIVE_WINDOW} tokens, and
 *   support, which is a strong mention of the same entity anywhere on the page, or within
 *   {@link SUPPORT_WINDOW} tokens a technology/business cue word, one of the entity's context
 *   words, or a strong mention of another entity. At a sentence start (where any word has a
 *   capital) the entity must also be mentioned elsewhere on the page other than at a sentence
 *   start ("Fair trade is…" alone is not FAIR; "Google it." alone is not Google).
 * - Surnames (a one-word alias of a person that is the last word of a longer name: "Wang",
 *   "LeCun") match after a longer name of the same person earlier in the text (the most recent
 *   one wins if two people share a surname), or directly after a role word ("CEO Wang", "vd
 *   Zuckerberg") when the entity's context words or another strong entity are within
 *   {@link SUPPORT_WINDOW} tokens.
 * - A name does not run across a line break: the caller joins text blocks with "\n".
 * - Results are leftmost-longest and non-overlapping ("Scale AI" beats "Scale", "Fundamental AI
 *   Research" is one match), sorted by start; offsets are UTF-16 indices into the scanned text.
 */
import type { Entity, EntityType } from './corpus';
import { COMMON_WORDS, NEGATIVE_CUES, ROLE_WORDS, STOP_WORDS, SUPPORT_CUES, cueSet } from './matcher/lexicon';
import { BREAK, Shape, casePattern, fold, shapeOf, shapeOfPattern, tokenize, trieKey, type Token } from './matcher/tokens';

export interface MatchableEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: readonly string[];
  /** Content words from the entity's facts and descriptions (any case), support for its ambiguous aliases; see {@link contextWords}. */
  context?: readonly string[];
  /** More aliases to treat as ambiguous (matched only with evidence), beyond the built-in common words. */
  ambiguous?: readonly string[];
}

export const ALIAS_TABLE_VERSION = 1;

/** Alias flags (bits of {@link AliasEntry}[1]). */
export const AliasFlag = {
  /** An everyday word: needs evidence. */
  Common: 1,
  /** A person's surname: needs the full name earlier, or a role word and context. */
  Surname: 2,
  /** Ends in a word that takes a bare genitive -s ("Metas", "Zuckerbergs"). */
  Genitive: 4,
} as const;

/** One alias at a trie node: entity index, {@link AliasFlag} bits, and the alias as written when its case matters. */
export type AliasEntry = [entity: number, flags: number] | [entity: number, flags: number, form: string];

/**
 * A trie node: children keyed by folded token (the first word bare, later words prefixed by the
 * separator before them unless it is a single space: "platforms", "-preis", ". turing"), and
 * under "$" the aliases that end here. Tokens never contain "$".
 */
export interface TrieNode {
  [key: string]: TrieNode | AliasEntry[];
}

/** The compiled aliases of a corpus: plain JSON, compiled once, posted to content scripts. */
export interface AliasTable {
  /** {@link ALIAS_TABLE_VERSION}: a matcher refuses a table of another version. */
  v: number;
  /** Entity ids; the trie and ctx refer to entities by index into this list. */
  ids: string[];
  trie: TrieNode;
  /** Folded context word → entities it supports. */
  ctx: Record<string, number[]>;
}

export interface EntityMatch {
  entityId: string;
  /** UTF-16 offsets into the scanned text; text === scanned.slice(start, end) (includes "’s" / ":s"). */
  start: number;
  end: number;
  text: string;
}

export interface ScanOptions {
  /**
   * The page's language. Accepted for callers' convenience; the rules do not depend on it,
   * because pages mix languages (a Swedish page quotes "Meta’s"), so Swedish, German and English
   * inflections are all accepted everywhere.
   */
  lang?: string;
}

export interface Matcher {
  scan(text: string, opts?: ScanOptions): EntityMatch[];
}

export interface CompileOptions {
  /** Replaces the built-in list of everyday words (folded) that make a one-word alias ambiguous. */
  commonWords?: Iterable<string>;
  /** At most this many context words per entity (default 32). */
  maxContext?: number;
}

/** Tokens either side of an ambiguous mention in which support is looked for. */
export const SUPPORT_WINDOW = 25;
/** Tokens either side of an ambiguous mention in which a negative cue blocks it. */
export const NEGATIVE_WINDOW = 10;

const FLAG_WEAK = AliasFlag.Common | AliasFlag.Surname;
/** Separators that make two tokens one word ("Meta-chefen", "Meta’n", "Meta.com", "meta_data", "@Meta"). */
const INSIDE_WORD = new Set(['-', "'", '.', '_', '@']);

const normaliseAlias = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[’ʼ‘`´′]/gu, "'")
    .replace(/[‐‑]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();

/** Drops an inflection the matcher handles itself: "Meta's" → "Meta", "Scale AI:s" → "Scale AI", "Wangs'" → "Wangs". */
const stripSuffix = (s: string): string => /^(.*[\p{L}\p{N}])(?:'s|:\p{Ll}{1,3}|')$/u.exec(s)?.[1] ?? s;

/** The distinct forms of an entity's name and aliases, without the inflected forms the matcher derives. */
export function aliasForms(e: Pick<MatchableEntity, 'name' | 'aliases'>): string[] {
  const set = new Set<string>();
  for (const raw of [e.name, ...e.aliases]) {
    const f = stripSuffix(normaliseAlias(raw));
    if (f !== '') set.add(f);
  }
  // A plural is dropped only where the matcher derives it itself: a bare -s after a capitalised,
  // all-caps or mixed-case word ("Wangs", "LLMs"); a lower-case plural ("world models") stays.
  const derived = (singular: string) => {
    const last = singular.slice(singular.lastIndexOf(' ') + 1);
    return last !== last.toLowerCase();
  };
  return [...set].filter((f) => !(f.endsWith('s') && set.has(f.slice(0, -1)) && derived(f.slice(0, -1))));
}

function childOf(node: TrieNode, key: string): TrieNode | undefined {
  if (key === '$' || !Object.hasOwn(node, key)) return undefined;
  const c = node[key];
  return c === undefined || Array.isArray(c) ? undefined : c;
}

function entriesOf(node: TrieNode): AliasEntry[] | undefined {
  if (!Object.hasOwn(node, '$')) return undefined;
  const e = node.$;
  return Array.isArray(e) ? e : undefined;
}

/** A fresh object without a prototype, so a token like "constructor" is just a key. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
const newNode = (): TrieNode => Object.create(null) as TrieNode;

/**
 * Compiles entities into an alias table. Forms with fewer than two letters or digits are dropped
 * (a one-letter alias would match everywhere).
 */
export function compileAliasTable(entities: readonly MatchableEntity[], options: CompileOptions = {}): AliasTable {
  const common = options.commonWords ? new Set([...options.commonWords].map(fold)) : COMMON_WORDS;
  const maxContext = options.maxContext ?? 32;
  const trie = newNode();
  const ctx = dict<number[]>();
  const ids: string[] = [];
  entities.forEach((e, ei) => {
    ids.push(e.id);
    const forms = aliasForms(e)
      .map((form) => ({ form, toks: tokenize(form) }))
      .filter(({ toks }) => toks.length > 0 && toks.every((t, i) => i === 0 || t.gap !== BREAK))
      .filter(({ toks }) => toks.reduce((n, t) => n + t.fold.length, 0) >= 2);
    const lastWords = new Set(forms.filter(({ toks }) => toks.length > 1).map(({ toks }) => toks[toks.length - 1]?.fold));
    const ambiguous = new Set((e.ambiguous ?? []).map((a) => fold(stripSuffix(normaliseAlias(a)))));
    const own = new Set<string>();
    for (const { form, toks } of forms) {
      const shapes = toks.map((t) => shapeOf(form.slice(t.start, t.end)));
      const cased = shapes.some((s) => s !== Shape.Lower && s !== Shape.None);
      const head = toks[0]?.fold ?? '';
      const last = shapes[shapes.length - 1];
      let flags = 0;
      if (toks.length === 1 && (ambiguous.has(head) || (shapes[0] === Shape.Cap && common.has(head)))) flags |= AliasFlag.Common;
      if (toks.length === 1 && e.type === 'person' && lastWords.has(head)) flags |= AliasFlag.Surname;
      if (last !== undefined && last !== Shape.Lower && last !== Shape.None) flags |= AliasFlag.Genitive;
      let node = trie;
      toks.forEach((t, i) => {
        const key = trieKey(t, i === 0);
        let next = childOf(node, key);
        if (!next) {
          next = newNode();
          node[key] = next;
        }
        node = next;
        own.add(t.fold);
      });
      const entry: AliasEntry = cased ? [ei, flags, form] : [ei, flags];
      const list = entriesOf(node) ?? [];
      if (!list.some((x) => x[0] === ei && x[1] === flags && x[2] === entry[2])) list.push(entry);
      node.$ = list;
    }
    let n = 0;
    for (const word of e.context ?? []) {
      const w = fold(word.trim());
      if (n >= maxContext || w.length < 3 || own.has(w) || STOP_WORDS.has(w)) continue;
      const list = (ctx[w] ??= []);
      if (list.includes(ei)) continue;
      list.push(ei);
      n++;
    }
  });
  return { v: ALIAS_TABLE_VERSION, ids, trie, ctx };
}

/**
 * The content words of some texts (an entity's facts and descriptions), most frequent first:
 * 4+ letters, no function words, no numbers, none of `exclude` (folded). For MatchableEntity.context.
 */
export function contextWords(texts: readonly string[], exclude: readonly string[] = [], max = 24): string[] {
  const skip = new Set(exclude.flatMap((x) => tokenize(x).map((t) => t.fold)));
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const t of tokenize(text)) {
      if (t.fold.length < 4 || /^\p{N}+$/u.test(t.fold) || STOP_WORDS.has(t.fold) || skip.has(t.fold)) continue;
      counts.set(t.fold, (counts.get(t.fold) ?? 0) + 1);
    }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([w]) => w);
}

/** A corpus entity (with the pipeline's optional `descriptions`) as the matcher wants it, context from its description and facts. */
export function toMatchable(e: Entity & { descriptions?: readonly { text: string }[]; ambiguous?: readonly string[] }): MatchableEntity {
  const texts = [
    ...(e.description === null ? [] : [e.description]),
    ...(e.descriptions ?? []).map((d) => d.text),
    ...e.facts.map((f) => f.text),
  ];
  const m: MatchableEntity = {
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    context: contextWords(texts, [e.name, ...e.aliases]),
  };
  if (e.ambiguous) m.ambiguous = e.ambiguous;
  return m;
}

interface Candidate {
  /** First and last token of the name (the suffix token, if any, is after `last`). */
  first: number;
  last: number;
  /** Index of the first token after the match (past an "’s" / ":s" suffix). */
  after: number;
  start: number;
  end: number;
  ent: number;
  flags: number;
  /** Sort priority among candidates of the same span: lower wins. */
  prio: number;
}

interface AliasWord {
  shape: Shape;
  pattern: string;
}

/** How the case of a page word may differ from the alias's word. */
function caseOk(alias: AliasWord, page: string, common: boolean): boolean {
  const a = alias.shape;
  if (a === Shape.None || a === Shape.Lower) return true;
  const pattern = casePattern(page);
  const p = shapeOfPattern(pattern);
  if (a === Shape.Upper) return p === Shape.Upper;
  const allCaps = p === Shape.Upper && !common;
  if (a === Shape.Cap) return p === Shape.Cap || (allCaps && pattern.length >= 3);
  return alias.pattern === pattern || (allCaps && pattern.length >= 4);
}

const OPENERS = /[\s"'“”‘’„«»‹›()[\]{}–—•*-]/u;

/** Whether the character at `pos` begins a sentence (text start, a new line, or after . ! ? …), skipping quotes, brackets and dashes. */
function atSentenceStart(text: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0; k--) {
    const ch = text.charAt(k);
    if (ch === '\n' || ch === '\r') return true;
    if (OPENERS.test(ch)) continue;
    return ch === '.' || ch === '!' || ch === '?' || ch === '…';
  }
  return true;
}

/**
 * The largest of `sorted` (ascending) that is below `x`, or -1: a binary search, because a page
 * that repeats a full name thousands of times has as many surname candidates to check.
 */
function lastBelow(sorted: readonly number[] | undefined, x: number): number {
  if (!sorted) return -1;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? x) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (sorted[lo - 1] ?? -1) : -1;
}

/** Wraps a compiled table. Cheap: no per-page set-up beyond the table itself. */
export function createMatcher(table: AliasTable): Matcher {
  if (table.v !== ALIAS_TABLE_VERSION) throw new Error(`alias table version ${table.v}, expected ${ALIAS_TABLE_VERSION}`);
  const support = cueSet(SUPPORT_CUES);
  const negative = cueSet(NEGATIVE_CUES);
  const formWords = new Map<string, AliasWord[]>();
  const wordsOf = (form: string): AliasWord[] => {
    let w = formWords.get(form);
    if (!w) {
      w = tokenize(form).map((t) => {
        const pattern = casePattern(form.slice(t.start, t.end));
        return { shape: shapeOfPattern(pattern), pattern };
      });
      formWords.set(form, w);
    }
    return w;
  };
  const inCues = (f: string, cues: { whole: ReadonlySet<string>; heads: readonly string[] }): boolean =>
    cues.whole.has(f) || cues.heads.some((h) => f.length > h.length && f.endsWith(h));
  const ctxHas = (f: string, ent: number): boolean => Object.hasOwn(table.ctx, f) && (table.ctx[f]?.includes(ent) ?? false);

  function scan(text: string): EntityMatch[] {
    const toks: Token[] = tokenize(text);
    const n = toks.length;
    const cands: Candidate[] = [];
    const word = (t: Token): string => text.slice(t.start, t.end);

    const collect = (node: TrieNode, first: number, last: number, genitive: boolean): void => {
      const entries = entriesOf(node);
      const lastTok = toks[last];
      if (!entries || !lastTok) return;
      let end = lastTok.end;
      let after = last + 1;
      const next = toks[after];
      if (!genitive && next) {
        const suffix = word(next);
        if ((next.gap === "'" && (suffix === 's' || suffix === 'S')) || (next.gap === ':' && /^\p{Ll}{1,3}$/u.test(suffix))) {
          end = next.end;
          after++;
        }
      }
      const follow = toks[after];
      if (follow && INSIDE_WORD.has(follow.gap)) {
        const lastShape = shapeOf(word(lastTok));
        const compoundHead = follow.gap === '-' && after === last + 1 && (lastShape === Shape.Upper || lastShape === Shape.None);
        if (!compoundHead) return;
      }
      for (const [ent, flags, form] of entries) {
        if (genitive && (flags & AliasFlag.Genitive) === 0) continue;
        if (form !== undefined) {
          const aliasWords = wordsOf(form);
          let ok = aliasWords.length === last - first + 1;
          for (let k = 0; ok && k < aliasWords.length; k++) {
            const t = toks[first + k];
            if (!t) break;
            let w = word(t);
            if (genitive && first + k === last) w = w.slice(0, -1);
            const a = aliasWords[k];
            ok = a !== undefined && caseOk(a, w, (flags & AliasFlag.Common) !== 0);
          }
          if (!ok) continue;
        }
        cands.push({ first, last, after, start: toks[first]?.start ?? 0, end, ent, flags, prio: 0 });
      }
    };

    for (let i = 0; i < n; i++) {
      const t0 = toks[i];
      if (!t0 || INSIDE_WORD.has(t0.gap)) continue;
      let node: TrieNode | undefined = table.trie;
      for (let j = i; node && j < n; j++) {
        const t = toks[j];
        if (!t || (j > i && t.gap === BREAK)) break;
        const key = trieKey(t, j === i);
        if (t.fold.length >= 3 && text.charAt(t.end - 1) === 's') {
          const g = childOf(node, key.slice(0, -1));
          if (g) collect(g, i, j, true);
        }
        node = childOf(node, key);
        if (node) collect(node, i, j, false);
      }
    }
    if (cands.length === 0) return [];

    // Strong mentions: everything that is neither an everyday word nor a bare surname. (Candidates
    // are collected in order of their first token, so each list of starts is sorted.)
    const strongAt = new Int32Array(n).fill(-1);
    const strongStarts = new Map<number, number[]>();
    for (const c of cands) {
      if ((c.flags & FLAG_WEAK) !== 0) continue;
      for (let k = c.first; k < c.after; k++) strongAt[k] = c.ent;
      const list = strongStarts.get(c.ent) ?? [];
      list.push(c.first);
      strongStarts.set(c.ent, list);
    }
    const around = (c: Candidate, w: number, test: (t: Token, k: number) => boolean): boolean => {
      for (let k = Math.max(0, c.first - w); k < Math.min(n, c.after + w); k++) {
        if (k >= c.first && k < c.after) continue;
        const t = toks[k];
        if (t && test(t, k)) return true;
      }
      return false;
    };
    const otherStrong = (c: Candidate) => (_t: Token, k: number) => {
      const s = strongAt[k];
      return s !== undefined && s >= 0 && s !== c.ent;
    };
    // Cue classes of tokens, computed once per token and only near ambiguous mentions: bit 1 known, 2 support, 4 negative.
    const cueBits = new Uint8Array(n);
    const cue = (t: Token, k: number): number => {
      let v = cueBits[k] ?? 0;
      if (v === 0) {
        v = 1 | (inCues(t.fold, support) ? 2 : 0) | (inCues(t.fold, negative) ? 4 : 0);
        cueBits[k] = v;
      }
      return v;
    };
    const supported = (c: Candidate): boolean => {
      if (strongStarts.has(c.ent)) return true;
      const other = otherStrong(c);
      return around(c, SUPPORT_WINDOW, (t, k) => (cue(t, k) & 2) !== 0 || other(t, k) || ctxHas(t.fold, c.ent));
    };
    const blocked = (c: Candidate): boolean => around(c, NEGATIVE_WINDOW, (t, k) => (cue(t, k) & 4) !== 0);

    const valid: Candidate[] = [];
    const midSentence = new Set<number>();
    const sentenceStart: Candidate[] = [];
    for (const c of cands) {
      if ((c.flags & FLAG_WEAK) === 0) {
        valid.push(c);
      } else if ((c.flags & AliasFlag.Surname) !== 0) {
        const recent = lastBelow(strongStarts.get(c.ent), c.first);
        if (recent >= 0) {
          // The most recent full name wins when two people share a surname.
          c.prio = 1 + (c.first - recent) / (n + 1);
          valid.push(c);
          continue;
        }
        const prev = toks[c.first - 1];
        const self = toks[c.first];
        if (!prev || !self || self.gap === BREAK || !ROLE_WORDS.has(prev.fold)) continue;
        const other = otherStrong(c);
        if (around(c, SUPPORT_WINDOW, (t, k) => ctxHas(t.fold, c.ent) || other(t, k))) {
          c.prio = 3;
          valid.push(c);
        }
      } else if (!blocked(c) && supported(c)) {
        c.prio = 2;
        if (atSentenceStart(text, c.start)) sentenceStart.push(c);
        else {
          midSentence.add(c.ent);
          valid.push(c);
        }
      }
    }
    for (const c of sentenceStart) if (strongStarts.has(c.ent) || midSentence.has(c.ent)) valid.push(c);

    valid.sort((a, b) => a.start - b.start || b.end - a.end || a.prio - b.prio || a.ent - b.ent);
    const out: EntityMatch[] = [];
    let taken = 0;
    for (const c of valid) {
      if (c.start < taken) continue;
      const entityId = table.ids[c.ent];
      if (entityId === undefined) continue;
      out.push({ entityId, start: c.start, end: c.end, text: text.slice(c.start, c.end) });
      taken = c.end;
    }
    return out;
  }

  return { scan: (text) => scan(text) };
}
