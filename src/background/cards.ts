/**
 * Hover-card data for an entity, read from IndexedDB: its cited description and facts (in the
 * page's language first, since a Swedish reader hovering "Meta" wants Swedish sentences when the
 * corpus has them), and its place in the story.
 */
import { type CitedText, type EntityCard, citedText } from '../core/cards';
import type { Article, Story, StorySentence } from '../core/corpus';
import type { IDBPTransaction } from 'idb';
import { type Db, type EntityHead, type NewsDB, readTx } from './db';
import { CARD_SHOWS, type EntityPreview, type StoredCited, candidates } from './entity-preview';

type Cited = StorySentence;

export interface EntityCardOptions {
  lang: string;
  storyId?: string | null;
  /** The page's story as the caller read it (else `storyId`'s is read). */
  story?: Story;
  /** Reads an article: a caller making many cards passes one that remembers, since cards cite the same articles. */
  article?: (id: string) => Promise<Article | undefined>;
  /** Reads the articles of `ids` in one go ahead of `article` (the same caller's). */
  prefetch?: (ids: readonly string[]) => void;
  /**
   * What the scoring index of the same stores holds of an article (its title, outlet, date and
   * language: all a citation shows), or undefined: then the article is read.
   */
  indexed?: (id: string) => CitedArticle | undefined;
}

/** What a card shows of an article it cites. */
type CitedArticle = Pick<Article, 'id' | 'source' | 'published' | 'lang' | 'title'>;

/**
 * Descriptions and facts stored without their language (before v6) a card reads the articles of to
 * rank them (the first, in stored order).
 */
const MAX_UNKNOWN = { descriptions: 8, facts: 12 };

/** What a card says of an entity whatever the page's story: its name, type, description and facts. */
export type EntityAbout = Omit<EntityCard, 'story'>;

/** What citations show of articles, read once each: from the scoring index when it has them, else read. */
function articleLoader(db: Db, opts: Pick<EntityCardOptions, 'article' | 'prefetch' | 'indexed'>) {
  const read = opts.article ?? ((id: string) => db.get('articles', id));
  const articles = new Map<string, CitedArticle | undefined>();
  const load = async (ids: Iterable<string>) => {
    const wanted: string[] = [];
    for (const id of new Set(ids)) {
      if (articles.has(id)) continue;
      const known = opts.indexed?.(id);
      if (known) articles.set(id, known);
      else wanted.push(id);
    }
    opts.prefetch?.(wanted);
    for (const [i, a] of (await Promise.all(wanted.map(read))).entries()) articles.set(wanted[i] ?? '', a);
  };
  return { articles, load };
}

export async function entityCard(db: Db, entityId: string, opts: EntityCardOptions): Promise<EntityCard | null> {
  const [about, story] = await Promise.all([entityAbout(db, entityId, opts), entityStory(db, entityId, opts)]);
  if (!about) return null;
  return { ...about, story: story ? await storyPlace(db, entityId, story, opts) : null };
}

/** An entity's head and card preview, as {@link entityAbout} reads them. */
export type AboutRecords = [EntityHead | undefined, EntityPreview | undefined];

/** Reads the head and card preview of `entityId` in `tx` (one transaction may serve many cards). */
export function readAbout(tx: IDBPTransaction<NewsDB, ('entities' | 'entityPreviews')[]>, entityId: string): Promise<AboutRecords> {
  return Promise.all([tx.objectStore('entities').get(entityId), tx.objectStore('entityPreviews').get(entityId)]);
}

/**
 * The entity's name, type, description and facts, in `opts.lang` first; null for an unknown entity.
 * `records`: its head and preview when the caller has asked for them already ({@link readAbout}).
 */
