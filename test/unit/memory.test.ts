/**
 * Reading memory in the background (src/background/memory.ts, memory-db.ts) on fake-indexeddb with
 * the bundled seed corpus loaded: the test pages (test/fixtures/pages/memory-*.html) read as the
 * content script reads them (page/reading.ts on the parsed page), remembered one at a time, joined
 * into one story incrementally, matched on a later page, replaced, capped and forgotten without a
 * trace. Expected values come from the pipeline run in batch on the same pages, never from the code
 * under test.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Db, type NewsDB, type StoredEntity, getEntity, loadCorpus, openNewsDb, readAllEntities } from '../../src/background/db';
import { type Memory, createMemory } from '../../src/background/memory';
import type { MemoryTx } from '../../src/background/memory-db';
import { replayUserArticles } from '../../src/background/replay';
import { createScoringCache, scorePageInDb } from '../../src/background/story';
import { tabContext } from '../../src/background/context';
import type { TabAnalysis } from '../../src/core/analysis';
import type { Corpus } from '../../src/core/corpus';
import { type ReadArticle, parseReadArticle } from '../../src/core/memory';
import { compileAliasTable, createMatcher, toMatchable } from '../../src/core/matcher';
import { pageTerms } from '../../src/core/scoring';
import { parseRegistry } from '../../src/corpus/entities';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { buildCorpusFromExtracted, extractSource } from '../../src/corpus/pipeline';
import { describePage } from '../../src/page/collect';
import { readArticle } from '../../src/page/reading';

const STORY_PAGES = ['memory-sv-1', 'memory-en-1', 'memory-de-1', 'memory-sv-2'] as const;
const FIFTH = 'memory-en-2';
const OTHER = 'memory-other';
const PERSON = 'Ingrid Falkvik';

const html = (page: string) => readFileSync(new URL(`../fixtures/pages/${page}.html`, import.meta.url), 'utf8');
const urlOf = (page: string) => `https://news.example/${page}.html`;
const registry = parseRegistry(JSON.parse(readFileSync(new URL('../../assets/registry.json', import.meta.url), 'utf8')) as unknown);

/** The article the content script would send for `page`: its own markup reading and reading.ts. */
async function read(page: string): Promise<ReadArticle> {
  const doc = parseHTML(html(page)).document;
  const markup = await describePage(doc, urlOf(page));
  // As the background receives it: parsed and bounded (core/messages.ts).
  const article = parseReadArticle(readArticle(doc, markup));
  if (!article) throw new Error(`${page}: not an article to remember`);
  return article;
}

