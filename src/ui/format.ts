/** Numbers, dates, language names and links for the UI language through Intl. Pure: no browser APIs. */

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** 0.42 → "42%" (en) / "42 %" (sv). */
export function formatPercent(score: number, lang: string): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0));
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
}

/** "sv" → "Swedish" in an English UI, "svenska" in a Swedish one; "und" → null. */
export function languageName(code: string, uiLang: string): string | null {
  if (!code || code === 'und') return null;
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A corpus date in the UI language: "2025-06-12" → "Jun 12, 2025" (en) / "12 juni 2025" (sv),
 * "2025-06" → "June 2025", "2025" → "2025"; anything else is returned as it is.
 */
export function formatDate(date: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y = '', mo, d] = m;
  if (!mo) return y;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  try {
    return new Intl.DateTimeFormat(lang, {
      timeZone: 'UTC',
      year: 'numeric',
      month: d ? 'short' : 'long',
      ...(d ? { day: 'numeric' } : {}),
    }).format(when);
  } catch {
    return date;
  }
}

/** A month's name as a heading: 6 → "June" (en) / "Juni" (sv; capitalised, as a heading starts). */
export function monthName(month: number, lang: string): string {
  let name: string;
  try {
    name = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  } catch {
    name = String(month);
  }
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** "Meta, Yann LeCun and 3 more": names joined the UI language's way (`more` words the rest). */
export function formatNameList(names: readonly string[], lang: string, more: (n: number) => string, shown = 2): string {
  const head = names.length > shown + 1 ? [...names.slice(0, shown), more(names.length - shown)] : [...names];
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(head);
  } catch {
    return head.join(', ');
  }
}

/**
 * The reader view's address, relative to any extension page (they all live at
 * src/ui/<name>/index.html): `../reader/index.html?article=<id>&sentence=<n>`.
 */
export function readerHref(articleId: string, sentence?: number | null): string {
  const q = new URLSearchParams({ article: articleId });
  if (sentence != null && Number.isSafeInteger(sentence) && sentence >= 0) q.set('sentence', String(sentence));
  return `../reader/index.html?${q.toString()}`;
}

/** Reads the reader view's query: the article id (null when missing) and the cited sentence (null when none or invalid). */
export function readerParams(search: string): { articleId: string | null; sentence: number | null } {
  const q = new URLSearchParams(search);
  const articleId = q.get('article');
  const raw = q.get('sentence');
  return {
    articleId: articleId === null || articleId === '' ? null : articleId,
    sentence: raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : null,
  };
}

/** Only web addresses become links (a corpus URL is data: never a javascript: or data: link). */
export function safeWebUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A size in bytes the UI language's way: 900 → "900 B", 1536 → "1.5 kB", 52428800 → "50 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const n = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
  const [unit, value] =
    n >= 1e9
      ? (['gigabyte', n / 1e9] as const)
      : n >= 1e6
        ? (['megabyte', n / 1e6] as const)
        : n >= 1e3
          ? (['kilobyte', n / 1e3] as const)
          : (['byte', n] as const);
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(
      value,
    );
  } catch {
    return `${Math.round(value)} ${unit}`;
  }
}

/** A moment (ms since the epoch) as its day in the reader's time zone, formatted like a corpus date (`formatDate`). */
export function formatDay(ms: number, lang: string): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, lang);
}

/** The options page's address from any other extension page (see `readerHref`), at its section `hash`. */
export function optionsHref(hash?: string): string {
  return `../options/index.html${hash ? `#${hash}` : ''}`;
}
