/** Rule builders the language files share: fixed phrases, "… ago", days, months, seasons, quarters, decades. */
import { type Anchor, inRange } from './calendar';
import { type Count, monthOf, type Unit } from './lexicon';
import { alt, atSentenceStart, futureBefore, type Groups, L0, leftOf, type Needs, norm, R0, type Raw, type Rule, rule } from './patterns';
import {
  about,
  aboutDayV,
  dayV,
  dayValue,
  decadeV,
  mondayOf,
  monthV,
  monthYear,
  pastYear,
  comingYear,
  quarterV,
  quarterYear,
  relOffset,
  seasonInYear,
  seasonV,
  type Value,
  weekendV,
  weekV,
  yearV,
} from './resolve';
import type { Season, TemporalQualifier } from './types';

export interface Fixed {
  phrases: readonly string[];
  value: (a: Anchor) => Value;
  needs?: Needs;
}
/** Fixed phrases ("i går", "last year", "letzte Woche") with their resolution. */
export function fixed(entries: readonly Fixed[], veto?: RegExp): Rule {
  const map = new Map<string, Fixed>();
  for (const e of entries) for (const p of e.phrases) map.set(norm(p), e);
  return rule(`${L0}${alt([...map.keys()])}${R0}`, (m, c) => {
    const e = map.get(norm(m[0]));
    if (!e || veto?.test(leftOf(c.s, m.index))) return null;
    return { value: e.value(c.a), needs: e.needs ?? 'none', modifiable: true };
  });
}
export const rel = (f: (a: Anchor) => Value, ...phrases: string[]): Fixed => ({ phrases, value: f });
export const needing = (needs: Needs, f: (a: Anchor) => Value, ...phrases: string[]): Fixed => ({ phrases, value: f, needs });
export const days = (n: number) => (a: Anchor) => dayV(a.day + n, 'relative');
export const years = (n: number) => (a: Anchor) => yearV(a.y + n, 'relative');
export const months = (n: number) => (a: Anchor) => monthV(a.mi + n, 'relative');
export const weeks = (n: number) => (a: Anchor) => weekV(mondayOf(a.day) + 7 * n);
export const weekend = (which: 'nearest' | 'last' | 'next') => (a: Anchor) => weekendV(a, which);

/** "för tre veckor sedan", "two years ago", "vor einem Jahr". */
export function agoRule(
  counts: Readonly<Record<string, Count>>,
  units: Readonly<Record<string, Unit>>,
  source: (count: string, unit: string, hedge: string) => string,
  hedges: readonly string[],
): Rule {
  const countRe = `(?<n>${alt(Object.keys(counts))}|\\d{1,3})`;
  const unitRe = `(?<unit>${alt(Object.keys(units))})`;
  return rule(source(countRe, unitRe, `(?<hedge>${alt(hedges)})`), (_m, c, g) => {
    const count: Count | undefined = /^\d+$/u.test(g.n ?? '') ? { n: Number(g.n) } : counts[norm(g.n ?? '')];
    const unit = units[norm(g.unit ?? '')];
    if (!count || !unit || count.n === 0) return null;
    const approx = count.vague === true || g.hedge !== undefined;
    const { a } = c;
    let v: Value;
    if (unit === 'day') v = approx ? aboutDayV(a.day - count.n, 'relative') : dayV(a.day - count.n, 'relative');
    else if (unit === 'week') v = aboutDayV(a.day - 7 * count.n, 'relative');
    else if (unit === 'month') v = monthV(a.mi - count.n, 'relative');
    else {
      if (count.several) return null;
      const y = a.y - count.n * (unit === 'decade' ? 10 : 1);
      if (!inRange(y)) return null;
      v = unit === 'decade' ? about(yearV(y, 'relative')) : yearV(y, 'relative');
    }
    return { value: approx && v.precision !== 'approximate' ? about(v) : v };
  });
}

/** A day with a month name, e.g. "11 november 2025", "June 13, 2025", "Freitag, 4. Juli". */
export const dayRule = (weekday: (name: string) => number, source: string): Rule =>
  rule(source, (m, c, g) => {
    const value = dayValue(
      c.a,
      Number(g.d),
      monthOf(g.mon ?? ''),
      g.y === undefined ? undefined : Number(g.y),
      g.wd === undefined ? undefined : weekday(g.wd),
      g.y === undefined && futureBefore(c, m.index),
    );
    return value ? { value } : null;
  });

/** Month names that are also given names: bare, they are dates only when not followed by a capitalised word. */
export const NAME_MONTHS = new Set(['april', 'may', 'june', 'august']);

