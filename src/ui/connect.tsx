/**
 * Glue between the extension pages' entries and the platform: which tab a page shows, its
 * analysis and the corpus status, kept current through storage.onChanged. Only entries import this.
 */
import { type VNode, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TabAnalysis } from '../core/analysis';
import type { CorpusStatus } from '../core/messages';
import type { GlobalSettings } from '../core/settings';
import { message, uiLanguage } from '../platform/i18n';
import { send } from '../platform/messaging';
import { readCorpusStatus, readTabAnalysis, watchSession } from '../platform/session';
import { type Locale, LocaleProvider } from './i18n';

export const browserLocale = (): Locale => ({ t: message, lang: uiLanguage() });

export interface TabTarget {
  tabId: number;
  windowId: number | null;
}

/** The analysis of `tabId` (undefined while reading, null when there is none) and the corpus status. */
export function useTabState(tabId: number | null): { analysis: TabAnalysis | null | undefined; status: CorpusStatus | null } {
  const [analysis, setAnalysis] = useState<TabAnalysis | null | undefined>(undefined);
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  useEffect(() => {
    const alive = new AbortController();
    const gone = () => alive.signal.aborted; // a call, so that narrowing does not outlive an await
    setAnalysis(undefined);
    const unwatch = watchSession(
      () => tabId,
      (c) => {
        if (c.analysis !== undefined) setAnalysis(c.analysis);
        if (c.status !== undefined) setStatus(c.status);
      },
    );
    void (async () => {
      const [a, s] = await Promise.all([tabId === null ? null : readTabAnalysis(tabId), readCorpusStatus()]);
      if (gone()) return;
      setAnalysis(a);
      if (s) setStatus(s);
      else {
        // No status yet (the background has not started a load): ask for it.
        const res = await send({ type: 'ui:get-status' });
        if (!gone() && res.ok) setStatus(res.value);
      }
    })();
    return () => {
      alive.abort();
      unwatch();
    };
  }, [tabId]);
  return { analysis, status };
}

/** Applies the user's theme choice to <html data-theme>. */
export function applyTheme(theme: GlobalSettings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export async function loadTheme(): Promise<void> {
  const res = await send({ type: 'ui:get-settings', site: null });
  if (res.ok) applyTheme(res.value.global.theme);
}

/** Sets <html lang> and the title from the UI language, for screen readers and axe. */
export function prepareDocument(titleKey: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = message(titleKey);
}

/** Renders an extension page's root component into #app, in the UI language and the user's theme. */
export function mountPage(titleKey: string, app: VNode): void {
  prepareDocument(titleKey);
  void loadTheme();
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider locale={browserLocale()}>{app}</LocaleProvider>, root);
}
