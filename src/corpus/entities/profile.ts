/**
 * What the corpus says about each entity: its display name, every surface form, its type (from
 * the registry, else from cues around its mentions), descriptions quoted from appositions and
 * roles ("Mark Zuckerberg, CEO of Meta," → "CEO of Meta"), and the sentences that best inform
 * about it. Every description and fact is text of an article, with its article and sentence.
 */
import type { EntityType, Fact } from '../../core/corpus';
import type { Cluster, Discovery, TypeScores } from './discover';
import type { Gazetteer } from './gazetteer';
import {
  ANAPHORIC,
  CELESTIAL,
  CONJUNCTIONS,
  DETERMINERS,
  DROPPABLE_SUFFIXES,
  EVENT_HEADS,
  EVENT_HEADS_FIRST,
  EVENT_SUFFIXES,
  HOLIDAYS,
  HONORIFIC_SUFFIXES,
  ORG_COMPOUND_HEADS,
  ORG_HEADS_FIRST,
  PLACE_COMPOUND_HEADS,
  PLACE_HEADS_FIRST,
  PRODUCT_AFTER,
  RELIGIONS,
  SCRIPTURES,
  SCRIPTURE_TITLE_FIRST,
  TITLE_FIRST,
  DEITIES,
  ARABIC_NAME_FIRST,
  FIRST_NAMES,
  FUNCTION_WORDS,
  HONORIFICS,
  INVEST_WORDS,
  LAW_HEADS,
  LAW_WORDS,
  LIST_LINKS,
  LIST_ORG_HEADS,
  LIST_PRODUCT_HEADS,
  MEDIA_HEADS,
  MEDIA_VERBS,
  ORG_HEADS,
  ORG_PARTS,
  ORG_SUFFIXES,
  PLACE_FIRST,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  WEEKDAYS,
  PRODUCT_SUFFIXES,
  PRONOUN_POSSESSIVES,
  PLACE_SUFFIXES,
  PRODUCT_HEADS,
  RELATIVE_PERSON,
  RELATIVE_THING,
  ROLE_MODIFIERS,
  ROLE_PREPOSITIONS,
  SAY_VERBS,
  WORK_HEADS,
  endsWithHead,
  isRole,
  lowerWord,
} from './lexicon';
import { type Sent, type Span, adjectival, personLike, tokensOf } from './spans';
import { type Token, fold, gapAfter, gapBefore, isFunctionWord, isSpace, stripInflection } from './tokens';

export type DescriptionKind = 'apposition' | 'role' | 'relative' | 'dash';

/** A clause of an article that says what an entity is, with where it stands. */
export interface Description {
  text: string;
  articleId: string;
  sentence: number;
  kind: DescriptionKind;
}

export interface Profile {
  name: string;
  type: EntityType;
  aliases: string[];
  /** Best first; `description` of the entity is the first one's text. */
  descriptions: Description[];
  facts: Fact[];
  wikidata: string | null;
}

/** At most this many facts per entity, and per article. */
const MAX_FACTS = 4;
const MAX_FACTS_PER_ARTICLE = 3;
const TYPE_ORDER: readonly EntityType[] = ['person', 'organization', 'product', 'place', 'event', 'concept', 'work'];

interface Placed {
  a: number;
  b: number;
  cluster: number;
  span: Span;
}

interface Candidate extends Description {
  sent: Sent;
  a: number;
  b: number;
  score: number;
  /** The relative pronoun, for relative clauses (who ≠ which). */
  pronoun: string | null;
  /** A role word or a noun heads the description: evidence of the type. */
  cue: EntityType | null;
}

const isHead = (l: string, heads: readonly string[]) => endsWithHead(l, heads);
const headType = (l: string): EntityType | null =>
  isRole(l)
    ? 'person'
    : isHead(l, ORG_HEADS)
      ? 'organization'
      : isHead(l, PRODUCT_HEADS)
        ? 'product'
        : isHead(l, PLACE_HEADS)
          ? 'place'
          : isHead(l, EVENT_HEADS)
            ? 'event'
            : isHead(l, WORK_HEADS)
              ? 'work'
              : null;

export function profiles(d: Discovery): Profile[] {
  // Where every mention stands, by sentence.
  const placed = new Map<Sent, Placed[]>();
  d.clusters.forEach((c, ci) => {
    for (const span of c.spans) {
      const list = placed.get(span.sent) ?? [];
      list.push({ a: span.a, b: span.b, cluster: ci, span });
      placed.set(span.sent, list);
    }
  });
  for (const list of placed.values()) list.sort((x, y) => x.a - y.a);
  const listCues = listTypeCues(placed);

  const drafts = d.clusters.map((c) => {
    const name = nameOf(c);
    const candidates = c.spans.flatMap((s) => describe(s, placed));
    return { c, name, candidates, type: typeOf(c, candidates, listCues, d.nonPersonKeys, d.gazetteer) };
  });
  const types = typesOfCompounds(drafts, d.gazetteer);
  return drafts.map(({ c, name, candidates }, ci) => {
    const type = types[ci] ?? 'organization';
    const descriptions = rankDescriptions(candidates, type, ci, placed);
    return {
      name,
      type,
      aliases: aliasesOf(c, name),
      descriptions,
      facts: factsOf(c, ci, name, descriptions, placed),
      wikidata: c.registry?.wikidata ?? null,
    };
  });
}

