/**
 * The side panel's data (src/background/context.ts) against the real seed corpus in
 * fake-indexeddb: each seed article served as the demo page, analysed by the background from the
 * summary the content script would send, then turned into a tab context; and the reader view's
 * articles, whose sentence indices must be the ones every citation in the corpus uses.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_DIGEST_LIMITS,
  type PageDigestCache,
  articleSentences,
  createPageDigestCache,
  pageSentences,
  readerArticle,
  tabContext,
} from '../../src/background/context';
import { type Db, loadCorpus, openNewsDb } from '../../src/background/db';
import { type ScoringCache, createScoringCache } from '../../src/background/story';
import { createBackground } from '../../src/background/service';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import type { CitedText } from '../../src/core/cards';
import type { ReaderArticle, TabContext } from '../../src/core/context';
import type { Corpus } from '../../src/core/corpus';
import { compileAliasTable, toMatchable } from '../../src/core/matcher';
import { compareTemporal } from '../../src/core/dates/period';
import { type PageArticleText, dispatch } from '../../src/core/messages';
import { splitSentences } from '../../src/core/sentences';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { MemorySession } from '../fixtures/memory-session';
import { pageReport, seedDocument, seedUrl } from '../fixtures/seed-page';

/** The seed corpus, built once for this file. */
const seedCorpus = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;
const SV = '000_d35634ae92cf12c4'; // Yann LeCun leaves Meta (Swedish, 2025-11-11)
const EN = '004_b9dd206ab3ce0339'; // Meta invests in Scale AI (English, 2025-06-13)
const LECUN = `story-${SV}`;
const SCALE = `story-${EN}`;
const self = { id: 'ext', origin: 'chrome-extension://ext/' };

let n = 0;
/** A background over the seed corpus, and the analysis it writes for each seed article's demo page. */
async function analyseSeedPages(): Promise<{ db: Db; analyses: Map<string, TabAnalysis> }> {
  const session = new MemorySession();
  const bg = createBackground({
    openDb: () => openNewsDb(`context-${++n}`),
    session,
    fetchCorpus: () => Promise.resolve(structuredClone(seedCorpus)),
    bundledBuild: seedCorpus.build,
    setBadge: () => Promise.resolve(),
  });
  await bg.ensureCorpus();
  const table = { table: compileAliasTable(seedCorpus.entities.map(toMatchable)) };
  const analyses = new Map<string, TabAnalysis>();
  for (const [tabId, id] of [SV, EN].entries()) {
    const article = seedCorpus.articles.find((a) => a.id === id)!;
    const page = await pageReport(seedDocument(article), seedUrl(id), table.table);
    const r = await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page },
      { id: 'ext', url: seedUrl(id), tabId, frameId: 0 },
      self,
    );
    expect(r.ok).toBe(true);
    analyses.set(id, (await session.get(tabKey(tabId))) as TabAnalysis);
  }
  return { db: await bg.db(), analyses };
}

let db: Db;
let sv: TabAnalysis;
let en: TabAnalysis;
const readers = new Map<string, ReaderArticle>();
beforeAll(async () => {
  const seeded = await analyseSeedPages();
  db = seeded.db;
  sv = seeded.analyses.get(SV)!;
  en = seeded.analyses.get(EN)!;
  for (const a of seedCorpus.articles) readers.set(a.id, (await readerArticle(db, a.id))!);
});

/** The reader view's text of sentence `sentence` of `articleId`. */
const readerSentence = (articleId: string, sentence: number) =>
  readers
    .get(articleId)
    ?.paragraphs.flat()
    .find((s) => s.sentence === sentence)?.text;

function expectCitedInReader(c: CitedText) {
  expect(readerSentence(c.articleId, c.sentence), `${c.articleId}#${c.sentence}`).toBe(c.text);
  const a = seedCorpus.articles.find((x) => x.id === c.articleId)!;
  expect(c).toMatchObject({ source: a.source, published: a.published, lang: a.lang, title: a.title });
}

describe('the analysis of a seed page', () => {
  it('knows the page is the corpus article itself, an article, and its date', () => {
    expect(sv).toMatchObject({ articleId: SV, isArticle: true, published: '2025-11-11', lang: 'sv', story: { id: LECUN } });
    expect(en).toMatchObject({ articleId: EN, isArticle: true, published: '2025-06-13', lang: 'en', story: { id: SCALE } });
    expect(sv.related.map((r) => r.articleId)).toEqual([EN]);
  });
});

