/**
 * The background's behaviour, with its browser dependencies injected, wired from its parts:
 * storage.ts (the database and read-only mode), corpus-loader.ts (the bundled corpus, its status and
 * alias table), scanner.ts (entity matching for the pages), tabs.ts (each tab's analysis, document
 * and generation) and handlers.ts (the message handlers). The entry (index.ts) wires it to the real
 * browser; the unit tests wire it to fake-indexeddb and an in-memory session store.
 */
import type { CorpusStatus, Handlers } from '../core/messages';
import { createPageDigestCache } from './context';
import { type CorpusLoaderDeps, createCorpusLoader } from './corpus-loader';
import type { Db } from './db';
import { type HandlersDeps, createHandlers } from './handlers';
import { createMemory } from './memory';
import { createScanner } from './scanner';
import { scoringCache } from './story';
import { REGISTRY_VERSION, type Registry, parseRegistry } from '../corpus/entities';
import { type StorageDeps, createStorage } from './storage';
import { type TabsDeps, createTabs } from './tabs';

export interface BackgroundDeps extends StorageDeps, CorpusLoaderDeps, TabsDeps, HandlersDeps {
  /** Types and names entities of the reader's articles as the corpus build does (assets/registry.json); default: none. */
  registry?: Registry;
}

export interface Background {
  handlers: Handlers;
  ensureCorpus: () => Promise<CorpusStatus>;
  /** Drops a tab's analysis (closed, or navigating away: the next page reports afresh). */
  forgetTab: (tabId: number) => Promise<void>;
  /** A tab started loading (a new URL drops its analysis; a reload keeps it until the new report). */
  tabLoading: (tabId: number, url: string | undefined) => Promise<void>;
  db: () => Promise<Db>;
  status: () => CorpusStatus;
}

export function createBackground(deps: BackgroundDeps): Background {
  const storage = createStorage(deps, {
    // The status says read-only at once; when the real database is back, its corpus is checked again.
    readOnlyStarted: () => corpus.republish(),
    writableAgain: () => {
      corpus.reset();
      void corpus.ensureCorpus();
    },
  });
  const corpus = createCorpusLoader(deps, storage);
  // On-device page digests, per tab and page; dropped with the tab's analysis.
  const digests = createPageDigestCache();
  // Entity matching for the pages, warm here rather than compiled in every page.
  const scanner = createScanner(corpus);
  const tabs = createTabs(deps, {
    forgotten: (tabId) => {
      digests.forget(tabId);
      scanner.forgetTab(tabId);
    },
  });
  const memory = createMemory({
    db: storage.db,
    registry: deps.registry ?? parseRegistry({ version: REGISTRY_VERSION, entries: [] }),
    known: async () => {
      const matcher = await scanner.matcher();
      return matcher && ((text) => matcher.scan(text).map((m) => ({ id: m.entityId, start: m.start, end: m.end })));
    },
  });
  const memoryChanged = async (opts: { everywhere?: boolean } = {}) => {
    corpus.memoryChanged();
    // The scoring index is made again now, off the next page's path.
    void storage
      .db()
      .then((d) => scoringCache.get(d))
      .catch(() => undefined);
    if (!opts.everywhere) return;
    // Every open page is analysed and matched again: nothing forgotten stays in a view or a highlight.
    for (const [tabId] of await tabs.analyses()) {
      digests.forget(tabId);
      scanner.forgetTab(tabId);
      await deps.notifyTab?.(tabId, { type: 'background:rescan' }).catch(() => undefined);
    }
  };
  const handlers = createHandlers(deps, { storage, corpus, tabs, digests, scanner, memory, memoryChanged });
  return {
    handlers,
    ensureCorpus: corpus.ensureCorpus,
    forgetTab: tabs.forgetTab,
    tabLoading: tabs.tabLoading,
    db: storage.db,
    status: corpus.status,
  };
}
