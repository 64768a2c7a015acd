/**
 * The page's story and related coverage, from the corpus in IndexedDB (see core/scoring.ts).
 *
 * Scoring needs, per article, its entity ids (most mentioned first), its top content words, its
 * date, language and story, and per story its articles and related stories. Reading that means
 * walking every article's body once to count its words, linear in the corpus text, so it is done
 * once per corpus build and kept in memory (a few KB per article: ids and 60 terms; bodies are
 * not kept). Each page then costs one `meta` read (is the build still the
 * same?) plus the scoring itself. The background may be restarted at any time: the cache is simply
 * rebuilt on the first page after that.
 */
import {
  type PageFeatures,
  type PageScore,
  type ScoreOptions,
  type ScoringArticle,
  type ScoringCorpus,
  type ScoringStory,
  pageTerms,
  prepareScoringCorpus,
  scorePage,
} from '../core/scoring';
import type { Db } from './db';

/** Content words kept per corpus article (pages send 40). */
export const ARTICLE_TERMS = 60;

/** Related story ids of a stored story: the pipeline stores `related: [{storyId, …}]` beside the schema's fields. */
export function relatedIds(story: object): string[] {
  const related = (story as { related?: unknown }).related;
  if (!Array.isArray(related)) return [];
  return related.flatMap((r: unknown) => {
    const id = typeof r === 'object' && r !== null ? (r as { storyId?: unknown }).storyId : r;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Reads what scoring needs from the database in one read-only transaction (a consistent
 * snapshot even while a new corpus is being loaded), article by article with a cursor so that
 * only one body is held at a time. An empty database gives an empty corpus (build "").
 */
export async function readScoringCorpus(db: Db): Promise<ScoringCorpus> {
  const tx = db.transaction(['meta', 'articles', 'stories']);
  const build = (await tx.objectStore('meta').get('corpus'))?.build ?? '';
  const articles: ScoringArticle[] = [];
  let cursor = await tx.objectStore('articles').openCursor();
  while (cursor) {
    const a = cursor.value;
    articles.push({
      id: a.id,
      title: a.title,
      source: a.source,
      url: a.url,
      published: a.published,
      lang: a.lang,
      storyId: a.storyId ?? null,
      entities: a.entities,
      terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang, ARTICLE_TERMS),
    });
    cursor = await cursor.continue();
  }
  const stories: ScoringStory[] = (await tx.objectStore('stories').getAll()).map((s) => ({
    id: s.id,
    title: s.title,
    articleIds: s.articleIds,
    related: relatedIds(s),
  }));
  await tx.done;
  return prepareScoringCorpus({ build, articles, stories });
}

export interface ScoringCache {
  /** The prepared corpus of the database's current build: read once per build, shared by concurrent callers. */
  get(db: Db): Promise<ScoringCorpus>;
  /** How many times the corpus was read from the database (for tests and diagnostics). */
  readonly reads: number;
  clear(): void;
}

export function createScoringCache(): ScoringCache {
  let cached: { build: string; corpus: Promise<ScoringCorpus> } | null = null;
  let reads = 0;
  return {
    async get(db) {
      const build = (await db.get('meta', 'corpus'))?.build ?? '';
      if (cached?.build !== build) {
        reads++;
        const corpus = readScoringCorpus(db);
        const entry = { build, corpus };
        cached = entry;
        // A failed read must not stick: the next page tries again.
        corpus.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.corpus;
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
 * `result.story` and `result.related`.
 */
export async function scorePageInDb(
  db: Db,
  page: PageFeatures,
  opts: ScoreOptions = {},
  cache: ScoringCache = scoringCache,
): Promise<PageScore> {
  return scorePage(page, await cache.get(db), opts);
}
