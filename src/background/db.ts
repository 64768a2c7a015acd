/**
 * The extension's IndexedDB database. Two kinds of object stores:
 * - bundled stores (meta, articles, entities in three parts, events, stories, and the scoring
 *   index made from them) hold the corpus shipped with the extension, with the reader's own
 *   articles merged in (memory-db.ts); a new bundled corpus replaces them wholesale, in one
 *   transaction;
 * - user stores (settings, the reader's remembered and imported articles, packs, the memory's
 *   bookkeeping) belong to the reader and survive every corpus load and schema upgrade.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from 'idb';
import type { Article, Corpus, CorpusCounts, CorpusEvent, Entity, EntityDescription, EntityType, Fact, Story } from '../core/corpus';
import type { Origin, PackInfo } from '../core/memory';
import type { Contribution } from '../corpus/contribution';
import { type ScoringIndex, scoringIndexOf } from '../core/scoring-index';
import { DEFAULT_SETTINGS, type GlobalSettings, SITE_SWITCHES, type SiteSettings } from '../core/settings';
import { foldCase } from '../core/text';
import { type EntityPreview, type StoredCited, previewOf } from './entity-preview';

export type { StoredCited } from './entity-preview';

export const DB_NAME = 'news-context';

/** The key of the scoring index (core/scoring.ts) in the `scoring` store. */
export const SCORING_INDEX_KEY = 'index';

export interface CorpusMeta extends CorpusCounts {
  build: string;
  loadedAt: number;
}

/**
 * An entity whole: the corpus record with its aliases folded for look-up (see {@link foldAlias}) and
 * what the reader's articles say of it. Stored in two parts ({@link splitEntity}): its head in
 * `entities`, what grows with every article naming it (facts, descriptions, per-article naming) in
 * `entityDetails`.
 */
export interface StoredEntity extends Omit<Entity, 'facts' | 'descriptions'> {
  facts: StoredCited<Fact>[];
  descriptions?: StoredCited<EntityDescription>[];
  aliasKeys: string[];
  /** What the reader's own articles say of it (absent: the bundled corpus alone); see memory-db.ts. */
  user?: EntityUserState;
}

/** `items` with the language of the article each cites (`langOf` null: unknown, left without). */
export function withLangs<T extends Fact>(items: readonly T[], langOf: (articleId: string) => string | null | undefined): StoredCited<T>[] {
  return items.map((c) => {
    const lang = langOf(c.articleId);
    return lang ? { ...c, lang } : c;
  });
}

/**
 * What the `entities` store holds of an entity: all but its facts, descriptions and sources. A
 * timeline, a related item, a page's analysis and the linking of a new article's entities read
 * this, of a size that does not grow with the number of articles naming the entity.
 */
export type EntityHead = Omit<StoredEntity, 'facts' | 'descriptions' | 'user'> & { user?: Omit<EntityUserState, 'sources'> };

/** What the `entityDetails` store holds of an entity (the same id): its cited facts and descriptions, and the user articles naming it. */
export interface EntityDetail {
  id: string;
  facts: StoredEntity['facts'];
  descriptions?: StoredEntity['descriptions'];
  sources?: EntityUserState['sources'];
}

/** An entity's head, detail and card preview (entity-preview.ts), as stored. */
export function splitEntity(e: StoredEntity): { head: EntityHead; detail: EntityDetail; preview: EntityPreview } {
  const { facts, descriptions, user, ...rest } = e;
  const head: EntityHead = user ? { ...rest, user: { own: user.own, trusted: user.trusted } } : rest;
  const detail: EntityDetail = { id: e.id, facts };
  if (descriptions) detail.descriptions = descriptions;
  if (user) detail.sources = user.sources;
  return { head, detail, preview: previewOf(e) };
}

/** An entity whole again from its head and detail (no detail: no facts, descriptions or sources). */
export function joinEntity(head: EntityHead, detail: EntityDetail | undefined): StoredEntity {
  const { user, ...rest } = head;
  const e: StoredEntity = { ...rest, facts: detail?.facts ?? [] };
  if (detail?.descriptions) e.descriptions = detail.descriptions;
  if (user) e.user = { ...user, sources: detail?.sources ?? {} };
  return e;
}

