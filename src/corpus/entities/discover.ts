/**
 * From candidate spans to entities: which spans are names, which spans name the same thing
 * (inflection, surname after a full name, short company name, acronym and expansion, the same
 * award in several languages, registry aliases), and which clusters are entities at all.
 */
import type { EntityType } from '../../core/corpus';
import type { Sentence } from '../../core/sentences';
import {
  AWARD,
  FIRST_NAMES,
  FUNCTION_WORDS,
  HONORIFICS,
  LABEL_WORDS,
  LEGAL_SUFFIXES,
  NON_PERSON_FIRST,
  NOT_NAMES,
  ORG_SUFFIXES,
  PLACE_SUFFIXES,
  RELIGIOUS_TITLES,
  EVENT_SUFFIXES,
  LAW_HEADS,
  LAW_WORDS,
  ORG_COMPOUND_HEADS,
  ORG_HEADS,
  ORG_HEADS_FIRST,
  SHORTENABLE_SUFFIXES,
  endsWithHead,
  isRole,
  lowerWord,
} from './lexicon';
import type { Gazetteer } from './gazetteer';
import type { Registry, RegistryEntry } from './registry';
import {
  type Sent,
  type Span,
  PhraseTable,
  acronymLetters,
  acronymPairs,
  adjectival,
  germanEvidence,
  introducedTerms,
  namePieces,
  personLike,
  termKey,
  textOf,
  tokensOf,
} from './spans';
import { type Token, fold, gapBefore, inflectionStems, isFunctionWord, stripInflection, tokenize } from './tokens';

export interface ArticleSentences {
  id: string;
  lang: string;
  sentences: readonly Sentence[];
}

export type TypeScores = Partial<Record<EntityType, number>>;

export interface Cluster {
  /** Mentions in corpus order. */
  spans: Span[];
  registry: RegistryEntry | null;
  /** The acronym to show when the cluster is an acronym with its expansion ("FAIR", "LLM"). */
  acronym: string | null;
  /** Type evidence from how the cluster was found (acronym expansion, term cue, award). */
  hints: TypeScores;
}

export interface Discovery {
  sents: Sent[][];
  clusters: Cluster[];
  /** Names known not to be people's (registry entries of other types, single-word names of the corpus). */
  nonPersonKeys: ReadonlySet<string>;
  gazetteer: Gazetteer;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression.
    for (let y = x, p = this.parent.get(y); p !== undefined && p !== root; y = p, p = this.parent.get(y)) this.parent.set(y, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // Registry nodes stay roots, so a cluster's registry entry is found from its root.
    if (ra === rb) return;
    if (rb.startsWith('reg:') && !ra.startsWith('reg:')) this.parent.set(ra, rb);
    else this.parent.set(rb, ra);
  }
}

/** A name in a script without case (Hangul, kana, Han): found as a phrase, never as a capitalised run. */
const UNCASED_NAME = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const LIST_GAP = /^\s*(?:,\s*(?:(?:and|och|und|or|eller|oder|&)\s+)?|\s+(?:and|och|und|or|eller|oder|&)\s+)$/u;

/** "Week 13", "Group C", "Parte 01", "Schedule IV": a label and its number or letter. */
const isLabel = (s: Span): boolean => {
  const toks = tokensOf(s);
  const [t0, t1] = toks;
  return (
    toks.length === 2 &&
    t0 !== undefined &&
    t1 !== undefined &&
    LABEL_WORDS.has(t0.lower) &&
    (t1.number || /^(?:\p{Lu}|[IVX]{1,5})$/u.test(t1.text))
  );
};

