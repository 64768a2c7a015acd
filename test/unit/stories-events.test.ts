import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzz } from './fuzz-helpers';
import { buildEvents, datesOverlap, type EventCandidate, leadSentence } from '../../src/corpus/events';
import { type StoryArticle, clusterStories } from '../../src/corpus/stories';

const art = (
  id: string,
  published: string | null,
  entities: Record<string, number>,
  words: string,
  lang = 'en',
  title = id,
): StoryArticle => ({
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

  it('clusters exactly as comparing every pair of articles would (similar pairs found through inverted lists)', () => {
    // The reference: every pair's similarity, single linkage, the most central title, related by the best pair.
    const reference = (arts: readonly StoryArticle[]) => {
      const idf = (docs: ReadonlyMap<string, number>[]) => {
        const df = new Map<string, number>();
        for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
        return new Map([...df].map(([k, c]) => [k, Math.log(1 + (docs.length + 1) / c)]));
      };
      const tf = (c: ReadonlyMap<string, number>, w: ReadonlyMap<string, number>) =>
        new Map([...c].map(([k, x]) => [k, (1 + Math.log(x)) * (w.get(k) ?? 0)]));
      const cos = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => {
        let dot = 0;
        for (const [k, x] of a) dot += x * (b.get(k) ?? 0);
        const na = Math.hypot(...a.values());
        const nb = Math.hypot(...b.values());
        return na === 0 || nb === 0 ? 0 : dot / (na * nb);
      };
      const wc = arts.map((a) => {
        const m = new Map<string, number>();
        for (const w of a.words) m.set(w, (m.get(w) ?? 0) + 1);
        return m;
      });
      const ei = idf(arts.map((a) => a.entities));
      const wi = idf(wc);
      // Symmetric, as one computation per pair is: sim(i, j) is sim(j, i) to the last bit.
      const sim = (x: number, y: number) => {
        const [i, j] = x < y ? [x, y] : [y, x];
        const t = (x: StoryArticle) => (x.published ? Date.parse(`${x.published}T00:00:00Z`) : NaN);
        const days = Math.abs(t(arts[i]!) - t(arts[j]!)) / 86_400_000;
        const close = Number.isFinite(days) ? Math.pow(0.5, days / 21) : 0.5;
        const e = cos(tf(arts[i]!.entities, ei), tf(arts[j]!.entities, ei));
        const l = cos(tf(wc[i]!, wi), tf(wc[j]!, wi));
        return (0.65 * e + 0.35 * l) * (0.35 + 0.65 * close);
      };
      const group = arts.map((_, i) => i);
      const root = (i: number): number => (group[i] === i ? i : root(group[i]!));
      for (let i = 0; i < arts.length; i++) for (let j = i + 1; j < arts.length; j++) if (sim(i, j) >= 0.3) group[root(i)] = root(j);
      const by = new Map<number, number[]>();
      arts.forEach((_, i) => by.set(root(i), [...(by.get(root(i)) ?? []), i]));
      const date = (x: number, y: number) => (arts[x]!.published ?? '').localeCompare(arts[y]!.published ?? '') || x - y;
      const members = [...by.values()].map((g) => g.sort(date)).sort((g, h) => date(g[0]!, h[0]!));
      return members.map((g, s) => {
        const central = (i: number) => g.reduce((sum, j) => sum + (i === j ? 0 : sim(i, j)), 0);
        const title = arts[g.reduce((b, i) => (central(i) > central(b) ? i : b), g[0]!)]!.title;
        const related = members
          .map((h, t) => ({ t, best: Math.max(...g.flatMap((i) => h.map((j) => sim(i, j)))) }))
          .filter(({ t, best }) => t !== s && best >= 0.08)
          .map(({ t, best }) => ({ story: arts[members[t]![0]!]!.id, score: best }))
          .sort((x, y) => x.story.localeCompare(y.story));
        return { ids: g.map((i) => arts[i]!.id), title, related };
      });
    };
    const names = ['tidewater', 'harbour', 'mayor', 'council', 'meta', 'scale'];
    const vocabulary = ['tidal', 'station', 'budget', 'strike', 'turbine', 'harbour', 'cod', 'ferry', 'bridge', 'vote'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
            entities: fc.dictionary(fc.constantFrom(...names), fc.integer({ min: 1, max: 4 }), { maxKeys: 3 }),
            words: fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }),
          }),
          { maxLength: 14 },
        ),
        (raw) => {
          const arts = raw.map((r, i) =>
            art(
              `a${i}`,
              r.day === null ? null : new Date(Date.UTC(2025, 0, r.day)).toISOString().slice(0, 10),
              r.entities,
              r.words.join(' '),
              'en',
              `title ${i}`,
            ),
          );
          const got = clusterStories(arts).map((s) => ({
            ids: s.articleIds,
            title: s.title,
            related: s.related
              .map((r) => ({ story: r.storyId.slice('story-'.length), score: r.score }))
              .sort((x, y) => x.story.localeCompare(y.story)),
          }));
          const want = reference(arts);
          expect(got.map(({ ids, title, related }) => ({ ids, title, related: related.map((r) => r.story) }))).toEqual(
            want.map(({ ids, title, related }) => ({ ids, title, related: related.map((r) => r.story) })),
          );
          // Scores are rounded to three decimals; sums taken in another order differ in the last bits.
          got.forEach((g, i) =>
            g.related.forEach((r, k) => expect(Math.abs(r.score - (want[i]?.related[k]?.score ?? NaN))).toBeLessThan(0.0006)),
          );
        },
      ),
      {
        ...fuzz('stories/cluster', 300),
        examples: [
          // Two related scores that round apart (0.158 / 0.157) when summed in another order.
          [
            [
              { day: null, entities: {}, words: ['turbine'] },
              { day: null, entities: {}, words: ['turbine', 'budget', 'station'] },
              { day: null, entities: {}, words: ['station', 'tidal', 'budget'] },
              { day: null, entities: {}, words: ['tidal'] },
            ],
          ],
          [
            [
              { day: null, entities: {}, words: [] },
              { day: null, entities: {}, words: ['tidal'] },
              { day: null, entities: {}, words: ['station'] },
              { day: 1, entities: { tidewater: 1 }, words: ['turbine', 'station', 'tidal', 'harbour'] },
              { day: null, entities: {}, words: ['tidal'] },
              { day: null, entities: { tidewater: 1 }, words: ['station', 'tidal', 'turbine', 'ferry', 'turbine'] },
              { day: null, entities: {}, words: ['station', 'harbour'] },
              { day: null, entities: {}, words: [] },
            ],
          ],
        ],
      },
    );
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

