/**
 * Page scoring (src/core/scoring.ts) against the real seed corpus, on news pages written for these
 * tests (test/fixtures/pages/score-*.txt): positives about the two seed stories in Swedish,
 * English and German, written differently from the seeds, and negatives that mention Google,
 * Apple, Meta, OpenAI or Microsoft in passing.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type PageFeatures,
  type PageScore,
  type ScoringCorpus,
  type ScoringCorpusInput,
  STORY_THRESHOLD,
  mentionWeight,
  pageTerms,
  prepareScoringCorpus,
  sameArticle,
  sameTitle,
  scorePage,
} from '../../src/core/scoring';
import { buildScoringIndex, scoreIndexed } from '../../src/core/scoring-index';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import type { BuiltCorpus } from '../../src/corpus/pipeline';
import { SCORE_PAGES, loadScorePage } from '../fixtures/score-pages';

const SV = '000_d35634ae92cf12c4'; // Yann LeCun leaves Meta (Swedish, 2025-11-11)
const EN = '004_b9dd206ab3ce0339'; // Meta invests in Scale AI (English, 2025-06-13)
const LECUN = `story-${SV}`;
const SCALE = `story-${EN}`;
const EXPECT: Record<string, string | null> = { lecun: LECUN, scale: SCALE, none: null };

const { corpus: built } = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json');

function scoringInput(c: BuiltCorpus): ScoringCorpusInput {
  return {
    build: c.build,
    articles: c.articles.map((a) => ({ ...a, terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang, 60) })),
    stories: c.stories.map((s) => ({ id: s.id, title: s.title, articleIds: s.articleIds, related: s.related.map((r) => r.storyId) })),
  };
}
const corpus: ScoringCorpus = prepareScoringCorpus(scoringInput(built));

interface Fixture {
  name: string;
  expected: string | null;
  page: PageFeatures;
}

function loadPage(file: string): Fixture {
  const { head, page } = loadScorePage(file, built.entities);
  const expected = EXPECT[head.expect ?? ''];
  if (expected === undefined) throw new Error(`${file}: expect must be lecun, scale or none`);
  return { name: file, expected, page };
}

const fixtures = readdirSync(SCORE_PAGES)
  .filter((f) => /^score-.*\.txt$/u.test(f))
  .sort()
  .map(loadPage);
const negatives = fixtures.filter((f) => f.expected === null);
const positives = fixtures.filter((f) => f.expected !== null);
const topStory = (f: Fixture) => scorePage(f.page, corpus).stories[0]?.score ?? 0;
const fixture = (name: string) => fixtures.find((f) => f.name === name)!;

describe('the fixtures', () => {
  it('has at least 6 negatives and 4 positives, in Swedish, English and German', () => {
    expect(negatives.length).toBeGreaterThanOrEqual(6);
    expect(positives.length).toBeGreaterThanOrEqual(4);
    for (const set of [negatives, positives]) expect(new Set(set.map((f) => f.page.lang))).toEqual(new Set(['sv', 'en', 'de']));
  });

  it('finds the corpus entities the pages name (the stand-in matcher)', () => {
    const sport = fixture('score-neg-sv-sport.txt').page.entities;
    expect(sport).toEqual([{ id: 'meta', count: 1 }]);
    const de = fixture('score-pos-de-scale.txt').page.entities;
    expect(de.find((e) => e.id === 'scale-ai')?.count).toBe(5); // "Scale AI" ×4, and "Scale" in "Scale-Gründer"
    expect(de.map((e) => e.id)).toContain('superintelligence'); // "Superintelligenz"
  });
});

describe('score distribution', () => {
  it('separates every positive from every negative, with the threshold in the gap', () => {
    const neg = negatives.map((f) => [f.name, topStory(f)] as const).sort((a, b) => b[1] - a[1]);
    const pos = positives.map((f) => [f.name, topStory(f)] as const).sort((a, b) => a[1] - b[1]);
    console.debug('negatives (best story score):', neg, '\npositives:', pos);
    const bestNegative = neg[0]![1];
    const worstPositive = pos[0]![1];
    expect(worstPositive - bestNegative).toBeGreaterThan(0.05);
    expect(STORY_THRESHOLD).toBeGreaterThan(bestNegative);
    expect(STORY_THRESHOLD).toBeLessThanOrEqual(worstPositive);
  });
});

describe('naming the story', () => {
  it.each(negatives.map((f) => [f.name, f] as const))('%s (passing mentions) gets no story', (_name, f) => {
    const r = scorePage(f.page, corpus);
    expect(r.story).toBeNull();
  });

  it.each(positives.map((f) => [f.name, f] as const))('%s gets its story', (_name, f) => {
    const r = scorePage(f.page, corpus);
    expect(r.story?.id).toBe(f.expected);
    expect(r.story?.score).toBeGreaterThanOrEqual(STORY_THRESHOLD);
    expect(r.story?.title).toBe(built.stories.find((s) => s.id === f.expected)?.title);
  });

  it('finds across languages: a Swedish page the English story, an English page the Swedish one', () => {
    const sv = scorePage(fixture('score-pos-sv-scale.txt').page, corpus);
    expect(sv.story?.id).toBe(SCALE);
    expect(built.articles.find((a) => a.id === EN)?.lang).toBe('en');
    // Across languages the words never meet: the entities carry it.
    expect(sv.articles.find((a) => a.articleId === EN)?.lexical).toBe(0);
    const en = scorePage(fixture('score-pos-en-lecun.txt').page, corpus);
    expect(en.story?.id).toBe(LECUN);
    expect(en.articles.find((a) => a.articleId === SV)?.lexical).toBe(0);
    expect(en.articles.find((a) => a.articleId === EN)?.lexical).toBeGreaterThan(0);
  });

  it('counts a name mentioned once for less than a name the page is about', () => {
    const f = fixture('score-pos-en-wang.txt').page;
    const once = { ...f, entities: f.entities.map((e) => ({ ...e, count: 1 })) };
    const a = scorePage(f, corpus).articles.find((x) => x.articleId === EN)!;
    const b = scorePage(once, corpus).articles.find((x) => x.articleId === EN)!;
    expect(b.entity).toBeLessThan(a.entity * 0.75);
    expect(mentionWeight(1)).toBeLessThan(0.5);
    expect(mentionWeight(0)).toBe(0);
    expect(mentionWeight(4)).toBe(1);
    expect(mentionWeight(40)).toBe(1);
  });

  it('discounts a page dated far from the article, and an undated one less', () => {
    const f = fixture('score-pos-sv-lecun.txt').page;
    const score = (published: string | null) => scorePage({ ...f, published }, corpus).articles.find((a) => a.articleId === SV)!.score;
    expect(score('2025-11-11')).toBeGreaterThan(score(null));
    expect(score(null)).toBeGreaterThan(score('2023-01-01'));
    expect(score('not a date')).toBe(score(null));
  });

  it('needs at least two of the story’s entities on the page, whatever the threshold', () => {
    const f = fixture('score-pos-en-wang.txt').page;
    const onlyMeta = { ...f, entities: [{ id: 'meta', count: 20 }] };
    expect(scorePage(onlyMeta, corpus, { storyThreshold: 0 }).story).toBeNull();
    expect(
      scorePage({ ...onlyMeta, entities: [...onlyMeta.entities, { id: 'scale-ai', count: 1 }] }, corpus, { storyThreshold: 0 }).story?.id,
    ).toBe(SCALE);
  });

  it('gives an empty corpus no story and nothing related', () => {
    const empty = prepareScoringCorpus({ build: '', articles: [], stories: [] });
    expect(scorePage(fixture('score-pos-sv-lecun.txt').page, empty)).toEqual({
      story: null,
      self: null,
      related: [],
      stories: [],
      articles: [],
    });
  });
});

describe('related articles', () => {
  it('ranks the story’s article first and its related story’s article after it, with the shared entities as the reason', () => {
    const f = fixture('score-pos-sv-lecun.txt');
    const r = scorePage(f.page, corpus);
    expect(r.related.map((a) => a.articleId)).toEqual([SV, EN]);
    const [first, second] = r.related;
    expect(first).toMatchObject({
      title: 'Dråpslaget mot Meta – AI-pionjären överger skeppet',
      source: 'Dagens PS',
      published: '2025-11-11',
      lang: 'sv',
    });
    expect(first!.score).toBeGreaterThan(second!.score);
    const onPage = new Set(f.page.entities.map((e) => e.id));
    for (const a of r.related) {
      expect(a.shared.length).toBeGreaterThan(0);
      for (const id of a.shared) expect(onPage.has(id)).toBe(true);
      const article = built.articles.find((x) => x.id === a.articleId)!;
      for (const id of a.shared) expect(article.entities).toContain(id);
    }
    expect(first!.shared).toEqual(expect.arrayContaining(['yann-lecun', 'fair', 'turing-award']));
    expect(second!.shared).not.toContain('fair'); // not an entity of the Scale AI article
  });

  it('includes the related story’s article even below the related threshold', () => {
    const f = fixture('score-pos-de-scale.txt');
    const relatedThreshold = 0.35;
    const r = scorePage(f.page, corpus, { relatedThreshold });
    expect(r.articles.find((a) => a.articleId === SV)!.score).toBeLessThan(relatedThreshold);
    expect(r.articles.find((a) => a.articleId === EN)!.score).toBeGreaterThan(relatedThreshold);
    expect(r.related.map((a) => a.articleId)).toEqual([EN, SV]);
    // Without a named story it would not be there.
    expect(scorePage(f.page, corpus, { relatedThreshold, storyThreshold: 2 }).related.map((a) => a.articleId)).toEqual([EN]);
  });

  it('leaves out the article the reader is on, and caps the list', () => {
    const f = fixture('score-pos-en-lecun.txt').page;
    const withUrl = scoringInput(built);
    withUrl.articles = withUrl.articles.map((a) => (a.id === SV ? { ...a, url: 'https://news.example/lecun' } : a));
    const c = prepareScoringCorpus(withUrl);
    const r = scorePage({ ...f, url: 'https://news.example/lecun#comments' }, c);
    expect(r.story?.id).toBe(LECUN);
    expect(r.related.map((a) => a.articleId)).toEqual([EN]);
    expect(scorePage(f, c).related.map((a) => a.articleId)).toEqual([SV, EN]);
    expect(scorePage(f, c, { maxRelated: 1 }).related.map((a) => a.articleId)).toEqual([SV]);
  });

  it('lists nothing for pages that mention the companies only in passing, except an AI story', () => {
    for (const f of negatives.filter((n) => n.name !== 'score-neg-en-chatgpt.txt')) {
      expect(scorePage(f.page, corpus).related, f.name).toEqual([]);
    }
    // A ChatGPT launch is no Meta story, but the Scale AI article is fair related reading.
    const chatgpt = scorePage(fixture('score-neg-en-chatgpt.txt').page, corpus);
    expect(chatgpt.story).toBeNull();
    expect(chatgpt.related.map((a) => a.articleId)).toEqual([EN]);
    expect(chatgpt.related[0]?.shared).toEqual(expect.arrayContaining(['openai', 'chatgpt', 'google']));
  });
});

describe('the page’s own article', () => {
  const SV_TITLE = 'Dråpslaget mot Meta – AI-pionjären överger skeppet';
  const EN_TITLE = 'Meta Invests €12 Billion in Scale AI and Appoints Co-Founder';

  it.each([
    ['the same headline', SV_TITLE, SV_TITLE, true],
    ['case, white space and another dash', '  DRÅPSLAGET mot\u00a0 Meta — AI-pionjären  överger skeppet ', SV_TITLE, true],
    ['quotes folded', 'Meta’s “superintelligence” bet', 'Meta\'s "superintelligence" bet', true],
    ['an outlet after a bar', `${SV_TITLE} | Dagens PS`, SV_TITLE, true],
    ['an outlet after a dash', `${EN_TITLE} - News Journos`, EN_TITLE, true],
    ['an outlet after an en dash', `${EN_TITLE} – The Paper`, EN_TITLE, true],
    ['an outlet after a colon', `${EN_TITLE}: Reuters`, EN_TITLE, true],
    ['more headline, no separator', `${EN_TITLE} as CEO`, EN_TITLE, false],
    ['a long remainder is another headline', `${EN_TITLE} | Wang joins Meta to lead its new superintelligence lab`, EN_TITLE, false],
    ['the outlet first', `Dagens PS | ${SV_TITLE}`, SV_TITLE, false],
    ['a shorter page title', 'Dråpslaget mot Meta', SV_TITLE, false],
    ['a generic article title', 'News | Daily Planet', 'News', false],
    ['another headline', 'Meta invests in Scale AI', EN_TITLE, false],
  ])('sameTitle: %s', (_name, page, article, expected) => {
    expect(sameTitle(page, article)).toBe(expected);
  });

  const article = { url: null, title: SV_TITLE, published: '2025-11-11' };
  it.each([
    ['same headline and day', { url: 'http://127.0.0.1/demo/000.html', title: SV_TITLE, published: '2025-11-11' }, article, true],
    ['published two days apart', { url: 'https://x/', title: SV_TITLE, published: '2025-11-13' }, article, true],
    ['published three days apart', { url: 'https://x/', title: SV_TITLE, published: '2025-11-14' }, article, false],
    ['an undated page', { url: 'https://x/', title: `${SV_TITLE} | Dagens PS`, published: null }, article, true],
    ['another headline the same day', { url: 'https://x/', title: EN_TITLE, published: '2025-11-11' }, article, false],
    [
      'the same URL whatever the title',
      { url: 'https://dagensps.example/a#top', title: 'Start', published: null },
      { ...article, url: 'https://dagensps.example/a' },
      true,
    ],
  ])('sameArticle: %s', (_name, page, a, expected) => {
    expect(sameArticle(page, a)).toBe(expected);
  });

  it('recognises the Swedish seed article as the page, keeps it for the story and leaves it out of related', () => {
    const f = fixture('score-pos-sv-lecun.txt').page;
    const onSeed = { ...f, title: `${SV_TITLE} | Dagens PS`, published: '2025-11-11' };
    const r = scorePage(onSeed, corpus);
    expect(r.self).toBe(SV);
    expect(r.story?.id).toBe(LECUN);
    expect(r.related.map((a) => a.articleId)).toEqual([EN]);
    // Another page on the story is not the article, and lists it.
    const other = scorePage(f, corpus);
    expect(other.self).toBeNull();
    expect(other.related.map((a) => a.articleId)).toEqual([SV, EN]);
    // Nor is a follow-up under the same headline a week later.
    expect(scorePage({ ...onSeed, published: '2025-11-18' }, corpus).self).toBeNull();
  });
});

describe('pageTerms', () => {
  it('keeps lower-cased content words by frequency, without function words, numbers or possessives', () => {
    const en = pageTerms('The model and the Model’s data: the model was trained on data in 2025. Data!', 'en');
    expect(en).toEqual([
      { term: 'data', weight: 3 },
      { term: 'model', weight: 3 },
      { term: 'trained', weight: 1 },
    ]);
  });

  it('handles Swedish function words and colon inflections', () => {
    const sv = pageTerms('Metas AI-enhet och AI:s framtid är oviss, och AI-enheten växer. AI växer.', 'sv');
    expect(sv.map((t) => t.term)).toEqual(['ai', 'växer', 'ai-enhet', 'ai-enheten', 'framtid', 'metas', 'oviss']);
    expect(sv.find((t) => t.term === 'ai')?.weight).toBe(2);
    expect(sv.some((t) => t.term === 'och' || t.term === 'är')).toBe(false);
  });

  it('returns at most `max` terms, the heaviest', () => {
    const terms = pageTerms('alpha beta beta gamma gamma gamma', 'en', 2);
    expect(terms).toEqual([
      { term: 'gamma', weight: 3 },
      { term: 'beta', weight: 2 },
    ]);
  });
});

/** mulberry32: the same sequence every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated corpus with what the index has to get right: entities from very common to rare
 * (skewed draws), words shared within a language, three languages, stories listed with their
 * articles (a repeated and a missing id among them), stories known only from the articles'
 * storyId, articles in no story, shared and missing URLs, headlines pages carry with a suffix,
 * undated articles and related stories.
 */
