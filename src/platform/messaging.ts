/**
 * Typed requests over runtime messaging: every context sends through here (./listen.ts is the
 * background's side). Without webextension-polyfill (./runtime.ts), so that page-side scripts do
 * not carry it.
 */
import type { MessageType, Request, Response } from '../core/messages';
import { type Result, errorMessage, fail } from '../core/result';
import { sendMessage } from './runtime';

/** Sends a request to the background. Never throws: a dead background is an `unavailable` result. */
export async function send<K extends MessageType>(req: Request<K>): Promise<Result<Response<K>>> {
  try {
    const res = (await sendMessage(req)) as Result<Response<K>> | undefined;
    return res ?? fail('unavailable', 'no answer from the background');
  } catch (e) {
    return fail('unavailable', errorMessage(e));
  }
}
