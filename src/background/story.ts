/**
 * The page's story and related coverage, from the corpus in IndexedDB (see core/scoring.ts).
 *
 * Scoring needs, per article, its entity ids (most mentioned first), its top content words, its
 * date, language and story, and per story its articles and related stories. Counting an article's
 * words means reading its body, so that is done once per corpus build, when the corpus is loaded
 * ({@link scoringIndexOf} in core/scoring.ts, called by loadCorpus): the corpus-wide IDFs, every article's vectors and
 * the postings (entity → articles, word → articles) are stored as one record of flat arrays beside
 * the corpus, in the same transaction. A page then costs one `meta` read (is the build still the
 * same?) plus postings-only scoring; the record itself is read once per build and kept (a restarted
 * background reads it again: tens of milliseconds at 10,000 articles, no bodies).
 */
import {
  type PageFeatures,
  type PageScore,
  type ScoreOptions,
  type ScoringArticle,
  type ScoringCorpus,
  type ScoringCorpusInput,
  prepareScoringCorpus,
} from '../core/scoring';
import {
  SCORING_INDEX_FORMAT,
  type ScoringIndex,
  buildScoringIndex,
  scoreIndexed,
  scoringArticle,
  scoringStory,
  usableScoringIndex,
} from '../core/scoring-index';
import type { IDBPTransaction } from 'idb';
import { type Db, MEMORY_META_KEY, type NewsDB, SCORING_INDEX_KEY, readTx } from './db';

// The index itself is built in core/scoring-index.ts and stored under its key by db.ts; these stay importable from here.
export { ARTICLE_TERMS, relatedIds, scoringIndexOf } from '../core/scoring-index';
export { SCORING_INDEX_KEY } from './db';

/**
 * Reads what scoring needs from the stored articles and stories in one read-only transaction,
 * article by article with a cursor (one body held at a time), and prepares it for the full walk
 * ({@link scorePage}). The background uses the stored index instead; this is the reference it is
 * tested against. An empty database gives an empty corpus (build "").
 */
export async function readScoringCorpus(db: Db): Promise<ScoringCorpus> {
  const tx = db.transaction(['meta', 'articles', 'stories']);
  const build = (await tx.objectStore('meta').get('corpus'))?.build ?? '';
  const { articles, stories } = await readScoringInput(tx);
  await tx.done;
  return prepareScoringCorpus({ build, articles, stories });
}

/** What scoring needs of the stored articles and stories, read in `tx`, article by article with a cursor (one body held at a time). */
async function readScoringInput(
  tx: IDBPTransaction<NewsDB, ('articles' | 'stories' | 'meta')[]>,
): Promise<Pick<ScoringCorpusInput, 'articles' | 'stories'>> {
  const articles: ScoringArticle[] = [];
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    articles.push(scoringArticle(cursor.value));
    cursor = await cursor.continue();
  }
  return { articles, stories: (await tx.objectStore('stories').getAll()).map(scoringStory) };
}

/**
 * The stored scoring index, in one read-only transaction with the corpus's meta record. A database
 * without a corpus, or whose index is missing or of another format or build (a corpus loaded before
 * schema v3, until the background loads it again), gives an index of no articles: no story, nothing related.
 */
export async function readScoringIndex(db: Db): Promise<ScoringIndex> {
  const tx = db.transaction(['meta', 'scoring']);
  const [meta, index] = await Promise.all([tx.objectStore('meta').get('corpus'), tx.objectStore('scoring').get(SCORING_INDEX_KEY)]);
  await tx.done;
  return usableScoringIndex(index, meta?.build ?? '');
}

export interface ScoringCache {
  /**
   * The scoring index of the database's current build: read once per build, shared by concurrent
   * callers. `key`: the database's {@link scoringKey}, when the caller has just read it.
   */
  get(db: Db, key?: string): Promise<ScoringIndex>;
  /** How many times the index was read from the database (for tests and diagnostics). */
  readonly reads: number;
  clear(): void;
}

/**
 * What the scoring index of the stores must be built from: the bundled corpus's build, and the
 * reading memory's generation once anything was ever remembered or imported (memory-db.ts).
 */
export async function scoringKey(db: Db): Promise<string> {
  const tx = readTx(db, ['meta', 'memoryMeta']);
  const [meta, memory] = await Promise.all([tx.objectStore('meta').get('corpus'), tx.objectStore('memoryMeta').get(MEMORY_META_KEY)]);
  const build = meta?.build ?? '';
  return memory?.generation ? `${build}#${String(memory.generation)}` : build;
}

/**
 * The stored index when it fits `key`; else (the reader's articles changed since, or an update
 * changed the index's format, or the corpus was stored before there was one) one built from the
 * stores as they are, and stored for the next start (unless storage is read-only).
 */
async function indexFor(db: Db, key: string): Promise<ScoringIndex> {
  const stored = await db.get('scoring', SCORING_INDEX_KEY);
  if (stored?.format === SCORING_INDEX_FORMAT && stored.build === key) return stored;
  // No corpus stored: an index of nothing.
  if (key === '') return usableScoringIndex(stored, key);
  const tx = db.transaction(['articles', 'stories', 'meta']);
  const input = await readScoringInput(tx);
  await tx.done;
  const index = buildScoringIndex({ build: key, ...input });
  await db.put('scoring', index, SCORING_INDEX_KEY).catch((e: unknown) => console.warn('[news-context] scoring index not stored:', e));
  return index;
}

export function createScoringCache(): ScoringCache {
  let cached: { build: string; index: Promise<ScoringIndex> } | null = null;
  let reads = 0;
  return {
    async get(db, key) {
      const build = key ?? (await scoringKey(db));
      if (cached?.build !== build) {
        reads++;
        const index = indexFor(db, build);
        const entry = { build, index };
        cached = entry;
        // A failed read must not stick: the next page tries again.
        index.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.index;
    },
    get reads() {
      return reads;
    },
    clear() {
      cached = null;
    },
  };
}

/** The background's cache: lives as long as the service worker / event page. */
export const scoringCache: ScoringCache = createScoringCache();

/**
 * Scores a page against the corpus in `db`: the tab analysis's `story` and `related` are
 * `result.story` and `result.related`. The evidence lists hold what the index looked at (see {@link scoreIndexed}).
 */
export async function scorePageInDb(
  db: Db,
  page: PageFeatures,
  opts: ScoreOptions = {},
  cache: ScoringCache = scoringCache,
): Promise<PageScore> {
  return scoreIndexed(page, await cache.get(db), opts);
}