function generatedCorpus(seed: number, count: number): ScoringCorpusInput {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const skewed = (n: number) => Math.floor(n * r() ** 3);
  const langs = ['en', 'sv', 'de'];
  const words = langs.map((l) => Array.from({ length: 120 }, (_, i) => `${l}word${i}`));
  const articles = Array.from({ length: count }, (_, i) => {
    const lang = langs[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!;
    const vocab = words[langs.indexOf(lang)]!;
    const terms = [...new Set(Array.from({ length: 30 + int(30) }, () => vocab[skewed(vocab.length)]!))].map((term) => ({
      term,
      weight: 1 + int(9),
    }));
    const storyNo = int(count / 3);
    return {
      id: `g${String(i).padStart(4, '0')}`,
      title: `Generated headline number ${i} about ${vocab[int(20)]!}`,
      source: `Outlet ${i % 9}`,
      url: i % 11 === 0 ? null : `https://gen.example/${i % 97 === 5 ? 'shared' : i}`,
      published: i % 13 === 0 ? '' : new Date(Date.UTC(2025, 0, 1) + int(400) * 86_400_000).toISOString().slice(0, 10),
      lang,
      storyId: i % 5 === 0 ? null : i % 5 === 1 ? `only-${storyNo % 40}` : `s${storyNo}`,
      entities: Array.from({ length: 2 + int(8) }, () => `e${skewed(150)}`),
      terms: terms.sort((a, b) => b.weight - a.weight),
    };
  });
  const storyIds = [...new Set(articles.flatMap((a) => (a.storyId?.startsWith('s') ? [a.storyId] : [])))];
  const stories = storyIds.map((id, k) => ({
    id,
    title: `Story ${id}`,
    // Listed members: the articles naming it, in reverse, plus a repeated one and an unknown one now and then.
    articleIds: [
      ...articles
        .filter((a) => a.storyId === id)
        .map((a) => a.id)
        .reverse(),
      ...(k % 4 === 0 ? [articles[int(count)]!.id, 'missing-article'] : []),
    ],
    related: Array.from({ length: int(3) }, () => storyIds[int(storyIds.length)]!),
  }));
  return { build: `generated-${seed}`, articles, stories };
}

/** Pages made from articles of `input`: their entities (mentioned 1–4 times), words, and variations of URL, title, date and language. */
function generatedPages(input: ScoringCorpusInput, seed: number, count: number): PageFeatures[] {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  return Array.from({ length: count }, (_, i) => {
    const a = input.articles[int(input.articles.length)]!;
    const other = input.articles[int(input.articles.length)]!;
    const variant = i % 6;
    return {
      url: variant === 0 && a.url ? `${a.url}#comments` : `https://reader.example/${i}`,
      lang: variant === 4 ? 'und' : variant === 5 ? other.lang : a.lang,
      title: variant === 1 ? `${a.title} | The Outlet` : variant === 2 ? a.title : `Page ${i}`,
      published: variant === 3 ? null : a.published || null,
      entities: [...new Set([...a.entities.slice(0, 1 + int(a.entities.length)), ...other.entities.slice(0, int(3))])].map((id) => ({
        id,
        count: 1 + int(4),
      })),
      terms: [...a.terms.slice(0, 10 + int(30)), ...other.terms.slice(0, int(10))].filter(
        (t, k, all) => all.findIndex((x) => x.term === t.term) === k,
      ),
      words: 500,
    };
  });
}

/** The contract's part of a page score: what the tab analysis stores. */
const outcome = (s: PageScore) => ({ story: s.story, self: s.self, related: s.related });

describe('the scoring index', () => {
  it('scores the fixture pages as the full walk does', () => {
    const index = buildScoringIndex(scoringInput(built));
    for (const f of fixtures) {
      const full = scorePage(f.page, corpus);
      expect(scoreIndexed(f.page, index, { exhaustive: true }), f.name).toEqual(full);
      expect(outcome(scoreIndexed(f.page, index)), f.name).toEqual(outcome(full));
    }
  });

  it.each([1, 2, 3])(
    'gives the full walk’s story, own article and related list on a generated corpus (seed %i)',
    (seed) => {
      const input = generatedCorpus(seed, 400);
      const full = prepareScoringCorpus(input);
      const index = buildScoringIndex(input);
      const pages = generatedPages(input, seed + 100, 80);
      let named = 0;
      let selves = 0;
      let related = 0;
      for (const [i, page] of pages.entries()) {
        const expected = scorePage(page, full);
        const got = scoreIndexed(page, index);
        expect(outcome(got), `page ${i}`).toEqual(outcome(expected));
        // Everything reported as evidence is as the full walk reports it.
        const storyIds = new Set(got.stories.map((s) => s.id));
        const articleIds = new Set(got.articles.map((a) => a.articleId));
        expect(got.stories).toEqual(expected.stories.filter((s) => storyIds.has(s.id)));
        expect(got.articles).toEqual(expected.articles.filter((a) => articleIds.has(a.articleId)));
        if (i % 5 === 0) expect(scoreIndexed(page, index, { exhaustive: true }), `page ${i}`).toEqual(expected);
        named += Number(expected.story !== null);
        selves += Number(expected.self !== null);
        related += expected.related.length;
      }
      // The pages exercise every part: stories named and not, own articles found, related lists filled.
      expect(named).toBeGreaterThan(pages.length / 4);
      expect(named).toBeLessThan(pages.length);
      expect(selves).toBeGreaterThan(pages.length / 5);
      expect(related).toBeGreaterThan(pages.length * 2);
    },
    30_000,
  );

  it('gives the same with other thresholds and list lengths', () => {
    const input = generatedCorpus(7, 300);
    const full = prepareScoringCorpus(input);
    const index = buildScoringIndex(input);
    for (const opts of [
      { storyThreshold: 0.1, relatedThreshold: 0.05, maxRelated: 20 },
      { storyThreshold: 0.6, maxRelated: 1 },
    ])
      for (const page of generatedPages(input, 8, 40))
        expect(outcome(scoreIndexed(page, index, opts))).toEqual(outcome(scorePage(page, full, opts)));
  }, 30_000);

  it('survives a structured clone (as stored in IndexedDB) and gives an empty corpus nothing', () => {
    const input = generatedCorpus(4, 200);
    const index = buildScoringIndex(input);
    const page = generatedPages(input, 5, 1)[0]!;
    expect(scoreIndexed(page, structuredClone(index))).toEqual(scoreIndexed(page, index));
    expect(outcome(scoreIndexed(page, buildScoringIndex({ build: 'empty', articles: [], stories: [] })))).toEqual({
      story: null,
      self: null,
      related: [],
    });
  });
});
