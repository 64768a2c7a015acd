/** The reading memory's questions, asked of a driver's extension page as the options page asks them. */
import type { MemoryItem, MemoryStatus } from '../../src/core/memory';
import type { Driver } from './driver';

interface Result<T> {
  ok: boolean;
  value: T;
}

/** `driver`: the suite's driver, read when a question is asked (suites start theirs in beforeAll). */
export function memoryUi(driver: () => Driver) {
  /** Sends a `ui:` message; a failed answer throws with the message and the answer. */
  const ui = async <T>(message: unknown): Promise<T> => {
    const r = (await driver().ui(message)) as Result<T>;
    if (!r.ok) throw new Error(`${JSON.stringify(message)}: ${JSON.stringify(r)}`);
    return r.value;
  };
  return {
    ui,
    /** What the memory holds (the options page's list, up to 100 items). */
    remembered: async () => (await ui<{ items: MemoryItem[] }>({ type: 'ui:memory-list', query: '', offset: 0, limit: 100 })).items,
    status: () => ui<MemoryStatus>({ type: 'ui:memory-status' }),
  };
}
