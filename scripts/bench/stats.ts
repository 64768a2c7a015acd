/* eslint-disable @typescript-eslint/no-non-null-assertion -- benchmark code: indexes into arrays it has just built */
/** Shared helpers for the benchmarks, in Node and in a browser page: a seeded generator, timing and percentiles. */

/** mulberry32: the same sequence every run. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  return {
    runs: values.length,
    median: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
  };
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function timeSync(f: () => unknown, runs: number): Stats {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return stats(out);
}

export async function timeAsync(f: (i: number) => Promise<unknown>, runs: number): Promise<Stats> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f(i);
    out.push(performance.now() - t0);
  }
  return stats(out);
}