/**
 * Names that open with another entity's name take their type from it: a maker's name before a
 * product's ("LEGO Star Wars", "Volkswagen ID.3", "Boeing 777X") is a product, a title before a
 * subtitle ("Star Trek Beyond") a work; not when the rest says organisation ("Google Cloud
 * Platform Inc", "Volkswagen Group").
 */
function typesOfCompounds(drafts: readonly { c: Cluster; name: string; type: EntityType }[], gaz: Gazetteer): EntityType[] {
  const byForm = new Map<string, EntityType>();
  for (const { c, name, type } of drafts)
    if (type === 'organization' || type === 'work')
      for (const f of [name, ...c.spans.map((s) => s.base)]) if (!f.includes(' ') || type === 'work') byForm.set(fold(f), type);
  return drafts.map(({ c, name, type }) => {
    if (c.registry || type === 'product' || type === 'event' || type === 'place') return type;
    const words = name.split(/\s+/u);
    const lastKey = lowerWord(words[words.length - 1] ?? '');
    if (words.length < 2 || ORG_SUFFIXES.has(lastKey) || endsWithHead(lastKey, ORG_HEADS) || endsWithHead(lastKey, ORG_COMPOUND_HEADS))
      return type;
    for (let k = words.length - 1; k >= 1; k--) {
      const head = byForm.get(fold(words.slice(0, k).join(' ')));
      // Not a team named by its city ("Cleveland Browns"), not an institution's head word and its
      // complement ("Università di Bologna", "Bank of America").
      const firstKey = lowerWord(words[0] ?? '');
      if (
        head === 'organization' &&
        k === 1 &&
        /^[\p{Lu}\p{N}]/u.test(words[1] ?? '') &&
        !gaz.places.has(fold(words[0] ?? '')) &&
        !ORG_HEADS_FIRST.has(firstKey) &&
        !ORG_HEADS.includes(firstKey)
      )
        return 'product';
      if (head === 'work') return 'work';
    }
    return type;
  });
}

/** The registry's name; an acronym with its expansion; else the fullest form seen ("Yann LeCun" over "LeCun"). */
function nameOf(c: Cluster): string {
  if (c.registry) return c.registry.name;
  if (c.acronym !== null) return c.acronym;
  const pool = c.spans.some((s) => s.ev && s.kind === 'name') ? c.spans.filter((s) => s.ev && s.kind === 'name') : c.spans;
  const stats = new Map<string, { n: number; tokens: number; first: number; text: string }>();
  pool.forEach((s, i) => {
    let text = s.base;
    // A term at the start of a sentence: "Superintelligence" is "superintelligence".
    if (s.kind === 'phrase' && s.sent.ts.tokens[s.a]?.initial === true && c.spans.some((o) => /^\p{Ll}/u.test(o.base)))
      text = text.charAt(0).toLowerCase() + text.slice(1);
    const st = stats.get(text) ?? { n: 0, tokens: s.b - s.a, first: i, text };
    st.n++;
    stats.set(text, st);
  });
  const forms = [...stats.values()];
  const has = new Set(forms.map((f) => fold(f.text)));
  const score = (f: { n: number; tokens: number; text: string }) => {
    const words = f.text.split(/\s+/u);
    const last = fold(words[words.length - 1] ?? '');
    // "Vinterfjord AB" → "Vinterfjord" when the short form is used too.
    const droppable = words.length > 1 && DROPPABLE_SUFFIXES.has(last) && has.has(fold(words.slice(0, -1).join(' ')));
    return (droppable ? 0 : Math.min(f.tokens, 4) * 100) + f.n;
  };
  forms.sort((x, y) => score(y) - score(x) || x.first - y.first);
  return forms[0]?.text ?? c.spans[0]?.base ?? '';
}

/** Every surface form seen, then the registry's names; not the display name itself. */
function aliasesOf(c: Cluster, name: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([name]);
  const seenFolded = new Set<string>([fold(name)]);
  const add = (s: string, foldCase: boolean) => {
    if (seen.has(s) || (foldCase && seenFolded.has(fold(s)))) return;
    seen.add(s);
    seenFolded.add(fold(s));
    out.push(s);
  };
  for (const s of c.spans) {
    const lowerTerm = s.kind === 'phrase' && c.spans.some((o) => /^\p{Ll}/u.test(o.base));
    add(s.base, lowerTerm);
    add(s.surface, lowerTerm);
  }
  if (c.registry) for (const a of [c.registry.name, ...c.registry.aliases]) add(a, false);
  return out;
}

