/**
 * The background's storage mode: the real database, or (read-only mode) a copy in memory when the
 * real one cannot be opened, its upgrade stays blocked, or the disk is full; and settings writes,
 * refused in read-only mode. Also what read-only mode needs from the database: recognising a full
 * disk, and copying the user's data into memory.
 */
import type { ReadOnlyState } from '../core/messages';
import { CodedError, errorMessage } from '../core/result';
import { type Db, USER_STORES } from './db';

export interface StorageDeps {
  /** Opens the extension's database; `onBlocked` fires while an upgrade waits for another context to let go of the old version. */
  openDb: (onBlocked: () => void) => Promise<Db>;
  /**
   * Opens an empty database in memory, for read-only mode: when the real one cannot be opened,
   * stays blocked, or is full, the corpus is served from memory and settings cannot change.
   */
  openMemoryDb?: () => Promise<Db>;
  /** How long an upgrade may wait for another context before read-only mode starts (ms). */
  blockedGraceMs?: number;
}

/** What the storage tells the rest of the background (the corpus loader) when its mode changes. */
export interface StorageEvents {
  /** Read-only mode started on a settings write the full disk refused: the status should say so now. */
  readOnlyStarted: () => Promise<void>;
  /** A blocked upgrade went through: the real database, writable, is back (its corpus to be checked again). */
  writableAgain: () => void;
}

export interface Storage {
  /** The database in use; opened once, a failed open is retried on the next call rather than cached. */
  db: () => Promise<Db>;
  /** Why storage is read-only now (null: writable). */
  readOnly: () => ReadOnlyState | null;
  /** Whether read-only mode is possible at all (there is a database in memory to fall back on). */
  readonly canGoReadOnly: boolean;
  /** Read-only mode over the database in use (a corpus already stored still serves; writes are refused). */
  refuseWrites: (why: ReadOnlyState) => void;
  /** Read-only mode over a new copy in memory, with the user's settings copied from `from` (when readable). */
  useMemoryCopy: (why: ReadOnlyState, from: Db | null) => void;
  /**
   * Runs a settings write; in read-only mode refuses it, and a write the full disk refuses starts
   * read-only mode (said in the status) rather than failing obscurely.
   */
  settingsWrite: <T>(write: () => Promise<T>) => Promise<T>;
}

export function createStorage(deps: StorageDeps, events: StorageEvents): Storage {
  let dbPromise: Promise<Db> | null = null;
  const db = (): Promise<Db> =>
    (dbPromise ??= openStorage().catch((e: unknown) => {
      dbPromise = null;
      throw e;
    }));

  /** Why storage is read-only now (the database in use is then a copy in memory, or the real one with writes refused). */
  let readOnly: ReadOnlyState | null = null;

  /**
   * The real database; or, when it cannot be opened or its upgrade stays blocked, a copy in memory
   * (read-only mode). A blocked upgrade that goes through later (the other context let go) brings
   * the real database back, and with it writable settings.
   */
  async function openStorage(): Promise<Db> {
    const { openMemoryDb } = deps;
    let onBlocked!: () => void;
    const blocked = new Promise<'blocked'>((resolve) => (onBlocked = () => resolve('blocked')));
    const real = deps.openDb(onBlocked);
    if (!openMemoryDb) return real;
    let first: Db | 'blocked';
    try {
      const graceOver = blocked.then(
        () => new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), deps.blockedGraceMs ?? 3000)),
      );
      first = await Promise.race([real, graceOver]);
    } catch (e) {
      console.warn('[news-context] the database cannot be opened; read-only mode:', e);
      return readOnlyCopy({ reason: 'unavailable', detail: errorMessage(e) }, null);
    }
    if (first !== 'blocked') return first;
    console.warn('[news-context] the database upgrade waits for another context; read-only mode until it can run');
    real.then(
      (d) => {
        // The upgrade ran: back to the real database, writable, with the bundled corpus checked again.
        readOnly = null;
        dbPromise = Promise.resolve(d);
        events.writableAgain();
      },
      () => undefined,
    );
    return readOnlyCopy({ reason: 'blocked', detail: 'another context holds an older version of the database open' }, null);
  }

  /** An in-memory database with the user's settings copied from `from` (when readable): read-only mode. */
  async function readOnlyCopy(why: ReadOnlyState, from: Db | null): Promise<Db> {
    if (!deps.openMemoryDb) throw new Error('no in-memory database for read-only mode');
    const memory = await deps.openMemoryDb();
    if (from) await copyUserData(from, memory).catch((e: unknown) => console.warn('[news-context] settings not copied:', e));
    readOnly = why;
    return memory;
  }

  const refusal = (why: ReadOnlyState) => new CodedError('read-only', `settings cannot be saved now (${why.reason}: ${why.detail})`);

  return {
    db,
    readOnly: () => readOnly,
    canGoReadOnly: deps.openMemoryDb !== undefined,
    refuseWrites(why) {
      readOnly = why;
    },
    useMemoryCopy(why, from) {
      dbPromise = readOnlyCopy(why, from);
    },
    async settingsWrite(write) {
      if (readOnly) throw refusal(readOnly);
      try {
        return await write();
      } catch (e) {
        if (!isQuotaError(e)) throw e;
        readOnly = { reason: 'quota', detail: errorMessage(e) };
        await events.readOnlyStarted();
        throw refusal(readOnly);
      }
    },
  };
}

/**
 * A write refused because the browser's storage is full: a QuotaExceededError from a request,
 * or a transaction aborted by one (idb rejects `tx.done` with the transaction's error).
 */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  // Some aborts carry the quota error as their cause.
  return name === 'AbortError' && isQuotaError((e as { cause?: unknown }).cause);
}

/** Copies every user store (settings, user articles) from one database into another, keys included. */
export async function copyUserData(from: Db, to: Db): Promise<void> {
  const read = from.transaction(USER_STORES);
  const stores = await Promise.all(
    USER_STORES.map(async (name) => {
      const store = read.objectStore(name);
      const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
      return { name, keys, values };
    }),
  );
  await read.done;
  const write = to.transaction(USER_STORES, 'readwrite');
  const puts: Promise<unknown>[] = [];
  for (const { name, keys, values } of stores) {
    const store = write.objectStore(name);
    // Out-of-line keys (settings) are given; in-line ones (userArticles) come from the value.
    values.forEach((value, i) => puts.push(store.keyPath === null ? store.put(value, keys[i]) : store.put(value)));
  }
  await Promise.all([...puts, write.done]);
}
