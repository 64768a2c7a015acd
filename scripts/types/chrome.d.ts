/** The few chrome.* calls that scripts and the Chromium suite evaluate inside the extension's service worker. */
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  runtime: {
    getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
    reload(): void;
    sendMessage(message: unknown): Promise<unknown>;
  };
};
