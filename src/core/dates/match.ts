/**
 * Temporal expressions in news sentences, resolved to dates for the story timeline.
 *
 * Rules, not a model: each language has a table of patterns (precompiled at module load) for the
 * "cores" of expressions (a month, a season, a year, "förra veckan", "two years ago", …). A core
 * is then widened to the left by a modifier that refines it ("i slutet av", "early", "Ende") and
 * by the preposition that governs it ("i", "in", "sedan", "since", "im"). Cores that are only
 * dates in context (a bare year, a bare month, "Friday") are kept only when such a word licenses
 * them, which keeps "600 anställda", "Galaxy S22", "Theresa May" and "© 2025" out. Overlapping
 * candidates are resolved by keeping the longest, so "i slutet av oktober 2024" is one match.
 *
 * Relative expressions are resolved against the anchor, the article's publication date, with a
 * past bias because news reports what happened:
 * - a month without a year is the most recent one: the anchor's own month or an earlier month
 *   of the anchor's year, and a LATER month means the previous year ("i december" in an article
 *   of January 2025 is December 2024). A day without a year follows its month; a weekday written
 *   with it picks the year in which the date falls on that weekday ("Friday, July 4" → 2025).
 * - "on Friday" / "am Freitag" / "under fredagen" is the most recent Friday on or before the
 *   anchor; "last Friday" / "i fredags" is strictly before it; "next Friday" / "på fredag" is
 *   strictly after it (Swedish marks the future with "på"); "this Friday" is on or after it.
 *   A weekend is dated (approximately) by its Saturday: the one just past on Monday–Wednesday.
 * - "i somras" / "last summer" is the most recent summer that has ended; "i sommar" / "this
 *   coming summer" the current or next one; "this summer" the anchor's year's; "under sommaren" /
 *   "in the summer" the most recent one that has begun. Seasons are meteorological (northern hemisphere) and dated by their
 *   middle month (spring 04, summer 07, autumn 10, winter 01 of the January it contains), so the
 *   season can be read back from `date` alone. "vintern 2024" / "winter 2024" is the winter
 *   that contains January 2024; "vintern 2024/25" the one that contains January 2025.
 * - "för några veckor sedan" is approximate (qualifier "about"): a few = 3, a couple = 2; weeks
 *   give an approximate day, months a month, years a year ("several years ago" is left out).
 * - a quarter without a year is the anchor's own quarter or an earlier one (past bias again).
 * - a quarter is approximate and dated by its middle month (Q3 → YYYY-08), a week by its
 *   Thursday (the ISO week's own year), a decade by its middle year (or 2, 5, 8 with early, mid,
 *   late); `span` says which, so a label can stay honest (formatTemporal in ./labels).
 *
 * Tense is not analysed sentence-wide: news sentences mix tenses ("said in March that it
 * will…"), so a sentence-level guess would move correct past dates as often as it fixed future
 * ones. Only a future marker that governs the date itself, in its own clause and at most three
 * words before it ("will start in December", "is set for January 15", "ska börja gälla i
 * december", "sollen im Dezember"), makes a month, day or season without a year the coming one
 * (LangConfig.future); "i december ska bolaget…" still resolves to last December.
 *
 * `text` covers the date words, the modifiers that change them and a governing preposition
 * ("i juli 2024", "in 2022", "sedan 2013", "on Friday"). Every pattern is linear: bounded
 * look-arounds, no nested quantifiers, and left context is read from a slice of at most
 * LOOKBACK (./patterns) characters.
 */
import { parseAnchor } from './calendar';
import { type Ctx, type Lang, type LangConfig, leftOf, qualify, type Raw, type Rule } from './patterns';
import type { Value } from './resolve';
import { DE } from './rules-de';
import { EN } from './rules-en';
import { NEUTRAL } from './rules-neutral';
import { SV } from './rules-sv';
import type { TemporalMatch } from './types';

/** The languages with rules, by primary subtag: adding a language is one rules file and one entry here. */
const CONFIGS = new Map<Lang, LangConfig>([
  ['sv', SV],
  ['en', EN],
  ['de', DE],
]);
const RULES = new Map<Lang, readonly Rule[]>([...CONFIGS].map(([lang, cfg]) => [lang, [...NEUTRAL, ...cfg.rules]]));