interface ReadStore<T> {
  get(id: string): Promise<T | undefined>;
}
interface WriteStore<T> extends ReadStore<T> {
  put(value: T): Promise<unknown>;
  delete(id: string): Promise<unknown>;
}
/** The two stores of entities, as a transaction over both gives them. */
export interface EntityReaders {
  heads: ReadStore<EntityHead>;
  details: ReadStore<EntityDetail>;
}
export interface EntityStores extends EntityReaders {
  heads: WriteStore<EntityHead>;
  details: WriteStore<EntityDetail>;
  previews: WriteStore<EntityPreview>;
}
/** The stores an entity is written to. */
export const ENTITY_STORES = ['entities', 'entityDetails', 'entityPreviews'] as const;

/** The stores of entities in a read-write transaction over all three. */
export function entityStores(tx: {
  objectStore(name: 'entities'): EntityStores['heads'];
  objectStore(name: 'entityDetails'): EntityStores['details'];
  objectStore(name: 'entityPreviews'): EntityStores['previews'];
}): EntityStores {
  return { heads: tx.objectStore('entities'), details: tx.objectStore('entityDetails'), previews: tx.objectStore('entityPreviews') };
}

/** An entity whole, or undefined. */
export async function readEntity(s: EntityReaders, id: string): Promise<StoredEntity | undefined> {
  const [head, detail] = await Promise.all([s.heads.get(id), s.details.get(id)]);
  return head ? joinEntity(head, detail) : undefined;
}

/** An entity whole, from its head (read already) and its detail. */
export async function withDetail(s: Pick<EntityReaders, 'details'>, head: EntityHead): Promise<StoredEntity> {
  return joinEntity(head, await s.details.get(head.id));
}

export function writeEntity(s: EntityStores, e: StoredEntity): Promise<unknown> {
  const { head, detail, preview } = splitEntity(e);
  return Promise.all([s.heads.put(head), s.details.put(detail), s.previews.put(preview)]);
}

export function deleteEntity(s: EntityStores, id: string): Promise<unknown> {
  return Promise.all([s.heads.delete(id), s.details.delete(id), s.previews.delete(id)]);
}

/**
 * A read-only transaction over `stores` whose end nobody waits for: a failed read rejects its own
 * request, and waiting for the end is one more round trip to a browser's IndexedDB.
 */
export function readTx<const Names extends readonly StoreNames<NewsDB>[]>(db: Db, stores: Names): IDBPTransaction<NewsDB, Names> {
  const tx = db.transaction(stores);
  tx.done.catch(() => undefined);
  return tx;
}

/** An entity whole, or undefined. */
export function getEntity(db: Db, id: string): Promise<StoredEntity | undefined> {
  const tx = db.transaction(['entities', 'entityDetails']);
  return readEntity({ heads: tx.objectStore('entities'), details: tx.objectStore('entityDetails') }, id);
}

/** Every entity whole (the alias table, an export). */
export async function readAllEntities(db: Db): Promise<StoredEntity[]> {
  const tx = db.transaction(['entities', 'entityDetails']);
  const [heads, details] = await Promise.all([tx.objectStore('entities').getAll(), tx.objectStore('entityDetails').getAll()]);
  await tx.done;
  return joinEntities(heads, details);
}

/** Entities whole from all their heads and details (each detail joined to the head of its id). */
export function joinEntities(heads: readonly EntityHead[], details: readonly EntityDetail[]): StoredEntity[] {
  const byId = new Map(details.map((d) => [d.id, d]));
  return heads.map((h) => joinEntity(h, byId.get(h.id)));
}

/** One user article's naming of an entity. */
export interface EntitySource {
  origin: Exclude<Origin, 'bundled'>;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  wikidata: string | null;
}

export interface EntityUserState {
  /** True when the reader's articles alone know the entity (no bundled record behind it): it goes with its last source. */
  own: boolean;
  /** Per user article naming it. */
  sources: Record<string, EntitySource>;
  /** Whether it is highlighted on pages (core/memory.ts isTrustedEntity); bundled entities always are. */
  trusted: boolean;
}

/** A story as stored: `origin` set on the stories the reader's own articles started (absent: bundled). */
/**
 * A stored event: with the stories its article belongs to (its own and those listing it), so that
 * a story's timeline is one index read per story, not one per article (v7).
 */
