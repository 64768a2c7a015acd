/** The options page: global switches, theme, reading memory, the sites with their own switches, and what the bundled corpus holds. */
import type { CorpusStatus } from '../../core/messages';
import type { FeatureSwitches, GlobalSettings, SiteSettings, SiteSwitch } from '../../core/settings';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { MEMORY_LOADING, MemorySection, type MemoryProps } from './MemorySection';
import { Empty, Header, Loading, ReadOnlyNotice, Section, Switch } from './common';

export interface SiteEntry {
  site: string;
  settings: SiteSettings;
}

export interface OptionsProps {
  settings: GlobalSettings | null;
  status: CorpusStatus | null;
  onChange: (patch: Partial<GlobalSettings>) => void;
  /** The sites with their own switches (null while loading). */
  sites: readonly SiteEntry[] | null;
  /** Sets a site's override, or with null clears it (the site follows the global switch again; for memory, it is remembered again). */
  onSiteSwitch: (site: string, feature: SiteSwitch, value: boolean | null) => void;
  /** Clears both of a site's feature overrides. */
  onSiteReset: (site: string) => void;
  /** Reading memory's state and actions (absent: shown as loading). */
  memory?: MemoryProps;
}

export function OptionsView({ settings, status, onChange, sites, onSiteSwitch, onSiteReset, memory = MEMORY_LOADING }: OptionsProps) {
  const { t, lang } = useLocale();
  // Settings cannot be saved while storage is read-only: the controls say so by being disabled.
  const locked = Boolean(status?.readOnly);
  // A site excluded from reading memory only is listed there, not among the sites with their own switches.
  const switchSites = sites?.filter((s) => s.settings.highlights !== undefined || s.settings.declutter !== undefined) ?? null;
  return (
    <main class="nc-options">
      <Header subtitle={t('optionsSubtitle')} />
      <ReadOnlyNotice status={status} />
      {settings === null ? (
        <Loading />
      ) : (
        <Section title={t('everywhereHeading')} id="global">
          <Switch
            id="g-highlights"
            label={t('switchHighlights')}
            hint={t('switchHighlightsHint')}
            checked={settings.highlights}
            disabled={locked}
            onChange={(v) => onChange({ highlights: v })}
          />
          <Switch
            id="g-declutter"
            label={t('switchDeclutter')}
            hint={t('switchDeclutterHint')}
            checked={settings.declutter}
            disabled={locked}
            onChange={(v) => onChange({ declutter: v })}
          />
          <div class="nc-field">
            <label for="theme">{t('themeLabel')}</label>
            <select
              id="theme"
              value={settings.theme}
              disabled={locked}
              onChange={(e) => onChange({ theme: e.currentTarget.value as GlobalSettings['theme'] })}
            >
              <option value="system">{t('themeSystem')}</option>
              <option value="light">{t('themeLight')}</option>
              <option value="dark">{t('themeDark')}</option>
            </select>
          </div>
        </Section>
      )}
      {settings === null ? null : (
        <MemorySection settings={settings} sites={sites} locked={locked} onChange={onChange} onSiteSwitch={onSiteSwitch} memory={memory} />
      )}
      <Section title={t('sitesHeading')} id="sites">
        {switchSites === null ? (
          <Loading />
        ) : switchSites.length === 0 ? (
          <Empty>{t('sitesEmpty')}</Empty>
        ) : (
          <SiteTable sites={switchSites} global={settings} locked={locked} onSiteSwitch={onSiteSwitch} onSiteReset={onSiteReset} />
        )}
      </Section>
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

const FEATURES: readonly (keyof FeatureSwitches)[] = ['highlights', 'declutter'];

function SiteTable(props: {
  sites: readonly SiteEntry[];
  global: GlobalSettings | null;
  locked: boolean;
  onSiteSwitch: OptionsProps['onSiteSwitch'];
  onSiteReset: OptionsProps['onSiteReset'];
}) {
  const { t } = useLocale();
  const label = { highlights: t('switchHighlights'), declutter: t('switchDeclutter') };
  return (
    <>
      <p class="nc-hint" id="sites-hint">
        {t('sitesHint')}
      </p>
      <div class="nc-table-wrap">
        <table class="nc-sites" data-testid="site-list" aria-describedby="sites-hint">
          <thead>
            <tr>
              <th scope="col">{t('sitesColumnSite')}</th>
              <th scope="col">{label.highlights}</th>
              <th scope="col">{label.declutter}</th>
              <th scope="col">
                <span class="nc-sr">{t('sitesColumnActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sites.map(({ site, settings }) => (
              <tr key={site} data-testid="site-row" data-site={site}>
                <th scope="row">{site}</th>
                {FEATURES.map((f) => {
                  const value = settings[f];
                  const fallback = props.global ? (props.global[f] ? t('siteOn') : t('siteOff')) : null;
                  return (
                    <td key={f}>
                      <select
                        aria-label={t('siteSwitchLabel', [label[f], site])}
                        data-feature={f}
                        disabled={props.locked}
                        value={value === undefined ? 'default' : value ? 'on' : 'off'}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          props.onSiteSwitch(site, f, v === 'default' ? null : v === 'on');
                        }}
                      >
                        <option value="default">{fallback ? t('siteDefaultIs', fallback) : t('siteDefault')}</option>
                        <option value="on">{t('siteOn')}</option>
                        <option value="off">{t('siteOff')}</option>
                      </select>
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    class="nc-button nc-button-quiet"
                    data-testid="site-reset"
                    aria-label={t('siteResetLabel', site)}
                    disabled={props.locked || (settings.highlights === undefined && settings.declutter === undefined)}
                    onClick={() => props.onSiteReset(site)}
                  >
                    {t('siteReset')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
