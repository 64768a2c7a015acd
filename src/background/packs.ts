/**
 * Corpus packs (issue 16): importing a corpus file (schema v1, core/corpus.ts) into the reader's
 * memory, exporting the memory (or everything) as one, and removing an imported pack again.
 *
 * An imported article is a user article like a remembered one (memory-db.ts): a `userArticles`
 * record with its contribution, merged into the corpus stores with exactly the stored shapes
 * applyUserArticle makes, so that removeUserArticle, the options page, the scoring index and the
 * alias table treat both alike. Only the merge is done in bulk: each pack entity is linked once
 * (not per article) and each touched entity record is written once per batch, however many of the
 * batch's articles name it.
 *
 * Ids: a pack's id comes from its build (`pk-` + 8 hex digits); its articles, events, stories and
 * own entities are stored under `~<packId>-<original id>` ("~" never occurs in a bundled id); the
 * contribution's local entity ids are `<packId>-<original id>`, so that linking them again
 * (replay) makes the same own-entity ids.
 */
import {
  type Article,
  type Corpus,
  type CorpusEvent,
  type CorpusProblem,
  type Entity,
  type Fact,
  type Story,
  type StorySentence,
  CORPUS_SCHEMA_VERSION,
  validateCorpus,
} from '../core/corpus';
import { type PackInfo, articleUrlKey, siteOf } from '../core/memory';
import { type ArticleIdentity, isSameArticle, titleKeyOf } from '../core/memory-match';
import { splitSentences } from '../core/sentences';
import { type Contribution, type EntityContribution, MAX_STORY_WORDS } from '../corpus/contribution';
import type { MergedEvent } from '../corpus/events';
import { type CorpusArticle, contentHash } from '../corpus/stages';
import { contentWords } from '../corpus/summarise';
import {
  type Db,
  type PackRecord,
  type StoredCited,
  type StoredEntity,
  type StoredStory,
  type UserArticleRecord,
  deleteEntity,
  entityStores,
  foldAlias,
  joinEntities,
  readEntity,
  writeEntity,
} from './db';
import { addCited, addSource, dropSources, newOwnEntity, pickLinked, refreshOwn, refreshTrust, settleEntity } from './entity-state';
import { type MemoryTx, linkEntity, memoryTx, touchMemory } from './memory-db';

/** A corpus file that cannot be imported: invalid (with the JSON path of every problem), or imported already. */
export class PackError extends Error {
  constructor(
    message: string,
    readonly problems: CorpusProblem[],
  ) {
    super(message);
    this.name = 'PackError';
  }
}

/** Articles merged per transaction: the unit of progress, and what one entity record is written once for. */
export const PACK_BATCH = 500;

/** The id of the pack a build imports as. */
export const packIdOf = (build: string): string => `pk-${contentHash(build).slice(0, 8)}`;

// --- Bulk merge -----------------------------------------------------------------------------------

/** What links local entity ids to stored ones across the batches of one import or replay. */
interface Linker {
  links: Map<string, string>;
}

/** Entities a name or alias folds to, among those this batch made (not in the store yet). */
class MadeIndex {
  private readonly byKey = new Map<string, StoredEntity[]>();
  add(e: StoredEntity, c: EntityContribution) {
    for (const k of new Set([c.name, ...c.aliases].map(foldAlias))) this.byKey.set(k, [...(this.byKey.get(k) ?? []), e]);
  }
  get(key: string): StoredEntity[] {
    return this.byKey.get(key) ?? [];
  }
}

/**
 * Merges user articles into the corpus stores in bulk, with the stored shapes of memory-db.ts
 * applyUserArticle (each record's `storyId` is kept as it is: imported articles are in their pack's
 * stories). Every entity the records name is read once and written once.
 */
