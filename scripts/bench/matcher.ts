/**
 * Matcher scaling: the trie matcher (src/core/matcher.ts) at 100, 10,000 and 100,000 aliases over
 * 60 KB and 600 KB of text, against two RegExp baselines measured in the same run on the same texts.
 */
import type { Corpus } from '../../src/core/corpus';
import { type MatchableEntity, aliasForms, compileAliasTable, createMatcher, toMatchable } from '../../src/core/matcher';
import { Worker } from 'node:worker_threads';
import { heapUsed, percentile, pick, rng, round, timeSync } from './util';

const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'bo', 'da', 'fu', 'gi', 'ha', 'jo', 'pe'];

function word(r: () => number, n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYL);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** `count` synthetic organisations with unique one- to three-word names (the unit test's generator). */
export function syntheticEntities(count: number): MatchableEntity[] {
  const r = rng(7);
  const out: MatchableEntity[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const name = Array.from({ length: 1 + Math.floor(r() * 3) }, () => word(r, 3 + Math.floor(r() * 2))).join(' ');
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ id: `syn-${out.length}`, type: 'organization', name, aliases: [] });
  }
  return out;
}

/** Sentences of the seed articles, shuffled and repeated to `bytes`, with planted names after every few sentences. */
export function benchText(corpus: Corpus, bytes: number, planted: readonly string[]): string {
  const r = rng(99);
  const sentences = corpus.articles.flatMap((a) => a.body.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    let s = pick(r, sentences);
    if (++n % 3 === 0) s = `${s} ${pick(r, planted)} said so.`;
    parts.push(s);
    size += s.length + 1;
    if (n % 6 === 0) parts.push('\n');
  }
  return parts.join(' ').slice(0, bytes);
}

interface Capped {
  stopped: boolean;
  /** The median of the completed runs, or the time limit when the first run was stopped. */
  ms: number;
  runs: number[];
  matches: number;
}

/** Runs a baseline in a worker, `runs` times, stopping it at `limitMs` (a RegExp exec cannot be interrupted). */
function baseline(
  kind: 'perAlias' | 'alternation',
  forms: readonly string[],
  text: string,
  runs: number,
  limitMs: number,
): Promise<Capped> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./baseline-worker.mjs', import.meta.url), { workerData: { kind, forms, text, runs } });
    const done: { ms: number; matches: number }[] = [];
    const finish = async (stopped: boolean) => {
      clearTimeout(timer);
      // Wait for the worker to be gone: tearing down one stopped in a huge RegExp takes a few hundred
      // ms of CPU, which would otherwise overlap (and inflate) the next trie timing.
      await worker.terminate();
      const times = done.map((d) => d.ms);
      resolve({
        stopped,
        ms: stopped && !times.length ? limitMs : round(percentile(times, 50)),
        runs: times.map((t) => round(t)),
        matches: done[0]?.matches ?? 0,
      });
    };
    // Each run gets `limitMs`; a run stopped after others completed leaves their median.
    let timer = setTimeout(() => void finish(done.length === 0), limitMs);
    worker.on('message', (m: { ms: number; matches: number }) => {
      done.push(m);
      clearTimeout(timer);
      if (done.length === runs) void finish(false);
      else timer = setTimeout(() => void finish(false), limitMs);
    });
    worker.on('error', reject);
  });
}

export interface MatcherBenchOptions {
  corpus: Corpus;
  quick: boolean;
  /** Time limit of one baseline scan, in ms. */
  limitMs: number;
}

export async function runMatcherBench({ corpus, quick, limitMs }: MatcherBenchOptions) {
  const real = corpus.entities.map((e) => toMatchable(e));
  const sizes = [100, 10_000, 100_000];
  const synthetic = syntheticEntities(Math.max(...sizes));
  // The names planted in the text: real corpus names and names from the first 100 synthetic ones, so every table has them.
  const planted = [
    ...real.map((e) => e.name),
    ...synthetic
      .slice(0, 100)
      .filter((_, i) => i % 5 === 0)
      .map((e) => e.name),
  ];
  const texts = { '60 KB': benchText(corpus, 60_000, planted), '600 KB': benchText(corpus, 600_000, planted) };
  const scanRuns = quick ? 5 : 21;
  const tables = [];
  for (const size of sizes) {
    // The real corpus entities plus synthetic ones, `size` entities in all.
    const entities = [...real, ...synthetic.slice(0, Math.max(0, size - real.length))];
    const forms = [...new Set(entities.flatMap((e) => aliasForms(e)))];
    const h0 = heapUsed();
    const table = compileAliasTable(entities);
    const heapBytes = heapUsed() - h0;
    const build = timeSync(() => compileAliasTable(entities), quick || size === 100_000 ? 1 : 3);
    const json = JSON.stringify(table);
    const load = timeSync(() => createMatcher(JSON.parse(json) as typeof table), quick || size === 100_000 ? 1 : 3);
    const matcher = createMatcher(table);
    // Warm the scanner up (JIT) before timing, so that the first table is not penalised.
    for (let i = 0; i < 5; i++) for (const text of Object.values(texts)) matcher.scan(text);
    const scans: Record<string, unknown> = {};
    for (const [label, text] of Object.entries(texts)) {
      matcher.scan(text); // warm up
      const matches = matcher.scan(text).length;
      const scan = timeSync(() => matcher.scan(text), label === '600 KB' ? Math.max(3, Math.ceil(scanRuns / 3)) : scanRuns);
      const baseRuns = quick ? 1 : 3;
      const regexPerAlias = await baseline('perAlias', forms, text, baseRuns, limitMs);
      const regexAlternation = await baseline('alternation', forms, text, baseRuns, limitMs);
      scans[label] = { bytes: text.length, matches, scan, regexPerAlias, regexAlternation };
      console.info(
        `  matcher ${size} entities, ${label}: scan median ${scan.median.toFixed(2)} ms; per-alias ${regexPerAlias.stopped ? '>' : ''}${regexPerAlias.ms.toFixed(0)} ms; alternation ${regexAlternation.stopped ? '>' : ''}${regexAlternation.ms.toFixed(0)} ms`,
      );
    }
    tables.push({ entities: entities.length, aliases: forms.length, build, load, jsonBytes: json.length, heapBytes, scans });
  }
  return { planted: planted.length, tables };
}
