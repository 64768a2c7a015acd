/**
 * The page-scoring index (split from ./scoring.ts): what scoring needs of a corpus, computed once
 * per corpus build when the corpus is loaded and stored beside it as one record
 * (background/db.ts), then used to score a page by visiting only the articles that share an
 * entity or a word with it ({@link scoreIndexed}, same results as {@link scorePage} on the whole
 * corpus). Pure: no DOM, no browser APIs, no IndexedDB.
 */
import type { Article, Corpus, Story } from './corpus';
import type { Origin } from './memory';
import type { RelatedArticle, TabStory } from './analysis';
import {
  type ArticleScore,
  DAY,
  HALF_LIFE_DAYS,
  LEXICAL_WEIGHT,
  MAX_RELATED,
  MIN_SHARED,
  MIN_TITLE_CHARS,
  type PageFeatures,
  type PageScore,
  RELATED_THRESHOLD,
  STORY_THRESHOLD,
  type ScoreOptions,
  type ScoringArticle,
  type ScoringCorpusInput,
  type ScoringStory,
  type StoryScore,
  TIME_FLOOR,
  UNDATED_TIME,
  foldTitle,
  mentionWeight,
  pageTerms,
  parseDay,
  prepareScoringCorpus,
  round,
  sameArticle,
  sameTitle,
  termVector,
} from './scoring';

/** Bumped when {@link ScoringIndex} changes shape: an index of another format is not used. */
export const SCORING_INDEX_FORMAT = 3;

/** Compressed sparse rows: row `i` is `cols[start[i]] … cols[start[i + 1] - 1]`. */
export interface Rows {
  start: Int32Array;
  cols: Int32Array;
}

/** {@link Rows} with a weight beside each column. */
export interface WeightedRows extends Rows {
  w: Float64Array;
}

/**
 * A corpus prepared for {@link scoreIndexed}: typed arrays and string lists only, so that it is
 * stored and read back as one structured-clone record. Articles are numbered in the order given
 * (the database's: by id); entities, words, stories, title keys and URL keys are sorted so that a
 * page's ones are found by binary search.
 */
export interface ScoringIndex {
  format: typeof SCORING_INDEX_FORMAT;
  build: string;
  articles: {
    ids: string[];
    titles: string[];
    sources: string[];
    urls: (string | null)[];
    origins: Origin[];
    /** When a remembered or imported article was added (ms), null for a bundled one. */
    addedAt: (number | null)[];
    published: (string | null)[];
    langs: string[];
    storyIds: (string | null)[];
    /** The publication day (ms), NaN when unknown. */
    time: Float64Array;
    entityMass: Float64Array;
    /** Σ w² over the article's word vector, in its order (the cosine's article side). */
    termNorm: Float64Array;
    /** Article → entity number, weighing IDF × prominence, in the article's order. */
    entities: WeightedRows;
    /** Article → the stories it belongs to (story numbers). */
    stories: Rows;
  };
  /** Entities, and entity → the articles naming it. */
  entities: { ids: string[]; articles: Rows };
  /** Words with their IDF, and word → articles weighing the word's TF-IDF in each. */
  terms: { ids: string[]; idf: Float64Array; unseenIdf: number; articles: WeightedRows };
  stories: {
    ids: string[];
    /** Null for a story known only from its articles' storyId (titled after its best article). */
    titles: (string | null)[];
    related: string[][];
    /** Story → member articles, as {@link scorePage} gathers them (the story's list, then the articles naming it). */
    members: Rows;
  };
  /** Folded headlines ({@link foldTitle}, long enough to recognise a page by), sorted, with their articles. */
  titleKeys: { keys: string[]; articles: Int32Array };
  /** Article URLs without their fragment, sorted (equal ones by article number), with their articles. */
  urlKeys: { keys: string[]; articles: Int32Array };
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first position in sorted `keys` whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position of `key` in sorted, distinct `keys`, or -1. */
function find(keys: readonly string[], key: string): number {
  const i = lowerBound(keys, key);
  return keys[i] === key ? i : -1;
}

function rowStarts(lists: readonly (readonly unknown[])[]): Int32Array {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = (start[i] ?? 0) + l.length));
  return start;
}

