/** What the content script needs from the extension APIs, besides sending messages. */
import { type BackgroundMessage, parseBackgroundMessage } from '../core/messages';
import { onMessage, runtimeId } from './runtime';

/**
 * Whether this content script still belongs to a live extension: after an update or a reload
 * the old script keeps running in the page but can no longer reach the extension.
 */
export function contextValid(): boolean {
  try {
    return Boolean(runtimeId());
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
  return onMessage((raw) => {
    const message = parseBackgroundMessage(raw);
    return message ? handler(message) : undefined;
  });
}
