/**
 * The reader's own articles in the corpus stores. A user article (remembered or imported) is kept
 * in `userArticles` with its contribution (corpus/contribution.ts); the corpus stores (articles,
 * entities, events, stories) hold the bundled corpus with every user article's contribution merged
 * in, so that everything that reads them (analysis, side panel, cards, reader view) draws on both
 * alike. Merging is reversible:
 * - {@link applyUserArticle} links the article's entities to the ones the corpus knows (by name and
 *   alias), adds its facts, descriptions and naming to them (or makes its own entities), stores its
 *   events, and puts it in a story (incremental assignment for a remembered article, its pack's story
 *   for an imported one);
 * - {@link removeUserArticle} takes all of that out again: facts, descriptions, events, story
 *   membership; entities and stories left with no source go too;
 * - {@link replayUserArticles} puts every user article back after a new bundled corpus replaced
 *   the corpus stores (linking again: the bundled entities may have changed).
 * Every function works inside the caller's transaction over {@link MEMORY_STORES}.
 */
import { isUserId } from '../core/memory';
import type { EntityContribution } from '../corpus/contribution';
import { storySummaries } from '../corpus/stages';
import { addCited, addSource, dropSources, newOwnEntity, pickLinked, refreshOwn, refreshTrust, settleEntity } from './entity-state';
import { type CandidateStory, type StoryArticle, assignStory } from '../corpus/stories';
import { contentWords } from '../corpus/summarise';
import {
  type Db,
  ENTITY_STORES,
  MEMORY_META_KEY,
  type StoredEntity,
  type StoredStory,
  type UserArticleRecord,
  deleteEntity,
  entityStores,
  foldAlias,
  readEntity,
  withDetail,
  writeEntity,
} from './db';
import type { IDBPTransaction } from 'idb';
import type { NewsDB } from './db';

/** The stores a change to the reader's articles touches, in one transaction. */
export const MEMORY_STORES = ['articles', ...ENTITY_STORES, 'events', 'stories', 'userArticles', 'packs', 'memoryMeta'] as const;
export type MemoryTx = IDBPTransaction<NewsDB, (typeof MEMORY_STORES)[number][], 'readwrite'>;

/** Stories a remembered article is compared with, at most (those sharing its most mentioned entities). */
const MAX_CANDIDATE_STORIES = 24;
/** Members of a candidate story it is compared with, at most (the latest). */
const MAX_MEMBERS = 16;
/** Entities of the article that find candidate stories. */
const CANDIDATE_ENTITIES = 8;

/** The corpus entity an article's entity is: the one it was linked to before (still there), else by name and alias (entity-state.ts pickLinked); null: a new entity. */
export async function linkEntity(tx: MemoryTx, c: EntityContribution, previous: string | undefined): Promise<StoredEntity | null> {
  const stores = entityStores(tx);
  if (previous) {
    const e = await readEntity(stores, previous);
    if (e) return e;
  }
  const index = tx.objectStore('entities').index('byAlias');
  const [byName, ...byAlias] = await Promise.all([c.name, ...c.aliases].map((n) => index.getAll(foldAlias(n))));
  const head = pickLinked(c, byName ?? [], byAlias);
  return head ? withDetail(stores, head) : null;
}

/** A free id for a new entity of the reader's: its local id marked as theirs ("~" never occurs in a bundled id). */
async function newEntityId(tx: MemoryTx, local: string): Promise<string> {
  const store = tx.objectStore('entities');
  let id = `~${local}`;
  for (let n = 2; (await store.getKey(id)) !== undefined; n++) id = `~${local}-${String(n)}`;
  return id;
}

/** What story assignment compares of a stored article: a user article's own counts and words, a bundled one's entities and body. */
async function storyArticleOf(tx: MemoryTx, id: string): Promise<StoryArticle | null> {
  const user = await tx.objectStore('userArticles').get(id);
  if (user) return storyArticleOfRecord(user);
  const a = await tx.objectStore('articles').get(id);
  if (!a) return null;
  return {
    id,
    title: a.title,
    lang: a.lang,
    published: a.published,
    // The corpus record lists its entities, most mentioned first, without counts: one each.
    entities: new Map(a.entities.map((e) => [e, 1])),
    words: contentWords(a.body, a.lang).slice(0, 400),
  };
}

function storyArticleOfRecord(r: UserArticleRecord): StoryArticle {
  const entities = new Map<string, number>();
  for (const [local, n] of r.contribution.mentionCounts) {
    const id = r.links[local] ?? local;
    entities.set(id, (entities.get(id) ?? 0) + n);
  }
  const a = r.contribution.article;
  return { id: r.id, title: a.title, lang: a.lang, published: a.published, entities, words: r.contribution.words };
}

/** The article's sentences as the summariser reads them, with the entity count of each. */
function memberText(r: UserArticleRecord) {
  const a = r.contribution.article;
  return {
    id: r.id,
    lang: a.lang,
    sentences: a.sentences.map(([start, end], i) => ({
      text: a.body.slice(start, end),
      entities: r.contribution.sentenceEntities[i] ?? 0,
    })),
  };
}

