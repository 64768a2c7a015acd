/**
 * The scoring rule of ../shared/bench/declutter/README.md: 4-word shingles (words by a Unicode
 * \w+ pattern), counted in both texts; per page precision and recall; means over pages; F1 of
 * the two means.
 */

/** Python's Unicode \w: letters, numbers and underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const words = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const key = words.slice(i, i + 4).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let predTotal = 0;
  let truthTotal = 0;
  for (const [k, n] of p) {
    predTotal += n;
    tp += Math.min(n, t.get(k) ?? 0);
  }
  for (const n of t.values()) truthTotal += n;
  const fp = predTotal - tp;
  const fn = truthTotal - tp;
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, tp, fp, fn };
  return { precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn), tp, fp, fn };
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function summarise(scores: readonly PageScore[]): Summary {
  const precision = scores.reduce((s, x) => s + x.precision, 0) / scores.length;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / scores.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), pages: scores.length };
}

/** One page's F1, from its precision and recall (0 when both are 0). */
export function pageF1(s: { precision: number; recall: number }): number {
  return s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}
