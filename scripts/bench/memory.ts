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
import { loadCorpus, openNewsDb, readAllEntities } from '../../src/background/db';
import { createMemory } from '../../src/background/memory';
import { compileAliasTable, createMatcher, toMatchable } from '../../src/core/matcher';
import { type ReadArticle, parseReadArticle } from '../../src/core/memory';
import { contributionOf } from '../../src/corpus/contribution';
import { parseRegistry } from '../../src/corpus/entities';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { describePage } from '../../src/page/collect';
import { readArticle } from '../../src/page/reading';
import { type PackLookupOptions, packLookups } from './lookups';
import { stats, timeAsync } from './util';

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

/** The bundled corpus the reading-memory bench starts from: the seed articles. */
export const memorySeed = () => buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;

/** The pack look-ups' sizes: a 10,000-article pack in a full run. */
export const packLookupOptions = (quick: boolean): PackLookupOptions => ({
  articles: quick ? 2000 : 10_000,
  runs: quick ? 40 : 200,
  contexts: quick ? 20 : 60,
});

export async function runMemoryBench({ quick }: { quick: boolean }) {
  const registry = parseRegistry(JSON.parse(readFileSync('assets/registry.json', 'utf8')) as unknown);
  const seed = memorySeed();
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
  const sizes = packLookupOptions(quick);
  const pdb = await openNewsDb(`bench-memory-pack-${String(Date.now())}`);
  const pack = await packLookups(pdb, seed, sizes);
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
      ...pack,
      targetMs: PACK_TARGET_MS,
      met: sizes.articles < 10_000 ? null : pack.importMs <= PACK_TARGET_MS,
    },
  };
}
