/** The few chrome.* calls that scripts and the Chromium suites evaluate inside the extension's service worker or pages. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  runtime: {
    getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
    reload(): void;
    sendMessage(message: unknown): Promise<unknown>;
  };
  scripting: { executeScript(options: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
};
