/** Small building blocks shared by the popup, side panel and options views. Props only. */
import type { ComponentChildren } from 'preact';
import type { TabAnalysis } from '../../core/analysis';
import type { CitedText } from '../../core/cards';
import type { CorpusStatus } from '../../core/messages';
import { formatDate, formatNumber, formatPercent, languageName, readerHref } from '../format';
import { useLocale } from '../i18n';

/** The extension's name and the view's subtitle; `brandOnly` where the page's own h1 is something else (the reader view). */
export function Header({ subtitle, brandOnly = false }: { subtitle?: string; brandOnly?: boolean }) {
  const { t } = useLocale();
  const Title = brandOnly ? 'p' : 'h1';
  return (
    <header class="nc-header">
      <img class="nc-logo" src="/assets/icons/icon-32.png" alt="" width={20} height={20} />
      <div>
        <Title class="nc-title">{t('extName')}</Title>
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
  testId?: string;
  onChange: (value: boolean) => void;
}) {
  return (
    <div class="nc-switch">
      <input
        type="checkbox"
        role="switch"
        id={props.id}
        data-testid={props.testId}
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
        <span>{analysis.site.key}</span> {language ? <span data-testid="page-lang">{language}</span> : <span>{t('langUnknown')}</span>}{' '}
        <span>{t('wordCount', formatNumber(analysis.words, lang))}</span>
        {analysis.published ? ' ' : null}
        {analysis.published ? (
          <span>
            <time dateTime={analysis.published}>{formatDate(analysis.published, lang)}</time>
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The page's entities, most mentioned first: one per line, or (compact, for the popup) as wrapping chips. */
export function EntityList({ analysis, compact = false }: { analysis: TabAnalysis; compact?: boolean }) {
  const { t } = useLocale();
  if (analysis.entities.length === 0) return <Empty>{t('noEntities')}</Empty>;
  if (compact)
    return (
      <ul class="nc-entity-chips" data-testid="entities">
        {analysis.entities.map((e) => (
          <li key={e.id} class="nc-chip" title={t(`type_${e.type}`)}>
            {e.name} <span class="nc-sr">{t(`type_${e.type}`)}</span> <MentionCount count={e.count} />
          </li>
        ))}
      </ul>
    );
  return (
    <ul class="nc-entities" data-testid="entities">
      {analysis.entities.map((e) => (
        <li key={e.id} class="nc-entity">
          <span class="nc-entity-name">{e.name}</span> <span class="nc-chip">{t(`type_${e.type}`)}</span> <MentionCount count={e.count} />
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

/** "×3", read out as "3 mentions". */
export function MentionCount({ count }: { count: number }) {
  const { t, lang } = useLocale();
  return (
    <span class="nc-count">
      <span aria-hidden="true">×{formatNumber(count, lang)}</span>
      <span class="nc-sr">{t('mentions', formatNumber(count, lang))}</span>
    </span>
  );
}

/** Where a quoted sentence comes from ("Harbour Gazette · Jun 12, 2025"), as a link to it in the reader view. */
/** An article's publication date in the UI language, or "date unknown" for an undated article. */
export function PublishedDate({ date }: { date: string | null }) {
  const { t, lang } = useLocale();
  return date ? <time dateTime={date}>{formatDate(date, lang)}</time> : <span class="nc-date-unknown">{t('dateUnknown')}</span>;
}

export function CiteLink({
  cite,
  testId,
}: {
  cite: Pick<CitedText, 'articleId' | 'sentence' | 'source' | 'published' | 'title'>;
  testId?: string;
}) {
  const { t, lang } = useLocale();
  return (
    <a
      class="nc-cite"
      href={readerHref(cite.articleId, cite.sentence)}
      target="_blank"
      rel="noopener"
      lang={lang}
      title={t('citeTitle', cite.title)}
      data-testid={testId}
    >
      {t('citeLink', [cite.source, cite.published ? formatDate(cite.published, lang) : t('dateUnknown')])}
    </a>
  );
}

/** Storage is read-only (a blocked upgrade, a full disk, no database): what still works, what does not, and what to do. */
export function ReadOnlyNotice({ status }: { status: CorpusStatus | null }) {
  const { t } = useLocale();
  const readOnly = status?.readOnly;
  if (!readOnly) return null;
  const body =
    readOnly.reason === 'blocked'
      ? t('readOnlyBlocked')
      : readOnly.reason === 'quota'
        ? t('readOnlyQuota')
        : t('readOnlyUnavailable', readOnly.detail);
  return (
    <div class="nc-card nc-banner nc-banner-warn" role="status" data-testid="read-only" data-reason={readOnly.reason}>
      <p class="nc-banner-title">{t('readOnlyTitle')}</p>
      <p>{body}</p>
    </div>
  );
}

/** A corpus-load banner for the top of a view: a progress bar while loading, an alert on failure, a notice when storage is read-only. */
export function CorpusBanner({ status }: { status: CorpusStatus | null }) {
  const { t, lang } = useLocale();
  if (status?.readOnly) return <ReadOnlyNotice status={status} />;
  if (status?.state === 'loading') {
    const pct = Math.round(status.progress * 100);
    return (
      <div class="nc-card nc-banner" data-testid="corpus-loading">
        <p class="nc-banner-title" id="corpus-loading-label">
          {t('corpusLoadingTitle')}
        </p>
        <p class="nc-hint">{t('corpusLoadingBody')}</p>
        <div class="nc-banner-progress">
          <progress max={100} value={pct} aria-labelledby="corpus-loading-label" />
          <span class="nc-banner-pct">{formatPercent(status.progress, lang)}</span>
        </div>
      </div>
    );
  }
  if (status?.state === 'error') {
    return (
      <div class="nc-card nc-banner nc-banner-error" role="alert" data-testid="corpus-error">
        <p class="nc-banner-title">{t('corpusErrorTitle')}</p>
        <p>{t('corpusError', status.error ?? '')}</p>
      </div>
    );
  }
  return null;
}

/** The page was read but does not look like a news article. */
export function NotArticle() {
  const { t } = useLocale();
  return (
    <div class="nc-card nc-state" data-testid="state-not-article">
      <p class="nc-page-title">{t('notArticleTitle')}</p>
      <p>{t('notArticleBody')}</p>
    </div>
  );
}

/** The page was read and nothing on it is in the corpus. */
export function NothingKnown() {
  const { t } = useLocale();
  return (
    <div class="nc-card nc-state" data-testid="state-nothing-known">
      <p class="nc-page-title">{t('nothingKnownTitle')}</p>
      <p>{t('nothingKnownBody')}</p>
    </div>
  );
}

/** Placeholder bars while the tab's context is on its way. */
export function ContextLoading({ lines = 3 }: { lines?: number }) {
  const { t } = useLocale();
  return (
    <div class="nc-card nc-skeleton" aria-busy="true" data-testid="context-loading">
      <p class="nc-sr">{t('loading')}</p>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} class={`nc-skeleton-line${i === lines - 1 && lines > 1 ? ' nc-skeleton-short' : ''}`} aria-hidden="true" />
      ))}
    </div>
  );
}
