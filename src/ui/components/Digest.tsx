/**
 * The page's digest: the story's summary and key points, every sentence cited and linked to the
 * reader view; or, when no story matched, the summary this device made from the page's own text
 * (labelled as such, and citing nothing since its sentences are the page's). `compact` (the
 * popup) cites each article once, under the text, instead of after every sentence, and leaves
 * out summary sentences that are key points too.
 */
import type { CitedText } from '../../core/cards';
import type { Digest } from '../../core/context';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { CiteLink } from './common';

interface Line {
  key: string;
  text: string;
  cite: CitedText | null;
}

const lines = (items: readonly (CitedText | string)[]): Line[] =>
  items.map((c, i) =>
    typeof c === 'string' ? { key: `p${i}`, text: c, cite: null } : { key: `${c.articleId}:${c.sentence}`, text: c.text, cite: c },
  );

export function DigestCard({ digest, compact = false, id }: { digest: Digest; compact?: boolean; id?: string }) {
  const { t, lang } = useLocale();
  const headingId = compact ? 'digest-h-popup' : 'digest-h';
  const kicker =
    digest.kind === 'story'
      ? digest.articles === 1
        ? t('digestStoryOne')
        : t('digestStoryMany', formatNumber(digest.articles, lang))
      : t('digestPageKicker');
  const keyPoints = lines(digest.keyPoints);
  // The popup has no room to say a sentence twice: a summary sentence that is also a key point is left to the key points.
  const summary = lines(digest.summary).filter(
    (l) => !compact || !keyPoints.some((k) => k.text === l.text || (l.cite !== null && k.key === l.key)),
  );
  // In the popup: each cited article once (at its first cited sentence), in order of appearance.
  const sources: CitedText[] = [];
  if (compact)
    for (const l of [...summary, ...keyPoints]) if (l.cite && !sources.some((c) => c.articleId === l.cite?.articleId)) sources.push(l.cite);
  const inlineCite = (l: Line) =>
    l.cite && !compact ? (
      <>
        {' '}
        <CiteLink cite={l.cite} />
      </>
    ) : null;
  return (
    <section
      class={`nc-card nc-digest${compact ? ' nc-digest-compact' : ''}`}
      data-testid="digest"
      data-kind={digest.kind}
      aria-labelledby={headingId}
      id={id}
    >
      <p class="nc-kicker">{kicker}</p>
      <h2 class="nc-digest-title" id={headingId} lang={digest.lang}>
        {digest.title}
      </h2>
      {digest.kind === 'page' ? (
        <p class="nc-ondevice" data-testid="digest-on-device">
          {t('digestOnDevice')}
        </p>
      ) : null}
      {summary.length > 0 ? (
        <p class="nc-digest-summary" lang={digest.lang}>
          {summary.map((l, i) => (
            <span key={l.key}>
              {i > 0 ? ' ' : null}
              {l.text}
              {inlineCite(l)}
            </span>
          ))}
        </p>
      ) : null}
      {keyPoints.length > 0 ? (
        <>
          <h3 class="nc-subheading">{t('keyPointsHeading')}</h3>
          <ul class="nc-key-points" data-testid="key-points" lang={digest.lang}>
            {keyPoints.map((l) => (
              <li key={l.key}>
                {l.text}
                {inlineCite(l)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sources.length > 0 ? (
        <p class="nc-digest-sources">
          {t('digestSources')}{' '}
          {sources.map((c, i) => (
            <span key={c.articleId}>
              {i > 0 ? ', ' : null}
              <CiteLink cite={c} />
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
