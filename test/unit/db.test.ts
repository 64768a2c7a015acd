import 'fake-indexeddb/auto';
import { type IDBPTransaction, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Db,
  DB_VERSION,
  type NewsDB,
  corpusMeta,
  entitiesByAlias,
  foldAlias,
  getGlobalSettings,
  getSiteSettings,
  getEntity,
  loadCorpus,
  openNewsDb,
  readAllEntities,
  setGlobalSettings,
  setSiteSwitch,
  splitEntity,
} from '../../src/background/db';
import { createBackground } from '../../src/background/service';
import { SCORING_INDEX_KEY, createScoringCache, scorePageInDb, scoringIndexOf } from '../../src/background/story';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { foldCase } from '../../src/core/text';
import { MemorySession } from '../fixtures/memory-session';
import { fixtureCorpus } from '../fixtures/corpus';

let n = 0;
const open: Db[] = [];
async function freshDb(): Promise<Db> {
  const db = await openNewsDb(`test-${++n}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** The indices something reads: events and stories by article (timeline, related), stories by entity (cards), entities by alias. */
const CURRENT_INDICES = { articles: [], entities: ['byAlias'], events: ['byArticle', 'byStory'], stories: ['byArticle', 'byEntity'] };
/** The reading memory's look-ups (v5): by when added (cap, list), site and pack (forgetting), URL and headline (copies). */
const USER_ARTICLE_INDICES = ['byAdded', 'byPack', 'bySite', 'byTitle', 'byUrl'];
const indices = (tx: IDBPTransaction<NewsDB, ('articles' | 'entities' | 'events' | 'stories')[]>) =>
  Object.fromEntries((['articles', 'entities', 'events', 'stories'] as const).map((s) => [s, [...tx.objectStore(s).indexNames].sort()]));

describe('schema', () => {
  it('creates the bundled and user stores with their look-up indices', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'articles',
      'entities',
      'entityDetails',
      'entityPreviews',
      'events',
      'memoryMeta',
      'meta',
      'packs',
      'scoring',
      'settings',
      'stories',
      'userArticles',
    ]);
    const tx = db.transaction(['articles', 'entities', 'events', 'stories']);
    expect(indices(tx)).toEqual(CURRENT_INDICES);
    expect([...db.transaction('userArticles').store.indexNames].sort()).toEqual(USER_ARTICLE_INDICES);
  });
});

describe('loadCorpus', () => {
  it('loads every record in one go and reports progress up to 1', async () => {
    const db = await freshDb();
    const progress: number[] = [];
    const meta = await loadCorpus(db, fixtureCorpus(), (p) => progress.push(p));
    expect(meta).toMatchObject({ build: 'fixture-1', articles: 2, entities: 2, events: 1, stories: 1 });
    expect(await corpusMeta(db)).toEqual(meta);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect((await db.getAllFromIndex('events', 'byArticle', 'a1')).map((e) => e.id)).toEqual(['ev1']);
    // Each event holds its article's stories: a story's timeline is one read.
    expect((await db.getAllFromIndex('events', 'byStory', 's1')).map((e) => e.id)).toEqual(['ev1']);
    expect((await db.getAllFromIndex('stories', 'byArticle', 'a2')).map((s) => s.id)).toEqual(['s1']);
    expect((await db.getAllFromIndex('stories', 'byEntity', 'e-tidewater')).map((s) => s.id)).toEqual(['s1']);
  });

  it('finds entities by any alias, case- and diacritic-insensitively', async () => {
    const db = await freshDb();
    await loadCorpus(db, fixtureCorpus());
    expect((await entitiesByAlias(db, ['tidewater powers'])).map((e) => e.id)).toEqual(['e-tidewater']);
    expect((await entitiesByAlias(db, ['HAMNSTADEN', 'harbour  city'])).map((e) => e.id)).toEqual(['e-harbour']);
    expect(await entitiesByAlias(db, ['Tide'])).toEqual([]);
    expect(foldAlias('  Åre  Öland ')).toBe('are oland');
    // The one case- and diacritic-folding function, compatibility forms included.
    expect(foldAlias).toBe(foldCase);
    expect(foldCase('ﬁnal ＡＢＣ\u00a0İstanbul')).toBe('final abc istanbul');
  });

  it('replaces the bundled stores with a new corpus and keeps the user stores', async () => {
    const db = await freshDb();
    await loadCorpus(db, fixtureCorpus('old'));
    await setSiteSwitch(db, 'news.example', 'declutter', false);
    await setGlobalSettings(db, { theme: 'dark' });
    const next = fixtureCorpus('new');
    next.articles = next.articles.slice(1);
    next.entities = next.entities.slice(0, 1);
    await loadCorpus(db, next);
    expect(await db.getAllKeys('articles')).toEqual(['a2']);
    expect(await db.getAllKeys('entities')).toEqual(['e-tidewater']);
    expect(await entitiesByAlias(db, ['Harbour City'])).toEqual([]);
    expect((await corpusMeta(db))?.build).toBe('new');
    expect(await getSiteSettings(db, 'news.example')).toEqual({ declutter: false });
    expect((await getGlobalSettings(db)).theme).toBe('dark');
  });

  it('commits nothing when a record fails: the previous corpus stays whole', async () => {
    const db = await freshDb();
    await loadCorpus(db, fixtureCorpus('good'));
    const bad = fixtureCorpus('bad');
    // A record without its key path cannot be stored: the transaction must abort as a whole.
    Reflect.deleteProperty(bad.events[0]!, 'id');
    await expect(loadCorpus(db, bad)).rejects.toThrow();
    expect((await corpusMeta(db))?.build).toBe('good');
    expect((await db.getAllKeys('articles')).sort()).toEqual(['a1', 'a2']);
    expect(await db.getAllKeys('events')).toEqual(['ev1']);
  });
});

describe('settings', () => {
  it('starts from the defaults and merges patches', async () => {
    const db = await freshDb();
    expect(await getGlobalSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await setGlobalSettings(db, { highlights: false })).toEqual({ ...DEFAULT_SETTINGS, highlights: false });
    expect(await setGlobalSettings(db, { theme: 'light' })).toEqual({ ...DEFAULT_SETTINGS, highlights: false, theme: 'light' });
  });

  it('sets and clears per-site overrides', async () => {
    const db = await freshDb();
    expect(await getSiteSettings(db, 'a.example')).toEqual({});
    await setSiteSwitch(db, 'a.example', 'declutter', false);
    await setSiteSwitch(db, 'a.example', 'highlights', true);
    expect(await getSiteSettings(db, 'a.example')).toEqual({ declutter: false, highlights: true });
    await setSiteSwitch(db, 'a.example', 'declutter', null);
    expect(await getSiteSettings(db, 'a.example')).toEqual({ highlights: true });
    await setSiteSwitch(db, 'a.example', 'highlights', null);
    expect(await db.getAllKeys('settings')).toEqual([]);
  });
});

describe('schema upgrades', () => {
  /**
   * A database as version `version` of the extension left it: its corpus written store by store
   * (what that version's loadCorpus wrote: from v3 with its scoring index), a site switch, a
   * global setting and, from v2, a user-added article.
   */
  async function oldDatabase(name: string, version: number, build: string): Promise<void> {
    const old = await openNewsDb(name, { version });
    const corpus = fixtureCorpus(build);
    const stores = (['meta', 'articles', 'entities', 'entityDetails', 'entityPreviews', 'events', 'stories', 'scoring'] as const).filter(
      (st) => old.objectStoreNames.contains(st),
    );
    const tx = old.transaction(stores, 'readwrite');
    for (const a of corpus.articles) void tx.objectStore('articles').put(version >= 2 ? { ...a, storyId: 's1' } : a);
    for (const e of corpus.entities) {
      const whole = { ...e, aliasKeys: [e.name, ...e.aliases].map(foldAlias) };
      // From v6 an entity is stored in three parts.
      if (version < 6) void tx.objectStore('entities').put(whole);
      else {
        const { head, detail, preview } = splitEntity(whole);
        void tx.objectStore('entities').put(head);
        void tx.objectStore('entityDetails').put(detail);
        void tx.objectStore('entityPreviews').put(preview);
      }
    }
    for (const ev of corpus.events) void tx.objectStore('events').put(ev);
    for (const st of corpus.stories) void tx.objectStore('stories').put(st);
    void tx.objectStore('meta').put({ build, loadedAt: 1, articles: 2, entities: 2, events: 1, stories: 1 }, 'corpus');
    if (version >= 3) void tx.objectStore('scoring').put(scoringIndexOf(corpus), SCORING_INDEX_KEY);
    await tx.done;
    await setSiteSwitch(old, 'news.example', 'highlights', false);
    await setGlobalSettings(old, { theme: 'dark' });
    if (version >= 2) await old.put('userArticles', { ...corpus.articles[0]!, id: 'mine' } as never);
    old.close();
  }

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))(
    'upgrades a version-%i database to the current schema, keeping the user data (a corpus from before v3 is loaded again)',
    async (version) => {
      const name = `upgrade-${++n}`;
      await oldDatabase(name, version, 'old-corpus');
      const db = await openNewsDb(name);
      open.push(db);
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual([
        'articles',
        'entities',
        'entityDetails',
        'entityPreviews',
        'events',
        'memoryMeta',
        'meta',
        'packs',
        'scoring',
        'settings',
        'stories',
        'userArticles',
      ]);
      // v4 dropped the indices nothing reads; the records they covered stay.
      expect(indices(db.transaction(['articles', 'entities', 'events', 'stories']))).toEqual(CURRENT_INDICES);
      expect([...db.transaction('userArticles').store.indexNames].sort()).toEqual(USER_ARTICLE_INDICES);
      expect((await db.getAll('articles')).map((a) => a.storyId)).toEqual(version >= 2 ? ['s1', 's1'] : [undefined, undefined]);
      expect(await getSiteSettings(db, 'news.example')).toEqual({ highlights: false });
      expect((await getGlobalSettings(db)).theme).toBe('dark');
      expect(await db.getAllKeys('userArticles')).toEqual(version >= 2 ? ['mine'] : []);
      // A corpus from before v3 has no scoring index: its meta record is gone so that it is loaded
      // again, and until then it stays readable. A v3 corpus stays loaded.
      expect(await corpusMeta(db)).toEqual(version >= 3 ? expect.objectContaining({ build: 'old-corpus' }) : null);
      expect((await db.getAllKeys('articles')).sort()).toEqual(['a1', 'a2']);
      expect((await db.getAllFromIndex('events', 'byArticle', 'a1')).map((e) => e.id)).toEqual(['ev1']);
      // v7 gave each stored event its article's stories.
      expect((await db.getAllFromIndex('events', 'byStory', 's1')).map((e) => e.id)).toEqual(['ev1']);
      // v6 split every entity in two: read whole, each is as it was written; its head holds no facts.
      const written = fixtureCorpus('old-corpus').entities.map((e) => ({ ...e, aliasKeys: [e.name, ...e.aliases].map(foldAlias) }));
      expect(await readAllEntities(db)).toEqual(written.sort((a, b) => a.id.localeCompare(b.id)));
      expect((await db.getAll('entities')).some((e) => 'facts' in e || 'descriptions' in e)).toBe(false);
      await loadCorpus(db, {
        ...fixtureCorpus('new-corpus'),
        articles: fixtureCorpus().articles.map((a) => ({ ...a, storyId: 's1' })),
      });
      expect((await db.getAllKeysFromIndex('stories', 'byEntity', 'e-tidewater')).sort()).toEqual(['s1']);
      expect((await db.get('scoring', SCORING_INDEX_KEY))?.build).toBe('new-corpus');
      expect(await getSiteSettings(db, 'news.example')).toEqual({ highlights: false });
    },
  );

  it('splits a version-5 entity that the reading memory grew, keeping what the reader contributed', async () => {
    const name = `upgrade-split-${++n}`;
    const old = await openNewsDb(name, { version: 5 });
    const grown = {
      id: '~t-marta',
      name: 'Marta Lind',
      type: 'person' as const,
      aliases: ['Lind'],
      aliasKeys: ['marta lind', 'lind'],
      description: 'the chief engineer',
      descriptions: [{ text: 'the chief engineer', articleId: '~r1', sentence: 1 }],
      facts: [{ text: 'Marta Lind presented the plans in Bergen.', articleId: '~r2', sentence: 0 }],
      mentionCount: 3,
      wikidata: null,
      user: {
        own: true,
        trusted: true,
        sources: {
          '~r1': { origin: 'remembered' as const, name: 'Marta Lind', type: 'person' as const, aliases: [], mentions: 2, wikidata: null },
          '~r2': {
            origin: 'remembered' as const,
            name: 'Marta Lind',
            type: 'person' as const,
            aliases: ['Lind'],
            mentions: 1,
            wikidata: null,
          },
        },
      },
    };
    await old.put('entities', grown);
    old.close();
    const db = await openNewsDb(name);
    open.push(db);
    expect(await getEntity(db, grown.id)).toEqual(grown);
    const { facts: _f, descriptions: _d, user, ...rest } = grown;
    expect(await db.get('entities', grown.id)).toEqual({ ...rest, user: { own: true, trusted: true } });
    expect((await db.getAllFromIndex('entities', 'byAlias', 'lind')).map((e) => e.id)).toEqual([grown.id]);
    expect((await db.get('entityDetails', grown.id))?.sources).toEqual(user.sources);
    // Its facts were stored without their language: its card preview says it cannot rank them (cards.ts reads the detail).
    expect(await db.get('entityPreviews', grown.id)).toMatchObject({ complete: false, facts: { first: grown.facts } });
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1))(
    'after an upgrade from version %i the background has the bundled corpus with its scoring index, and pages find their story',
    async (version) => {
      const name = `upgrade-bg-${++n}`;
      const bundled = fixtureCorpus('same-build');
      await oldDatabase(name, version, bundled.build);
      const bg = createBackground({
        openDb: () => openNewsDb(name),
        session: new MemorySession(),
        fetchCorpus: () => Promise.resolve(structuredClone(bundled)),
        bundledBuild: bundled.build,
        setBadge: () => Promise.resolve(),
      });
      expect(await bg.ensureCorpus()).toMatchObject({ state: 'ready', build: 'same-build', articles: 2 });
      const db = await bg.db();
      open.push(db);
      expect((await db.get('scoring', SCORING_INDEX_KEY))?.build).toBe('same-build');
      const page = { url: 'https://elsewhere.example/x', lang: 'en', title: 'Tides', published: '2025-03-15', terms: [], words: 100 };
      const scored = await scorePageInDb(
        db,
        {
          ...page,
          entities: [
            { id: 'e-tidewater', count: 3 },
            { id: 'e-harbour', count: 2 },
          ],
        },
        {},
        createScoringCache(),
      );
      expect(scored.story?.id).toBe('s1');
      expect(scored.related.map((r) => r.articleId).sort()).toEqual(['a1', 'a2']);
      expect(await getSiteSettings(db, 'news.example')).toEqual({ highlights: false });
      expect((await getGlobalSettings(db)).theme).toBe('dark');
    },
  );

  it('keeps user-added articles across a corpus load', async () => {
    const db = await freshDb();
    await db.put('userArticles', { ...fixtureCorpus().articles[0]!, id: 'mine' } as never);
    await loadCorpus(db, fixtureCorpus('other'));
    expect(await db.getAllKeys('userArticles')).toEqual(['mine']);
  });

  it('reports a blocked upgrade while an older connection stays open, then completes when it closes', async () => {
    const name = `blocked-${++n}`;
    (await openNewsDb(name, { version: 1 })).close();
    // A raw connection with no versionchange handler: like another page of an old version.
    const old = await openDB(name, 1);
    let blocked = false;
    const next = openNewsDb(name, { onBlocked: () => (blocked = true) });
    await new Promise((r) => setTimeout(r, 50));
    expect(blocked).toBe(true);
    old.close();
    const db = await next;
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
  });
});
