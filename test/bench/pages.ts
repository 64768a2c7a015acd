/** The 88 article pages of ../shared/bench/declutter with their ground truth (read in place, never copied). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const BENCH_DIR = fileURLToPath(new URL('../../../shared/bench/declutter/', import.meta.url));

export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function benchAvailable(): boolean {
  return existsSync(join(BENCH_DIR, 'ground-truth.json'));
}

export function loadBenchPages(): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(BENCH_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return readdirSync(join(BENCH_DIR, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.slice(0, -'.html.gz'.length);
      const gt = truth[id];
      if (!gt) throw new Error(`no ground truth for ${id}`);
      return { id, url: gt.url, html: gunzipSync(readFileSync(join(BENCH_DIR, 'html', f))).toString('utf8'), truth: gt.articleBody };
    });
}
