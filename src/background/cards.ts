/**
 * Hover-card data for an entity, read from IndexedDB: its cited description and facts (in the
 * page's language first, since a Swedish reader hovering "Meta" wants Swedish sentences when the
 * corpus has them), and its place in the story.
 */
import { type CitedText, type EntityCard, citedText } from '../core/cards';
import type { Article, Story, StorySentence } from '../core/corpus';
import type { Db } from './db';

type Cited = StorySentence;

export interface EntityCardOptions {
  lang: string;
  storyId?: string | null;
  /** Reads an article: a caller making many cards passes one that remembers, since cards cite the same articles. */
  article?: (id: string) => Promise<Article | undefined>;
  /** Reads the articles of `ids` in one go ahead of `article` (the same caller's). */
  prefetch?: (ids: readonly string[]) => void;
}

/** Descriptions and facts a card chooses among (in stored order; the page's language first). */
const MAX_CANDIDATES = { descriptions: 8, facts: 12 };

export async function entityCard(db: Db, entityId: string, opts: EntityCardOptions): Promise<EntityCard | null> {
  const article = opts.article ?? ((id: string) => db.get('articles', id));
  const entity = await db.get('entities', entityId);
  if (!entity) return null;
  // The pipeline stores every description candidate with its citation; the contract's `description` is the first.
  // A card shows one description and three facts: it reads the articles of the first few candidates
  // only (an entity the reader's articles name often has facts from hundreds of them).
  const descriptions: readonly Cited[] = (entity.descriptions ?? []).slice(0, MAX_CANDIDATES.descriptions);
  const candidates: readonly Cited[] = entity.facts.slice(0, MAX_CANDIDATES.facts);
  const articleIds = [...new Set([...descriptions, ...candidates].map((c) => c.articleId))];
  opts.prefetch?.(articleIds);
  const articles = new Map<string, Article>();
  for (const a of await Promise.all(articleIds.map(article))) if (a) articles.set(a.id, a);
  const cite = (c: Cited): CitedText | null => {
    const a = articles.get(c.articleId);
    return a ? citedText(c.text, c.sentence, a) : null;
  };
  // Stable order, then the page's language first.
  const byLang = (x: CitedText, y: CitedText) => Number(y.lang === opts.lang) - Number(x.lang === opts.lang);
  const description =
    descriptions
      .map(cite)
      .filter((c): c is CitedText => c !== null)
      .sort(byLang)[0] ?? null;
  const facts = candidates
    .map(cite)
    .filter((c): c is CitedText => c !== null)
    .sort(byLang)
    .slice(0, 3);

  // The page's story when it names the entity, else the entity's first story (by id): two keyed
  // reads, not every story naming the entity (thousands, for a common one in a large corpus).
  const pageStory = opts.storyId ? await db.get('stories', opts.storyId) : undefined;
  const story: Story | undefined = pageStory?.entities.includes(entityId)
    ? pageStory
    : await db.getFromIndex('stories', 'byEntity', entityId);
  let place: EntityCard['story'] = null;
  if (story) {
    const dates = (await Promise.all(story.articleIds.map(article)))
      .map((a) => a?.published ?? '')
      .filter(Boolean)
      .sort();
    place = {
      id: story.id,
      title: story.title,
      published: dates[0] ?? '',
      articles: story.articleIds.length,
      rank: story.entities.indexOf(entityId) + 1,
      of: story.entities.length,
    };
  }
  return { id: entity.id, name: entity.name, type: entity.type, description, facts, story: place };
}
