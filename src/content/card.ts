/**
 * card.js: the hover card's code, run by the background in a page's content-script world when the
 * page's first card is asked for (./card-api.ts), so that the content script every page loads
 * does not carry it. Leaves a factory in that world and does nothing else.
 */
import type { EntityCard } from '../core/cards';
import { CardHost } from '../page/card-host';
import { message, uiLocale } from '../platform/i18n';
import { send } from '../platform/messaging';
import { SIDE_PANEL_KIND } from '../platform/panel-kind';
import { HOVER_CARD_CSS, buildHoverCard } from '../ui/components/hover-card';
import { CARD_GLOBAL, type CardFactory, cardFactory } from './card-api';

const createCardUi: CardFactory = () => {
  const card = new CardHost({ css: HOVER_CARD_CSS });
  const cite = (c: EntityCard['facts'][number]) => ({
    text: c.text,
    source: c.source,
    published: c.published,
    articleId: c.articleId,
    sentence: c.sentence,
  });
  return {
    open(hit, via, data) {
      const view = buildHoverCard(
        {
          name: data.name,
          type: data.type,
          description: data.description ? cite(data.description) : null,
          facts: data.facts.map(cite),
          story: data.story ? { title: data.story.title, date: data.story.published || null } : null,
          panelKind: SIDE_PANEL_KIND,
          // Chrome opens its panel from the click's user gesture; Firefox's sidebar cannot be opened from a page.
          ...(__BROWSER__ === 'chrome' ? { onOpenPanel: () => void send({ type: 'content:open-side-panel', entityId: data.id }) } : {}),
          onClose: () => card.close(),
        },
        { t: message, lang: uiLocale() },
      );
      card.open({ range: hit.range, rect: hit.rect }, view, via);
    },
    leave: () => card.leave(),
    close: () => card.close(),
    dispose: () => card.dispose(),
  };
};

// Run twice in a world (a second first card while the first load was under way), it keeps the first.
if (!cardFactory()) (globalThis as Record<string, unknown>)[CARD_GLOBAL] = createCardUi;
