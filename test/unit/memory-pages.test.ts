/**
 * The reading-memory fixture pages (test/fixtures/pages/memory-*.html) are fit for the e2e tests
 * of reading memory: six articles by the page's own article test, five of them one story (about
 * Kallberg Energi closing its battery plant in Hallsvik) in three languages, and a sixth, a
 * different story, that names only the story's union leader. Everything here is decided by the
 * real code (the page's article test, the corpus pipeline): the pages' text is what is tuned.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/core/text';
import { BUILTIN_GAZETTEER, type Gazetteer, parseRegistry } from '../../src/corpus/entities';
import { loadGazetteer } from '../../src/corpus/node';
import { buildCorpusFromExtracted, extractSource } from '../../src/corpus/pipeline';
import { describePage } from '../../src/page/collect';

/** What each page declares: its headline, language, publication date and outlet. */
const STORY = [
  {
    page: 'memory-sv-1',
    title: 'Kallberg Energi stänger batterifabriken i Hallsvik – 1 150 jobb försvinner',
    lang: 'sv',
    published: '2026-11-20',
    source: 'Kustposten Norr',
  },
  {
    page: 'memory-en-1',
    title: 'Kallberg Energi to shut its Hallsvik battery plant as losses mount',
    lang: 'en',
    published: '2026-11-21',
    source: 'The Nordic Ledger',
  },
  {
    page: 'memory-de-1',
    title: 'Batteriehersteller Kallberg Energi schließt sein Werk in Hallsvik',
    lang: 'de',
    published: '2026-11-21',
    source: 'Nordeuropa Wirtschaftsblatt',
  },
  {
    page: 'memory-sv-2',
    title: 'Facket kräver krisplan för Hallsvik efter beskedet från Kallberg Energi',
    lang: 'sv',
    published: '2026-11-22',
    source: 'Hallsviks Allehanda',
  },
  {
    page: 'memory-en-2',
    title: 'Minister promises support for Hallsvik but rules out rescuing Kallberg Energi plant',
    lang: 'en',
    published: '2026-11-23',
    source: 'Northern Industry Weekly',
  },
] as const;
const OTHER = {
  page: 'memory-other',
  title: 'Lakeside theatre opens its winter season with a play about a lighthouse keeper',
  lang: 'en',
  published: '2026-11-24',
  source: 'The Umeå Review',
} as const;
const PAGES = [...STORY, OTHER];
/** The person a reader meets only in these pages. */
const PERSON = 'Ingrid Falkvik';
/** The story's names, written the same in every language. */
const STORY_NAMES = ['Kallberg Energi', 'Hallsvik', PERSON, 'Eva Sandell', 'Peter Lindholm'];

const source = (page: string) => readFileSync(new URL(`../fixtures/pages/${page}.html`, import.meta.url), 'utf8');
const parse = (html: string) => parseHTML(html).document;
const extract = (page: string) =>
  extractSource({ name: `${page}.html`, bytes: new TextEncoder().encode(source(page)) }, { parseHtml: parse });
