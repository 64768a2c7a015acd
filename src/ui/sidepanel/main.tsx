import { useEffect, useState } from 'preact/hooks';
import { activeTab, currentWindowId, tabIdFromQuery, watchActiveTab } from '../../platform/tabs';
import { SidePanelView } from '../components/SidePanelView';
import { mountPage, useGlobalSettings, useTabContext, useTabState } from '../connect';
import '../styles.css';

/** With ?tab=<id> the panel shows that tab; otherwise it follows the active tab of its window. */
const queryTab = tabIdFromQuery(location.search);

function SidePanel() {
  const [tabId, setTabId] = useState<number | null>(queryTab);
  useEffect(() => {
    if (queryTab !== null) return;
    let unwatch = () => {};
    const alive = new AbortController();
    void (async () => {
      const [windowId, tab] = await Promise.all([currentWindowId(), activeTab()]);
      if (alive.signal.aborted) return;
      if (tab) setTabId(tab.tabId);
      if (windowId !== null) unwatch = watchActiveTab(windowId, setTabId);
    })();
    return () => {
      alive.abort();
      unwatch();
    };
  }, []);
  const { analysis, status } = useTabState(tabId);
  const context = useTabContext(tabId, analysis === undefined ? undefined : (analysis?.analysedAt ?? null));
  const [settings, changeSettings] = useGlobalSettings();
  return <SidePanelView analysis={analysis} context={context} status={status} settings={settings} onMemoryAnswer={changeSettings} />;
}

mountPage('panelSubtitle', <SidePanel />);