describe('leadSentence: the sentence that says what happened', () => {
  const lead = (title: string, sentences: string[], entities: Record<number, string[]> = {}, background: number[] = [], lang = 'en') => {
    const counts = new Map<string, number>();
    for (const list of Object.values(entities)) for (const e of list) counts.set(e, (counts.get(e) ?? 0) + 1);
    return leadSentence({
      title,
      lang,
      sentences,
      entitiesIn: (i) => entities[i] ?? [],
      entityCounts: counts,
      background: (i) => background.includes(i),
    });
  };

  it('passes over a scene-setting opener for the sentence with the headline’s distinctive words', () => {
    const sentences = [
      'It has been a turbulent autumn at the harbour authority in Tidewater.',
      'The harbour authority runs the docks, the ferries and the harbour station.',
      'Its chief engineer Mara Lind will resign to found her own turbine company, the authority confirmed.',
      'The harbour authority has had three chiefs in five years.',
    ];
    const entities = { 0: ['tidewater'], 1: ['tidewater'], 2: ['mara-lind', 'tidewater'], 3: ['tidewater'] };
    expect(lead('Tidewater harbour loses its engineer: Lind resigns', sentences, entities)).toBe(2);
  });

  it('takes the first sentence when it carries the news, as most leads do', () => {
    const sentences = [
      'Northwind Energy has bought the turbine maker Ventus for 2 billion euros, the companies said on Monday.',
      'The deal makes Northwind the largest turbine owner on the coast.',
      'Ventus was founded in a garage in Aalborg.',
    ];
    expect(
      lead('Northwind buys Ventus for 2 billion euros', sentences, { 0: ['northwind', 'ventus'], 1: ['northwind'], 2: ['ventus'] }),
    ).toBe(0);
  });

  it('never takes background (a sentence dated well before publication), a heading or a fragment', () => {
    const sentences = [
      'Ventus buys Northwind',
      'In 2013 Ventus first tried to buy Northwind, the turbine maker, and failed.',
      'Now Ventus has agreed to buy Northwind for 3 billion euros, both boards said.',
    ];
    expect(lead('Ventus buys Northwind', sentences, { 1: ['ventus', 'northwind'], 2: ['ventus', 'northwind'] }, [1])).toBe(2);
    expect(lead('Title', ['Too short.', 'A question is not the news, is it?'])).toBeNull();
    // A feature that opens with a scene sharing nothing with its headline has no news to date.
    expect(lead('Spiced pear jam for the holidays', ['This season, give the gift of something homemade to everyone.'])).toBeNull();
  });

  it('works in other languages through their function words', () => {
    const sentences = [
      'Det har varit en orolig höst på hamnbolaget i Tidewater.',
      'Bolagets chefsingenjör Mara Lind lämnar nu hamnbolaget för att starta ett eget turbinföretag, bekräftar bolaget.',
    ];
    expect(lead('Chefsingenjören lämnar hamnbolaget', sentences, { 0: ['tidewater'], 1: ['mara-lind'] }, [], 'sv')).toBe(1);
  });
});

