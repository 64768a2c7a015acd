/* eslint-disable @typescript-eslint/no-non-null-assertion -- benchmark code: indexes into arrays it has just built */
/**
 * Reading memory's background work, in fake-indexeddb in Node (the browsers' IndexedDB is faster):
 * - remembering a read article: the pipeline's stages on it (contribution.ts) and its merge into
 *   the corpus stores (memory-db.ts), per article, on the memory test pages read as the content
 *   script reads them (each page several times at other addresses and dates, so that none is a copy);
 * - importing a 10,000-article corpus pack (packs.ts), then the look-ups of a page against a corpus
 *   that holds it (scoring index rebuilt from the stores once, then warm; the side panel's context).
 */
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { tabContext } from '../../src/background/context';
import { loadCorpus, openNewsDb, readAllEntities } from '../../src/background/db';
import { createMemory } from '../../src/background/memory';
import { importPack, removePack } from '../../src/background/packs';
import { createScoringCache, scorePageInDb } from '../../src/background/story';
import type { TabAnalysis } from '../../src/core/analysis';
import type { Article } from '../../src/core/corpus';
import { compileAliasTable, createMatcher, toMatchable } from '../../src/core/matcher';
import { type ReadArticle, parseReadArticle } from '../../src/core/memory';
import { type PageFeatures, pageTerms } from '../../src/core/scoring';
import { contributionOf } from '../../src/corpus/contribution';
import { parseRegistry } from '../../src/corpus/entities';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { describePage } from '../../src/page/collect';
import { readArticle } from '../../src/page/reading';
import { analysisOf } from './corpus';
import { syntheticPack } from './packs';
import { rng, round, stats, timeAsync } from './util';

const PAGES = ['memory-sv-1', 'memory-en-1', 'memory-de-1', 'memory-sv-2', 'memory-en-2', 'memory-other'];
/** The budget for remembering one typical article in the background. */
export const REMEMBER_TARGET_MS = 150;
export const PACK_TARGET_MS = 30_000;

async function readPage(page: string): Promise<ReadArticle> {
  const doc = parseHTML(readFileSync(`test/fixtures/pages/${page}.html`, 'utf8')).document;
  const article = parseReadArticle(readArticle(doc, await describePage(doc, `https://news.example/${page}.html`)));
  if (!article) throw new Error(`${page}: not an article`);
  return article;
}

/** A day `n` days after `day`. */
const dayAfter = (day: string | null, n: number) =>
  new Date(Date.parse(`${day ?? '2026-11-20'}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `runs` pages, each like one of the imported articles of `stored` (its entities and words) at another address. */
function pagesLike(stored: readonly Article[], runs: number, r: () => number): PageFeatures[] {
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

export async function runMemoryBench({ quick }: { quick: boolean }) {
  const registry = parseRegistry(JSON.parse(readFileSync('assets/registry.json', 'utf8')) as unknown);
  const seed = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;
  const pages = await Promise.all(PAGES.map(readPage));
  const rounds = quick ? 2 : 6;

  // Remembering: each page `rounds` times, each time at another address, a week later (the same story going on).
  const db = await openNewsDb(`bench-memory-${String(Date.now())}`);
  await loadCorpus(db, seed);
  const known = async () => {
    const m = createMatcher(compileAliasTable((await readAllEntities(db)).filter((e) => !e.user?.own || e.user.trusted).map(toMatchable)));
    return (text: string) => m.scan(text).map((x) => ({ id: x.entityId, start: x.start, end: x.end }));
  };
  const memory = createMemory({ db: () => Promise.resolve(db), registry, known });
  const inputs = Array.from({ length: rounds }, (_, r) =>
    pages.map((p, i) => ({
      ...p,
      url: `${p.url}?r=${String(r)}`,
      title: `${p.title} (${String(r)})`,
      published: dayAfter(p.published, 7 * r + i),
    })),
  ).flat();
  const stages: number[] = [];
  for (const a of inputs) {
    const t0 = performance.now();
    contributionOf('~bench', { ...a, lead: null }, registry, undefined, await known());
    stages.push(performance.now() - t0);
  }
  const outcomes: string[] = [];
  const remember = await timeAsync(async (i) => outcomes.push((await memory.remember(inputs[i]!)).outcome), inputs.length);
  const words = pages.map((p) => p.body.split(/\s+/u).length).sort((a, b) => a - b);
  db.close();
  // The bench's own data goes before the look-ups are timed: fake-indexeddb keeps every database in
  // the JS heap (a browser's IndexedDB is not), and a larger heap makes each minor GC slower.
  await deleteDB(db.name);

  // A 10,000-article pack: import, then look-ups against the corpus holding it.
  const packArticles = quick ? 2000 : 10_000;
  const pdb = await openNewsDb(`bench-memory-pack-${String(Date.now())}`);
  await loadCorpus(pdb, seed);
  // The pack is made and imported in its own scope: the file's 10,000 articles are not kept while the look-ups are timed.
  const { imported, importMs, packCounts } = await (async () => {
    const pack = syntheticPack({ articles: packArticles });
    const t0 = performance.now();
    const done = await importPack(pdb, pack, 'synthetic.json');
    return { imported: done, importMs: performance.now() - t0, packCounts: { entities: pack.entities.length, events: pack.events.length } };
  })();
  const r = rng(5);
  const runs = quick ? 40 : 200;
  const features = pagesLike(await pdb.getAll('articles'), runs, r);
  const cache = createScoringCache();
  const f0 = performance.now();
  const first = await scorePageInDb(pdb, features[0]!, {}, cache);
  const scoreFirstMs = performance.now() - f0;
  const scoreWarm = await timeAsync((i) => scorePageInDb(pdb, features[i]!, {}, cache), runs);
  const analyses: TabAnalysis[] = [];
  for (let i = 0; i < (quick ? 20 : 60); i++) {
    const p = features[i]!;
    analyses.push(analysisOf(p, i === 0 ? first : await scorePageInDb(pdb, p, {}, cache), seed.build));
  }
  // As the background asks: with its scoring index's cache (warm from the analyses).
  const context = await timeAsync((i) => tabContext(pdb, analyses[i]!, { scoring: cache }), analyses.length);
  const related = analyses.filter((a) => a.related.length > 0).length / analyses.length;
  const x0 = performance.now();
  await removePack(pdb, imported.pack.id);
  const removeMs = performance.now() - x0;
  pdb.close();

  return {
    store: 'fake-indexeddb in Node (not the browser IndexedDB)',
    remember: {
      articles: inputs.length,
      pages: PAGES.length,
      words: { min: words[0]!, max: words[words.length - 1]! },
      stored: outcomes.filter((o) => o === 'stored').length,
      total: remember,
      stages: stats(stages),
      targetMs: REMEMBER_TARGET_MS,
      met: remember.median <= REMEMBER_TARGET_MS,
    },
    pack: {
      articles: packArticles,
      ...packCounts,
      added: imported.added,
      importMs: round(importMs),
      removeMs: round(removeMs),
      targetMs: PACK_TARGET_MS,
      met: packArticles < 10_000 ? null : importMs <= PACK_TARGET_MS,
      scoreFirstMs: round(scoreFirstMs),
      scoreWarm,
      tabContext: context,
      withRelated: round(related),
    },
  };
}