/** A hashtag or a handle: "#TodayInSenatePlenary", "@nasa". */
const isTag = (s: Span): boolean => /[#@]$/u.test(gapBefore(s.sent.ts, s.a));

/** "Serbian", "Ghanaian", "North American": an adjective of a people, not a name on its own. */
const isDemonym = (s: Span): boolean => {
  const toks = tokensOf(s);
  const last = toks[toks.length - 1];
  if (last === undefined || toks.length > 2 || last.acronym || last.mixed) return false;
  if (toks.length === 2 && !NON_PERSON_FIRST.has(toks[0]?.lower ?? '')) return false;
  const k = fold(last.text);
  const g = s.sent.gaz;
  return /(?:ican|ian|ean|ese|ish)$/u.test(k) && !g.places.has(k) && !g.givenNames.has(k) && !ORG_SUFFIXES.has(k);
};

const isStopName = (s: Span): boolean => {
  if (isLabel(s) || isTag(s) || isDemonym(s)) return true;
  if (s.b - s.a !== 1) return false;
  const k = lowerWord(s.base);
  const t = s.sent.ts.tokens[s.a];
  if (LEGAL_SUFFIXES.has(k)) return true; // "Inc" alone
  // Two letters are a name only as an acronym ("EU"), not "Al", "Co" (or masked "Jo** Al****").
  return (
    k.length <= 1 ||
    (k.length === 2 && t?.acronym !== true) ||
    NOT_NAMES.has(k) ||
    FUNCTION_WORDS.has(k) ||
    (t?.initial === true && isFunctionWord(k, s.sent.lang)) ||
    isRole(k) ||
    HONORIFICS.has(k) ||
    RELIGIOUS_TITLES.has(k)
  );
};

/** A short form in capitals ("EU", "U.S.", "WHO", "G7"): an acronym, which a word of the same letters is not. */
const ACRONYM_FORM = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})(?!(?:[^\p{L}]*\p{L}){5})[\p{Lu}\p{N}.&]{2,8}$/u;