function typeOf(
  c: Cluster,
  candidates: readonly Candidate[],
  listCues: Map<string, TypeScores>,
  nonPersonKeys: ReadonlySet<string>,
  gaz: Gazetteer,
): EntityType {
  if (c.registry) return c.registry.type;
  const score: Record<EntityType, number> = { person: 0, organization: 0, product: 0, place: 0, event: 0, concept: 0, work: 0 };
  const add = (t: EntityType, w: number) => (score[t] += w);
  // A given name and a surname: "Chris Pine’s Captain Kirk" is a character's role, not an organisation's staff.
  let personal = false;
  for (const [t, w] of Object.entries(c.hints) as [EntityType, number][]) add(t, w);
  // The shape of the fullest name.
  const full = [...c.spans].filter((s) => s.kind === 'name').sort((x, y) => y.b - y.a - (x.b - x.a) || Number(y.ev) - Number(x.ev))[0];
  if (full) {
    const toks = tokensOf(full);
    const first = toks[0];
    const lastKey = lowerWord(toks[toks.length - 1]?.text ?? '');
    if (toks.some((t) => t.number || t.alnum) && !ORG_SUFFIXES.has(lastKey)) add('product', 3);
    if (ORG_SUFFIXES.has(lastKey) && toks.length > 1) add('organization', 4);
    if (endsWithHead(lastKey, MEDIA_HEADS)) add('organization', 4);
    if (PLACE_SUFFIXES.has(lastKey) && toks.length > 1) add('place', 3);
    if (EVENT_SUFFIXES.has(lastKey) && toks.length > 1) add('event', 3);
    // Places and personal names of the gazetteer: "Glasgow", "South Dakota", "Guido Pella", "Suzete".
    const place = gaz.places.get(full.key) ?? null;
    const given =
      first !== undefined &&
      (FIRST_NAMES.has(first.lower) ||
        gaz.givenNames.has(fold(stripInflection(first.text))) ||
        (toks.length === 1 && gaz.givenNames.has(full.key)) ||
        // "Jo-Wilfried", "Pierre-Hugues": given names joined by a hyphen.
        (/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(first.text) && first.text.split('-').every((w) => gaz.givenNames.has(fold(w)))));
    // A full list of given names: a pair whose first word is not on it is hardly a person's name.
    const thorough = gaz.givenNames.size >= 1000;
    const surname = toks.length >= 2 && gaz.surnames.has(fold(stripInflection(toks[toks.length - 1]?.text ?? '')));
    const town = place === 'city' || place === 'town';
    if (place !== null) add('place', !town ? 6 : toks.length >= 2 || !given ? 5 : 1.5);
    // "Fiona Hill", "Sally Field": a given name and a surname that is also a place's last word; the context decides.
    if (toks.length === 2 && given && surname && place === null && PLACE_SUFFIXES.has(lastKey)) add('person', 3);
    // Laws and treaties are concepts: "Affordable Care Act", "E-Health-Gesetz", "Dataskyddslagen".
    if (endsWithHead(lastKey, LAW_HEADS) || (toks.length >= 2 && LAW_WORDS.has(lastKey))) add('concept', 4);
    // "Saturn", "Titan", "Solar System": bodies of the sky are places.
    if (CELESTIAL.has(full.key.replace(/^the /u, '').replace(/ /gu, '-'))) add('place', 5);
    // What the words of the name say it is, in languages that put the head first or last: "Escola
    // de Belas Artes", "Giorno del Ringraziamento", "Techniker Krankenkasse", "Alexanderplatz".
    const firstKey = first?.lower ?? '';
    const multi = toks.length >= 2;
    const headed =
      (multi && ORG_HEADS_FIRST.has(firstKey)) ||
      (multi && EVENT_HEADS_FIRST.has(firstKey)) ||
      (multi && PLACE_HEADS_FIRST.has(firstKey)) ||
      (multi && SCRIPTURE_TITLE_FIRST.has(firstKey)) ||
      endsWithHead(lastKey, ORG_COMPOUND_HEADS) ||
      endsWithHead(lastKey, PLACE_COMPOUND_HEADS);
    if (multi && ORG_HEADS_FIRST.has(firstKey)) add('organization', 4);
    if (multi && EVENT_HEADS_FIRST.has(firstKey)) add('event', 4);
    if (multi && PLACE_HEADS_FIRST.has(firstKey)) add('place', 4);
    if (multi && SCRIPTURE_TITLE_FIRST.has(firstKey)) add('work', 4);
    if (endsWithHead(lastKey, ORG_COMPOUND_HEADS) && !first?.acronym) add('organization', 3);
    if (endsWithHead(lastKey, PLACE_COMPOUND_HEADS)) add('place', 3);
    // Holidays, scriptures and religions: "Natale", "Thanksgiving", "Al Qur’an", "Islam".
    const bare = full.key.replace(/^(?:the|al|al-) /u, '');
    if (HOLIDAYS.has(full.key) || HOLIDAYS.has(bare) || HOLIDAYS.has(full.key.replace(/ /gu, ''))) add('event', 6);
    if (SCRIPTURES.has(full.key) || SCRIPTURES.has(bare) || SCRIPTURES.has(full.key.replace(/ /gu, ''))) add('work', 6);
    if (RELIGIONS.has(full.key)) add('concept', 6);
    // "Marxism", "Buddhismus", "capitalismo": doctrines.
    else if (toks.length === 1 && /\p{L}{3}(?:ism|ismus|ismo|isme)$/u.test(first?.text ?? '')) add('concept', 3);
    // A title that opens a name ("Imam Malik", "Nabi Adam") or an honorific after it ("Rasulullah SAW").
    if (multi && (TITLE_FIRST.has(firstKey) || ARABIC_NAME_FIRST.has(firstKey))) add('person', 4);
    if (DEITIES.has(full.key) || DEITIES.has(full.key.replace(/ (?:swt|saw|s\.w\.t|s\.a\.w)$/u, ''))) add('person', 6);
    if (multi && HONORIFIC_SUFFIXES.has(lastKey) && toks[toks.length - 1]?.text === toks[toks.length - 1]?.text.toUpperCase())
      add('person', 5);
    if (toks.length === 1 && given && place === null && !first.acronym && !headed) add('person', 2.5);
    // A capitalised pair is a person's name when a word of it is a known personal name; the
    // bare shape is weak ("Ritorno al Futuro", "Altoparlanti Integrati").
    // A name with a country, region or city in it and no given name is no person's: "Real Madrid",
    // "Yobe North", "Boston Celtics" (a team named by its city, which the gold calls a place too).
    const placeWord =
      multi &&
      !given &&
      place === null &&
      toks.some((t) => {
        const k = gaz.places.get(fold(stripInflection(t.text)));
        return k !== undefined && k !== 'town' && !gaz.givenNames.has(fold(t.text));
      });
    if (placeWord) add('place', 2);
    if (!headed && !placeWord && personLike(toks, nonPersonKeys, gaz.givenNames)) {
      add('person', given ? 4 : surname ? 2.5 : thorough ? 0.6 : 1);
      personal = given;
    } else if (toks.length >= 2 && first !== undefined && PLACE_FIRST.has(first.lower)) add('place', 2);
    else if (toks.length >= 2 && first !== undefined && !given && adjectival(first.text)) add('organization', 1.5);
    if (toks.length >= 2 && PRODUCT_SUFFIXES.has(lastKey)) add('product', 2);
    if (toks.some((t) => /^i\p{Lu}/u.test(t.text))) add('product', 2); // "iPhone", "iOS"
    if (toks.length >= 2 && toks.some((t) => WEEKDAYS.has(t.lower))) add('event', 3); // "Black Friday", "Super Tuesday"
    if (toks.length === 1) add('organization', first?.acronym === true ? 1 : 0.5);
  }
  // "Nissan said", "Austria argued": companies and countries speak too; a verb of saying tells a
  // person only together with a personal name.
  const single = c.spans.every((s) => s.b - s.a === 1);
  for (const s of c.spans) {
    contextCues(s, add, single, gaz, personal);
    const l = listCues.get(spanId(s));
    if (l) for (const [t, w] of Object.entries(l) as [EntityType, number][]) add(t, w);
  }
  for (const d of candidates) {
    if (d.cue !== null) add(d.cue, d.kind === 'role' ? 0 : 2); // pre-nominal cues are counted by contextCues
    if (d.pronoun !== null) {
      if (RELATIVE_PERSON.has(d.pronoun) && !RELATIVE_THING.has(d.pronoun)) add('person', 2);
      if (RELATIVE_THING.has(d.pronoun) && !RELATIVE_PERSON.has(d.pronoun)) add('organization', 1);
    }
  }
  let best: EntityType = 'organization';
  for (const t of TYPE_ORDER) if (score[t] > score[best]) best = t;
  return best;
}

