/** The toolbar popup: the page at a glance (its digest and entities), its switches, and the way into the side panel. */
import type { TabAnalysis } from '../../core/analysis';
import type { TabContext } from '../../core/context';
import type { CorpusStatus } from '../../core/messages';
import type { FeatureSwitches, GlobalSettings } from '../../core/settings';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { DigestCard } from './Digest';
import { MemoryAsk } from './MemoryAsk';
import {
  ContextLoading,
  CorpusLine,
  EntityList,
  ForTab,
  Header,
  NotArticle,
  NothingKnown,
  PageCard,
  ReadOnlyNotice,
  Section,
  Switch,
} from './common';

export interface PopupProps {
  /** undefined while loading; null when the tab has no analysis. */
  analysis: TabAnalysis | null | undefined;
  /** The tab's digest and the rest: undefined while loading, null when there is none. */
  context: TabContext | null | undefined;
  status: CorpusStatus | null;
  panelKind: 'side panel' | 'sidebar';
  onSiteSwitch: (feature: keyof FeatureSwitches, value: boolean) => void;
  onOpenPanel: () => void;
  /** Undo declutter on this page now (the site's switch stays). */
  onShowEverything: () => void;
  /** The global settings, for the one-time reading-memory question (absent or null: not asked here). */
  settings?: GlobalSettings | null;
  /** Saves the answer to the reading-memory question. */
  onMemoryAnswer?: (patch: Partial<GlobalSettings>) => void;
}

/** What declutter does on this page, and the one click that brings everything back. */
export function DeclutterStatus({ analysis, onShowEverything }: { analysis: TabAnalysis; onShowEverything: () => void }) {
  const { t, lang } = useLocale();
  const { declutter, site, isArticle } = analysis;
  // Walls are undone on every page; on a page that is not an article the popup speaks of it only when there was one.
  if (!site.declutter || (!isArticle && declutter.walls === 0)) return null;
  if (!declutter.active)
    return (
      <p class="nc-hint" data-testid="declutter-status" data-state="shown">
        {t('declutterShown')}
      </p>
    );
  const tooBig =
    declutter.skipped === 'too-big' ? (
      <p class="nc-hint" data-testid="declutter-skipped">
        {t('declutterTooBig')}
      </p>
    ) : null;
  if (declutter.walls + declutter.boilerplate === 0)
    return (
      tooBig ?? (
        <p class="nc-hint" data-testid="declutter-status" data-state="nothing">
          {t('declutterNothing')}
        </p>
      )
    );
  return (
    <div class="nc-declutter" data-testid="declutter-status" data-state="hidden">
      <p class="nc-hint">{t('declutterHidden', [formatNumber(declutter.walls, lang), formatNumber(declutter.boilerplate, lang)])}</p>
      {tooBig}
      <button type="button" class="nc-button nc-button-secondary" data-testid="show-everything" onClick={onShowEverything}>
        {t('showEverything')}
      </button>
    </div>
  );
}

export function PopupView({
  analysis,
  context,
  status,
  panelKind,
  onSiteSwitch,
  onOpenPanel,
  onShowEverything,
  settings = null,
  onMemoryAnswer = () => {},
}: PopupProps) {
  const { t } = useLocale();
  return (
    <main class="nc-popup">
      <Header subtitle={t('popupSubtitle')} />
      <MemoryAsk settings={settings} status={status} onAnswer={onMemoryAnswer} />
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
              <ReadOnlyNotice status={status} />
              <Switch
                id="sw-highlights"
                label={t('switchHighlights')}
                checked={analysis.site.highlights}
                disabled={Boolean(status?.readOnly)}
                onChange={(v) => onSiteSwitch('highlights', v)}
              />
              <Switch
                id="sw-declutter"
                label={t('switchDeclutter')}
                checked={analysis.site.declutter}
                disabled={Boolean(status?.readOnly)}
                onChange={(v) => onSiteSwitch('declutter', v)}
              />
              <DeclutterStatus analysis={analysis} onShowEverything={onShowEverything} />
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
