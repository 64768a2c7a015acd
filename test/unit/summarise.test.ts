import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentWords, keyPoints, scoreSentences, summarise } from '../../src/corpus/summarise';

const article = [
  'Kommunen har beslutat att bygga ut cykelbanorna längs kusten under de kommande tre åren.',
  'Enligt planen ska det finnas en sammanhängande cykelbana från hamnen till badplatsen i norr.',
  'Nya cykelbanor',
  'Kostnaden för cykelbanorna beräknas till 40 miljoner kronor, och kommunen tar pengarna ur budgeten för gator.',
  'Kritiker menar att kostnaden för cykelbanorna har blivit för hög och att andra satsningar borde gå före.',
  'Kritiker menar att kostnaden för cykelbanorna har blivit för hög, och att andra satsningar borde gå före.',
  'Vädret var fint när beslutet fattades.',
  'Arbetet med den första delen av cykelbanan börjar redan i vår, vid hamnen.',
].map((text) => ({ text }));

describe('summarise', () => {
  it('returns sentences of the text, in their original order', () => {
    const s = summarise(article, 'sv', 3);
    expect(s).toHaveLength(3);
    expect(s.map((x) => x.index)).toEqual([...s.map((x) => x.index)].sort((a, b) => a - b));
    for (const x of s) expect(x.text).toBe(article[x.index]!.text);
    expect(s[0]!.index).toBe(0); // the lead carries the news
  });

  it('never picks a heading, and never both of two near-identical sentences', () => {
    const picked = summarise(article, 'sv', 5).map((x) => x.index);
    expect(picked).not.toContain(2);
    expect(picked.includes(4) && picked.includes(5)).toBe(false);
  });

  it('prefers central sentences over an off-topic one', () => {
    expect(summarise(article, 'sv', 3).map((x) => x.index)).not.toContain(6);
  });

  it('gives 3 to 5 key points, best first', () => {
    expect(keyPoints(article, 'sv', 1)).toHaveLength(3);
    const points = keyPoints(article, 'sv', 9);
    expect(points).toHaveLength(5);
    expect(points[0]!.score).toBeGreaterThan(0);
  });

  it('picks key points that add to the summary, unless the text is too short to', () => {
    const summary = new Set(summarise(article, 'sv', 3).map((x) => x.index));
    const points = keyPoints(article, 'sv', 5, summary);
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const p of points) expect(summary.has(p.index)).toBe(false);
    // Three sentences, all in the summary: the key points may repeat them rather than be fewer than 3.
    const tiny = article.slice(0, 3);
    expect(keyPoints(tiny, 'sv', 5, new Set([0, 1, 2]))).toHaveLength(3);
  });

  it('copes with empty and tiny inputs', () => {
    expect(summarise([], 'en')).toEqual([]);
    expect(summarise([{ text: 'Only one sentence here, about tidal power.' }], 'en').map((x) => x.index)).toEqual([0]);
  });
});

/**
 * Counts the entries every Map iteration visits while `fn` runs (for…of, entries, keys, values,
 * forEach, spread): the summariser's work is its visits to term vectors, so this is its operation
 * count, independent of the machine's speed.
 */
function mapVisits(fn: () => void): number {
  let visits = 0;
  const proto = Map.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const counted = (name: string | symbol) => {
    const original = proto[name]!;
    vi.spyOn(proto, name as never).mockImplementation(function (this: Map<unknown, unknown>, ...args: unknown[]) {
      const it = original.apply(this, args) as Iterator<unknown>;
      const next = it.next.bind(it);
      return Object.assign(it, {
        next: () => {
          const r = next();
          if (!r.done) visits++;
          return r;
        },
      });
    } as never);
  };
  for (const name of ['entries', 'keys', 'values', Symbol.iterator]) counted(name);
  try {
    fn();
  } finally {
    vi.restoreAllMocks();
  }
  return visits;
}

describe('the summariser on long texts', () => {
  afterEach(() => vi.restoreAllMocks());
  /** `n` sentences, each with words of its own (the centroid grows with the text, as on a real page of varied text). */
  const distinct = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ text: `Alpha${i} bravo${i} charlie${i} delta${i} echo${i} foxtrot${i}.` }));

  it('counts the visits (the probe can see the work)', () => {
    const m = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(mapVisits(() => [...m.values()])).toBe(2);
    expect(mapVisits(() => scoreSentences(distinct(100), 'en'))).toBeGreaterThan(100 * 6);
  });

  it('scores sentences in time linear in the text: 4× the sentences is about 4× the work, not 16×', () => {
    const small = mapVisits(() => scoreSentences(distinct(500), 'en'));
    const big = mapVisits(() => scoreSentences(distinct(2000), 'en'));
    // Comparing every sentence with the centroid's full length made this ratio ~16 (quadratic).
    expect(big / small).toBeLessThan(5);
  });

  it('summarises and picks key points from 150,000 sentences without spreading them into arguments', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => ({ text: `Story alpha${i % 50} beta${i % 37} gamma${i % 23} tells of tide.` }));
    expect(summarise(many, 'en', 3)).toHaveLength(3);
    expect(keyPoints(many, 'en', 5)).toHaveLength(5);
  });
});

describe('contentWords', () => {
  it('drops function words, numbers and single letters, keeps inflected names', () => {
    expect(contentWords('Meta betalade 14 miljarder för Scale AI:s aktier och i år', 'sv')).toEqual([
      'meta',
      'betalade',
      'miljarder',
      'scale',
      'ai:s',
      'aktier',
      'år',
    ]);
  });
});
