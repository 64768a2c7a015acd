/**
 * Extractive summaries and key points: sentences of the text itself, never rewritten, each with
 * its position so the UI can cite it. A sentence scores by how central its content words are
 * to the text (TF-IDF centroid similarity), its position (news puts the point first), its
 * length (very short lines are headings; very long ones are lists), and the named entities it
 * carries. Key points are chosen for coverage: each new point must add terms the others lack
 * (maximal marginal relevance).
 */
import { functionWords } from '../core/lang';
import { cosine, cosineWith, squaredNorm } from '../core/vectors';

export interface ScoredSentence {
  /** Index of the sentence in the input array. */
  index: number;
  text: string;
  score: number;
}

export interface SummaryInput {
  text: string;
  /** Number of entity mentions in the sentence (optional signal). */
  entities?: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’:][\p{L}\p{N}]+)*/gu;

/** Content words of a sentence: lower-cased, no function words, no single letters. */
export function contentWords(text: string, lang: string): string[] {
  const stop = functionWords(lang);
  return (text.toLowerCase().match(TOKEN) ?? []).filter((w) => w.length > 1 && !stop.has(w) && !/^\d+$/.test(w));
}

function vector(words: readonly string[], idf: ReadonlyMap<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 1));
  return v;
}

/** Scores every sentence of one text (an article's body, or the sentences of a whole story). */
export function scoreSentences(sentences: readonly SummaryInput[], lang: string): ScoredSentence[] {
  const words = sentences.map((s) => contentWords(s.text, lang));
  // Inverse "sentence frequency": terms in every sentence say nothing about any one of them.
  const df = new Map<string, number>();
  for (const ws of words) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(sentences.length, 1);
  const idf = new Map([...df].map(([w, d]) => [w, Math.log(1 + n / d)]));
  const vectors = words.map((ws) => vector(ws, idf));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  // The centroid's length once, not per sentence: scoring stays linear in the text's size.
  const centroidNorm2 = squaredNorm(centroid);
  return sentences.map((s, i) => {
    const length = words[i]?.length ?? 0;
    const centrality = cosineWith(vectors[i] ?? new Map(), centroid, centroidNorm2);
    const position = 1 / Math.sqrt(1 + i / 2);
    // Headings and fragments (few content words, no final punctuation) are not summary material.
    const shape = length < 4 || !/[.!?…"”»]$/.test(s.text) ? 0.2 : length > 45 ? 0.6 : 1;
    const entityBoost = 1 + Math.min(s.entities ?? 0, 3) * 0.1;
    return { index: i, text: s.text, score: (0.65 * centrality + 0.35 * position) * shape * entityBoost };
  });
}

/**
 * The `count` best sentences in their original order: a readable extractive summary.
 * Near-duplicates of an already chosen sentence are skipped.
 */
export function summarise(sentences: readonly SummaryInput[], lang: string, count = 3): ScoredSentence[] {
  return pick(scoreSentences(sentences, lang), lang, count, 0.2).sort((a, b) => a.index - b.index);
}

/**
 * 3–5 key points, best first, chosen for coverage (each adds what the others lack). `exclude`
 * holds indices not to pick (the summary's, so that key points add to it rather than repeat
 * it), unless that would leave fewer than 3 candidates: a short text repeats rather than starves.
 */
export function keyPoints(
  sentences: readonly SummaryInput[],
  lang: string,
  count = 5,
  exclude: ReadonlySet<number> = new Set(),
): ScoredSentence[] {
  const n = Math.max(3, Math.min(count, 5));
  const scored = scoreSentences(sentences, lang);
  const rest = scored.filter((s) => !exclude.has(s.index) && s.score > 0);
  return pick(rest.length >= 3 ? rest : scored, lang, n, 0.5);
}

/** Maximal marginal relevance: trade the score against similarity to what was already picked. */
function pick(scored: readonly ScoredSentence[], lang: string, count: number, diversity: number): ScoredSentence[] {
  const candidates = scored.filter((s) => s.score > 0);
  const words = new Map(candidates.map((s) => [s.index, new Map(contentWords(s.text, lang).map((w) => [w, 1]))]));
  const chosen: ScoredSentence[] = [];
  // A loop, not Math.max(...scores): a text of 100,000+ sentences would overflow the arguments.
  let maxScore = 1e-9;
  for (const c of candidates) if (c.score > maxScore) maxScore = c.score;
  while (chosen.length < count) {
    let best: ScoredSentence | null = null;
    let bestValue = -Infinity;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const cw = words.get(c.index) ?? new Map<string, number>();
      const redundancy = Math.max(0, ...chosen.map((p) => cosine(cw, words.get(p.index) ?? new Map<string, number>())));
      if (redundancy > 0.8) continue; // a near-duplicate
      const value = (1 - diversity) * (c.score / maxScore) - diversity * redundancy;
      if (value > bestValue) [best, bestValue] = [c, value];
    }
    if (!best) break;
    chosen.push(best);
  }
  return chosen;
}
