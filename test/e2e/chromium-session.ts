/**
 * The built extension in Chromium, ready to test: launched with a fresh profile, the bundled
 * corpus loaded, and the questions every suite asks (an extension URL, the session storage, the
 * analysis of a page, every error any context reported). One place for what each Chromium suite
 * used to repeat.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, Worker } from 'playwright-core';
import type { TabAnalysis } from '../../src/core/analysis';
import { launchWithExtension } from '../../scripts/lib/chromium.mjs';
import { distDir, findAnalysis, waitFor } from './harness';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profile: string;
  /** Every console error or warning and every uncaught error of any page, frame or extension context. */
  errors: string[];
  extUrl: (path: string) => string;
  session: () => Promise<Record<string, unknown>>;
  /** The analysis written for `url`, once it is there and `accept` holds. */
  analysisFor: (url: string, accept?: (a: TabAnalysis) => boolean) => Promise<{ tabId: number; analysis: TabAnalysis }>;
  close: () => Promise<void>;
}

/** `incognito`: the extension is allowed in incognito windows (see launchWithExtension). */
export async function chromiumSession(opts: { args?: string[]; incognito?: boolean } = {}): Promise<ChromiumSession> {
  const launched = await launchWithExtension({
    extensionDir: distDir('chrome'),
    headless: true,
    incognito: opts.incognito ?? false,
    args: opts.args ?? [],
  });
  const { context, worker, extensionId, profile } = launched;
  const errors: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()} ${m.location().url}: ${m.text()}`);
  });
  context.on('weberror', (e) => errors.push(`uncaught ${e.error().message}`));
  const session = () => worker.evaluate(() => chrome.storage.session.get(null));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // The corpus is loaded on install; the status says when it is done.
    await waitFor(
      () => worker.evaluate(() => chrome.storage.session.get('corpus:status')),
      (s) => (s['corpus:status'] as { state?: string } | undefined)?.state === 'ready',
      'the corpus to load',
    );
  } catch (e) {
    await close();
    throw e;
  }
  return {
    context,
    worker,
    extensionId,
    profile,
    errors,
    extUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    session,
    analysisFor: (url, accept = () => true) =>
      waitFor(
        async () => findAnalysis(await session(), url, accept),
        (r) => r !== null,
        `the analysis of ${url}`,
      ).then((r) => r!),
    close,
  };
}