/** A month name with an optional year, relative year ("förra året") or determiner ("last"). */
/** How a language writes month names: 'lower' (sv: "Mars" mid-sentence is the planet) or 'capitalised' (en, de: "May" may be a name). */
export type MonthCase = 'lower' | 'capitalised';
export const monthRule = (monthCase: MonthCase, source: string): Rule =>
  rule(source, (m, c, g) => {
    const mo = monthOf(g.mon ?? '');
    const { a } = c;
    // Swedish months are lower case: "Mars" mid-sentence is the planet ("Sonden når Mars 2026").
    if (monthCase === 'lower' && g.mon === 'Mars' && !atSentenceStart(c.s, m.index)) return null;
    if (g.y !== undefined) return { value: monthV(Number(g.y) * 12 + mo - 1, 'absolute'), modifiable: true };
    if (g.rel !== undefined) return { value: monthV((a.y + relOffset(g.rel)) * 12 + mo - 1, 'relative'), modifiable: true };
    if (g.det !== undefined) return { value: monthV(monthYear(a, mo, relOffset(g.det)) * 12 + mo - 1, 'relative'), modifiable: true };
    const end = m.index + m[0].length;
    const next = c.s.slice(end, end + 3);
    // "February 29, 2023" that is no date is no month either; "May's", "August Macke" are people.
    if (/^\s\d/u.test(next)) return null;
    if (monthCase !== 'lower' && (/^['’]s/u.test(next) || (NAME_MONTHS.has(m[0].toLowerCase()) && /^\s\p{Lu}/u.test(next)))) return null;
    const year = futureBefore(c, m.index) ? comingYear(a, mo) : pastYear(a, mo);
    return { value: monthV(year * 12 + mo - 1, 'relative'), needs: 'license', modifiable: true };
  });

export const SEASON_OF: Record<string, Season> = {};
export const addSeasons = (s: Season, ...names: string[]) => names.forEach((n) => (SEASON_OF[n] = s));
addSeasons('spring', 'våren', 'vår', 'våras', 'spring', 'frühling', 'frühjahr');
addSeasons('summer', 'sommaren', 'sommar', 'somras', 'summer', 'sommer');
addSeasons('autumn', 'hösten', 'höst', 'höstas', 'autumn', 'fall', 'herbst');
addSeasons('winter', 'vintern', 'vinter', 'vintras', 'winter');
export const seasonOf = (name: string): Season => SEASON_OF[norm(name)] ?? 'summer';
export const PREFIX_QUALIFIER: Record<string, TemporalQualifier> = {
  sen: 'late',
  för: 'early',
  hög: 'mid',
  spät: 'late',
  früh: 'early',
  hoch: 'mid',
};

/**
 * Seasons with a year ("sommaren 2024", "the summer of 2024", "Sommer 2024", "vintern 2024/25"),
 * with a relative year ("sommaren i fjol"), with a determiner ("förra sommaren", "last summer"),
 * or bare and licensed ("under sommaren", "in the summer", "im Sommer").
 */
export const seasonRule = (source: string, followers?: ReadonlySet<string>): Rule =>
  rule(source, (m, c, g) => {
    const s = seasonOf(g.s ?? g.sp ?? '');
    const prefix = g.pre === undefined ? undefined : PREFIX_QUALIFIER[norm(g.pre)];
    const withPrefix = (v: Value | null): Raw | null => (v ? { value: prefix ? { ...v, qualifier: prefix } : v, modifiable: true } : null);
    if (g.y !== undefined) return withPrefix(seasonInYear(s, Number(g.y), g.y2));
    if (g.rel !== undefined) {
      const v = seasonInYear(s, c.a.y + relOffset(g.rel), undefined);
      return withPrefix(v && { ...v, kind: 'relative' });
    }
    if (g.det !== undefined) {
      const o = relOffset(g.det);
      return withPrefix(seasonV(c.a, s, o < 0 ? 'ended' : o > 0 ? 'next' : 'this'));
    }
    // A bare season followed by a noun is an attribute ("Summer Visitors", "spring collection").
    const end = m.index + m[0].length;
    const next = /^\s{1,3}(\p{L}+)/u.exec(c.s.slice(end, end + 40))?.[1];
    if (followers && next !== undefined && !followers.has(next.toLowerCase())) return null;
    // "will reopen in the summer": the current or the coming one, as a future marker says.
    const raw = withPrefix(seasonV(c.a, s, futureBefore(c, m.index) ? 'current' : 'started'));
    return raw && { ...raw, needs: 'license' };
  });

/** Quarters with an ordinal ("tredje kvartalet", "the third quarter of 2025", "im dritten Quartal"). */
export const ORDINALS: Record<string, number> = {
  första: 1,
  andra: 2,
  tredje: 3,
  fjärde: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  erste: 1,
  zweite: 2,
  dritte: 3,
  vierte: 4,
};
export const ordinalOf = (t: string): number => {
  const digit = /^[1-4]/u.exec(t);
  return digit ? Number(digit[0]) : (ORDINALS[norm(t).replace(/(?<=e)(?:n|s)$/u, '')] ?? 0);
};
export const quarterRule = (source: string, requireYear: boolean): Rule =>
  rule(source, (_m, c, g) => {
    const q = ordinalOf(g.ord ?? '');
    if (q === 0) return null;
    const y = g.y ?? g.y2;
    if (y !== undefined) return { value: quarterV(Number(y), q, 'absolute') };
    if (g.rel !== undefined) return { value: quarterV(c.a.y + relOffset(g.rel), q, 'relative') };
    return requireYear ? null : { value: quarterV(quarterYear(c.a, q), q, 'relative') };
  });

/** "90-talet", "the '90s": the most recent such decade not after the anchor's. */
export const shortDecade = (a: Anchor, n: number): number => (2000 + n <= a.y - (a.y % 10) ? 2000 + n : 1900 + n);
export const decadeRule = (source: string, shortNeeds?: (g: Groups) => boolean): Rule =>
  rule(source, (_m, c, g) => {
    const q = g.q === undefined ? undefined : (norm(g.q) as 'early' | 'mid' | 'late');
    if (g.full !== undefined) {
      const start = Number(g.full);
      // "1900-talet", "the 2000s": a century as often as a decade.
      return start % 100 === 0 ? null : { value: decadeV(start, 'absolute', q), modifiable: true };
    }
    const n = Number(g.short ?? g.bare);
    if (n === 0 || (shortNeeds && !shortNeeds(g))) return null;
    return { value: decadeV(shortDecade(c.a, n), 'relative', q), modifiable: true };
  });
