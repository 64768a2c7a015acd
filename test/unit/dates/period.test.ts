/** Timeline order: the period a date denotes (src/core/dates/period.ts). */
import { describe, expect, it } from 'vitest';
import { compareTemporal, sortTemporal, temporalPeriod } from '../../../src/core/dates/period';
import type { TemporalValue } from '../../../src/core/dates/types';

describe('temporalPeriod and compareTemporal (timeline order)', () => {
  /** The period as "first day +length". */
  const period = (v: TemporalValue) => {
    const p = temporalPeriod(v);
    return p && `${new Date(p.start * 86_400_000).toISOString().slice(0, 10)} +${p.days}`;
  };

  it.each<[TemporalValue, string | null]>([
    [{ date: '2025-06-13', precision: 'day' }, '2025-06-13 +1'],
    [{ date: '2025-10-21', precision: 'approximate', qualifier: 'about' }, '2025-10-21 +3'],
    [{ date: '2025-10', precision: 'month' }, '2025-10-01 +30'],
    [{ date: '2025-10', precision: 'month', qualifier: 'early' }, '2025-10-01 +10'],
    [{ date: '2025-10', precision: 'month', qualifier: 'mid' }, '2025-10-11 +10'],
    [{ date: '2025-10', precision: 'month', qualifier: 'late' }, '2025-10-21 +10'],
    [{ date: '2025', precision: 'year' }, '2025-01-01 +365'],
    [{ date: '2025', precision: 'year', qualifier: 'late' }, '2025-09-01 +122'],
    [{ date: '2025', precision: 'approximate', qualifier: 'about' }, '2025-01-01 +365'],
    [{ date: '2025-07', precision: 'season', season: 'summer' }, '2025-06-01 +91'],
    [{ date: '2025-07', precision: 'season', season: 'summer', qualifier: 'late' }, '2025-08-01 +30'],
    [{ date: '2025-01', precision: 'season', season: 'winter' }, '2024-12-01 +91'],
    [{ date: '2025-08', precision: 'approximate', span: 'quarter' }, '2025-07-01 +91'],
    [{ date: '2025-11-06', precision: 'approximate', span: 'week' }, '2025-11-03 +7'],
    [{ date: '2025', precision: 'approximate', span: 'decade' }, '2020-01-01 +3652'],
    [{ date: '2018', precision: 'approximate', span: 'decade', qualifier: 'late' }, '2017-01-01 +1096'],
    [{ date: 'sometime', precision: 'year' }, null],
    [{ date: '2025-13', precision: 'month' }, null],
    [{ date: '2025-02-30', precision: 'day' }, null],
  ])('%j → %s', (value, expected) => {
    expect(period(value)).toBe(expected);
  });

  it('orders by where the period starts, the coarser first on the same start, unreadable dates last', () => {
    const values: TemporalValue[] = [
      { date: 'later', precision: 'year' },
      { date: '2025-10-21', precision: 'approximate', qualifier: 'about' },
      { date: '2025-10', precision: 'month', qualifier: 'late' },
      { date: '2025-07', precision: 'season', season: 'summer' },
      { date: '2025-06-01', precision: 'day' },
      { date: '2025-06', precision: 'month' },
      { date: '2025', precision: 'year' },
      { date: '2025-01', precision: 'month' },
      { date: '2025-01', precision: 'season', season: 'winter' },
      { date: '2013', precision: 'year' },
    ];
    expect([...values].sort(compareTemporal).map((v) => `${v.date}${v.qualifier ? ` ${v.qualifier}` : ''}`)).toEqual([
      '2013',
      '2025-01', // winter 2024/25, from December 2024
      '2025',
      '2025-01',
      '2025-07', // summer, June and June 1st all start on June 1st: the longest first
      '2025-06',
      '2025-06-01',
      '2025-10 late',
      '2025-10-21 about',
      'later',
    ]);
    // sortTemporal gives the same order (each period worked out once), ties by the given order, input untouched.
    const label = (v: TemporalValue) => `${v.date}|${v.precision}|${v.qualifier ?? ''}`;
    const tie = (a: TemporalValue, b: TemporalValue) => label(a).localeCompare(label(b));
    const reversed = [...values].reverse();
    expect(sortTemporal(reversed, tie)).toEqual([...values].sort((a, b) => compareTemporal(a, b) || tie(a, b)));
    expect(reversed[0]).toEqual(values.at(-1));
  });
});