/** Languages with their own rules; any other language gets the language-neutral ones (ISO dates, Q3 2025, 2019–2022). */
export const TEMPORAL_LANGUAGES: readonly string[] = [...CONFIGS.keys()];

// ---------------------------------------------------------------------------------------------
// Matching.

export interface Candidate {
  start: number;
  end: number;
  value: Value;
  order: number;
}

/** Widens a core by its modifier and governing preposition; null when it stays unlicensed. */
export function widen(raw: Raw, m: RegExpExecArray, c: Ctx, order: number): Candidate | null {
  let start = raw.start ?? m.index;
  const end = raw.end ?? m.index + m[0].length;
  let value = raw.value;
  const needs = raw.needs ?? 'none';
  let licensed = needs === 'none';
  if (c.cfg) {
    const { modifier, license } = c.cfg;
    let modified = false;
    const modify = () => {
      const mod = raw.modifiable && !modified ? modifier.exec(leftOf(c.s, start)) : null;
      const qualified = mod ? qualify(value, mod.groups ?? {}) : null;
      if (mod && qualified) {
        start -= mod[0].length;
        value = qualified;
        licensed = modified = true;
      }
    };
    modify();
    if (needs === 'modifier' && !licensed) return null;
    const lic = license.exec(leftOf(c.s, start));
    if (lic) {
      licensed = true;
      if (lic.groups?.abs !== undefined) {
        start -= lic[0].length;
        // a modifier may also stand before the preposition: "by the end of | the year 2022"
        modify();
      }
    }
  }
  return licensed ? { start, end, value, order } : null;
}

/**
 * The temporal expressions of an undated article: only those whose date the text states in full
 * ("June 13, 2025", "in 2013"). Whatever needs the publication date ("yesterday", "in March") stays
 * out rather than be dated against a guess: a match is kept when it is absolute and resolves the
 * same against two anchors decades apart, so no rule's use of the anchor can leak into it.
 */
export function findAbsoluteTemporalExpressions(sentence: string, lang: string): TemporalMatch[] {
  const key = (m: TemporalMatch) => `${m.start}:${m.end}:${m.date}:${m.precision}`;
  const later = new Set(findTemporalExpressions(sentence, lang, '2060-07-01').map(key));
  return findTemporalExpressions(sentence, lang, '1990-01-15').filter((m) => m.kind === 'absolute' && later.has(key(m)));
}

/**
 * Finds the temporal expressions in `sentence` (any length: a sentence or a whole article) and
 * resolves them against `anchor`, the article's publication date (YYYY-MM-DD; a RangeError
 * otherwise). `lang` is a BCP 47 tag; sv, en and de have rules, other languages only the
 * language-neutral ones. Overlaps keep the longest expression; the result is sorted by start.
 */
export function findTemporalExpressions(sentence: string, lang: string, anchor: string): TemporalMatch[] {
  const a = parseAnchor(anchor);
  const code = lang.toLowerCase().split(/[-_]/u)[0] ?? '';
  const cfg = CONFIGS.get(code) ?? null;
  const c: Ctx = { s: sentence, a, cfg };
  const candidates: Candidate[] = [];
  const rules = RULES.get(code) ?? NEUTRAL;
  rules.forEach((r, order) => {
    for (const m of sentence.matchAll(r.re)) {
      const out = r.apply(m, c, m.groups ?? {});
      if (!out) continue;
      for (const raw of Array.isArray(out) ? out : [out]) {
        const cand = widen(raw, m, c, order);
        if (cand) candidates.push(cand);
      }
    }
  });
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start || x.order - y.order);
  const taken = new Uint8Array(sentence.length);
  const out: TemporalMatch[] = [];
  for (const cand of candidates) {
    if (taken.subarray(cand.start, cand.end).includes(1)) continue;
    taken.fill(1, cand.start, cand.end);
    out.push({ text: sentence.slice(cand.start, cand.end), start: cand.start, end: cand.end, ...cand.value });
  }
  return out.sort((x, y) => x.start - y.start);
}