export async function entityAbout(
  db: Db,
  entityId: string,
  opts: EntityCardOptions,
  records?: Promise<AboutRecords>,
): Promise<EntityAbout | null> {
  const [head, preview] = await (records ?? readAbout(readTx(db, ['entities', 'entityPreviews']), entityId));
  if (!head) return null;
  const { articles, load } = articleLoader(db, opts);
  /**
   * The first `n` of `items` that cite a stored article, in the page's language first (stable: the
   * stored order is the pipeline's ranking, then the reader's articles as they came). Only the
   * articles of the chosen ones are read, and of those without a stored language the first few.
   * `missed`: one cited an article that is not stored.
   */
  const choose = async (items: readonly StoredCited<Cited>[], unknown: number, n: number) => {
    const pool = [...items.filter((c) => c.lang), ...items.filter((c) => !c.lang).slice(0, unknown)];
    await load(pool.filter((c) => !c.lang).map((c) => c.articleId));
    const langOf = (c: StoredCited<Cited>) => c.lang ?? articles.get(c.articleId)?.lang;
    const inPool = new Set(pool);
    const ranked = items.filter((c) => inPool.has(c)).sort((x, y) => Number(langOf(y) === opts.lang) - Number(langOf(x) === opts.lang));
    const out: CitedText[] = [];
    let missed = false;
    for (let i = 0; i < ranked.length && out.length < n;) {
      const next = ranked.slice(i, i + n - out.length);
      i += next.length;
      await load(next.map((c) => c.articleId));
      for (const c of next) {
        const a = articles.get(c.articleId);
        if (a) out.push(citedText(c.text, c.sentence, a));
        else missed = true;
      }
    }
    return { out, missed };
  };
  const chooseAll = (descriptions: readonly StoredCited<Cited>[], facts: readonly StoredCited<Cited>[]) =>
    Promise.all([
      choose(descriptions, MAX_UNKNOWN.descriptions, CARD_SHOWS.descriptions),
      choose(facts, MAX_UNKNOWN.facts, CARD_SHOWS.facts),
    ]);
  // From the preview (entity-preview.ts): a few sentences, whatever the number of articles naming
  // the entity. From its whole detail when the preview cannot rank (stored before v6) or cites an
  // article that is gone.
  let chosen = preview?.complete
    ? await chooseAll(candidates(preview.descriptions, opts.lang), candidates(preview.facts, opts.lang))
    : null;
  if (!chosen || chosen[0].missed || chosen[1].missed) {
    const detail = await db.get('entityDetails', entityId);
    chosen = await chooseAll(detail?.descriptions ?? [], detail?.facts ?? []);
  }
  // The pipeline stores every description candidate with its citation; the contract's `description` is the first.
  const description = chosen[0].out[0] ?? null;
  const facts = chosen[1].out;

  return { id: head.id, name: head.name, type: head.type, description, facts };
}

/**
 * The story a card places the entity in: the page's story when it names the entity, else the
 * entity's first story (by id): keyed reads, not every story naming the entity (thousands, for a
 * common one in a large corpus).
 */
async function entityStory(db: Db, entityId: string, opts: Pick<EntityCardOptions, 'story' | 'storyId'>): Promise<Story | undefined> {
  const pageStory = opts.story?.id === opts.storyId ? opts.story : opts.storyId ? await db.get('stories', opts.storyId) : undefined;
  return pageStory?.entities.includes(entityId) ? pageStory : db.getFromIndex('stories', 'byEntity', entityId);
}

/** The entity's place in `story`: the story's first date, its size, and the entity's rank among its entities. */
export async function storyPlace(
  db: Db,
  entityId: string,
  story: Story,
  opts: Pick<EntityCardOptions, 'article' | 'prefetch' | 'indexed'>,
): Promise<NonNullable<EntityCard['story']>> {
  const { articles, load } = articleLoader(db, opts);
  await load(story.articleIds);
  const dates = story.articleIds
    .map((id) => articles.get(id)?.published ?? '')
    .filter(Boolean)
    .sort();
  return {
    id: story.id,
    title: story.title,
    published: dates[0] ?? '',
    articles: story.articleIds.length,
    rank: story.entities.indexOf(entityId) + 1,
    of: story.entities.length,
  };
}
