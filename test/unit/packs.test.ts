/**
 * Corpus packs (background/packs.ts): importing a corpus file into the reader's memory, exporting it
 * again, removing a pack, and a pack's articles merged in bulk exactly as memory-db.ts merges them
 * one by one.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, getEntity, loadCorpus, openNewsDb } from '../../src/background/db';
import { createMemory } from '../../src/background/memory';
import { applyUserArticle, memoryTx, removeUserArticle } from '../../src/background/memory-db';
import { replayUserArticles } from '../../src/background/replay';
import { PACK_BATCH, PackError, exportCorpus, importPack, packIdOf, removePack } from '../../src/background/packs';
import { type Corpus, validateCorpus } from '../../src/core/corpus';
import { loadRegistry } from '../../src/corpus/node';
import { syntheticPack } from '../../scripts/bench/packs';
import { fixtureCorpus } from '../fixtures/corpus';

let n = 0;
const open: Db[] = [];
async function freshDb(bundled = true): Promise<Db> {
  const db = await openNewsDb(`packs-${String(++n)}`);
  open.push(db);
  if (bundled) await loadCorpus(db, fixtureCorpus());
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const STORES = [
  'meta',
  'articles',
  'entities',
  'entityDetails',
  'entityPreviews',
  'events',
  'stories',
  'scoring',
  'settings',
  'userArticles',
  'packs',
  'memoryMeta',
] as const;
type StoreName = (typeof STORES)[number];

/** Every store's records, keyed. */
async function snapshot(db: Db, stores: readonly StoreName[] = STORES): Promise<Record<string, [unknown, unknown][]>> {
  const out: Record<string, [unknown, unknown][]> = {};
  for (const s of stores) {
    const [keys, values] = await Promise.all([db.getAllKeys(s), db.getAll(s)]);
    out[s] = keys.map((k, i) => [k, values[i]]);
  }
  return out;
}

/** The stores (as JSON) where one of `ids` still occurs as a whole string (a key or a value). */
async function mentions(db: Db, ids: readonly string[], stores: readonly StoreName[] = STORES): Promise<string[]> {
  const found: string[] = [];
  for (const [store, records] of Object.entries(await snapshot(db, stores))) {
    const json = JSON.stringify(records);
    for (const id of ids) if (json.includes(JSON.stringify(id))) found.push(`${store}: ${id}`);
  }
  return found;
}

const BODY_1 =
  'Tidewater Power opened a second tidal station on Monday.\n\nMarta Lind, the chief engineer, said the turbines had run for a week. The station powers four thousand homes.';
const BODY_2 = 'Marta Lind presented the plans in Bergen. Tidewater Power will build a third station next year.';
const BODY_3 = 'The council of Hamnstaden approved the harbour budget on Tuesday. Marta Lind was not present.';

