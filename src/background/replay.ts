/**
 * Putting the reader's own articles back after a new bundled corpus replaced the corpus stores, in
 * the corpus load's transaction: the imported packs in bulk (packs.ts), then the remembered
 * articles one by one (memory-db.ts). Apart from both, which it calls.
 */
import type { UserArticleRecord } from './db';
import { type MemoryTx, applyUserArticle, touchMemory } from './memory-db';
import { replayPacks } from './packs';

/**
 * Puts every user article back into freshly written corpus stores (a new bundled corpus): the
 * imported packs first, in bulk (packs.ts replayPacks), then the remembered articles in the order
 * they were added, each linked again.
 */
export async function replayUserArticles(tx: MemoryTx): Promise<number> {
  await replayPacks(tx);
  const records = await tx.objectStore('userArticles').index('byAdded').getAll();
  for (const rec of records) {
    // A record this version cannot read (none was written before v5, but a store is user data): kept, not merged.
    if (!(rec as Partial<UserArticleRecord>).contribution?.article || rec.origin === 'imported') continue;
    await applyUserArticle(tx, rec);
  }
  if (records.length > 0) await touchMemory(tx);
  return records.length;
}
