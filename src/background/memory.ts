/**
 * Reading memory in the background (core/memory.ts): remembering a read page (the pipeline's
 * stages on its clean article, then a merge into the corpus stores: memory-db.ts), listing,
 * forgetting and the cap. Everything happens here, never on the page's main thread.
 */
import {
  DEFAULT_MEMORY_CAP,
  type MemoryCap,
  type MemoryItem,
  type MemoryStatus,
  type ReadArticle,
  articleUrlKey,
  siteOf,
} from '../core/memory';
import { isSameArticle, titleKeyOf } from '../core/memory-match';
import type { MemoryForget, RememberOutcome } from '../core/messages';
import { textLanguage } from '../core/page-text';
import { foldTitle } from '../core/scoring';
import { contributionOf } from '../corpus/contribution';
import type { Gazetteer, Registry } from '../corpus/entities';
import { contentHash } from '../corpus/stages';
import { type Db, MEMORY_META_KEY, type UserArticleRecord } from './db';
import { applyUserArticle, memoryTx, removeUserArticle, touchMemory } from './memory-db';
import { removePack } from './packs';

export interface MemoryDeps {
  db: () => Promise<Db>;
  registry: Registry;
  gazetteer?: Gazetteer;
  /** The corpus's names in a text (the pages' matcher), so an article's sentences name what the corpus knows. */
  known?: () => Promise<((text: string) => readonly { id: string; start: number; end: number }[]) | null>;
  now?: () => number;
}

/** The settings key of the memory's cap (in the `settings` store, beside the reader's other settings). */
export const MEMORY_CAP_KEY = 'memory-cap';

/** Approximate bytes of a record in storage: its JSON (UTF-16 text counts twice). */
const sizeOf = (rec: UserArticleRecord) => JSON.stringify(rec).length * 2;

export interface Memory {
  /** Remembers a read article (the caller checked that memory is on for it); says what became of it. */
  /**
   * Remembers a read article. `story`: the story its page was shown in (its tab analysis's), which
   * the article joins while it exists; without one it is assigned a story (memory-db.ts).
   */
  remember(read: ReadArticle, opts?: { story?: string | null }): Promise<{ stored: boolean; outcome: RememberOutcome; id: string | null }>;
  list(query: string, offset: number, limit: number): Promise<{ items: MemoryItem[]; total: number }>;
  forget(what: MemoryForget): Promise<number>;
  status(readOnly: string | null): Promise<MemoryStatus>;
  setCap(cap: MemoryCap): Promise<void>;
  /** The generation of the memory (bumped on every change): what is computed from the corpus stores is keyed on it. */
  generation(): Promise<number>;
}

