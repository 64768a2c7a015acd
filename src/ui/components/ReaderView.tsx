/**
 * The reader view: a corpus article laid out for reading, every sentence addressable (#s-<n>),
 * and the sentence a citation points at marked, scrolled to and focused, so that a reader can
 * check a quote in its context.
 */
import { OriginNote } from './Related';
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ReaderArticle } from '../../core/context';
import { languageName, safeWebUrl } from '../format';
import { useLocale } from '../i18n';
import { Header, Loading, PublishedDate } from './common';

export interface ReaderProps {
  /** undefined while loading; null when the corpus has no such article. */
  article: ReaderArticle | null | undefined;
  /** The cited sentence's index, or null. */
  sentence: number | null;
}

export function ReaderView({ article, sentence }: ReaderProps) {
  const { t, lang } = useLocale();
  // The page is the article: its root carries the article's language, and the UI's own words theirs.
  return (
    <main class="nc-reader" data-testid="reader" lang={article ? article.lang : lang}>
      <div lang={lang}>
        <Header subtitle={t('readerSubtitle')} brandOnly />
      </div>
      {article === undefined ? (
        <Loading />
      ) : article === null ? (
        <div class="nc-card nc-state" data-testid="reader-not-found" lang={lang}>
          <p class="nc-page-title">{t('readerNotFoundTitle')}</p>
          <p>{t('readerNotFoundBody')}</p>
        </div>
      ) : (
        <ReaderArticleView article={article} sentence={sentence} />
      )}
    </main>
  );
}

function ReaderArticleView({ article: a, sentence }: { article: ReaderArticle; sentence: number | null }) {
  const { t, lang } = useLocale();
  const cited = useRef<HTMLElement>(null);
  const found = sentence !== null && a.paragraphs.some((p) => p.some((s) => s.sentence === sentence));
  useEffect(() => {
    const el = cited.current;
    if (!el) return;
    // Instant, not smooth: no motion on load (and nothing to respect for prefers-reduced-motion).
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [a.id, sentence]);
  const language = languageName(a.lang, lang);
  const original = safeWebUrl(a.url);
  return (
    <article class="nc-article" aria-labelledby="reader-title">
      <header class="nc-article-head">
        <p class="nc-kicker">{a.source}</p>
        <h1 class="nc-article-title" id="reader-title" lang={a.lang}>
          {a.title}
        </h1>
        <p class="nc-meta" lang={lang}>
          {a.byline ? <span class="nc-byline">{a.byline}</span> : null}
          {a.byline ? ' ' : null}
          <span>
            <PublishedDate date={a.published} />
          </span>
          {language ? ' ' : null}
          {language ? <span>{language}</span> : null}
        </p>
        {a.origin && a.origin !== 'bundled' ? <OriginNote item={{ origin: a.origin, addedAt: a.addedAt ?? null }} /> : null}
        {a.entities.length > 0 ? (
          <ul class="nc-chips" aria-label={t('readerEntities')} lang={lang}>
            {a.entities.map((e) => (
              <li key={e.id} class="nc-chip" title={t(`type_${e.type}`)}>
                {e.name}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {found ? (
        <p class="nc-reader-note" lang={lang}>
          {t('readerCitedNote')}{' '}
          <a href={`#s-${sentence}`} class="nc-reader-jump">
            {t('readerJump')}
          </a>
        </p>
      ) : sentence !== null ? (
        <p class="nc-reader-note" lang={lang}>
          {t('readerCitedMissing')}
        </p>
      ) : null}
      {found ? (
        <span hidden id="nc-cited-desc" lang={lang}>
          {t('readerCitedSentence')}
        </span>
      ) : null}
      <div class="nc-article-body" lang={a.lang}>
        {a.paragraphs.map((p, i) => (
          <p key={i}>
            {p.map((s, j) => (
              <Fragment key={s.sentence}>
                {j > 0 ? ' ' : null}
                <span id={`s-${s.sentence}`}>
                  {s.sentence === sentence ? (
                    <mark data-testid="cited" data-sentence={s.sentence} tabIndex={-1} aria-describedby="nc-cited-desc" ref={cited}>
                      {s.text}
                    </mark>
                  ) : (
                    s.text
                  )}
                </span>
              </Fragment>
            ))}
          </p>
        ))}
      </div>
      {original ? (
        <footer class="nc-article-foot" lang={lang}>
          <a href={original} target="_blank" rel="noopener noreferrer">
            {t('readerOriginal', a.source)}
          </a>
        </footer>
      ) : null}
    </article>
  );
}
