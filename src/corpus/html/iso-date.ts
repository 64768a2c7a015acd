/**
 * Dates in the machine forms metadata uses (ISO 8601 and its compact variants, year-first dates,
 * Unix time), normalised to YYYY-MM-DD. A module of its own, without month names or locales, so
 * the content script can read a page's declared date without the whole date finder
 * (./published.ts, ../text/dates.ts), which the corpus pipeline uses.
 */

/** The earliest year a web page's publication date can have. */
const FIRST_YEAR = 1995;

/** YYYY-MM-DD when y-m-d is a real day of the web's years (placeholders such as 0001-01-01 and 1970-01-01 are not). */
export function validDate(y: number, m: number, d: number): string | null {
  if (y < FIRST_YEAR || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ISO 8601 and friends: 2019-11-19, 2019-11-19T08:38:00+01:00, 2019/11/19, 2019.11.19. */
const ISO = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
/** Compact ISO: 20191119 or 20191119T083800. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|\b)/;
/** Unix time in seconds or milliseconds (the UTC day: the page states no other). */
const UNIX = /^(\d{10}|\d{13})$/;

/**
 * The date of a machine-readable value ("2019-11-19T08:38:00+01:00", "2019/11/19", "20191119",
 * "1574150280") as YYYY-MM-DD, or null. The calendar day is the one written, not converted.
 */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim().slice(0, 200);
  let m = ISO.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = COMPACT.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UNIX.exec(t);
  if (m) {
    const ms = Number(m[1]) * (m[1]?.length === 10 ? 1000 : 1);
    const d = new Date(ms);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** Whether `text` is written in a machine form at all, whether or not it names a real day (0001-01-01 does not). */
export function isMachineForm(text: string): boolean {
  const t = text.trim().slice(0, 200);
  return ISO.test(t) || COMPACT.test(t) || UNIX.test(t);
}
