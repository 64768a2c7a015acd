/**
 * The state a user article's contribution gives a stored entity (memory-db.ts one article at a
 * time, packs.ts in bulk: the same rules, so both ways store the same records): an own entity's
 * name, type and aliases from its sources, whether it is trusted, and which stored entity a named
 * one is.
 */
import type { EntityType } from '../core/corpus';
import { isTrustedEntity } from '../core/memory';
import type { EntityContribution } from '../corpus/contribution';
import { type EntityHead, type EntitySource, type StoredEntity, type UserArticleRecord, foldAlias, withLangs } from './db';

const byMentions = (a: EntitySource, b: EntitySource) => b.mentions - a.mentions;

/** An own entity's name, type, aliases and counts, from its sources (the most mentioned naming first). */
export function refreshOwn(e: StoredEntity): void {
  const sources = Object.values(e.user?.sources ?? {}).sort(byMentions);
  const top = sources[0];
  if (!top) return;
  const types = new Map<EntityType, number>();
  for (const s of sources) types.set(s.type, (types.get(s.type) ?? 0) + s.mentions);
  e.name = top.name;
  e.type = [...types].sort((a, b) => b[1] - a[1])[0]?.[0] ?? top.type;
  const names = new Set(sources.flatMap((s) => [s.name, ...s.aliases]));
  names.delete(e.name);
  e.aliases = [...names];
  e.aliasKeys = [...new Set([e.name, ...e.aliases].map(foldAlias))];
  e.mentionCount = sources.reduce((n, s) => n + s.mentions, 0);
  e.wikidata = sources.find((s) => s.wikidata)?.wikidata ?? null;
  e.description = e.descriptions?.[0]?.text ?? null;
}

/** Whether the entity is highlighted on pages (core/memory.ts isTrustedEntity); bundled entities always are. */
export function refreshTrust(e: StoredEntity): void {
  if (!e.user) return;
  e.user.trusted = !e.user.own || isTrustedEntity({ wikidata: e.wikidata ?? null, sources: Object.values(e.user.sources) });
}

/**
 * The stored entity an article's entity is, among the candidates fetched for it: the one whose name
 * is its name, else one whose alias is its name (the same type first, then any), else one sharing an
 * alias and the type; null: a new entity. `byName` holds the entities its name folds to, `byAlias`
 * those each of its aliases folds to.
 */
export function pickLinked<E extends EntityHead>(
  c: EntityContribution,
  byName: readonly E[],
  byAlias: readonly (readonly E[])[],
): E | null {
  const name = foldAlias(c.name);
  const exact = byName.find((e) => foldAlias(e.name) === name) ?? byName.find((e) => e.type === c.type) ?? byName[0];
  if (exact) return exact;
  for (const list of byAlias) {
    const same = list.find((e) => e.type === c.type);
    if (same) return same;
  }
  return null;
}

/** A new entity of the reader's own, as `c` names it (its naming and counts come from its sources: {@link refreshOwn}). */
export function newOwnEntity(id: string, c: EntityContribution): StoredEntity {
  return {
    id,
    name: c.name,
    type: c.type,
    aliases: [],
    aliasKeys: [],
    description: null,
    facts: [],
    descriptions: [],
    wikidata: c.wikidata,
    mentionCount: 0,
    user: { own: true, sources: {}, trusted: false },
  };
}

/** Records that user article `rec` names `e` as `c` does (the entity's state is refreshed by the caller). */
export function addSource(e: StoredEntity, rec: Pick<UserArticleRecord, 'id' | 'origin'>, c: EntityContribution): void {
  e.user ??= { own: false, sources: {}, trusted: true };
  e.user.sources[rec.id] = {
    origin: rec.origin,
    name: c.name,
    type: c.type,
    aliases: c.aliases,
    mentions: c.mentions,
    wikidata: c.wikidata,
  };
}

/**
 * Adds user article `rec`'s facts and descriptions of `e` (those it gave before replaced), each with
 * the article's language.
 */
export function addCited(e: StoredEntity, rec: Pick<UserArticleRecord, 'id' | 'contribution'>, c: EntityContribution): void {
  const lang = () => rec.contribution.article.lang;
  e.facts = [...e.facts.filter((f) => f.articleId !== rec.id), ...withLangs(c.facts, lang)];
  e.descriptions = [...(e.descriptions ?? []).filter((d) => d.articleId !== rec.id), ...withLangs(c.descriptions, lang)];
}

/** Takes out of `e` what the user articles `gone` names contributed: their facts, descriptions and naming. */
export function dropSources(e: StoredEntity, gone: (articleId: string) => boolean): void {
  e.facts = e.facts.filter((f) => !gone(f.articleId));
  e.descriptions = (e.descriptions ?? []).filter((d) => !gone(d.articleId));
  if (e.user) e.user.sources = Object.fromEntries(Object.entries(e.user.sources).filter(([k]) => !gone(k)));
}

/**
 * After {@link dropSources}: false when `e` is to go (an own entity with no source left); else its
 * state follows what is left (an own entity's naming; a bundled one without user sources loses its
 * user state) and true: it is to be written back.
 */
export function settleEntity(e: StoredEntity): boolean {
  const left = Object.keys(e.user?.sources ?? {}).length;
  if (e.user?.own && left === 0) return false;
  if (e.user?.own) refreshOwn(e);
  else if (e.user && left === 0) delete e.user;
  refreshTrust(e);
  return true;
}
