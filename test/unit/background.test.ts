import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '../../src/background/db';
import { type BackgroundDeps, createBackground } from '../../src/background/service';
import { STATUS_KEY, type TabAnalysis, tabKey } from '../../src/core/analysis';
import { emptyCorpus } from '../../src/core/corpus';
import { type AliasTable, createMatcher } from '../../src/core/matcher';
import { pageTerms } from '../../src/core/scoring';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import type { TabContext } from '../../src/core/context';
import { type BackgroundMessage, type CorpusStatus, MAX_ARTICLE_TEXT, dispatch } from '../../src/core/messages';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';
import { pageReport, seedDocument, seedUrl } from '../fixtures/seed-page';

/** The seed corpus, built once for this file (each background gets its own copy through fetchCorpus). */
const seedCorpus = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = {
  url: 'https://news.example/story',
  title: 'A story',
  lang: 'en',
  langSource: 'detected' as const,
  words: 321,
  published: null,
  entities: [] as { id: string; count: number }[],
  terms: [] as { term: string; weight: number }[],
};
const fromTab = (tabId: number, url = page.url) => ({ id: 'ext', url, tabId, frameId: 0 });
const fromUi = { id: 'ext', url: 'chrome-extension://ext/src/ui/popup/index.html' };

let n = 0;
function setup(
  corpus: unknown = fixtureCorpus(),
  bundledBuild = 'fixture-1',
  extra: Pick<BackgroundDeps, 'askTab' | 'injectDeclutter'> = {},
) {
  const name = `bg-${++n}`;
  const session = new MemorySession();
  const badges = new Map<number, string>();
  const notified: [number, unknown][] = [];
  let fetches = 0;
  const bg = createBackground({
    openDb: () => openNewsDb(name),
    session,
    fetchCorpus: () => {
      fetches++;
      return Promise.resolve(structuredClone(corpus));
    },
    bundledBuild,
    setBadge: (tabId, text) => {
      badges.set(tabId, text);
      return Promise.resolve();
    },
    notifyTab: (tabId, message) => {
      notified.push([tabId, message]);
      return Promise.resolve();
    },
    now: () => 1_700_000_000_000,
    ...extra,
  });
  return { bg, session, badges, notified, name, fetches: () => fetches };
}

describe('corpus loading', () => {
  it('loads the bundled corpus once and publishes progress and the final status', async () => {
    const { bg, session, fetches } = setup();
    const status = await bg.ensureCorpus();
    expect(status).toMatchObject({
      state: 'ready',
      build: 'fixture-1',
      articles: 2,
      entities: 2,
      events: 1,
      stories: 1,
      progress: 1,
      error: null,
    });
    const states = session.writes.filter(([k]) => k === STATUS_KEY).map(([, v]) => (v as CorpusStatus).state);
    expect(states[0]).toBe('loading');
    expect(states.at(-1)).toBe('ready');
    await bg.ensureCorpus();
    expect(fetches()).toBe(1);
  });

  it('does not reload a corpus already in the database (a restarted worker)', async () => {
    const first = setup();
    await first.bg.ensureCorpus();
    (await first.bg.db()).close();
    let fetched = false;
    const again = createBackground({
      openDb: () => openNewsDb(first.name),
      session: new MemorySession(),
      fetchCorpus: () => {
        fetched = true;
        return Promise.resolve(fixtureCorpus());
      },
      bundledBuild: 'fixture-1',
      setBadge: () => Promise.resolve(),
    });
    expect(await again.ensureCorpus()).toMatchObject({ state: 'ready', articles: 2 });
    expect(fetched).toBe(false);
  });

  it('reports an invalid bundled corpus with where it is wrong, and keeps working', async () => {
    const broken = { ...emptyCorpus('b'), articles: [{ id: 'x', title: 5 }] };
    const { bg, fetches } = setup(broken, 'b');
    const status = await bg.ensureCorpus();
    expect(status.state).toBe('error');
    expect(status.error).toContain('$.articles[0].title: expected a string');
    // Page analysis still works without a corpus.
    const r = await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(4), self);
    expect(r.ok).toBe(true);
    // A malformed bundled file is not fetched again for every page.
    expect(fetches()).toBe(1);
  });

  it('retries after a transient failure (the database could not be opened)', async () => {
    let opens = 0;
    const name = `bg-flaky-${++n}`;
    const bg = createBackground({
      openDb: () => (++opens === 1 ? Promise.reject(new Error('QuotaExceededError')) : openNewsDb(name)),
      session: new MemorySession(),
      fetchCorpus: () => Promise.resolve(fixtureCorpus()),
      bundledBuild: 'fixture-1',
      setBadge: () => Promise.resolve(),
    });
    expect(await bg.ensureCorpus()).toMatchObject({ state: 'error', error: 'QuotaExceededError' });
    expect(await bg.ensureCorpus()).toMatchObject({ state: 'ready', articles: 2 });
  });
});