export function discover(articles: readonly ArticleSentences[], registry: Registry, gazetteer: Gazetteer): Discovery {
  const sents: Sent[][] = articles.map((a, art) =>
    a.sentences.map((s, idx) => ({
      art,
      articleId: a.id,
      idx,
      offset: s.start,
      lang: a.lang,
      german: a.lang === 'de',
      gaz: gazetteer,
      ts: tokenize(s.text, a.lang),
    })),
  );
  const all = sents.flat();
  const uf = new UnionFind();
  const hints = new Map<string, TypeScores>();
  const hint = (key: string, type: EntityType, w: number) => {
    const h = hints.get(key) ?? {};
    h[type] = Math.max(h[type] ?? 0, w);
    hints.set(key, h);
  };

  // Registry: every name and alias is a key of its entry; lower-case ones are also phrases.
  const phrases = new PhraseTable();
  const regByKey = new Map<string, RegistryEntry>();
  for (const e of registry.entries) {
    const node = `reg:${e.id}`;
    uf.find(node);
    for (const n of [e.name, ...e.aliases]) {
      for (const v of new Set([n, n.replace(/^the /iu, '')])) {
        regByKey.set(fold(v), e);
        uf.union(node, fold(v));
        if (/(?:^|\s)\p{Ll}+(?:\s|$)/u.test(v) || UNCASED_NAME.test(v)) {
          const key = `t:${termKey(v.split(/\s+/u))}`;
          phrases.add(v, key);
          uf.union(node, key);
        }
      }
    }
  }
  const nonPersonKeys = new Set([...regByKey].filter(([, e]) => e.type !== 'person').map(([k]) => k));
  const registryAcronyms = new Set(
    registry.entries
      .flatMap((e) => [e.name, ...e.aliases])
      .filter((v) => ACRONYM_FORM.test(v))
      .map(fold),
  );

  // Candidates: capitalised runs, acronym pairs, introduced terms.
  const pieces = all.map(namePieces);
  const shortTokens = new Set<string>(); // `${sentenceIndexInAll}:${token}`
  const acronymName = new Map<string, string>();
  all.forEach((sent, si) => {
    for (const p of acronymPairs(sent)) {
      const shortTok = sent.ts.tokens[p.short];
      if (shortTok === undefined) continue;
      const stem = stripInflection(shortTok.text);
      const shortBase = /^\p{Lu}{2,}s$/u.test(stem) ? stem.slice(0, -1) : stem;
      const letters = acronymLetters(shortTok) ?? shortBase;
      const longToks = sent.ts.tokens.slice(p.long[0], p.long[1]);
      let longKey: string;
      if (longToks.every((t) => t.nameish)) {
        const last = longToks[longToks.length - 1];
        longKey = fold(textOf(sent, p.long[0], p.long[1] - 1) + (longToks.length > 1 ? ' ' : '') + stripInflection(last?.text ?? ''));
      } else {
        longKey = `t:${termKey(longToks.map((t) => t.text))}`;
        phrases.add(textOf(sent, p.long[0], p.long[1]), longKey);
      }
      const shortKey = fold(shortBase);
      uf.union(shortKey, longKey);
      shortTokens.add(`${si}:${p.short}`);
      acronymName.set(shortKey, shortTok.mixed ? shortBase : /^\p{Lu}\p{Ll}+$/u.test(shortBase) ? letters : shortBase);
      hint(shortKey, expansionType(longToks, sent.lang), sent.ts.heading ? 3 : 5);
    }
    for (const words of introducedTerms(sent)) {
      const key = `t:${termKey(words)}`;
      phrases.add(words.join(' '), key);
      hint(key, 'concept', 5);
    }
  });

  // How often each word is written in lower case: "Get" in "We are here to Get." is the verb.
  const lowerCount = new Map<string, number>();
  const lowerInArticle = new Map<string, number>(); // `${art} ${word}`
  for (const sent of all)
    for (const t of sent.ts.tokens)
      if (!t.cap && !t.mixed && !t.number) {
        lowerCount.set(t.lower, (lowerCount.get(t.lower) ?? 0) + 1);
        const k = `${String(sent.art)} ${t.lower}`;
        lowerInArticle.set(k, (lowerInArticle.get(k) ?? 0) + 1);
      }

  // Evidence of each capitalised run on its own; at the start of a sentence or in a heading, a
  // place of the gazetteer ("Glasgow is…"), unless the word is also written in lower case. A
  // given name there proves nothing ("Hans bok…").
  const gazetteerPlace = (s: Span): boolean => {
    const kind =
      gazetteer.places.get(s.key) ??
      (s.b - s.a === 1
        ? inflectionStems(s.base, s.sent.lang)
            .map((w) => gazetteer.places.get(fold(w)))
            .find((k) => k !== undefined)
        : undefined);
    if (kind === undefined || s.kind !== 'name') return false;
    const t = s.sent.ts.tokens[s.a];
    if (s.b - s.a > 1) return true;
    // One word: a country, a region or a large city ("Glasgow is…"), not a small town that is also a word ("Rosso").
    return (
      t !== undefined &&
      kind !== 'town' &&
      !gazetteer.givenNames.has(t.lower) &&
      (lowerCount.get(t.lower) ?? 0) === 0 &&
      !isFunctionWord(t.lower, s.sent.lang)
    );
  };
  all.forEach((sent, si) => {
    for (const s of pieces[si] ?? [])
      s.ev =
        !isStopName(s) &&
        (shortTokens.has(`${si}:${s.a}`) || evidence(s) || ((s.initial || sent.ts.titleCase || sent.german) && gazetteerPlace(s)));
  });

  // What is known to be a name, to read inflections and sentence-initial words.
  const known = new Set<string>(regByKey.keys());
  const surnamesKnown = new Set<string>();
  const knownSingle = new Set([...regByKey.keys()].filter((k) => !k.includes(' ')));
  const learn = () => {
    for (const list of pieces)
      for (const s of list) {
        if (!s.ev) continue;
        const toks = tokensOf(s);
        known.add(s.key);
        if (toks.length === 1) knownSingle.add(s.key);
        const last = toks[toks.length - 1];
        if (last === undefined || toks.length < 2) continue;
        const lastKey = fold(stripInflection(last.text));
        if (personLike(toks, nonPersonKeys, gazetteer.givenNames)) {
          known.add(lastKey);
          knownSingle.add(lastKey);
          surnamesKnown.add(lastKey);
        }
        if (LEGAL_SUFFIXES.has(lowerWord(last.text)) || SHORTENABLE_SUFFIXES.has(lowerWord(last.text))) {
          const short = fold(textOf(s.sent, s.a, s.b - 1));
          known.add(short);
          if (toks.length === 2) knownSingle.add(short);
        }
      }
    for (const e of registry.entries) {
      const words = e.name.split(/\s+/u);
      const last = words[words.length - 1];
      if (e.type === 'person' && words.length >= 2 && last !== undefined) {
        known.add(fold(last));
        knownSingle.add(fold(last));
        surnamesKnown.add(fold(last));
      }
    }
  };
  learn();

  const inflectionKnown = (k: string) => known.has(k) || gazetteer.places.has(k) || gazetteer.givenNames.has(k);
  // Base forms: Swedish/German genitive when the stem is a known name ("Metas" → Meta), acronym plurals.
  for (const list of pieces)
    for (const s of list) {
      const toks = tokensOf(s);
      if (toks.length === 1 && /^\p{Lu}{2,}s$/u.test(s.base)) s.base = s.base.slice(0, -1);
      else if (!gazetteer.places.has(s.key) && !gazetteer.givenNames.has(s.key)) {
        // "Metas" → Meta, "Deutschlands" → Deutschland, "Полины" → Полина: when the stem is a known name.
        const last = toks[toks.length - 1];
        const head = s.base.slice(0, s.base.length - (last?.text.length ?? 0));
        const stem = last
          ? inflectionStems(stripInflection(last.text), s.sent.lang).find((w) => inflectionKnown(fold(head + w)))
          : undefined;
        if (stem !== undefined) s.base = head + stem;
      }
      s.key = fold(s.base);
      // An acronym is written in capitals: "Eu" opening a sentence (Portuguese "I") is not the EU,
      // "Us" not the US, "Who" not the WHO.
      if (s.initial && registryAcronyms.has(s.key) && !ACRONYM_FORM.test(s.base)) s.key = `${s.key}\u0000cased`;
      if (s.initial && known.has(s.key)) s.initial = false;
    }

  // A name run straight into another: "rekryterade Zuckerberg Alexandr Wang" (after a known name),
  // "Googles Gemini" (after a known name's genitive).
  const splitAt = (s: Span, k: number): [Span, Span] => {
    const leftSurface = textOf(s.sent, s.a, s.a + k);
    const leftWord = s.sent.ts.tokens[s.a + k - 1]?.text ?? '';
    const leftBase = textOf(s.sent, s.a, s.a + k - 1) + (k > 1 ? ' ' : '') + genitiveStem(stripInflection(leftWord));
    const surface = textOf(s.sent, s.a + k, s.b);
    const base = surface.slice(0, surface.length - (s.surface.length - s.base.length));
    const right: Span = { ...s, a: s.a + k, surface, base, key: fold(base), initial: false };
    right.ev = !isStopName(right) && evidence(right);
    return [{ ...s, b: s.a + k, surface: leftSurface, base: leftBase, key: fold(leftBase), ev: true }, right];
  };
  const genitiveStem = (w: string): string => (w.endsWith('s') && known.has(fold(w.slice(0, -1))) ? w.slice(0, -1) : w);
  pieces.forEach((list, si) => {
    const out: Span[] = [];
    for (const s of list) {
      const toks = tokensOf(s);
      const t0 = toks[0];
      const t1 = toks[1];
      const last = toks[toks.length - 1];
      if (
        toks.length >= 3 &&
        t0 &&
        t1 &&
        last &&
        knownSingle.has(fold(stripInflection(t0.text))) &&
        personLike(toks.slice(1), nonPersonKeys, gazetteer.givenNames)
      ) {
        // A known name, then a person's full name: known as such, or starting with a given name; after
        // a surname, also a name whose last word is known ("Zuckerberg Alexandr Wang" … "Wang").
        const restKey = fold(textOf(s.sent, s.a + 1, s.b));
        const afterSurname = surnamesKnown.has(fold(stripInflection(t0.text))) && knownSingle.has(fold(stripInflection(last.text)));
        if (known.has(restKey) || FIRST_NAMES.has(t1.lower) || afterSurname) {
          out.push(...splitAt(s, 1));
          continue;
        }
      }
      // A known name of several words, then a person's full name: "Ambassador to the European Union
      // Gordon Sondland", "Deutsche Bank Anshu Jain".
      if (toks.length >= 4) {
        let k = toks.length - 2;
        for (; k >= 2; k--) {
          const rest = toks.slice(k);
          const given = rest[0];
          if (
            rest.length <= 3 &&
            given !== undefined &&
            (FIRST_NAMES.has(given.lower) || gazetteer.givenNames.has(fold(given.text))) &&
            personLike(rest, nonPersonKeys, gazetteer.givenNames) &&
            inflectionKnown(fold(textOf(s.sent, s.a, s.a + k)))
          )
            break;
        }
        if (k >= 2) {
          out.push(...splitAt(s, k));
          continue;
        }
      }
      // A common word of the article opens the sentence and runs into a name: "Bahkan Imam …" ("even
      // the imam"), "Zaman Sahabat …" ("the era of the companions"): the article writes it small elsewhere.
      if (
        s.initial &&
        toks.length >= 2 &&
        t0 !== undefined &&
        !t0.acronym &&
        !t0.mixed &&
        (lowerInArticle.get(`${String(s.sent.art)} ${t0.lower}`) ?? 0) >= 2 &&
        !known.has(s.key) &&
        !gazetteer.places.has(s.key) &&
        !knownSingle.has(fold(t0.text)) &&
        !FIRST_NAMES.has(t0.lower) &&
        !gazetteer.givenNames.has(fold(t0.text)) &&
        !gazetteer.places.has(fold(t0.text))
      ) {
        const [, right] = splitAt(s, 1);
        out.push(right);
        continue;
      }
      // German: a noun, then a place in the genitive ("Wirtschaft Deutschlands", "Hauptstadt Frankreichs").
      if (s.sent.german && toks.length >= 2 && last && !gazetteer.places.has(s.key) && t0 && !adjectival(t0.text)) {
        const stem = [last.text, ...inflectionStems(last.text, s.sent.lang)].find((w) => gazetteer.places.has(fold(w)));
        if (stem !== undefined) {
          const [, right] = splitAt(s, toks.length - 1);
          out.push({ ...right, base: stem, key: fold(stem), ev: true });
          continue;
        }
      }
      const g = s.sent.lang.startsWith('en')
        ? -1
        : toks.findIndex(
            (t, k) => k < toks.length - 1 && t.text.endsWith('s') && !known.has(fold(t.text)) && known.has(fold(t.text.slice(0, -1))),
          );
      if (g >= 0 && !known.has(s.key)) {
        out.push(...splitAt(s, g + 1));
        continue;
      }
      out.push(s);
    }
    pieces[si] = out;
  });
  learn();

  // One reading per token: the longer span wins, a phrase over a run of the same length.
  const selected: Span[][] = all.map((sent, si) => {
    // A pronoun or article at the start of a sentence is never a name, even when one is spelt
    // like it ("He" for the surname of Liu He).
    const cands = [...(pieces[si] ?? []), ...phrases.match(sent)].filter(
      (c) =>
        !(
          c.kind === 'name' &&
          c.b - c.a === 1 &&
          sent.ts.tokens[c.a]?.initial === true &&
          FUNCTION_WORDS.has(lowerWord(c.surface)) &&
          !regByKey.has(c.key)
        ),
    );
    cands.sort((x, y) => y.b - y.a - (x.b - x.a) || (x.kind === y.kind ? 0 : x.kind === 'phrase' ? -1 : 1) || x.a - y.a);
    const taken: boolean[] = [];
    const keep: Span[] = [];
    for (const c of cands) {
      let free = true;
      for (let k = c.a; k < c.b && free; k++) free = taken[k] !== true;
      if (!free) continue;
      for (let k = c.a; k < c.b; k++) taken[k] = true;
      keep.push(c);
    }
    keep.sort((x, y) => x.a - y.a);
    // Lists: "Microsoft, Google, and Amazon have…" (the first item stands at the sentence start);
    // in German, "in Berlin und München".
    for (let k = 0; k + 1 < keep.length; k++) {
      const chain = [keep[k]];
      while (k + 1 < keep.length) {
        const x = keep[k];
        const y = keep[k + 1];
        if (!x || !y || !LIST_GAP.test(sent.ts.text.slice(sent.ts.tokens[x.b - 1]?.end ?? 0, sent.ts.tokens[y.a]?.start ?? 0))) break;
        chain.push(y);
        k++;
      }
      const members = chain.filter((s): s is Span => s !== undefined && s.kind === 'name' && !isStopName(s));
      const evCount = members.filter((s) => s.ev).length;
      if (members.length >= 3 && evCount >= 2) for (const s of members) s.ev = true;
      const head = members[0];
      if (sent.german && members.length >= 2 && head !== undefined && (head.ev || regByKey.has(head.key)))
        for (const s of members) if (!s.initial) s.ev = true;
    }
    return keep;
  });

  // The same term in two languages: "superintelligens" and "superintelligence".
  const termLangs = new Map<string, Set<string>>();
  for (const list of selected)
    for (const s of list)
      if (s.kind === 'phrase' && s.key.startsWith('t:') && !s.key.includes(' ') && s.key.length >= 10) {
        const langs = termLangs.get(s.key) ?? new Set<string>();
        langs.add(s.sent.lang);
        termLangs.set(s.key, langs);
      }
  const buckets = new Map<string, string[]>();
  for (const k of termLangs.keys()) buckets.set(k.slice(0, 8), [...(buckets.get(k.slice(0, 8)) ?? []), k]);
  for (const keys of buckets.values())
    for (let x = 0; x < keys.length; x++)
      for (let y = x + 1; y < keys.length; y++) {
        const kx = keys[x] ?? '';
        const ky = keys[y] ?? '';
        let common = 0;
        while (common < kx.length && kx[common] === ky[common]) common++;
        const otherLang = [...(termLangs.get(kx) ?? [])].some((l) => !(termLangs.get(ky) ?? new Set()).has(l));
        if (otherLang && common >= Math.max(kx.length, ky.length) - 3) uf.union(kx, ky);
      }

  // Same thing, other names.
  for (const list of selected)
    for (const s of list) {
      if (s.kind !== 'name') continue;
      const toks = tokensOf(s);
      const last = toks[toks.length - 1];
      // "Scale AI" → "Scale", "Vinterfjord AB" → "Vinterfjord".
      if (s.ev && toks.length >= 2 && last !== undefined && LEGAL_SUFFIXES.has(lowerWord(last.text))) {
        const short = fold(textOf(s.sent, s.a, s.b - 1));
        const owner = regByKey.get(short);
        if (owner === undefined || uf.find(`reg:${owner.id}`) === uf.find(s.key)) uf.union(s.key, short);
      }
      const award = AWARD.exec(s.base);
      if (award?.[1] !== undefined && award[1].length >= 3) {
        uf.union(s.key, `award:${fold(award[1])}`);
        hint(`award:${fold(award[1])}`, 'concept', 6);
      }
    }
  for (const e of registry.entries)
    for (const n of [e.name, ...e.aliases]) {
      const award = AWARD.exec(n);
      if (award?.[1] !== undefined && award[1].length >= 3) uf.union(`reg:${e.id}`, `award:${fold(award[1])}`);
    }

  // Surnames: "LeCun" after "Yann LeCun". Unique in the corpus: one cluster; else per article.
  const bySurname = new Map<string, Set<string>>();
  const fullIn = new Map<string, Set<string>>(); // `${art} ${surname}` → roots with that surname in the article
  const addSurname = (surname: string, root: string, art: number | null) => {
    const set = bySurname.get(surname) ?? new Set<string>();
    set.add(root);
    bySurname.set(surname, set);
    if (art === null) return;
    const k = `${art} ${surname}`;
    const inArt = fullIn.get(k) ?? new Set<string>();
    inArt.add(root);
    fullIn.set(k, inArt);
  };
  for (const list of selected)
    for (const s of list) {
      const toks = tokensOf(s);
      const last = toks[toks.length - 1];
      if (s.kind === 'name' && s.ev && last !== undefined && personLike(toks, nonPersonKeys, gazetteer.givenNames))
        addSurname(fold(stripInflection(last.text)), uf.find(s.key), s.sent.art);
    }
  for (const e of registry.entries) {
    const words = e.name.split(/\s+/u);
    const last = words[words.length - 1];
    if (e.type === 'person' && words.length >= 2 && last !== undefined) addSurname(fold(last), uf.find(`reg:${e.id}`), null);
  }
  for (const [surname, roots] of bySurname) {
    const owner = regByKey.get(surname);
    const claimed = owner !== undefined && !roots.has(uf.find(`reg:${owner.id}`));
    const only = [...roots][0];
    if (!claimed && roots.size === 1 && only !== undefined) uf.union(surname, only);
  }
  // "Harbor" for "Harbor Robotics", in the article that names it in full.
  const shortIn = new Map<string, Set<string>>();
  for (const list of selected)
    for (const s of list) {
      const toks = tokensOf(s);
      const last = toks[toks.length - 1];
      const first = toks[0];
      if (s.kind !== 'name' || !s.ev || toks.length !== 2 || !last || !first || !SHORTENABLE_SUFFIXES.has(lowerWord(last.text))) continue;
      const k = `${String(s.sent.art)} ${fold(stripInflection(first.text))}`;
      shortIn.set(k, new Set([...(shortIn.get(k) ?? []), uf.find(s.key)]));
    }
  // "Taylor" for "Taylor Swift": a given name alone stands for the one person of that given name in its article.
  const givenIn = new Map<string, Set<string>>();
  for (const list of selected)
    for (const s of list) {
      const toks = tokensOf(s);
      const first = toks[0];
      if (s.kind !== 'name' || !s.ev || toks.length < 2 || first === undefined) continue;
      if (!(FIRST_NAMES.has(first.lower) || gazetteer.givenNames.has(fold(first.text)))) continue;
      if (!personLike(toks, nonPersonKeys, gazetteer.givenNames)) continue;
      const k = `${String(s.sent.art)} ${fold(first.text)}`;
      givenIn.set(k, new Set([...(givenIn.get(k) ?? []), uf.find(s.key)]));
    }
  const rootOf = (s: Span): string => {
    if (s.b - s.a === 1) {
      const named = givenIn.get(`${String(s.sent.art)} ${s.key}`);
      const person = named && named.size === 1 ? [...named][0] : undefined;
      if (person !== undefined && !regByKey.has(s.key) && !fullIn.has(`${String(s.sent.art)} ${s.key}`) && uf.find(s.key) === s.key)
        return uf.find(person);
      const short = shortIn.get(`${String(s.sent.art)} ${s.key}`);
      const company = short && short.size === 1 ? [...short][0] : undefined;
      if (company !== undefined && !regByKey.has(s.key)) return uf.find(company);
      const inArt = fullIn.get(`${s.sent.art} ${s.key}`);
      const only = inArt && inArt.size === 1 ? [...inArt][0] : undefined;
      if (only !== undefined && (bySurname.get(s.key)?.size ?? 0) > 1) return uf.find(only);
    }
    return uf.find(s.key);
  };

  // Clusters, in corpus order of first mention.
  const byRoot = new Map<string, Span[]>();
  for (const list of selected)
    for (const s of list) {
      // A lone letter ("É", "E") is no mention of anything, whatever it was merged with.
      if (s.kind === 'name' && s.b - s.a === 1 && fold(s.base).length <= 1) continue;
      const root = rootOf(s);
      const l = byRoot.get(root) ?? [];
      l.push(s);
      byRoot.set(root, l);
    }
  const regOfRoot = new Map<string, RegistryEntry>();
  for (const e of registry.entries) {
    const r = uf.find(`reg:${e.id}`);
    if (!regOfRoot.has(r)) regOfRoot.set(r, e);
  }
  const hintsOfRoot = new Map<string, TypeScores>();
  for (const [key, h] of hints) {
    const r = uf.find(key);
    const into = hintsOfRoot.get(r) ?? {};
    for (const [t, w] of Object.entries(h) as [EntityType, number][]) into[t] = Math.max(into[t] ?? 0, w);
    hintsOfRoot.set(r, into);
  }
  const acronymOfRoot = new Map<string, string>();
  for (const [key, name] of acronymName) if (!acronymOfRoot.has(uf.find(key))) acronymOfRoot.set(uf.find(key), name);

  // First words of longer names: "Llama" beside "Llama 4".
  const heads = new Set<string>();
  for (const list of selected) for (const s of list) if (s.ev && s.b - s.a >= 2) heads.add(fold(s.sent.ts.tokens[s.a]?.text ?? ''));
  const clusters: Cluster[] = [];
  for (const [root, spans] of byRoot) {
    const reg = regOfRoot.get(root) ?? null;
    const h = hintsOfRoot.get(root) ?? {};
    const named = spans.some((s) => s.ev) || spans.some((s) => s.kind === 'phrase');
    if (!reg && !named) continue;
    if (!reg && spans.every((s) => isStopName(s) || (s.kind === 'name' && s.b - s.a === 1 && fold(s.base).length <= 1))) continue;
    if (!reg && spans.every((x) => x.kind === 'name' && x.b - x.a === 1)) {
      const word = spans[0]?.sent.ts.tokens[spans[0].a];
      const evCount = spans.filter((x) => x.ev).length;
      const common = lowerCount.get(lowerWord(spans[0]?.base ?? '')) ?? 0;
      if (word !== undefined && !word.mixed && !word.acronym && !word.alnum && common >= Math.max(2, 3 * evCount)) continue;
    }
    // A name met once, in the whole corpus, with nothing but its capitals to show for it is a
    // name in passing more often than not: it needs a sign of what it is.
    const once = spans.length === 1 ? spans[0] : undefined;
    if (
      !reg &&
      once !== undefined &&
      (sents[once.sent.art]?.length ?? 0) >= ONCE_MIN_SENTENCES &&
      !onceNamed(once, h, gazetteer) &&
      !heads.has(once.key)
    )
      continue;
    clusters.push({ spans, registry: reg, acronym: acronymOfRoot.get(root) ?? null, hints: h });
  }
  // Single words known as names, other than surnames, are not first names ("Android Auto", "Amazon Alexa").
  const surnames = new Set(bySurname.keys());
  for (const k of knownSingle) if (!surnames.has(k) && !FIRST_NAMES.has(k) && !gazetteer.givenNames.has(k)) nonPersonKeys.add(k);
  return { sents, clusters, nonPersonKeys, gazetteer };
}

