/**
 * Publication dates as pages write them in metadata and datelines, normalised to YYYY-MM-DD.
 * Machine forms are read here (ISO 8601 and its compact variants, year-first dates, Unix time);
 * everything with a month name or a day-first order goes through the text finder
 * (src/corpus/text/dates.ts), so that HTML pages and text dumps share one normaliser: month names
 * in en, sv, de, fr, es, pt, it, nl, id and ru, "19.11.2019", and "11/12/2019" only when the
 * locale says which number is the day.
 */
import { findDates } from '../text/dates';
import { isMachineForm, isoDate, validDate as valid } from './iso-date';

/**
 * The date in `text` (a metadata value or a short dateline) as YYYY-MM-DD, or null. `locale`
 * ("en-US", "de", "en-GB") decides "05/06/2019"; without one, such a date is not read. The
 * calendar day is the one written: "2019-11-18T23:10:00-08:00" is 2019-11-18. Placeholders
 * (0001-01-01, 1970-01-01) and years before the web are null.
 */
export function normaliseDate(text: string | null | undefined, locale = 'und'): string | null {
  if (!text) return null;
  const t = text.trim().slice(0, 200);
  const machine = isoDate(t);
  if (machine) return machine;
  // A machine form that is no real day (0001-01-01) is no date in another form either.
  if (isMachineForm(t)) return null;
  const found = findDates(t, locale, { strict: true })[0];
  if (!found) return null;
  const [y, mo, d] = found.iso.split('-').map(Number);
  return valid(y ?? 0, mo ?? 0, d ?? 0);
}

const MONTH_WORDS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * A date in a URL: /2019/11/18/, /2019-11-18-, /2019/nov/18/ (the Guardian's form), /20191118/,
 * -20191118 and _20191118 at the end of a slug. Only whole dates: /2019/11/ is not a day.
 */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  let m = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(path);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d{2})\/([a-z]{3,4})\/(\d{1,2})(?:[/_.-]|$)/i.exec(path);
  if (m) {
    const mo = MONTH_WORDS[(m[2] ?? '').toLowerCase()];
    if (mo) return valid(Number(m[1]), mo, Number(m[3]));
  }
  // Compact: a path segment or a slug ending in 20191118 (not a longer number: an id).
  m = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}
