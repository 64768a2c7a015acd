/**
 * TEMPORARY STUB (branch memory-ui): the real corpus-pack import/export is being written on another
 * branch and replaces this file when merged. Only the signatures the options page uses are here.
 */
import type { Corpus } from '../core/corpus';
import type { PackInfo } from '../core/memory';
import type { Db } from './db';

/** A corpus file that does not validate: what is wrong with it, where. */
export class PackError extends Error {
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'PackError';
  }
}

export async function importPack(
  _db: Db,
  _data: unknown,
  _name: string,
  _onProgress?: (done: number) => void,
): Promise<{ pack: PackInfo; added: number; skipped: number }> {
  await Promise.resolve();
  throw new Error('not implemented');
}

export async function exportCorpus(_db: Db, _which: 'remembered' | 'all'): Promise<Corpus> {
  await Promise.resolve();
  throw new Error('not implemented');
}
