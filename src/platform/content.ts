/** What the content script needs from the extension APIs, besides sending messages. */
import { type BackgroundMessage, parseBackgroundMessage } from '../core/messages';
import browser from './browser';

/**
 * Whether this content script still belongs to a live extension: after an update or a reload
 * the old script keeps running in the page but can no longer reach the extension.
 */
export function contextValid(): boolean {
  try {
    return Boolean(browser.runtime.id);
  } catch {
    return false;
  }
}

/** Calls `handler` for each message the background sends to this tab. Returns an unsubscribe. */
export function onBackgroundMessage(handler: (message: BackgroundMessage) => void): () => void {
  const listener = (raw: unknown) => {
    const message = parseBackgroundMessage(raw);
    if (message) handler(message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => {
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // The context is already gone.
    }
  };
}
