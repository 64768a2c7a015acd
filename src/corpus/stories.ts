/**
 * Stories: articles about the same news, clustered by what they share. Two articles belong to
 * one story when their similarity (named entities in common, weighted by how rare each entity is
 * in the corpus; shared content words; closeness in time) reaches a threshold; stories whose
 * articles are less similar but still clearly connected are linked as related. Entities are
 * compared by id, so an English and a Swedish article about the same people meet.
 */
import { cosine } from '../core/vectors';

export interface StoryArticle {
  id: string;
  title: string;
  lang: string;
  /** YYYY-MM-DD, or null when undated (time then neither joins nor parts it from others). */
  published: string | null;
  /** Entity id → number of mentions in the article. */
  entities: ReadonlyMap<string, number>;
  /** Content words of the body (see contentWords). */
  words: readonly string[];
}

export interface StoryCluster {
  id: string;
  title: string;
  articleIds: string[];
  /** Entities of the story, most mentioned first. */
  entities: string[];
  /** Related stories, most related first. */
  related: { storyId: string; score: number; shared: string[] }[];
}

export interface StoryOptions {
  /** Similarity at which two articles are the same story. */
  sameStory?: number;
  /** Similarity at which two stories are related. */
  related?: number;
  /** Days over which time closeness halves. */
  halfLifeDays?: number;
}

const DAY = 86_400_000;

function tfidf(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const [k, n] of counts) v.set(k, (1 + Math.log(n)) * (idf.get(k) ?? 0));
  return v;
}

function idfOf(docs: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  // Smoothed, so that with two articles a shared entity still counts.
  return new Map([...df].map(([k, n]) => [k, Math.log(1 + (docs.length + 1) / n)]));
}

const counts = (words: readonly string[]) => {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

export interface Similarity {
  score: number;
  entity: number;
  lexical: number;
  time: number;
  shared: string[];
}

/** Pairwise similarity of all articles (symmetric; computed once). */
export function similarities(articles: readonly StoryArticle[], halfLifeDays = 21): Similarity[][] {
  const entityIdf = idfOf(articles.map((a) => a.entities));
  const wordCounts = articles.map((a) => counts(a.words));
  const wordIdf = idfOf(wordCounts);
  const ev = articles.map((a) => tfidf(a.entities, entityIdf));
  const wv = wordCounts.map((c) => tfidf(c, wordIdf));
  const time = articles.map((a) => (a.published ? Date.parse(`${a.published}T00:00:00Z`) : NaN));
  const out: Similarity[][] = articles.map(() => []);
  for (let i = 0; i < articles.length; i++) {
    for (let j = i; j < articles.length; j++) {
      const a = articles[i];
      const b = articles[j];
      if (!a || !b) continue;
      const entity = cosine(ev[i] ?? new Map(), ev[j] ?? new Map());
      const lexical = cosine(wv[i] ?? new Map(), wv[j] ?? new Map());
      const days = Math.abs((time[i] ?? 0) - (time[j] ?? 0)) / DAY;
      // An undated article is as close in time as one a half-life away: content alone decides.
      const closeness = Number.isFinite(days) ? Math.pow(0.5, days / halfLifeDays) : 0.5;
      const shared = [...a.entities.keys()].filter((k) => b.entities.has(k));
      // Content decides; time only discounts: the same names months apart are a related story.
      const score = (0.65 * entity + 0.35 * lexical) * (0.35 + 0.65 * closeness);
      const s: Similarity = { score: i === j ? 1 : score, entity, lexical, time: closeness, shared };
      (out[i] ?? [])[j] = s;
      (out[j] ?? [])[i] = s;
    }
  }
  return out;
}

/** Clusters articles into stories (single linkage over the same-story threshold) and links related ones. */
export function clusterStories(articles: readonly StoryArticle[], opts: StoryOptions = {}): StoryCluster[] {
  const same = opts.sameStory ?? 0.3;
  const relatedAt = opts.related ?? 0.08;
  const sim = similarities(articles, opts.halfLifeDays);
  // Union-find over same-story links.
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (let i = 0; i < articles.length; i++)
    for (let j = i + 1; j < articles.length; j++) if ((sim[i]?.[j]?.score ?? 0) >= same) parent[find(i)] = find(j);
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  // Order members by date, then stories by their first article's date: ids stay stable.
  const byDate = (x: number, y: number) => (articles[x]?.published ?? '').localeCompare(articles[y]?.published ?? '') || x - y;
  const members = [...groups.values()].map((g) => g.sort(byDate)).sort((g, h) => byDate(g[0] ?? 0, h[0] ?? 0));
  const stories: StoryCluster[] = members.map((g) => {
    // The title of the most central article names the story.
    const central = g.reduce((best, i) => (centrality(i, g, sim) > centrality(best, g, sim) ? i : best), g[0] ?? 0);
    const entityTotals = new Map<string, number>();
    for (const i of g) for (const [k, n] of articles[i]?.entities ?? []) entityTotals.set(k, (entityTotals.get(k) ?? 0) + n);
    return {
      id: `story-${articles[g[0] ?? 0]?.id ?? 'x'}`,
      title: articles[central]?.title ?? '',
      articleIds: g.map((i) => articles[i]?.id ?? ''),
      entities: [...entityTotals].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k]) => k),
      related: [],
    };
  });
  // Two stories are related by their most similar pair of articles.
  for (let s = 0; s < stories.length; s++) {
    for (let t = s + 1; t < stories.length; t++) {
      let best: Similarity | null = null;
      for (const i of members[s] ?? [])
        for (const j of members[t] ?? []) if (!best || (sim[i]?.[j]?.score ?? 0) > best.score) best = sim[i]?.[j] ?? null;
      if (!best || best.score < relatedAt) continue;
      const a = stories[s];
      const b = stories[t];
      if (!a || !b) continue;
      a.related.push({ storyId: b.id, score: round(best.score), shared: best.shared });
      b.related.push({ storyId: a.id, score: round(best.score), shared: best.shared });
    }
  }
  for (const s of stories) s.related.sort((x, y) => y.score - x.score);
  return stories;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function centrality(i: number, group: readonly number[], sim: Similarity[][]): number {
  return group.reduce((s, j) => s + (j === i ? 0 : (sim[i]?.[j]?.score ?? 0)), 0);
}