/** A gazetteer this large is a full one (the pinned data packages), not a test's handful. */
const PLACES_THOROUGH = 10_000;
/** Prepositions of space before "the": what follows is a place. */
const SPATIAL_PREPOSITIONS = new Set(
  'between along across over above below beneath under beside around through alongside zwischen entlang über unter neben längs mellan längs över under bredvid runt'.split(
    ' ',
  ),
);
/** Marks of an example inside parentheses: "(e.g. XML, JSON)", "(z.B. HL7)". */
const EXAMPLE_MARKS = new Set(['e.g.', 'eg', 'z.b.', 'zb', 't.ex.', 'bspw.', 'bspw', 'ex.', 'p.ex.', 'por', 'like', 'etwa', 'wie']);
/** Plural heads of lists of standards, formats and laws. */
const LIST_CONCEPT_HEADS = new Set(
  'standards standard protocols protocol formats format laws regulations standarder protokoll format lagar normen protokolle formate gesetze richtlinien'.split(
    ' ',
  ),
);

/** Nouns after a name that say it is a town's or a region's ("Forest Hill police", "Oakland residents"). */
const PLACE_AFTER = new Set(
  'police residents mayor sheriff townspeople inhabitants province district county polisen invånare län kommun polizei einwohner bürgermeister provinz'.split(
    ' ',
  ),
);
/** Nouns after a name that say it is a title ("the Star Trek films", "a Beatles album"). */
const WORK_AFTER = new Set('film films movie movies franchise novel novels album albums trilogy sequel sequels soundtrack'.split(' '));

/** Plural vehicles and devices after a name are its maker's: "30 Boeing jets", "Ford trucks". */
const MAKER_PLURALS = new Set('jets planes airliners cars trucks vehicles consoles laptops phones smartphones tablets drones'.split(' '));
/** A year is no model number ("in 2019 Tesla…"). */
const CALENDAR_YEAR = /^(?:1[89]|20)\d\d$/u;

const spanId = (s: Span) => `${String(s.sent.art)}:${String(s.sent.idx)}:${String(s.a)}`;

