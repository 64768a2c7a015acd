/**
 * One article → what it adds to the corpus, by the same stages as the batch pipeline (pipeline.ts):
 * sentences, entities (discovered in the article alone; the background links them to the ones the
 * corpus knows), cited facts and descriptions, dated events with the article's own news, summary
 * and key points, and what story assignment needs. Pure, so the background runs it on a read
 * article and the tests run it in Node.
 *
 * Entity ids here are local to the article (its entities' slugs): the background maps them to the
 * corpus's ids ({@link Contribution.entities}, then `links`), so a contribution can be linked again
 * when the corpus around it changes (a new bundled corpus, a pack removed).
 */
import type { EntityDescription, EntityType, Fact } from '../core/corpus';
import { splitSentences } from '../core/sentences';
import { type Gazetteer, type Registry, discoverEntities } from './entities';
import { type MergedEvent, buildEvents } from './events';
import { type CorpusArticle, type PreparedArticle, articleRecord, eventCandidates, summaryInputOf } from './stages';
import { contentWords } from './summarise';
import type { ExtractedArticle } from './types';

/** An entity as one article names it. */
export interface EntityContribution {
  /** Local id (the article's own: see the module comment). */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  wikidata: string | null;
  facts: Fact[];
  descriptions: EntityDescription[];
  /** Mentions in the article. */
  mentions: number;
}

export interface Contribution {
  /** The article's corpus record; `entities` and `storyId` are filled in by the background. */
  article: CorpusArticle;
  entities: EntityContribution[];
  /** Its events (entity ids local), each from this article alone. */
  events: MergedEvent[];
  /** Per sentence, how many entities it names (the summariser's input for story summaries). */
  sentenceEntities: number[];
  /** Local entity id → mentions, and the body's content words: what story assignment compares. */
  mentionCounts: [string, number][];
  words: string[];
}

/** Content words kept per article for story assignment: enough for the lexical cosine, bounded. */
export const MAX_STORY_WORDS = 400;

/**
 * The contribution of `article` under `id` (throws on an article without text or title, as the
 * batch pipeline refuses them). `registry` and `gazetteer` type and name entities as in the build.
 */
export function contributionOf(
  id: string,
  article: ExtractedArticle,
  registry: Registry,
  gazetteer?: Gazetteer,
  /**
   * The names the corpus already knows in a text (the background's alias table): found in each
   * sentence besides what discovery finds in the article alone (a German sentence's "Hallsvik" that
   * the article alone does not show to be a name); their ids are the corpus's.
   */
  known?: (text: string) => readonly { id: string; start: number; end: number }[],
): Contribution {
  if (!article.body.trim()) throw new Error('no article text');
  if (!article.title.trim()) throw new Error('no title');
  const body = article.lead ? `${article.lead}\n\n${article.body}` : article.body;
  const p: PreparedArticle = { id, extracted: { ...article, body }, sentences: splitSentences(body, article.lang) };
  const { entities, mentions } = discoverEntities(
    [{ id, lang: article.lang, title: article.title, sentences: p.sentences }],
    registry,
    gazetteer,
  );
  const bySentence = p.sentences.map(() => new Set<string>());
  const counts = new Map<string, number>();
  const found = p.sentences.map((): [number, number][] => []);
  for (const m of mentions) {
    bySentence[m.sentence]?.add(m.entityId);
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    found[m.sentence]?.push([m.start, m.end]);
  }
  if (known)
    p.sentences.forEach((s, i) => {
      for (const k of known(s.text)) {
        const [start, end] = [s.start + k.start, s.start + k.end];
        // A name discovery found too is counted once (its entity is linked to the known one).
        if (found[i]?.some(([a, b]) => a < end && start < b)) continue;
        bySentence[i]?.add(k.id);
        counts.set(k.id, (counts.get(k.id) ?? 0) + 1);
      }
    });
  const entitiesIn = (i: number) => [...(bySentence[i] ?? [])];
  const input = summaryInputOf(p, (i) => bySentence[i]?.size ?? 0);
  const events = buildEvents(eventCandidates(p, entitiesIn, counts));
  return {
    article: articleRecord(p, input, counts, ''),
    entities: entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      wikidata: e.wikidata,
      facts: e.facts,
      descriptions: e.descriptions,
      mentions: counts.get(e.id) ?? e.mentionCount,
    })),
    events,
    sentenceEntities: input.map((s) => s.entities ?? 0),
    mentionCounts: [...counts],
    words: contentWords(body, article.lang).slice(0, MAX_STORY_WORDS),
  };
}
