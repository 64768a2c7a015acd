/** Small building blocks shared by the popup, side panel and options views. Props only. */
import type { ComponentChildren } from 'preact';
import type { TabAnalysis } from '../../core/analysis';
import type { CorpusStatus } from '../../core/messages';
import { formatNumber, languageName } from '../format';
import { useLocale } from '../i18n';

export function Header({ subtitle }: { subtitle?: string }) {
  const { t } = useLocale();
  return (
    <header class="nc-header">
      <img class="nc-logo" src="/assets/icons/icon-32.png" alt="" width={20} height={20} />
      <div>
        <h1 class="nc-title">{t('extName')}</h1>
        {subtitle ? <p class="nc-subtitle">{subtitle}</p> : null}
      </div>
    </header>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  const headingId = id ? `${id}-h` : undefined;
  return (
    <section class="nc-section" aria-labelledby={headingId} id={id}>
      <h2 class="nc-section-title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="nc-empty">{children}</p>;
}

/** A labelled on/off switch (a native checkbox with role=switch: keyboard and screen readers for free). */
export function Switch(props: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <div class="nc-switch">
      <input
        type="checkbox"
        role="switch"
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="nc-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** The page as the background understood it: headline, language, length. */
export function PageCard({ analysis }: { analysis: TabAnalysis }) {
  const { t, lang } = useLocale();
  const language = languageName(analysis.lang, lang);
  return (
    <div class="nc-card" data-testid="page-card">
      <p class="nc-page-title">{analysis.title || analysis.url}</p>
      <p class="nc-meta">
        <span>{analysis.site.key}</span>
        {language ? <span data-testid="page-lang">{language}</span> : <span>{t('langUnknown')}</span>}
        <span>{t('wordCount', formatNumber(analysis.words, lang))}</span>
      </p>
    </div>
  );
}

export function EntityList({ analysis }: { analysis: TabAnalysis }) {
  const { t, lang } = useLocale();
  if (analysis.entities.length === 0) return <Empty>{t('noEntities')}</Empty>;
  return (
    <ul class="nc-entities" data-testid="entities">
      {analysis.entities.map((e) => (
        <li key={e.id} class="nc-entity">
          <span class="nc-entity-name">{e.name}</span>
          <span class="nc-chip">{t(`type_${e.type}`)}</span>
          <span class="nc-count" aria-label={t('mentions', String(e.count))}>
            ×{formatNumber(e.count, lang)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One line about the bundled corpus: loading with progress, ready with counts, or the error. */
export function CorpusLine({ status }: { status: CorpusStatus | null }) {
  const { t, lang } = useLocale();
  if (!status || status.state === 'empty') return <p class="nc-foot">{t('corpusUnknown')}</p>;
  if (status.state === 'loading') {
    const pct = Math.round(status.progress * 100);
    return (
      <div class="nc-foot" data-testid="corpus-status">
        <label for="corpus-progress">{t('corpusLoading', String(pct))}</label>
        <progress id="corpus-progress" max={100} value={pct} />
      </div>
    );
  }
  if (status.state === 'error') {
    return (
      <p class="nc-foot nc-error" role="alert" data-testid="corpus-status">
        {t('corpusError', status.error ?? '')}
      </p>
    );
  }
  return (
    <p class="nc-foot" data-testid="corpus-status">
      {t('corpusReady', [formatNumber(status.articles, lang), formatNumber(status.entities, lang), formatNumber(status.stories, lang)])}
    </p>
  );
}

/** What to show when a tab has no analysis yet: not a web page, or not analysed (yet). */
export function NotAnalysed() {
  const { t } = useLocale();
  return (
    <div class="nc-card nc-state" data-testid="not-analysed">
      <p class="nc-page-title">{t('notAnalysedTitle')}</p>
      <p>{t('notAnalysedBody')}</p>
    </div>
  );
}

/** Renders `children` with the tab's analysis, or the loading / not-analysed state instead. */
export function ForTab({
  analysis,
  children,
}: {
  analysis: TabAnalysis | null | undefined;
  children: (a: TabAnalysis) => ComponentChildren;
}) {
  if (analysis === undefined) return <Loading />;
  if (analysis === null) return <NotAnalysed />;
  return <>{children(analysis)}</>;
}

export function Loading() {
  const { t } = useLocale();
  return (
    <p class="nc-state" aria-busy="true">
      {t('loading')}
    </p>
  );
}