/** Words around one mention that tell the type. */
function contextCues(s: Span, add: (t: EntityType, w: number) => void, single: boolean, gaz: Gazetteer, personal: boolean): void {
  const { ts } = s.sent;
  const toks = ts.tokens;
  const p1 = toks[s.a - 1];
  const p2 = toks[s.a - 2];
  const n1 = toks[s.b];
  const oneWord = s.b - s.a === 1;
  const placeKind = gaz.places.get(s.key);
  // With a full gazetteer, one word it does not know is seldom a place: "from Volkswagen", "at Walmart".
  const unknownWord = oneWord && placeKind === undefined && gaz.places.size >= PLACES_THOROUGH;
  if (p1 !== undefined && isSpace(gapBefore(ts, s.a))) {
    const l = p1.lower;
    const head = headType(l);
    if (head !== null) add(head, 3);
    else if (HONORIFICS.has(l)) add('person', 3);
    if (SAY_VERBS.has(l) && !single) add('person', 2);
    if (MEDIA_VERBS.has(l)) add('organization', 2);
    if (PLACE_PREPOSITIONS.has(l)) {
      const before = toks.slice(Math.max(0, s.a - 5), s.a - 1);
      const invest = before.some((t) => INVEST_WORDS.has(t.lower));
      // "a concept car from Volkswagen", "the new phone from Nokia": the maker of a thing.
      const maker =
        l !== 'in' && l !== 'i' && l !== 'im' && before.some((t) => PRODUCT_AFTER.has(t.lower) || PRODUCT_HEADS.includes(t.lower));
      // "from MarketAxess", "in WhatsApp": a word with an inner capital is a brand, not a place.
      const brand = oneWord && toks[s.a]?.mixed === true;
      if (invest || brand || maker) add('organization', 1.5);
      else add('place', unknownWord ? 0.75 : 1.5);
    }
    // "between the Herengracht and the Amstel", "along the Thames": a place after a preposition of space.
    if (DETERMINERS.has(l) && p2 !== undefined && isSpace(gapBefore(ts, s.a - 1)) && SPATIAL_PREPOSITIONS.has(p2.lower)) add('place', 1.5);
    // "at Heinz Field", "at Moscone Center": a venue.
    if (l === 'at' && s.b - s.a >= 2 && PLACE_SUFFIXES.has(lowerWord(toks[s.b - 1]?.text ?? ''))) add('place', 1.5);
    if (ROLE_PREPOSITIONS.has(l) && p2 !== undefined && isRole(p2.lower)) add('organization', 3);
    if (l === 'till' && p2?.lower === 'uppgifter') add('organization', 2);
    // Portuguese, Italian, Spanish and Catalan put an article before a person's name too ("a Suzete");
    // countries and regions take one too ("the UK", "the Netherlands").
    const country = placeKind !== undefined && placeKind !== 'town' && placeKind !== 'city';
    if (
      DETERMINERS.has(l) &&
      !/^(?:pt|it|es|ca)/u.test(s.sent.lang) &&
      !country &&
      !(p2 !== undefined && SPATIAL_PREPOSITIONS.has(p2.lower))
    ) {
      // "the Oakland startup", "die Berliner Firma": a single name before a company noun says where it is;
      // else "told the Bay Ledger", "dem Handelsblatt": people's names take no article.
      if (s.b - s.a === 1 && n1 !== undefined && isSpace(gapAfter(ts, s.b - 1)) && isHead(n1.lower, ORG_HEADS)) add('place', 2);
      else add('organization', 1);
    }
  }
  if (p1 !== undefined && gapBefore(ts, s.a) === '. ' && HONORIFICS.has(p1.lower)) add('person', 3);
  // A code of law cited by paragraph: "§ 291a Absatz 3 Nr. 4 SGB V", "§ 68 SGB V".
  if (ts.text.slice(Math.max(0, (toks[s.a]?.start ?? 0) - 30), toks[s.a]?.start ?? 0).includes('§')) add('concept', 3);
  // A model number before a name: "787 Dreamliner", "the 787-9 Dreamliner"; not a count ("1 Red, 1 Yellow").
  if (
    p1 !== undefined &&
    isSpace(gapBefore(ts, s.a)) &&
    (p1.alnum || (p1.number && (p1.text.length >= 3 || /^[-.]$/u.test(gapBefore(ts, s.a - 1))))) &&
    /\p{N}/u.test(p1.text) &&
    !CALENDAR_YEAR.test(p1.text) &&
    // "about 450 Dreamers": a number before a plural counts.
    !/\p{Ll}s$/u.test(s.base)
  )
    add('product', 2);
  // A title in quotation marks, the whole of what is quoted: “Ritorno al Futuro”, "The Wall".
  if (/["“„«‘]\s*$/u.test(gapBefore(ts, s.a)) && /^\s*["”“»’]/u.test(gapAfter(ts, s.b - 1)) && s.b - s.a >= 1 && !ts.titleCase)
    add('work', 3);
  if (n1 !== undefined && isSpace(gapAfter(ts, s.b - 1))) {
    const l = n1.lower;
    if (SAY_VERBS.has(l) && !single) add('person', 2);
    // "Volkswagen says": one word that speaks and is neither a given name nor a place is an organisation
    // (a person's surname alone goes with the full name elsewhere).
    if ((SAY_VERBS.has(l) || MEDIA_VERBS.has(l)) && single && unknownWord && !gaz.givenNames.has(s.key)) add('organization', 1.5);
    // "Forest Hill police", "Oakland residents": a place's people.
    if (PLACE_AFTER.has(l) && s.surface === s.base) add('place', 2);
    // "the Star Trek films", "a Beatles album": a title.
    if (WORK_AFTER.has(l)) add('work', 1.5);
    const possessive = s.surface !== s.base;
    if (possessive && !personal && (isRole(l) || ORG_PARTS.has(l) || ROLE_MODIFIERS.has(l))) add('organization', 2);
    if (!possessive && n1.cap && (l === 'ceo' || l === 'vd' || l === 'cfo' || l === 'cto' || l === 'chief')) add('organization', 2);
    // "the Cassini spacecraft" is a product; "30 Boeing jets", "Ford trucks" are a maker's.
    if (PRODUCT_AFTER.has(l) && !PRODUCT_HEADS.includes(l)) {
      if (MAKER_PLURALS.has(l)) add('organization', 1.5);
      else add('product', 3);
    } else if (PRODUCT_HEADS.includes(l)) add('product', 2);
    // "Salesforce's Dreamforce conference", "the Dragonfly mission".
    else if (!possessive && EVENT_HEADS.includes(l)) add('event', 3);
  }
}

