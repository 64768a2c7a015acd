/**
 * A synthetic corpus pack: entities shared across its articles, a few events each, stories of ten
 * articles. Pure (no IndexedDB): the Node benches and the browser look-up bench (browser-lookups.ts)
 * make the same pack from the same options.
 */
import type { Article, Corpus, CorpusEvent, Entity, EntityType, Story } from '../../src/core/corpus';
import { rng } from './stats';

const TYPES: EntityType[] = ['person', 'organization', 'place', 'product'];
const TOPICS = ['budget', 'election', 'merger', 'lawsuit', 'launch', 'strike', 'summit', 'recall', 'ruling', 'forecast'];
const dayOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);

export interface SyntheticPackOptions {
  articles: number;
  /** Entities shared across the articles (each article names five of them). */
  entities?: number;
  eventsPerArticle?: number;
  storySize?: number;
  build?: string;
  seed?: number;
  /** Sets the outlets apart (another corpus's articles are then not copies of these). */
  outlet?: string;
}

/** A schema-v1 corpus file of `articles` generated articles (the same for the same options). */
export function syntheticPack(o: SyntheticPackOptions): Corpus {
  const r = rng(o.seed ?? 7);
  const entityCount = o.entities ?? 300;
  const eventsPer = o.eventsPerArticle ?? 3;
  const storySize = o.storySize ?? 10;
  const outlet = o.outlet ?? 'news';
  const entities: Entity[] = Array.from({ length: entityCount }, (_, i) => ({
    id: `e${String(i)}`,
    name: `Quarry ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + (((i / 26) | 0) % 26))}ler ${String(i)}`,
    type: TYPES[i % TYPES.length] ?? 'person',
    aliases: [`QL${String(i)}`],
    description: null,
    facts: [],
    descriptions: [],
    mentionCount: 0,
  }));
  const articles: Article[] = [];
  const events: CorpusEvent[] = [];
  const stories: Story[] = [];
  for (let i = 0; i < o.articles; i++) {
    const id = `a${String(i)}`;
    const named = [...new Set(Array.from({ length: 5 }, () => Math.floor(r() * entityCount)))].map((n) => entities[n] as Entity);
    const topic = TOPICS[i % TOPICS.length] ?? 'budget';
    const sentences = [
      `${named[0]?.name ?? 'Someone'} announced the ${topic} on ${dayOf(i)} after a long week of talks.`,
      ...named.map((e, k) => `${e.name} said the ${topic} would change plans number ${String(i * 7 + k)} in the region.`),
      `Observers expect more news about the ${topic} before the end of the year.`,
    ];
    let body = '';
    const spans: [number, number][] = [];
    sentences.forEach((s, k) => {
      if (k > 0) body += k % 3 === 0 ? '\n\n' : ' ';
      spans.push([body.length, body.length + s.length]);
      body += s;
    });
    const story = `s${String(Math.floor(i / storySize))}`;
    articles.push({
      id,
      title: `The ${topic} story number ${String(i)}`,
      source: `The ${outlet} ${String(i % 12)}`,
      url: `https://${outlet}${String(i % 12)}.example/${topic}/${String(i)}`,
      published: dayOf(i),
      lang: 'en',
      byline: null,
      body,
      summary: [sentences[0] ?? ''],
      entities: named.map((e) => e.id),
      lead: null,
      storyId: story,
      keyPoints: [{ text: sentences[1] ?? '', sentence: 1 }],
      sentences: spans,
    });
    named.forEach((e, k) => {
      e.facts.push({ text: sentences[k + 1] ?? '', articleId: id, sentence: k + 1 });
      e.mentionCount = (e.mentionCount ?? 0) + 2;
    });
    const first = named[0];
    if (first && r() < 0.3) first.descriptions?.push({ text: `the ${topic} lead`, articleId: id, sentence: 0, kind: 'role' });
    for (let k = 0; k < eventsPer; k++)
      events.push({
        id: `ev${String(i)}-${String(k)}`,
        date: dayOf(i + k),
        precision: 'day',
        text: sentences[k] ?? '',
        articleId: id,
        sentence: k,
        entities: named.slice(k, k + 2).map((e) => e.id),
        sources: [{ text: sentences[k] ?? '', articleId: id, sentence: k }],
        ...(k === 0 ? { kind: 'report' as const } : {}),
      });
    const s = stories.at(-1);
    if (s?.id === story) s.articleIds.push(id);
    else
      stories.push({
        id: story,
        title: `The ${topic} saga ${story}`,
        articleIds: [id],
        entities: [],
        summary: [sentences[0] ?? ''],
        lang: 'en',
      });
  }
  for (const e of entities) e.description = e.descriptions?.[0]?.text ?? null;
  for (const s of stories) {
    const ids = new Set(s.articleIds);
    s.entities = [...new Set(articles.filter((a) => ids.has(a.id)).flatMap((a) => a.entities))].slice(0, 8);
    const prev = stories[stories.indexOf(s) - 1];
    if (prev) s.related = [{ storyId: prev.id, score: 0.5, shared: [] }];
  }
  return { version: 1, build: o.build ?? `synthetic-pack-${String(o.articles)}`, articles, entities, events, stories };
}
