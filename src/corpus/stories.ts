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

interface Vectors {
  entities: Map<string, number>;
  words: Map<string, number>;
  entityNorm: number;
  wordNorm: number;
  time: number;
}

const norm = (v: ReadonlyMap<string, number>) => {
  let n = 0;
  for (const x of v.values()) n += x * x;
  return Math.sqrt(n);
};

/** Each article's entity and word vectors (tf-idf over the corpus), their norms and its date. */
function vectorsOf(articles: readonly StoryArticle[]): Vectors[] {
  const entityIdf = idfOf(articles.map((a) => a.entities));
  const wordCounts = articles.map((a) => counts(a.words));
  const wordIdf = idfOf(wordCounts);
  return articles.map((a, i) => {
    const entities = tfidf(a.entities, entityIdf);
    const words = tfidf(wordCounts[i] ?? new Map<string, number>(), wordIdf);
    return {
      entities,
      words,
      entityNorm: norm(entities),
      wordNorm: norm(words),
      time: a.published ? Date.parse(`${a.published}T00:00:00Z`) : NaN,
    };
  });
}

/** The similarity of articles i and j from their cosines (entities, words) and their dates. */
/** How close in time two articles are, 0..1 (an undated one is as close as one a half-life away: content alone decides). */
function closenessOf(v: readonly Vectors[], i: number, j: number, halfLifeDays: number): number {
  const days = Math.abs((v[i]?.time ?? 0) - (v[j]?.time ?? 0)) / DAY;
  return Number.isFinite(days) ? Math.pow(0.5, days / halfLifeDays) : 0.5;
}

/** Content decides; time only discounts: the same names months apart are a related story. */
const scoreOf = (entity: number, lexical: number, closeness: number) => (0.65 * entity + 0.35 * lexical) * (0.35 + 0.65 * closeness);

/** The similarity of articles i and j from their cosines (entities, words) and their dates, with the entities they share. */
function similarity(
  articles: readonly StoryArticle[],
  v: readonly Vectors[],
  i: number,
  j: number,
  entity: number,
  lexical: number,
  halfLifeDays: number,
): Similarity {
  const a = articles[Math.min(i, j)];
  const b = articles[Math.max(i, j)];
  const closeness = closenessOf(v, i, j, halfLifeDays);
  const shared = a && b ? [...a.entities.keys()].filter((k) => b.entities.has(k)) : [];
  return { score: i === j ? 1 : scoreOf(entity, lexical, closeness), entity, lexical, time: closeness, shared };
}

/** The similarity score of two articles, computed directly (for a few pairs: a story's own members). */
function pairScore(v: readonly Vectors[], i: number, j: number, halfLifeDays: number): number {
  const x = v[Math.min(i, j)];
  const y = v[Math.max(i, j)];
  if (!x || !y) return 0;
  return i === j ? 1 : scoreOf(cosine(x.entities, y.entities), cosine(x.words, y.words), closenessOf(v, i, j, halfLifeDays));
}

/**
 * Every pair of articles whose similarity reaches `atLeast`, keyed `i * n + j` (i < j). Dot
 * products are summed through inverted lists (term → the articles that have it), so a pair that
 * shares no entity and no word costs nothing and nothing n × n is ever held: a corpus of
 * thousands of articles needs memory for its similar pairs only.
 */
