/** Background entry (service worker in Chrome, event page in Firefox). Listeners are registered synchronously. */
import { IDBFactory } from 'fake-indexeddb';
import { STATUS_KEY } from '../core/analysis';
import { askTab, injectCard, injectDeclutter, onLifecycle, readPackagedJson, sendToTab, setBadge } from '../platform/background';
import { listen } from '../platform/listen';
import { openSidePanelForTab } from '../platform/panel';
import { sessionStore } from '../platform/session';
import registryJson from '../../assets/registry.json';
import { parseRegistry } from '../corpus/entities';
import { DB_NAME, openNewsDb } from './db';
import { createBackground } from './service';

const background = createBackground({
  openDb: (onBlocked) => openNewsDb(DB_NAME, { onBlocked }),
  // Read-only mode's database: fake-indexeddb, an IndexedDB in memory (gone when the worker stops).
  openMemoryDb: () => openNewsDb(DB_NAME, { factory: new IDBFactory() }),
  session: sessionStore,
  fetchCorpus: () => readPackagedJson('corpus.json'),
  bundledBuild: __CORPUS_BUILD__,
  setBadge,
  notifyTab: sendToTab,
  askTab,
  injectDeclutter,
  injectCard,
  openPanel: openSidePanelForTab,
  // The registry the corpus build types and names entities with (5 KB): the reader's articles get the same.
  registry: parseRegistry(registryJson),
});

listen(background.handlers);
onLifecycle({
  installed: () => void background.ensureCorpus(),
  startup: () => {
    void sessionStore.remove(STATUS_KEY).then(() => background.ensureCorpus());
  },
  tabGone: (tabId) => void background.forgetTab(tabId),
  tabLoading: (tabId, url) => void background.tabLoading(tabId, url),
});
