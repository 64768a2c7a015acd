/** The browser events and calls the background needs, behind plain functions. */
import type { BackgroundMessage, DeclutterMode } from '../core/messages';
import browser from './browser';
import { openSidePanel } from './panel';

/** Sets a tab's toolbar badge; a tab that closed meanwhile is not an error. */
export async function setBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab is gone: nothing to badge.
  }
}

/** Tells a tab's content script something; a tab without our content script is not an error. */
export async function sendToTab(tabId: number, message: BackgroundMessage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script there (a non-web page, or one loaded before the extension).
  }
}

/**
 * Asks a tab's content script (top frame) something and returns its answer, unparsed; null when
 * nobody answers (no content script there, the tab is gone, or it navigated meanwhile).
 */
export async function askTab(tabId: number, message: BackgroundMessage): Promise<unknown> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) ?? null;
  } catch {
    return null;
  }
}

/** Reads a file packaged with the extension (never the network) as JSON. */
export async function readPackagedJson(path: string): Promise<unknown> {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as unknown;
}

export interface LifecycleHandlers {
  installed: () => void;
  startup: () => void;
  /** A tab closed: its analysis is stale. */
  tabGone: (tabId: number) => void;
  /**
   * A tab started loading: a new document at `url` (undefined: a page we may not read), a reload
   * (same URL), or a same-document navigation (history.pushState: Chrome says "loading" then too).
   */
  tabLoading: (tabId: number, url: string | undefined) => void;
}

/** Registers the background's event listeners; call synchronously at start-up (MV3). */
export function onLifecycle(h: LifecycleHandlers): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.action.setBadgeBackgroundColor({ color: '#1f5fbf' });
    h.installed();
  });
  browser.runtime.onStartup.addListener(h.startup);
  browser.tabs.onRemoved.addListener((tabId) => h.tabGone(tabId));
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'loading') h.tabLoading(tabId, info.url ?? tab.url);
  });
  if (__BROWSER__ === 'chrome') {
    // Firefox opens its sidebar through the built-in _execute_sidebar_action command.
    browser.commands.onCommand.addListener((command, tab) => {
      if (command === 'open-side-panel' && tab?.windowId !== undefined) void openSidePanel(tab.windowId);
    });
  }
}

/**
 * Runs one of the extension's files in a tab's document: in Chrome in exactly `documentId` (a tab
 * that navigated meanwhile gets nothing); in Firefox, which cannot target a document, in the tab's
 * top frame, where the content script runs. False when it could not run (the tab closed or
 * navigated): not an error.
 */
async function runInDocument(tabId: number, file: string, documentId: string | undefined, what: string): Promise<boolean> {
  const target = __BROWSER__ === 'chrome' && documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, files: [file] });
    return true;
  } catch (e) {
    console.debug(`[news-context] ${what} not injected:`, e);
    return false;
  }
}

/** The hover card's code, built as one self-contained file (vite.config.ts) and run in a page's content-script world on its first card. */
export const CARD_SCRIPT = 'card.js';

/** Runs the hover card's code in the document that asked for it; false when it could not run. */
export function injectCard(tabId: number, documentId?: string): Promise<boolean> {
  return runInDocument(tabId, CARD_SCRIPT, documentId, 'card');
}

/** The declutter scripts, each built as one self-contained file (vite.config.ts) and run only where needed: walls.js on every page where declutter is on, declutter.js on article pages. */
export const DECLUTTER_SCRIPTS = { walls: 'walls.js', full: 'declutter.js' } as const;

/**
 * Runs a declutter script in the document that reported (see runInDocument); in Firefox the
 * script checks with the background which document it landed in before touching anything.
 */
export async function injectDeclutter(tabId: number, mode: DeclutterMode, documentId?: string): Promise<void> {
  await runInDocument(tabId, DECLUTTER_SCRIPTS[mode], documentId, 'declutter');
}
