/** Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no time zones involved. */

export const DAY_MS = 86_400_000;
export const toDay = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
export function fromDay(n: number): { y: number; m: number; d: number } {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const validDay = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
/** Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
export const weekdayOf = (n: number): number => (((n + 3) % 7) + 7) % 7;
export const pad = (n: number): string => String(n).padStart(2, '0');
export const ymd = (n: number): string => {
  const { y, m, d } = fromDay(n);
  return `${y}-${pad(m)}-${pad(d)}`;
};
/** A month index is y * 12 + (m - 1). */
export const ym = (mi: number): string => `${Math.floor(mi / 12)}-${pad((mi % 12) + 1)}`;
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2199;
export const inRange = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

export interface Anchor {
  y: number;
  m: number;
  day: number;
  /** Month index of the anchor. */
  mi: number;
}

export function parseAnchor(anchor: string): Anchor {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchor);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validDay(y, mo, d)) return { y, m: mo, day: toDay(y, mo, d), mi: y * 12 + mo - 1 };
  }
  throw new RangeError(`anchor must be a YYYY-MM-DD date, got ${JSON.stringify(anchor)}`);
}