describe('buildEvents: the news and the background', () => {
  const cand = (over: Partial<EventCandidate>): EventCandidate => ({
    articleId: 'a',
    sentence: 0,
    text: 't',
    date: '2025-06-13',
    precision: 'day',
    entities: ['meta'],
    ...over,
  });

  it('keeps an article’s news apart from a coarser background date in another article', () => {
    const events = buildEvents([
      cand({ articleId: 'a', sentence: 3, date: '2025', precision: 'year', text: 'During the year Meta shifted focus.' }),
      cand({ articleId: 'b', sentence: 0, kind: 'report', text: 'Meta has announced an investment in Scale.' }),
    ]);
    expect(events.map((e) => [e.date, e.kind ?? '', e.sources.length])).toEqual([
      ['2025', '', 1],
      ['2025-06-13', 'report', 1],
    ]);
  });

  it('merges the same day’s news from two outlets, and a background mention of that very day', () => {
    const events = buildEvents([
      cand({ articleId: 'a', kind: 'report', text: 'Meta invests in Scale.' }),
      cand({ articleId: 'b', kind: 'report', text: 'Meta buys into Scale.' }),
      cand({ articleId: 'c', sentence: 5, text: 'On June 13, 2025, Meta bought into Scale.' }),
      cand({ articleId: 'd', kind: 'report', entities: ['ventus'], text: 'Ventus is sold.' }),
    ]);
    expect(events.map((e) => [e.kind ?? '', e.sources.map((s) => s.articleId)])).toEqual([
      ['report', ['a', 'b', 'c']],
      ['report', ['d']],
    ]);
  });

  it('lets an article’s news lead an event that another article only mentioned', () => {
    const [e, ...rest] = buildEvents([
      cand({ articleId: 'c', sentence: 5, text: 'On June 13, 2025, Meta bought into Scale.' }),
      cand({ articleId: 'a', sentence: 0, kind: 'report', text: 'Meta invests in Scale.' }),
    ]);
    expect(rest).toEqual([]);
    expect([e?.kind, e?.articleId, e?.sentence, e?.text, e?.sources.map((s) => s.articleId)]).toEqual([
      'report',
      'a',
      0,
      'Meta invests in Scale.',
      ['a', 'c'],
    ]);
  });

  it('merges exactly as comparing every event with every earlier one would (the index changes no result)', () => {
    // The reference: the first earlier event with an overlapping date (the same day for news), a
    // shared entity, from another article.
    const naive = (cs: readonly EventCandidate[]) => {
      const out: { date: string; articles: string[]; entities: string[]; report: boolean; precision: string }[] = [];
      const seen = new Set<string>();
      for (const c of cs) {
        const key = `${c.articleId}#${c.sentence}#${c.date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const same = out.find(
          (e) =>
            (e.report || c.kind === 'report'
              ? e.date === c.date && e.precision === 'day' && c.precision === 'day'
              : datesOverlap(e.date, c.date)) &&
            !e.articles.includes(c.articleId) &&
            c.entities.some((x) => e.entities.includes(x)),
        );
        if (same) {
          if (c.kind === 'report' && !same.report) same.articles.unshift(c.articleId);
          else same.articles.push(c.articleId);
          same.entities = [...new Set([...same.entities, ...c.entities])];
          same.report ||= c.kind === 'report';
          const rank = { day: 0, month: 1, season: 2, approximate: 3, year: 4 } as const;
          if (rank[c.precision] < rank[same.precision as keyof typeof rank]) [same.date, same.precision] = [c.date, c.precision];
        } else
          out.push({
            date: c.date,
            articles: [c.articleId],
            entities: [...new Set(c.entities)],
            report: c.kind === 'report',
            precision: c.precision,
          });
      }
      return out.map((e) => `${e.date}|${e.articles.join(',')}|${e.report}`).sort();
    };
    const dates = ['2024', '2024-05', '2024-05-02', '2024-05-09', '2025', '2025-06', '2025-06-13'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            article: fc.integer({ min: 0, max: 6 }),
            sentence: fc.integer({ min: 0, max: 3 }),
            date: fc.constantFrom(...dates),
            entities: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }),
            report: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (raw) => {
          const cs = raw.map((r) =>
            cand({
              articleId: `x${r.article}`,
              sentence: r.sentence,
              date: r.date,
              precision: r.date.length === 10 ? 'day' : r.date.length === 7 ? 'month' : 'year',
              entities: r.entities,
              ...(r.report && r.date.length === 10 ? { kind: 'report' as const } : {}),
            }),
          );
          const got = buildEvents(cs)
            .map((e) => `${e.date}|${e.sources.map((s) => s.articleId).join(',')}|${e.kind === 'report'}`)
            .sort();
          expect(got).toEqual(naive(cs));
        },
      ),
      fuzz('events/merge', 300),
    );
  });
});
