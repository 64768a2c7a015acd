/**
 * The publication-date benchmark: extractHtml's `published` on the 88 pages of
 * ../shared/bench/declutter, scored against ../shared/bench/dates/dates-gold.json by its README's
 * rule (right when it equals `date` or one of `also`; missing when null; wrong otherwise; false
 * when the gold is null and a date came back). Prints accuracy and counts for all pages and for
 * each half (the tune half, ids 0-3, and the confirm half, ids 4-7) and every wrong or missing
 * page; the asserted figures are floors just under what the finder achieves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { declaredDate, readMeta } from '../../src/corpus/html/meta';
import { ExtractionError } from '../../src/corpus/types';
import { benchAvailable, loadBenchPages } from './pages';

const DATES_DIR = fileURLToPath(new URL('../../../shared/bench/dates/', import.meta.url));

interface Gold {
  date: string | null;
  also?: string[];
  source: string;
  note?: string;
}

type Outcome = 'right' | 'wrong' | 'missing' | 'false';

/** The README's rule. */
export function scoreDate(predicted: string | null, gold: Gold): Outcome {
  const p = predicted ? predicted.slice(0, 10) : null;
  if (gold.date === null) return p === null ? 'right' : 'false';
  if (p === null) return 'missing';
  return p === gold.date || (gold.also ?? []).includes(p) ? 'right' : 'wrong';
}

interface Tally {
  pages: number;
  right: number;
  wrong: number;
  missing: number;
  false: number;
}

function tally(rows: readonly { outcome: Outcome }[]): Tally {
  const t: Tally = { pages: rows.length, right: 0, wrong: 0, missing: 0, false: 0 };
  for (const r of rows) t[r.outcome]++;
  return t;
}

const pct = (t: Tally) => (t.pages ? (100 * t.right) / t.pages : 0);
const line = (name: string, t: Tally) =>
  `| ${name.padEnd(12)} | ${String(t.pages).padStart(5)} | ${String(t.right).padStart(5)} | ${pct(t).toFixed(1).padStart(6)}% | ${String(t.wrong).padStart(5)} | ${String(t.missing).padStart(7)} | ${String(t.false).padStart(5)} |`;

const available = benchAvailable() && existsSync(join(DATES_DIR, 'dates-gold.json'));

describe('the README scoring rule', () => {
  it('counts also-dates as right, null as missing, anything on a null gold as false', () => {
    expect(scoreDate('2019-11-18', { date: '2019-11-18', source: 'url' })).toBe('right');
    expect(scoreDate('2019-11-19', { date: '2019-11-18', also: ['2019-11-19'], source: 'url' })).toBe('right');
    expect(scoreDate('2019-11-20', { date: '2019-11-18', also: ['2019-11-19'], source: 'url' })).toBe('wrong');
    expect(scoreDate(null, { date: '2019-11-18', source: 'url' })).toBe('missing');
    expect(scoreDate('2019-11-18', { date: null, source: 'none' })).toBe('false');
    expect(scoreDate(null, { date: null, source: 'none' })).toBe('right');
  });
});

describe.skipIf(!available)('publication-date benchmark (88 pages)', () => {
  it('finds the original publication date on nearly every page, on both halves', { timeout: 120_000 }, () => {
    const gold = JSON.parse(readFileSync(join(DATES_DIR, 'dates-gold.json'), 'utf8')) as Record<string, Gold>;
    const pages = loadBenchPages();
    const started = Date.now();
    const rows = pages.map((p) => {
      const g = gold[p.id];
      if (!g) throw new Error(`no gold date for ${p.id}`);
      let predicted: string | null = null;
      try {
        predicted = extractHtml(parseHTML(p.html).document, { url: p.url, name: p.id }).published;
      } catch (e) {
        if (!(e instanceof ExtractionError)) throw e;
      }
      return { id: p.id, url: p.url, predicted, gold: g, outcome: scoreDate(predicted, g) };
    });
    const ms = Date.now() - started;
    const all = tally(rows);
    const tune = tally(rows.filter((r) => /^[0-3]/.test(r.id)));
    const confirm = tally(rows.filter((r) => /^[4-7]/.test(r.id)));
    const bad = rows.filter((r) => r.outcome !== 'right');
    console.log(
      [
        `publication dates, ${pages.length} pages (${ms} ms, extractHtml end to end)`,
        '| pages        | count | right | accuracy | wrong | missing | false |',
        '| ------------ | ----- | ----- | -------- | ----- | ------- | ----- |',
        line('all', all),
        line('tune 0-3', tune),
        line('confirm 4-7', confirm),
        ...(bad.length ? ['not right:'] : []),
        ...bad.map(
          (r) =>
            `  ${r.outcome.padEnd(7)} ${r.id.slice(0, 8)}  got ${r.predicted ?? 'null'}, gold ${r.gold.date ?? 'null'}${
              r.gold.also?.length ? ` (also ${r.gold.also.join(', ')})` : ''
            } [${r.gold.source}]  ${r.url}`,
        ),
      ].join('\n'),
    );

    expect(all.pages).toBe(88);
    expect(all.false).toBe(0);
    // The target (97 %) on both halves, and floors at the achieved figures (all 87/88, tune 45/45,
    // confirm 42/43; the one miss shows "November 20" with no year and no other date anywhere).
    // A wrong date is worse than none: none is asserted.
    expect(all.wrong).toBe(0);
    expect(pct(all)).toBeGreaterThanOrEqual(98.8);
    expect(pct(tune)).toBeGreaterThanOrEqual(97);
    expect(pct(confirm)).toBeGreaterThanOrEqual(97);
  });
});

describe.skipIf(!benchAvailable())('the content script’s date (88 pages)', () => {
  it('is what readMeta declares, read alone (declaredDate)', { timeout: 120_000 }, () => {
    let dated = 0;
    for (const p of loadBenchPages()) {
      const doc = parseHTML(p.html).document;
      const alone = declaredDate(doc);
      expect(alone, p.id).toBe(readMeta(doc, { url: p.url }).published);
      if (alone !== null) dated++;
    }
    // Most saved news pages declare their date in machine form.
    expect(dated).toBeGreaterThan(40);
  });
});
