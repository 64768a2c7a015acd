/**
 * Related coverage, ranked: each article links to the reader view and says why it is related
 * (the same story, or the names it shares with the page) and how strongly (its score as a bar).
 */
import type { RelatedItem } from '../../core/context';
import { formatDay, formatNameList, formatNumber, formatPercent, languageName, readerHref } from '../format';
import { useLocale } from '../i18n';
import { PublishedDate } from './common';

export function RelatedList({ items }: { items: readonly RelatedItem[] }) {
  return (
    <ol class="nc-related">
      {items.map((r) => (
        <RelatedEntry key={r.articleId} item={r} />
      ))}
    </ol>
  );
}

function RelatedEntry({ item: r }: { item: RelatedItem }) {
  const { t, lang } = useLocale();
  const language = languageName(r.lang, lang);
  const pct = Math.round(Math.min(1, Math.max(0, r.score)) * 100);
  const why = r.sameStory
    ? t('whySameStory')
    : r.shared.length > 0
      ? t(
          'whyShares',
          formatNameList(
            r.shared.map((e) => e.name),
            lang,
            (n) => t('andMore', formatNumber(n, lang)),
          ),
        )
      : t('whyWords');
  return (
    <li class="nc-card nc-related-item" data-testid="related-item" data-article={r.articleId}>
      <div class="nc-related-head">
        <a class="nc-related-link" data-testid="related-link" href={readerHref(r.articleId)} target="_blank" rel="noopener" lang={r.lang}>
          {r.title}
        </a>{' '}
        <div class="nc-score">
          <div
            class="nc-score-track"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-label={t('relevance', formatPercent(r.score, lang))}
            data-testid="related-score"
          >
            <span class="nc-score-fill" style={{ width: `${pct}%` }} />
          </div>
          <span class="nc-score-pct" aria-hidden="true">
            {formatPercent(r.score, lang)}
          </span>
        </div>
      </div>
      <p class="nc-meta">
        <span>{r.source}</span>{' '}
        <span>
          <PublishedDate date={r.published} />
        </span>
        {language ? ' ' : null}
        {language ? <span>{language}</span> : null}
      </p>
      <OriginNote item={r} />
      <p class={`nc-why${r.sameStory ? ' nc-why-story' : ''}`}>{why}</p>
      {r.shared.length > 0 ? (
        <ul class="nc-chips" aria-label={t('sharedLabel')}>
          {r.shared.map((e) => (
            <li key={e.id} class="nc-chip" data-entity={e.id} title={t(`type_${e.type}`)}>
              {e.name}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Where a user article comes from: "You read this on Nov 3, 2026", "From an imported collection"; nothing for the bundled corpus. */
export function OriginNote({ item }: { item: Pick<RelatedItem, 'origin' | 'addedAt'> }) {
  const { t, lang } = useLocale();
  if (item.origin === 'bundled') return null;
  const note =
    item.origin === 'imported'
      ? t('memoryFromImport')
      : item.addedAt !== null
        ? t('memoryReadOn', formatDay(item.addedAt, lang))
        : t('memoryReadUndated');
  return (
    <p class="nc-meta nc-origin" data-testid="related-origin" data-origin={item.origin}>
      {note}
    </p>
  );
}