function similarPairs(
  articles: readonly StoryArticle[],
  v: readonly Vectors[],
  atLeast: number,
  halfLifeDays: number,
): Map<number, Similarity> {
  const n = articles.length;
  const out = new Map<number, Similarity>();
  const entityLists = new Map<string, [number, number][]>();
  const wordLists = new Map<string, [number, number][]>();
  const entityDot = new Float64Array(n);
  const wordDot = new Float64Array(n);
  const touched: number[] = [];
  const seen = new Uint8Array(n);
  const accumulate = (vec: ReadonlyMap<string, number>, lists: Map<string, [number, number][]>, dot: Float64Array, i: number) => {
    for (const [term, x] of vec) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = []));
      for (const [j, y] of list) {
        dot[j] = (dot[j] ?? 0) + x * y;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
      }
      list.push([i, x]);
    }
  };
  for (let i = 0; i < n; i++) {
    const vi = v[i];
    if (!vi) continue;
    accumulate(vi.entities, entityLists, entityDot, i);
    accumulate(vi.words, wordLists, wordDot, i);
    for (const j of touched) {
      const vj = v[j];
      const e = vj && vi.entityNorm > 0 && vj.entityNorm > 0 ? (entityDot[j] ?? 0) / (vi.entityNorm * vj.entityNorm) : 0;
      const w = vj && vi.wordNorm > 0 && vj.wordNorm > 0 ? (wordDot[j] ?? 0) / (vi.wordNorm * vj.wordNorm) : 0;
      // The shared entities are listed only for the pairs kept.
      if (scoreOf(e, w, closenessOf(v, j, i, halfLifeDays)) >= atLeast)
        out.set(j * n + i, similarity(articles, v, j, i, e, w, halfLifeDays));
      entityDot[j] = 0;
      wordDot[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
  }
  return out;
}

/** Clusters articles into stories (single linkage over the same-story threshold) and links related ones. */
export function clusterStories(articles: readonly StoryArticle[], opts: StoryOptions = {}): StoryCluster[] {
  const same = opts.sameStory ?? 0.3;
  const relatedAt = opts.related ?? 0.08;
  const halfLife = opts.halfLifeDays ?? 21;
  const n = articles.length;
  const v = vectorsOf(articles);
  const pairs = similarPairs(articles, v, Math.min(same, relatedAt), halfLife);
  // Union-find over same-story links.
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  for (const [key, s] of [...pairs].sort((x, y) => x[0] - y[0])) if (s.score >= same) parent[find(Math.floor(key / n))] = find(key % n);
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  // Order members by date, then stories by their first article's date: ids stay stable.
  const byDate = (x: number, y: number) => (articles[x]?.published ?? '').localeCompare(articles[y]?.published ?? '') || x - y;
  const members = [...groups.values()].map((g) => g.sort(byDate)).sort((g, h) => byDate(g[0] ?? 0, h[0] ?? 0));
  const stories: StoryCluster[] = members.map((g) => {
    // The title of the most central article names the story (its members' own pairs, computed directly).
    const centrality = (i: number) => g.reduce((sum, j) => sum + (j === i ? 0 : pairScore(v, i, j, halfLife)), 0);
    const central = g.length > 2 ? g.reduce((best, i) => (centrality(i) > centrality(best) ? i : best), g[0] ?? 0) : (g[0] ?? 0);
    const entityTotals = new Map<string, number>();
    for (const i of g) for (const [k, c] of articles[i]?.entities ?? []) entityTotals.set(k, (entityTotals.get(k) ?? 0) + c);
    return {
      id: `story-${articles[g[0] ?? 0]?.id ?? 'x'}`,
      title: articles[central]?.title ?? '',
      articleIds: g.map((i) => articles[i]?.id ?? ''),
      entities: [...entityTotals].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k]) => k),
      related: [],
    };
  });
  // Two stories are related by their most similar pair of articles (on a tie, the first pair in
  // the stories' member order).
  const storyOf = new Int32Array(n);
  const rankIn = new Int32Array(n);
  members.forEach((g, s) =>
    g.forEach((i, r) => {
      storyOf[i] = s;
      rankIn[i] = r;
    }),
  );
  const best = new Map<number, { s: Similarity; order: number }>();
  const m = members.length;
  for (const [key, sim] of pairs) {
    if (sim.score < relatedAt) continue;
    let [i, j] = [Math.floor(key / n), key % n];
    if (storyOf[i] === storyOf[j]) continue;
    if ((storyOf[i] ?? 0) > (storyOf[j] ?? 0)) [i, j] = [j, i];
    const pairKey = (storyOf[i] ?? 0) * m + (storyOf[j] ?? 0);
    const order = (rankIn[i] ?? 0) * n + (rankIn[j] ?? 0);
    const was = best.get(pairKey);
    if (!was || sim.score > was.s.score || (sim.score === was.s.score && order < was.order)) best.set(pairKey, { s: sim, order });
  }
  for (const [pairKey, { s: sim }] of [...best].sort((x, y) => x[0] - y[0])) {
    const a = stories[Math.floor(pairKey / m)];
    const b = stories[pairKey % m];
    if (!a || !b) continue;
    a.related.push({ storyId: b.id, score: round(sim.score), shared: sim.shared });
    b.related.push({ storyId: a.id, score: round(sim.score), shared: sim.shared });
  }
  for (const s of stories) s.related.sort((x, y) => y.score - x.score);
  return stories;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A story an article may join, with the members to compare it with (see {@link assignStory}). */
export interface CandidateStory {
  id: string;
  members: readonly StoryArticle[];
}

export interface StoryAssignment {
  /** The story the article joins, or null: it starts its own. */
  storyId: string | null;
  /** The best similarity to a member of the joined story (0 when none). */
  score: number;
  /** Stories related to the article's (best pair at least the related threshold, below the same-story one), most related first. */
  related: { storyId: string; score: number; shared: string[] }[];
}

/**
 * Incremental story assignment: `article` joins the candidate story holding its most similar
 * member when that similarity reaches the same-story threshold (single linkage, as
 * {@link clusterStories}), else it starts a story of its own; candidates it is less similar to,
 * but still clearly connected, are related. The vectors' IDFs are taken over the candidates'
 * members and the article (the batch clustering takes them over the whole corpus): callers pass
 * the stories that share an entity with the article, so the cost is bounded by them, not by the
 * corpus. Two candidate stories that both reach the threshold are not merged (the batch clustering
 * would): the article joins the closer one.
 */
export function assignStory(article: StoryArticle, candidates: readonly CandidateStory[], opts: StoryOptions = {}): StoryAssignment {
  const same = opts.sameStory ?? 0.3;
  const relatedAt = opts.related ?? 0.08;
  const halfLife = opts.halfLifeDays ?? 21;
  const pool: StoryArticle[] = [article];
  const storyOf: string[] = [''];
  for (const c of candidates)
    for (const m of c.members) {
      if (m.id === article.id) continue;
      pool.push(m);
      storyOf.push(c.id);
    }
  const v = vectorsOf(pool);
  const best = new Map<string, Similarity>();
  const x = v[0];
  for (let j = 1; j < pool.length && x; j++) {
    const y = v[j];
    if (!y) continue;
    const e = x.entityNorm > 0 && y.entityNorm > 0 ? cosine(x.entities, y.entities) : 0;
    const w = x.wordNorm > 0 && y.wordNorm > 0 ? cosine(x.words, y.words) : 0;
    const s = similarity(pool, v, 0, j, e, w, halfLife);
    const id = storyOf[j] ?? '';
    const was = best.get(id);
    if (!was || s.score > was.score) best.set(id, s);
  }
  const ranked = [...best].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
  const joined = ranked[0] && ranked[0][1].score >= same ? ranked[0] : null;
  return {
    storyId: joined?.[0] ?? null,
    score: joined ? round(joined[1].score) : 0,
    related: ranked
      .filter(([id, s]) => id !== joined?.[0] && s.score >= relatedAt)
      .map(([storyId, s]) => ({ storyId, score: round(s.score), shared: s.shared })),
  };
}