export interface StoredEvent extends CorpusEvent {
  stories?: string[];
}

/** The stories of each article: its own (`storyId`) and those listing it. */
export function storiesOfArticles(
  stories: readonly Pick<Story, 'id' | 'articleIds'>[],
  articles: readonly Pick<Article, 'id' | 'storyId'>[] = [],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (articleId: string, storyId: string) => {
    const list = out.get(articleId);
    if (!list) out.set(articleId, [storyId]);
    else if (!list.includes(storyId)) list.push(storyId);
  };
  for (const a of articles) if (a.storyId) add(a.id, a.storyId);
  for (const st of stories) for (const id of st.articleIds) add(id, st.id);
  return out;
}

export interface StoredStory extends Story {
  origin?: Exclude<Origin, 'bundled'>;
  /**
   * Of a bundled story the reader's articles joined: the languages of `summaries` and `keyPoints`
   * made from those articles (the story had none in them); made again as they come and go.
   */
  readerLangs?: string[];
}

/**
 * A user article (remembered from the reader's reading, or imported from a corpus file) with what
 * it contributes to the corpus stores, kept so that it can be taken out again (forgetting) or put
 * back in (a new bundled corpus): see memory-db.ts.
 */
export interface UserArticleRecord {
  id: string;
  origin: Exclude<Origin, 'bundled'>;
  /** The imported pack it belongs to, or null. */
  pack: string | null;
  addedAt: number;
  site: string | null;
  /** articleUrlKey(url), or "" without a URL. */
  urlKey: string;
  /** Folded headline and outlet: what finds a copy of the same article. */
  titleKey: string;
  bytes: number;
  contribution: Contribution;
  /** Local entity id → the corpus entity it was linked to. */
  links: Record<string, string>;
  /** The story it is in ("" for none). */
  storyId: string;
  /**
   * A remembered article: the story its page was shown in (the tab analysis's, matched against the
   * whole corpus) when it was remembered. It joins that story while it exists.
   */
  shownStory?: string;
}

/** An imported corpus file: its stories (the articles are user articles with `pack` set). */
export interface PackRecord extends PackInfo {
  stories: StoredStory[];
}

/** The memory's own bookkeeping (a user store): a counter bumped on every change, and the last trim. */
export interface MemoryMeta {
  generation: number;
  trimmedAt: number | null;
  trimmed: number;
}

export interface NewsDB extends DBSchema {
  meta: { key: 'corpus'; value: CorpusMeta };
  // Records are the corpus contract (core/corpus.ts) with its optional extras, as validateCorpus
  // checked them on load. Only the indices something reads are kept (see the v4 migration).
  articles: { key: string; value: Article };
  entities: { key: string; value: EntityHead; indexes: { byAlias: string } };
  /** The rest of each entity (see {@link StoredEntity}). */
  entityDetails: { key: string; value: EntityDetail };
  /** What a card shows of each entity (entity-preview.ts). */
  entityPreviews: { key: string; value: EntityPreview };
  events: { key: string; value: StoredEvent; indexes: { byArticle: string; byStory: string } };
  stories: { key: string; value: StoredStory; indexes: { byEntity: string; byArticle: string } };
  /** The page-scoring index of the corpus (one record, {@link SCORING_INDEX_KEY}), written with it: see core/scoring.ts. */
  scoring: { key: string; value: ScoringIndex };
  settings: { key: string; value: GlobalSettings | SiteSettings };
  /** The reader's own articles, remembered or imported (user data: kept across corpus loads). */
  userArticles: {
    key: string;
    value: UserArticleRecord;
    indexes: { byAdded: number; bySite: string; byPack: string; byUrl: string; byTitle: string };
  };
  /** Imported corpus files. */
  packs: { key: string; value: PackRecord };
  /** The memory's bookkeeping, one record ({@link MEMORY_META_KEY}). */
  memoryMeta: { key: string; value: MemoryMeta };
}

export const MEMORY_META_KEY = 'memory';

export type Db = IDBPDatabase<NewsDB>;
export const BUNDLED_STORES = ['meta', 'articles', ...ENTITY_STORES, 'events', 'stories', 'scoring'] as const;
export const USER_STORES = ['settings', 'userArticles', 'packs', 'memoryMeta'] as const;
/** The stores a corpus load writes: the bundled ones, and the user articles' merged into them again. */
export type ReplayStores = ((typeof BUNDLED_STORES)[number] | 'userArticles' | 'packs' | 'memoryMeta')[];