function toRows(lists: readonly (readonly number[])[]): Rows {
  return { start: rowStarts(lists), cols: Int32Array.from(lists.flat()) };
}

function toWeightedRows(lists: readonly (readonly (readonly [number, number])[])[]): WeightedRows {
  const start = rowStarts(lists);
  const flat = lists.flat();
  return { start, cols: Int32Array.from(flat, (x) => x[0]), w: Float64Array.from(flat, (x) => x[1]) };
}

/** Rows → their transpose over `columns` columns (postings), each row's entries ascending, weights carried along. */
function transpose(rows: WeightedRows, columns: number): WeightedRows {
  const start = new Int32Array(columns + 1);
  for (const c of rows.cols) start[c + 1] = (start[c + 1] ?? 0) + 1;
  for (let c = 0; c < columns; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
  const fill = start.slice(0, columns);
  const cols = new Int32Array(rows.cols.length);
  const w = new Float64Array(rows.cols.length);
  for (let r = 0; r + 1 < rows.start.length; r++)
    for (let k = rows.start[r] ?? 0; k < (rows.start[r + 1] ?? 0); k++) {
      const c = rows.cols[k] ?? 0;
      const at = fill[c] ?? 0;
      cols[at] = r;
      w[at] = rows.w[k] ?? 0;
      fill[c] = at + 1;
    }
  return { start, cols, w };
}

/**
 * Prepares `input` for {@link scoreIndexed}: the same IDFs and vectors as {@link prepareScoringCorpus},
 * laid out as postings. Article ids should be unique (the database's are); of repeated ones the last counts.
 */
export function buildScoringIndex(input: ScoringCorpusInput): ScoringIndex {
  const unique = [...new Map(input.articles.map((a) => [a.id, a])).values()];
  const prepared = prepareScoringCorpus({ ...input, articles: unique });
  const arts = prepared.articles;
  const entityIds = [...prepared.entityIdf.keys()].sort(compareStrings);
  const entityNo = new Map(entityIds.map((id, i) => [id, i]));
  const termIds = [...prepared.termIdf.keys()].sort(compareStrings);
  const termNo = new Map(termIds.map((t, i) => [t, i]));
  const articleNo = new Map(arts.map((p, i) => [p.article.id, i]));

  const entities = toWeightedRows(arts.map((p) => [...p.entityWeights].map(([id, w]) => [entityNo.get(id) ?? 0, w] as const)));
  const terms = toWeightedRows(arts.map((p) => [...p.termVector].map(([t, w]) => [termNo.get(t) ?? 0, w] as const)));
  const termNorm = Float64Array.from(arts, (p) => {
    let nb = 0;
    for (const y of p.termVector.values()) nb += y * y;
    return nb;
  });

  // Story members as scorePage gathers them: the story's own list (as listed), then the articles naming it.
  const members = new Map<string, number[]>();
  for (const s of prepared.stories.values())
    members.set(
      s.id,
      s.articleIds.flatMap((id) => articleNo.get(id) ?? []),
    );
  arts.forEach((p, i) => {
    const id = p.article.storyId;
    if (id === null) return;
    const list = members.get(id) ?? [];
    if (!list.includes(i)) list.push(i);
    members.set(id, list);
  });
  const storyIds = [...members.keys()].sort(compareStrings);
  const memberRows = toRows(storyIds.map((id) => members.get(id) ?? []));
  const articleStories: number[][] = arts.map(() => []);
  storyIds.forEach((id, s) => {
    for (const a of new Set(members.get(id))) articleStories[a]?.push(s);
  });

  const titled = arts.flatMap((p, i) => {
    const key = foldTitle(p.article.title);
    return key.length >= MIN_TITLE_CHARS ? [[key, i] as const] : [];
  });
  titled.sort((a, b) => compareStrings(a[0], b[0]) || a[1] - b[1]);
  const withUrl = arts.flatMap((p, i) => (p.article.url === null ? [] : [[p.article.url.split('#')[0] ?? '', i] as const]));
  withUrl.sort((a, b) => compareStrings(a[0], b[0]) || a[1] - b[1]);

  return {
    format: SCORING_INDEX_FORMAT,
    build: input.build,
    articles: {
      ids: arts.map((p) => p.article.id),
      titles: arts.map((p) => p.article.title),
      sources: arts.map((p) => p.article.source),
      urls: arts.map((p) => p.article.url),
      origins: arts.map((p) => p.article.origin ?? 'bundled'),
      addedAt: arts.map((p) => p.article.addedAt ?? null),
      published: arts.map((p) => p.article.published),
      langs: arts.map((p) => p.article.lang),
      storyIds: arts.map((p) => p.article.storyId),
      time: Float64Array.from(arts, (p) => p.time),
      entityMass: Float64Array.from(arts, (p) => p.entityMass),
      termNorm,
      entities,
      stories: toRows(articleStories),
    },
    entities: { ids: entityIds, articles: ((t) => ({ start: t.start, cols: t.cols }))(transpose(entities, entityIds.length)) },
    terms: {
      ids: termIds,
      idf: Float64Array.from(termIds, (t) => prepared.termIdf.get(t) ?? 0),
      unseenIdf: prepared.unseenTermIdf,
      articles: transpose(terms, termIds.length),
    },
    stories: {
      ids: storyIds,
      titles: storyIds.map((id) => prepared.stories.get(id)?.title ?? null),
      related: storyIds.map((id) => [...(prepared.stories.get(id)?.related ?? [])]),
      members: memberRows,
    },
    titleKeys: { keys: titled.map((x) => x[0]), articles: Int32Array.from(titled, (x) => x[1]) },
    urlKeys: { keys: withUrl.map((x) => x[0]), articles: Int32Array.from(withUrl, (x) => x[1]) },
  };
}

/** An index of no articles (an empty database, or one whose corpus predates the index). */
export function emptyScoringIndex(build = ''): ScoringIndex {
  return buildScoringIndex({ build, articles: [], stories: [] });
}

/*
 * The scoring index of a corpus as the database holds it. Scoring needs, per article, its entity ids
 * (most mentioned first), its top content words, its date, language and story, and per story its
 * articles and related stories. Counting an article's words means reading its body, so that is done
 * once per corpus build, when the corpus is loaded ({@link scoringIndexOf}): the index is stored as
 * one record beside the corpus, in the same transaction (background/db.ts), and read back with
 * {@link usableScoringIndex} deciding whether it still fits the stored corpus.
 */

/** Content words kept per corpus article (pages send 40). */
export const ARTICLE_TERMS = 60;

/** Related story ids of a story (the contract's optional `related`, checked by validateCorpus on load). */
export function relatedIds(story: Pick<Story, 'related'>): string[] {
  return story.related?.map((r) => r.storyId) ?? [];
}

const byId = <T extends { id: string }>(xs: readonly T[]): T[] =>
  [...new Map(xs.map((x) => [x.id, x])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What scoring needs of a stored article (its words counted here: the body is not kept). */
export function scoringArticle(a: Corpus['articles'][number]): ScoringArticle {
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.url,
    published: a.published,
    lang: a.lang,
    storyId: a.storyId ?? null,
    entities: a.entities,
    ...(a.origin ? { origin: a.origin } : {}),
    ...(a.addedAt !== undefined ? { addedAt: a.addedAt } : {}),
    terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang, ARTICLE_TERMS),
  };
}

/** What scoring needs of a stored story. */
export const scoringStory = (s: Corpus['stories'][number]): ScoringStory => ({
  id: s.id,
  title: s.title,
  articleIds: s.articleIds,
  related: relatedIds(s),
});

/**
 * The scoring index of `corpus` as the database will hold it: articles and stories in key order,
 * the last of a repeated id winning (as put() does).
 */
export function scoringIndexOf(corpus: Pick<Corpus, 'build' | 'articles' | 'stories'>): ScoringIndex {
  const input: ScoringCorpusInput = {
    build: corpus.build,
    articles: byId(corpus.articles).map(scoringArticle),
    stories: byId(corpus.stories).map(scoringStory),
  };
  return buildScoringIndex(input);
}

/**
 * The stored index when it fits the stored corpus (`build`: the meta record's, "" for none); an index
 * that is missing or of another format or build (a corpus loaded before schema v3, until the
 * background loads it again) gives an index of no articles: no story, nothing related.
 */
export function usableScoringIndex(stored: ScoringIndex | undefined, build: string): ScoringIndex {
  return stored?.format === SCORING_INDEX_FORMAT && stored.build === build ? stored : emptyScoringIndex(build);
}

export interface IndexedScoreOptions extends ScoreOptions {
  /**
   * Also score every article that shares only words with the page and report every story and
   * article with a non-zero score, exactly as {@link scorePage} does (tests, diagnostics).
   */
  exhaustive?: boolean;
}

/**
 * What the index holds of an article besides its scoring: what a citation of it shows, where it
 * comes from, and the stories it belongs to (its own and those listing it).
 */
export type IndexedArticle = Pick<Article, 'id' | 'title' | 'source' | 'url' | 'published' | 'lang'> & {
  origin: Origin;
  addedAt: number | null;
  storyIds: string[];
};

/** Article id → number, per index (made once, on the first look-up). */
const articleNumbers = new WeakMap<ScoringIndex, Map<string, number>>();

/** The article of `id` as the index holds it, or undefined when the index has no such article. */
export function indexedArticle(index: ScoringIndex, id: string): IndexedArticle | undefined {
  let numbers = articleNumbers.get(index);
  if (!numbers) {
    numbers = new Map(index.articles.ids.map((x, i) => [x, i]));
    articleNumbers.set(index, numbers);
  }
  const i = numbers.get(id);
  if (i === undefined) return undefined;
  const a = index.articles;
  return {
    id,
    title: a.titles[i] ?? '',
    source: a.sources[i] ?? '',
    url: a.urls[i] ?? null,
    published: a.published[i] ?? null,
    lang: a.langs[i] ?? '',
    origin: a.origins[i] ?? 'bundled',
    addedAt: a.addedAt[i] ?? null,
    storyIds: Array.from(a.stories.cols.subarray(a.stories.start[i] ?? 0, a.stories.start[i + 1] ?? 0), (s) => index.stories.ids[s] ?? ''),
  };
}

/**
 * {@link scorePage} over a {@link ScoringIndex}: the same story, self and related list, from postings.
 *
 * The word similarity is accumulated word by word over the page words' postings (in the page's
 * order, so every sum is the one {@link cosine} makes); the entity share is computed for the
 * articles in the page entities' postings, the only ones that can be related or make a story's
 * entities count ({@link MIN_SHARED}). Stories are scored from their members, those sharing no
 * entity included. Without `exhaustive`, the evidence lists hold the stories scored up to the
 * named one and the articles reported, rather than everything with a non-zero score.
 */
/** Per-article work arrays, kept per index and reused: scoring is synchronous, and a page's worth of fresh arrays is garbage. */
const scratches = new WeakMap<
  ScoringIndex,
  { mention: Float64Array; sharing: Uint8Array; wordy: Uint8Array; dot: Float64Array; value: Float64Array }
>();

function scratchOf(index: ScoringIndex) {
  let s = scratches.get(index);
  if (!s) {
    const n = index.articles.ids.length;
    s = {
      mention: new Float64Array(index.entities.ids.length),
      sharing: new Uint8Array(n),
      wordy: new Uint8Array(n),
      dot: new Float64Array(n),
      value: new Float64Array(n),
    };
    scratches.set(index, s);
  }
  s.mention.fill(0);
  s.sharing.fill(0);
  s.wordy.fill(0);
  s.dot.fill(0);
  s.value.fill(NaN);
  return s;
}

export function scoreIndexed(page: PageFeatures, index: ScoringIndex, opts: IndexedScoreOptions = {}): PageScore {
  const storyThreshold = opts.storyThreshold ?? STORY_THRESHOLD;
  const relatedThreshold = opts.relatedThreshold ?? RELATED_THRESHOLD;
  const maxRelated = opts.maxRelated ?? MAX_RELATED;
  const A = index.articles;
  const S = index.stories;
  const n = A.ids.length;
  const { mention, sharing, wordy, dot, value } = scratchOf(index);

  // Entities: mention weights by entity number; the candidates are the articles naming one.
  const pageEntities = new Map<string, number>();
  for (const e of page.entities) pageEntities.set(e.id, (pageEntities.get(e.id) ?? 0) + e.count);
  const candidates: number[] = [];
  for (const [id, count] of pageEntities) {
    const e = find(index.entities.ids, id);
    const m = mentionWeight(count);
    if (e < 0 || m === 0) continue;
    mention[e] = m;
    const P = index.entities.articles;
    for (let k = P.start[e] ?? 0, end = P.start[e + 1] ?? 0; k < end; k++) {
      const a = P.cols[k] ?? 0;
      if (sharing[a]) continue;
      sharing[a] = 1;
      candidates.push(a);
    }
  }

  // Words: the dot products of the page vector with every article vector sharing a word, summed
  // in the page vector's order as cosine() sums them. Across languages words never count.
  const idfOf = new Map<string, number>();
  for (const { term } of page.terms) {
    const t = find(index.terms.ids, term);
    if (t >= 0) idfOf.set(term, index.terms.idf[t] ?? 0);
  }
  const pageVector = termVector(page.terms, idfOf, index.terms.unseenIdf);
  let na = 0;
  for (const x of pageVector.values()) na += x * x;
  const lexicalLang = page.lang !== 'und' && na > 0 ? page.lang : null;
  if (lexicalLang !== null) {
    const P = index.terms.articles;
    for (const [term, x] of pageVector) {
      const t = find(index.terms.ids, term);
      if (t < 0) continue;
      for (let k = P.start[t] ?? 0, end = P.start[t + 1] ?? 0; k < end; k++) {
        const a = P.cols[k] ?? 0;
        dot[a] = (dot[a] ?? 0) + x * (P.w[k] ?? 0);
        wordy[a] = 1;
      }
    }
  }
  const lexicalOf = (a: number): number => {
    const nb = A.termNorm[a] ?? 0;
    return lexicalLang === null || A.langs[a] !== lexicalLang || nb === 0 ? 0 : (dot[a] ?? 0) / Math.sqrt(na * nb);
  };
  const pageTime = parseDay(page.published);
  /** The date factors of whole-day distances, computed once each (dates are days). */
  const dayFactors = new Map<number, number>();
  const timeOf = (a: number) => {
    const days = Math.abs(pageTime - (A.time[a] ?? NaN)) / DAY;
    if (!Number.isFinite(days)) return UNDATED_TIME;
    let f = dayFactors.get(days);
    if (f === undefined) dayFactors.set(days, (f = TIME_FLOOR + (1 - TIME_FLOOR) * Math.pow(0.5, days / HALF_LIFE_DAYS)));
    return f;
  };
  const entityOf = (a: number): number => {
    if (!sharing[a]) return 0;
    let covered = 0;
    for (let k = A.entities.start[a] ?? 0, end = A.entities.start[a + 1] ?? 0; k < end; k++) {
      const m = mention[A.entities.cols[k] ?? 0] ?? 0;
      if (m !== 0) covered += (A.entities.w[k] ?? 0) * m;
    }
    const mass = A.entityMass[a] ?? 0;
    return mass > 0 ? covered / mass : 0;
  };
  /** Article scores, each computed once (NaN: not yet); 0 for an article sharing nothing with the page. */
  const scoreValue = (a: number): number => {
    let v = value[a] ?? NaN;
    if (Number.isNaN(v)) value[a] = v = sharing[a] || wordy[a] ? Math.min(1, entityOf(a) + LEXICAL_WEIGHT * lexicalOf(a)) * timeOf(a) : 0;
    return v;
  };
  /** The reported ArticleScore, with the shared entities strongest first. */
  const scored = new Map<number, ArticleScore>();
  const scoreOf = (a: number): ArticleScore => {
    let s = scored.get(a);
    if (!s) {
      const evidence: [string, number][] = [];
      for (let k = A.entities.start[a] ?? 0, end = A.entities.start[a + 1] ?? 0; k < end; k++) {
        const e = A.entities.cols[k] ?? 0;
        const m = mention[e] ?? 0;
        if (m !== 0) evidence.push([index.entities.ids[e] ?? '', (A.entities.w[k] ?? 0) * m]);
      }
      evidence.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      s = {
        articleId: A.ids[a] ?? '',
        storyId: A.storyIds[a] ?? null,
        score: scoreValue(a),
        entity: entityOf(a),
        lexical: lexicalOf(a),
        time: timeOf(a),
        shared: evidence.map(([id]) => id),
      };
      scored.set(a, s);
    }
    return s;
  };
  if (opts.exhaustive) for (let a = 0; a < n; a++) if (sharing[a] || wordy[a]) scoreOf(a);

  // Stories: those with a candidate member (no other can have MIN_SHARED entities on the page),
  // or with any scored member when exhaustive; scored 0.8 × best + 0.2 × mean over all members.
  const M = S.members;
  const members = (s: number): number[] => Array.from(M.cols.subarray(M.start[s] ?? 0, M.start[s + 1] ?? 0));
  const storyList = new Set<number>();
  for (const a of opts.exhaustive ? scored.keys() : candidates)
    for (let k = A.stories.start[a] ?? 0, end = A.stories.start[a + 1] ?? 0; k < end; k++) storyList.add(A.stories.cols[k] ?? 0);
  let storyScores: { s: number; id: string; score: number }[] = [];
  for (const s of storyList) {
    const from = M.start[s] ?? 0;
    const to = M.start[s + 1] ?? 0;
    if (to === from) continue;
    let best = -Infinity;
    let sum = 0;
    for (let k = from; k < to; k++) {
      const v = scoreValue(M.cols[k] ?? 0);
      if (v > best) best = v;
      sum += v;
    }
    const score = 0.8 * best + 0.2 * (sum / (to - from));
    if (score > 0) storyScores.push({ s, id: S.ids[s] ?? '', score: round(score) });
  }
  const storyOrder = (x: { id: string; score: number }, y: { id: string; score: number }) => y.score - x.score || (x.id < y.id ? -1 : 1);
  /** Distinct entities of the story's members found on the page. */
  const sharedCount = (s: number): number => {
    const seen = new Set<number>();
    for (let k = M.start[s] ?? 0, to = M.start[s + 1] ?? 0; k < to; k++) {
      const a = M.cols[k] ?? 0;
      for (let j = A.entities.start[a] ?? 0, end = A.entities.start[a + 1] ?? 0; j < end; j++) {
        const e = A.entities.cols[j] ?? 0;
        if (mention[e]) seen.add(e);
      }
    }
    return seen.size;
  };
  // The named story is the first, best first, at the threshold with enough entities shared. Without
  // `exhaustive` the stories are taken best first one at a time (the first usually is it), not all sorted.
  const stories: StoryScore[] = [];
  let namedNo = -1;
  if (opts.exhaustive) storyScores.sort(storyOrder);
  else storyScores = storyScores.filter((x) => x.score >= storyThreshold);
  while (storyScores.length > 0 && (namedNo < 0 || opts.exhaustive)) {
    let at = 0;
    if (!opts.exhaustive) storyScores.forEach((x, i) => (at = storyOrder(x, storyScores[at] ?? x) < 0 ? i : at));
    const [next] = storyScores.splice(at, 1);
    if (!next) break;
    const x: StoryScore = { id: next.id, score: next.score, shared: sharedCount(next.s) };
    stories.push(x);
    if (namedNo < 0 && x.score >= storyThreshold && x.shared >= MIN_SHARED) namedNo = next.s;
  }
  const named = namedNo < 0 ? null : (stories.find((x) => x.id === S.ids[namedNo]) ?? null);
  let story: TabStory | null = null;
  if (named) {
    // A story known only from its articles' storyId is titled after its best article.
    const top = [...members(namedNo)].sort((x, y) => scoreValue(y) - scoreValue(x))[0];
    story = { id: named.id, title: S.titles[namedNo] ?? (top === undefined ? undefined : A.titles[top]) ?? named.id, score: named.score };
  }

  // The page's own article: by URL first, else by headline and date (the best scored of those).
  const pageUrl = page.url.split('#')[0] ?? '';
  /** The articles at the page's URL (fragment aside): the first is the page's own, none is related. */
  const atUrl = new Set<number>();
  for (let i = lowerBound(index.urlKeys.keys, pageUrl); index.urlKeys.keys[i] === pageUrl; i++) atUrl.add(index.urlKeys.articles[i] ?? 0);
  let selfNo = atUrl.size > 0 ? Math.min(...atUrl) : -1;
  if (selfNo < 0) {
    const folded = foldTitle(page.title);
    const titled: number[] = [];
    // The headlines the page title may be: all of it, or a head followed by a short suffix (sameTitle).
    for (let cut = MIN_TITLE_CHARS; cut <= folded.length; cut++) {
      const head = folded.slice(0, cut);
      if (cut < folded.length && !sameTitle(folded, head)) continue;
      for (let i = lowerBound(index.titleKeys.keys, head); index.titleKeys.keys[i] === head; i++)
        titled.push(index.titleKeys.articles[i] ?? 0);
    }
    const matching = titled
      .sort((x, y) => x - y)
      .filter((a) => sameArticle(page, { url: A.urls[a] ?? null, title: A.titles[a] ?? '', published: A.published[a] ?? null }));
    selfNo = matching.sort((x, y) => scoreValue(y) - scoreValue(x))[0] ?? -1;
  }
  const self = selfNo < 0 ? null : (A.ids[selfNo] ?? null);

  // Related: candidates strong enough on their own, or in the named story or one of its related stories.
  const family = new Set<number>();
  if (named)
    for (const id of [named.id, ...(S.related[namedNo] ?? [])]) {
      const s = find(S.ids, id);
      if (s >= 0) for (const a of members(s)) family.add(a);
    }
  const byScore = (x: number, y: number) => scoreValue(y) - scoreValue(x) || ((A.ids[x] ?? '') < (A.ids[y] ?? '') ? -1 : 1);
  const limit = Math.max(0, maxRelated);
  let chosen: number[] = [];
  for (const a of candidates) {
    if (a === selfNo || atUrl.has(a)) continue;
    if (scoreValue(a) < relatedThreshold && !family.has(a)) continue;
    chosen.push(a);
    // Keep the best `limit`, trimming now and then rather than sorting every candidate.
    if (chosen.length >= 4 * limit + 16) chosen = chosen.sort(byScore).slice(0, limit);
  }
  const related = chosen
    .sort(byScore)
    .slice(0, limit)
    .map((a): RelatedArticle => {
      const s = scoreOf(a);
      return {
        articleId: s.articleId,
        title: A.titles[a] ?? '',
        source: A.sources[a] ?? '',
        published: A.published[a] ?? null,
        lang: A.langs[a] ?? '',
        score: round(s.score),
        shared: s.shared,
        origin: A.origins[a] ?? 'bundled',
        url: A.urls[a] ?? null,
      };
    });

  const articles = [...scored]
    .sort((x, y) => x[0] - y[0])
    .map(([, s]) => s)
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  return { story, self, related, stories, articles };
}
