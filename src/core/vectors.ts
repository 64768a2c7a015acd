/** Sparse term vectors (term → weight) and their cosine similarity: shared by summaries, stories and page scoring. */
export type SparseVector = ReadonlyMap<string, number>;

/** Cosine similarity of two sparse vectors; 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
