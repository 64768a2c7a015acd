/* eslint-disable @typescript-eslint/no-non-null-assertion -- benchmark code: indexes into arrays it has just built */
/**
 * Corpus scaling: the pipeline build, the IndexedDB load (fake-indexeddb in Node) and the
 * background's look-ups, for the seed corpus and a synthetic 10,000-article corpus.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PAGES, writeBenchPages } from '../lib/bench-pages.mjs';
import type { TabAnalysis } from '../../src/core/analysis';
import type { PageFeatures } from '../../src/core/scoring';
import { pageTerms } from '../../src/core/scoring';
import { entityCard } from '../../src/background/cards';
import { readerArticle, tabContext } from '../../src/background/context';
import { loadCorpus, openNewsDb } from '../../src/background/db';
import { createScoringCache, scorePageInDb } from '../../src/background/story';
import { type BuiltCorpus, type CorpusArticle, type CorpusStory, buildCorpus } from '../../src/corpus/pipeline';
import { buildCorpusFromPaths, loadRegistry, parseHtml } from '../../src/corpus/node';
import { analysisOf } from './lookups';
import { pick, rng, round, stats, timeAsync } from './util';

export { analysisOf } from './lookups';

export const SEED_PATHS = ['assets/seeds', 'assets/corpus'];
export const REGISTRY = 'assets/registry.json';

export function buildSeedCorpus(): { corpus: BuiltCorpus; ms: number } {
  const t0 = performance.now();
  const { corpus } = buildCorpusFromPaths(SEED_PATHS, REGISTRY);
  return { corpus, ms: performance.now() - t0 };
}

const splitSentences = (body: string) => body.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
const TOPICS = ['budget', 'election', 'merger', 'lawsuit', 'launch', 'strike', 'summit', 'recall', 'ruling', 'forecast'];
const dateOf = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);

/** `count` HTML articles recombined from the seed articles' sentences, for the pipeline itself. */
export function syntheticSources(seed: BuiltCorpus, count: number) {
  const r = rng(11);
  const enc = new TextEncoder();
  return Array.from({ length: count }, (_, i) => {
    const base = seed.articles[i % seed.articles.length]!;
    const sentences = splitSentences(base.body);
    const body = Array.from({ length: 14 }, () => `<p>${pick(r, sentences)}</p>`).join('\n');
    const title = `${base.title} – ${pick(r, TOPICS)} ${i}`;
    const html = `<!doctype html><html lang="${base.lang}"><head><title>${title}</title><meta property="article:published_time" content="${dateOf(i)}T08:00:00Z"><meta property="og:site_name" content="Bench ${i % 40}"></head><body><article><h1>${title}</h1><time datetime="${dateOf(i)}">${dateOf(i)}</time>${body}</article></body></html>`;
    return { name: `syn/${String(i).padStart(5, '0')}.html`, bytes: enc.encode(html) };
  });
}

/**
 * A corpus of `count` articles made directly (not through the pipeline): the seed articles'
 * sentences recombined, with varied titles, dates and sources; stories of four articles; the seed
 * entities plus synthetic ones whose facts cite the new articles.
 */
