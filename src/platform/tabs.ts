/** The tab an extension page is about: `?tab=<id>` when given (tests, deep links), else the active tab. */
import browser from './browser';

export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export async function activeTab(): Promise<{ tabId: number; windowId: number } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || tab.windowId === undefined) return null;
  return { tabId: tab.id, windowId: tab.windowId };
}

export async function currentWindowId(): Promise<number | null> {
  return (await browser.windows.getCurrent()).id ?? null;
}

/** Calls `onTab` when the active tab of window `windowId` changes. Returns an unsubscribe. */
export function watchActiveTab(windowId: number, onTab: (tabId: number) => void): () => void {
  const listener = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === windowId) onTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}

export async function tabWindowId(tabId: number): Promise<number | null> {
  try {
    return (await browser.tabs.get(tabId)).windowId ?? null;
  } catch {
    return null;
  }
}