/** An own story's title, entities, language and summaries, from its members (all user articles). */
async function refreshOwnStory(tx: MemoryTx, story: StoredStory): Promise<void> {
  const members = (await Promise.all(story.articleIds.map((id) => tx.objectStore('userArticles').get(id)))).filter(
    (r): r is UserArticleRecord => r !== undefined,
  );
  members.sort((a, b) => (a.contribution.article.published ?? '').localeCompare(b.contribution.article.published ?? ''));
  story.articleIds = members.map((r) => r.id);
  const totals = new Map<string, number>();
  for (const m of members) for (const [id, n] of storyArticleOfRecord(m).entities) totals.set(id, (totals.get(id) ?? 0) + n);
  story.entities = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  story.title = members[0]?.contribution.article.title ?? story.title;
  Object.assign(story, storySummaries(members.map(memberText)));
}

/**
 * A bundled story's summaries and key points in the languages it has none in, made from the
 * reader's articles that joined it (a German reader of an English story gets a German digest);
 * what earlier ones made is taken out first, so that forgetting them leaves the bundled story as it was.
 */
async function refreshReaderSummaries(tx: MemoryTx, story: StoredStory): Promise<void> {
  const made = new Set(story.readerLangs);
  const without = <T>(byLang: Record<string, T> | undefined) =>
    byLang && Object.fromEntries(Object.entries(byLang).filter(([lang]) => !made.has(lang)));
  const summaries = without(story.summaries);
  const keyPoints = without(story.keyPoints);
  const members = (await Promise.all(story.articleIds.filter(isUserId).map((id) => tx.objectStore('userArticles').get(id)))).filter(
    (r): r is UserArticleRecord => r !== undefined,
  );
  const fromReader = members.length > 0 ? storySummaries(members.map(memberText)) : null;
  const reader = { summaries: fromReader?.summaries ?? {}, keyPoints: fromReader?.keyPoints ?? {} };
  const langs = Object.keys(reader.summaries).filter((lang) => (reader.summaries[lang]?.length ?? 0) > 0 && !summaries?.[lang]?.length);
  delete story.readerLangs;
  if (langs.length === 0) {
    if (summaries) story.summaries = summaries;
    if (keyPoints) story.keyPoints = keyPoints;
    return;
  }
  story.summaries = { ...summaries, ...Object.fromEntries(langs.map((lang) => [lang, reader.summaries[lang] ?? []])) };
  story.keyPoints = { ...keyPoints, ...Object.fromEntries(langs.map((lang) => [lang, reader.keyPoints[lang] ?? []])) };
  story.readerLangs = langs;
}

/** A story's derived parts after its members changed: an own story's all, a bundled story's reader summaries. */
const refreshStory = (tx: MemoryTx, story: StoredStory) => (story.origin ? refreshOwnStory(tx, story) : refreshReaderSummaries(tx, story));

/**
 * Puts a remembered article in a story: the story its page was shown in while it exists (the tab
 * analysis matched the page against the whole corpus, across languages), else the one holding its
 * most similar article among the stories that share its main entities (corpus/stories.ts
 * assignStory), else a story of its own.
 */
async function assignRemembered(tx: MemoryTx, rec: UserArticleRecord, article: StoryArticle): Promise<string> {
  const stories = tx.objectStore('stories');
  const shown = rec.shownStory ? await stories.get(rec.shownStory) : undefined;
  if (shown) {
    if (!shown.articleIds.includes(rec.id)) shown.articleIds.push(rec.id);
    await refreshStory(tx, shown);
    await stories.put(shown);
    return shown.id;
  }
  const top = [...article.entities].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_ENTITIES);
  const found = new Map<string, StoredStory>();
  for (const [entity] of top) {
    for (const s of await stories.index('byEntity').getAll(entity)) if (found.size < MAX_CANDIDATE_STORIES) found.set(s.id, s);
  }
  const candidates: CandidateStory[] = [];
  for (const s of found.values()) {
    const members = (await Promise.all(s.articleIds.slice(-MAX_MEMBERS).map((id) => storyArticleOf(tx, id)))).filter(
      (m): m is StoryArticle => m !== null && m.id !== rec.id,
    );
    if (members.length > 0) candidates.push({ id: s.id, members });
  }
  const assignment = assignStory(article, candidates);
  if (assignment.storyId) {
    const story = found.get(assignment.storyId);
    if (story) {
      if (!story.articleIds.includes(rec.id)) story.articleIds.push(rec.id);
      await refreshStory(tx, story);
      await stories.put(story);
      return story.id;
    }
  }
  // A story of the reader's keeps its id when put back (a replay): views and tabs may name it.
  const own = rec.storyId.startsWith('story-~') && (await stories.getKey(rec.storyId)) === undefined ? rec.storyId : `story-${rec.id}`;
  const story: StoredStory = {
    id: own,
    title: rec.contribution.article.title,
    articleIds: [rec.id],
    entities: [],
    summary: [],
    related: assignment.related,
    origin: 'remembered',
  };
  await refreshOwnStory(tx, story);
  await stories.put(story);
  return story.id;
}