export function syntheticCorpus(seed: BuiltCorpus, count: number): BuiltCorpus {
  const r = rng(5);
  const perStory = 4;
  const storyCount = Math.ceil(count / perStory);
  const synEntities = Array.from({ length: Math.ceil(count / 5) }, (_, i) => ({
    id: `syn-entity-${i}`,
    name: `Entity ${i.toString(36)} ${pick(r, TOPICS)}`,
  }));
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < count; i++) {
    const base = seed.articles[i % seed.articles.length]!;
    const sentences = splitSentences(base.body);
    const chosen = Array.from({ length: 12 + Math.floor(r() * 12) }, () => pick(r, sentences));
    let body = '';
    const offsets: [number, number][] = [];
    for (const s of chosen) {
      if (body) body += ' ';
      offsets.push([body.length, body.length + s.length]);
      body += s;
    }
    const own = [pick(r, synEntities).id, pick(r, synEntities).id, synEntities[i % synEntities.length]!.id];
    articles.push({
      ...base,
      id: `syn-${i}`,
      title: `${base.title} – ${pick(r, TOPICS)} ${i}`,
      source: `Bench ${i % 40}`,
      url: `https://bench.example/${i}`,
      published: dateOf(i),
      lead: chosen[0] ?? null,
      body,
      summary: chosen.slice(0, 3),
      keyPoints: chosen.slice(3, 6).map((text, k) => ({ text, sentence: k + 3 })),
      entities: [...new Set([...base.entities.filter(() => r() < 0.3), ...own])],
      storyId: `syn-story-${Math.floor(i / perStory)}`,
      sentences: offsets,
    });
  }
  const cite = (a: CorpusArticle, k: number) => ({ text: body(a, k), articleId: a.id, sentence: k });
  const body = (a: CorpusArticle, k: number) => a.body.slice(...(a.sentences[k % a.sentences.length] ?? [0, 0]));
  const entities = [
    ...seed.entities,
    ...synEntities.map((e, i) => {
      const cites = Array.from({ length: 4 }, () => articles[Math.floor(r() * count)]!);
      return {
        id: e.id,
        name: e.name,
        type: 'organization' as const,
        aliases: [`${e.name} Inc`],
        description: cite(cites[0]!, 1).text,
        descriptions: [cite(cites[0]!, 1)],
        facts: cites.map((a, k) => cite(a, k + 2)),
        wikidata: null,
        mentionCount: 4 + (i % 7),
      };
    }),
  ];
  const stories: CorpusStory[] = [];
  for (let s = 0; s < storyCount; s++) {
    const members = articles.slice(s * perStory, (s + 1) * perStory);
    const base = seed.stories[s % seed.stories.length]!;
    const lead = members[0]!;
    const sents = members.flatMap((a) => [0, 1].map((k) => ({ ...cite(a, k) })));
    stories.push({
      ...base,
      id: `syn-story-${s}`,
      title: lead.title,
      lang: lead.lang,
      articleIds: members.map((a) => a.id),
      entities: [...new Set(members.flatMap((a) => a.entities))],
      summary: sents.slice(0, 3).map((x) => x.text),
      summaries: { [lead.lang]: sents.slice(0, 3) },
      keyPoints: { [lead.lang]: sents.slice(3, 6) },
      related: Array.from({ length: 3 }, () => {
        const o = Math.floor(r() * storyCount);
        return { storyId: `syn-story-${o}`, score: round(0.1 + r() * 0.3, 2), shared: lead.entities.slice(0, 3) };
      }).filter((x) => x.storyId !== `syn-story-${s}`),
    });
  }
  const events = articles
    .filter((_, i) => i % 2 === 0)
    .map((a, i) => ({
      ...seed.events[i % seed.events.length]!,
      id: `syn-ev-${i}`,
      date: a.published ?? dateOf(i),
      precision: 'day' as const,
      text: body(a, 2),
      articleId: a.id,
      sentence: 2,
      entities: a.entities.slice(0, 4),
      sources: [{ articleId: a.id, sentence: 2, text: body(a, 2) }],
    }));
  return { ...seed, build: `bench-${count}`, articles, entities, stories, events };
}

/** What the content script would send for a page that is (a variation of) a corpus article. */
function pageOf(a: CorpusArticle, variant: number): PageFeatures {
  const counts = new Map<string, number>();
  for (const id of a.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    url: `https://elsewhere.example/${variant}`,
    lang: a.lang,
    title: `${a.title} (${variant})`,
    published: a.published,
    entities: [...counts].map(([id, count]) => ({ id, count })),
    terms: pageTerms(`${a.title}\n\n${a.body}`, a.lang),
    words: a.body.split(/\s+/).length,
  };
}

