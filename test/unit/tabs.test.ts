/**
 * The background's per-tab state (src/background/tabs.ts, through createBackground). A tab's analysis
 * across its life: closed or navigated while a report is still being worked out, frames loading inside
 * a page, reloads of the same URL (the background must never leave a stale analysis behind, nor drop a
 * current one); and the declutter scripts run in a tab's document, the document check and their reports.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '../../src/background/db';
import { createBackground } from '../../src/background/service';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import { dispatch } from '../../src/core/messages';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';
import { fromTab, fromUi, page, self, setup } from '../fixtures/background';

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
function lifecycle() {
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
    const { bg, session, stored, report } = lifecycle();
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
    const { bg, session, stored, report } = lifecycle();
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
    const { bg, session, stored, report } = lifecycle();
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
    const { bg, stored, report } = lifecycle();
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
    const { bg, injected, report } = lifecycle();
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
    const { report } = lifecycle();
    const r = await report(6, '<script>'.repeat(3));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('a tab forgotten', () => {
  it('forgets a tab', async () => {
    const { bg, session } = setup();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(3), self);
    await bg.forgetTab(3);
    expect(await session.get(tabKey(3))).toBeUndefined();
  });
});

describe('declutter', () => {
  const article = { ...page, isArticle: true };
  function withInjections() {
    const injected: [number, string][] = [];
    const targets: (string | undefined)[] = [];
    const s = setup(fixtureCorpus(), 'fixture-1', {
      injectDeclutter: (tabId, mode, documentId) => {
        injected.push([tabId, mode]);
        targets.push(documentId);
        return Promise.resolve();
      },
    });
    const analysis = async (tabId: number) => (await s.session.get(tabKey(tabId))) as TabAnalysis;
    return { ...s, injected, targets, analysis };
  }
  const report = (p: typeof article, document: string) => ({ type: 'content:page-analysed', page: p, document });
  const check = (document: string | null) => ({ type: 'content:declutter-check', document });

  it('runs walls.js on every page and declutter.js on articles, once per document; a page that became an article gets declutter.js', async () => {
    const { bg, injected, analysis } = withInjections();
    await dispatch(bg.handlers, report({ ...page, isArticle: false }, 'doc-1'), fromTab(1), self);
    expect(injected).toEqual([[1, 'walls']]);
    expect((await analysis(1)).declutter).toEqual({ active: true, walls: 0, boilerplate: 0 });
    // The same document again, still no article: nothing more. Then its article arrived: the full script.
    await dispatch(bg.handlers, report({ ...page, isArticle: false }, 'doc-1'), fromTab(1), self);
    await dispatch(bg.handlers, report(article, 'doc-1'), fromTab(1), self);
    await dispatch(bg.handlers, report(article, 'doc-1'), fromTab(1), self);
    expect(injected).toEqual([
      [1, 'walls'],
      [1, 'full'],
    ]);
    await dispatch(bg.handlers, report(article, 'doc-2'), fromTab(2), self);
    await dispatch(bg.handlers, report(article, 'doc-2'), fromTab(2), self);
    expect(injected.filter(([t]) => t === 2)).toEqual([[2, 'full']]);
    // A new document in the tab gets the script again.
    await bg.forgetTab(2);
    await dispatch(bg.handlers, report(article, 'doc-3'), fromTab(2), self);
    expect(injected.filter(([t]) => t === 2)).toEqual([
      [2, 'full'],
      [2, 'full'],
    ]);
  });

  it('injects nothing where declutter is off', async () => {
    const { bg, injected, analysis } = withInjections();
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false }, fromUi, self);
    await dispatch(bg.handlers, report(article, 'doc-1'), fromTab(1), self);
    expect(injected).toEqual([]);
    expect((await analysis(1)).declutter).toEqual({ active: false, walls: 0, boilerplate: 0 });
  });

  it("targets the reporting document in Chrome (the sender's documentId)", async () => {
    const { bg, targets } = withInjections();
    await dispatch(bg.handlers, report(article, 'doc-1'), { ...fromTab(1), documentId: 'CHROME-DOC-A' }, self);
    expect(targets).toEqual(['CHROME-DOC-A']);
  });

  it('the injected script may act only in the document it was run for, at its URL, with declutter on', async () => {
    const { bg } = withInjections();
    const ask = async (document: string | null, sender: Parameters<typeof dispatch>[2] = fromTab(1)) =>
      ((await dispatch(bg.handlers, check(document), sender, self)) as { value: unknown }).value;
    // Before any report from the tab: nothing was run for any document.
    expect(await ask('doc-1')).toBeNull();
    await dispatch(bg.handlers, report(article, 'doc-1'), { ...fromTab(1), documentId: 'A' }, self);
    expect(await ask('doc-1', { ...fromTab(1), documentId: 'A' })).toBe('full');
    expect(await ask('doc-1', fromTab(1, `${page.url}#comments`))).toBe('full');
    // The tab went on to another document: its content script drew another id, or has not run yet.
    expect(await ask('doc-2')).toBeNull();
    expect(await ask(null)).toBeNull();
    // Same id claimed from another address, or from another document (Chrome says which).
    expect(await ask('doc-1', fromTab(1, 'https://elsewhere.example/'))).toBeNull();
    expect(await ask('doc-1', { ...fromTab(1), documentId: 'B' })).toBeNull();
    // Another tab.
    expect(await ask('doc-1', fromTab(7))).toBeNull();
    // Declutter switched off for the site meanwhile.
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false }, fromUi, self);
    expect(await ask('doc-1')).toBeNull();
    // Only a content script may ask.
    expect((await dispatch(bg.handlers, check('doc-1'), fromUi, self)).ok).toBe(false);
    // The tab is gone.
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: true }, fromUi, self);
    await bg.forgetTab(1);
    expect(await ask('doc-1')).toBeNull();
  });

  it('keeps the counts the page reports across re-analyses, and only for the page that reported them', async () => {
    const { bg, analysis } = withInjections();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: article }, fromTab(3), self);
    // A reason for leaving the boilerplate alone is kept with the counts.
    const tooBig = { active: true, walls: 1, boilerplate: 0, skipped: 'too-big' };
    await dispatch(bg.handlers, { type: 'content:declutter-report', declutter: tooBig }, fromTab(3), self);
    expect((await analysis(3)).declutter).toEqual(tooBig);
    expect(
      (await dispatch(bg.handlers, { type: 'content:declutter-report', declutter: { ...tooBig, skipped: 'bored' } }, fromTab(3), self)).ok,
    ).toBe(false);
    const counts = { active: true, walls: 1, boilerplate: 14 };
    expect((await dispatch(bg.handlers, { type: 'content:declutter-report', declutter: counts }, fromTab(3), self)).ok).toBe(true);
    expect((await analysis(3)).declutter).toEqual(counts);
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: article }, fromTab(3), self);
    expect((await analysis(3)).declutter).toEqual(counts);
    // A late report from a page the tab has left changes nothing.
    await dispatch(
      bg.handlers,
      { type: 'content:declutter-report', declutter: { active: true, walls: 9, boilerplate: 9 } },
      fromTab(3, 'https://elsewhere.example/'),
      self,
    );
    expect((await analysis(3)).declutter).toEqual(counts);
    // A late report from the tab's previous document (it names its document) changes nothing.
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: article, document: 'doc-new' }, fromTab(3), self);
    await dispatch(
      bg.handlers,
      { type: 'content:declutter-report', declutter: { active: true, walls: 5, boilerplate: 5 }, document: 'doc-old' },
      fromTab(3),
      self,
    );
    expect((await analysis(3)).declutter).toEqual(counts);
    await dispatch(bg.handlers, { type: 'content:declutter-report', declutter: counts, document: 'doc-new' }, fromTab(3), self);
    expect((await analysis(3)).declutter).toEqual(counts);
    // Reports are parsed: a negative or fractional count is refused.
    const bad = await dispatch(
      bg.handlers,
      { type: 'content:declutter-report', declutter: { active: true, walls: -1, boilerplate: 0.5 } },
      fromTab(3),
      self,
    );
    expect(bad.ok).toBe(false);
  });

  it('"Show everything" reaches the tab; switching the site off and on reaches it too, without a second injection', async () => {
    const { bg, injected, notified, analysis } = withInjections();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: article }, fromTab(4), self);
    expect((await dispatch(bg.handlers, { type: 'ui:show-everything', tabId: 4 }, fromUi, self)).ok).toBe(true);
    expect(notified).toContainEqual([4, { type: 'background:show-everything' }]);
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false }, fromUi, self);
    expect(notified).toContainEqual([4, { type: 'background:switches', highlights: true, declutter: false }]);
    expect((await analysis(4)).declutter).toEqual({ active: false, walls: 0, boilerplate: 0 });
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: true }, fromUi, self);
    expect((await analysis(4)).declutter.active).toBe(true);
    expect(injected).toEqual([[4, 'full']]);
    // Only extension pages may ask.
    expect((await dispatch(bg.handlers, { type: 'ui:show-everything', tabId: 4 }, fromTab(4), self)).ok).toBe(false);
  });
});