let bundled: Corpus;
let n = 0;
const open: Db[] = [];
beforeAll(() => {
  bundled = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function fresh(now = () => Date.parse('2026-11-25T12:00:00Z')): Promise<{ db: Db; memory: Memory }> {
  const db = await openNewsDb(`memory-${String(++n)}`);
  open.push(db);
  await loadCorpus(db, bundled);
  // The names the corpus knows, as the background's matcher finds them (compiled as the corpus loader compiles it).
  const known = async () => {
    const matcher = createMatcher(
      compileAliasTable((await readAllEntities(db)).filter((e) => !e.user?.own || e.user.trusted).map(toMatchable)),
    );
    return (text: string) => matcher.scan(text).map((m) => ({ id: m.entityId, start: m.start, end: m.end }));
  };
  return { db, memory: createMemory({ db: () => Promise.resolve(db), registry, now, known }) };
}

type Stores = Pick<NewsDB, 'articles' | 'entityDetails' | 'entityPreviews' | 'events' | 'stories'>;
async function snapshot(db: Db): Promise<{ [K in keyof Stores]: Stores[K]['value'][] } & { entities: StoredEntity[] }> {
  return {
    articles: await db.getAll('articles'),
    entities: await readAllEntities(db),
    // As stored too: a detail left without its head would be an orphan.
    entityDetails: await db.getAll('entityDetails'),
    entityPreviews: await db.getAll('entityPreviews'),
    events: await db.getAll('events'),
    stories: await db.getAll('stories'),
  };
}

/** Every reference to `id` left in the corpus stores (an orphan of a forgotten article). */
async function referencesTo(db: Db, id: string): Promise<string[]> {
  const s = await snapshot(db);
  const out: string[] = [];
  for (const a of s.articles) if (a.id === id) out.push(`article ${a.id}`);
  for (const e of s.events) if (e.articleId === id || e.sources?.some((x) => x.articleId === id)) out.push(`event ${e.id}`);
  for (const e of s.entities) {
    if (e.facts.some((f) => f.articleId === id)) out.push(`fact of ${e.id}`);
    if (e.descriptions?.some((d) => d.articleId === id)) out.push(`description of ${e.id}`);
    if (e.user && id in e.user.sources) out.push(`source of ${e.id}`);
  }
  for (const st of s.stories) {
    if (st.articleIds.includes(id)) out.push(`member of ${st.id}`);
    for (const lang of Object.values(st.summaries ?? {})) if (lang.some((x) => x.articleId === id)) out.push(`summary of ${st.id}`);
  }
  return out;
}

/** The fifth page scored against the stores: its entities as the alias table would find them (the stored, trusted ones named in its text). */
async function scoreFifth(db: Db, fifth: ReadArticle) {
  const entities = (await db.getAll('entities'))
    .filter((e) => !e.user?.own || e.user.trusted)
    .map((e) => ({ id: e.id, count: fifth.body.split(e.name).length - 1 }))
    .filter((e) => e.count > 0);
  const page = {
    url: urlOf(FIFTH),
    title: fifth.title,
    lang: 'en',
    published: fifth.published,
    entities,
    terms: pageTerms(fifth.body, 'en'),
    words: 500,
  };
  return scorePageInDb(db, page, {}, createScoringCache());
}

describe('remembering read articles', () => {
  it('reads the page as the content script does: headline, outlet, date, language, byline and body', async () => {
    const a = await read('memory-de-1');
    expect(a.title).toBe('Batteriehersteller Kallberg Energi schließt sein Werk in Hallsvik');
    expect(a.source).toBe('Nordeuropa Wirtschaftsblatt');
    expect(a.published).toBe('2026-11-21');
    expect(a.lang).toBe('de');
    expect(a.byline).toBeTruthy();
    expect(a.body.split('\n\n').length).toBeGreaterThanOrEqual(8);
    expect(a.body).not.toContain(a.title);
  });

  it('puts four pages of one story in three languages into one story, incrementally, as the batch pipeline clusters them', async () => {
    const { db, memory } = await fresh();
    const ids: string[] = [];
    for (const page of [...STORY_PAGES, OTHER]) {
      const r = await memory.remember(await read(page));
      expect(r.outcome).toBe('stored');
      ids.push(r.id!);
    }
    const storyOf = async (id: string) => (await db.get('articles', id))?.storyId;
    const stories = await Promise.all(ids.map(storyOf));
    // The batch pipeline on the same pages: which of them share a story.
    const batch = buildCorpusFromExtracted(
      [...STORY_PAGES, OTHER].map((p) => ({
        name: p,
        article: extractSource(
          { name: `${p}.html`, bytes: new TextEncoder().encode(html(p)) },
          { parseHtml: (h) => parseHTML(h).document },
        ),
      })),
      [],
      { registry },
    ).corpus;
    const batchStory = (p: string) => batch.articles.find((a) => a.id === p)?.storyId;
    const together = (i: number, j: number) => stories[i] === stories[j];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        expect(together(i, j), `${String(i)}/${String(j)}`).toBe(
          batchStory([...STORY_PAGES, OTHER][i]!) === batchStory([...STORY_PAGES, OTHER][j]!),
        );
    // The four are one story, the other page is not in it, and the story is the reader's own, with cited summaries.
    expect(new Set(stories.slice(0, 4)).size).toBe(1);
    expect(stories[4]).not.toBe(stories[0]);
    const story = (await db.get('stories', stories[0]!))!;
    expect(story.origin).toBe('remembered');
    expect(story.articleIds.sort()).toEqual(ids.slice(0, 4).sort());
    for (const [lang, list] of Object.entries(story.summaries ?? {})) {
      expect(['sv', 'en', 'de']).toContain(lang);
      for (const s of list) {
        const a = (await db.get('articles', s.articleId))!;
        const [start, end] = a.sentences![s.sentence]!;
        expect(a.body.slice(start, end)).toBe(s.text);
      }
    }
  });

  it('finds the four as related coverage of a fifth page, said to be remembered, with the pages’ own URLs', async () => {
    const { db, memory } = await fresh();
    for (const page of STORY_PAGES) await memory.remember(await read(page));
    const scored = await scoreFifth(db, await read(FIFTH));
    expect(scored.story).not.toBeNull();
    expect(scored.related.map((r) => r.url).sort()).toEqual(STORY_PAGES.map(urlOf).sort());
    expect(scored.related.every((r) => r.origin === 'remembered')).toBe(true);
  });

  it('shows the story’s timeline on the fifth page, the reports of one event merged, every event cited', async () => {
    const { db, memory } = await fresh();
    for (const page of STORY_PAGES) await memory.remember(await read(page));
    const fifth = await read(FIFTH);
    const scored = await scoreFifth(db, fifth);
    const analysis: TabAnalysis = {
      url: urlOf(FIFTH),
      lang: 'en',
      analysedAt: 1,
      entities: [],
      story: scored.story,
      related: scored.related,
      declutter: { active: false, walls: 0, boilerplate: 0 },
      title: fifth.title,
      words: 500,
      langSource: 'declared',
      published: fifth.published,
      articleId: null,
      isArticle: true,
      site: { key: 'news.example', highlights: true, declutter: true },
      corpus: { build: bundled.build, articles: 2, entities: 0, events: 0, stories: 0 },
    };
    const context = await tabContext(db, analysis);
    expect(context.related).toHaveLength(4);
    expect(context.related.every((r) => r.sameStory)).toBe(true);
    expect(context.related.every((r) => r.origin === 'remembered' && typeof r.addedAt === 'number')).toBe(true);
    // As the background asks, with the scoring index of the stores: the same, its articles not read.
    const indexed = await tabContext(db, analysis, { scoring: createScoringCache() });
    expect(indexed.related).toEqual(context.related);
    expect(indexed.timeline).toEqual(context.timeline);
    const events = context.timeline.events;
    const stored = (await db.getAll('events')).filter((e) => e.articleId.startsWith('~'));
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(stored.length);
    // The first cells of March 2024, which every page reports: one event, told by several articles.
    const march = events.filter((e) => e.date.startsWith('2024-03'));
    expect(march).toHaveLength(1);
    expect(march[0]!.sources).toBeGreaterThanOrEqual(3);
    for (const e of events) {
      const a = (await db.get('articles', e.cite.articleId))!;
      const [start, end] = a.sentences![e.cite.sentence]!;
      expect(a.body.slice(start, end)).toBe(e.text);
    }
  });

  it('adds a summary in its language to the bundled story a remembered article joins, and takes it out when forgotten', async () => {
    const { db, memory } = await fresh();
    // A German report of the bundled English story on Meta and Scale AI, as a reader reads it.
    const raw = readFileSync(new URL('../fixtures/pages/score-pos-de-scale.txt', import.meta.url), 'utf8');
    const body = raw
      .slice(raw.indexOf('\n\n') + 2)
      .split('\n\n')
      .slice(1)
      .join('\n\n');
    const de: ReadArticle = {
      url: 'https://zeitung.example/meta-scale',
      title: 'Meta steigt für Milliarden bei Scale AI ein',
      source: 'Zeitung',
      published: '2025-06-12',
      lang: 'de',
      byline: null,
      body,
    };
    const storyId = `story-${bundled.articles.find((a) => a.lang === 'en')!.id}`;
    const before = (await db.get('stories', storyId))!;
    expect(Object.keys(before.summaries ?? {})).not.toContain('de');
    // Its page was shown in the story (the tab analysis scored it against the whole corpus).
    const { id } = await memory.remember(de, { story: storyId });
    const joined = (await db.get('stories', storyId))!;
    expect(joined.articleIds).toContain(id);
    // The story's own summaries stay; German ones come from the German article, each sentence cited.
    for (const lang of Object.keys(before.summaries ?? {})) expect(joined.summaries?.[lang]).toEqual(before.summaries?.[lang]);
    const german = [...(joined.summaries?.de ?? []), ...(joined.keyPoints?.de ?? [])];
    expect(joined.summaries?.de?.length).toBeGreaterThan(0);
    const a = (await db.get('articles', id!))!;
    for (const c of german) {
      expect(c.articleId).toBe(id);
      const [start, end] = a.sentences![c.sentence]!;
      expect(a.body.slice(start, end)).toBe(c.text);
    }
    // A German page of the story gets its digest in German.
    const analysis: TabAnalysis = {
      url: 'https://andere.example/scale',
      lang: 'de',
      analysedAt: 1,
      entities: [],
      story: { id: storyId, title: joined.title, score: 1 },
      related: [],
      declutter: { active: false, walls: 0, boilerplate: 0 },
      title: 'Scale AI',
      words: 300,
      langSource: 'declared',
      published: '2025-06-13',
      articleId: null,
      isArticle: true,
      site: { key: 'andere.example', highlights: true, declutter: true },
      corpus: { build: bundled.build, articles: 2, entities: 0, events: 0, stories: 0 },
    };
    expect((await tabContext(db, analysis)).digest).toMatchObject({ kind: 'story', lang: 'de' });
    // Forgotten: the story is the bundled one again.
    expect(await memory.forget({ ids: [id!] })).toBe(1);
    expect(await db.get('stories', storyId)).toEqual(before);
  });

  it('trusts a name found only in the reading once two remembered articles name it', async () => {
    const { db, memory } = await fresh();
    const person = async () => (await readAllEntities(db)).find((e) => e.name === PERSON);
    await memory.remember(await read(STORY_PAGES[0]));
    expect((await person())?.user).toMatchObject({ own: true, trusted: false });
    await memory.remember(await read(STORY_PAGES[1]));
    const e = (await person())!;
    expect(e.user).toMatchObject({ own: true, trusted: true });
    expect(e.type).toBe('person');
    expect(Object.keys(e.user!.sources)).toHaveLength(2);
    // Its facts cite the remembered articles' own sentences.
    for (const f of e.facts) {
      const a = (await db.get('articles', f.articleId))!;
      const [start, end] = a.sentences![f.sentence]!;
      expect(a.body.slice(start, end)).toBe(f.text);
    }
  });

  it('links what the reading names to the entities the bundled corpus knows', async () => {
    const { db, memory } = await fresh();
    const known = bundled.entities.find((e) => e.name === 'Meta')!;
    const page = await read(STORY_PAGES[1]);
    const r = await memory.remember({ ...page, body: `${page.body}\n\nInvestors compared the closure with cuts at Meta last year.` });
    const e = (await getEntity(db, known.id))!;
    expect(e.user?.own).toBe(false);
    expect(Object.keys(e.user!.sources)).toEqual([r.id]);
    expect((await db.get('articles', r.id!))?.entities).toContain(known.id);
    expect((await db.getAll('entities')).filter((x) => x.name === 'Meta')).toHaveLength(1);
  });
});

describe('copies and newer versions', () => {
  it('does not store a page twice, and a newer version replaces the old one', async () => {
    const { db, memory } = await fresh();
    const page = await read(STORY_PAGES[0]);
    const first = await memory.remember(page);
    expect(await memory.remember(page)).toMatchObject({ stored: false, outcome: 'duplicate', id: first.id });
    const newer = await memory.remember({ ...page, body: `${page.body}\n\nUppdaterad: facket möts på måndag.` });
    expect(newer).toMatchObject({ stored: true, outcome: 'updated', id: first.id });
    expect((await db.getAll('userArticles')).map((r) => r.id)).toEqual([first.id]);
    expect((await db.get('articles', first.id!))?.body).toContain('Uppdaterad');
    // The same headline from the same outlet a day later at another address is the same article.
    const moved = await memory.remember({ ...page, url: `${page.url}?page=2`, published: '2026-11-21' });
    expect(moved.outcome).toBe('updated');
    expect(await db.count('userArticles')).toBe(1);
  });
});

describe('forgetting', () => {
  it('forgetting one article leaves nothing derived from it, and the others as they were', async () => {
    const { db, memory } = await fresh();
    const ids: string[] = [];
    for (const page of STORY_PAGES) ids.push((await memory.remember(await read(page))).id!);
    const gone = ids[1]!;
    expect(await memory.forget({ ids: [gone] })).toBe(1);
    expect(await referencesTo(db, gone)).toEqual([]);
    const story = (await db.getAll('stories')).find((s) => s.articleIds.includes(ids[0]!))!;
    expect(story.articleIds.sort()).toEqual(ids.filter((id) => id !== gone).sort());
    // Every own entity still has a source; every fact still cites a stored article.
    for (const e of await readAllEntities(db)) {
      if (e.user?.own) expect(Object.keys(e.user.sources).length).toBeGreaterThan(0);
      for (const f of e.facts) expect(await db.get('articles', f.articleId)).toBeDefined();
    }
  });

  it('forgetting everything gives back the bundled corpus exactly as it was loaded', async () => {
    const { db, memory } = await fresh();
    const before = await snapshot(db);
    for (const page of [...STORY_PAGES, FIFTH, OTHER]) await memory.remember(await read(page));
    expect((await snapshot(db)).entities.length).toBeGreaterThan(before.entities.length);
    expect(await memory.forget({ all: true })).toBe(6);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.count('userArticles')).toBe(0);
  });

  it('forgets a site’s articles', async () => {
    const { db, memory } = await fresh();
    await memory.remember(await read(STORY_PAGES[0]));
    await memory.remember({ ...(await read(STORY_PAGES[1])), url: 'https://other.example/a.html' });
    expect(await memory.forget({ site: 'news.example' })).toBe(1);
    expect((await db.getAll('userArticles')).map((r) => r.site)).toEqual(['other.example']);
  });
});

describe('the cap', () => {
  it('forgets the oldest remembered articles past the cap and says when', async () => {
    let t = Date.parse('2026-11-25T12:00:00Z');
    const { db, memory } = await fresh(() => (t += 1000));
    await memory.setCap({ articles: 3, bytes: 50_000_000 });
    const ids: string[] = [];
    for (const page of [...STORY_PAGES, FIFTH]) ids.push((await memory.remember(await read(page))).id!);
    expect((await db.getAllKeys('userArticles')).sort()).toEqual(ids.slice(2).sort());
    for (const id of ids.slice(0, 2)) expect(await referencesTo(db, id)).toEqual([]);
    const status = await memory.status(null);
    expect(status).toMatchObject({ remembered: 3, imported: 0, cap: { articles: 3 } });
    expect(status.trimmedAt).not.toBeNull();
    expect(status.trimmed).toBe(1);
  });

  it('lists what is remembered, newest first, searchable', async () => {
    let t = 0;
    const { memory } = await fresh(() => (t += 1000));
    for (const page of STORY_PAGES) await memory.remember(await read(page));
    const all = await memory.list('', 0, 10);
    expect(all.total).toBe(4);
    expect(all.items.map((i) => i.addedAt)).toEqual([4000, 3000, 2000, 1000]);
    const de = await memory.list('wirtschaftsblatt', 0, 10);
    expect(de.items.map((i) => i.source)).toEqual(['Nordeuropa Wirtschaftsblatt']);
  });
});

describe('a new bundled corpus', () => {
  it('keeps the reader’s articles, merged into it again', async () => {
    const { db, memory } = await fresh();
    const ids: string[] = [];
    for (const page of STORY_PAGES) ids.push((await memory.remember(await read(page))).id!);
    const storyBefore = (await db.get('articles', ids[0]!))?.storyId;
    const next: Corpus = { ...bundled, build: 'next-build' };
    await loadCorpus(db, next, undefined, (tx) => replayUserArticles(tx as unknown as MemoryTx));
    expect((await db.getAll('userArticles')).map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await db.get('articles', id))?.origin).toBe('remembered');
    const stories = await Promise.all(ids.map(async (id) => (await db.get('articles', id))?.storyId));
    expect(new Set(stories).size).toBe(1);
    expect(stories[0]).toBe(storyBefore);
    expect((await db.getAll('entities')).find((e) => e.name === PERSON)?.user?.trusted).toBe(true);
  });
});
