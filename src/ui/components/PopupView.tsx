/** The toolbar popup: the page at a glance (its digest and entities), its switches, and the way into the side panel. */
import type { TabAnalysis } from '../../core/analysis';
import type { TabContext } from '../../core/context';
import type { CorpusStatus } from '../../core/messages';
import type { FeatureSwitches } from '../../core/settings';
import { useLocale } from '../i18n';
import { DigestCard } from './Digest';
import { ContextLoading, CorpusLine, EntityList, ForTab, Header, NotArticle, NothingKnown, PageCard, Section, Switch } from './common';

export interface PopupProps {
  /** undefined while loading; null when the tab has no analysis. */
  analysis: TabAnalysis | null | undefined;
  /** The tab's digest and the rest: undefined while loading, null when there is none. */
  context: TabContext | null | undefined;
  status: CorpusStatus | null;
  panelKind: 'side panel' | 'sidebar';
  onSiteSwitch: (feature: keyof FeatureSwitches, value: boolean) => void;
  onOpenPanel: () => void;
}

export function PopupView({ analysis, context, status, panelKind, onSiteSwitch, onOpenPanel }: PopupProps) {
  const { t } = useLocale();
  return (
    <main class="nc-popup">
      <Header subtitle={t('popupSubtitle')} />
      <ForTab analysis={analysis}>
        {(analysis) => (
          <>
            <PageCard analysis={analysis} />
            {!analysis.isArticle ? (
              <NotArticle />
            ) : context === undefined ? (
              <ContextLoading />
            ) : context?.digest ? (
              <DigestCard digest={context.digest} compact />
            ) : null}
            {analysis.entities.length === 0 ? (
              <NothingKnown />
            ) : (
              <Section title={t('entitiesHeading')} id="entities">
                <EntityList analysis={analysis} compact />
              </Section>
            )}
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