async function mergeRecords(tx: MemoryTx, recs: readonly UserArticleRecord[], linker: Linker): Promise<void> {
  const store = tx.objectStore('entities');
  const stores = entityStores(tx);
  const batch = new Set(recs.map((r) => r.id));
  const first = new Map<string, EntityContribution>();
  const previous = new Map<string, string>();
  for (const r of recs)
    for (const c of r.contribution.entities) {
      if (first.has(c.id)) continue;
      first.set(c.id, c);
      const p = r.links[c.id];
      if (p) previous.set(c.id, p);
    }

  /** Entity records this batch writes, as read once (what the batch's records put there before taken out). */
  const loaded = new Map<string, StoredEntity>();
  const take = (e: StoredEntity): StoredEntity => {
    const had = loaded.get(e.id);
    if (had) return had;
    dropSources(e, (a) => batch.has(a));
    loaded.set(e.id, e);
    return e;
  };

  // Entities linked in an earlier batch: read again (still there?).
  const known = [...first.keys()].filter((l) => linker.links.has(l));
  const knownRecords = await Promise.all(known.map((l) => readEntity(stores, linker.links.get(l) ?? '')));
  const unlinked = [...first.keys()].filter((l) => !linker.links.has(l));
  known.forEach((l, i) => {
    const e = knownRecords[i];
    if (e) take(e);
    else {
      linker.links.delete(l);
      unlinked.push(l);
    }
  });

  // The others: looked up all at once, then resolved in order (an entity made for one may be another's).
  const found = await Promise.all(unlinked.map((l) => linkEntity(tx, first.get(l) as EntityContribution, previous.get(l))));
  const freeIds = await Promise.all(unlinked.map(async (l) => ((await store.getKey(`~${l}`)) === undefined ? `~${l}` : null)));
  const made = new MadeIndex();
  for (const [i, local] of unlinked.entries()) {
    const c = first.get(local) as EntityContribution;
    const stored = found[i];
    let e = stored
      ? take(stored)
      : pickLinked(
          c,
          made.get(foldAlias(c.name)),
          c.aliases.map((a) => made.get(foldAlias(a))),
        );
    if (!e) {
      let id = freeIds[i] ?? null;
      if (id === null || loaded.has(id)) {
        id = `~${local}`;
        for (let n = 2; loaded.has(id) || (await store.getKey(id)) !== undefined; n++) id = `~${local}-${String(n)}`;
      }
      e = newOwnEntity(id, c);
      loaded.set(id, e);
      made.add(e, c);
    }
    linker.links.set(local, e.id);
  }

  const writes: Promise<unknown>[] = [];
  const events = tx.objectStore('events');
  const articles = tx.objectStore('articles');
  const users = tx.objectStore('userArticles');
  for (const rec of recs) {
    const links: Record<string, string> = {};
    for (const c of rec.contribution.entities) {
      const id = linker.links.get(c.id) ?? '';
      const e = loaded.get(id);
      if (!e) throw new Error(`entity ${c.id} of ${rec.id} was not linked`);
      links[c.id] = id;
      addCited(e, rec, c);
      addSource(e, rec, c);
    }
    rec.links = links;
    const map = (ids: readonly string[]) => [...new Set(ids.map((id) => links[id] ?? id))];
    const stories = rec.storyId ? [rec.storyId] : [];
    for (const ev of rec.contribution.events) writes.push(events.put({ ...ev, entities: map(ev.entities), stories }));
    writes.push(
      articles.put({
        ...rec.contribution.article,
        id: rec.id,
        entities: map(rec.contribution.article.entities),
        storyId: rec.storyId,
        origin: rec.origin,
        addedAt: rec.addedAt,
      }),
    );
    writes.push(users.put(rec));
  }
  for (const e of loaded.values()) {
    if (e.user?.own) refreshOwn(e);
    refreshTrust(e);
    writes.push(writeEntity(stores, e));
  }
  await Promise.all(writes);
}

// --- Import ---------------------------------------------------------------------------------------

/** The stored articles a new one may be a copy of: by URL, and by headline and outlet. */
class Copies {
  private readonly urls = new Set<string>();
  private readonly titles = new Map<string, ArticleIdentity[]>();
  add(a: ArticleIdentity) {
    if (a.url) this.urls.add(articleUrlKey(a.url));
    const key = titleKeyOf(a.title, a.source);
    this.titles.set(key, [...(this.titles.get(key) ?? []), a]);
  }
  has(a: ArticleIdentity): boolean {
    if (a.url && this.urls.has(articleUrlKey(a.url))) return true;
    return (this.titles.get(titleKeyOf(a.title, a.source)) ?? []).some((b) => isSameArticle(a, b));
  }
}

