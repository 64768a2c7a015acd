/* eslint-disable @typescript-eslint/no-non-null-assertion -- benchmark code: indexes into arrays it has just built */
/**
 * The look-ups of a page against a corpus holding a 10,000-article pack, as the background makes
 * them: the pack imported (packs.ts importPack) into a database holding the seed corpus, pages like
 * its articles scored (the scoring index built from the stores on the first look-up, then warm),
 * and their side-panel context made (tabContext with the scoring cache). Pure: it takes the open
 * database, so memory.ts runs it in fake-indexeddb in Node and browser-lookups.ts in a browser's
 * own IndexedDB, with the same code and the same pack.
 */
import { tabContext } from '../../src/background/context';
import { type Db, loadCorpus } from '../../src/background/db';
import { importPack, removePack } from '../../src/background/packs';
import { createScoringCache, scorePageInDb } from '../../src/background/story';
import type { TabAnalysis } from '../../src/core/analysis';
import type { Article, Corpus } from '../../src/core/corpus';
import { type PageFeatures, type PageScore, pageTerms } from '../../src/core/scoring';
import { rng, round, timeAsync } from './stats';
import { syntheticPack } from './synthetic-pack';

/** The tab analysis of a page the bench scored, as the background would write it (entity names are their ids). */
export function analysisOf(p: PageFeatures, s: PageScore, build: string): TabAnalysis {
  return {
    url: p.url,
    lang: p.lang,
    analysedAt: Date.now(),
    entities: p.entities.map((e) => ({ id: e.id, name: e.id, type: 'organization', count: e.count })),
    story: s.story,
    related: s.related,
    declutter: { active: false, walls: 0, boilerplate: 0 },
    title: p.title,
    words: p.words,
    langSource: 'declared',
    published: p.published,
    articleId: s.self,
    isArticle: true,
    site: { key: 'elsewhere.example', highlights: true, declutter: true },
    corpus: { build, articles: 0, entities: 0, events: 0, stories: 0 },
  };
}

/** `runs` pages, each like one of the imported articles of `stored` (its entities and words) at another address. */
export function pagesLike(stored: readonly Article[], runs: number, r: () => number): PageFeatures[] {
  const imported = stored.filter((a) => a.origin === 'imported');
  return Array.from({ length: runs }, (_, i) => {
    const a = imported[Math.floor(r() * imported.length)]!;
    return {
      url: `https://elsewhere.example/${String(i)}`,
      title: `${a.title} (${String(i)})`,
      lang: a.lang,
      published: a.published,
      entities: a.entities.map((id) => ({ id, count: 2 })),
      terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang),
      words: a.body.split(/\s+/u).length,
    };
  });
}

export interface PackLookupOptions {
  /** Articles in the pack (10,000 in a full run). */
  articles: number;
  /** Pages scored warm. */
  runs: number;
  /** Of them, the first this many also have their side-panel context made. */
  contexts: number;
}

/** Imports a synthetic pack into `db` (which holds `seed`), times the look-ups, then removes the pack. */
export async function packLookups(db: Db, seed: Corpus, o: PackLookupOptions) {
  await loadCorpus(db, seed);
  // The pack is made and imported in its own scope: the file's articles are not kept while the look-ups are timed.
  const { imported, importMs, packCounts } = await (async () => {
    const pack = syntheticPack({ articles: o.articles });
    const t0 = performance.now();
    const done = await importPack(db, pack, 'synthetic.json');
    return { imported: done, importMs: performance.now() - t0, packCounts: { entities: pack.entities.length, events: pack.events.length } };
  })();
  const features = pagesLike(await db.getAll('articles'), o.runs, rng(5));
  const cache = createScoringCache();
  const f0 = performance.now();
  const first = await scorePageInDb(db, features[0]!, {}, cache);
  const scoreFirstMs = performance.now() - f0;
  const scoreWarm = await timeAsync((i) => scorePageInDb(db, features[i]!, {}, cache), o.runs);
  const analyses: TabAnalysis[] = [];
  for (let i = 0; i < o.contexts; i++) {
    const p = features[i]!;
    analyses.push(analysisOf(p, i === 0 ? first : await scorePageInDb(db, p, {}, cache), seed.build));
  }
  // As the background asks: with its scoring index's cache (warm from the analyses).
  const context = await timeAsync((i) => tabContext(db, analyses[i]!, { scoring: cache }), analyses.length);
  const withRelated = analyses.filter((a) => a.related.length > 0).length / analyses.length;
  const x0 = performance.now();
  await removePack(db, imported.pack.id);
  const removeMs = performance.now() - x0;
  return {
    articles: o.articles,
    ...packCounts,
    added: imported.added,
    importMs: round(importMs),
    removeMs: round(removeMs),
    scoreFirstMs: round(scoreFirstMs),
    scoreWarm,
    tabContext: context,
    withRelated: round(withRelated),
  };
}
