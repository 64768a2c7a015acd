/**
 * The browser page's side of the look-up bench (browser.mjs builds this file for the page): the
 * same pack and look-ups as memory.ts (lookups.ts), in the browser's own IndexedDB, which keeps
 * the database out of the JS heap, as the extension's background has it.
 */
import { deleteDB } from 'idb';
import { openNewsDb } from '../../src/background/db';
import type { Corpus } from '../../src/core/corpus';
import { type PackLookupOptions, packLookups } from './lookups';

async function run(seed: Corpus, o: PackLookupOptions) {
  const name = `bench-lookups-${String(Date.now())}`;
  const db = await openNewsDb(name);
  try {
    return await packLookups(db, seed, o);
  } finally {
    db.close();
    await deleteDB(name);
  }
}

Object.defineProperty(globalThis, 'benchPackLookups', { value: run });
