/**
 * The side panel (Chrome) / sidebar (Firefox): the story behind the page in the active tab. Its
 * summary and key points, related coverage with the reasons it is related, the background
 * timeline, and a card for every entity on the page.
 */
import type { TabAnalysis } from '../../core/analysis';
import type { RelatedItem, TabContext } from '../../core/context';
import type { CorpusStatus } from '../../core/messages';
import type { GlobalSettings } from '../../core/settings';
import { useLocale } from '../i18n';
import { DigestCard } from './Digest';
import { EntityCards } from './EntityCards';
import { MemoryAsk } from './MemoryAsk';
import { RelatedList } from './Related';
import { TimelineView } from './Timeline';
import {
  ContextLoading,
  CorpusBanner,
  CorpusLine,
  Empty,
  EntityList,
  ForTab,
  Header,
  NotArticle,
  NothingKnown,
  PageCard,
  Section,
} from './common';

export interface SidePanelProps {
  /** undefined while loading; null when the tab has no analysis. */
  analysis: TabAnalysis | null | undefined;
  /** The tab's digest, related coverage, timeline and cards: undefined while loading, null when there are none. */
  context: TabContext | null | undefined;
  status: CorpusStatus | null;
  /** The global settings, for the one-time reading-memory question (absent or null: not asked here). */
  settings?: GlobalSettings | null;
  /** Saves the answer to the reading-memory question. */
  onMemoryAnswer?: (patch: Partial<GlobalSettings>) => void;
}

export function SidePanelView({ analysis, context, status, settings = null, onMemoryAnswer = () => {} }: SidePanelProps) {
  const { t } = useLocale();
  return (
    <main class="nc-panel">
      <Header subtitle={t('panelSubtitle')} />
      <CorpusBanner status={status} />
      <MemoryAsk settings={settings} status={status} onAnswer={onMemoryAnswer} />
      <ForTab analysis={analysis}>{(analysis) => <PanelBody analysis={analysis} context={context} />}</ForTab>
      <CorpusLine status={status} />
    </main>
  );
}

/**
 * The sections are always there (#story, #related, #background, #entities), so that the panel
 * keeps its shape while the context loads (skeletons) and when there is nothing to show (empty
 * states); a page that is not an article only gets its entities.
 */
function PanelBody({ analysis, context }: { analysis: TabAnalysis; context: TabContext | null | undefined }) {
  const { t } = useLocale();
  const loading = context === undefined;
  const related = loading ? [] : relatedOf(analysis, context);
  const entities = (
    <Section title={t('entitiesHeading')} id="entities">
      {analysis.entities.length === 0 ? (
        <NothingKnown />
      ) : loading ? (
        <EntityList analysis={analysis} />
      ) : (
        <EntityCards entities={analysis.entities} cards={context?.cards ?? []} />
      )}
    </Section>
  );
  if (!analysis.isArticle) {
    return (
      <>
        <PageCard analysis={analysis} />
        <NotArticle />
        {entities}
      </>
    );
  }
  return (
    <>
      <PageCard analysis={analysis} />
      {context?.digest ? (
        <DigestCard digest={context.digest} id="story" />
      ) : (
        <Section title={t('storyHeading')} id="story">
          {loading ? (
            <ContextLoading />
          ) : analysis.story ? (
            <p class="nc-page-title">{analysis.story.title}</p>
          ) : (
            <Empty>{t('noStory')}</Empty>
          )}
        </Section>
      )}
      <Section title={t('relatedHeading')} id="related">
        {loading ? <ContextLoading lines={1} /> : related.length === 0 ? <Empty>{t('noRelated')}</Empty> : <RelatedList items={related} />}
      </Section>
      <Section title={t('timelineHeading')} id="background">
        {loading ? (
          <ContextLoading lines={1} />
        ) : context ? (
          <TimelineView timeline={context.timeline} pageLang={analysis.lang} />
        ) : (
          <Empty>{t('timelineEmpty')}</Empty>
        )}
      </Section>
      {entities}
    </>
  );
}

/** The context's related coverage; without a context, the analysis's own list (no reasons beyond the shared names). */
function relatedOf(analysis: TabAnalysis, context: TabContext | null): RelatedItem[] {
  if (context) return context.related;
  const names = new Map(analysis.entities.map((e) => [e.id, e]));
  return analysis.related.map((r) => ({
    ...r,
    shared: r.shared.flatMap((id) => {
      const e = names.get(id);
      return e ? [{ id, name: e.name, type: e.type }] : [];
    }),
    sameStory: false,
    // The analysis does not carry when a user article was added; the context (asked next) does.
    addedAt: null,
  }));
}
