/**
 * The page's story read from IndexedDB (src/background/story.ts): the real seed corpus loaded
 * into fake-indexeddb, read once per corpus build and cached, and pages scored against it.
 */
import 'fake-indexeddb/auto';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, loadCorpus, openNewsDb } from '../../src/background/db';
import {
  ARTICLE_TERMS,
  SCORING_INDEX_KEY,
  createScoringCache,
  readScoringCorpus,
  readScoringIndex,
  scorePageInDb,
} from '../../src/background/story';
import { type PageFeatures, pageTerms, prepareScoringCorpus, scorePage } from '../../src/core/scoring';
import { SCORING_INDEX_FORMAT, type ScoringIndex } from '../../src/core/scoring-index';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import type { BuiltCorpus } from '../../src/corpus/pipeline';
import { SCORE_PAGES, loadScorePage } from '../fixtures/score-pages';

const SV = '000_d35634ae92cf12c4';
const EN = '004_b9dd206ab3ce0339';
const { corpus: built } = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json');

let n = 0;
const open: Db[] = [];
async function freshDb(): Promise<Db> {
  const db = await openNewsDb(`story-test-${++n}`);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const page = (file: string): PageFeatures => loadScorePage(file, built.entities).page;

/** The seed corpus without the LeCun article and its story, as another build. */
function onlyScaleAi(): BuiltCorpus {
  return {
    ...built,
    build: 'only-scale-ai',
    articles: built.articles.filter((a) => a.id === EN),
    events: built.events.filter((e) => e.articleId === EN),
    stories: built.stories.filter((s) => s.articleIds.includes(EN)).map((s) => ({ ...s, related: [] })),
  };
}

describe('readScoringCorpus', () => {
  it('reads articles, their entities, words and stories, and the related stories', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const c = await readScoringCorpus(db);
    expect(c.build).toBe(built.build);
    expect(c.articles.map((a) => a.article.id).sort()).toEqual([SV, EN]);
    for (const { article } of c.articles) {
      const source = built.articles.find((a) => a.id === article.id)!;
      expect(article).toMatchObject({
        title: source.title,
        source: source.source,
        published: source.published,
        lang: source.lang,
        storyId: `story-${source.id}`,
      });
      expect(article.entities).toEqual(source.entities);
      expect(article.terms.length).toBe(ARTICLE_TERMS);
      for (const t of article.terms) expect(t.term).toBe(t.term.toLowerCase());
    }
    expect(c.articles.find((a) => a.article.id === SV)!.article.terms.map((t) => t.term)).toContain('lecun');
    expect(c.stories.get(`story-${SV}`)?.related).toEqual([`story-${EN}`]);
    expect(c.stories.get(`story-${EN}`)?.articleIds).toEqual([EN]);
  });

  it('scores exactly as the in-memory corpus does', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const fromDb = await readScoringCorpus(db);
    const inMemory = prepareScoringCorpus({
      build: built.build,
      articles: built.articles.map((a) => ({ ...a, terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang, ARTICLE_TERMS) })),
      stories: built.stories.map((s) => ({ ...s, related: s.related.map((r) => r.storyId) })),
    });
    for (const f of ['score-pos-sv-lecun.txt', 'score-neg-en-markets.txt'])
      expect(scorePage(page(f), fromDb)).toEqual(scorePage(page(f), inMemory));
  });

  it('gives an empty database an empty corpus, and pages no story', async () => {
    const db = await freshDb();
    const c = await readScoringCorpus(db);
    expect(c.build).toBe('');
    expect(c.articles).toEqual([]);
    expect(await scorePageInDb(db, page('score-pos-en-wang.txt'), {}, createScoringCache())).toMatchObject({ story: null, related: [] });
  });
});

