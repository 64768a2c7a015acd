/** The side panel (Chrome) / sidebar (Firefox): the story behind the page in the active tab. */
import type { TabAnalysis } from '../../core/analysis';
import type { CorpusStatus } from '../../core/messages';
import { useLocale } from '../i18n';
import { CorpusLine, Empty, EntityList, ForTab, Header, PageCard, Section } from './common';

export interface SidePanelProps {
  analysis: TabAnalysis | null | undefined;
  status: CorpusStatus | null;
}

export function SidePanelView({ analysis, status }: SidePanelProps) {
  const { t } = useLocale();
  return (
    <main class="nc-panel">
      <Header subtitle={t('panelSubtitle')} />
      <ForTab analysis={analysis}>
        {(analysis) => (
          <>
            <PageCard analysis={analysis} />
            <Section title={t('storyHeading')} id="story">
              {analysis.story ? <p class="nc-page-title">{analysis.story.title}</p> : <Empty>{t('noStory')}</Empty>}
            </Section>
            <Section title={t('relatedHeading')} id="related">
              {analysis.related.length === 0 ? (
                <Empty>{t('noRelated')}</Empty>
              ) : (
                <ol class="nc-related">
                  {analysis.related.map((r) => (
                    <li key={r.articleId}>
                      <span class="nc-page-title">{r.title}</span>
                      <span class="nc-meta">
                        <span>{r.source}</span>
                        <span>{r.published}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </Section>
            <Section title={t('entitiesHeading')} id="entities">
              <EntityList analysis={analysis} />
            </Section>
          </>
        )}
      </ForTab>
      <CorpusLine status={status} />
    </main>
  );
}