/** The schema as the migrations see it: any index name, since they create and drop the indices of every version. */
type MigrationSchema = { [S in keyof NewsDB]: Omit<NewsDB[S], 'indexes'> & { indexes: Record<string, IDBValidKey> } };
type UpgradeDb = IDBPDatabase<MigrationSchema>;
type UpgradeTx = IDBPTransaction<
  MigrationSchema,
  ArrayLike<(typeof BUNDLED_STORES)[number] | (typeof USER_STORES)[number]>,
  'versionchange'
>;

/**
 * The schema, one step per version, applied in order from the database's version to the target:
 * a database from any earlier version reaches the current one, and no step touches user data.
 */
const MIGRATIONS: ((db: UpgradeDb, tx: UpgradeTx) => void)[] = [
  // v1: the bundled stores and the settings.
  (db) => {
    db.createObjectStore('meta');
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('byEntity', 'entities', { multiEntry: true });
    articles.createIndex('byPublished', 'published');
    articles.createIndex('byLang', 'lang');
    const entities = db.createObjectStore('entities', { keyPath: 'id' });
    entities.createIndex('byAlias', 'aliasKeys', { multiEntry: true });
    entities.createIndex('byType', 'type');
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byDate', 'date');
    events.createIndex('byEntity', 'entities', { multiEntry: true });
    events.createIndex('byArticle', 'articleId');
    const stories = db.createObjectStore('stories', { keyPath: 'id' });
    stories.createIndex('byEntity', 'entities', { multiEntry: true });
    stories.createIndex('byArticle', 'articleIds', { multiEntry: true });
    db.createObjectStore('settings');
  },
  // v2: articles by story (the corpus pipeline assigns stories), and the user-added articles.
  (db, tx) => {
    tx.objectStore('articles').createIndex('byStory', 'storyId');
    db.createObjectStore('userArticles', { keyPath: 'id' });
  },
  // v3: the scoring index, made when a corpus is loaded. A corpus loaded before has none: its meta
  // record goes, so the background loads the bundled corpus again (and its index). The rest of the
  // old corpus stays readable until then; user stores are not touched.
  (db, tx) => {
    db.createObjectStore('scoring');
    void tx.objectStore('meta').delete('corpus');
  },
  // v4: the indices nothing reads go (articles by entity, date, language and story; entities by
  // type; events by date and entity): fewer index entries to write on every corpus load. The
  // records stay as they are; user stores are not touched.
  (_db, tx) => {
    const drop = (store: 'articles' | 'entities' | 'events', names: readonly string[]) => {
      const os = tx.objectStore(store);
      for (const name of names) if (os.indexNames.contains(name)) os.deleteIndex(name);
    };
    drop('articles', ['byEntity', 'byPublished', 'byLang', 'byStory']);
    drop('entities', ['byType']);
    drop('events', ['byDate', 'byEntity']);
  },
  // v5: reading memory. The user articles (a store v2 made and nothing wrote) get the indices the
  // memory reads; imported packs and the memory's bookkeeping get stores. Settings are not touched.
  (db, tx) => {
    const user = tx.objectStore('userArticles');
    user.createIndex('byAdded', 'addedAt');
    user.createIndex('bySite', 'site');
    user.createIndex('byPack', 'pack');
    user.createIndex('byUrl', 'urlKey');
    user.createIndex('byTitle', 'titleKey');
    db.createObjectStore('packs', { keyPath: 'id' });
    db.createObjectStore('memoryMeta');
  },
  // v6: an entity's facts, descriptions and per-article naming (what grows with every article that
  // names it) move to a store of their own, and what a card shows of it to another: each stored
  // entity is split in three ({@link splitEntity}).
  (db, tx) => {
    db.createObjectStore('entityDetails', { keyPath: 'id' });
    db.createObjectStore('entityPreviews', { keyPath: 'id' });
    const details = tx.objectStore('entityDetails');
    const previews = tx.objectStore('entityPreviews');
    void (async () => {
      for (let c = await tx.objectStore('entities').openCursor(); c; c = await c.continue()) {
        const { head, detail, preview } = splitEntity(c.value as StoredEntity);
        void details.put(detail);
        void previews.put(preview);
        void c.update(head);
      }
    })();
  },
  // v7: events by story (each event holds the stories of its article), so that a story's timeline
  // is one read per story of its family rather than one per article.
  (_db, tx) => {
    const events = tx.objectStore('events');
    events.createIndex('byStory', 'stories', { multiEntry: true });
    void (async () => {
      const storiesOf = storiesOfArticles(await tx.objectStore('stories').getAll());
      for (let c = await events.openCursor(); c; c = await c.continue()) {
        void c.update({ ...c.value, stories: storiesOf.get(c.value.articleId) ?? [] });
      }
    })();
  },
];

