/** Values and the resolution rules against the anchor (see the module comment of ./match for the reasons). */
import { type Anchor, inRange, toDay, validDay, weekdayOf, ym, ymd } from './calendar';
import type { Season, TemporalMatch, TemporalValue } from './types';

export type Kind = TemporalMatch['kind'];
export interface Value extends TemporalValue {
  kind: Kind;
}

export const dayV = (n: number, kind: Kind): Value => ({ date: ymd(n), precision: 'day', kind });
export const aboutDayV = (n: number, kind: Kind): Value => ({ date: ymd(n), precision: 'approximate', qualifier: 'about', kind });
export const monthV = (mi: number, kind: Kind): Value => ({ date: ym(mi), precision: 'month', kind });
export const yearV = (y: number, kind: Kind): Value => ({ date: String(y), precision: 'year', kind });
export const about = (v: Value): Value => ({ ...v, precision: 'approximate', qualifier: 'about' });
export const weekV = (monday: number): Value => ({ date: ymd(monday + 3), precision: 'approximate', span: 'week', kind: 'relative' });
export const quarterV = (y: number, q: number, kind: Kind): Value => ({
  date: ym(y * 12 + (q - 1) * 3 + 1),
  precision: 'approximate',
  span: 'quarter',
  kind,
});
export const DECADE_OFFSET = { early: 2, mid: 5, late: 8 } as const;
export const decadeV = (start: number, kind: Kind, q?: 'early' | 'mid' | 'late'): Value => ({
  date: String(start + DECADE_OFFSET[q ?? 'mid']),
  precision: 'approximate',
  span: 'decade',
  kind,
  ...(q ? { qualifier: q } : {}),
});

/** The most recent year in which month `m` is not after the anchor's month. */
export const pastYear = (a: Anchor, m: number): number => (m <= a.m ? a.y : a.y - 1);
/** The first year in which month `m` is not before the anchor's month (a date a future marker governs). */
export const comingYear = (a: Anchor, m: number): number => (m >= a.m ? a.y : a.y + 1);
/** For "last/this/next <month>": strictly before, in the anchor's year, strictly after. */
export function monthYear(a: Anchor, m: number, offset: -1 | 0 | 1): number {
  if (offset < 0) return m < a.m ? a.y : a.y - 1;
  if (offset > 0) return m > a.m ? a.y : a.y + 1;
  return a.y;
}
export const quarterYear = (a: Anchor, q: number): number => (q <= Math.ceil(a.m / 3) ? a.y : a.y - 1);

/**
 * Day number of a day and month without a year (past bias; the coming one when `future`),
 * checked against a weekday if one was written.
 */
export function yearlessDay(a: Anchor, d: number, m: number, wd: number | undefined, future = false): number | null {
  if (future && wd === undefined) {
    for (let y = a.y; y < a.y + 8; y++) if (validDay(y, m, d) && toDay(y, m, d) >= a.day) return toDay(y, m, d);
    return null;
  }
  const primary = pastYear(a, m);
  if (wd !== undefined) {
    for (const y of [primary, primary === a.y ? a.y - 1 : a.y, a.y + 1]) {
      if (validDay(y, m, d) && weekdayOf(toDay(y, m, d)) === wd) return toDay(y, m, d);
    }
  }
  // 29 February in a year that has none: the most recent leap year.
  for (let y = primary; y > primary - 8; y--) if (validDay(y, m, d)) return toDay(y, m, d);
  return null;
}

export function dayValue(a: Anchor, d: number, m: number, y: number | undefined, wd: number | undefined, future = false): Value | null {
  if (y !== undefined) return inRange(y) && validDay(y, m, d) ? dayV(toDay(y, m, d), 'absolute') : null;
  const n = yearlessDay(a, d, m, wd, future);
  return n === null ? null : dayV(n, 'relative');
}

export const onOrBefore = (a: Anchor, wd: number): number => a.day - ((weekdayOf(a.day) - wd + 7) % 7);
export const strictlyBefore = (a: Anchor, wd: number): number => a.day - ((weekdayOf(a.day) - wd + 7) % 7 || 7);
export const strictlyAfter = (a: Anchor, wd: number): number => a.day + ((wd - weekdayOf(a.day) + 7) % 7 || 7);
export const onOrAfter = (a: Anchor, wd: number): number => a.day + ((wd - weekdayOf(a.day) + 7) % 7);
export function weekdayDay(a: Anchor, wd: number, offset: -1 | 0 | 1 | null): number {
  if (offset === null) return onOrBefore(a, wd);
  return offset < 0 ? strictlyBefore(a, wd) : offset > 0 ? strictlyAfter(a, wd) : onOrAfter(a, wd);
}

/** A weekend is dated by its Saturday, approximately. "This weekend" on Monday–Wednesday is the one just past. */
export function weekendV(a: Anchor, which: 'nearest' | 'last' | 'next'): Value {
  const wd = weekdayOf(a.day);
  const saturday = a.day - wd + 5;
  const n = which === 'last' ? saturday - 7 : which === 'next' ? (wd < 5 ? saturday : saturday + 7) : wd <= 2 ? saturday - 7 : saturday;
  return aboutDayV(n, 'relative');
}

export const mondayOf = (n: number): number => n - weekdayOf(n);

export const SEASON_MID: Record<Season, number> = { winter: 0, spring: 3, summer: 6, autumn: 9 };
/** Month index of the middle month of `s` in year `y` (winter: the January of `y`). */
export const seasonMid = (s: Season, y: number): number => y * 12 + SEASON_MID[s];
export type SeasonPick = 'ended' | 'started' | 'current' | 'next' | 'this';
export function seasonV(a: Anchor, s: Season, pick: SeasonPick): Value {
  const years = [a.y - 2, a.y - 1, a.y, a.y + 1, a.y + 2];
  let mid = seasonMid(s, a.y);
  if (pick === 'ended') mid = Math.max(...years.map((y) => seasonMid(s, y)).filter((c) => c + 1 < a.mi));
  else if (pick === 'started') mid = Math.max(...years.map((y) => seasonMid(s, y)).filter((c) => c - 1 <= a.mi));
  else if (pick === 'current' || (pick === 'this' && s === 'winter'))
    mid = Math.min(...years.map((y) => seasonMid(s, y)).filter((c) => c + 1 >= a.mi));
  else if (pick === 'next') mid = Math.min(...years.map((y) => seasonMid(s, y)).filter((c) => c - 1 > a.mi));
  return { date: ym(mid), precision: 'season', season: s, kind: 'relative' };
}
/** A season in a written year; `y2` is the second year of "vintern 2024/25". */
export function seasonInYear(s: Season, y: number, y2: string | undefined): Value | null {
  if (!inRange(y)) return null;
  let year = y;
  if (y2 !== undefined) {
    const second = y2.length === 2 ? Math.floor(y / 100) * 100 + Number(y2) : Number(y2);
    if (second !== y + 1) return null;
    if (s === 'winter') year = second;
  }
  return { date: ym(seasonMid(s, year)), precision: 'season', season: s, kind: 'absolute' };
}

/** -1, 0 or +1 for the relative word of a phrase ("förra", "last", "vergangenen", "this", "nästa", …). */
export function relOffset(text: string): -1 | 0 | 1 {
  const w = text.toLowerCase();
  if (/förra|fjol|last|past|letzt|vergangen|vorig|vorjahr/u.test(w)) return -1;
  if (/nästa|kommande|next|coming|nächst|kommend/u.test(w)) return 1;
  return 0;
}