describe('page analysis', () => {
  it('writes the tab analysis contract to storage.session and badges the tab', async () => {
    const { bg, session, badges } = setup();
    const r = await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(9), self);
    expect(r.ok).toBe(true);
    const stored = (await session.get(tabKey(9))) as TabAnalysis;
    expect(stored).toEqual({
      url: page.url,
      lang: 'en',
      analysedAt: 1_700_000_000_000,
      entities: [],
      story: null,
      related: [],
      declutter: { active: true, walls: 0, boilerplate: 0 }, // on for the site: walls are undone on every page
      title: 'A story',
      words: 321,
      langSource: 'detected',
      published: null,
      articleId: null,
      isArticle: false,
      site: { key: 'news.example', highlights: true, declutter: true },
      corpus: { build: 'fixture-1', articles: 2, entities: 2, events: 1, stories: 1 },
    });
    // The content script is answered with only what it uses.
    expect(r.ok && r.value).toEqual({ highlights: true });
    expect(badges.get(9)).toBe('');
  });

  it('trusts the browser-given sender URL over the page’s own claim', async () => {
    const { bg, session } = setup();
    await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: { ...page, url: 'https://bank.example/' } },
      fromTab(2, 'https://www.other.example/x'),
      self,
    );
    expect(((await session.get(tabKey(2))) as TabAnalysis).site.key).toBe('other.example');
    // Within the sender's origin the page's own URL is taken: after a pushState the browser still names the first one.
    await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: { ...page, url: 'https://www.other.example/section' } },
      fromTab(2, 'https://www.other.example/x'),
      self,
    );
    expect(((await session.get(tabKey(2))) as TabAnalysis).url).toBe('https://www.other.example/section');
  });

  it('forgets a tab', async () => {
    const { bg, session } = setup();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(3), self);
    await bg.forgetTab(3);
    expect(await session.get(tabKey(3))).toBeUndefined();
  });
});

describe('settings round trip', () => {
  it('a per-site switch is stored, re-applied to open tabs of that site only, and used by the next analysis', async () => {
    const { bg, session, notified } = setup();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(1), self);
    await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: { ...page, url: 'https://elsewhere.example/' } },
      fromTab(2, 'https://elsewhere.example/'),
      self,
    );
    const r = await dispatch(
      bg.handlers,
      { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false },
      fromUi,
      self,
    );
    expect(r).toMatchObject({ ok: true, value: { site: { declutter: false } } });
    // The tab of that site (only) hears of it at once, so its content script can react.
    expect(notified).toEqual([[1, { type: 'background:switches', highlights: true, declutter: false }]]);
    expect(((await session.get(tabKey(1))) as TabAnalysis).site.declutter).toBe(false);
    expect(((await session.get(tabKey(1))) as TabAnalysis).declutter.active).toBe(false);
    expect(((await session.get(tabKey(2))) as TabAnalysis).site.declutter).toBe(true);
    await bg.forgetTab(1);
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(1), self);
    expect(((await session.get(tabKey(1))) as TabAnalysis).site.declutter).toBe(false);
  });

  it('a global switch applies wherever no site override says otherwise', async () => {
    const { bg, session } = setup();
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(1), self);
    await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: { ...page, url: 'https://elsewhere.example/' } },
      fromTab(2, 'https://elsewhere.example/'),
      self,
    );
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'highlights', value: true }, fromUi, self);
    await dispatch(bg.handlers, { type: 'ui:set-global-settings', settings: { highlights: false } }, fromUi, self);
    expect(((await session.get(tabKey(1))) as TabAnalysis).site.highlights).toBe(true);
    expect(((await session.get(tabKey(2))) as TabAnalysis).site.highlights).toBe(false);
    const s = await dispatch(bg.handlers, { type: 'ui:get-settings', site: 'news.example' }, fromUi, self);
    expect(s).toMatchObject({ ok: true, value: { global: { highlights: false }, site: { highlights: true } } });
  });

  it('refuses settings changes from a web page', async () => {
    const { bg } = setup();
    const r = await dispatch(bg.handlers, { type: 'ui:set-global-settings', settings: { declutter: false } }, fromTab(1), self);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('page analysis against the seed corpus', () => {
  it('names the entities, the story and related coverage, and badges the entity count', async () => {
    const corpus = seedCorpus;
    const { bg, session, badges } = setup(corpus, corpus.build);
    const text =
      'Yann LeCun lämnar Meta efter tolv år. LeCun har lett FAIR sedan 2013. Mark Zuckerberg har flyttat fokus, och LeCun har rapporterat till Alexandr Wang sedan Meta köpte in sig i Scale AI.';
    const report = {
      ...page,
      url: 'https://tekniknytt.example/lecun',
      lang: 'sv',
      published: '2025-11-12',
      entities: [
        { id: 'yann-lecun', count: 3 },
        { id: 'meta', count: 2 },
        { id: 'fair', count: 1 },
        { id: 'mark-zuckerberg', count: 1 },
        { id: 'alexandr-wang', count: 1 },
        { id: 'scale-ai', count: 1 },
        { id: 'not-in-the-corpus', count: 9 },
      ],
      terms: pageTerms(text, 'sv'),
    };
    const r = await dispatch(bg.handlers, { type: 'content:page-analysed', page: report }, fromTab(5, report.url), self);
    expect(r.ok).toBe(true);
    const a = (await session.get(tabKey(5))) as TabAnalysis;
    expect(a.entities.map((e) => [e.id, e.count])).toEqual([
      ['yann-lecun', 3],
      ['meta', 2],
      ['alexandr-wang', 1],
      ['fair', 1],
      ['mark-zuckerberg', 1],
      ['scale-ai', 1],
    ]);
    expect(a.entities[0]).toMatchObject({ name: 'Yann LeCun', type: 'person' });
    const exit = corpus.stories.find((s) => s.articleIds.includes('000_d35634ae92cf12c4'))!;
    expect(a.story).toMatchObject({ id: exit.id, title: exit.title });
    expect(a.related.map((x) => x.articleId)).toEqual(expect.arrayContaining(['000_d35634ae92cf12c4', '004_b9dd206ab3ce0339']));
    expect(a.related.find((x) => x.articleId === '004_b9dd206ab3ce0339')?.shared).toEqual(
      expect.arrayContaining(['meta', 'alexandr-wang']),
    );
    expect(badges.get(5)).toBe('6');
  });

  it('gives a page that only mentions Meta in passing no story', async () => {
    const corpus = seedCorpus;
    const { bg, session } = setup(corpus, corpus.build);
    const report = {
      ...page,
      entities: [{ id: 'meta', count: 1 }],
      terms: pageTerms('The phone app works with Meta accounts and has a fast camera.', 'en'),
    };
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: report }, fromTab(6), self);
    const a = (await session.get(tabKey(6))) as TabAnalysis;
    expect(a.entities.map((e) => e.id)).toEqual(['meta']);
    expect(a.story).toBeNull();
  });
});