describe('tabContext on the Swedish seed page', () => {
  let ctx: TabContext;
  beforeAll(async () => {
    ctx = await tabContext(db, sv, {});
  });

  it('digests the story in Swedish, every sentence cited as the reader view shows it', () => {
    const d = ctx.digest;
    expect(d).toMatchObject({ kind: 'story', storyId: LECUN, lang: 'sv', articles: 1 });
    if (d?.kind !== 'story') return;
    expect(d.title).toBe(seedCorpus.stories.find((s) => s.id === LECUN)!.title);
    expect(d.summary.length).toBeGreaterThanOrEqual(1);
    expect(d.summary.length).toBeLessThanOrEqual(3);
    expect(d.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(d.keyPoints.length).toBeLessThanOrEqual(5);
    for (const c of [...d.summary, ...d.keyPoints]) {
      expect(c.lang).toBe('sv');
      expectCitedInReader(c);
    }
    expect(ctx.analysedAt).toBe(sv.analysedAt);
  });

  it('lists the English seed article as related, not the page itself, with named shared entities', () => {
    expect(ctx.related.map((r) => r.articleId)).toEqual([EN]);
    const [r] = ctx.related;
    expect(r).toMatchObject({ title: seedCorpus.articles.find((a) => a.id === EN)!.title, lang: 'en', sameStory: true });
    expect(r!.shared).toContainEqual({ id: 'meta', name: 'Meta', type: 'organization' });
    expect(r!.shared).toContainEqual({ id: 'alexandr-wang', name: 'Alexandr Wang', type: 'person' });
    expect(r!.shared.map((e) => e.id)).toEqual(sv.related[0]!.shared);
  });

  it('puts the story’s and its related story’s events on one timeline, in date order', () => {
    const events = ctx.timeline.events;
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const since2013 = events.findIndex((e) => e.date === '2013' && e.precision === 'year');
    const summer = events.findIndex((e) => e.date === '2025-07' && e.precision === 'season' && e.season === 'summer');
    const lateOctober = events.findIndex((e) => e.date === '2025-10' && e.precision === 'month' && e.qualifier === 'late');
    const chatgpt = events.findIndex((e) => e.date === '2022' && e.cite.articleId === EN);
    expect([since2013, chatgpt, summer, lateOctober].every((i) => i >= 0)).toBe(true);
    expect(since2013).toBeLessThan(chatgpt);
    expect(chatgpt).toBeLessThan(summer);
    expect(summer).toBeLessThan(lateOctober);
    for (let i = 1; i < events.length; i++) expect(compareTemporal(events[i - 1]!, events[i]!)).toBeLessThanOrEqual(0);
    // Every event of both stories' articles is there.
    expect(events.map((e) => e.id).sort()).toEqual(seedCorpus.events.map((e) => e.id).sort());
  });

  it('cites each event and says which come from the page’s own article', () => {
    for (const e of ctx.timeline.events) {
      expectCitedInReader(e.cite);
      expect(e.cite.text).toBe(e.text);
      expect(e.sources).toBe(1);
      expect(e.fromThisArticle).toBe(e.cite.articleId === SV);
    }
    const since2013 = ctx.timeline.events.find((e) => e.date === '2013')!;
    expect(since2013.entities).toContainEqual({ id: 'yann-lecun', name: 'Yann LeCun', type: 'person' });
    expect(ctx.timeline.here).toEqual({ date: '2025-11-11', title: sv.title });
  });

  it('has a card for each entity on the page, in the page’s order, in Swedish first', () => {
    expect(ctx.cards.map((c) => c.id)).toEqual(sv.entities.slice(0, 40).map((e) => e.id));
    const lecun = ctx.cards.find((c) => c.id === 'yann-lecun')!;
    expect(lecun.story?.id).toBe(LECUN);
    expect(lecun.facts[0]?.lang).toBe('sv');
  });
});

describe('cards and the timeline with the scoring index', () => {
  /** The background's scoring cache, its index's titles marked (to see where a citation's title came from), its build replaced by `build`. */
  const marked = (build?: string): ScoringCache => {
    const real = createScoringCache();
    return {
      get: async (d) => {
        const i = await real.get(d);
        return { ...i, build: build ?? i.build, articles: { ...i.articles, titles: i.articles.titles.map((t) => `[index] ${t}`) } };
      },
      get reads() {
        return real.reads;
      },
      clear: () => real.clear(),
    };
  };
  const titles = (c: TabContext) => c.cards.flatMap((card) => [card.description, ...card.facts]).flatMap((x) => (x ? [x.title] : []));
  const eventTitles = (c: TabContext) => c.timeline.events.map((e) => e.cite.title);

  it('cite articles as the index of the stores holds them, the texts the same', async () => {
    const fresh = await analyseSeedPages();
    const page = fresh.analyses.get(SV)!;
    const ctx = await tabContext(fresh.db, page, { scoring: marked() });
    expect(titles(ctx).length).toBeGreaterThan(3);
    expect(titles(ctx).every((t) => t.startsWith('[index] '))).toBe(true);
    const read = await tabContext(db, sv, {});
    const texts = (c: TabContext) => c.cards.map((card) => [card.id, card.description?.text, card.facts.map((f) => f.text)]);
    expect(texts(ctx)).toEqual(texts(read));
    // The timeline's events too, at the indices a read of their articles finds.
    expect(eventTitles(ctx).length).toBeGreaterThan(3);
    expect(eventTitles(ctx).every((t) => t.startsWith('[index] '))).toBe(true);
    const cites = (c: TabContext) =>
      c.timeline.events.map((e) => [e.id, e.text, e.cite.articleId, e.cite.sentence, e.cite.published, e.cite.lang]);
    expect(cites(ctx)).toEqual(cites(read));
    // Related coverage and "here" take what they need of an article from the index alike.
    expect(ctx.related.length).toBeGreaterThan(0);
    expect(ctx.related).toEqual(read.related);
    expect(ctx.timeline.here).toEqual(read.timeline.here);
  });

  it('read the articles when the index is not of the stores as they are', async () => {
    const fresh = await analyseSeedPages();
    const ctx = await tabContext(fresh.db, fresh.analyses.get(SV)!, { scoring: marked('an-older-build') });
    expect(titles(ctx).length).toBeGreaterThan(3);
    expect(titles(ctx).some((t) => t.startsWith('[index] '))).toBe(false);
    expect(eventTitles(ctx).length).toBeGreaterThan(3);
    expect(eventTitles(ctx).some((t) => t.startsWith('[index] '))).toBe(false);
  });
});

describe('tabContext on the English seed page', () => {
  it('digests the English story in English, with the Swedish article related and its own date as “here”', async () => {
    const ctx = await tabContext(db, en, {});
    expect(ctx.digest).toMatchObject({ kind: 'story', storyId: SCALE, lang: 'en', articles: 1 });
    if (ctx.digest?.kind === 'story') for (const c of [...ctx.digest.summary, ...ctx.digest.keyPoints]) expectCitedInReader(c);
    expect(ctx.related.map((r) => r.articleId)).toEqual([SV]);
    expect(ctx.related[0]!.sameStory).toBe(true);
    expect(ctx.timeline.here?.date).toBe('2025-06-13');
    const events = ctx.timeline.events;
    // Its own events: the background it dates (2022) and its own news, the deal at its publication date.
    expect(events.filter((e) => e.fromThisArticle).map((e) => [e.cite.articleId, e.date, e.news])).toEqual([
      [EN, '2022', false],
      [EN, '2025-06-13', true],
    ]);
    expect(events.length).toBe(seedCorpus.events.length);
  });
});

describe('the digest’s language', () => {
  it('is the story’s own when it has no summary in the page’s language', async () => {
    // A Swedish page on the English story: the story has English summaries only.
    const ctx = await tabContext(db, { ...en, lang: 'sv', articleId: null });
    expect(ctx.digest).toMatchObject({ kind: 'story', storyId: SCALE, lang: 'en' });
    // A German page on the Swedish story.
    const de = await tabContext(db, { ...sv, lang: 'de', articleId: null });
    expect(de.digest).toMatchObject({ kind: 'story', storyId: LECUN, lang: 'sv' });
    // Not the page's own article: nothing on the timeline is "from this article", and "here" is the page's date.
    expect(de.timeline.events.some((e) => e.fromThisArticle)).toBe(false);
    expect(de.timeline.here).toEqual({ date: '2025-11-11', title: sv.title });
  });
});

describe('a page that belongs to no story', () => {
  const nothing: TabAnalysis = {
    url: 'https://garden.example/tomatoes',
    lang: 'en',
    analysedAt: 1,
    entities: [],
    story: null,
    related: [],
    declutter: { active: true, walls: 0, boilerplate: 0 },
    title: 'Growing tomatoes on a balcony',
    words: 120,
    langSource: 'detected',
    published: null,
    articleId: null,
    isArticle: true,
    site: { key: 'garden.example', highlights: true, declutter: true },
    corpus: { build: seedCorpus.build, articles: 2, entities: 22, events: 7, stories: 2 },
  };
  const text = [
    'Growing tomatoes on a balcony',
    'Tomatoes need at least six hours of direct sun every day to ripen well.',
    'Choose a deep pot, because the roots of a tomato plant grow long and thirsty.',
    'Water the soil in the morning, never the leaves, to keep the plant free of mould.',
    'Cherry tomatoes are the easiest variety for a small balcony in a cool summer.',
    'Feed the plants with a tomato fertiliser once the first flowers have opened.',
    'Share this article',
  ].join('\n');
  const answer = (t: string): PageArticleText => ({ title: nothing.title, lang: 'en', text: t });

  it('reads the language of the page’s text when the analysis has none (the page sends only what it declares)', async () => {
    const undetermined = { ...nothing, url: 'https://garden.example/und', lang: 'und' };
    const ctx = await tabContext(db, undetermined, { askPage: () => Promise.resolve({ title: nothing.title, lang: 'und', text }) });
    expect(ctx.digest).toMatchObject({ kind: 'page', lang: 'en' });
  });

  it('gets a digest made from the page’s own text, in page order, with key points', async () => {
    const ctx = await tabContext(db, nothing, { askPage: () => Promise.resolve(answer(text)) });
    expect(ctx.digest).toMatchObject({ kind: 'page', title: nothing.title, lang: 'en' });
    if (ctx.digest?.kind !== 'page') return;
    expect(ctx.digest.summary).toHaveLength(3);
    const positions = ctx.digest.summary.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(ctx.digest.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(ctx.digest.keyPoints.length).toBeLessThanOrEqual(5);
    // Headings and buttons are not sentences.
    for (const s of [...ctx.digest.summary, ...ctx.digest.keyPoints]) expect(s).toMatch(/\.$/);
    expect(ctx).toMatchObject({ related: [], timeline: { events: [], here: null }, cards: [] });
  });

  it('has no digest when the page cannot answer, answers nothing, or says too little', async () => {
    expect((await tabContext(db, nothing, {})).digest).toBeNull();
    expect((await tabContext(db, nothing, { askPage: () => Promise.reject(new Error('no receiver')) })).digest).toBeNull();
    expect((await tabContext(db, nothing, { askPage: () => Promise.resolve(null) })).digest).toBeNull();
    const short = 'Tomatoes need sun to ripen well. Choose a deep pot for the roots.';
    expect((await tabContext(db, nothing, { askPage: () => Promise.resolve(answer(short)) })).digest).toBeNull();
  });

  it('keeps the page’s digest per tab while the page stays the same, and makes it again when it changes', async () => {
    const digests = createPageDigestCache(2);
    let asks = 0;
    const askPage = () => {
      asks++;
      return Promise.resolve(answer(text));
    };
    const first = await tabContext(db, nothing, { askPage, tabId: 7, digests });
    expect(first.digest).toMatchObject({ kind: 'page' });
    // A re-analysis of the same page (new analysedAt) and a concurrent ask: no new round trip.
    const again = await Promise.all([
      tabContext(db, { ...nothing, analysedAt: nothing.analysedAt + 1 }, { askPage, tabId: 7, digests }),
      tabContext(db, { ...nothing, analysedAt: nothing.analysedAt + 2 }, { askPage, tabId: 7, digests }),
    ]);
    expect(again.map((c) => c.digest)).toEqual([first.digest, first.digest]);
    expect(asks).toBe(1);
    // Another URL, or the page's text changed: asked again.
    await tabContext(db, { ...nothing, url: `${nothing.url}?p=2` }, { askPage, tabId: 7, digests });
    await tabContext(db, { ...nothing, url: `${nothing.url}?p=2`, words: nothing.words + 40 }, { askPage, tabId: 7, digests });
    expect(asks).toBe(3);
    // Each tab has its own; a forgotten tab is asked again; at most two tabs are kept.
    await tabContext(db, nothing, { askPage, tabId: 8, digests });
    expect(asks).toBe(4);
    digests.forget(8);
    await tabContext(db, nothing, { askPage, tabId: 8, digests });
    expect(asks).toBe(5);
    await tabContext(db, nothing, { askPage, tabId: 9, digests });
    expect(digests.size).toBe(2);
    await tabContext(db, { ...nothing, url: `${nothing.url}?p=2`, words: nothing.words + 40 }, { askPage, tabId: 7, digests });
    expect(asks).toBe(7);
    expect(digests.made).toBe(7);
  });

  it('asks a page that did not answer again, and keeps a page that said too little', async () => {
    const digests = createPageDigestCache();
    let asks = 0;
    const failing = () => {
      asks++;
      return Promise.reject(new Error('no receiver'));
    };
    expect((await tabContext(db, nothing, { askPage: failing, tabId: 3, digests })).digest).toBeNull();
    expect((await tabContext(db, nothing, { tabId: 3, digests })).digest).toBeNull();
    expect(digests.size).toBe(0);
    const short = () => {
      asks++;
      return Promise.resolve(answer('Tomatoes need sun to ripen well. Choose a deep pot for the roots.'));
    };
    expect((await tabContext(db, nothing, { askPage: short, tabId: 3, digests })).digest).toBeNull();
    expect((await tabContext(db, nothing, { askPage: short, tabId: 3, digests })).digest).toBeNull();
    expect(asks).toBe(2);
    expect(digests.size).toBe(1);
  });

  it('reads at most the first 20,000 characters or 300 sentences of a page, whatever it sends', async () => {
    expect(PAGE_DIGEST_LIMITS).toEqual({ chars: 20_000, sentences: 300 });
    // 200,000 characters of short distinct sentences: 300 are read, all from the first 20,000 characters.
    const short = Array.from({ length: 8000 }, (_, i) => `Tide ${i} turns the mill.`).join('\n');
    expect(short.length).toBeGreaterThan(190_000);
    const read = pageSentences(short, 'en');
    expect(read).toHaveLength(300);
    expect(read.at(-1)).toBe('Tide 299 turns the mill.');
    // Long sentences: the character cap comes first.
    const long = Array.from({ length: 2000 }, (_, i) => `Sentence ${i} ${'is long and says little of note '.repeat(3)}today.`).join('\n');
    const readLong = pageSentences(long, 'en');
    expect(readLong.length).toBeLessThan(300);
    expect(readLong.join('\n').length).toBeLessThanOrEqual(PAGE_DIGEST_LIMITS.chars);
    expect(long.indexOf(readLong.at(-1)!) + readLong.at(-1)!.length).toBeLessThanOrEqual(PAGE_DIGEST_LIMITS.chars);

    // Through the digest: past the caps, thousands of copies of one sentence would dominate the centroid
    // (and be picked); within them only varied sentences are read, so none of the copies is summarised.
    const varied = Array.from({ length: 300 }, (_, i) => `Quarry${i} ledger${i} orchard${i} vessel${i} is noted here.`);
    const flood = Array.from({ length: 6000 }, (_, i) => `Harbour turbines feed the grid at tide number ${i}.`);
    const ctx = await tabContext(db, nothing, { askPage: () => Promise.resolve(answer([...varied, ...flood].join('\n'))) });
    expect(ctx.digest?.kind).toBe('page');
    if (ctx.digest?.kind !== 'page') return;
    for (const s of [...ctx.digest.summary, ...ctx.digest.keyPoints]) expect(varied).toContain(s);
  });

  it('makes at most one digest at a time per tab and document: asks meanwhile wait for it', async () => {
    const cache = createPageDigestCache();
    // Each tab context asks the cache once its reads are done: the checks below wait for that, however busy the machine.
    let gets = 0;
    const digests: PageDigestCache = {
      get: (...a) => (gets++, cache.get(...a)),
      forget: (tabId) => cache.forget(tabId),
      get made() {
        return cache.made;
      },
      get size() {
        return cache.size;
      },
    };
    const asked = async (n: number) => {
      for (let i = 0; gets < n && i < 500; i++) await new Promise((r) => setTimeout(r, 10));
      expect(gets).toBe(n);
    };
    let asks = 0;
    const pending: ((t: PageArticleText) => void)[] = [];
    const askPage = () => {
      asks++;
      return new Promise<PageArticleText>((resolve) => pending.push(resolve));
    };
    // A page that keeps adding text: each re-analysis has more words, and the popup asks again each time.
    const growing = (i: number) => ({ ...nothing, words: nothing.words + i * 100, analysedAt: nothing.analysedAt + i });
    const waiting = Array.from({ length: 20 }, (_, i) => tabContext(db, growing(i), { askPage, tabId: 11, digests, document: 'doc-a' }));
    await asked(20);
    expect(asks).toBe(1);
    expect(digests.made).toBe(1);
    // Another document of the tab (a reload) and another tab each have their own.
    const reloaded = tabContext(db, growing(30), { askPage, tabId: 11, digests, document: 'doc-b' });
    const other = tabContext(db, nothing, { askPage, tabId: 12, digests, document: 'doc-a' });
    await asked(22);
    expect(asks).toBe(3);
    for (const resolve of pending.splice(0)) resolve(answer(text));
    const all = await Promise.all([...waiting, reloaded, other]);
    for (const c of all) expect(c.digest).toMatchObject({ kind: 'page', title: nothing.title });
    // Once it settled, the page as it is now is digested (once more, not once per ask that waited).
    const after = tabContext(db, growing(31), { askPage, tabId: 11, digests, document: 'doc-b' });
    await asked(23);
    expect(asks).toBe(4);
    pending.splice(0).forEach((resolve) => resolve(answer(text)));
    expect((await after).digest).toMatchObject({ kind: 'page' });
    expect(digests.made).toBe(4);
  });

  it('gives up on a page that does not answer in time, and asks it again next time', async () => {
    const digests = createPageDigestCache(4, 20);
    let asks = 0;
    const silent = () => {
      asks++;
      return new Promise<PageArticleText>(() => undefined);
    };
    expect((await tabContext(db, nothing, { askPage: silent, tabId: 13, digests })).digest).toBeNull();
    expect(digests.size).toBe(0);
    expect((await tabContext(db, nothing, { askPage: () => Promise.resolve(answer(text)), tabId: 13, digests })).digest).toMatchObject({
      kind: 'page',
    });
    expect(asks).toBe(1);
  });

  it('forgets a tab’s digest', async () => {
    const digests = createPageDigestCache();
    const askPage = () => Promise.resolve(answer(text));
    await tabContext(db, nothing, { askPage, tabId: 4242, digests });
    await tabContext(db, nothing, { askPage, tabId: 4242, digests });
    expect(digests.made).toBe(1);
    digests.forget(4242);
    await tabContext(db, nothing, { askPage, tabId: 4242, digests });
    expect(digests.made).toBe(2);
  });

  it('shows the timeline of its related articles, and its own date as “here”', async () => {
    const related = sv.related.filter((r) => r.articleId === EN);
    const ctx = await tabContext(db, { ...nothing, related, published: '2025-07-01' });
    expect(ctx.related).toMatchObject([{ articleId: EN, sameStory: false }]);
    expect(ctx.timeline.events.map((e) => e.cite.articleId)).toEqual([EN, EN]);
    expect(ctx.timeline.here).toEqual({ date: '2025-07-01', title: nothing.title });
  });
});

describe('readerArticle', () => {
  it('lays out each seed article in its paragraphs, with the sentences the pipeline cut', () => {
    for (const a of seedCorpus.articles) {
      const r = readers.get(a.id)!;
      expect(r).toMatchObject({
        id: a.id,
        title: a.title,
        source: a.source,
        url: a.url,
        published: a.published,
        lang: a.lang,
        byline: a.byline,
      });
      const paragraphs = a.body.split(/\n\s*\n/).filter((p) => p.trim() !== '');
      expect(
        r.paragraphs.map((p) =>
          p
            .map((s) => s.text)
            .join(' ')
            .replace(/\s+/g, ' '),
        ),
      ).toEqual(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()));
      expect(r.paragraphs.flat().map((s) => s.sentence)).toEqual(a.sentences.map((_, i) => i));
      expect(r.entities.map((e) => e.id)).toEqual(a.entities);
    }
  });

  it('holds at each index exactly the text every fact, event, summary and key point of the corpus cites', () => {
    const cited: { text: string; articleId: string; sentence: number }[] = [
      ...seedCorpus.entities.flatMap((e) => e.facts),
      ...seedCorpus.events.flatMap((e) => [e, ...e.sources]),
      ...seedCorpus.stories.flatMap((s) => [...Object.values(s.summaries).flat(), ...Object.values(s.keyPoints).flat()]),
      ...seedCorpus.articles.flatMap((a) => a.keyPoints.map((k) => ({ ...k, articleId: a.id }))),
    ];
    expect(cited.length).toBeGreaterThan(50);
    for (const c of cited) expect(readerSentence(c.articleId, c.sentence), `${c.articleId}#${c.sentence}`).toBe(c.text);
  });

  it('answers null for an unknown article', async () => {
    expect(await readerArticle(db, 'nope')).toBeNull();
  });
});

describe('articleSentences', () => {
  const body = 'First sentence here. Second one.\n\nA new paragraph.';
  const split = splitSentences(body, 'en');

  it('uses the stored spans (validated on load), else splits the body again', () => {
    const spans = split.map((s): [number, number] => [s.start, s.end]);
    expect(articleSentences({ body, lang: 'en', sentences: spans })).toEqual(split);
    // Coarser stored spans are kept as they are: they are what the corpus cites.
    expect(
      articleSentences({
        body,
        lang: 'en',
        sentences: [
          [0, 32],
          [34, 50],
        ],
      }).map((s) => s.text),
    ).toEqual(['First sentence here. Second one.', 'A new paragraph.']);
    expect(articleSentences({ body, lang: 'en' })).toEqual(split);
    expect(articleSentences({ body, lang: 'en', sentences: [] })).toEqual(split);
  });
});

describe('a schema-v1 corpus (no per-language summaries, key points, related stories, sources or sentence spans)', () => {
  let v1: Db;
  beforeAll(async () => {
    const plain: Corpus = {
      version: 1,
      build: 'v1',
      articles: seedCorpus.articles.map(({ id, title, source, url, published, lang, byline, body, summary, entities }) => ({
        id,
        title,
        source,
        url,
        published,
        lang,
        byline,
        body,
        summary,
        entities,
      })),
      entities: seedCorpus.entities,
      events: seedCorpus.events.map(({ sources: _sources, ...e }) => e),
      stories: seedCorpus.stories.map(({ id, title, articleIds, entities, summary }) => ({
        id,
        title,
        articleIds,
        entities,
        summary: [...summary, 'A sentence no article has.'],
      })),
    };
    v1 = await openNewsDb(`context-v1-${++n}`);
    await loadCorpus(v1, plain);
  });

  it('cites the plain summary sentences found in the story’s articles and drops the rest', async () => {
    const ctx = await tabContext(v1, sv, {});
    expect(ctx.digest).toMatchObject({ kind: 'story', storyId: LECUN, lang: 'sv' });
    if (ctx.digest?.kind !== 'story') return;
    expect(ctx.digest.summary.map((c) => c.text)).toEqual(seedCorpus.stories.find((s) => s.id === LECUN)!.summary);
    for (const c of [...ctx.digest.summary, ...ctx.digest.keyPoints]) expectCitedInReader(c);
    expect(ctx.digest.keyPoints.length).toBe(3);
    // Without related stories only the story's own events; each counts one source.
    expect(ctx.timeline.events.every((e) => e.cite.articleId === SV && e.sources === 1)).toBe(true);
    expect(ctx.related[0]).toMatchObject({ articleId: EN, sameStory: false });
  });

  it('has readers whose sentences match the original corpus (split again, the same way)', async () => {
    for (const a of seedCorpus.articles) expect(await readerArticle(v1, a.id)).toEqual(readers.get(a.id));
  });

  it('shows no story digest when no summary sentence can be found, and summarises the page instead', async () => {
    const db2 = await openNewsDb(`context-v1-${++n}`);
    const c = structuredClone(seedCorpus) as unknown as Corpus;
    c.stories = c.stories.map((s) => ({ id: s.id, title: s.title, articleIds: s.articleIds, entities: s.entities, summary: ['Made up.'] }));
    await loadCorpus(db2, c);
    expect((await tabContext(db2, sv, {})).digest).toBeNull();
    const text = seedCorpus.articles.find((a) => a.id === SV)!.body.replace(/\n\n/g, '\n');
    const ctx = await tabContext(db2, sv, { askPage: () => Promise.resolve({ title: sv.title, lang: 'sv', text }) });
    expect(ctx.digest).toMatchObject({ kind: 'page', lang: 'sv' });
  });
});
