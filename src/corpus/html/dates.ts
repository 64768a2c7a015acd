/**
 * Publication dates as pages write them in metadata and datelines, normalised to YYYY-MM-DD.
 * Only unambiguous forms are read: ISO 8601 and its compact variants, year-first dates, D.M.YYYY,
 * and dates with a month name (en, sv, de, fr, es, pt, it, nl, id). "11/12/2019" is ambiguous
 * between the US and most of the world, so it is not read.
 */
import { MONTH_NAMES as MONTH_NAMES_BY_LANGUAGE, type MonthLanguage } from '../../core/dates/months';

const MONTH_NAMES: Record<string, number> = {};
/** The languages whose full month names (the first of each month in the shared table) are read, in this order. */
const LANGUAGES: readonly MonthLanguage[] = ['en', 'sv', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'id'];
for (const lang of LANGUAGES) {
  MONTH_NAMES_BY_LANGUAGE[lang].forEach(([names], i) => {
    const name = (names[0] ?? '').toLowerCase();
    MONTH_NAMES[name] = i + 1;
    // Abbreviations: "Nov", "Nov.", "sept", "dez", "déc".
    MONTH_NAMES[name.slice(0, 3)] ??= i + 1;
    MONTH_NAMES[name.slice(0, 4)] ??= i + 1;
  });
}
MONTH_NAMES.maerz = 3;
MONTH_NAMES.sept = 9;

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function month(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES[w] ?? null;
}

/** The date in `text` (a metadata value or a short dateline) as YYYY-MM-DD, or null. */
export function normaliseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim().slice(0, 200);
  // ISO 8601 and friends: 2019-11-19, 2019-11-19T08:38:00+01:00, 2019/11/19, 2019.11.19.
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Compact ISO: 20191119 or 20191119T083800.
  m = /^(\d{4})(\d{2})(\d{2})(?:T|\b)/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  // Unix time in seconds or milliseconds.
  m = /^(\d{10}|\d{13})$/.exec(t);
  if (m) {
    const ms = Number(m[1]) * (m[1]?.length === 10 ? 1000 : 1);
    const d = new Date(ms);
    return valid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  // Day first with a month name: "19 November 2019", "19. November 2019", "19 de novembro de 2019".
  m = /\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?([\p{L}]{3,10}\.?)\s+(?:de\s+)?(\d{4})\b/iu.exec(t);
  if (m?.[2]) {
    const mo = month(m[2]);
    if (mo) return valid(Number(m[3]), mo, Number(m[1]));
  }
  // Month name first: "November 19, 2019", "Nov. 19 2019", "Tue, Nov 19, 2019".
  m = /\b([\p{L}]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/iu.exec(t);
  if (m?.[1]) {
    const mo = month(m[1]);
    if (mo) return valid(Number(m[3]), mo, Number(m[2]));
  }
  // Day first with dots: 19.11.2019.
  m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A date in a URL path (/2019/11/18/ or /2019-11-18-): the last resort of news sites' dates. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/-]|$)/.exec(url);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