export async function benchLookups(corpus: BuiltCorpus, label: string, quick: boolean) {
  const db = await openNewsDb(`bench-${label}-${Date.now()}`);
  const t0 = performance.now();
  await loadCorpus(db, corpus);
  const loadMs = performance.now() - t0;
  const r = rng(3);
  const runs = quick ? 40 : 200;
  const pages = Array.from({ length: runs }, (_, i) => pageOf(pick(r, corpus.articles), i));
  const entityIds = Array.from({ length: runs }, () => pick(r, corpus.entities).id);
  const storyIds = Array.from({ length: runs }, () => pick(r, corpus.stories).id);
  const articleIds = Array.from({ length: runs }, () => pick(r, corpus.articles).id);

  const card = await timeAsync((i) => entityCard(db, entityIds[i]!, { lang: 'sv', storyId: storyIds[i]! }), runs);
  const cache = createScoringCache();
  const c0 = performance.now();
  const first = await scorePageInDb(db, pages[0]!, {}, cache);
  const scoreFirstMs = performance.now() - c0;
  const scoreWarm = await timeAsync((i) => scorePageInDb(db, pages[i]!, {}, cache), runs);
  const reader = await timeAsync((i) => readerArticle(db, articleIds[i]!), runs);
  const analyses: TabAnalysis[] = [];
  for (let i = 0; i < Math.min(runs, quick ? 20 : 60); i++) {
    const p = pages[i]!;
    analyses.push(analysisOf(p, i === 0 ? first : await scorePageInDb(db, p, {}, cache), corpus.build));
  }
  // As the background asks: with its scoring index's cache (warm from the analyses).
  const context = await timeAsync((i) => tabContext(db, analyses[i]!, { scoring: cache }), analyses.length);
  db.close();
  return {
    articles: corpus.articles.length,
    entities: corpus.entities.length,
    events: corpus.events.length,
    stories: corpus.stories.length,
    jsonBytes: JSON.stringify(corpus).length,
    loadMs: round(loadMs),
    storyFound: analyses.filter((a) => a.story).length / analyses.length,
    entityCard: card,
    scoreFirstMs: round(scoreFirstMs),
    scoreWarm,
    readerArticle: reader,
    tabContext: context,
  };
}

export async function runCorpusBench({ quick }: { quick: boolean }) {
  const builds = Array.from({ length: quick ? 1 : 3 }, () => buildSeedCorpus());
  const seed = builds[0]!.corpus;
  const seedBuild = stats(builds.map((b) => b.ms));
  const pipelineCount = quick ? 40 : 300;
  const sources = syntheticSources(seed, pipelineCount);
  const p0 = performance.now();
  const built = buildCorpus(sources, { parseHtml, registry: loadRegistry(REGISTRY) });
  const pipelineMs = performance.now() - p0;
  console.info(`  pipeline: seed ${seedBuild.median.toFixed(0)} ms; ${pipelineCount} synthetic texts ${pipelineMs.toFixed(0)} ms`);
  const seedLookups = await benchLookups(seed, 'seed', quick);
  console.info(`  seed corpus: load ${seedLookups.loadMs.toFixed(0)} ms`);
  const bigCount = 10_000;
  const g0 = performance.now();
  const big = syntheticCorpus(seed, bigCount);
  const generateMs = performance.now() - g0;
  const bigLookups = await benchLookups(big, 'big', quick);
  console.info(`  ${bigCount} articles: load ${bigLookups.loadMs.toFixed(0)} ms`);
  return {
    store: 'fake-indexeddb 6 in Node (not the browser IndexedDB)',
    seed: { build: seedBuild, ...seedLookups },
    pipeline: {
      texts: pipelineCount,
      ms: round(pipelineMs),
      articles: built.corpus.articles.length,
      stories: built.corpus.stories.length,
      errors: built.errors.length,
      firstError: built.errors[0]?.message ?? null,
    },
    synthetic: { generateMs: round(generateMs), ...bigLookups },
    seedCorpus: seed,
  };
}

