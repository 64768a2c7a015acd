/** storage.session access for the per-tab analyses and the corpus status. */
import { STATUS_KEY, type SessionStore, type TabAnalysis, tabIdFromKey, tabKey } from '../core/analysis';
import type { CorpusStatus } from '../core/messages';
import browser from './browser';

export const sessionStore: SessionStore = {
  async get(key) {
    return (await browser.storage.session.get(key))[key];
  },
  async set(key, value) {
    await browser.storage.session.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.session.remove(key);
  },
  async entries() {
    return Object.entries(await browser.storage.session.get(null));
  },
};

export async function readTabAnalysis(tabId: number): Promise<TabAnalysis | null> {
  return ((await sessionStore.get(tabKey(tabId))) as TabAnalysis | undefined) ?? null;
}

export async function readCorpusStatus(): Promise<CorpusStatus | null> {
  return ((await sessionStore.get(STATUS_KEY)) as CorpusStatus | undefined) ?? null;
}

/** Calls `onChange` whenever the analysis of `tabId` or the corpus status changes. Returns an unsubscribe. */
export function watchSession(
  tabId: () => number | null,
  onChange: (change: { analysis?: TabAnalysis | null; status?: CorpusStatus | null }) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      if (key === STATUS_KEY) onChange({ status: (change.newValue as CorpusStatus | undefined) ?? null });
      else if (tabIdFromKey(key) !== null && tabIdFromKey(key) === tabId())
        onChange({ analysis: (change.newValue as TabAnalysis | undefined) ?? null });
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
