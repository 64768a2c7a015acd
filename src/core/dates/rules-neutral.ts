/** Language-neutral rules, for every language: ISO and numeric dates, Q3 2025, 2019–2022, licensed bare years. */
import { inRange, toDay, validDay } from './calendar';
import { quantityAfter } from './lexicon';
import { atSentenceStart, L0, leftOf, NB, NE, type Rule, rule, YEAR } from './patterns';
import { dayV, quarterV, quarterYear, yearV } from './resolve';

export const NEUTRAL: readonly Rule[] = [
  // 2025-11-11, 2025/11/11
  rule(`(?<![\\p{L}\\p{N}.,:/-])(?<y>\\d{4})(?<sep>[-/])(?<mo>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?![\\p{N}]|[-./,]\\p{N})`, (_m, _c, g) => {
    const [y, mo, d] = [Number(g.y), Number(g.mo), Number(g.d)];
    return inRange(y) && validDay(y, mo, d) ? { value: dayV(toDay(y, mo, d), 'absolute') } : null;
  }),
  // 11/11/2025, 13.06.2025: day first in sv and de; otherwise only when the values decide it.
  rule(`(?<![\\p{L}\\p{N}.,:/-])(?<p>\\d{1,2})(?<sep>[./])(?<q>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\p{N}]|[-./,]\\p{N})`, (_m, c, g) => {
    const [p, q, y] = [Number(g.p), Number(g.q), Number(g.y)];
    let dm: [number, number] | null = null;
    if (p > 12 && q <= 12) dm = [p, q];
    else if (q > 12 && p <= 12) dm = [q, p];
    else if (p === q || c.cfg?.dayFirst === true) dm = [p, q];
    if (!dm || !inRange(y) || !validDay(y, dm[1], dm[0])) return null;
    return { value: dayV(toDay(y, dm[1], dm[0]), 'absolute') };
  }),
  // Q3 2025, Q3/2025, Q3 '25, Q3 (the most recent third quarter). Not the Audi Q3.
  rule(`${L0}Q(?<q>[1-4])(?:[\\s/-]{0,3}(?<y>${YEAR})|\\s?['’](?<yy>\\d{2}))?${NE}`, (m, c, g) => {
    if (/(?<![\p{L}\p{N}])audi\s*$/iu.test(leftOf(c.s, m.index))) return null;
    const q = Number(g.q);
    if (g.y !== undefined) return { value: quarterV(Number(g.y), q, 'absolute') };
    if (g.yy !== undefined) return { value: quarterV(2000 + Number(g.yy), q, 'absolute') };
    return { value: quarterV(quarterYear(c.a, q), q, 'relative') };
  }),
  // 2019–2022: both years.
  rule(
    `${NB}(?<a>1[89]\\d{2}|2[01]\\d{2})\\s{0,3}[–—-]\\s{0,3}(?<b>1[89]\\d{2}|2[01]\\d{2})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|[-–—/]\\p{N})`,
    (m, _c, g) => {
      const [a, b] = [Number(g.a), Number(g.b)];
      if (b <= a || b - a > 100) return null;
      const end = m.index + m[0].length;
      return [
        { value: yearV(a, 'absolute'), modifiable: true, end: m.index + 4 },
        { value: yearV(b, 'absolute'), start: end - 4, end },
      ];
    },
  ),
  // A bare year, licensed by its context ("sedan 2013", "in 2022", "år 2022", "early 2024").
  rule(
    `(?<![\\p{L}\\p{N}.,:/$€£¥#@+&]|\\p{N}\\s{0,3}[-–—]\\s{0,3})(?<y>${YEAR})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s{0,3}[-–—/]\\s{0,3}\\p{N}|\\s{0,3}%|[-–—]\\p{L})`,
    (m, c, g) => {
      const y = Number(g.y);
      const end = m.index + m[0].length;
      const after = c.s.slice(end, end + 40);
      if (!c.cfg || quantityAfter(c, y, after)) return null;
      // Also a year without a licensing word: "(2013)", "2025 års", "2022's", and at the start of a
      // sentence before a comma or a function word ("2024 var ett rekordår", "In 2022, …" aside).
      const next = /^\s{1,3}(\p{L}+)/u.exec(after)?.[1]?.toLowerCase();
      const self =
        (c.s.charAt(m.index - 1) === '(' && after.startsWith(')')) ||
        c.cfg.yearSuffix?.test(after) === true ||
        (atSentenceStart(c.s, m.index) && (/^\s{0,3},/u.test(after) || (next !== undefined && c.cfg.followers.has(next))));
      return { value: yearV(y, 'absolute'), needs: self ? 'none' : 'license', modifiable: true };
    },
  ),
];
