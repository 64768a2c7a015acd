/**
 * Who decides what is remembered (src/background/handlers.ts, through createBackground on
 * fake-indexeddb): nothing before the reader opts in, nothing from a private window, an excluded
 * site, while paused, or from a page that is not an article; the page hears whether to watch for
 * reading; a full disk starts read-only mode and loses nothing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Db, openNewsDb } from '../../src/background/db';
import { MIN_REMEMBER_GAP_MS } from '../../src/background/handlers';
import { createBackground } from '../../src/background/service';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import type { ReadArticle } from '../../src/core/memory';
import { type SenderInfo, dispatch } from '../../src/core/messages';
import { parseRegistry } from '../../src/corpus/entities';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const fromUi = { id: 'ext', url: 'chrome-extension://ext/src/ui/options/index.html' };
const URL_A = 'https://news.example/2026/11/20/plant-closes';
const registry = parseRegistry(JSON.parse(readFileSync(new URL('../../assets/registry.json', import.meta.url), 'utf8')) as unknown);

const paragraph = (i: number) =>
  `Kallberg Energi said on Thursday that its plant in Hallsvik would close next year, paragraph ${String(i)} of the report. ` +
  `Ingrid Falkvik, who leads the union branch at the plant, said the workers had been told in a short meeting.`;
const article: ReadArticle = {
  url: URL_A,
  title: 'Kallberg Energi to close its Hallsvik plant',
  source: 'The Nordic Ledger',
  published: '2026-11-20',
  lang: 'en',
  byline: 'A. Reporter',
  body: Array.from({ length: 8 }, (_, i) => paragraph(i)).join('\n\n'),
};
const page = (isArticle = true) => ({
  url: URL_A,
  title: article.title,
  lang: 'en',
  langSource: 'declared' as const,
  words: 400,
  published: '2026-11-20',
  isArticle,
  entities: [] as { id: string; count: number }[],
  terms: [] as { term: string; weight: number }[],
});

let n = 0;
let clock = Date.parse('2026-11-25T12:00:00Z');
function background(openDb?: (onBlocked: () => void) => Promise<Db>, now?: () => number) {
  const name = `memory-handlers-${String(++n)}`;
  const session = new MemorySession();
  const bg = createBackground({
    openDb: openDb ?? (() => openNewsDb(name)),
    openMemoryDb: () => openNewsDb(name, { factory: new IDBFactory() }),
    session,
    fetchCorpus: () => Promise.resolve(fixtureCorpus()),
    bundledBuild: 'fixture-1',
    setBadge: () => Promise.resolve(),
    registry,
    // A minute passes between two requests: the memory's rate limit per tab is not what these tests are about.
    now: now ?? (() => (clock += 60_000)),
  });
  const tab = (incognito = false): SenderInfo => ({ id: 'ext', url: URL_A, tabId: 1, frameId: 0, incognito });
  const call = async <T>(message: object, sender: SenderInfo = fromUi): Promise<T> => {
    const r = await dispatch(bg.handlers, message, sender, self);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const analyse = (opts: { incognito?: boolean; isArticle?: boolean } = {}) =>
    call<{ highlights: boolean; remember: boolean }>(
      { type: 'content:page-analysed', page: page(opts.isArticle), document: 'd1' },
      tab(opts.incognito),
    );
  const remember = (incognito = false) =>
    call<{ stored: boolean; outcome: string }>({ type: 'content:remember', article, document: 'd1' }, tab(incognito));
  const stored = async () => (await call<{ total: number }>({ type: 'ui:memory-list', query: '', offset: 0, limit: 10 })).total;
  const set = (settings: object) => call({ type: 'ui:set-global-settings', settings });
  const exclude = (value: boolean | null) => call({ type: 'ui:set-site-switch', site: 'news.example', feature: 'memory', value });
  return { bg, name, session, analyse, remember, stored, set, exclude, call };
}

describe('what is remembered', () => {
  it('nothing before the reader opts in: the page is not even asked to watch', async () => {
    const b = background();
    expect((await b.analyse()).remember).toBe(false);
    expect(await b.remember()).toEqual({ stored: false, outcome: 'off' });
    expect(await b.stored()).toBe(0);
  });

  it('an article read in a normal window once the reader opts in; its analysis then names it', async () => {
    const b = background();
    await b.set({ memory: true });
    expect((await b.analyse()).remember).toBe(true);
    expect(await b.remember()).toEqual({ stored: true, outcome: 'stored' });
    expect(await b.stored()).toBe(1);
    // The page is now in the corpus (the reader's): sent again, it is a copy.
    await b.analyse();
    expect(await b.remember()).toEqual({ stored: false, outcome: 'duplicate' });
  });

  it('the story the page was shown in is the one its article joins', async () => {
    const b = background();
    await b.set({ memory: true });
    // A page on the fixture story's tidal station: its analysis names the story.
    const tidal = {
      ...page(),
      entities: [
        { id: 'e-tidewater', count: 3 },
        { id: 'e-harbour', count: 2 },
      ],
      terms: ['tidal', 'station', 'turbines', 'harbour', 'city', 'operator'].map((term) => ({ term, weight: 1 })),
    };
    await b.call({ type: 'content:page-analysed', page: tidal, document: 'd1' }, { id: 'ext', url: URL_A, tabId: 1, frameId: 0 });
    const analysis = (await b.session.get(tabKey(1))) as TabAnalysis;
    expect(analysis.story?.id).toBe('s1');
    expect(await b.remember()).toEqual({ stored: true, outcome: 'stored' });
    const db = await openNewsDb(b.name);
    const [rec] = await db.getAll('userArticles');
    expect(rec).toMatchObject({ shownStory: 's1', storyId: 's1' });
    expect((await db.get('stories', 's1'))?.articleIds).toContain(rec!.id);
    db.close();
  });

  it('nothing from a private window', async () => {
    const b = background();
    await b.set({ memory: true });
    expect((await b.analyse({ incognito: true })).remember).toBe(false);
    expect(await b.remember(true)).toEqual({ stored: false, outcome: 'private' });
    expect(await b.stored()).toBe(0);
  });

  it('nothing from an excluded site, nor while paused; both undone, the page is remembered', async () => {
    const b = background();
    await b.set({ memory: true });
    await b.exclude(false);
    expect((await b.analyse()).remember).toBe(false);
    expect(await b.remember()).toEqual({ stored: false, outcome: 'excluded' });
    await b.exclude(null);
    await b.set({ memoryPaused: true });
    expect((await b.analyse()).remember).toBe(false);
    expect(await b.remember()).toEqual({ stored: false, outcome: 'off' });
    expect(await b.stored()).toBe(0);
    await b.set({ memoryPaused: false });
    await b.analyse();
    expect((await b.remember()).stored).toBe(true);
  });

  it('at most one article per tab every few seconds: a page that navigates and scrolls itself cannot flood the memory', async () => {
    let t = Date.parse('2026-11-25T12:00:00Z');
    const b = background(undefined, () => t);
    await b.set({ memory: true });
    await b.analyse();
    expect((await b.remember()).stored).toBe(true);
    const next = { ...article, url: `${URL_A}-2`, title: 'Union leader calls for a crisis plan in Hallsvik' };
    const send = () =>
      b.call<{ outcome: string }>(
        { type: 'content:remember', article: next, document: 'd1' },
        { id: 'ext', url: `${URL_A}-2`, tabId: 1, frameId: 0 },
      );
    await b.call(
      { type: 'content:page-analysed', page: { ...page(), url: `${URL_A}-2` }, document: 'd1' },
      { id: 'ext', url: `${URL_A}-2`, tabId: 1, frameId: 0 },
    );
    t += 1000;
    expect((await send()).outcome).toBe('too-soon');
    t += MIN_REMEMBER_GAP_MS;
    expect((await send()).outcome).toBe('stored');
  });

  it('nothing from a page that is not an article', async () => {
    const b = background();
    await b.set({ memory: true });
    expect((await b.analyse({ isArticle: false })).remember).toBe(false);
    expect(await b.remember()).toEqual({ stored: false, outcome: 'not-article' });
  });

  it('refuses a malformed article from a page with a clear error', async () => {
    const b = background();
    await b.set({ memory: true });
    await b.analyse();
    await expect(
      b.call(
        { type: 'content:remember', article: { ...article, body: 'too short' }, document: 'd1' },
        { ...fromUi, url: URL_A, tabId: 1, frameId: 0 },
      ),
    ).rejects.toThrow(/article invalid/);
    await expect(b.call({ type: 'content:remember', article, document: 'd1' })).rejects.toThrow(/must come from a tab/);
  });

  it('a full disk starts read-only mode: the page is not remembered, what was remembered stays, the status says so', async () => {
    let full = false;
    const name = `memory-full-${String(++n)}`;
    const real = await openNewsDb(name);
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const db = new Proxy(real, {
      get(target, prop) {
        if (prop === 'transaction')
          return (stores: string | string[], mode?: IDBTransactionMode) => {
            if (full && mode === 'readwrite') throw quota();
            return (target.transaction as (s: unknown, m?: IDBTransactionMode) => unknown)(stores, mode);
          };
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const b = background(() => Promise.resolve(db));
    await b.set({ memory: true });
    await b.analyse();
    expect((await b.remember()).stored).toBe(true);
    full = true;
    const other = { ...article, url: `${URL_A}-2`, title: 'Union leader calls for a crisis plan in Hallsvik' };
    expect(
      await b.call({ type: 'content:remember', article: other, document: 'd1' }, { id: 'ext', url: `${URL_A}-2`, tabId: 1, frameId: 0 }),
    ).toEqual(expect.objectContaining({ stored: false }));
    const status = await b.call<{ readOnly: string | null; remembered: number }>({ type: 'ui:memory-status' });
    expect(status.remembered).toBe(1);
    expect(status.readOnly).toMatch(/quota/i);
  });
});
