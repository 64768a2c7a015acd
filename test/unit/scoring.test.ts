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