const identity = (a: Article): ArticleIdentity => ({ url: a.url, title: a.title, source: a.source, published: a.published });

/** Approximate bytes of a record in storage, as background/memory.ts counts them. */
const sizeOf = (rec: UserArticleRecord) => JSON.stringify(rec).length * 2;

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
};

/** A cited-sentence list with its article ids mapped, those with no mapping dropped. */
const mapCited = <T extends { articleId: string }>(items: readonly T[] | undefined, map: (id: string) => string | undefined): T[] =>
  (items ?? []).flatMap((s) => {
    const articleId = map(s.articleId);
    return articleId === undefined ? [] : [{ ...s, articleId }];
  });

/** Per-language cited sentences with article ids mapped; languages left empty go. */
const mapByLang = (byLang: Record<string, StorySentence[]> | undefined, map: (id: string) => string | undefined) => {
  if (!byLang) return undefined;
  const out: Record<string, StorySentence[]> = {};
  for (const [lang, list] of Object.entries(byLang)) {
    const kept = mapCited(list, map);
    if (kept.length > 0) out[lang] = kept;
  }
  return out;
};

/**
 * Points a cited sentence of a pack's article at the sentence of `body` (split at `spans`) that
 * holds its text: kept when the cited one does, else the first that does; a text that is no whole
 * sentence of the article (a description's phrase) keeps its index. What a file says is checked
 * once here, so that a look-up can cite a stored index without reading the article again.
 */
export function anchorer(body: string, spans: readonly (readonly [number, number])[]) {
  let first: Map<string, number> | null = null;
  return <T extends { text: string; sentence: number }>(c: T): T => {
    const at = spans[c.sentence];
    if (at && body.slice(at[0], at[1]) === c.text) return c;
    first ??= new Map(spans.map(([start, end], i) => [body.slice(start, end), i] as const).reverse());
    const found = first.get(c.text);
    return found === undefined ? c : { ...c, sentence: found };
  };
}

/**
 * Imports a corpus file into the reader's memory (see the module comment). Refuses an invalid file
 * (nothing written) and one imported already; skips the articles the corpus holds already (same URL,
 * or same headline and outlet within two days). Writes in batches of {@link PACK_BATCH} articles,
 * reporting the share done after each; a failure takes out what was written before it is rethrown.
 */
