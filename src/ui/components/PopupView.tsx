/** The toolbar popup: the page at a glance, its switches, and the way into the side panel. */
import type { TabAnalysis } from '../../core/analysis';
import type { CorpusStatus } from '../../core/messages';
import type { FeatureSwitches } from '../../core/settings';
import { useLocale } from '../i18n';
import { CorpusLine, EntityList, ForTab, Header, PageCard, Section, Switch } from './common';

export interface PopupProps {
  /** undefined while loading; null when the tab has no analysis. */
  analysis: TabAnalysis | null | undefined;
  status: CorpusStatus | null;
  panelKind: 'side panel' | 'sidebar';
  onSiteSwitch: (feature: keyof FeatureSwitches, value: boolean) => void;
  onOpenPanel: () => void;
}

export function PopupView({ analysis, status, panelKind, onSiteSwitch, onOpenPanel }: PopupProps) {
  const { t } = useLocale();
  return (
    <main class="nc-popup">
      <Header subtitle={t('popupSubtitle')} />
      <ForTab analysis={analysis}>
        {(analysis) => (
          <>
            <PageCard analysis={analysis} />
            <Section title={t('entitiesHeading')} id="entities">
              <EntityList analysis={analysis} />
            </Section>
            <Section title={t('thisSiteHeading', analysis.site.key)} id="site">
              <Switch
                id="sw-highlights"
                label={t('switchHighlights')}
                checked={analysis.site.highlights}
                onChange={(v) => onSiteSwitch('highlights', v)}
              />
              <Switch
                id="sw-declutter"
                label={t('switchDeclutter')}
                checked={analysis.site.declutter}
                onChange={(v) => onSiteSwitch('declutter', v)}
              />
            </Section>
          </>
        )}
      </ForTab>
      <button type="button" class="nc-button" data-testid="open-panel" onClick={onOpenPanel}>
        {panelKind === 'sidebar' ? t('openSidebar') : t('openSidePanel')}
      </button>
      <CorpusLine status={status} />
    </main>
  );
}
