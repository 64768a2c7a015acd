/** Sanity of the scoring and of the bench data: the whole visible page scores like the README says. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { benchAvailable, loadBenchPages } from './pages';
import { scorePage, summarise } from './score';

describe('scoring rule', () => {
  it('scores identical text 1/1 and disjoint text 0/0', () => {
    expect(scorePage('a b c d e', 'a b c d e')).toMatchObject({ precision: 1, recall: 1 });
    expect(scorePage('a b c d', 'w x y z')).toMatchObject({ precision: 0, recall: 0 });
    expect(scorePage('a b c d e f', 'a b c d')).toMatchObject({ precision: 1 / 3, recall: 1 });
  });
  it('counts shingles as a multiset', () => {
    expect(scorePage('a b c d a b c d', 'a b c d')).toMatchObject({ tp: 1, fp: 4 });
  });
});

describe.skipIf(!benchAvailable())('bench pages', () => {
  it('has 88 pages, and the untouched page text scores near the published baseline', () => {
    const pages = loadBenchPages();
    expect(pages).toHaveLength(88);
    const s = summarise(
      pages.map((p) => {
        const { document } = parseHTML(p.html);
        for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
        return scorePage(document.body.textContent, p.truth);
      }),
    );
    // README: all visible text scores precision 0.522, recall 0.994 (textContent also keeps hidden text).
    expect(s.recall).toBeGreaterThan(0.95);
    expect(s.precision).toBeLessThan(0.6);
  });
});
