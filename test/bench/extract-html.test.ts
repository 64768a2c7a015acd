/**
 * The article-extraction regression benchmark: extractHtml on the 88 pages of
 * ../shared/bench/declutter (scored by its README's rule), with Readability.js alone measured
 * side by side in the same run. Prints the table and the five worst pages; the asserted figures
 * are floors just under what the extractor achieves, so any regression fails.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { ExtractionError } from '../../src/corpus/types';
import { benchAvailable, loadBenchPages } from './pages';
import { type PageScore, scorePage, summarise } from './score';

const f1 = (s: { precision: number; recall: number }) =>
  s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
const fmt = (x: number) => x.toFixed(3);

describe.skipIf(!benchAvailable())('article extraction benchmark (88 pages)', () => {
  it('beats Readability.js alone and stays above its floors', { timeout: 120_000 }, () => {
    const pages = loadBenchPages();
    const started = Date.now();
    let titles = 0;
    let dates = 0;
    const ours: (PageScore & { id: string; url: string })[] = [];
    for (const p of pages) {
      let body = '';
      try {
        const a = extractHtml(parseHTML(p.html).document, { url: p.url, name: p.id });
        body = a.body;
        if (a.title) titles++;
        if (a.published) dates++;
      } catch (e) {
        if (!(e instanceof ExtractionError)) throw e;
      }
      ours.push({ id: p.id, url: p.url, ...scorePage(body, p.truth) });
    }
    const ourTime = Date.now() - started;
    const readability = pages.map((p) => {
      const r = new Readability(parseHTML(p.html).document).parse();
      return scorePage(r?.textContent ?? '', p.truth);
    });
    const o = summarise(ours);
    const r = summarise(readability);
    // The halves the rules were tuned on (page ids 0-3) and checked on (4-7).
    const half = (tuned: boolean) => summarise(ours.filter((x) => /^[0-3]/.test(x.id) === tuned));
    const [tuned, other] = [half(true), half(false)];

    const worst = [...ours].sort((a, b) => f1(a) - f1(b)).slice(0, 5);
    console.log(
      [
        `article extraction, ${pages.length} pages (4-word shingles, means over pages)`,
        '| extractor                         | precision | recall | F1    |',
        '| --------------------------------- | --------- | ------ | ----- |',
        `| extractHtml (ours)                | ${fmt(o.precision)}     | ${fmt(o.recall)}  | ${fmt(o.f1)} |`,
        `| Readability.js 0.6.0 alone        | ${fmt(r.precision)}     | ${fmt(r.recall)}  | ${fmt(r.f1)} |`,
        `| ours, ids 0-3 (tuned)             | ${fmt(tuned.precision)}     | ${fmt(tuned.recall)}  | ${fmt(tuned.f1)} |`,
        `| ours, ids 4-7                     | ${fmt(other.precision)}     | ${fmt(other.recall)}  | ${fmt(other.f1)} |`,
        `ours: ${ourTime} ms for ${pages.length} pages; titles ${titles}/${pages.length}, dates ${dates}/${pages.length}`,
        'worst pages (ours):',
        ...worst.map((w) => `  ${w.id.slice(0, 12)}  P ${fmt(w.precision)}  R ${fmt(w.recall)}  F1 ${fmt(f1(w))}  ${w.url}`),
      ].join('\n'),
    );

    // Readability measured here is the README's published figure: the comparison is like for like.
    expect(r.f1).toBeCloseTo(0.951, 2);
    // The target, and floors 0.005 under the achieved figures (P 0.988, R 0.980, F1 0.984).
    expect(o.f1).toBeGreaterThanOrEqual(0.97);
    expect(o.f1).toBeGreaterThanOrEqual(0.979);
    expect(o.precision).toBeGreaterThanOrEqual(0.983);
    expect(o.recall).toBeGreaterThanOrEqual(0.975);
    expect(o.precision).toBeGreaterThan(r.precision);
    // No page collapses: the worst page keeps a usable share of its article.
    expect(f1(worst[0] ?? { precision: 0, recall: 0 })).toBeGreaterThan(0.6);
    // Metadata found on real pages (floors under today's counts).
    expect(titles).toBe(pages.length);
    expect(dates).toBeGreaterThanOrEqual(87);
  });
});
