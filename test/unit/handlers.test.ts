/**
 * The background's message handlers (src/background/handlers.ts, through createBackground): page
 * analysis, settings, content and extension-page look-ups, against the fixture and the seed corpus.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type BackgroundDeps } from '../../src/background/service';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import { compileAliasTable, toMatchable } from '../../src/core/matcher';
import { pageTerms } from '../../src/core/scoring';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import type { TabContext } from '../../src/core/context';
import { type BackgroundMessage, MAX_ARTICLE_TEXT, dispatch } from '../../src/core/messages';
import { pageReport, seedDocument, seedUrl } from '../fixtures/seed-page';
import { fromTab, fromUi, page, self, setup } from '../fixtures/background';

/** The seed corpus, built once for this file (each background gets its own copy through fetchCorpus). */
const seedCorpus = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;

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
    expect(r.ok && r.value).toEqual({ highlights: true, remember: false });
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

  it('runs the hover card’s code in the very document that asks for its first card, and only for a tab', async () => {
    const runs: [number, string | undefined][] = [];
    const { bg } = setup(undefined, 'fixture-1', {
      injectCard: (tabId, documentId) => {
        runs.push([tabId, documentId]);
        return Promise.resolve(tabId !== 9);
      },
    });
    expect(await dispatch(bg.handlers, { type: 'content:load-card' }, { ...fromTab(3), documentId: 'DOC-A' }, self)).toEqual({
      ok: true,
      value: true,
    });
    expect(runs).toEqual([[3, 'DOC-A']]);
    // A tab the script could not run in (closed, navigated away) answers false; extension pages may not ask.
    expect(await dispatch(bg.handlers, { type: 'content:load-card' }, fromTab(9), self)).toEqual({ ok: true, value: false });
    expect((await dispatch(bg.handlers, { type: 'content:load-card' }, fromUi, self)).ok).toBe(false);
    expect(runs).toHaveLength(2);
  });
});

describe('side panel, reader and options look-ups', () => {
  const SV = '000_d35634ae92cf12c4';
  const EN = '004_b9dd206ab3ce0339';

  /** The Swedish seed article's demo page, analysed in tab 7 as the content script would report it. */
  async function analysedSeedPage(extra: Pick<BackgroundDeps, 'askTab'> = {}) {
    const s = setup(seedCorpus, seedCorpus.build, extra);
    const article = seedCorpus.articles.find((a) => a.id === SV)!;
    const page = await pageReport(seedDocument(article), seedUrl(SV), compileAliasTable(seedCorpus.entities.map(toMatchable)));
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
    const ask = async () =>
      ((await dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: 3 }, fromUi, self)) as { value: TabContext }).value.digest;
    // Each answer below is for a page new to the tab (its digest is kept per tab and page).
    const digest = async () => {
      await bg.forgetTab(3);
      await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(3), self);
      return ask();
    };

    const sentences = [
      'The harbour city opened its first tidal power station on Friday morning.',
      'Twelve turbines on the sea floor turn with the tide and feed the grid.',
      'The operator says the station will power four thousand homes by winter.',
      'Fishermen worry about the turbines, but a first survey found no harm.',
    ];
    answer = { title: 'Tidal power', lang: 'en', text: sentences.join('\n'), extra: '<script>' };
    expect(await digest()).toMatchObject({ kind: 'page', lang: 'en', title: 'A story' });
    expect(asked).toEqual([[3, { type: 'background:get-article-text' }]]);
    // The same page asked about again (the popup and the panel re-ask on every new analysis): no second round trip.
    await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(3), self);
    expect(await ask()).toMatchObject({ kind: 'page', lang: 'en' });
    expect(asked).toHaveLength(1);

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

  it('makes one page digest at a time per tab and document, however often the page changes meanwhile', async () => {
    const pending: ((answer: unknown) => void)[] = [];
    const { bg } = setup(seedCorpus, seedCorpus.build, {
      askTab: () => new Promise((resolve) => pending.push(resolve)),
    });
    const text = [
      'The harbour city opened its first tidal power station on Friday morning.',
      'Twelve turbines on the sea floor turn with the tide and feed the grid.',
      'The operator says the station will power four thousand homes by winter.',
    ].join('\n');
    const report = (words: number, document: string) =>
      dispatch(
        bg.handlers,
        { type: 'content:page-analysed', page: { ...page, words, title: `Part ${words}` }, document },
        fromTab(4),
        self,
      );
    const ask = () => dispatch(bg.handlers, { type: 'ui:get-tab-context', tabId: 4 }, fromUi, self);
    const settle = () => new Promise((r) => setTimeout(r, 20));
    // A page that keeps growing and retitling itself, its context asked for after every report.
    const answers: ReturnType<typeof ask>[] = [];
    for (let i = 1; i <= 10; i++) {
      await report(100 * i, 'doc-1');
      answers.push(ask());
      await settle();
    }
    expect(pending).toHaveLength(1);
    // A reload is another document: its digest is made at once.
    await report(5000, 'doc-2');
    answers.push(ask());
    await settle();
    expect(pending).toHaveLength(2);
    for (const resolve of pending.splice(0)) resolve({ title: 'T', lang: 'en', text });
    for (const r of await Promise.all(answers)) expect(r).toMatchObject({ ok: true, value: { digest: { kind: 'page' } } });
    // Settled: the page as it is now is digested once more.
    await report(6000, 'doc-2');
    const last = ask();
    await settle();
    expect(pending).toHaveLength(1);
    pending[0]!({ title: 'T', lang: 'en', text });
    expect(await last).toMatchObject({ ok: true, value: { digest: { kind: 'page', title: 'Part 6000' } } });
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