export async function importPack(
  db: Db,
  data: unknown,
  name: string,
  onProgress?: (done: number) => void,
  now: () => number = Date.now,
): Promise<{ pack: PackInfo; added: number; skipped: number }> {
  const { corpus, problems } = validateCorpus(data);
  if (!corpus) {
    const n = problems.length;
    throw new PackError(
      `${name} is not a valid corpus file: ${String(n)}${n >= 50 ? ' or more' : ''} problem${n === 1 ? '' : 's'}`,
      problems,
    );
  }
  const packId = packIdOf(corpus.build);
  const prefixed = (id: string) => `~${packId}-${id}`;
  const local = (id: string) => `${packId}-${id}`;

  // Copies of stored articles (bundled, remembered, other packs) and of the pack's own earlier ones are skipped.
  const copies = new Copies();
  for (const a of await db.getAll('articles')) copies.add(identity(a));
  const added: Article[] = [];
  for (const a of corpus.articles) {
    if (copies.has(identity(a))) continue;
    copies.add(identity(a));
    added.push(a);
  }
  const skipped = corpus.articles.length - added.length;
  const addedIds = new Map(added.map((a) => [a.id, prefixed(a.id)]));
  const mapArticle = (id: string) => addedIds.get(id);

  // Each added article's story: the first listing it, else the one it names; the stories with an added article.
  const packStories = new Set(corpus.stories.map((s) => s.id));
  const storyOf = new Map<string, string>();
  for (const s of corpus.stories) for (const id of s.articleIds) if (addedIds.has(id) && !storyOf.has(id)) storyOf.set(id, s.id);
  for (const a of added) if (!storyOf.has(a.id) && a.storyId && packStories.has(a.storyId)) storyOf.set(a.id, a.storyId);
  const members = groupBy([...storyOf.keys()], (id) => storyOf.get(id) ?? '');
  const stories = corpus.stories.filter((s) => members.has(s.id));
  const storedStory = new Set(stories.map((s) => s.id));

  const entityById = new Map(corpus.entities.map((e) => [e.id, e]));
  const factsOf = groupBy(
    corpus.entities.flatMap((e) => e.facts.map((f) => ({ entity: e.id, item: f }))),
    (x) => x.item.articleId,
  );
  const descriptionsOf = groupBy(
    corpus.entities.flatMap((e) => (e.descriptions ?? []).map((d) => ({ entity: e.id, item: d }))),
    (x) => x.item.articleId,
  );
  const eventsOf = groupBy(corpus.events, (ev) => ev.articleId);
  /** Per article, the pack entities it names: listed, cited in a fact or description, or in one of its events. */
  const namedBy = (a: Article) =>
    [
      ...new Set([
        ...a.entities,
        ...(factsOf.get(a.id) ?? []).map((x) => x.entity),
        ...(descriptionsOf.get(a.id) ?? []).map((x) => x.entity),
        ...(eventsOf.get(a.id) ?? []).flatMap((ev) => ev.entities),
      ]),
    ].filter((id) => entityById.has(id));
  const naming = new Map<string, number>();
  for (const a of corpus.articles) for (const id of namedBy(a)) naming.set(id, (naming.get(id) ?? 0) + 1);

  const addedAt = now();
  const recordOf = (a: Article): UserArticleRecord => {
    const id = prefixed(a.id);
    const sentences = a.sentences ?? splitSentences(a.body, a.lang).map((s): [number, number] => [s.start, s.end]);
    const anchor = anchorer(a.body, sentences);
    const facts = groupBy(factsOf.get(a.id) ?? [], (x) => x.entity);
    const descriptions = groupBy(descriptionsOf.get(a.id) ?? [], (x) => x.entity);
    const entities: EntityContribution[] = namedBy(a).map((eid) => {
      const e = entityById.get(eid) as Entity;
      const own = (facts.get(eid) ?? []).map((x) => ({ ...anchor(x.item), articleId: id }));
      const share = e.mentionCount ? Math.round(e.mentionCount / (naming.get(eid) ?? 1)) : own.length;
      return {
        id: local(eid),
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        wikidata: e.wikidata ?? null,
        facts: own,
        descriptions: (descriptions.get(eid) ?? []).map((x) => ({ ...x.item, articleId: id })),
        mentions: Math.max(1, share),
      };
    });
    const named = new Set(entities.map((c) => c.id));
    const events: MergedEvent[] = (eventsOf.get(a.id) ?? []).map((ev) => ({
      ...anchor(ev),
      id: prefixed(ev.id),
      articleId: id,
      entities: ev.entities.map(local).filter((l) => named.has(l)),
      // Only this article's own report: another article's would outlive it when that one is forgotten.
      sources: (ev.sources ?? [ev])
        .filter((s) => s.articleId === a.id)
        .map((s) => ({ text: s.text, articleId: id, sentence: anchor(s).sentence })),
    }));
    const { origin: _origin, addedAt: _addedAt, ...fields } = a;
    const article: CorpusArticle = {
      ...fields,
      id,
      entities: a.entities.map(local).filter((l) => named.has(l)),
      lead: a.lead ?? null,
      storyId: '',
      keyPoints: (a.keyPoints ?? []).map(anchor),
      sentences,
    };
    const contribution: Contribution = {
      article,
      entities,
      events,
      sentenceEntities: sentences.map(() => 0),
      mentionCounts: entities.map((c) => [c.id, c.mentions]),
      words: contentWords(a.body, a.lang).slice(0, MAX_STORY_WORDS),
    };
    const story = storyOf.get(a.id) ?? '';
    const rec: UserArticleRecord = {
      id,
      origin: 'imported',
      pack: packId,
      addedAt,
      site: siteOf(a.url),
      urlKey: a.url ? articleUrlKey(a.url) : '',
      titleKey: titleKeyOf(a.title, a.source),
      bytes: 0,
      contribution,
      links: {},
      storyId: story ? prefixed(story) : '',
    };
    rec.bytes = sizeOf(rec);
    return rec;
  };

  const pack: PackRecord = { id: packId, name, build: corpus.build, importedAt: addedAt, articles: added.length, stories: [] };
  // Claimed first, in a transaction of its own: a second import of the same build is refused, and
  // writes nothing.
  {
    const tx = db.transaction('packs', 'readwrite');
    if (await tx.store.get(packId)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new PackError(`${name} is already imported (build ${corpus.build})`, []);
    }
    await tx.store.put(pack);
    await tx.done;
  }

  try {
    const linker: Linker = { links: new Map() };
    const batches = Math.max(1, Math.ceil(added.length / PACK_BATCH));
    for (let b = 0; b < batches; b++) {
      const recs = added.slice(b * PACK_BATCH, (b + 1) * PACK_BATCH).map(recordOf);
      const tx = memoryTx(db);
      await mergeRecords(tx, recs, linker);
      if (b === batches - 1) {
        const entity = (id: string) => linker.links.get(local(id));
        const defined = (ids: (string | undefined)[]) => [...new Set(ids.filter((x): x is string => x !== undefined))];
        pack.stories = stories.map((s): StoredStory => {
          const summaries = mapByLang(s.summaries, mapArticle);
          const keyPoints = mapByLang(s.keyPoints, mapArticle);
          return {
            ...s,
            id: prefixed(s.id),
            articleIds: defined([...s.articleIds.filter((id) => storyOf.get(id) === s.id), ...(members.get(s.id) ?? [])].map(mapArticle)),
            entities: defined(s.entities.map(entity)),
            ...(summaries ? { summaries } : {}),
            ...(keyPoints ? { keyPoints } : {}),
            ...(s.related
              ? {
                  related: s.related
                    .filter((r) => storedStory.has(r.storyId))
                    .map((r) => ({ ...r, storyId: prefixed(r.storyId), shared: defined(r.shared.map(entity)) })),
                }
              : {}),
            origin: 'imported',
          };
        });
        await Promise.all([...pack.stories.map((s) => tx.objectStore('stories').put(s)), tx.objectStore('packs').put(pack)]);
        await touchMemory(tx);
      }
      await tx.done;
      onProgress?.((b + 1) / batches);
    }
  } catch (e) {
    await removePack(db, packId).catch(() => undefined);
    throw e;
  }
  const { stories: _stories, ...info } = pack;
  return { pack: info, added: added.length, skipped };
}

