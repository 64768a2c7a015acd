/** Pattern building: phrase and boundary helpers, the Rule and LangConfig shapes, modifiers and licenses. */
import type { Anchor } from './calendar';
import { about, decadeV, type Value } from './resolve';

export const L0 = '(?<![\\p{L}\\p{N}])';
export const R0 = '(?![\\p{L}\\p{N}])';
/** Before a number: not inside a word, a number, a price or a version. */
export const NB = '(?<![\\p{L}\\p{N}.,:/$€£¥#@+&])';
/** After a number: not followed by more of a word or a number ("2024.5", "11,3"). */
export const NE = '(?![\\p{L}\\p{N}]|[.,:]\\p{N})';
export const YEAR = '(?:1\\d{3}|2[01]\\d{2})';
export const WORD_CHAR = /[\p{L}\p{N}]/u;
export const LOOKBACK = 40;

/** A plain phrase as a pattern: the first letter of each word in either case (sentence starts, headlines), runs of spaces as \s+. */
export function phrase(p: string): string {
  let out = '';
  for (const part of p.split(/(\p{L}+)/u)) {
    if (/^\p{L}/u.test(part)) {
      const f = part.charAt(0);
      const [up, lo] = [f.toUpperCase(), f.toLowerCase()];
      out += (up === lo || up.length > 1 ? f : `[${up}${lo}]`) + part.slice(1);
    } else out += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  }
  return out;
}
/** A plain phrase as a pattern, case as written (English and German month and weekday names). */
export const lit = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
/** Alternatives, longest first. */
export const alt = (list: readonly string[], f: (p: string) => string = phrase): string =>
  `(?:${[...list]
    .sort((x, y) => y.length - x.length)
    .map(f)
    .join('|')})`;
export const norm = (s: string): string => s.toLowerCase().replace(/\s+/gu, ' ').replace(/\.$/u, '');

export type Needs = 'none' | 'license' | 'modifier';
export interface Raw {
  value: Value;
  /** 'license': kept only after a licensing word or a modifier; 'modifier': only after a modifier. */
  needs?: Needs;
  /** Whether a modifier ("i slutet av", "early", "Ende", "tidigare") may attach on the left. */
  modifiable?: boolean;
  start?: number;
  end?: number;
}
export type Groups = Partial<Record<string, string>>;
export interface Ctx {
  s: string;
  a: Anchor;
  /** The rules of the sentence's language; null for the language-neutral ones only. */
  cfg: LangConfig | null;
}
export type Apply = (m: RegExpExecArray, c: Ctx, g: Groups) => Raw | Raw[] | null;
export interface Rule {
  re: RegExp;
  apply: Apply;
}
export const rule = (source: string, apply: Apply): Rule => ({ re: new RegExp(source, 'gu'), apply });

/** A language with rules: its primary BCP 47 subtag (sv, en, de). */
export type Lang = string;
export interface LangConfig {
  rules: readonly Rule[];
  modifier: RegExp;
  license: RegExp;
  units: ReadonlySet<string>;
  followers: ReadonlySet<string>;
  /** Whether 11/12/2025 is the 11th of December when both numbers could be the month. */
  dayFirst: boolean;
  /** Nouns are capitalised (German): a capitalised word after a round year may still be its noun. */
  capitalisedNouns?: boolean;
  /** What after a bare year makes it one without a licensing word ("2025 års", "2022's"). */
  yearSuffix?: RegExp;
  /**
   * A future marker that governs a date just after it in the same clause ("will start in",
   * "is set for", "ska börja gälla i", "sollen im"): tested against the left context, which it
   * must end (up to three words may follow the marker). A month or day without a year is then
   * the next one, not the most recent.
   */
  future?: RegExp;
}

/** Whether the clause just before `i` puts what follows in the future (see LangConfig.future). */
export function futureBefore(c: Ctx, i: number): boolean {
  if (!c.cfg?.future) return false;
  const left = leftOf(c.s, i);
  const clause = left.slice(Math.max(...[',', ';', ':', '(', '—', '–', '"', '“', '”'].map((b) => left.lastIndexOf(b))) + 1);
  return c.cfg.future.test(clause);
}

/** Up to LOOKBACK characters before `i`, starting at a word boundary. */
export function leftOf(s: string, i: number): string {
  let from = Math.max(0, i - LOOKBACK);
  while (from > 0 && from < i && WORD_CHAR.test(s.charAt(from - 1))) from++;
  return s.slice(from, i);
}

export function atSentenceStart(s: string, i: number): boolean {
  const before = leftOf(s, i).replace(/[\s"“”'‘’«»(]+$/u, '');
  return before === '' || /[.!?:…–—\n]$/u.test(before);
}

export interface Modifiers {
  early: readonly string[];
  mid: readonly string[];
  late: readonly string[];
  about: readonly string[];
  plain: readonly string[];
}
export function modifierRe(m: Modifiers): RegExp {
  const g = (list: readonly string[]) => alt(list, (p) => (p.endsWith('-') ? `${phrase(p)}\\s*` : `${phrase(p)}\\s+`));
  return new RegExp(
    `${L0}(?:(?<early>${g(m.early)})|(?<mid>${g(m.mid)})|(?<late>${g(m.late)})|(?<about>${g(m.about)})|(?<plain>${g(m.plain)}))$`,
    'u',
  );
}
/** Absorbed prepositions ("i", "in", "sedan"), non-absorbed licenses, and chains ("2019 och", "juni och"). */
export function licenseRe(absorbed: readonly string[], other: readonly string[], chainWords: readonly string[], months: string): RegExp {
  const chain = `${L0}(?:${YEAR}|${months})(?:\\s*,\\s*|\\s+${alt(chainWords)}\\s+|\\s*[–—-]\\s*)`;
  const others = other.length > 0 ? `|${L0}${alt(other)}\\s+` : '';
  return new RegExp(`(?:${L0}(?<abs>${alt(absorbed)})\\s+|${chain}${others})$`, 'u');
}

/** Applies a modifier to a value; null when it does not fit (so it is not absorbed). */
export function qualify(v: Value, g: Groups): Value | null {
  if (g.plain !== undefined) return v;
  if (g.about !== undefined) return v.precision === 'year' || v.precision === 'month' ? about(v) : null;
  const q = g.early !== undefined ? 'early' : g.mid !== undefined ? 'mid' : g.late !== undefined ? 'late' : null;
  if (q === null) return null;
  if (v.span === 'decade') return decadeV(Math.floor(Number(v.date) / 10) * 10, v.kind, q);
  if (v.precision === 'month' || v.precision === 'year' || v.precision === 'season' || v.span === 'week') return { ...v, qualifier: q };
  return null;
}
