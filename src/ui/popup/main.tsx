import { useEffect, useState } from 'preact/hooks';
import { SIDE_PANEL_KIND, openSidePanel } from '../../platform/panel';
import { send } from '../../platform/messaging';
import { activeTab, tabIdFromQuery, tabWindowId } from '../../platform/tabs';
import { PopupView } from '../components/PopupView';
import { mountPage, type TabTarget, useGlobalSettings, useTabContext, useTabState } from '../connect';
import '../styles.css';

/** Opened with ?tab=<id> (tests, deep links) the popup shows that tab and stays open. */
const queryTab = tabIdFromQuery(location.search);

function Popup() {
  const [target, setTarget] = useState<TabTarget | null>(null);
  useEffect(() => {
    void (async () => {
      if (queryTab !== null) setTarget({ tabId: queryTab, windowId: await tabWindowId(queryTab) });
      else setTarget(await activeTab());
    })();
  }, []);
  const { analysis, status } = useTabState(target?.tabId ?? null);
  const context = useTabContext(target?.tabId ?? null, analysis === undefined ? undefined : (analysis?.analysedAt ?? null));
  const [settings, changeSettings] = useGlobalSettings();
  return (
    <PopupView
      settings={settings}
      onMemoryAnswer={changeSettings}
      analysis={target === null && analysis === undefined ? undefined : analysis}
      context={context}
      status={status}
      panelKind={SIDE_PANEL_KIND}
      onShowEverything={() => {
        if (target) void send({ type: 'ui:show-everything', tabId: target.tabId });
      }}
      onSiteSwitch={(feature, value) => {
        if (analysis) void send({ type: 'ui:set-site-switch', site: analysis.site.key, feature, value });
      }}
      onOpenPanel={() => {
        // Must run synchronously inside the click: both browsers require a user gesture.
        if (target?.windowId == null) return;
        openSidePanel(target.windowId).then(
          () => {
            if (queryTab === null) window.close();
          },
          (e: unknown) => console.error('[news-context] could not open the side panel', e),
        );
      }}
    />
  );
}

mountPage('popupSubtitle', <Popup />);
