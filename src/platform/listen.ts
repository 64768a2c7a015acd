/** The background's side of the message protocol: one runtime.onMessage listener that dispatches to the handlers. */
import { type Handlers, dispatch } from '../core/messages';
import browser, { type Runtime, selfIdentity } from './browser';

/** Registers the background's message listener; must run synchronously at start-up (MV3). */
export function listen(handlers: Handlers): void {
  const self = selfIdentity();
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    dispatch(
      handlers,
      raw,
      // Chrome names the sending document (106+); Firefox does not (the declutter check covers it there).
      {
        id: sender.id,
        url: sender.url,
        tabId: sender.tab?.id,
        frameId: sender.frameId,
        documentId: (sender as { documentId?: string }).documentId,
        incognito: sender.tab?.incognito,
      },
      self,
    ),
  );
}