describe('the stored scoring index', () => {
  it('is written with the corpus, and a failed load keeps the previous one', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    expect((await db.get('scoring', SCORING_INDEX_KEY))?.build).toBe(built.build);
    expect((await readScoringIndex(db)).articles.ids).toEqual([SV, EN]);
    const bad = { ...onlyScaleAi(), events: [{ ...built.events[0]!, id: undefined as unknown as string }] };
    await expect(loadCorpus(db, bad)).rejects.toThrow();
    expect((await readScoringIndex(db)).build).toBe(built.build);
    await loadCorpus(db, onlyScaleAi());
    expect((await readScoringIndex(db)).articles.ids).toEqual([EN]);
  });

  it('scores every fixture page as the full walk over the stored articles does', async () => {
    const db = await freshDb();
    // Shuffled, with a repeated article: the index follows the database (key order, the last put wins).
    const shuffled = { ...built, articles: [built.articles[1]!, { ...built.articles[0]!, title: 'An older version' }, built.articles[0]!] };
    await loadCorpus(db, shuffled);
    const full = await readScoringCorpus(db);
    const cache = createScoringCache();
    for (const f of readdirSync(SCORE_PAGES).filter((x) => /^score-.*\.txt$/u.test(x))) {
      const expected = scorePage(page(f), full);
      const got = await scorePageInDb(db, page(f), {}, cache);
      expect({ story: got.story, self: got.self, related: got.related }, f).toEqual({
        story: expected.story,
        self: expected.self,
        related: expected.related,
      });
    }
    expect(cache.reads).toBe(1);
  });

  it('is built again from the stores when missing (a corpus loaded before schema v3) or of another format (an update changed its shape)', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const lecun = page('score-pos-sv-lecun.txt');
    const expected = await scorePageInDb(db, lecun, {}, createScoringCache());
    expect(expected.story).not.toBeNull();
    const index = (await db.get('scoring', SCORING_INDEX_KEY))!;
    for (const stale of [undefined, { ...index, format: index.format - 1 } as unknown as ScoringIndex]) {
      if (stale) await db.put('scoring', stale, SCORING_INDEX_KEY);
      else await db.delete('scoring', SCORING_INDEX_KEY);
      const got = await scorePageInDb(db, lecun, {}, createScoringCache());
      expect({ story: got.story, self: got.self, related: got.related }).toEqual({
        story: expected.story,
        self: expected.self,
        related: expected.related,
      });
      // And stored for the next start.
      expect((await db.get('scoring', SCORING_INDEX_KEY))?.format).toBe(SCORING_INDEX_FORMAT);
    }
  });

  it('is empty when no corpus is stored', async () => {
    const db = await freshDb();
    const got = await scorePageInDb(db, page('score-pos-sv-lecun.txt'), {}, createScoringCache());
    expect(got).toMatchObject({ story: null, self: null, related: [] });
  });
});

describe('scorePageInDb', () => {
  it('names the story across languages both ways, and none for passing mentions', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const cache = createScoringCache();
    const sv = await scorePageInDb(db, page('score-pos-sv-scale.txt'), {}, cache);
    expect(sv.story?.id).toBe(`story-${EN}`);
    expect(sv.related[0]).toMatchObject({ articleId: EN, lang: 'en' });
    const en = await scorePageInDb(db, page('score-pos-en-lecun.txt'), {}, cache);
    expect(en.story).toMatchObject({ id: `story-${SV}`, title: 'Dråpslaget mot Meta – AI-pionjären överger skeppet' });
    expect(en.related.map((a) => a.articleId)).toEqual([SV, EN]);
    expect((await scorePageInDb(db, page('score-neg-sv-sport.txt'), {}, cache)).story).toBeNull();
    expect((await scorePageInDb(db, page('score-neg-de-economy.txt'), {}, cache)).story).toBeNull();
  });

  it('reads the corpus once per build, shares a read between concurrent pages, and re-reads after a new corpus', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const cache = createScoringCache();
    const [a, b] = await Promise.all([cache.get(db), cache.get(db)]);
    expect(a).toBe(b);
    await scorePageInDb(db, page('score-pos-sv-lecun.txt'), {}, cache);
    expect(cache.reads).toBe(1);
    expect(await cache.get(db)).toBe(a);

    await loadCorpus(db, onlyScaleAi());
    const after = await scorePageInDb(db, page('score-pos-sv-lecun.txt'), {}, cache);
    expect(cache.reads).toBe(2);
    expect((await cache.get(db)).build).toBe('only-scale-ai');
    expect(after.story?.id).not.toBe(`story-${SV}`);
    expect(after.related.map((r) => r.articleId)).not.toContain(SV);

    cache.clear();
    await cache.get(db);
    expect(cache.reads).toBe(3);
  });

  it('does not keep a failed read: the next page tries again', async () => {
    const db = await freshDb();
    await loadCorpus(db, built);
    const cache = createScoringCache();
    // The key is read; the index is not.
    const failing = {
      get: (store: string, key: string) =>
        store === 'scoring' ? Promise.reject(new Error('database closed')) : db.get(store as 'meta', key as 'corpus'),
      transaction: db.transaction.bind(db),
    } as unknown as Db;
    await expect(cache.get(failing)).rejects.toThrow('database closed');
    expect((await cache.get(db)).articles.ids).toHaveLength(2);
    expect(cache.reads).toBe(2);
  });
});
