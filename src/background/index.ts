/** Background entry (service worker in Chrome, event page in Firefox). Listeners are registered synchronously. */
import browser from '../platform/browser';
import { listen } from '../platform/messaging';
import { openSidePanel } from '../platform/panel';
import { STATUS_KEY, sessionStore } from '../platform/session';
import { DB_NAME, openNewsDb } from './db';
import { createBackground } from './service';

const background = createBackground({
  openDb: () =>
    openNewsDb(DB_NAME, {
      onBlocked: () => console.warn('[news-context] database upgrade waits for another extension page to close'),
    }),
  session: sessionStore,
  fetchCorpus: async () => {
    const res = await fetch(browser.runtime.getURL('corpus.json'));
    if (!res.ok) throw new Error(`corpus.json: HTTP ${res.status}`);
    return res.json();
  },
  bundledBuild: __CORPUS_BUILD__,
  setBadge: async (tabId, text) => {
    try {
      await browser.action.setBadgeText({ tabId, text });
    } catch {
      // The tab closed meanwhile: nothing to badge.
    }
  },
});

listen(background.handlers);

browser.runtime.onInstalled.addListener(() => {
  void background.ensureCorpus();
  void browser.action.setBadgeBackgroundColor({ color: '#1f5fbf' });
});
browser.runtime.onStartup.addListener(() => {
  void sessionStore.remove(STATUS_KEY);
  void background.ensureCorpus();
});

browser.tabs.onRemoved.addListener((tabId) => void background.forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === 'loading') void background.forgetTab(tabId);
});

if (__BROWSER__ === 'chrome') {
  // Firefox opens its sidebar through the built-in _execute_sidebar_action command.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.windowId !== undefined) void openSidePanel(tab.windowId);
  });
}
