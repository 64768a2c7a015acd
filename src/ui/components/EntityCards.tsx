/**
 * The entities on the page, each a disclosure (<details>) that opens its card: the cited
 * description, the cited facts (links to the reader view) and its place in its story.
 */
import type { TabEntity } from '../../core/analysis';
import type { EntityCard } from '../../core/cards';
import { formatDate, formatNumber } from '../format';
import { useLocale } from '../i18n';
import { CiteLink, MentionCount } from './common';

export interface EntityCardsProps {
  /** The page's entities with their mention counts, in the page's order. */
  entities: readonly TabEntity[];
  /** Their cards (by id); an entity without one still gets its summary line. */
  cards: readonly EntityCard[];
}

export function EntityCards({ entities, cards }: EntityCardsProps) {
  const { t } = useLocale();
  const byId = new Map(cards.map((c) => [c.id, c]));
  return (
    <ul class="nc-entity-cards" data-testid="entities">
      {entities.map((e) => (
        <li key={e.id}>
          <details class="nc-card nc-entity-card" data-testid="entity-card" data-entity={e.id}>
            <summary class="nc-entity">
              <span class="nc-entity-name">{e.name}</span> <span class="nc-chip">{t(`type_${e.type}`)}</span>{' '}
              <MentionCount count={e.count} />
            </summary>
            <CardBody card={byId.get(e.id) ?? null} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function CardBody({ card }: { card: EntityCard | null }) {
  const { t, lang } = useLocale();
  if (!card) return <p class="nc-card-body nc-empty">{t('cardNoDescription')}</p>;
  const story = card.story;
  return (
    <div class="nc-card-body">
      {card.description ? (
        <p class="nc-card-desc">
          <span lang={card.description.lang}>{card.description.text}</span> <CiteLink cite={card.description} />
        </p>
      ) : (
        <p class="nc-empty">{t('cardNoDescription')}</p>
      )}
      {card.facts.length > 0 ? (
        <ul class="nc-card-facts" aria-label={t('cardFacts')}>
          {card.facts.map((f) => (
            <li key={`${f.articleId}:${f.sentence}`}>
              <q lang={f.lang}>{f.text}</q> <CiteLink cite={f} />
            </li>
          ))}
        </ul>
      ) : null}
      {story ? (
        <p class="nc-card-story">
          {t('cardInStory', story.published ? t('cardStoryWithDate', [story.title, formatDate(story.published, lang)]) : story.title)}
          <span class="nc-card-story-place">
            {' · '}
            {story.articles === 1 ? t('storyArticlesOne') : t('storyArticlesMany', formatNumber(story.articles, lang))}
            {story.rank > 0 ? <> · {t('storyRank', [formatNumber(story.rank, lang), formatNumber(story.of, lang)])}</> : null}
          </span>
        </p>
      ) : null}
    </div>
  );
}
