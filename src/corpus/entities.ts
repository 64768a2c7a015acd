/**
 * Named entities of a corpus: who and what the articles speak of, under which names, what kind
 * of thing each is, and what the articles say about it.
 *
 * Rules, not a model, so every decision can be read and every text shown to a reader is quoted
 * from an article with its provenance:
 *
 * - Candidates are capitalised runs (Unicode-aware), acronyms and mixed-case brands, cut at roles
 *   ("Scale CEO Alexandr Wang" → Scale | Alexandr Wang); a capital at the start of a sentence, after
 *   a colon or in a title-case heading proves nothing ("Strategin", "Hans"), one mid-sentence does,
 *   except in German, where every noun has one and other cues are needed. Lower-case terms come
 *   from acronym expansions ("large language models (LLMs)"), term cues ("så kallad
 *   ”superintelligens”") and the registry.
 * - Names merge across inflection ("Metas", "Meta’s", "Scale AI:s"), surname after full name
 *   ("LeCun"), short company names ("Scale" for "Scale AI"), acronym and expansion ("Fair
 *   (Fundamental AI Research)"), the same award in several languages ("Turingpriset", "Turing-Preis")
 *   and the registry (cross-language names, types, Wikidata ids), within an article and across the
 *   corpus.
 * - Types come from the registry, else from cues: roles, verbs of saying, company nouns and
 *   suffixes, model numbers, place prepositions, list heads ("rivals such as …").
 * - Descriptions are appositions, relative clauses and roles quoted from the text ("CEO of Meta");
 *   facts are whole sentences, defining ones first, from every article that mentions the entity.
 *
 * Runs in Node and in browsers; the registry (assets/registry.json) and the gazetteer of places and
 * personal names (scripts/gazetteer.mjs) are passed in as data.
 */
import type { Entity, EntityType } from '../core/corpus';
import type { Sentence } from '../core/sentences';
import { discover } from './entities/discover';
import { BUILTIN_GAZETTEER, type Gazetteer } from './entities/gazetteer';
import { type Description, profiles } from './entities/profile';
import type { Registry } from './entities/registry';
import { slug } from './entities/tokens';

export { BUILTIN_GAZETTEER, GAZETTEER_VERSION, parseGazetteer } from './entities/gazetteer';
export type { Gazetteer, GazetteerData, PlaceKind } from './entities/gazetteer';
export { parseRegistry, RegistryError, REGISTRY_VERSION } from './entities/registry';
export type { Registry, RegistryEntry, RegistryProblem } from './entities/registry';
export type { Description, DescriptionKind } from './entities/profile';

export interface EntityInput {
  id: string;
  lang: string;
  title: string;
  /** Sentences of the clean body, in order; a sentence's index is its position here. */
  sentences: Sentence[];
}

/** One occurrence of an entity. `start`/`end` are offsets into the article body, like {@link Sentence}'s. */
export interface Mention {
  entityId: string;
  articleId: string;
  sentence: number;
  start: number;
  end: number;
  /** The text as written ("Metas", "Scale AI:s"): body.slice(start, end). */
  text: string;
}

/** An {@link Entity} with what else discovery knows (extra fields are allowed by the corpus contract). */
export interface DiscoveredEntity extends Entity {
  /** Every description found, best first, each with its provenance; `description` is the first one's text. */
  descriptions: Description[];
  /** Wikidata id from the registry, or null. */
  wikidata: string | null;
  /** Number of mentions in the corpus. */
  mentionCount: number;
}

/**
 * Entities of the articles. `gazetteer` (places and personal names, see scripts/gazetteer.mjs)
 * defaults to a small built-in list.
 */
export function discoverEntities(
  articles: EntityInput[],
  registry: Registry,
  gazetteer: Gazetteer = BUILTIN_GAZETTEER,
): { entities: DiscoveredEntity[]; mentions: Mention[] } {
  const found = discover(articles, registry, gazetteer);
  const profs = profiles(found);
  const ids = new Set<string>();
  const idOf = profs.map((p, i) => {
    const reg = found.clusters[i]?.registry;
    let id = reg?.id ?? slug(p.name);
    if (ids.has(id)) id = `${id}-${p.type}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(p.name)}-${p.type}-${String(n)}`;
    ids.add(id);
    return id;
  });
  const entities: DiscoveredEntity[] = profs.map((p, i) => ({
    id: idOf[i] ?? '',
    name: p.name,
    type: p.type satisfies EntityType,
    aliases: p.aliases,
    description: p.descriptions[0]?.text ?? null,
    facts: p.facts,
    descriptions: p.descriptions,
    wikidata: p.wikidata,
    mentionCount: found.clusters[i]?.spans.length ?? 0,
  }));
  const mentions: Mention[] = [];
  found.clusters.forEach((c, i) => {
    for (const s of c.spans) {
      const first = s.sent.ts.tokens[s.a];
      const last = s.sent.ts.tokens[s.b - 1];
      if (first === undefined || last === undefined) continue;
      mentions.push({
        entityId: idOf[i] ?? '',
        articleId: s.sent.articleId,
        sentence: s.sent.idx,
        start: s.sent.offset + first.start,
        end: s.sent.offset + last.end,
        text: s.surface,
      });
    }
  });
  const order = new Map(articles.map((a, i) => [a.id, i]));
  mentions.sort((x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.start - y.start);
  entities.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { entities, mentions };
}
