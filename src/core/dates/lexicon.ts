/** Word-list helpers: month and weekday lookups, month-name patterns, counts, and the quantity check for bare years. */
import { MONTH_NAMES, type MonthLanguage, type MonthTable, monthEntries } from './months';
import { alt, type Ctx, norm } from './patterns';

/** Month numbers of every spelling in the table (one spelling is one month in every language, see the months test). */
const MONTH_NUMBER = new Map(monthEntries(Object.keys(MONTH_NAMES) as MonthLanguage[]));
export const monthOf = (name: string): number => MONTH_NUMBER.get(norm(name)) ?? 0;

/** Monday first: the lookup from a weekday name (any case) to 0 (Monday) … 6 (Sunday). */
export function weekdayIndex(names: readonly string[]): (name: string) => number {
  const index = new Map(names.map((n, i) => [n.toLowerCase(), i]));
  return (name) => index.get(norm(name)) ?? 0;
}

/** Patterns for a language's month names: as phrases (`phrase`, any first-letter case) or as written (`lit`). */
export function monthPatterns(table: MonthTable, f: (p: string) => string): { full: string; any: string; abbr: string } {
  const full = alt(
    table.flatMap(([names]) => names),
    f,
  );
  const abbr = `${alt(
    table.flatMap(([, names]) => names),
    f,
  )}\\.?`;
  return { full, any: `(?:${full}|${abbr})`, abbr };
}

export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade';
export interface Count {
  n: number;
  /** "a few", "några": the count is a guess. */
  vague?: true;
  /** "several", "flera": too vague for years and decades. */
  several?: true;
}
export const exact = (n: number): Count => ({ n });
export const FEW = (n: number): Count => ({ n, vague: true });
export const SEVERAL: Count = { n: 3, vague: true, several: true };

export const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));
/** Words after a 4-digit number that make it a quantity, not a year. */
/** Words that may follow a round year such as 2000 (otherwise "i 2000 butiker" would be a year). */

/** A blocked year: followed by a unit ("2000 anställda") or a round number followed by a noun ("in 2000 stores"). */
export function quantityAfter(c: Ctx, y: number, after: string): boolean {
  if (!c.cfg) return false;
  const w = /^\s{1,3}(\p{L}+)/u.exec(after)?.[1];
  if (w === undefined) return false;
  const lower = w.toLowerCase();
  if (c.cfg.units.has(lower)) return true;
  return y % 100 === 0 && (c.cfg.capitalisedNouns === true || w === lower) && !c.cfg.followers.has(lower);
}
