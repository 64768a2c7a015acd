/**
 * What an entity card shows, kept apart from the entity's detail (db.ts): a card shows one
 * description and three facts, the page's language first, and an entity the reader's articles name
 * often has facts from hundreds of them. The preview holds, per language, the first of each citing
 * an article in it, and the first in any language (enough to fill a card the page's language
 * leaves short), so that a card reads a record of a few sentences whatever the corpus size.
 */
import type { EntityDescription, Fact } from '../core/corpus';

/**
 * A cited fact or description as stored: with the language of the article it cites, when known (a
 * card ranks them by the page's language without reading their articles).
 */
export type StoredCited<T extends Fact> = T & { lang?: string };

/** What a card shows of an entity. */
export const CARD_SHOWS = { descriptions: 1, facts: 3 } as const;

/** Of one kind (facts or descriptions), in stored order. */
export interface Picks<T extends Fact> {
  /** Per language, the first that a card shows citing an article in it. */
  byLang: Record<string, StoredCited<T>[]>;
  /** The first twice as many in any language: a page's language has fewer only when these hold enough in others. */
  first: StoredCited<T>[];
}

export interface EntityPreview {
  id: string;
  facts: Picks<Fact>;
  descriptions: Picks<EntityDescription>;
  /** False when an item has no stored language (stored before v6): the preview cannot rank them, a card reads the detail. */
  complete: boolean;
}

function picks<T extends Fact>(items: readonly StoredCited<T>[], shows: number): Picks<T> & { complete: boolean } {
  const byLang: Record<string, StoredCited<T>[]> = {};
  const first = items.slice(0, 2 * shows);
  let complete = true;
  for (const c of items) {
    if (!c.lang) complete = false;
    else if ((byLang[c.lang] ??= []).length < shows) byLang[c.lang]?.push(c);
  }
  return { byLang, first, complete };
}

/** An entity's preview, from its facts and descriptions in stored order. */
export function previewOf(e: {
  id: string;
  facts: readonly StoredCited<Fact>[];
  descriptions?: readonly StoredCited<EntityDescription>[];
}): EntityPreview {
  const { complete: factsComplete, ...facts } = picks(e.facts, CARD_SHOWS.facts);
  const { complete: descriptionsComplete, ...descriptions } = picks(e.descriptions ?? [], CARD_SHOWS.descriptions);
  return { id: e.id, facts, descriptions, complete: factsComplete && descriptionsComplete };
}

/**
 * The candidates a card for a page in `lang` chooses among, ranked: the page's language first, then
 * stored order. As many as the card shows when the entity has that many.
 */
export function candidates<T extends Fact>(p: Picks<T>, lang: string): StoredCited<T>[] {
  return [...(p.byLang[lang] ?? []), ...p.first.filter((c) => c.lang !== lang)];
}
