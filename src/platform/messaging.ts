/** Typed request/response over runtime messaging. Only this file calls runtime.sendMessage/onMessage. */
import { type MessageType, type Request, type Response, checkSender, parseRequest } from '../core/messages';
import { type Result, errorMessage, fail } from '../core/result';
import browser, { type Runtime, selfIdentity } from './browser';

/** Sends a request to the background. Never throws: a dead background is an `unavailable` result. */
export async function send<K extends MessageType>(req: Request<K>): Promise<Result<Response<K>>> {
  try {
    const res = (await browser.runtime.sendMessage(req)) as Result<Response<K>> | undefined;
    return res ?? fail('unavailable', 'no answer from the background');
  } catch (e) {
    return fail('unavailable', errorMessage(e));
  }
}

export type Handler<K extends MessageType> = (req: Request<K>, ctx: { tabId: number | null; url: string }) => Promise<Response<K>>;
export type Handlers = { [K in MessageType]: Handler<K> };

/**
 * Dispatches a raw message: parse, check the sender for that message type, run the handler.
 * Pure apart from the handlers, so the background's routing is unit-testable.
 */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: { id?: string | undefined; url?: string | undefined; tabId?: number | undefined; frameId?: number | undefined },
  self: { id: string; origin: string },
): Promise<Result<unknown>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const req = parsed.value;
  const allowed = checkSender(req.type, sender, self);
  if (!allowed.ok) return allowed;
  try {
    const handler = handlers[req.type] as Handler<MessageType>;
    return { ok: true, value: await handler(req, { tabId: allowed.value.tabId, url: sender.url ?? '' }) };
  } catch (e) {
    console.error(`[news-context] ${req.type} failed:`, e);
    return fail('internal', errorMessage(e));
  }
}

/** Registers the background's message listener; must run synchronously at start-up (MV3). */
export function listen(handlers: Handlers): void {
  const self = selfIdentity();
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) =>
    dispatch(handlers, raw, { id: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId }, self),
  );
}
