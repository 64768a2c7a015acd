/** The one month-name table (src/core/dates/months.ts) shared by the temporal rules and the corpus date finders. */
import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, monthEntries } from '../../../src/core/dates/months';
import { normaliseDate } from '../../../src/corpus/html/dates';
import { findDates } from '../../../src/corpus/text/dates';

describe('MONTH_NAMES', () => {
  it('has twelve months with at least one name in every language', () => {
    for (const [lang, months] of Object.entries(MONTH_NAMES)) {
      expect(months, lang).toHaveLength(12);
      for (const [names] of months) expect(names.length, lang).toBeGreaterThan(0);
    }
  });

  it('never gives one spelling two months', () => {
    const seen = new Map<string, number>();
    for (const [name, month] of monthEntries(Object.keys(MONTH_NAMES) as (keyof typeof MONTH_NAMES)[])) {
      expect(seen.get(name) ?? month, name).toBe(month);
      seen.set(name, month);
    }
  });

  it('feeds both corpus date finders', () => {
    expect(normaliseDate('19 novembre 2019')).toBe('2019-11-19');
    expect(normaliseDate('3. März 2024')).toBe('2024-03-03');
    expect(findDates('Am 3. Maerz 2024 und am 4. Feber 2025').map((d) => d.iso)).toEqual(['2024-03-03', '2025-02-04']);
    expect(findDates('24 сентября 2018').map((d) => d.iso)).toEqual(['2018-09-24']);
  });
});