/**
 * What an acronym's expansion says it names: an organisation by a head word ("National Security
 * Council", "Techniker Krankenkasse", "Università di Bologna"), an event ("American Music Awards"),
 * a law; a common noun phrase is a concept ("large language models", "elektronische
 * Gesundheitskarte", one German compound "Praxisverwaltungssystem"); else a name, most often an
 * organisation's. Small words tell a common noun only in English and German.
 */
function expansionType(words: readonly Token[], lang: string): EntityType {
  const lowers = words.map((t) => lowerWord(t.text));
  const last = lowers[lowers.length - 1] ?? '';
  if (
    lowers.some((l) => ORG_SUFFIXES.has(l) || ORG_HEADS.includes(l) || endsWithHead(l, ORG_COMPOUND_HEADS)) ||
    ORG_HEADS_FIRST.has(lowers[0] ?? '')
  )
    return 'organization';
  if (EVENT_SUFFIXES.has(last) || last === 'awards') return 'event';
  if (endsWithHead(last, LAW_HEADS) || LAW_WORDS.has(last)) return 'concept';
  // In German an adjective is written small ("elektronische Fallakte") unless it opens the sentence or
  // heading ("Elektronische Fallakte (eFA)"); a name's adjective is capitalised everywhere ("die Deutsche Bahn").
  // Other languages write names in sentence case ("Kungliga Tekniska högskolan", "Organisation mondiale
  // de la santé"): there only a phrase all in small letters is a common noun.
  const german = lang.startsWith('de');
  if (!german && !lang.startsWith('en')) return words.every((t) => !t.cap) ? 'concept' : 'organization';
  const common = words.some(
    (t) =>
      (!t.cap && !t.acronym && !isFunctionWord(t.lower, lang) && !FUNCTION_WORDS.has(t.lower)) ||
      (german && t.initial && adjectival(t.text)),
  );
  const compound = words.length === 1 && german && (words[0]?.text.length ?? 0) >= 10;
  return common || compound ? 'concept' : 'organization';
}