/**
 * Lists take the cue of their head: "rivals such as Google and OpenAI", "konkurrenter som OpenAI,
 * Google och Anthropic", "AI tools like ChatGPT", "in Berlin und München".
 */
function listTypeCues(placed: Map<Sent, Placed[]>): Map<string, TypeScores> {
  const out = new Map<string, TypeScores>();
  for (const [sent, list] of placed) {
    const { ts } = sent;
    for (let k = 0; k < list.length; k++) {
      const chain: Placed[] = [];
      const first = list[k];
      if (first === undefined) continue;
      chain.push(first);
      while (k + 1 < list.length) {
        const x = list[k];
        const y = list[k + 1];
        if (x === undefined || y === undefined) break;
        const between = ts.text.slice(ts.tokens[x.b - 1]?.end ?? 0, ts.tokens[y.a]?.start ?? 0);
        if (!/^\s*(?:,\s*(?:(?:and|och|und|or|eller|oder|&)\s+)?|\s+(?:and|och|und|or|eller|oder|&)\s+)$/u.test(between)) break;
        chain.push(y);
        k++;
      }
      const cue: TypeScores = {};
      let i = first.a - 1;
      const at = (j: number) => ts.tokens[j];
      if (at(i) !== undefined && DETERMINERS.has(at(i)?.lower ?? '')) i--;
      const link = at(i);
      if (link !== undefined && LIST_LINKS.has(link.lower)) {
        let h = i - 1;
        if (link.lower === 'as' && at(h)?.lower === 'such') h--;
        const head = at(h)?.lower ?? '';
        if (LIST_ORG_HEADS.has(head)) cue.organization = 2;
        if (LIST_PRODUCT_HEADS.has(head)) cue.product = 2;
      }
      if (chain.length >= 2 && link !== undefined && PLACE_PREPOSITIONS.has(link.lower)) cue.place = 1.5;
      // "open standards (HL7, DICOM)", "Web-Standards (z.B. XML, JSON, OAuth)", "carriers (Verizon, AT&T)".
      const example = link !== undefined && EXAMPLE_MARKS.has(link.lower) ? i - 1 : i + 1;
      const opened = example === i - 1 ? gapBefore(ts, i) : gapBefore(ts, first.a);
      if (/\(\s*$/u.test(opened)) {
        const head = lowerWord(at(example === i - 1 ? i - 1 : first.a - 1)?.text ?? '');
        const last = head.includes('-') ? head.slice(head.lastIndexOf('-') + 1) : head;
        if (LIST_ORG_HEADS.has(last)) cue.organization = 2;
        if (LIST_PRODUCT_HEADS.has(last)) cue.product = 2;
        if (LIST_CONCEPT_HEADS.has(last)) cue.concept = 2;
      }
      if (Object.keys(cue).length === 0) continue;
      for (const p of chain) out.set(spanId(p.span), cue);
    }
  }
  return out;
}

/** A possessive that ends a noun phrase on the left: "Meta’s", "Metas", "företagets", "its". */
function isPossessive(t: Token, sent: Sent, placed: Map<Sent, Placed[]>, index: number): boolean {
  if (/['’]s$/u.test(t.text) || ANAPHORIC.has(t.lower)) return true;
  if (!sent.lang.startsWith('en') && /\p{Ll}(?:ets|ens|ans|arnas|ernas|ornas)$/u.test(t.text) && !t.cap) return true;
  if (/^\p{Lu}.*(?:ets|ens)$/u.test(t.text) && t.initial) return true; // "Företagets" at the start
  return (placed.get(sent) ?? []).some((p) => p.a <= index && index < p.b && p.span.surface !== p.span.base && p.b - 1 === index);
}

/** Prepositions that put a name inside a longer noun phrase ("a film by X, which…"). */
const INNER_PREPOSITIONS = new Set(
  'of by from with for about av från med för om von mit für über di da con per de do da dos das com por para'.split(' '),
);

const BOUNDARY = /[,;:()[\]–—"“”«»!?]/u;

/** Descriptions of one mention: appositions, relative clauses, roles and heads before the name, dashes. */
function describe(s: Span, placed: Map<Sent, Placed[]>): Candidate[] {
  const { sent } = s;
  const { ts } = sent;
  if (ts.heading) return [];
  const toks = ts.tokens;
  const out: Candidate[] = [];
  const make = (a0: number, b: number, kind: DescriptionKind, pronoun: string | null, cue: EntityType | null) => {
    // "its chief scientist" says "chief scientist".
    const a = a0 + 1 < b && PRONOUN_POSSESSIVES.has(toks[a0]?.lower ?? '') ? a0 + 1 : a0;
    const first = toks[a];
    const last = toks[b - 1];
    if (first === undefined || last === undefined || b <= a) return;
    out.push({
      text: ts.text.slice(first.start, last.end),
      articleId: sent.articleId,
      sentence: sent.idx,
      kind,
      sent,
      a,
      b,
      score: 0,
      pronoun,
      cue,
    });
  };
  const clauseEnd = (from: number) => {
    let e = from + 1;
    while (e < toks.length && !BOUNDARY.test(gapBefore(ts, e))) e++;
    return e;
  };

  // "Mark Zuckerberg, CEO of Meta," / "LeCun, som tilldelades Turingpriset …," / "“X,” a form of …"
  const first = toks[s.b];
  if (first !== undefined && /^["”’»]?\s*,\s*["”’»]?\s*$/u.test(gapAfter(ts, s.b - 1))) {
    const e = clauseEnd(s.b);
    const n = e - s.b;
    const l = first.lower;
    const relative = relativePronoun(l, sent.lang);
    const det = DETERMINERS.has(l) && n >= 2;
    const poss = /['’]s$/u.test(first.text) || isPossessive(first, sent, placed, s.b);
    const role = isRole(l) || ROLE_MODIFIERS.has(l);
    const words = toks.slice(s.b, e);
    const says = words.some((t) => SAY_VERBS.has(t.lower));
    const headWord = words.find((t) => isRole(t.lower) || headType(t.lower) !== null);
    // After a determiner, a noun phrase that names a role or a kind ("the data company"), or a
    // definition of a quoted term ("“superintelligence,” a form of…"); not a new clause ("…, the partnership raises…").
    const defines = det && ((headWord !== undefined && words.indexOf(headWord) < 4) || /["”’»]/u.test(gapAfter(ts, s.b - 1)));
    // After a preposition the name sits inside a longer noun phrase, which a relative clause is
    // about: "the new phone from Nokia, which has been rumored since 2017, …".
    const inner = s.a >= 1 && isSpace(gapBefore(ts, s.a)) && INNER_PREPOSITIONS.has(toks[s.a - 1]?.lower ?? '');
    if (!says && n <= 14 && ((relative && !inner) || defines || (poss && first.cap) || role)) {
      const from = det && !relative ? s.b + 1 : s.b;
      make(from, e, relative ? 'relative' : 'apposition', relative ? l : null, headWord ? headType(headWord.lower) : null);
    }
  }

  // "Meta’s chief AI scientist, Yann LeCun, said" / "Företagets första chip, Frost 1, är" / "…product, the Stevedore 3, went"
  const withDet = s.a >= 1 && DETERMINERS.has(toks[s.a - 1]?.lower ?? '') && isSpace(gapBefore(ts, s.a)) ? s.a - 1 : s.a;
  if (withDet >= 2 && /^\s*,\s*$/u.test(gapBefore(ts, withDet)) && (s.b === toks.length || /^\s*,/u.test(gapAfter(ts, s.b - 1)))) {
    const end = withDet - 1;
    let start = end;
    while (start > 0 && isSpace(gapBefore(ts, start))) start--;
    const head = toks[end];
    const lead = toks[start];
    if (head !== undefined && lead !== undefined && end - start < 8 && headType(head.lower) !== null) {
      const det = DETERMINERS.has(lead.lower);
      const opens = det || isPossessive(lead, sent, placed, start) || isRole(lead.lower) || ROLE_MODIFIERS.has(lead.lower);
      if (opens && (start === 0 || BOUNDARY.test(gapBefore(ts, start))))
        make(det ? start + 1 : start, end + 1, 'apposition', null, headType(head.lower));
    }
  }

  // "Scale CEO Alexandr Wang", "Företagets chefsforskare och AI-pionjär Yann LeCun", "the artificial intelligence company Scale"
  const p1 = toks[s.a - 1];
  if (p1 !== undefined && isSpace(gapBefore(ts, s.a)) && headType(p1.lower) !== null) {
    let k = s.a - 1;
    for (;;) {
      const t = toks[k];
      if (t === undefined || isPossessive(t, sent, placed, k)) break;
      const prev = toks[k - 1];
      if (prev === undefined || !isSpace(gapBefore(ts, k))) break;
      const pl = prev.lower;
      const joins =
        isRole(pl) ||
        ROLE_MODIFIERS.has(pl) ||
        headType(pl) !== null ||
        isPossessive(prev, sent, placed, k - 1) ||
        prev.acronym ||
        (prev.cap && !prev.initial && !FUNCTION_WORDS.has(pl)) ||
        (CONJUNCTIONS.has(pl) && toks[k - 2] !== undefined && isRole(toks[k - 2]?.lower ?? ''));
      if (!joins) break;
      k--;
    }
    let start = k;
    // Only a noun? Take its modifiers up to a determiner or possessive: "företagets senaste modell".
    if (start === s.a - 1 && !isRole(p1.lower)) {
      let j = start;
      while (j > 0 && s.a - 1 - j < 3 && isSpace(gapBefore(ts, j))) {
        const prev = toks[j - 1];
        if (prev === undefined || prev.cap || FUNCTION_WORDS.has(prev.lower) || prev.number) break;
        if (isPossessive(prev, sent, placed, j - 1)) break;
        j--;
      }
      const left = toks[j - 1];
      if (left !== undefined && isSpace(gapBefore(ts, j)) && isPossessive(left, sent, placed, j - 1)) start = j - 1;
      else if (left !== undefined && isSpace(gapBefore(ts, j)) && DETERMINERS.has(left.lower)) start = j;
    }
    make(start, s.a, 'role', null, headType(p1.lower));
  }

  // "world models – system som lär sig förstå den fysiska världen …"
  const next = toks[s.b];
  if (next !== undefined && /^\s+[–—]\s+$/u.test(gapAfter(ts, s.b - 1)) && !next.cap && !isFunctionWord(next.lower, sent.lang)) {
    let e = s.b + 1;
    while (e < toks.length && !/[;:()–—]/u.test(gapBefore(ts, e))) e++;
    if (e - s.b <= 20) make(s.b, e, 'dash', null, null);
  }
  return out;
}

function relativePronoun(l: string, lang: string): boolean {
  if (lang === 'sv' || lang === 'no' || lang === 'da') return l === 'som';
  if (lang === 'de') return ['der', 'die', 'das', 'dessen', 'deren', 'welcher', 'welche', 'welches'].includes(l);
  return l === 'who' || l === 'whose' || l === 'which';
}

const KIND_SCORE: Record<DescriptionKind, number> = { apposition: 3, role: 2, dash: 2, relative: 1.5 };

function rankDescriptions(cands: readonly Candidate[], type: EntityType, ci: number, placed: Map<Sent, Placed[]>): Description[] {
  const byText = new Map<string, Candidate>();
  const order = new Map<Candidate, number>();
  cands.forEach((c, i) => {
    if (c.pronoun !== null) {
      if (type === 'person' && !RELATIVE_PERSON.has(c.pronoun)) return;
      if (type !== 'person' && !RELATIVE_THING.has(c.pronoun)) return;
    }
    // A role says who a person is, not what a place is ("Kentucky: Democratic candidate"); a
    // place, product, event or work head says nothing of a person.
    if (c.cue === 'person' && type === 'place') return;
    if (type === 'person' && c.cue !== null && c.cue !== 'person' && c.cue !== 'organization') return;
    const words = c.text.split(/\s+/u);
    const lastWord = c.sent.ts.tokens[c.b - 1];
    // Cut short ("who phoned in from the Chicago set of", "who in 2008"), a list ("SunExpress,
    // Kazakhstan's Air Astana and a third buyer") or an example ("including both adults and children").
    if (lastWord !== undefined && isFunctionWord(lastWord.lower, c.sent.lang) && !lastWord.cap) return;
    if (c.kind === 'relative' && words.length < 4) return;
    if (c.kind === 'apposition' && c.pronoun === null && /^\p{Lu}/u.test(c.text) && /\s(?:and|och|und|e|y|et|dan)\s/u.test(c.text)) return;
    if (/^(?:including|such|like|inklusive|einschließlich|bland|darunter|termasuk)\b/iu.test(c.text)) return;
    let score = KIND_SCORE[c.kind];
    if (words.length === 1) score -= 1;
    if (words.length >= 3) score += 0.5;
    const firstWord = (words[0] ?? '').toLowerCase();
    if (ANAPHORIC.has(firstWord) || /^(?:the )?(?:company|firm|group)['’]s\b/iu.test(c.text)) score -= 1.5;
    // Names another entity: it says something on its own ("CEO of Meta").
    if ((placed.get(c.sent) ?? []).some((p) => p.cluster !== ci && p.a >= c.a && p.b <= c.b)) score += 1;
    const prev = byText.get(c.text);
    if (prev === undefined || prev.score < score) {
      byText.set(c.text, { ...c, score });
      order.set(byText.get(c.text) ?? c, i);
    }
  });
  return [...byText.values()]
    .sort((x, y) => y.score - x.score || (order.get(x) ?? 0) - (order.get(y) ?? 0))
    .map(({ text, articleId, sentence, kind }) => ({ text, articleId, sentence, kind }));
}

/** The sentences that say most about the entity: defining ones first, then rich ones; several articles. */
function factsOf(c: Cluster, ci: number, name: string, descriptions: readonly Description[], placed: Map<Sent, Placed[]>): Fact[] {
  const bySent = new Map<Sent, Span[]>();
  for (const s of c.spans) bySent.set(s.sent, [...(bySent.get(s.sent) ?? []), s]);
  const best = descriptions[0];
  const scored: { sent: Sent; score: number }[] = [];
  for (const [sent, spans] of bySent) {
    const { ts } = sent;
    if (ts.heading || /\?["”’»)]*$/u.test(ts.text)) continue;
    let score = 0;
    if (best && best.articleId === sent.articleId && best.sentence === sent.idx) score += 4;
    else if (descriptions.some((d) => d.articleId === sent.articleId && d.sentence === sent.idx)) score += 2;
    if (spans.some((s) => fold(s.base) === fold(name))) score += 1.5;
    const others = new Set((placed.get(sent) ?? []).filter((p) => p.cluster !== ci).map((p) => p.cluster));
    score += Math.min(1.5, others.size * 0.5);
    // The subject of its sentence: "Meta har hamnat på efterkälken…".
    if (spans.some((s) => s.a <= 2)) score += 1;
    if (/\p{N}/u.test(ts.text)) score += 0.5;
    const words = ts.tokens.length;
    if (words < 6) score -= 2;
    else if (words <= 40) score += 1;
    else if (words > 60) score -= 1;
    scored.push({ sent, score });
  }
  scored.sort((x, y) => y.score - x.score || x.sent.art - y.sent.art || x.sent.idx - y.sent.idx);
  const chosen: { sent: Sent; score: number }[] = [];
  const perArticle = new Map<number, number>();
  // The best sentence of each article first, so that every article that speaks of it is heard.
  for (const x of scored) {
    if (chosen.length >= MAX_FACTS) break;
    if (!perArticle.has(x.sent.art)) {
      chosen.push(x);
      perArticle.set(x.sent.art, 1);
    }
  }
  for (const x of scored) {
    if (chosen.length >= MAX_FACTS) break;
    const n = perArticle.get(x.sent.art) ?? 0;
    if (chosen.includes(x) || n >= MAX_FACTS_PER_ARTICLE) continue;
    chosen.push(x);
    perArticle.set(x.sent.art, n + 1);
  }
  chosen.sort((x, y) => y.score - x.score || x.sent.art - y.sent.art || x.sent.idx - y.sent.idx);
  return chosen.map(({ sent }) => ({ text: sent.ts.text, articleId: sent.articleId, sentence: sent.idx }));
}
