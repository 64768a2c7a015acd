import { useEffect, useState } from 'preact/hooks';
import type { CorpusStatus } from '../../core/messages';
import type { GlobalSettings } from '../../core/settings';
import { send } from '../../platform/messaging';
import { watchSession } from '../../platform/session';
import { OptionsView } from '../components/OptionsView';
import { applyTheme, mountPage } from '../connect';
import '../styles.css';

function Options() {
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  useEffect(() => {
    void send({ type: 'ui:get-settings', site: null }).then((r) => {
      if (r.ok) {
        setSettings(r.value.global);
        applyTheme(r.value.global.theme);
      }
    });
    void send({ type: 'ui:get-status' }).then((r) => r.ok && setStatus(r.value));
    return watchSession(
      () => null,
      (c) => c.status !== undefined && setStatus(c.status),
    );
  }, []);
  return (
    <OptionsView
      settings={settings}
      status={status}
      onChange={(patch) => {
        void send({ type: 'ui:set-global-settings', settings: patch }).then((r) => {
          if (!r.ok) return;
          setSettings(r.value);
          applyTheme(r.value.theme);
        });
      }}
    />
  );
}

mountPage('optionsSubtitle', <Options />);
