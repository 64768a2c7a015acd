import { useEffect, useState } from 'preact/hooks';
import type { CorpusStatus } from '../../core/messages';
import type { GlobalSettings } from '../../core/settings';
import { send } from '../../platform/messaging';
import { watchSession } from '../../platform/session';
import { OptionsView, type SiteEntry } from '../components/OptionsView';
import { applyTheme, mountPage } from '../connect';
import '../styles.css';

function Options() {
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [sites, setSites] = useState<readonly SiteEntry[] | null>(null);
  const loadSites = () => void send({ type: 'ui:get-sites' }).then((r) => setSites(r.ok ? r.value : []));
  useEffect(() => {
    void send({ type: 'ui:get-settings', site: null }).then((r) => {
      if (r.ok) {
        setSettings(r.value.global);
        applyTheme(r.value.global.theme);
      }
    });
    void send({ type: 'ui:get-status' }).then((r) => r.ok && setStatus(r.value));
    loadSites();
    // A site's switches may have changed in a popup meanwhile: read the list again on return.
    const onVisible = () => document.visibilityState === 'visible' && loadSites();
    document.addEventListener('visibilitychange', onVisible);
    const unwatch = watchSession(
      () => null,
      (c) => c.status !== undefined && setStatus(c.status),
    );
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unwatch();
    };
  }, []);
  return (
    <OptionsView
      settings={settings}
      status={status}
      sites={sites}
      onChange={(patch) => {
        void send({ type: 'ui:set-global-settings', settings: patch }).then((r) => {
          if (!r.ok) return;
          setSettings(r.value);
          applyTheme(r.value.theme);
        });
      }}
      onSiteSwitch={(site, feature, value) => {
        void send({ type: 'ui:set-site-switch', site, feature, value }).then(loadSites);
      }}
      onSiteReset={(site) => {
        // One override after the other: each request reads and writes the site's record.
        void (async () => {
          await send({ type: 'ui:set-site-switch', site, feature: 'highlights', value: null });
          await send({ type: 'ui:set-site-switch', site, feature: 'declutter', value: null });
          loadSites();
        })();
      }}
    />
  );
}

mountPage('optionsSubtitle', <Options />);
