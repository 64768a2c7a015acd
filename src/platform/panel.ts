/**
 * The side panel is `chrome.sidePanel` in Chrome and `sidebarAction` in Firefox. Each bundle
 * keeps only its own branch (`__BROWSER__` is a build-time constant), so the Firefox build
 * contains no Chrome-only calls and vice versa.
 */
import browser from './browser';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
declare const chrome: { sidePanel: ChromeSidePanel };

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) of `windowId`. Both browsers require a user
 * gesture: call this synchronously from a click or keyboard command handler, before any await.
 */
export function openSidePanel(windowId: number): Promise<void> {
  if (__BROWSER__ === 'chrome') return chrome.sidePanel.open({ windowId });
  return browser.sidebarAction.open();
}

/**
 * Opens the side panel for a tab from the background, in answer to a click in the page (the
 * hover card). Chrome accepts it while the click's user gesture lasts; Firefox's sidebar only
 * opens from a user-input handler of an extension page, so there it reports false (and the
 * card offers no button).
 */
export async function openSidePanelForTab(tabId: number): Promise<boolean> {
  try {
    if (__BROWSER__ === 'chrome') await chrome.sidePanel.open({ tabId });
    else await browser.sidebarAction.open();
    return true;
  } catch {
    return false;
  }
}

export { SIDE_PANEL_KIND } from './panel-kind';
