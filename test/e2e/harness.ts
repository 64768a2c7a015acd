/**
 * Shared pieces of the end-to-end suites: the local page server, the built extension, where
 * screenshots go, and the rule that a missing browser fails the run under CI (never skips).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TabAnalysis } from '../../src/core/analysis';
import { browserPath } from '../../scripts/lib/browsers.mjs';

export { startServer } from '../../scripts/lib/server.mjs';
export { CHROMIUM_ARGS } from '../../scripts/lib/browsers.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

/** dist/<target>, which must have been built (npm test builds it first). */
export function distDir(target: 'chrome' | 'firefox'): string {
  const dir = join(ROOT, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run \`npm run build\` first`);
  return dir;
}

interface BundledCorpus {
  build: string;
  articles: unknown[];
  entities: unknown[];
  stories: unknown[];
}

const bundledCorpus = (target: 'chrome' | 'firefox') =>
  JSON.parse(readFileSync(join(distDir(target), 'corpus.json'), 'utf8')) as BundledCorpus;

/** The build id of the corpus bundled in dist/<target>. */
export function bundledCorpusBuild(target: 'chrome' | 'firefox'): string {
  return bundledCorpus(target).build;
}

/** The line the popup and side panel show for the bundled corpus, e.g. "Corpus: 2 articles, 22 entities, 2 stories". */
export function bundledCorpusLine(target: 'chrome' | 'firefox'): string {
  const c = bundledCorpus(target);
  return `Corpus: ${c.articles.length} articles, ${c.entities.length} entities, ${c.stories.length} stories`;
}

/**
 * The path of a browser, or null to skip its suite. Under CI=true a missing browser is an error:
 * the browser suites are mandatory there.
 */
export function requireBrowser(name: 'chromium' | 'firefox'): string | null {
  const path = browserPath(name);
  if (path) return path;
  const msg = `${name} is not installed (apt-get install ${name === 'chromium' ? 'chromium' : 'firefox-esr'})`;
  if (process.env.CI === 'true') throw new Error(`${msg}: the browser suites are mandatory under CI`);
  console.warn(`SKIPPING the ${name} suite: ${msg}`);
  return null;
}

export function screenshotPath(browser: 'chromium' | 'firefox', name: string): string {
  const dir = join(SCREENSHOTS, browser);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** Polls `read` until `accept` holds, or fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out waiting for ${what}; last value: ${JSON.stringify(last)}${lastError instanceof Error ? `; last error: ${lastError.message}` : ''}`,
  );
}

/**
 * The newest tab analysis for `url` among all of storage.session that `accept` takes, with its tab
 * id (several tabs may show the same URL: the newest is the one a test just loaded).
 */
export function findAnalysis(
  session: Record<string, unknown>,
  url: string,
  accept: (a: TabAnalysis) => boolean = () => true,
): { tabId: number; analysis: TabAnalysis } | null {
  let best: { tabId: number; analysis: TabAnalysis } | null = null;
  for (const [key, value] of Object.entries(session)) {
    const a = value as TabAnalysis;
    if (!key.startsWith('tab:') || a.url !== url || !accept(a)) continue;
    if (!best || a.analysedAt > best.analysis.analysedAt) best = { tabId: Number(key.slice(4)), analysis: a };
  }
  return best;
}

/** axe-core's browser build, evaluated into a page under test (CDP/BiDi evaluation is not subject to the page's CSP). */
export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA plus axe's best practices. */
export const AXE_RUN_OPTIONS = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** One line per violation and node, for a failure message that says what and where. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} at ${JSON.stringify(n.target)}`));
}