// --- Removal --------------------------------------------------------------------------------------

/**
 * Takes a set of user articles out of the corpus stores and deletes them, as memory-db.ts
 * removeUserArticle does one, in bulk: every entity record rewritten once (own entities left with
 * no source deleted), their events deleted, story membership (and cited story sentences) removed,
 * stories of the reader's left empty deleted. `extraStories` are looked at too (a pack's own).
 */
async function removeRecords(tx: MemoryTx, recs: readonly UserArticleRecord[], extraStories: readonly string[] = []): Promise<void> {
  const ids = new Set(recs.map((r) => r.id));
  const gone = (id: string) => ids.has(id);
  const entities = entityStores(tx);
  const targets = [...new Set(recs.flatMap((r) => Object.values(r.links)))];
  const writes: Promise<unknown>[] = [];
  for (const e of await Promise.all(targets.map((id) => readEntity(entities, id)))) {
    if (!e) continue;
    dropSources(e, gone);
    writes.push(settleEntity(e) ? writeEntity(entities, e) : deleteEntity(entities, e.id));
  }
  const events = tx.objectStore('events');
  const stories = tx.objectStore('stories');
  const [eventKeys, storyKeys] = await Promise.all([
    Promise.all([...ids].map((id) => events.index('byArticle').getAllKeys(id))),
    Promise.all([...ids].map((id) => stories.index('byArticle').getAllKeys(id))),
  ]);
  for (const key of new Set(eventKeys.flat())) writes.push(events.delete(key));
  const storyIds = [...new Set([...recs.map((r) => r.storyId), ...storyKeys.flat(), ...extraStories])].filter(Boolean);
  for (const story of await Promise.all(storyIds.map((id) => stories.get(id)))) {
    if (!story) continue;
    story.articleIds = story.articleIds.filter((a) => !gone(a));
    if (story.origin && story.articleIds.length === 0) {
      writes.push(stories.delete(story.id));
      continue;
    }
    const keep = (id: string) => (gone(id) ? undefined : id);
    const summaries = mapByLang(story.summaries, keep);
    const keyPoints = mapByLang(story.keyPoints, keep);
    if (summaries) story.summaries = summaries;
    if (keyPoints) story.keyPoints = keyPoints;
    writes.push(stories.put(story));
  }
  for (const id of ids) writes.push(tx.objectStore('articles').delete(id), tx.objectStore('userArticles').delete(id));
  await Promise.all(writes);
}

