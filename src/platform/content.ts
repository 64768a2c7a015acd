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

/**
 * Calls `handler` for each message the background sends to this tab. What the handler returns
 * (a value or a promise) is the answer; `undefined` answers nothing, so a message this script
 * does not answer leaves the reply to any other listener. Returns an unsubscribe.
 */
export function onBackgroundMessage(handler: (message: BackgroundMessage) => unknown): () => void {
  // webextension-polyfill: a listener answers by returning a promise, and stays silent with undefined.
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    const message = parseBackgroundMessage(raw);
    if (!message) return undefined;
    const answer = handler(message);
    return answer === undefined ? undefined : Promise.resolve(answer);
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
