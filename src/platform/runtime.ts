/**
 * The few runtime and i18n calls the page-side scripts (the content script, walls.js, declutter.js)
 * and the extension pages' requests need, straight from the browser's own `browser` (Firefox) or
 * `chrome` (Chrome) object, without webextension-polyfill: its 10 KB would be parsed on every page
 * load. Both browsers return promises from `runtime.sendMessage` in MV3, and both accept a
 * listener that answers through `sendResponse` and returns true, which is how {@link onMessage}
 * answers. Everything else goes through ./browser (the polyfill).
 */
type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean | undefined;

interface NativeApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };
}

const scope = globalThis as { browser?: NativeApi; chrome?: NativeApi };

/** The browser's extension API object (Firefox's `browser` first: Chrome has only `chrome`). */
export function nativeApi(): NativeApi {
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) throw new Error('not running in an extension context');
  return api;
}

/** runtime.sendMessage: the answer, or a rejection when nobody answers or the context is gone. */
export function sendMessage(message: unknown): Promise<unknown> {
  try {
    return nativeApi().runtime.sendMessage(message);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

/**
 * Registers a runtime.onMessage listener whose return value (a value or a promise) is the answer;
 * `undefined` answers nothing, leaving the reply to any other listener. Returns an unsubscribe.
 */
export function onMessage(handler: (message: unknown) => unknown): () => void {
  const listener: Listener = (message, _sender, sendResponse) => {
    const answer = handler(message);
    if (answer === undefined) return undefined;
    Promise.resolve(answer).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  const { onMessage: event } = nativeApi().runtime;
  event.addListener(listener);
  return () => {
    try {
      event.removeListener(listener);
    } catch {
      // The context is already gone.
    }
  };
}

/** runtime.id, or undefined once the extension context is gone (an update or a reload). */
export function runtimeId(): string | undefined {
  return nativeApi().runtime.id;
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  return nativeApi().i18n.getMessage(key, substitutions);
}

export function getUILanguage(): string {
  return nativeApi().i18n.getUILanguage();
}