/** The schema version: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/** Case- and diacritic-insensitive key for alias look-ups ("Metas" and "metas" meet): core/text.ts's {@link foldCase}. */
export const foldAlias: (s: string) => string = foldCase;

/**
 * Opens (creating or upgrading) the database through the {@link MIGRATIONS}. `onBlocked` fires
 * when another context still holds an older version open; `version` (tests) stops at an older
 * schema; `factory` is the IndexedDB to open it in (the browser's; an in-memory one for read-only mode).
 */
export function openNewsDb(name = DB_NAME, opts: { onBlocked?: () => void; version?: number; factory?: IDBFactory } = {}): Promise<Db> {
  const version = opts.version ?? DB_VERSION;
  const factory = opts.factory ?? indexedDB;
  // idb's openDB, on a given factory: the request wrapped, the upgrade run on wrapped objects.
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    // During upgradeneeded the request's transaction is the versionchange transaction, never null.
    const db = wrap(request.result) as unknown as UpgradeDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    for (let v = event.oldVersion; v < (event.newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
  });
  request.addEventListener('blocked', () => opts.onBlocked?.());
  return (wrap(request) as unknown as Promise<Db>).then((db) => {
    // A newer version wants the database: step aside so its upgrade can run.
    db.addEventListener('versionchange', () => db.close());
    return db;
  });
}

export async function corpusMeta(db: Db): Promise<CorpusMeta | null> {
  return (await db.get('meta', 'corpus')) ?? null;
}

/**
 * Replaces the bundled stores with `corpus` in a single transaction: readers see the old corpus
 * or the new one, never a mix, and a failure leaves the old one in place. User stores are not
 * touched. `onProgress` receives the share of records written (0..1).
 */
export async function loadCorpus(
  db: Db,
  corpus: Corpus,
  onProgress?: (done: number) => void,
  /** Puts the reader's own articles back into the new corpus stores, in the same transaction (memory-db.ts replayUserArticles). */
  replay?: (tx: IDBPTransaction<NewsDB, ReplayStores, 'readwrite'>) => Promise<unknown>,
): Promise<CorpusMeta> {
  // Prepared before the transaction opens: it is CPU work (a second or two at 10,000 articles), and
  // a transaction left without requests that long would commit.
  const index = scoringIndexOf(corpus);
  const tx = db.transaction([...BUNDLED_STORES, 'userArticles', 'packs', 'memoryMeta'] as ReplayStores, 'readwrite');
  const total = corpus.articles.length + corpus.entities.length + corpus.events.length + corpus.stories.length;
  let written = 0;
  let reported = 0;
  const tick = () => {
    written++;
    // Report in whole percent steps: progress updates are messages to the UI, not free.
    if (onProgress && written / total - reported >= 0.01) {
      reported = written / total;
      onProgress(reported);
    }
  };
  const meta: CorpusMeta = {
    build: corpus.build,
    loadedAt: Date.now(),
    articles: corpus.articles.length,
    entities: corpus.entities.length,
    events: corpus.events.length,
    stories: corpus.stories.length,
  };
  const writes: Promise<unknown>[] = [];
  const put = <S extends 'articles' | 'events' | 'stories'>(store: S, v: NewsDB[S]['value']) =>
    writes.push(tx.objectStore(store).put(v).then(tick));
  const entities = entityStores(tx);
  try {
    // put() throws synchronously on a record it cannot key: that too must abort the transaction,
    // or the clear() requests already queued would commit and lose the previous corpus.
    for (const s of BUNDLED_STORES) writes.push(tx.objectStore(s).clear());
    for (const a of corpus.articles) put('articles', a);
    const langOf = new Map(corpus.articles.map((a) => [a.id, a.lang]));
    const lang = (id: string) => langOf.get(id);
    for (const { facts, descriptions, ...e } of corpus.entities) {
      const stored: StoredEntity = { ...e, facts: withLangs(facts, lang), aliasKeys: [...new Set([e.name, ...e.aliases].map(foldAlias))] };
      if (descriptions) stored.descriptions = withLangs(descriptions, lang);
      writes.push(writeEntity(entities, stored).then(tick));
    }
    const storiesOf = storiesOfArticles(corpus.stories, corpus.articles);
    for (const ev of corpus.events) put('events', { ...ev, stories: storiesOf.get(ev.articleId) ?? [] });
    for (const s of corpus.stories) put('stories', s);
    writes.push(tx.objectStore('scoring').put(index, SCORING_INDEX_KEY));
    writes.push(tx.objectStore('meta').put(meta, 'corpus'));
    await Promise.all(writes);
    await replay?.(tx);
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    // The aborted requests reject too; they are consequences of `e`, not news.
    await Promise.allSettled([...writes, tx.done]);
    throw e;
  }
  onProgress?.(1);
  return meta;
}

