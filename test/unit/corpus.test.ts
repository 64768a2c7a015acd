import { describe, expect, it } from 'vitest';
import { emptyCorpus, validateCorpus } from '../../src/core/corpus';
import { fixtureCorpus } from '../fixtures/corpus';

describe('validateCorpus', () => {
  it('accepts the empty corpus and a full one', () => {
    expect(validateCorpus(emptyCorpus('b')).problems).toEqual([]);
    expect(validateCorpus(fixtureCorpus()).problems).toEqual([]);
    expect(
      validateCorpus({
        ...fixtureCorpus(),
        events: [{ ...fixtureCorpus().events[0]!, season: 'summer', qualifier: 'late', span: 'quarter', kind: 'report' }],
      }).problems,
    ).toEqual([]);
    // An undated article is a valid one.
    expect(validateCorpus({ ...fixtureCorpus(), articles: [{ ...fixtureCorpus().articles[0]!, published: null }] }).problems).toEqual([]);
  });

  it.each([
    [null, '$', 'expected an object'],
    [{ ...emptyCorpus('b'), version: 2 }, '$.version', 'expected 1, got 2'],
    [{ ...emptyCorpus('b'), articles: {} }, '$.articles', 'expected an array'],
    [
      { ...fixtureCorpus(), articles: [{ ...fixtureCorpus().articles[0]!, published: '14 March 2025' }] },
      '$.articles[0].published',
      'expected YYYY-MM-DD or null',
    ],
    [
      { ...fixtureCorpus(), entities: [{ ...fixtureCorpus().entities[0]!, type: 'animal' }] },
      '$.entities[0].type',
      'unknown type "animal"',
    ],
    [
      { ...fixtureCorpus(), entities: [{ ...fixtureCorpus().entities[0]!, facts: [{ text: 'x', articleId: 'a1', sentence: -1 }] }] },
      '$.entities[0].facts[0].sentence',
      'expected a non-negative integer',
    ],
    [
      { ...fixtureCorpus(), events: [{ ...fixtureCorpus().events[0]!, date: '2025-3' }] },
      '$.events[0].date',
      'expected YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [{ ...fixtureCorpus(), events: [{ ...fixtureCorpus().events[0]!, kind: 'rumour' }] }, '$.events[0].kind', 'unknown kind "rumour"'],
    [
      { ...fixtureCorpus(), events: [{ ...fixtureCorpus().events[0]!, season: 'monsoon' }] },
      '$.events[0].season',
      'unknown season "monsoon"',
    ],
    [{ ...fixtureCorpus(), stories: [fixtureCorpus().stories[0]!, fixtureCorpus().stories[0]!] }, '$.stories[1].id', 'duplicate id "s1"'],
  ])('says where %j is wrong', (data, path, message) => {
    const { corpus, problems } = validateCorpus(data);
    expect(corpus).toBeNull();
    expect(problems).toContainEqual({ path, message });
  });

  it('accepts the pipeline’s optional extras, and a plain schema-v1 corpus without them', () => {
    const c = fixtureCorpus();
    const a = c.articles[0]!;
    const full = {
      ...c,
      articles: [{ ...a, lead: null, storyId: 's1', keyPoints: [{ text: 'x', sentence: 0 }], sentences: [[0, 1]] }, ...c.articles.slice(1)],
      entities: [
        { ...c.entities[0]!, descriptions: [{ text: 'x', articleId: a.id, sentence: 0, kind: 'role' }], wikidata: null, mentionCount: 3 },
      ],
      events: [{ ...c.events[0]!, sources: [{ text: 'x', articleId: a.id, sentence: 0 }] }],
      stories: [
        {
          ...c.stories[0]!,
          lang: 'en',
          summaries: { en: [{ text: 'x', articleId: a.id, sentence: 0 }] },
          keyPoints: { en: [] },
          related: [{ storyId: 's2', score: 0.5, shared: ['e1'] }],
        },
      ],
    };
    expect(validateCorpus(full).problems).toEqual([]);
    expect(validateCorpus(c).problems).toEqual([]);
  });

  const body = 'First sentence here. Second one.\n\nA new paragraph.';
  const withArticle = (extra: Record<string, unknown>) => {
    const c = fixtureCorpus();
    return { ...c, articles: [{ ...c.articles[0]!, body, ...extra }] };
  };
  const withStory = (extra: Record<string, unknown>) => ({ ...fixtureCorpus(), stories: [{ ...fixtureCorpus().stories[0]!, ...extra }] });
  it.each([
    [withArticle({ sentences: 'x' }), '$.articles[0].sentences', 'expected an array'],
    [
      withArticle({ sentences: [[0, 999]] }),
      '$.articles[0].sentences[0]',
      'expected a span of the body after the previous one (body length 50)',
    ],
    [
      withArticle({ sentences: [[5, 2]] }),
      '$.articles[0].sentences[0]',
      'expected a span of the body after the previous one (body length 50)',
    ],
    [withArticle({ sentences: [[0, 21]] }), '$.articles[0].sentences[0]', 'expected a span without white space at its edges'],
    [
      withArticle({
        sentences: [
          [21, 32],
          [0, 20],
        ],
      }),
      '$.articles[0].sentences[1]',
      'expected a span of the body after the previous one (body length 50)',
    ],
    [withArticle({ sentences: [['0', 20]] }), '$.articles[0].sentences[0]', 'expected [start, end], two non-negative integers'],
    [withArticle({ storyId: 7 }), '$.articles[0].storyId', 'expected a string'],
    [withArticle({ lead: 7 }), '$.articles[0].lead', 'expected a string or null'],
    [withArticle({ keyPoints: [{ text: 'x', sentence: -1 }] }), '$.articles[0].keyPoints[0].sentence', 'expected a non-negative integer'],
    [
      { ...fixtureCorpus(), entities: [{ ...fixtureCorpus().entities[0]!, descriptions: [{ text: 'x', sentence: 0 }] }] },
      '$.entities[0].descriptions[0].articleId',
      'expected a string',
    ],
    [{ ...fixtureCorpus(), events: [{ ...fixtureCorpus().events[0]!, sources: [null] }] }, '$.events[0].sources[0]', 'expected an object'],
    [withStory({ lang: null }), '$.stories[0].lang', 'expected a string'],
    [withStory({ summaries: [] }), '$.stories[0].summaries', 'expected an object of language → array'],
    [
      withStory({ keyPoints: { sv: [{ text: 'x', articleId: 'a1' }] } }),
      '$.stories[0].keyPoints.sv[0].sentence',
      'expected a non-negative integer',
    ],
    [withStory({ related: ['s2'] }), '$.stories[0].related[0]', 'expected an object'],
    [withStory({ related: [{ storyId: 's2', score: '1', shared: [] }] }), '$.stories[0].related[0].score', 'expected a number'],
  ])('says where an optional extra is wrong (case %#)', (data, path, message) => {
    const { corpus, problems } = validateCorpus(data);
    expect(corpus).toBeNull();
    expect(problems).toContainEqual({ path, message });
  });

  it('caps the number of problems reported', () => {
    const bad = { ...emptyCorpus('b'), articles: Array.from({ length: 100 }, () => ({})) };
    expect(validateCorpus(bad, 10).problems).toHaveLength(10);
  });
});
