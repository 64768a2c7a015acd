/** What read-only mode needs from the database: recognising a full disk, and copying the user's data into memory. */
import { type Db, USER_STORES } from './db';

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
