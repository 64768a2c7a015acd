/** Typed request/response over runtime messaging. Only this file calls runtime.sendMessage/onMessage. */
import { type Handlers, type MessageType, type Request, type Response, dispatch } from '../core/messages';
import { type Result, errorMessage, fail } from '../core/result';
import browser, { type Runtime, selfIdentity } from './browser';

/** Sends a request to the background. Never throws: a dead background is an `unavailable` result. */
export async function send<K extends MessageType>(req: Request<K>): Promise<Result<Response<K>>> {
  try {
    const res = await browser.runtime.sendMessage<Request<K>, Result<Response<K>> | undefined>(req);
    return res ?? fail('unavailable', 'no answer from the background');
  } catch (e) {
    return fail('unavailable', errorMessage(e));
  }
}

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
      },
      self,
    ),
  );
}