/** Bumps the memory's generation: what was computed from the corpus stores (scoring index, alias table) is made again. */
export async function touchMemory(tx: MemoryTx, trimmed?: number): Promise<void> {
  const store = tx.objectStore('memoryMeta');
  const meta = (await store.get(MEMORY_META_KEY)) ?? { generation: 0, trimmedAt: null, trimmed: 0 };
  meta.generation++;
  if (trimmed) {
    meta.trimmedAt = Date.now();
    meta.trimmed = trimmed;
  }
  await store.put(meta, MEMORY_META_KEY);
}

/**
 * Merges a user article into the corpus stores (see the module comment) and stores `rec` with its
 * links and story. `storyId` (imported articles) names the pack's story it belongs to; a remembered
 * article is assigned one.
 */
export async function applyUserArticle(tx: MemoryTx, rec: UserArticleRecord, storyId?: string): Promise<void> {
  const entities = entityStores(tx);
  const links: Record<string, string> = {};
  for (const c of rec.contribution.entities) {
    let e = await linkEntity(tx, c, rec.links[c.id]);
    if (!e) {
      e = newOwnEntity(await newEntityId(tx, c.id), c);
    }
    links[c.id] = e.id;
    addCited(e, rec, c);
    addSource(e, rec, c);
    if (e.user?.own) refreshOwn(e);
    refreshTrust(e);
    await writeEntity(entities, e);
  }
  rec.links = links;
  const map = (ids: readonly string[]) => [...new Set(ids.map((id) => links[id] ?? id))];
  const article = storyArticleOfRecord(rec);
  // Stored before its story is chosen: an own story reads its members' records (refreshOwnStory).
  await tx.objectStore('userArticles').put(rec);
  rec.storyId = storyId ?? (rec.origin === 'remembered' ? await assignRemembered(tx, rec, article) : '');
  const events = tx.objectStore('events');
  const stories = rec.storyId ? [rec.storyId] : [];
  for (const ev of rec.contribution.events) await events.put({ ...ev, entities: map(ev.entities), stories });
  await tx.objectStore('articles').put({
    ...rec.contribution.article,
    id: rec.id,
    entities: map(rec.contribution.article.entities),
    storyId: rec.storyId,
    origin: rec.origin,
    addedAt: rec.addedAt,
  });
  await tx.objectStore('userArticles').put(rec);
}

/**
 * Takes a user article out of the corpus stores and deletes it (see the module comment). Returns
 * false when there is no such user article.
 */
export async function removeUserArticle(tx: MemoryTx, id: string): Promise<boolean> {
  const rec = await tx.objectStore('userArticles').get(id);
  if (!rec) return false;
  const entities = entityStores(tx);
  for (const target of new Set(Object.values(rec.links))) {
    const e = await readEntity(entities, target);
    if (!e) continue;
    dropSources(e, (a) => a === id);
    await (settleEntity(e) ? writeEntity(entities, e) : deleteEntity(entities, e.id));
  }
  const events = tx.objectStore('events');
  for (const key of await events.index('byArticle').getAllKeys(id)) await events.delete(key);
  const stories = tx.objectStore('stories');
  for (const storyId of new Set([rec.storyId, ...(await stories.index('byArticle').getAllKeys(id))])) {
    const story = storyId ? await stories.get(storyId) : undefined;
    if (!story) continue;
    story.articleIds = story.articleIds.filter((a) => a !== id);
    if (story.origin && story.articleIds.length === 0) {
      await stories.delete(story.id);
      // The stories that named it as related (a pack's stories name each other) no longer do.
      for (const r of story.related ?? []) {
        const other = await stories.get(r.storyId);
        if (other?.related?.some((x) => x.storyId === story.id)) {
          other.related = other.related.filter((x) => x.storyId !== story.id);
          await stories.put(other);
        }
      }
      continue;
    }
    if (story.origin === 'remembered') await refreshOwnStory(tx, story);
    else if (!story.origin) await refreshReaderSummaries(tx, story);
    await stories.put(story);
  }
  await tx.objectStore('articles').delete(id);
  await tx.objectStore('userArticles').delete(id);
  // An imported article forgotten on its own: its pack counts one fewer, and its stories no longer list it.
  const pack = rec.pack ? await tx.objectStore('packs').get(rec.pack) : undefined;
  if (pack) {
    pack.articles = Math.max(0, pack.articles - 1);
    pack.stories = pack.stories
      .map((st) => ({ ...st, articleIds: st.articleIds.filter((a) => a !== id) }))
      .filter((st) => st.articleIds.length > 0);
    await tx.objectStore('packs').put(pack);
  }
  return true;
}

/** A read-write transaction over {@link MEMORY_STORES}. */
export const memoryTx = (db: Db): MemoryTx => db.transaction([...MEMORY_STORES], 'readwrite');