const registry = parseRegistry(JSON.parse(readFileSync(new URL('../../assets/registry.json', import.meta.url), 'utf8')) as unknown);
const meta = (doc: Document, property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? null;

describe('the reading-memory pages, as pages', () => {
  it.each(PAGES)(
    '$page is an article by the page’s own article test, with the markup of a news site',
    async ({ page, title, lang, published, source: outlet }) => {
      const doc = parse(source(page));
      const described = await describePage(doc, `http://127.0.0.1/fixtures/${page}.html`);
      expect(described).toMatchObject({ isArticle: true, title, declared: lang, published });
      expect(meta(doc, 'og:type')).toBe('article');
      expect(meta(doc, 'og:site_name')).toBe(outlet);
      expect(meta(doc, 'article:published_time')?.slice(0, 10)).toBe(published);
      expect(doc.querySelector('article h1')?.textContent.trim()).toBe(title);
      expect(doc.querySelector('article time[datetime]')?.getAttribute('datetime')?.slice(0, 10)).toBe(published);
      for (const part of ['header nav', 'footer', 'article [rel="author"]']) expect(doc.querySelector(part), part).not.toBeNull();
    },
  );

  it.each(PAGES)('$page loads nothing: no scripts, images, styles, fonts or frames from anywhere', ({ page }) => {
    const html = source(page);
    const doc = parse(html);
    expect(doc.querySelectorAll('script, img, picture, video, audio, iframe, object, embed, link, style, [style]').length).toBe(0);
    expect(html).not.toMatch(/\bsrc\s*=|\bsrcset\s*=|url\(|@import/i);
  });

  it('has a different headline and a different outlet on every page', () => {
    expect(new Set(PAGES.map((p) => p.title)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((p) => p.source)).size).toBe(PAGES.length);
  });

  it('shares no name with the seed articles (they are about Meta and AI)', () => {
    const seeds = ['000_d35634ae92cf12c4.txt', '004_b9dd206ab3ce0339.txt']
      .map((f) => readFileSync(new URL(`../../assets/seeds/${f}`, import.meta.url), 'utf8'))
      .join('\n');
    for (const name of STORY_NAMES) expect(seeds).not.toContain(name);
  });
});

describe('the reading-memory pages, through the corpus pipeline', () => {
  it.each(PAGES)(
    '$page extracts with its declared title, language, date and outlet',
    ({ page, title, lang, published, source: outlet }) => {
      expect(extract(page)).toMatchObject({ title, lang, published, source: outlet });
    },
  );

  it.each(STORY)('$page is a full news article: a standfirst, a byline, 8–12 paragraphs, 400–800 words', ({ page }) => {
    const a = extract(page);
    expect(a.lead).toBeTruthy();
    expect(a.byline).toBeTruthy();
    const paragraphs = a.body.split('\n\n').length;
    expect(paragraphs).toBeGreaterThanOrEqual(8);
    expect(paragraphs).toBeLessThanOrEqual(12);
    const words = countWords(`${a.lead ?? ''} ${a.body}`);
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(800);
  });

  it('names the story’s people, company and town identically in every language', () => {
    for (const { page } of STORY) {
      const body = extract(page).body;
      for (const name of ['Kallberg Energi', 'Hallsvik', 'Eva Sandell', 'Peter Lindholm']) expect(body, `${page}: ${name}`).toContain(name);
    }
    const other = extract(OTHER.page).body;
    const mentions = other.split(PERSON).length - 1;
    expect(mentions).toBeGreaterThanOrEqual(2);
    expect(mentions).toBeLessThanOrEqual(3);
    for (const name of STORY_NAMES.filter((n) => n !== PERSON)) expect(other).not.toContain(name);
  });

  describe.each([
    ['the built-in gazetteer (as in the browser)', () => BUILTIN_GAZETTEER],
    ['the build’s gazetteer', () => loadGazetteer()],
  ] as [string, () => Gazetteer][])('built together, with %s', (_, gazetteer) => {
    const sources = PAGES.map(({ page }) => ({ name: `${page}.html`, article: extract(page) }));
    const { corpus, errors, warnings } = buildCorpusFromExtracted(sources, [], { registry, gazetteer: gazetteer() });
    const article = (page: string) => corpus.articles.find((a) => a.id === page);

    it('builds all six without errors or warnings', () => {
      expect(errors).toEqual([]);
      expect(warnings).toEqual([]);
      expect(corpus.articles.map((a) => a.id)).toEqual(PAGES.map((p) => p.page));
    });

    it('puts the five story pages in one story, and the other page outside it', () => {
      const storyId = article(STORY[0].page)?.storyId;
      expect(storyId).toBeTruthy();
      const story = corpus.stories.find((s) => s.id === storyId);
      expect(story?.articleIds).toEqual(STORY.map((p) => p.page));
      expect(article(OTHER.page)?.storyId).not.toBe(storyId);
    });

    it(`discovers ${PERSON} as a person in at least three of the first four pages, and in the other page`, () => {
      const person = corpus.entities.find((e) => e.name === PERSON);
      expect(person).toMatchObject({ type: 'person' });
      const mentioning = STORY.slice(0, 4).filter(({ page }) => article(page)?.entities.includes(person?.id ?? ''));
      expect(mentioning.length).toBeGreaterThanOrEqual(3);
      expect(article(OTHER.page)?.entities).toContain(person?.id);
      // The other page shares the person and nothing else of the story.
      const storyEntities = new Set(STORY.flatMap(({ page }) => article(page)?.entities ?? []));
      expect(article(OTHER.page)?.entities.filter((e) => storyEntities.has(e))).toEqual([person?.id]);
    });

    it('finds the company, the town and the minister in every story page, under one id each', () => {
      for (const name of ['Kallberg Energi', 'Hallsvik', 'Eva Sandell']) {
        const entity = corpus.entities.filter((e) => e.name === name);
        expect(entity, name).toHaveLength(1);
        for (const { page } of STORY) expect(article(page)?.entities, `${page}: ${name}`).toContain(entity[0]?.id);
      }
    });

    it.each(STORY)('gives $page dated background events before its publication date', ({ page, published }) => {
      const background = corpus.events.filter((e) => e.date < published && e.sources.some((s) => s.articleId === page));
      expect(background.length).toBeGreaterThanOrEqual(2);
    });

    it('merges background events that several pages tell into one timeline entry', () => {
      const shared = corpus.events.filter((e) => e.date < '2026-11' && new Set(e.sources.map((s) => s.articleId)).size >= 4);
      expect(shared.length).toBeGreaterThanOrEqual(3);
    });
  });
});
