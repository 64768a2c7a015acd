/** The options page: global switches, theme, and what the bundled corpus holds. */
import type { CorpusStatus } from '../../core/messages';
import type { GlobalSettings } from '../../core/settings';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { Header, Loading, Section, Switch } from './common';

export interface OptionsProps {
  settings: GlobalSettings | null;
  status: CorpusStatus | null;
  onChange: (patch: Partial<GlobalSettings>) => void;
}

export function OptionsView({ settings, status, onChange }: OptionsProps) {
  const { t, lang } = useLocale();
  return (
    <main class="nc-options">
      <Header subtitle={t('optionsSubtitle')} />
      {settings === null ? (
        <Loading />
      ) : (
        <Section title={t('everywhereHeading')} id="global">
          <Switch
            id="g-highlights"
            label={t('switchHighlights')}
            hint={t('switchHighlightsHint')}
            checked={settings.highlights}
            onChange={(v) => onChange({ highlights: v })}
          />
          <Switch
            id="g-declutter"
            label={t('switchDeclutter')}
            hint={t('switchDeclutterHint')}
            checked={settings.declutter}
            onChange={(v) => onChange({ declutter: v })}
          />
          <div class="nc-field">
            <label for="theme">{t('themeLabel')}</label>
            <select
              id="theme"
              value={settings.theme}
              onChange={(e) => onChange({ theme: e.currentTarget.value as GlobalSettings['theme'] })}
            >
              <option value="system">{t('themeSystem')}</option>
              <option value="light">{t('themeLight')}</option>
              <option value="dark">{t('themeDark')}</option>
            </select>
          </div>
        </Section>
      )}
      <Section title={t('corpusHeading')} id="corpus">
        {status === null ? (
          <Loading />
        ) : (
          <dl class="nc-stats" data-testid="corpus-stats">
            <dt>{t('statArticles')}</dt>
            <dd>{formatNumber(status.articles, lang)}</dd>
            <dt>{t('statEntities')}</dt>
            <dd>{formatNumber(status.entities, lang)}</dd>
            <dt>{t('statEvents')}</dt>
            <dd>{formatNumber(status.events, lang)}</dd>
            <dt>{t('statStories')}</dt>
            <dd>{formatNumber(status.stories, lang)}</dd>
            <dt>{t('statBuild')}</dt>
            <dd>
              <code>{status.build ?? '–'}</code>
            </dd>
            <dt>{t('statState')}</dt>
            <dd>{t(`state_${status.state}`)}</dd>
          </dl>
        )}
        <p class="nc-hint">{t('privacyNote')}</p>
      </Section>
    </main>
  );
}
