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
        events: [{ ...fixtureCorpus().events[0]!, season: 'summer', qualifier: 'late', span: 'quarter' }],
      }).problems,
    ).toEqual([]);
  });

  it.each([
    [null, '$', 'expected an object'],
    [{ ...emptyCorpus('b'), version: 2 }, '$.version', 'expected 1, got 2'],
    [{ ...emptyCorpus('b'), articles: {} }, '$.articles', 'expected an array'],
    [
      { ...fixtureCorpus(), articles: [{ ...fixtureCorpus().articles[0]!, published: '14 March 2025' }] },
      '$.articles[0].published',
      'expected YYYY-MM-DD',
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

  it('caps the number of problems reported', () => {
    const bad = { ...emptyCorpus('b'), articles: Array.from({ length: 100 }, () => ({})) };
    expect(validateCorpus(bad, 10).problems).toHaveLength(10);
  });
});