/**
 * Removes an imported pack: every article of it and everything derived from them (in one
 * transaction), and its record. Returns the number of articles removed.
 */
export async function removePack(db: Db, packId: string): Promise<number> {
  const tx = memoryTx(db);
  const recs = await tx.objectStore('userArticles').index('byPack').getAll(packId);
  const own = IDBKeyRange.bound(`~${packId}-`, `~${packId}-\uffff`);
  const packStories = (await tx.objectStore('stories').getAllKeys(own)).filter((k) => typeof k === 'string');
  await removeRecords(tx, recs, packStories);
  await tx.objectStore('packs').delete(packId);
  await touchMemory(tx);
  await tx.done;
  return recs.length;
}

// --- Replay ---------------------------------------------------------------------------------------

/**
 * Puts every imported pack back into freshly written corpus stores (a new bundled corpus): its
 * stories (members still there), then its articles merged in bulk, linked again. Runs inside the
 * corpus load's transaction (replay.ts replayUserArticles, before the remembered articles).
 */
export async function replayPacks(tx: MemoryTx): Promise<void> {
  const linker: Linker = { links: new Map() };
  for (const pack of await tx.objectStore('packs').getAll()) {
    const recs = (await tx.objectStore('userArticles').index('byPack').getAll(pack.id)).filter(
      (r) => r.origin === 'imported' && (r as Partial<UserArticleRecord>).contribution?.article,
    );
    recs.sort((a, b) => a.addedAt - b.addedAt);
    // The stories name entities by their stored ids as linked before: by the local ids they stand for, linked again after.
    const localOf = new Map<string, string>();
    for (const r of recs) for (const [l, stored] of Object.entries(r.links)) if (!localOf.has(stored)) localOf.set(stored, l);
    for (let i = 0; i < recs.length; i += PACK_BATCH) await mergeRecords(tx, recs.slice(i, i + PACK_BATCH), linker);
    const present = new Set(recs.map((r) => r.id));
    const relink = (id: string) => {
      const l = localOf.get(id);
      return l === undefined ? id : (linker.links.get(l) ?? id);
    };
    const stories = tx.objectStore('stories');
    const kept = pack.stories
      .map((s) => ({ ...s, articleIds: s.articleIds.filter((id) => present.has(id)) }))
      .filter((s) => s.articleIds.length > 0);
    const keptIds = new Set(kept.map((s) => s.id));
    for (const s of kept)
      await stories.put({
        ...s,
        entities: [...new Set(s.entities.map(relink))],
        ...(s.related
          ? {
              related: s.related.filter((r) => keptIds.has(r.storyId)).map((r) => ({ ...r, shared: [...new Set(r.shared.map(relink))] })),
            }
          : {}),
      });
  }
}

