import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Db,
  DB_VERSION,
  corpusMeta,
  entitiesByAlias,
  foldAlias,
  getGlobalSettings,
  getSiteSettings,
  loadCorpus,
  openNewsDb,
  setGlobalSettings,
  setSiteSwitch,
} from '../../src/background/db';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
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

describe('schema', () => {
  it('creates the bundled and user stores with their look-up indices', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'entities', 'events', 'meta', 'settings', 'stories', 'userArticles']);
    const tx = db.transaction(['articles', 'entities', 'events', 'stories']);
    expect([...tx.objectStore('entities').indexNames].sort()).toEqual(['byAlias', 'byType']);
    expect([...tx.objectStore('articles').indexNames].sort()).toEqual(['byEntity', 'byLang', 'byPublished', 'byStory']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['byArticle', 'byDate', 'byEntity']);
    expect([...tx.objectStore('stories').indexNames].sort()).toEqual(['byArticle', 'byEntity']);
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
    expect(await db.countFromIndex('articles', 'byEntity', 'e-tidewater')).toBe(2);
    expect((await db.getAllFromIndex('events', 'byDate', IDBKeyRange.bound('2025-03', '2025-03\uffff'))).map((e) => e.id)).toEqual(['ev1']);
    expect((await db.getAllFromIndex('stories', 'byArticle', 'a2')).map((s) => s.id)).toEqual(['s1']);
  });

  it('finds entities by any alias, case- and diacritic-insensitively', async () => {
    const db = await freshDb();
    await loadCorpus(db, fixtureCorpus());
    expect((await entitiesByAlias(db, ['tidewater powers'])).map((e) => e.id)).toEqual(['e-tidewater']);
    expect((await entitiesByAlias(db, ['HAMNSTADEN', 'harbour  city'])).map((e) => e.id)).toEqual(['e-harbour']);
    expect(await entitiesByAlias(db, ['Tide'])).toEqual([]);
    expect(foldAlias('  Åre  Öland ')).toBe('are oland');
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
  it('upgrades a version-1 database to the current schema and keeps the user data and the corpus', async () => {
    const name = `upgrade-${++n}`;
    const v1 = await openNewsDb(name, { version: 1 });
    expect([...v1.objectStoreNames]).not.toContain('userArticles');
    await loadCorpus(v1, fixtureCorpus('v1-corpus'));
    await setSiteSwitch(v1, 'news.example', 'highlights', false);
    await setGlobalSettings(v1, { theme: 'dark' });
    v1.close();

    const db = await openNewsDb(name);
    open.push(db);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('userArticles');
    expect([...db.transaction('articles').store.indexNames]).toContain('byStory');
    expect(await getSiteSettings(db, 'news.example')).toEqual({ highlights: false });
    expect((await getGlobalSettings(db)).theme).toBe('dark');
    expect((await corpusMeta(db))?.build).toBe('v1-corpus');
    // The new index covers records written before it existed, once they carry the field.
    await loadCorpus(db, {
      ...fixtureCorpus('v2-corpus'),
      articles: fixtureCorpus().articles.map((a) => ({ ...a, storyId: 's1' })),
    });
    expect((await db.getAllKeysFromIndex('articles', 'byStory', 's1')).sort()).toEqual(['a1', 'a2']);
  });

  it('keeps user-added articles across a corpus load', async () => {
    const db = await freshDb();
    await db.put('userArticles', { ...fixtureCorpus().articles[0]!, id: 'mine' });
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