/** A small pack: one entity the bundled fixture knows (Tidewater Power), one of its own (Marta Lind), two stories. */
function smallPack(build = 'pack-build-1'): Corpus {
  return {
    version: 1,
    build,
    articles: [
      {
        id: 'p1',
        title: 'Second tidal station opens',
        source: 'Harbour Herald',
        url: 'https://herald.example/tidal-2',
        published: '2025-05-05',
        lang: 'en',
        byline: null,
        body: BODY_1,
        summary: ['Tidewater Power opened a second tidal station on Monday.'],
        entities: ['t-tide', 't-marta'],
        storyId: 'st-a',
      },
      {
        id: 'p2',
        title: 'A third station planned',
        source: 'Harbour Herald',
        url: 'https://herald.example/tidal-3',
        published: '2025-05-09',
        lang: 'en',
        byline: 'Ola Berg',
        body: BODY_2,
        summary: ['Tidewater Power will build a third station next year.'],
        entities: ['t-marta', 't-tide'],
        storyId: 'st-a',
      },
      {
        id: 'p3',
        title: 'Harbour budget approved',
        source: 'Harbour Herald',
        url: null,
        published: '2025-06-01',
        lang: 'en',
        byline: null,
        body: BODY_3,
        summary: ['The council of Hamnstaden approved the harbour budget on Tuesday.'],
        entities: ['t-harbour', 't-marta'],
        storyId: 'st-b',
      },
    ],
    entities: [
      {
        id: 't-tide',
        name: 'Tidewater Power',
        type: 'organization',
        aliases: [],
        description: null,
        facts: [
          { text: 'Tidewater Power opened a second tidal station on Monday.', articleId: 'p1', sentence: 0 },
          { text: 'Tidewater Power will build a third station next year.', articleId: 'p2', sentence: 1 },
        ],
        mentionCount: 2,
      },
      {
        id: 't-marta',
        name: 'Marta Lind',
        type: 'person',
        aliases: ['Lind'],
        description: 'the chief engineer',
        facts: [{ text: 'Marta Lind presented the plans in Bergen.', articleId: 'p2', sentence: 0 }],
        descriptions: [{ text: 'the chief engineer', articleId: 'p1', sentence: 1, kind: 'apposition' }],
        mentionCount: 3,
      },
      { id: 't-harbour', name: 'Harbour City', type: 'place', aliases: [], description: null, facts: [] },
    ],
    events: [
      {
        id: 'pe1',
        date: '2025-05-05',
        precision: 'day',
        text: 'Tidewater Power opened a second tidal station on Monday.',
        articleId: 'p1',
        sentence: 0,
        entities: ['t-tide'],
        kind: 'report',
      },
      {
        id: 'pe2',
        date: '2026',
        precision: 'year',
        text: 'Tidewater Power will build a third station next year.',
        articleId: 'p2',
        sentence: 1,
        entities: ['t-tide'],
        sources: [
          { text: 'Tidewater Power will build a third station next year.', articleId: 'p2', sentence: 1 },
          { text: 'The station powers four thousand homes.', articleId: 'p1', sentence: 2 },
        ],
      },
      {
        id: 'pe3',
        date: '2025-06-03',
        precision: 'day',
        text: 'The council of Hamnstaden approved the harbour budget on Tuesday.',
        articleId: 'p3',
        sentence: 0,
        entities: ['t-harbour'],
      },
    ],
    stories: [
      {
        id: 'st-a',
        title: 'Tidal stations',
        articleIds: ['p1', 'p2'],
        entities: ['t-tide', 't-marta'],
        summary: ['Tidewater Power opened a second tidal station on Monday.'],
        summaries: { en: [{ text: 'Tidewater Power opened a second tidal station on Monday.', articleId: 'p1', sentence: 0 }] },
        related: [{ storyId: 'st-b', score: 0.4, shared: ['t-marta'] }],
      },
      {
        id: 'st-b',
        title: 'Harbour budget',
        articleIds: ['p3'],
        entities: ['t-harbour'],
        summary: ['The council of Hamnstaden approved the harbour budget on Tuesday.'],
        related: [{ storyId: 'st-a', score: 0.4, shared: ['t-marta'] }],
      },
    ],
  };
}

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

/** What a reader sees of a database: articles (title, url, body), story membership (by title), events (by article title). */
async function visible(db: Db) {
  const articles = await db.getAll('articles');
  const titleOf = new Map(articles.map((a) => [a.id, a.title]));
  return {
    articles: sortBy(
      articles.map((a) => ({ title: a.title, url: a.url, body: a.body, published: a.published })),
      (a) => a.title,
    ),
    stories: (await db.getAll('stories')).map((s) => s.articleIds.map((id) => titleOf.get(id) ?? `?${id}`).sort()).sort(),
    events: sortBy(
      (await db.getAll('events')).map((ev) => ({ date: ev.date, text: ev.text, article: titleOf.get(ev.articleId) ?? `?${ev.articleId}` })),
      (e) => `${e.article}|${e.date}|${e.text}`,
    ),
  };
}