/** Entities (their heads) whose name or alias folds to one of `aliases`. */
export async function entitiesByAlias(db: Db, aliases: readonly string[]): Promise<EntityHead[]> {
  const tx = db.transaction('entities');
  const index = tx.store.index('byAlias');
  const found = new Map<string, EntityHead>();
  await Promise.all(
    [...new Set(aliases.map(foldAlias))].map(async (k) => {
      for (const e of await index.getAll(k)) found.set(e.id, e);
    }),
  );
  await tx.done;
  return [...found.values()];
}

const GLOBAL_KEY = 'global';
const siteSettingsKey = (site: string) => `site:${site}`;

export async function getGlobalSettings(db: Db): Promise<GlobalSettings> {
  const stored = (await db.get('settings', GLOBAL_KEY)) as Partial<GlobalSettings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function setGlobalSettings(db: Db, patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
  const tx = db.transaction('settings', 'readwrite');
  const next = { ...DEFAULT_SETTINGS, ...((await tx.store.get(GLOBAL_KEY)) as Partial<GlobalSettings> | undefined), ...patch };
  await tx.store.put(next, GLOBAL_KEY);
  await tx.done;
  return next;
}

export async function getSiteSettings(db: Db, site: string): Promise<SiteSettings> {
  return ((await db.get('settings', siteSettingsKey(site))) as SiteSettings | undefined) ?? {};
}

/** Sets one per-site override, or removes it with `value` null (the site then follows the global switch). */
export async function setSiteSwitch(db: Db, site: string, feature: keyof SiteSettings, value: boolean | null): Promise<SiteSettings> {
  const tx = db.transaction('settings', 'readwrite');
  const { [feature]: _old, ...others }: SiteSettings = { ...((await tx.store.get(siteSettingsKey(site))) as SiteSettings | undefined) };
  const next: SiteSettings = value === null ? others : { ...others, [feature]: value };
  if (Object.keys(next).length === 0) await tx.store.delete(siteSettingsKey(site));
  else await tx.store.put(next, siteSettingsKey(site));
  await tx.done;
  return next;
}

/**
 * Every site with its own overrides ({@link setSiteSwitch} removes a site that has none left),
 * sorted by site. Only the boolean switches are returned, whatever else a record holds.
 */
export async function listSiteSettings(db: Db): Promise<{ site: string; settings: SiteSettings }[]> {
  const prefix = siteSettingsKey('');
  // Every string key from "site:" up to (not including) "site;" (';' follows ':') starts with "site:".
  const range = IDBKeyRange.bound(prefix, 'site;', false, true);
  const tx = db.transaction('settings');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
  await tx.done;
  const out: { site: string; settings: SiteSettings }[] = [];
  keys.forEach((key, i) => {
    const value = values[i] as Record<string, unknown> | undefined;
    const settings: SiteSettings = {};
    for (const feature of SITE_SWITCHES) if (typeof value?.[feature] === 'boolean') settings[feature] = value[feature];
    if (Object.keys(settings).length > 0) out.push({ site: key.slice(prefix.length), settings });
  });
  return out.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}
