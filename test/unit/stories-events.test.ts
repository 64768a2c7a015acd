import { describe, expect, it } from 'vitest';
import { buildEvents, datesOverlap, type EventCandidate } from '../../src/corpus/events';
import { type StoryArticle, clusterStories } from '../../src/corpus/stories';

const art = (id: string, published: string, entities: Record<string, number>, words: string, lang = 'en', title = id): StoryArticle => ({
  id,
  title,
  lang,
  published,
  entities: new Map(Object.entries(entities)),
  words: words.split(' '),
});

describe('clusterStories', () => {
  const tidalEn = art(
    't-en',
    '2025-03-14',
    { tidewater: 3, harbour: 2, mayor: 1 },
    'tidal turbines harbour station power homes operator cod study',
  );
  const tidalSv = art('t-sv', '2025-03-16', { tidewater: 2, harbour: 1 }, 'tidvattenkraft hamnen turbiner station ström hem', 'sv');
  const tidalLater = art(
    't-later',
    '2025-09-01',
    { tidewater: 2, harbour: 1, regulator: 1 },
    'tidal station fined regulator turbines harbour',
  );
  const bikes = art('bikes', '2025-03-15', { council: 2 }, 'cykelbanor kusten kommunen budget', 'sv');
  const stories = clusterStories([tidalLater, bikes, tidalEn, tidalSv]);

  it('puts an English and a Swedish article about the same event in one story, by entity ids', () => {
    const s = stories.find((x) => x.articleIds.includes('t-en'));
    expect(s?.articleIds).toEqual(['t-en', 't-sv']);
    expect(s?.entities.slice(0, 2)).toEqual(['tidewater', 'harbour']);
  });

  it('keeps an unrelated article alone and links a later follow-up as a related story', () => {
    expect(stories.find((x) => x.articleIds.includes('bikes'))?.articleIds).toEqual(['bikes']);
    const first = stories.find((x) => x.articleIds.includes('t-en'))!;
    const later = stories.find((x) => x.articleIds.includes('t-later'))!;
    expect(later.id).not.toBe(first.id);
    expect(first.related.map((r) => r.storyId)).toContain(later.id);
    expect(first.related.find((r) => r.storyId === later.id)?.shared.sort()).toEqual(['harbour', 'tidewater']);
    expect(first.related.map((r) => r.storyId)).not.toContain(stories.find((x) => x.articleIds.includes('bikes'))!.id);
  });

  it('orders stories by date and names them stably', () => {
    expect(stories.map((s) => s.id)).toEqual(['story-t-en', 'story-bikes', 'story-t-later']);
  });

  it('handles no articles and one article', () => {
    expect(clusterStories([])).toEqual([]);
    expect(clusterStories([tidalEn]).map((s) => s.articleIds)).toEqual([['t-en']]);
  });
});

describe('buildEvents', () => {
  const c = (
    articleId: string,
    sentence: number,
    date: string,
    precision: EventCandidate['precision'],
    entities: string[],
    text = `${articleId} ${sentence}`,
  ): EventCandidate => ({
    articleId,
    sentence,
    text,
    date,
    precision,
    entities,
  });

  it('merges the same event reported by two articles and keeps both sources and the precise date', () => {
    const events = buildEvents([c('a', 1, '2025-06', 'month', ['meta', 'scale']), c('b', 4, '2025-06-13', 'day', ['scale', 'wang'])]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: '2025-06-13', precision: 'day', articleId: 'a', sentence: 1 });
    expect(events[0]!.sources.map((s) => `${s.articleId}#${s.sentence}`)).toEqual(['a#1', 'b#4']);
    expect(events[0]!.entities.sort()).toEqual(['meta', 'scale', 'wang']);
  });

  it('does not merge without a shared entity, across non-overlapping dates, or within one article', () => {
    expect(buildEvents([c('a', 1, '2025-06', 'month', ['x']), c('b', 1, '2025-06', 'month', ['y'])])).toHaveLength(2);
    expect(buildEvents([c('a', 1, '2025-06', 'month', ['x']), c('b', 1, '2025-07', 'month', ['x'])])).toHaveLength(2);
    expect(buildEvents([c('a', 1, '2025-06', 'month', ['x']), c('a', 2, '2025-06', 'month', ['x'])])).toHaveLength(2);
  });

  it('sorts by date and keeps season refinements', () => {
    const events = buildEvents([c('a', 2, '2025', 'year', []), { ...c('a', 0, '2025-06', 'season', []), season: 'summer' }]);
    expect(events.map((e) => e.date)).toEqual(['2025', '2025-06']);
    expect(events[1]).toMatchObject({ precision: 'season', season: 'summer' });
  });

  it('says which dates overlap', () => {
    expect(datesOverlap('2025', '2025-10-31')).toBe(true);
    expect(datesOverlap('2025-10', '2025-11')).toBe(false);
  });
});
