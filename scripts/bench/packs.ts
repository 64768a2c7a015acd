/**
 * Corpus packs (background/packs.ts): what importing and removing a synthetic pack (synthetic-pack.ts,
 * re-exported here for the unit tests' size check) takes in fake-indexeddb in Node. Run by
 * scripts/bench/pack-import.mjs.
 */
import 'fake-indexeddb/auto';
import { loadCorpus, openNewsDb } from '../../src/background/db';
import { importPack, removePack } from '../../src/background/packs';
import { syntheticPack } from './synthetic-pack';
import { round } from './util';

export { type SyntheticPackOptions, syntheticPack } from './synthetic-pack';

export interface PackImportBench {
  store: string;
  articles: number;
  entities: number;
  events: number;
  generateMs: number;
  importMs: number;
  removeMs: number;
  added: number;
  skipped: number;
  targetMs: number;
  met: boolean;
}

/** Imports a synthetic pack into a database holding a small bundled corpus, then removes it. */
export async function runPackImportBench(articles = 10_000): Promise<PackImportBench> {
  const db = await openNewsDb(`bench-packs-${String(Date.now())}`);
  try {
    await loadCorpus(db, syntheticPack({ articles: 200, build: 'bundled', seed: 3, outlet: 'wire' }));
    const g0 = performance.now();
    const pack = syntheticPack({ articles });
    const generateMs = performance.now() - g0;
    const t0 = performance.now();
    const result = await importPack(db, pack, 'synthetic.json');
    const importMs = performance.now() - t0;
    const r0 = performance.now();
    await removePack(db, result.pack.id);
    const removeMs = performance.now() - r0;
    return {
      store: 'fake-indexeddb in Node (not the browser IndexedDB)',
      articles,
      entities: pack.entities.length,
      events: pack.events.length,
      generateMs: round(generateMs),
      importMs: round(importMs),
      removeMs: round(removeMs),
      added: result.added,
      skipped: result.skipped,
      targetMs: 30_000,
      met: importMs <= 30_000,
    };
  } finally {
    db.close();
  }
}