/**
 * An article of at least this many sentences names in passing what it names once: such a name
 * needs {@link onceNamed} evidence (in a short text, one mention is all there is).
 */
const ONCE_MIN_SENTENCES = 12;

/**
 * Whether a name mentioned once stands on its own: a place of the gazetteer (not a mere town), a given name before
 * another name, a suffix that says organisation, place or event ("Kranich Capital", "Forest
 * Hills", "Web Summit"), a role before it ("CEO Jane Doe"), or type evidence from how it was found
 * (an acronym's expansion, a term cue, an award).
 */
function onceNamed(s: Span, hints: TypeScores, gazetteer: Gazetteer): boolean {
  const toks = tokensOf(s);
  const first = toks[0];
  const last = lowerWord(toks[toks.length - 1]?.text ?? '');
  if ((gazetteer.places.get(s.key) ?? 'town') !== 'town' || Object.keys(hints).length > 0 || s.kind === 'phrase') return true;
  // Its shape: "Llama 4", "AppleSkin", "GPT-4o".
  if (toks.some((t) => t.mixed || t.alnum || (t.number && toks.length >= 2))) return true;
  if (isRole(s.sent.ts.tokens[s.a - 1]?.lower ?? '')) return true;
  if (toks.length < 2 || first === undefined) return false;
  if (FIRST_NAMES.has(first.lower) || gazetteer.givenNames.has(fold(first.text))) return true;
  return ORG_SUFFIXES.has(last) || PLACE_SUFFIXES.has(last) || EVENT_SUFFIXES.has(last);
}

/** Evidence, from one occurrence, that a capitalised run is a name. */
function evidence(s: Span): boolean {
  const { ts } = s.sent;
  const toks = tokensOf(s);
  const lone = ts.tokens.length === toks.length;
  const numbered = !s.sent.german && !s.initial && toks.some((t) => t.number); // "Llama 4"
  const shape =
    !ts.shouting &&
    (numbered || toks.some((t) => t.mixed || t.alnum || (t.acronym && !NOT_NAMES.has(lowerWord(t.text).replace(/s$/u, '')) && !lone)));
  if (shape) return true;
  if (s.sent.german) return germanEvidence(s);
  if (ts.titleCase) return false;
  // A lone capitalised word in a heading or list item ("(180 gr) Registrazione originale",
  // "Coltello colore: Rosso") is a label more often than a name: it needs support from elsewhere.
  if (ts.heading && toks.length === 1 && !toks[0]?.mixed) return false;
  if (!s.initial) return true;
  // "Mark Zuckerberg, CEO of Meta, is…": the words after the first are capitalised mid-sentence.
  return toks.length >= 2 && toks.slice(1).some((t) => t.cap && !t.initial);
}