describe('importing a pack', () => {
  it('refuses a malformed file with the JSON path of each problem, and changes nothing', async () => {
    const db = await freshDb();
    await importPack(db, smallPack('other'), 'other.json');
    const before = await snapshot(db);
    const bad = smallPack() as unknown as { articles: Record<string, unknown>[] };
    delete bad.articles[0]?.body;
    if (bad.articles[1]) bad.articles[1].published = '5 May 2025';
    const error = await importPack(db, bad, 'bad.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toMatch(/2 problems/);
    expect((error as PackError).problems.map((p) => p.path)).toEqual(['$.articles[0].body', '$.articles[1].published']);
    await expect(importPack(db, 'not json', 'x.json')).rejects.toThrow(PackError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('stores the articles under the pack, links entities to bundled ones, and trusts them', async () => {
    const db = await freshDb();
    const progress: number[] = [];
    const { pack, added, skipped } = await importPack(db, smallPack(), 'herald.json', (d) => progress.push(d));
    const id = packIdOf('pack-build-1');
    expect(pack).toMatchObject({ id, name: 'herald.json', build: 'pack-build-1', articles: 3 });
    expect(id).toMatch(/^pk-[0-9a-f]{8}$/);
    expect({ added, skipped, progress }).toEqual({ added: 3, skipped: 0, progress: [1] });

    const a1 = await db.get('articles', `~${id}-p1`);
    expect(a1).toMatchObject({ origin: 'imported', storyId: `~${id}-st-a`, entities: ['e-tidewater', `~${id}-t-marta`] });
    const tide = (await getEntity(db, 'e-tidewater'))!;
    expect(tide.user).toMatchObject({ own: false, trusted: true });
    expect(Object.keys(tide.user?.sources ?? {})).toEqual([`~${id}-p1`, `~${id}-p2`]);
    expect(tide.facts.map((f) => f.articleId)).toEqual(['a1', `~${id}-p1`, `~${id}-p2`]);
    // "Harbour City" is an alias of the bundled place Hamnstaden.
    expect((await getEntity(db, 'e-harbour'))?.user?.sources).toHaveProperty(`~${id}-p3`);
    const marta = (await getEntity(db, `~${id}-t-marta`))!;
    expect(marta).toMatchObject({ name: 'Marta Lind', type: 'person', description: 'the chief engineer', aliases: ['Lind'] });
    expect(marta.user).toMatchObject({ own: true, trusted: true });

    const stories = sortBy(
      (await db.getAll('stories')).filter((s) => s.origin),
      (s) => s.id,
    );
    expect(stories.map((s) => [s.id, s.articleIds, s.entities, s.related?.map((r) => [r.storyId, r.shared])])).toEqual([
      [`~${id}-st-a`, [`~${id}-p1`, `~${id}-p2`], ['e-tidewater', `~${id}-t-marta`], [[`~${id}-st-b`, [`~${id}-t-marta`]]]],
      [`~${id}-st-b`, [`~${id}-p3`], ['e-harbour'], [[`~${id}-st-a`, [`~${id}-t-marta`]]]],
    ]);
    const events = await db.getAll('events');
    expect(events.find((e) => e.id === `~${id}-pe2`)).toMatchObject({
      articleId: `~${id}-p2`,
      entities: ['e-tidewater'],
      sources: [{ articleId: `~${id}-p2`, sentence: 1 }],
    });
    const rec = await db.get('userArticles', `~${id}-p1`);
    expect(rec).toMatchObject({ origin: 'imported', pack: id, storyId: `~${id}-st-a`, urlKey: 'https://herald.example/tidal-2' });
    expect(rec?.links).toEqual({ [`${id}-t-tide`]: 'e-tidewater', [`${id}-t-marta`]: `~${id}-t-marta` });
    expect(rec?.contribution.words.length).toBeGreaterThan(5);
    expect((await db.get('packs', id))?.stories).toHaveLength(2);
  });

  it('points each cited sentence at the sentence of its article that holds its text', async () => {
    const db = await freshDb();
    const pack = smallPack();
    // A file's indices may be off: the texts are what the articles say.
    const [tide] = pack.entities;
    tide!.facts[1]!.sentence = 0; // in p2 the sentence is the second one
    pack.events[1]!.sentence = 7; // no such sentence
    pack.events[1]!.sources![0]!.sentence = 0;
    pack.events[0]!.text = 'a second tidal station'; // not a whole sentence: its index is kept
    pack.articles[0]!.keyPoints = [{ text: 'The station powers four thousand homes.', sentence: 1 }];
    await importPack(db, pack, 'herald.json');
    const id = packIdOf('pack-build-1');
    const events = await db.getAll('events');
    expect(events.find((e) => e.id === `~${id}-pe2`)).toMatchObject({ sentence: 1, sources: [{ articleId: `~${id}-p2`, sentence: 1 }] });
    expect(events.find((e) => e.id === `~${id}-pe1`)).toMatchObject({ sentence: 0, text: 'a second tidal station' });
    const facts = (await getEntity(db, 'e-tidewater'))!.facts.filter((f) => f.articleId === `~${id}-p2`);
    expect(facts.map((f) => f.sentence)).toEqual([1]);
    expect((await db.get('articles', `~${id}-p1`))?.keyPoints).toEqual([{ text: 'The station powers four thousand homes.', sentence: 2 }]);
  });

  it('skips articles the corpus holds already, and refuses the same pack twice', async () => {
    const db = await freshDb();
    const pack = smallPack();
    const base = pack.articles[0];
    if (!base) throw new Error('fixture');
    pack.articles.push(
      // The bundled a2, tracking parameters aside.
      { ...base, id: 'dup-url', title: 'Other words', url: 'https://www.kustbladet.example/tidewater?utm_source=feed' },
      // The bundled a1's headline and outlet, a day later.
      {
        ...base,
        id: 'dup-title',
        title: 'Harbour city opens tidal station',
        source: 'The Coastal Ledger',
        url: null,
        published: '2025-03-15',
      },
      // The same, ten days later: another article.
      { ...base, id: 'later', title: 'Harbour city opens tidal station', source: 'The Coastal Ledger', url: null, published: '2025-03-24' },
      // A copy of one of the pack's own.
      { ...base, id: 'dup-self' },
    );
    const result = await importPack(db, pack, 'herald.json');
    expect(result).toMatchObject({ added: 4, skipped: 3 });
    const id = result.pack.id;
    expect((await db.getAllKeys('userArticles')).sort()).toEqual([`~${id}-later`, `~${id}-p1`, `~${id}-p2`, `~${id}-p3`]);
    // Facts of a skipped article are not stored.
    expect(JSON.stringify(await db.getAll('entities'))).not.toContain('dup-');

    const before = await snapshot(db);
    await expect(importPack(db, smallPack(), 'again.json')).rejects.toThrow(/already imported/);
    expect(await snapshot(db)).toEqual(before);
    // A different build with the same articles: all copies.
    expect(await importPack(db, smallPack('pack-build-2'), 'copy.json')).toMatchObject({ added: 0, skipped: 3 });
  });

  it('takes out what it wrote when it fails part way', async () => {
    const db = await freshDb();
    const before = await snapshot(db, ['articles', 'entityDetails', 'entityPreviews', 'events', 'stories', 'userArticles', 'packs']);
    const entities = (await db.getAll('entities')).map((e) => e.id);
    const big = syntheticPack({ articles: PACK_BATCH + 10, entities: 20, outlet: 'big' });
    await expect(
      importPack(db, big, 'big.json', () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await snapshot(db, ['articles', 'entityDetails', 'entityPreviews', 'events', 'stories', 'userArticles', 'packs'])).toEqual(
      before,
    );
    expect((await db.getAll('entities')).map((e) => e.id)).toEqual(entities);
    expect((await db.getAll('entities')).every((e) => !e.user)).toBe(true);
  });

  it.each([
    ['a small pack', smallPack()],
    ['two batches sharing entities', syntheticPack({ articles: PACK_BATCH + 40, entities: 30, outlet: 'two' })],
  ])(
    'stores exactly what merging its articles one by one (memory-db.ts) stores: %s',
    async (_, file) => {
      const bulk = await freshDb();
      const { pack } = await importPack(bulk, file, 'herald.json', undefined, () => 1000);
      const one = await freshDb();
      const stories = (await bulk.get('packs', pack.id))?.stories ?? [];
      // In the file's order, as the import merged them.
      const order = new Map(file.articles.map((a, i) => [`~${pack.id}-${a.id}`, i]));
      const records = (await bulk.getAll('userArticles')).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const tx = memoryTx(one);
      for (const s of stories) await tx.objectStore('stories').put(s);
      for (const rec of records) await applyUserArticle(tx, { ...rec, links: {} }, rec.storyId);
      await tx.done;
      for (const store of ['articles', 'entities', 'entityDetails', 'entityPreviews', 'events', 'stories', 'userArticles'] as const)
        expect(await one.getAll(store), store).toEqual(await bulk.getAll(store));
    },
    60_000,
  );

  it('is merged again, in bulk, after a new bundled corpus', async () => {
    const db = await freshDb();
    await importPack(db, smallPack(), 'herald.json');
    const before = await snapshot(db, ['articles', 'entities', 'entityDetails', 'entityPreviews', 'events', 'stories', 'userArticles']);
    await loadCorpus(db, fixtureCorpus('fixture-2'), undefined, (tx) => replayUserArticles(tx as never));
    expect(await snapshot(db, ['articles', 'entities', 'entityDetails', 'entityPreviews', 'events', 'stories', 'userArticles'])).toEqual(
      before,
    );
  });
});

describe('exporting', () => {
  it("'all' imported into a fresh database gives the same articles, stories and events", async () => {
    const db = await freshDb();
    await importPack(db, smallPack(), 'herald.json');
    const file = await exportCorpus(db, 'all');
    expect(validateCorpus(file).problems).toEqual([]);
    expect(JSON.stringify(file)).not.toMatch(/"(origin|addedAt|aliasKeys|user)"/);
    const fresh = await freshDb(false);
    expect(await importPack(fresh, file, 'export.json')).toMatchObject({ added: 5, skipped: 0 });
    expect(await visible(fresh)).toEqual(await visible(db));
    // The same build twice: the same file.
    expect((await exportCorpus(db, 'all')).build).toBe(file.build);
  });

  it("'remembered' holds the remembered articles only, and the CLI validates it", async () => {
    const db = await freshDb();
    await importPack(db, smallPack(), 'herald.json');
    const memory = createMemory({ db: () => Promise.resolve(db), registry: loadRegistry('assets/registry.json') });
    const read = (url: string, title: string, body: string) =>
      memory.remember({ url, title, source: 'Coast Daily', published: '2025-05-06', lang: 'en', byline: null, body });
    const long = (s: string) => Array.from({ length: 6 }, () => s).join('\n\n');
    expect((await read('https://coast.example/1', 'Tidal power grows', long(BODY_1))).stored).toBe(true);
    expect((await read('https://coast.example/2', 'Engineer speaks', long(BODY_2))).stored).toBe(true);

    const file = await exportCorpus(db, 'remembered');
    expect(validateCorpus(file).problems).toEqual([]);
    expect(file.articles.map((a) => a.title).sort()).toEqual(['Engineer speaks', 'Tidal power grows']);
    const ids = new Set(file.articles.map((a) => a.id));
    for (const e of file.entities) for (const f of [...e.facts, ...(e.descriptions ?? [])]) expect(ids).toContain(f.articleId);
    for (const ev of file.events) expect(ids).toContain(ev.articleId);
    for (const s of file.stories) for (const a of s.articleIds) expect(ids).toContain(a);
    expect(file.entities.some((e) => e.name === 'Tidewater Power')).toBe(true);

    const path = join(mkdtempSync(join(tmpdir(), 'nc-packs-')), 'remembered.json');
    writeFileSync(path, JSON.stringify(file));
    const cli = spawnSync(process.execPath, ['scripts/corpus.mjs', 'validate', path], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
  }, 60_000);
});

describe('removing', () => {
  it('a pack leaves nothing of it behind', async () => {
    const db = await freshDb();
    const other = await importPack(db, smallPack('other'), 'other.json');
    const pack = syntheticPack({ articles: 40, entities: 12, outlet: 'synth' });
    // Names the bundled fixture knows: linked, and must be left as they were.
    const [first, second] = pack.entities;
    if (!first || !second) throw new Error('fixture');
    first.name = 'Tidewater Power';
    second.name = 'Hamnstaden';
    const { pack: info } = await importPack(db, pack, 'synth.json');
    expect(await removePack(db, info.id)).toBe(40);
    expect(await mentions(db, [info.id])).toEqual([]);
    expect(JSON.stringify(await snapshot(db))).not.toContain(`${info.id}-`);
    // The bundled corpus and the other pack are whole.
    expect(await db.count('articles')).toBe(2 + 3);
    expect((await getEntity(db, 'e-tidewater'))?.facts).toHaveLength(3);
    expect(Object.keys((await getEntity(db, 'e-tidewater'))?.user?.sources ?? {})).toEqual([
      `~${other.pack.id}-p1`,
      `~${other.pack.id}-p2`,
    ]);
    expect(await db.get('packs', info.id)).toBeUndefined();
    expect((await db.getAll('events')).every((ev) => ev.articleId.startsWith('a') || ev.articleId.startsWith(`~${other.pack.id}`))).toBe(
      true,
    );
  });

  it('one imported article by removeUserArticle leaves nothing of it behind', async () => {
    const db = await freshDb();
    const { pack } = await importPack(db, smallPack(), 'herald.json');
    const gone = `~${pack.id}-p3`;
    const tx = memoryTx(db);
    expect(await removeUserArticle(tx, gone)).toBe(true);
    await tx.done;
    // The pack's record keeps its stories as imported (replayPacks puts back only the members still there).
    const stores = STORES.filter((s) => s !== 'packs');
    // (The story st-a's related list still names the emptied st-b: removeUserArticle keeps related lists.)
    expect(await mentions(db, [gone, `~${pack.id}-pe3`], stores)).toEqual([]);
    expect(await db.get('stories', `~${pack.id}-st-b`)).toBeUndefined();
    // Harbour City (linked to the bundled Hamnstaden) is bundled again; Marta Lind stays with p1 and p2.
    expect((await db.get('entities', 'e-harbour'))?.user).toBeUndefined();
    expect(Object.keys((await getEntity(db, `~${pack.id}-t-marta`))?.user?.sources ?? {})).toEqual([`~${pack.id}-p1`, `~${pack.id}-p2`]);
    // A new bundled corpus does not bring it back.
    await loadCorpus(db, fixtureCorpus('fixture-2'), undefined, (t) => replayUserArticles(t as never));
    expect(await mentions(db, [gone, `~${pack.id}-st-b`], stores)).toEqual([]);
    expect((await db.get('stories', `~${pack.id}-st-a`))?.related).toEqual([]);
  });
});

describe('a 10,000-article pack', () => {
  it('imports whole (counts only: the time is measured by scripts/bench/pack-import.mjs)', async () => {
    const db = await freshDb();
    const pack = syntheticPack({ articles: 10_000 });
    const progress: number[] = [];
    const result = await importPack(db, pack, 'big.json', (d) => progress.push(d));
    expect(result).toMatchObject({ added: 10_000, skipped: 0 });
    expect(progress).toHaveLength(20);
    expect(progress.at(-1)).toBe(1);
    expect(await db.count('userArticles')).toBe(10_000);
    expect(await db.count('articles')).toBe(10_002);
    expect(await db.count('events')).toBe(1 + 30_000);
    expect(await db.count('stories')).toBe(1 + 1000);
    expect(await db.count('entities')).toBe(2 + 300);
  }, 180_000);
});
