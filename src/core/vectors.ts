/** Sparse term vectors (term → weight) and their cosine similarity: shared by summaries, stories and page scoring. */
export type SparseVector = ReadonlyMap<string, number>;

/** Cosine similarity of two sparse vectors; 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  return cosineWith(a, b, squaredNorm(b));
}

/** Σ x² over a vector: the squared length {@link cosineWith} takes for a vector compared many times. */
export function squaredNorm(v: SparseVector): number {
  let n = 0;
  for (const x of v.values()) n += x * x;
  return n;
}

/**
 * {@link cosine} of `a` and `b` where `b`'s squared length is already known (`bNorm2`, from
 * {@link squaredNorm}): it visits only `a`'s entries, so comparing many small vectors with one big
 * one (sentences with their centroid) costs their total size, not their number times its size.
 */
export function cosineWith(a: SparseVector, b: SparseVector, bNorm2: number): number {
  let dot = 0;
  let na = 0;
  for (const [k, x] of a) {
    na += x * x;
    const y = b.get(k);
    if (y !== undefined) dot += x * y;
  }
  return na === 0 || bNorm2 === 0 ? 0 : dot / Math.sqrt(na * bNorm2);
}