describe('content look-ups', () => {
  it('hands content scripts the compiled alias table, once per corpus build', async () => {
    const corpus = seedCorpus;
    const { bg } = setup(corpus, corpus.build);
    const r = await dispatch(bg.handlers, { type: 'content:get-alias-table' }, fromTab(1), self);
    expect(r.ok).toBe(true);
    const value = (r as { value: { build: string; table: AliasTable } }).value;
    expect(value.build).toBe(corpus.build);
    const found = createMatcher(value.table).scan('Yann LeCun lämnar Meta för att starta ett eget bolag.', { lang: 'sv' });
    expect(found.map((m) => m.entityId)).toEqual(['yann-lecun', 'meta']);
    const again = await dispatch(bg.handlers, { type: 'content:get-alias-table' }, fromTab(2), self);
    expect((again as { value: unknown }).value).toBe(value);
    expect((await dispatch(bg.handlers, { type: 'content:get-alias-table' }, fromUi, self)).ok).toBe(false);
  });

  it('answers an entity card in the language of the tab’s page', async () => {
    const corpus = seedCorpus;
    const { bg } = setup(corpus, corpus.build);
    await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: { ...page, lang: 'sv', entities: [{ id: 'alexandr-wang', count: 1 }] } },
      fromTab(3),
      self,
    );
    const r = await dispatch(bg.handlers, { type: 'content:get-entity-card', entityId: 'alexandr-wang' }, fromTab(3), self);
    expect(r).toMatchObject({ ok: true, value: { name: 'Alexandr Wang', type: 'person', description: { lang: 'sv' } } });
    expect(await dispatch(bg.handlers, { type: 'content:get-entity-card', entityId: 'nobody' }, fromTab(3), self)).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('side panel, reader and options look-ups', () => {
  const SV = '000_d35634ae92cf12c4';
  const EN = '004_b9dd206ab3ce0339';

  /** The Swedish seed article's demo page, analysed in tab 7 as the content script would report it. */
  async function analysedSeedPage(extra: Pick<BackgroundDeps, 'askTab'> = {}) {
    const s = setup(seedCorpus, seedCorpus.build, extra);
    const table = await dispatch(s.bg.handlers, { type: 'content:get-alias-table' }, fromTab(7, seedUrl(SV)), self);
    const article = seedCorpus.articles.find((a) => a.id === SV)!;
    const page = await pageReport(seedDocument(article), seedUrl(SV), (table as { value: { table: AliasTable } }).value.table);
    await dispatch(s.bg.handlers, { type: 'content:page-analysed', page }, fromTab(7, seedUrl(SV)), self);
    return s;
  }

  it('gives an extension page the tab’s context, and null for a tab without an analysis', async () => {
    const { bg } = await analysedSeedPage();
    const r = await dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: 7 }, fromUi, self);
    expect(r).toMatchObject({ ok: true, value: { digest: { kind: 'story', lang: 'sv' }, timeline: { here: { date: '2025-11-11' } } } });
    const ctx = (r as { value: TabContext }).value;
    expect(ctx.related.map((x) => x.articleId)).toEqual([EN]);
    expect(await dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: 8 }, fromUi, self)).toEqual({ ok: true, value: null });
  });

  it('refuses tab contexts, articles and sites to web pages and malformed requests', async () => {
    const { bg } = setup();
    for (const m of [{ type: 'ui:get-tab-context', tabId: 7 }, { type: 'ui:get-article', articleId: 'a1' }, { type: 'ui:get-sites' }])
      expect(await dispatch(bg.handlers, m, fromTab(7), self)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: '7' }, fromUi, self)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await dispatch(bg.handlers, { type: 'ui:get-article', articleId: '' }, fromUi, self)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('asks the tab for its article text when no story matched, and takes only a well-formed, bounded answer', async () => {
    const asked: [number, BackgroundMessage][] = [];
    let answer: unknown = null;
    const { bg } = setup(seedCorpus, seedCorpus.build, {
      askTab: (tabId, message) => {
        asked.push([tabId, message]);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
    });
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(3), self);
    const digest = async () =>
      ((await dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: 3 }, fromUi, self)) as { value: TabContext }).value.digest;

    const sentences = [
      'The harbour city opened its first tidal power station on Friday morning.',
      'Twelve turbines on the sea floor turn with the tide and feed the grid.',
      'The operator says the station will power four thousand homes by winter.',
      'Fishermen worry about the turbines, but a first survey found no harm.',
    ];
    answer = { title: 'Tidal power', lang: 'en', text: sentences.join('\n'), extra: '<script>' };
    expect(await digest()).toMatchObject({ kind: 'page', lang: 'en', title: 'A story' });
    expect(asked).toEqual([[3, { type: 'background:get-article-text' }]]);

    // A long answer is cut at the bound: what is past it never reaches the summariser.
    const filler = 'Nothing happens in this sentence at all today. '.repeat(Math.ceil(MAX_ARTICLE_TEXT / 47));
    answer = { title: 'Long', lang: 'en', text: `${filler}\n${sentences.join('\n')}` };
    const long = await digest();
    expect(long).toMatchObject({ kind: 'page' });
    expect(long?.kind === 'page' && long.summary.some((s) => sentences.includes(s))).toBe(false);

    for (const bad of [{ text: 5, title: 'x', lang: 'en' }, 'text', null, new Error('Could not establish connection')]) {
      answer = bad;
      expect(await digest()).toBeNull();
    }
  });

  it('serves a corpus article to the reader view, and null for an unknown one', async () => {
    const { bg } = setup(seedCorpus, seedCorpus.build);
    const r = await dispatch(bg.handlers, { type: 'ui:get-article', articleId: SV }, fromUi, self);
    expect(r).toMatchObject({ ok: true, value: { id: SV, lang: 'sv', published: '2025-11-11' } });
    const article = (r as { value: { paragraphs: { sentence: number; text: string }[][] } }).value;
    expect(article.paragraphs.flat()[6]).toEqual({ sentence: 6, text: expect.stringContaining('sedan 2013') as unknown });
    expect(await dispatch(bg.handlers, { type: 'ui:get-article', articleId: 'nope' }, fromUi, self)).toEqual({ ok: true, value: null });
  });

  it('lists the sites with their own switches, sorted, and forgets a site whose overrides are all cleared', async () => {
    const { bg } = setup();
    const sites = async () => ((await dispatch(bg.handlers, { type: 'ui:get-sites' }, fromUi, self)) as { value: unknown }).value;
    expect(await sites()).toEqual([]);
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false }, fromUi, self);
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'b.example', feature: 'highlights', value: true }, fromUi, self);
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'highlights', value: false }, fromUi, self);
    await dispatch(bg.handlers, { type: 'ui:set-global-settings', settings: { theme: 'dark' } }, fromUi, self);
    expect(await sites()).toEqual([
      { site: 'b.example', settings: { highlights: true } },
      { site: 'news.example', settings: { declutter: false, highlights: false } },
    ]);
    await dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'b.example', feature: 'highlights', value: null }, fromUi, self);
    expect(await sites()).toEqual([{ site: 'news.example', settings: { declutter: false, highlights: false } }]);
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
