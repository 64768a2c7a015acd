/**
 * Glue between the extension pages' entries and the platform: which tab a page shows, its
 * analysis and the corpus status, kept current through storage.onChanged. Only entries import this.
 */
import { type VNode, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TabAnalysis } from '../core/analysis';
import type { TabContext } from '../core/context';
import type { CorpusStatus } from '../core/messages';
import type { GlobalSettings } from '../core/settings';
import { message, uiLocale } from '../platform/i18n';
import { send } from '../platform/messaging';
import { readCorpusStatus, readTabAnalysis, watchSession } from '../platform/session';
import { type Locale, LocaleProvider } from './i18n';

export const browserLocale = (): Locale => ({ t: message, lang: uiLocale() });

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

/**
 * The context of `tabId` (digest, related coverage, timeline, cards) for its analysis taken at
 * `analysedAt`: asked again whenever the tab or its analysis changes. undefined while the first
 * answer for this tab is on its way (a newer analysis of the same tab keeps the last context on
 * screen until its own arrives), null when the tab has no analysis or the background has no context.
 */
export function useTabContext(tabId: number | null, analysedAt: number | null | undefined): TabContext | null | undefined {
  const [state, setState] = useState<{ tabId: number | null; context: TabContext | null } | null>(null);
  useEffect(() => {
    if (tabId === null || analysedAt === null) {
      setState({ tabId, context: null });
      return;
    }
    if (analysedAt === undefined) return;
    let alive = true;
    void send({ type: 'ui:get-tab-context', tabId }).then((res) => {
      if (alive) setState({ tabId, context: res.ok ? res.value : null });
    });
    return () => {
      alive = false;
    };
  }, [tabId, analysedAt]);
  if (analysedAt === undefined || state?.tabId !== tabId) return undefined;
  return state.context;
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
export function prepareDocument(titleKey: string, substitutions?: string | string[]): void {
  document.documentElement.lang = uiLocale();
  document.title = message(titleKey, substitutions);
}

/** Renders an extension page's root component into #app, in the UI language and the user's theme. */
export function mountPage(titleKey: string, app: VNode): void {
  prepareDocument(titleKey);
  void loadTheme();
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider locale={browserLocale()}>{app}</LocaleProvider>, root);
}

/**
 * The global settings (null until read), read again whenever the page becomes visible (another
 * page may have changed them), and a way to change them that keeps the page's copy current.
 */
export function useGlobalSettings(): [GlobalSettings | null, (patch: Partial<GlobalSettings>) => void] {
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const load = () => void send({ type: 'ui:get-settings', site: null }).then((r) => r.ok && setSettings(r.value.global));
  useEffect(() => {
    load();
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  const change = (patch: Partial<GlobalSettings>) => {
    // Shown answered at once; the background's answer follows (on a failure, the stored settings come back).
    setSettings((s) => (s ? { ...s, ...patch } : s));
    void send({ type: 'ui:set-global-settings', settings: patch }).then((r) => (r.ok ? setSettings(r.value) : load()));
  };
  return [settings, change];
}