/** What `node scripts/corpus.mjs …` took: wall time, the process's peak RSS (all its threads), its output. */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; peakRssBytes: number; code: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nc-bench-cli-'));
  const rssFile = join(dir, 'maxrss');
  // Written as the process exits: the peak resident set of the whole process, worker threads included.
  const hook = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)));`,
  )}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', hook, 'scripts/corpus.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - t0;
  const peakRssBytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(dir, { recursive: true, force: true });
  return { ms: round(ms), peakRssBytes, code, stdout, stderr };
}

/** `npm run corpus -- extract` of one file: the first run with an empty bundle cache, then `warm` runs. */
async function extractTimes(file: string, warm: number) {
  // Inside node_modules, as the bundle's own imports (linkedom, Readability) resolve from where it is.
  mkdirSync('node_modules/.cache/news-context', { recursive: true });
  const cache = mkdtempSync('node_modules/.cache/news-context/cold-');
  const env = { NEWS_CONTEXT_CACHE: cache };
  const cold = await runCli(['extract', file], env);
  if (cold.code !== 0) throw new Error(`corpus extract ${file} failed: ${cold.stderr}`);
  const runs = [];
  for (let i = 0; i < warm; i++) runs.push(await runCli(['extract', file], env));
  rmSync(cache, { recursive: true, force: true });
  return {
    file,
    bytes: statSync(file).size,
    coldMs: cold.ms,
    warm: stats(runs.map((r) => r.ms)),
    warmPeakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
  };
}

/** The `build` summary line: "out: 993 articles, 1723 entities, 959 events, 78 stories (build …); …". */
function builtCounts(stdout: string) {
  const m = /(\d+) articles, (\d+) entities, (\d+) events, (\d+) stories.*?(?:; (\d+) undated)?(?:; (\d+) input\(s\) skipped)?$/m.exec(
    stdout,
  );
  const num = (i: number) => Number(m?.[i] ?? 0);
  return { articles: num(1), entities: num(2), events: num(3), stories: num(4), undated: num(5), skipped: num(6) };
}

/**
 * The CLI as a user runs it, in child processes: the pipeline on `count` real-size pages (the
 * declutter bench's saved news pages, made distinct: see scripts/lib/bench-pages.mjs) in worker
 * threads and in one, and `extract` of one page cold and warm.
 */
export async function runCliBench({ quick }: { quick: boolean }) {
  const warm = 5;
  const extract = [await extractTimes('assets/seeds/004_b9dd206ab3ce0339.txt', warm)];
  const count = quick ? 200 : 1000;
  const dir = mkdtempSync(join(tmpdir(), 'nc-bench-pages-'));
  try {
    const sources = writeBenchPages(dir, count);
    if (sources === 0) return { extract, pipeline: { skipped: `${BENCH_PAGES} is absent: no real-size pages to build` } };
    // A page of median size among the distinct ones.
    const pages = Array.from({ length: sources }, (_, i) => join(dir, `page-${String(i).padStart(5, '0')}.html`));
    const bySize = pages.map((p) => ({ p, size: statSync(p).size })).sort((a, b) => a.size - b.size);
    const median = bySize[Math.floor(bySize.length / 2)]!;
    extract.push(await extractTimes(median.p, warm));
    const out = join(dir, 'corpus.json');
    const builds = [];
    for (const jobs of quick ? [null] : [null, '1']) {
      const r = await runCli(['build', dir, '--out', out, ...(jobs ? ['--jobs', jobs] : [])]);
      if (r.code !== 0) throw new Error(`corpus build failed: ${r.stderr.slice(-2000)}`);
      builds.push({
        threads: jobs ? 'one thread' : 'worker threads (default)',
        ms: r.ms,
        peakRssBytes: r.peakRssBytes,
        ...builtCounts(r.stdout),
      });
      console.info(
        `  build of ${count} pages, ${builds.at(-1)!.threads}: ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.peakRssBytes / 1048576).toFixed(0)} MB`,
      );
    }
    return { extract, pipeline: { pages: count, sources, builds } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
