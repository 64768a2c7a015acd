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
import { createScanner } from './scanner';
import { type StorageDeps, createStorage } from './storage';
import { type TabsDeps, createTabs } from './tabs';

export interface BackgroundDeps extends StorageDeps, CorpusLoaderDeps, TabsDeps, HandlersDeps {}

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
  const handlers = createHandlers(deps, { storage, corpus, tabs, digests, scanner });
  return {
    handlers,
    ensureCorpus: corpus.ensureCorpus,
    forgetTab: tabs.forgetTab,
    tabLoading: tabs.tabLoading,
    db: storage.db,
    status: corpus.status,
  };
}