export function createMemory(deps: MemoryDeps): Memory {
  const now = deps.now ?? Date.now;

  async function cap(d: Db): Promise<MemoryCap> {
    const stored = (await d.get('settings', MEMORY_CAP_KEY)) as Partial<MemoryCap> | undefined;
    return { ...DEFAULT_MEMORY_CAP, ...stored };
  }

  /** The user article `read` is a copy of (same URL; same headline and outlet within two days), if any. */
  async function copyOf(d: Db, read: ReadArticle): Promise<UserArticleRecord | null> {
    const tx = d.transaction('userArticles');
    const byUrl = await tx.store.index('byUrl').getAll(articleUrlKey(read.url));
    const byTitle = await tx.store.index('byTitle').getAll(titleKeyOf(read.title, read.source));
    await tx.done;
    return (
      [...byUrl, ...byTitle].find((r) => {
        const a = r.contribution.article;
        return isSameArticle(read, { url: a.url, title: a.title, source: a.source, published: a.published });
      }) ?? null
    );
  }

  /** Forgets the oldest remembered articles beyond the cap; returns how many went. */
  async function trim(d: Db): Promise<number> {
    const limit = await cap(d);
    const tx = d.transaction('userArticles');
    let cursor = await tx.store.index('byAdded').openCursor(null, 'prev');
    let count = 0;
    let bytes = 0;
    const over: string[] = [];
    while (cursor) {
      const r = cursor.value;
      if (r.origin === 'remembered') {
        count++;
        bytes += r.bytes;
        if (count > limit.articles || bytes > limit.bytes) over.push(r.id);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    if (over.length === 0) return 0;
    const w = memoryTx(d);
    for (const id of over) await removeUserArticle(w, id);
    await touchMemory(w, over.length);
    await w.done;
    return over.length;
  }

  async function remember(
    read: ReadArticle,
    opts: { story?: string | null } = {},
  ): Promise<{ stored: boolean; outcome: RememberOutcome; id: string | null }> {
    const d = await deps.db();
    const lang = read.lang !== 'und' ? read.lang : textLanguage(read.body.slice(0, 20_000), null).lang;
    const copy = await copyOf(d, read);
    if (copy && copy.contribution.article.body === read.body && copy.contribution.article.title === read.title)
      return { stored: false, outcome: 'duplicate', id: copy.id };
    const urlKey = articleUrlKey(read.url);
    const id = copy?.id ?? `~r-${contentHash(urlKey)}`;
    const contribution = contributionOf(
      id,
      {
        title: read.title,
        source: read.source,
        url: read.url,
        published: read.published,
        lang,
        byline: read.byline,
        lead: null,
        body: read.body,
      },
      deps.registry,
      deps.gazetteer,
      (await deps.known?.()) ?? undefined,
    );
    const rec: UserArticleRecord = {
      id,
      origin: 'remembered',
      pack: null,
      addedAt: now(),
      site: siteOf(read.url),
      urlKey,
      titleKey: titleKeyOf(read.title, read.source),
      bytes: 0,
      contribution,
      links: copy?.links ?? {},
      storyId: '',
    };
    const shownStory = opts.story ?? copy?.shownStory;
    if (shownStory) rec.shownStory = shownStory;
    rec.bytes = sizeOf(rec);
    const tx = memoryTx(d);
    // A newer version of an article replaces it: what the old one contributed goes first.
    if (copy) await removeUserArticle(tx, copy.id);
    await applyUserArticle(tx, rec);
    await touchMemory(tx);
    await tx.done;
    await trim(d);
    return { stored: true, outcome: copy ? 'updated' : 'stored', id };
  }

  const itemOf = (r: UserArticleRecord): MemoryItem => {
    const a = r.contribution.article;
    return {
      id: r.id,
      title: a.title,
      source: a.source,
      url: a.url,
      published: a.published,
      lang: a.lang,
      origin: r.origin,
      addedAt: r.addedAt,
      pack: r.pack,
      site: r.site,
      bytes: r.bytes,
    };
  };

  async function list(query: string, offset: number, limit: number) {
    const d = await deps.db();
    const q = foldTitle(query);
    const tx = d.transaction('userArticles');
    let cursor = await tx.store.index('byAdded').openCursor(null, 'prev');
    const items: MemoryItem[] = [];
    let total = 0;
    while (cursor) {
      const item = itemOf(cursor.value);
      if (!q || foldTitle(`${item.title} ${item.source} ${item.site ?? ''}`).includes(q)) {
        if (total >= offset && items.length < limit) items.push(item);
        total++;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return { items, total };
  }

  async function forget(what: MemoryForget): Promise<number> {
    const d = await deps.db();
    // Packs go in bulk (packs.ts): each entity they touch is rewritten once, not once per article.
    if ('pack' in what) return removePack(d, what.pack);
    let packed = 0;
    if ('all' in what) for (const pack of await d.getAllKeys('packs')) packed += await removePack(d, pack);
    let ids: string[];
    if ('ids' in what) ids = what.ids;
    else if ('site' in what) ids = await d.getAllKeysFromIndex('userArticles', 'bySite', what.site);
    else ids = await d.getAllKeys('userArticles');
    const tx = memoryTx(d);
    let n = 0;
    for (const id of ids) if (await removeUserArticle(tx, id)) n++;
    if (n > 0) await touchMemory(tx);
    await tx.done;
    return n + packed;
  }

  async function status(readOnly: string | null): Promise<MemoryStatus> {
    const d = await deps.db();
    const tx = d.transaction(['userArticles', 'packs', 'memoryMeta']);
    let remembered = 0;
    let imported = 0;
    let bytes = 0;
    let cursor = await tx.objectStore('userArticles').openCursor();
    while (cursor) {
      if (cursor.value.origin === 'remembered') remembered++;
      else imported++;
      bytes += cursor.value.bytes;
      cursor = await cursor.continue();
    }
    const packs = (await tx.objectStore('packs').getAll()).map(({ id, name, build, importedAt, articles }) => ({
      id,
      name,
      build,
      importedAt,
      articles,
    }));
    const meta = await tx.objectStore('memoryMeta').get(MEMORY_META_KEY);
    await tx.done;
    return {
      remembered,
      imported,
      bytes,
      cap: await cap(d),
      packs,
      trimmedAt: meta?.trimmedAt ?? null,
      trimmed: meta?.trimmed ?? 0,
      readOnly,
    };
  }

  return {
    remember,
    list,
    forget,
    status,
    async setCap(next) {
      const d = await deps.db();
      await d.put('settings', next as never, MEMORY_CAP_KEY);
      await trim(d);
    },
    async generation() {
      return (await (await deps.db()).get('memoryMeta', MEMORY_META_KEY))?.generation ?? 0;
    },
  };
}