// --- Export ---------------------------------------------------------------------------------------

/**
 * The memory as a schema-v1 corpus file: the remembered articles, or every stored article (bundled,
 * remembered, imported), with the entities they name (facts and descriptions of theirs only), their
 * events and their stories (members, citations and related stories of theirs only). Its build is a
 * hash of its content.
 */
export async function exportCorpus(db: Db, which: 'remembered' | 'all'): Promise<Corpus> {
  const tx = db.transaction(['articles', 'entities', 'entityDetails', 'events', 'stories']);
  const [allArticles, heads, details, allEvents, allStories] = await Promise.all([
    tx.objectStore('articles').getAll(),
    tx.objectStore('entities').getAll(),
    tx.objectStore('entityDetails').getAll(),
    tx.objectStore('events').getAll(),
    tx.objectStore('stories').getAll(),
  ]);
  await tx.done;
  const allEntities = joinEntities(heads, details);
  const chosen = allArticles.filter((a) => which === 'all' || a.origin === 'remembered');
  const exported = new Set(chosen.map((a) => a.id));
  const keep = (id: string) => (exported.has(id) ? id : undefined);

  const events: CorpusEvent[] = allEvents
    .filter((ev) => exported.has(ev.articleId))
    .map(({ stories: _stories, ...ev }) => ({ ...ev, ...(ev.sources ? { sources: mapCited(ev.sources, keep) } : {}) }));
  const named = new Set([...chosen.flatMap((a) => a.entities), ...events.flatMap((ev) => ev.entities)]);
  const entities: Entity[] = allEntities
    .filter((e) => named.has(e.id))
    .map((e) => {
      const { user, aliasKeys: _keys, ...entity } = e;
      // The stored language of what they cite is the store's own (the file's articles say it).
      const plain = <T extends Fact>({ lang: _lang, ...c }: StoredCited<T>) => c;
      const descriptions = mapCited(entity.descriptions, keep).map(plain);
      const out: Entity = { ...entity, facts: mapCited(entity.facts, keep).map(plain) };
      if (entity.descriptions) {
        out.descriptions = descriptions;
        out.description = descriptions[0]?.text ?? (which === 'all' ? entity.description : null);
      }
      if (which === 'remembered' && user) {
        out.mentionCount = Object.entries(user.sources).reduce((n, [id, s]) => n + (exported.has(id) ? s.mentions : 0), 0);
      }
      return out;
    });
  const entityIds = new Set(entities.map((e) => e.id));
  for (const ev of events) ev.entities = ev.entities.filter((id) => entityIds.has(id));

  const kept = allStories.filter((s) => s.articleIds.some((id) => exported.has(id)));
  const storyIds = new Set(kept.map((s) => s.id));
  const stories: Story[] = kept.map((s) => {
    const { origin: _origin, readerLangs: _readerLangs, ...story } = s;
    const summaries = mapByLang(story.summaries, keep);
    const keyPoints = mapByLang(story.keyPoints, keep);
    return {
      ...story,
      articleIds: story.articleIds.filter((id) => exported.has(id)),
      entities: story.entities.filter((id) => entityIds.has(id)),
      ...(summaries ? { summaries } : {}),
      ...(keyPoints ? { keyPoints } : {}),
      ...(story.related
        ? {
            related: story.related
              .filter((r) => storyIds.has(r.storyId))
              .map((r) => ({ ...r, shared: r.shared.filter((id) => entityIds.has(id)) })),
          }
        : {}),
    };
  });
  const articles: Article[] = chosen.map((a) => {
    const { origin: _origin, addedAt: _addedAt, ...article } = a;
    return {
      ...article,
      entities: article.entities.filter((id) => entityIds.has(id)),
      ...(article.storyId !== undefined ? { storyId: storyIds.has(article.storyId) ? article.storyId : '' } : {}),
    };
  });
  const draft: Corpus = { version: CORPUS_SCHEMA_VERSION, build: '', articles, entities, events, stories };
  return { ...draft, build: contentHash(JSON.stringify(draft)) };
}
