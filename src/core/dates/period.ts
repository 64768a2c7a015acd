/** Ordering: where the period a value denotes starts, and how long it is. */
import { toDay, validDay } from './calendar';
import type { TemporalValue } from './types';

/** Offsets of early/mid/late thirds, in the unit of the period ("late October" starts on the 21st). */
export const THIRD: Record<'early' | 'mid' | 'late', 0 | 1 | 2> = { early: 0, mid: 1, late: 2 };
/** Years into a decade at which its early, mid and late thirds start. */
export const DECADE_THIRDS = [0, 3, 7] as const;

/**
 * The period a value denotes, as day numbers: its first day and its length in days (roughly,
 * for ordering). A season or quarter is the three months around its middle month, a week the
 * seven days around its Thursday, a decade the ten years from its start; early/mid/late take a
 * third of the period. An approximate value starts where its date does. Unreadable dates give null.
 */
export function temporalPeriod(t: TemporalValue): { start: number; days: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t.date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  if (mo !== undefined && d !== undefined && !validDay(y, mo, d)) return null;
  const third = t.qualifier === undefined || t.qualifier === 'about' ? null : THIRD[t.qualifier];
  const monthStart = (mi: number) => toDay(Math.floor(mi / 12), (mi % 12) + 1, 1);

  if (t.span === 'decade') {
    const start = y - (y % 10);
    return third === null ? { start: toDay(start, 1, 1), days: 3652 } : { start: toDay(start + DECADE_THIRDS[third], 1, 1), days: 1096 };
  }
  if (t.span === 'week' && mo !== undefined && d !== undefined) return { start: toDay(y, mo, d) - 3, days: 7 };
  if ((t.span === 'quarter' || t.precision === 'season') && mo !== undefined) {
    // Dated by the middle month: the period starts a month earlier (winter 2025 in December 2024).
    const first = y * 12 + mo - 2 + (third ?? 0);
    return { start: monthStart(first), days: third === null ? 91 : 30 };
  }
  if (d !== undefined && mo !== undefined) return { start: toDay(y, mo, d), days: t.precision === 'day' ? 1 : 3 };
  if (mo !== undefined) {
    return third === null ? { start: toDay(y, mo, 1), days: 30 } : { start: toDay(y, mo, 1 + 10 * third), days: 10 };
  }
  return third === null ? { start: toDay(y, 1, 1), days: 365 } : { start: monthStart(y * 12 + 4 * third), days: 122 };
}

/**
 * Timeline order: by the start of the period each value denotes ({@link temporalPeriod}); for
 * the same start the longer (coarser) period first, so "2025" precedes "January 2025". Values
 * whose date cannot be read go last. Ties are left to the caller (0).
 */
export function compareTemporal(a: TemporalValue, b: TemporalValue): number {
  return comparePeriods(temporalPeriod(a), temporalPeriod(b));
}

type Period = ReturnType<typeof temporalPeriod>;

function comparePeriods(pa: Period, pb: Period): number {
  if (!pa || !pb) return Number(!pa) - Number(!pb);
  return pa.start - pb.start || pb.days - pa.days;
}

/**
 * `items` sorted by {@link compareTemporal}, then by `tie`, each one's period worked out once (a
 * sort compares each item many times). A new array.
 */
export function sortTemporal<T extends TemporalValue>(items: readonly T[], tie: (a: T, b: T) => number): T[] {
  return items
    .map((x) => ({ x, p: temporalPeriod(x) }))
    .sort((a, b) => comparePeriods(a.p, b.p) || tie(a.x, b.x))
    .map((k) => k.x);
}
