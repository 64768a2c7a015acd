/**
 * Date labels (src/core/dates/labels.ts) with the real messages.json: the UI language governs the
 * words. German has no UI locale, so a German browser gets the default (English) messages and
 * German Intl dates, as in the extension itself.
 */
import { describe, expect, it } from 'vitest';
import { formatTemporal } from '../../../src/core/dates/labels';
import { findTemporalExpressions } from '../../../src/core/dates/match';
import type { TemporalValue } from '../../../src/core/dates/types';
import { locale } from './locale';

const SV = '2025-11-11';

describe('formatTemporal', () => {
  it.each<[TemporalValue, string, string]>([
    [{ date: '2025-06-13', precision: 'day' }, 'en', 'June 13, 2025'],
    [{ date: '2025-06-13', precision: 'day' }, 'en-GB', '13 June 2025'],
    [{ date: '2025-06-13', precision: 'day' }, 'sv', '13 juni 2025'],
    [{ date: '2025-06-13', precision: 'day' }, 'de', '13. Juni 2025'],
    [{ date: '2025-10', precision: 'month' }, 'en', 'October 2025'],
    [{ date: '2025-10', precision: 'month', qualifier: 'late' }, 'en', 'late October 2025'],
    [{ date: '2025-10', precision: 'month', qualifier: 'mid' }, 'en', 'mid-October 2025'],
    [{ date: '2025-10', precision: 'month', qualifier: 'late' }, 'sv', 'slutet av oktober 2025'],
    [{ date: '2025-10', precision: 'month', qualifier: 'early' }, 'de', 'early Oktober 2025'],
    [{ date: '2013', precision: 'year' }, 'en', '2013'],
    [{ date: '2024', precision: 'year', qualifier: 'mid' }, 'en', 'mid-2024'],
    [{ date: '2015', precision: 'approximate', qualifier: 'about' }, 'sv', 'omkring 2015'],
    [{ date: '2025-10-21', precision: 'approximate', qualifier: 'about' }, 'en', 'about October 21, 2025'],
    [{ date: '2025-07', precision: 'season', season: 'summer' }, 'en', 'summer 2025'],
    [{ date: '2025-07', precision: 'season', season: 'summer' }, 'sv', 'sommaren 2025'],
    [{ date: '2024-07', precision: 'season', qualifier: 'late', season: 'summer' }, 'en', 'late summer 2024'],
    // a corpus event has no season field: the middle month says which
    [{ date: '2025-01', precision: 'season' }, 'en', 'winter 2024–25'],
    [{ date: '2025-01', precision: 'season' }, 'sv', 'vintern 2024/25'],
    [{ date: '2024-10', precision: 'season' }, 'de', 'autumn 2024'],
    [{ date: '2025-08', precision: 'approximate', span: 'quarter' }, 'sv', 'Q3 2025'],
    [{ date: '1995', precision: 'approximate', span: 'decade' }, 'en', 'the 1990s'],
    [{ date: '1988', precision: 'approximate', span: 'decade', qualifier: 'late' }, 'en', 'the late 1980s'],
    [{ date: '2012', precision: 'approximate', span: 'decade', qualifier: 'early' }, 'sv', 'början av 2010-talet'],
    [{ date: '1995', precision: 'approximate', span: 'decade' }, 'de', 'the 1990s'],
    [{ date: '2025-11-06', precision: 'approximate', span: 'week' }, 'en', 'week of November 3, 2025'],
    [{ date: '2025-11-06', precision: 'approximate', span: 'week' }, 'sv', 'vecka 45, 2025'],
    [{ date: '2025-01-02', precision: 'approximate', span: 'week' }, 'de', 'week of 30. Dezember 2024'],
    // languages without a messages.json (de, fr) get the default locale's (English) words and their own date format;
    // unknown dates pass through
    [{ date: '2025-10', precision: 'month', qualifier: 'late' }, 'fr', 'late octobre 2025'],
    [{ date: 'sometime', precision: 'year' }, 'en', 'sometime'],
  ])('%j in %s', (value, lang, expected) => {
    expect(formatTemporal(value, locale(lang))).toBe(expected);
  });

  it('labels matches straight from findTemporalExpressions', () => {
    const labels = findTemporalExpressions('I somras, i slutet av oktober och för några veckor sedan.', 'sv', SV).map((m) =>
      formatTemporal(m, locale('sv')),
    );
    expect(labels).toEqual(['sommaren 2025', 'slutet av oktober 2025', 'omkring 21 oktober 2025']);
  });

  it('falls back to English for a malformed language tag', () => {
    expect(formatTemporal({ date: '2025-06-13', precision: 'day' }, locale('not a tag!'))).toBe('June 13, 2025');
  });
});
