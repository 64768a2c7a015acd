/**
 * A tab's analysis across its life: closed or navigated while a report is still being worked out,
 * frames loading inside a page, reloads of the same URL. The background must never leave a stale
 * analysis behind, nor drop a current one.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '../../src/background/db';
import { createBackground } from '../../src/background/service';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import { dispatch } from '../../src/core/messages';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const URL_A = 'https://news.example/story';
const article = {
  url: URL_A,
  title: 'A story',
  lang: 'en',
  langSource: 'detected' as const,
  words: 321,
  published: null,
  isArticle: true,
  entities: [] as { id: string; count: number }[],
  terms: [] as { term: string; weight: number }[],
};
const fromTab = (tabId: number, url = URL_A) => ({ id: 'ext', url, tabId, frameId: 0 });

/** storage.session whose reads of tab keys are answered, while `hold` is on, only at `release()`. */
class GatedSession extends MemorySession {
  hold = false;
  #waiting: (() => void)[] = [];
  /** Resolves once a read is held. */
  #onHeld: (() => void) | null = null;
  override async get(key: string) {
    // The value is read now and handed over later, as a read racing a removal would.
    const value = super.get(key);
    if (this.hold && key.startsWith('tab:')) {
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
        this.#onHeld?.();
      });
    }
    return value;
  }
  held(): Promise<void> {
    return this.#waiting.length > 0 ? Promise.resolve() : new Promise((resolve) => (this.#onHeld = resolve));
  }
  release(): void {
    this.hold = false;
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}

let n = 0;
function setup() {
  const session = new GatedSession();
  const injected: number[] = [];
  const bg = createBackground({
    openDb: () => openNewsDb(`lifecycle-${++n}`),
    session,
    fetchCorpus: () => Promise.resolve(fixtureCorpus()),
    bundledBuild: 'fixture-1',
    setBadge: () => Promise.resolve(),
    injectDeclutter: (tabId) => {
      injected.push(tabId);
      return Promise.resolve();
    },
  });
  const stored = async (tabId: number) => (await session.get(tabKey(tabId))) as TabAnalysis | undefined;
  const report = (tabId: number, document: string, url = URL_A) =>
    dispatch(bg.handlers, { type: 'content:page-analysed', page: { ...article, url }, document }, fromTab(tabId, url), self);
  return { bg, session, injected, stored, report };
}

describe('a tab that closes or navigates while its report is in flight', () => {
  it('a report still being worked out when the tab closes writes nothing', async () => {
    const { bg, session, stored, report } = setup();
    await bg.ensureCorpus();
    session.hold = true;
    const pending = report(1, 'doc-1');
    await session.held();
    await bg.forgetTab(1);
    session.release();
    expect((await pending).ok).toBe(true);
    expect(await stored(1)).toBeUndefined();
    // The tab's next document reports afresh and is written.
    await report(1, 'doc-2');
    expect((await stored(1))?.url).toBe(URL_A);
  });

  it('a declutter report racing the tab closing writes nothing', async () => {
    const { bg, session, stored, report } = setup();
    await report(2, 'doc-1');
    session.hold = true;
    const pending = dispatch(
      bg.handlers,
      { type: 'content:declutter-report', declutter: { active: true, walls: 1, boilerplate: 3 } },
      fromTab(2),
      self,
    );
    await session.held();
    await bg.forgetTab(2);
    session.release();
    await pending;
    expect(await stored(2)).toBeUndefined();
  });

  it('a report of the old page landing after the tab went to a new URL writes nothing', async () => {
    const { bg, session, stored, report } = setup();
    await report(3, 'doc-1');
    session.hold = true;
    const pending = report(3, 'doc-1');
    await session.held();
    session.release();
    await bg.tabLoading(3, 'https://news.example/next');
    await pending;
    expect(await stored(3)).toBeUndefined();
  });
});

describe('a tab that starts loading', () => {
  it('keeps the analysis when only a frame of the page loads (same URL), drops it for a new URL or one it may not read', async () => {
    const { bg, stored, report } = setup();
    await report(4, 'doc-1');
    await bg.tabLoading(4, URL_A);
    expect((await stored(4))?.url).toBe(URL_A);
    await bg.tabLoading(4, 'https://news.example/other');
    expect(await stored(4)).toBeUndefined();
    await report(4, 'doc-2');
    await bg.tabLoading(4, undefined);
    expect(await stored(4)).toBeUndefined();
  });

  it('runs declutter again in a reloaded document of the same URL, but once per document', async () => {
    const { bg, injected, report } = setup();
    await report(5, 'doc-1');
    await report(5, 'doc-1');
    expect(injected).toEqual([5]);
    // A reload: Chrome says "loading" with the same URL, and the new document reports with a new id.
    await bg.tabLoading(5, URL_A);
    await report(5, 'doc-2');
    await report(5, 'doc-2');
    expect(injected).toEqual([5, 5]);
  });

  it('rejects a malformed document id', async () => {
    const { report } = setup();
    const r = await report(6, '<script>'.repeat(3));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
