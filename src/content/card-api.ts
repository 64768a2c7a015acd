/**
 * The hover card as the content script sees it. The card's code (page/card-host.ts,
 * ui/components/hover-card.ts) is not in the content script that every page loads: on a page's
 * first card the background runs card.js (./card.ts) in the content script's world, which leaves
 * a factory under {@link CARD_GLOBAL} there. Pages cannot see it (their world is another).
 */
import type { EntityCard } from '../core/cards';
import type { Hit, Via } from '../page/highlight';

/** The name of the factory card.js leaves in the content script's world. */
export const CARD_GLOBAL = '__newsContextCard';

export interface CardUi {
  /** Shows `data`'s card beside `hit` (replacing any open card). */
  open(hit: Hit, via: Via, data: EntityCard): void;
  /** The pointer left the word: the card closes after its grace delay unless the pointer reaches it. */
  leave(): void;
  close(): void;
  dispose(): void;
}

export type CardFactory = () => CardUi;

/** The factory card.js left in this world, if it ran. */
export function cardFactory(): CardFactory | null {
  const f = (globalThis as Record<string, unknown>)[CARD_GLOBAL];
  return typeof f === 'function' ? (f as CardFactory) : null;
}
