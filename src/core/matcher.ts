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
import { BREAK, Shape, Tokens, caseOf, casePattern, fold, hashOf, shapeOf, tokenize, trieKey } from './matcher/tokens';

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

export const ALIAS_TABLE_VERSION = 2;

/** Alias flags (the third number of an alias in {@link AliasTable.ends}). */
export const AliasFlag = {
  /** An everyday word: needs evidence. */
  Common: 1,
  /** A person's surname: needs the full name earlier, or a role word and context. */
  Surname: 2,
  /** Ends in a word that takes a bare genitive -s ("Metas", "Zuckerbergs"). */
  Genitive: 4,
} as const;

/**
 * The compiled aliases of a corpus: plain JSON of flat arrays (quick to parse, and posted to
 * content scripts), compiled once. It is a trie over folded word keys: an alias's first word bare,
 * later words prefixed by the separator before them unless it is a single space ("platforms",
 * "-preis", ". turing").
 */
export interface AliasTable {
  /** {@link ALIAS_TABLE_VERSION}: a matcher refuses a table of another version. */
  v: number;
  /** Entity ids; the other fields refer to entities by index into this list. */
  ids: string[];
  /** The distinct trie keys, first words first. */
  keys: string[];
  /** Trie nodes 1…roots (0 is the root) are the root's children by keys 0…roots-1. */
  roots: number;
  /** The deeper nodes: node roots+1+i is the child of node nodes[2i] by key keys[nodes[2i+1]]; a parent comes before its children. */
  nodes: number[];
  /**
   * Four numbers per alias, in ascending order of node: the node where it ends, the entity,
   * {@link AliasFlag} bits, and its case: -1 - Σ shape(word k)·4^k with shape 0 for a lower-case
   * word (any case matches), 1 all caps, 2 capitalised; or, if a word has mixed case ("LeCun"),
   * the index in `forms` of the alias as written.
   */
  ends: number[];
  forms: string[];
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
/** Cue bits of a word. */
const Cue = { Support: 1, Negative: 2 } as const;
/** A folded word, its {@link Cue} bits, and the entities it is a context word of. */
type WordInfo = [word: string, cue: number, ctx: readonly number[] | undefined];
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

/** A fresh object without a prototype, so a token like "constructor" is just a key. */
const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The index of `key` in `list`, appended if new. */
const intern = (list: string[], index: Map<string, number>, key: string): number => {
  let i = index.get(key);
  if (i === undefined) index.set(key, (i = list.push(key) - 1));
  return i;
};

/**
 * Compiles entities into an alias table. Forms with fewer than two letters or digits are dropped
 * (a one-letter alias would match everywhere).
 */
export function compileAliasTable(entities: readonly MatchableEntity[], options: CompileOptions = {}): AliasTable {
  const common = options.commonWords ? new Set([...options.commonWords].map(fold)) : COMMON_WORDS;
  const maxContext = options.maxContext ?? 32;
  const forms: string[] = [];
  const formIndex = new Map<string, number>();
  /** The trie while it is built: per node, its children by key, and three numbers per alias ending there (entity, flags, case). */
  const kids: (Map<string, number> | undefined)[] = [];
  const at: (number[] | undefined)[] = [];
  let count = 1;
  const ctx = dict<number[]>();
  const ids: string[] = [];
  entities.forEach((e, ei) => {
    ids.push(e.id);
    const parsed = aliasForms(e)
      .map((form) => ({ form, toks: tokenize(form) }))
      .filter(({ toks }) => toks.length > 0 && toks.every((t, i) => i === 0 || t.gap !== BREAK))
      .filter(({ toks }) => toks.reduce((n, t) => n + t.fold.length, 0) >= 2);
    const lastWords = new Set(parsed.filter(({ toks }) => toks.length > 1).map(({ toks }) => toks[toks.length - 1]?.fold));
    const ambiguous = new Set((e.ambiguous ?? []).map((a) => fold(stripSuffix(normaliseAlias(a)))));
    const own = new Set<string>();
    for (const { form, toks } of parsed) {
      const shapes = toks.map((t) => shapeOf(form.slice(t.start, t.end)));
      const head = toks[0]?.fold ?? '';
      const last = shapes[shapes.length - 1];
      let flags = 0;
      if (toks.length === 1 && (ambiguous.has(head) || (shapes[0] === Shape.Cap && common.has(head)))) flags |= AliasFlag.Common;
      if (toks.length === 1 && e.type === 'person' && lastWords.has(head)) flags |= AliasFlag.Surname;
      if (last !== undefined && last !== Shape.Lower && last !== Shape.None) flags |= AliasFlag.Genitive;
      let node = 0;
      toks.forEach((t, i) => {
        const key = trieKey(t, i === 0);
        const map = (kids[node] ??= new Map<string, number>());
        let next = map.get(key);
        if (next === undefined) map.set(key, (next = count++));
        node = next;
        own.add(t.fold);
      });
      // The case of the alias's words (see AliasTable.ends): two bits a word, or the form as written if one is mixed ("LeCun").
      const c =
        shapes.length > 15 || shapes.includes(Shape.Mixed)
          ? intern(forms, formIndex, form)
          : shapes.reduce((code, s, k) => code - (s === Shape.Upper ? 1 : s === Shape.Cap ? 2 : 0) * 4 ** k, -1);
      const list = (at[node] ??= []);
      let dup = false;
      for (let q = 0; q < list.length; q += 3) dup ||= list[q] === ei && list[q + 1] === flags && list[q + 2] === c;
      if (!dup) list.push(ei, flags, c);
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
  // Numbered breadth first: the root's children (one per first word) are nodes 1…roots, by key 0…roots-1.
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const order = [0];
  const nodes: number[] = [];
  for (const [key, c] of kids[0] ?? []) order[intern(keys, keyIndex, key) + 1] = c;
  const roots = keys.length;
  for (let x = 1; x < order.length; x++)
    for (const [key, c] of kids[order[x] ?? 0] ?? []) {
      nodes.push(x, intern(keys, keyIndex, key));
      order.push(c);
    }
  const ends: number[] = [];
  order.forEach((old, x) => {
    const list = at[old] ?? [];
    for (let q = 0; q < list.length; q += 3) ends.push(x, list[q] ?? 0, list[q + 1] ?? 0, list[q + 2] ?? -1);
  });
  return { v: ALIAS_TABLE_VERSION, ids, keys, roots, nodes, ends, forms, ctx };
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

/** The word shapes of {@link AliasTable.ends}'s case codes. */
const CODE_SHAPES: readonly Shape[] = [Shape.Lower, Shape.Upper, Shape.Cap];

/** How the case of a page word may differ from the alias's word. */
function caseOk(alias: AliasWord, text: string, start: number, end: number, common: boolean): boolean {
  const a = alias.shape;
  const c = caseOf(text, start, end);
  const p = c & 7;
  if (a === Shape.Upper) return p === Shape.Upper;
  const allCaps = p === Shape.Upper && !common;
  if (a === Shape.Cap) return p === Shape.Cap || (allCaps && c >> 3 >= 3);
  return (p === Shape.Mixed && alias.pattern === casePattern(text.slice(start, end))) || (allCaps && c >> 3 >= 4);
}

const OPENERS = /[\s"'“”‘’„«»‹›()[\]{}–—•*-]/u;

/** Whether the character at `pos` begins a sentence (text start, a new line, or after . ! ? …), skipping quotes, brackets and dashes. */
function atSentenceStart(text: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0; k--) {
    const ch = text.charAt(k);
    if (ch === '\n' || ch === '\r') return true;
    if (ch === ' ' || OPENERS.test(ch)) continue;
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

/** A power of two at least twice `n`: an open-addressing table at most half full. */
const slotsFor = (n: number): number => 2 << Math.ceil(Math.log2(n + 1));
/** The slot of trie edge (node, key). */
const edgeHash = (node: number, key: number): number => {
  const h = Math.imul(node, 0x9e3779b1) ^ key;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (h >>> 13);
};

/**
 * Wraps a compiled table. Loading builds two flat hash tables (keys, trie edges) and an index of
 * the aliases by node: no object per key or node, so that a scan's cost does not grow with the
 * table (lookups touch a few typed arrays) and neither does the garbage collector's.
 */
export function createMatcher(table: AliasTable): Matcher {
  if (table.v !== ALIAS_TABLE_VERSION) throw new Error(`alias table version ${table.v}, expected ${ALIAS_TABLE_VERSION}`);
  const { keys, roots, nodes, ends, forms } = table;
  const support = cueSet(SUPPORT_CUES);
  const negative = cueSet(NEGATIVE_CUES);

  // Keys: pairs of (hash, index + 1) in slots, probed linearly.
  const keyMask = slotsFor(keys.length) - 1;
  const keySlots = new Int32Array(2 * (keyMask + 1));
  keys.forEach((key, i) => {
    const h = hashOf(key);
    let p = h & keyMask;
    while (keySlots[2 * p + 1]) p = (p + 1) & keyMask;
    keySlots[2 * p] = h;
    keySlots[2 * p + 1] = i + 1;
  });
  /** The index of the key with hash `h` that is `s` (any key with that hash if `s` is undefined), or -1. */
  const find = (h: number, s?: string): number => {
    for (let p = h & keyMask; ; p = (p + 1) & keyMask) {
      const i = (keySlots[2 * p + 1] ?? 0) - 1;
      if (i < 0 || (keySlots[2 * p] === h && (s === undefined || keys[i] === s))) return i;
    }
  };
  // Deeper trie edges: node roots+1+i sits in the slot of (its parent, its key).
  const deep = nodes.length / 2;
  const count = roots + 1 + deep;
  const edgeMask = slotsFor(deep) - 1;
  const edgeSlots = new Int32Array(edgeMask + 1);
  for (let i = 0; i < deep; i++) {
    let p = edgeHash(nodes[2 * i] ?? 0, nodes[2 * i + 1] ?? 0) & edgeMask;
    while (edgeSlots[p]) p = (p + 1) & edgeMask;
    edgeSlots[p] = i + 1;
  }
  /** The child of `node` by key index `key`, or 0 (the root is nobody's child). */
  const child = (node: number, key: number): number => {
    if (node === 0) return key >= 0 && key < roots ? key + 1 : 0;
    if (key < 0) return 0;
    for (let p = edgeHash(node, key) & edgeMask; ; p = (p + 1) & edgeMask) {
      const i = (edgeSlots[p] ?? 0) - 1;
      if (i < 0) return 0;
      if (nodes[2 * i] === node && nodes[2 * i + 1] === key) return roots + 1 + i;
    }
  };
  // The aliases ending at node k are ends[4 * at[k] …] up to at[k + 1] (ends are in order of node).
  const at = new Int32Array(count + 1);
  for (let k = 0, q = 0; k <= count; k++) {
    while (q < ends.length && (ends[q] ?? 0) < k) q += 4;
    at[k] = q / 4;
  }

  const formWords: (AliasWord[] | undefined)[] = [];
  const wordsOf = (f: number): AliasWord[] => {
    let w = formWords[f];
    if (!w) {
      const t = new Tokens(forms[f] ?? '');
      w = formWords[f] = Array.from({ length: t.n }, (_, k) => {
        const w = t.word(k);
        return { shape: shapeOf(w), pattern: casePattern(w) };
      });
    }
    return w;
  };
  const inCues = (f: string, cues: { whole: ReadonlySet<string>; heads: readonly string[] }): boolean =>
    cues.whole.has(f) || cues.heads.some((h) => f.length > h.length && f.endsWith(h));
  /** What words say near an ambiguous mention, by hash, kept across scans (pages repeat their words); the word rules out a collision. */
  const infos = new Map<number, WordInfo>();
  const infoOf = (T: Tokens, k: number): WordInfo => {
    const h = T.hash(k);
    const known = infos.get(h);
    if (known && T.equals(k, known[0])) return known;
    const f = T.fold(k);
    const cue = (inCues(f, support) ? Cue.Support : 0) | (inCues(f, negative) ? Cue.Negative : 0);
    const info: WordInfo = [f, cue, Object.hasOwn(table.ctx, f) ? table.ctx[f] : undefined];
    if (!known) {
      if (infos.size >= 20_000) infos.clear();
      infos.set(h, info);
    }
    return info;
  };

  /** The token buffer of the last scan, reused by the next (a page is scanned again and again as it changes). */
  let scratch: Int32Array | undefined;

  function scan(text: string): EntityMatch[] {
    const T = new Tokens(text, scratch);
    scratch = T.buffer;
    const n = T.n;
    const cands: Candidate[] = [];

    /** The key index of token k after `gap` (' ' for the first word of a name), without its last unit if `stem`; or -1. */
    const keyOf = (k: number, gap: string, stem: boolean): number => {
      if (gap === ' ') {
        // Most words are in no alias: the hash alone says so, without making a string.
        const h = stem ? T.stem(k) : T.hash(k);
        const i = find(h);
        if (i < 0 || T.equals(k, keys[i] ?? '', stem)) return i;
        const f = T.fold(k); // another key with the same hash
        return find(h, stem ? f.slice(0, -1) : f);
      }
      const key = gap + (stem ? T.fold(k).slice(0, -1) : T.fold(k));
      return find(hashOf(key), key);
    };

    const collect = (node: number, first: number, last: number, genitive: boolean): void => {
      const q0 = at[node] ?? 0;
      const q1 = at[node + 1] ?? 0;
      if (q0 === q1) return;
      let end = T.end(last);
      let after = last + 1;
      if (!genitive && after < n) {
        const gap = T.gap(after);
        const suffix = gap === "'" || gap === ':' ? T.word(after) : '';
        if ((gap === "'" && (suffix === 's' || suffix === 'S')) || (gap === ':' && /^\p{Ll}{1,3}$/u.test(suffix))) {
          end = T.end(after);
          after++;
        }
      }
      const follow = after < n ? T.gap(after) : BREAK;
      if (INSIDE_WORD.has(follow)) {
        const lastShape = caseOf(text, T.start(last), T.end(last)) & 7;
        const compoundHead = follow === '-' && after === last + 1 && (lastShape === Shape.Upper || lastShape === Shape.None);
        if (!compoundHead) return;
      }
      for (let q = 4 * q0; q < 4 * q1; q += 4) {
        const ent = ends[q + 1] ?? 0;
        const flags = ends[q + 2] ?? 0;
        const cs = ends[q + 3] ?? -1;
        if (genitive && (flags & AliasFlag.Genitive) === 0) continue;
        const words = cs >= 0 ? wordsOf(cs) : undefined;
        let ok = !words || words.length === last - first + 1;
        for (let k = 0; ok && cs !== -1 && k <= last - first; k++) {
          const a = words ? words[k] : { shape: CODE_SHAPES[((-1 - cs) >> (2 * k)) & 3] ?? Shape.Lower, pattern: '' };
          if (!a || a.shape === Shape.Lower || a.shape === Shape.None) continue;
          const end = T.end(first + k) - (genitive && first + k === last ? 1 : 0);
          ok = caseOk(a, text, T.start(first + k), end, (flags & AliasFlag.Common) !== 0);
        }
        if (!ok) continue;
        cands.push({ first, last, after, start: T.start(first), end, ent, flags, prio: 0 });
      }
    };

    for (let i = 0; i < n; i++) {
      let node = 0;
      for (let j = i; j < n; j++) {
        const gap = j === i ? ' ' : T.gap(j);
        if (gap === BREAK) break;
        const g = T.foldLength(j) >= 3 && text.charCodeAt(T.end(j) - 1) === 115 /* s */ ? child(node, keyOf(j, gap, true)) : 0;
        node = child(node, keyOf(j, gap, false));
        // A name does not start inside a word ("Meta" in "anti-Meta").
        if (j === i && (g || node) && INSIDE_WORD.has(T.gap(i))) break;
        if (g) collect(g, i, j, true);
        if (!node) break;
        collect(node, i, j, false);
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
    const around = (c: Candidate, w: number, test: (k: number) => boolean): boolean => {
      for (let k = Math.max(0, c.first - w); k < Math.min(n, c.after + w); k++) {
        if (k >= c.first && k < c.after) continue;
        if (test(k)) return true;
      }
      return false;
    };
    const otherStrong = (c: Candidate) => (k: number) => {
      const s = strongAt[k];
      return s !== undefined && s >= 0 && s !== c.ent;
    };
    // Cue classes of tokens, computed once per token and only near ambiguous mentions.
    const infoAt = new Array<WordInfo | undefined>(n);
    const info = (k: number): WordInfo => (infoAt[k] ??= infoOf(T, k));
    const ctxHas = (k: number, ent: number): boolean => info(k)[2]?.includes(ent) === true;
    const supported = (c: Candidate): boolean => {
      if (strongStarts.has(c.ent)) return true;
      const other = otherStrong(c);
      return around(c, SUPPORT_WINDOW, (k) => {
        const b = info(k)[1];
        return (b & Cue.Support) !== 0 || other(k) || ctxHas(k, c.ent);
      });
    };
    const blocked = (c: Candidate): boolean => around(c, NEGATIVE_WINDOW, (k) => (info(k)[1] & Cue.Negative) !== 0);

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
        if (c.first === 0 || T.gap(c.first) === BREAK || !ROLE_WORDS.has(T.fold(c.first - 1))) continue;
        const other = otherStrong(c);
        if (around(c, SUPPORT_WINDOW, (k) => ctxHas(k, c.ent) || other(k))) {
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
