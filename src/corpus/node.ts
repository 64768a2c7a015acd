/**
 * The Node side of the corpus pipeline, shared by the CLI and the Vite build: reading source
 * files and folders, parsing HTML with linkedom, loading the entity registry, extracting many
 * files in worker threads. Never bundled into the extension (tsconfig.json excludes it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { Module, createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker, parentPort } from 'node:worker_threads';
import { GAZETTEER_VERSION, type Gazetteer, parseGazetteer, parseRegistry, type Registry } from './entities';
import { type BuildWarning, type BuiltCorpus, type SourceFile, buildCorpus, buildCorpusFromExtracted, extractSource } from './pipeline';
import { type ExtractedArticle, ExtractionError } from './types';

/** File types the pipeline reads from folders; a file named explicitly is always tried. */
export const SOURCE_EXTENSIONS = /\.(?:txt|html?|xhtml)$/i;

/** A source path found by {@link listSources}, or why a named path cannot be used. */
type Listed = { path: string } | { error: ExtractionError };

/** The source files named or under the named folders (recursively, sorted), in visit order, unread. */
function listSources(paths: readonly string[]): Listed[] {
  const listed: Listed[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      listed.push({ error: new ExtractionError(path, 'no such file or folder') });
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
      return;
    }
    if (!explicit && !SOURCE_EXTENSIONS.test(path)) return;
    listed.push({ path });
  };
  for (const p of paths) visit(p, true);
  return listed;
}

/** Reads one source file; an unreadable one becomes an error. */
function readSource(path: string): SourceFile | ExtractionError {
  try {
    return { name: path, bytes: readFileSync(path) };
  } catch (e) {
    return new ExtractionError(path, `cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Reads the named files, and the source files under the named folders (recursively, sorted).
 * Unreadable paths become errors, not exceptions.
 */
export function readSources(paths: readonly string[]): { files: SourceFile[]; errors: ExtractionError[] } {
  const files: SourceFile[] = [];
  const errors: ExtractionError[] = [];
  for (const l of listSources(paths)) {
    const read = 'error' in l ? l.error : readSource(l.path);
    if (read instanceof ExtractionError) errors.push(read);
    else files.push(read);
  }
  return { files, errors };
}

/** linkedom, loaded on first use: it takes a few hundred ms, which `extract` of a text file need not wait. */
let linkedom: typeof import('linkedom') | undefined;

export const parseHtml = (html: string): Document => {
  linkedom ??= loadLinkedom();
  return linkedom.parseHTML(html).document;
};

/** The part of linkedom's Event that its EventTarget uses. */
interface LinkedomEvent {
  type: string;
  bubbles: boolean;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  currentTarget?: unknown;
  target?: unknown;
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
  _path: { currentTarget: object; target: object }[];
  _stopImmediatePropagationFlag: boolean;
}
type Listener = ((event: LinkedomEvent) => void) | { handleEvent: (event: LinkedomEvent) => void };

/**
 * linkedom's EventTarget (linkedom/cjs/interface/event-target.js, 0.18), except that a node gets
 * its listener map when a listener is first added rather than when it is made. linkedom's own
 * constructor puts a `new Map` for every DOM node into one module-wide WeakMap: a page of 5,000
 * nodes makes 5,000 maps and WeakMap entries, which the garbage collector must trace as ephemerons
 * long after the page is gone. On the bench pages that was a quarter of the extraction time and
 * most of the memory. The pipeline adds no listeners, so the maps are never needed.
 */
function lazyEventTarget() {
  const wm = new WeakMap<object, Map<string, Map<Listener, { once?: boolean } | undefined>>>();
  function invokeListeners(this: LinkedomEvent, { currentTarget, target }: { currentTarget: object; target: object }) {
    const listeners = wm.get(currentTarget)?.get(this.type);
    if (!listeners) return undefined;
    this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
    this.currentTarget = currentTarget;
    this.target = target;
    for (const [listener, options] of listeners) {
      if (options?.once) listeners.delete(listener);
      if (typeof listener === 'function') listener.call(target, this);
      else listener.handleEvent(this);
      if (this._stopImmediatePropagationFlag) break;
    }
    delete this.currentTarget;
    delete this.target;
    return this.cancelBubble;
  }
  return class EventTarget {
    _getParent(): EventTarget | null {
      return null;
    }
    addEventListener(type: string, listener: Listener, options?: { once?: boolean }) {
      let map = wm.get(this);
      if (!map) wm.set(this, (map = new Map<string, Map<Listener, { once?: boolean } | undefined>>()));
      let listeners = map.get(type);
      if (!listeners) map.set(type, (listeners = new Map<Listener, { once?: boolean } | undefined>()));
      listeners.set(listener, options);
    }
    removeEventListener(type: string, listener: Listener) {
      const map = wm.get(this);
      const listeners = map?.get(type);
      if (listeners?.delete(listener) && !listeners.size) map?.delete(type);
    }
    dispatchEvent(event: LinkedomEvent) {
      event.eventPhase = event.CAPTURING_PHASE;
      event._path.push({ currentTarget: this, target: this });
      for (let node = event.bubbles ? this._getParent() : null; node; node = node._getParent())
        event._path.push({ currentTarget: node, target: this });
      event._path.some(invokeListeners, event);
      event._path = [];
      event.eventPhase = event.NONE;
      return !event.defaultPrevented;
    }
  };
}

/** linkedom (its CommonJS build), with {@link lazyEventTarget} in place of its EventTarget when the file is where 0.18 has it. */
function loadLinkedom(): typeof import('linkedom') {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('linkedom')), 'interface', 'event-target.js');
  if (!(file in require.cache) && existsSync(file)) {
    const module = new Module(file);
    module.filename = file;
    module.loaded = true;
    module.exports = { EventTarget: lazyEventTarget() };
    require.cache[file] = module;
  }
  return require('linkedom') as typeof import('linkedom');
}

export function loadRegistry(path: string): Registry {
  return parseRegistry(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

export const GAZETTEER_CACHE = 'node_modules/.cache/news-context/gazetteer.json';

/**
 * The gazetteer derived from the pinned data packages, built into `path` by
 * scripts/gazetteer.mjs when missing or made from other package versions.
 */
export function loadGazetteer(path = GAZETTEER_CACHE): Gazetteer {
  const fresh = () => {
    if (!existsSync(path)) return false;
    const { version, sources } = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; sources?: Record<string, unknown> };
    if (version !== GAZETTEER_VERSION) return false;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies?: Record<string, string> };
    return Object.entries(sources ?? {}).every(([name, v]) => name === 'gazetteer' || pkg.devDependencies?.[name] === v);
  };
  if (!fresh()) execFileSync(process.execPath, ['scripts/gazetteer.mjs', '--out', path], { stdio: ['ignore', 'ignore', 'inherit'] });
  return parseGazetteer(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

/** Reads `paths` and builds the corpus: what the CLI's `build` and the Vite build both do. */
export function buildCorpusFromPaths(
  paths: readonly string[],
  registryPath: string,
): { corpus: BuiltCorpus; errors: ExtractionError[]; warnings: BuildWarning[] } {
  const read = readSources(paths);
  const built = buildCorpus(read.files, { parseHtml, registry: loadRegistry(registryPath), gazetteer: loadGazetteer() });
  return { corpus: built.corpus, errors: [...read.errors, ...built.errors], warnings: built.warnings };
}

/** One file's extraction as a worker sends it back (errors as data: they cross threads). */
type Extracted = { article: ExtractedArticle } | { error: { source: string; reason: string } } | { unread: string };

/** From this many files on, `build` extracts in worker threads (for fewer, starting them costs more than it saves). */
export const PARALLEL_MIN_FILES = 24;

/** Worker threads for a build: one per core, at most 4. */
export const defaultJobs = (): number => Math.min(4, availableParallelism());

/** A worker's heap limit, MB: enough for a 5 MB page's DOM; less lets garbage pile up (each worker has its own heap). */
const WORKER_HEAP_MB = 256;

/** A worker imports the CLI bundle (workerData.module, a file URL) and serves extraction requests. */
const WORKER_SOURCE = `import(require('node:worker_threads').workerData.module).then((m) => m.serveExtraction())`;

/** Reads and extracts one file, as readSources + buildCorpus would, errors included. */
function extractPath(path: string): Extracted {
  const file = readSource(path);
  if (file instanceof ExtractionError) return { unread: file.reason };
  try {
    return { article: extractSource(file, { parseHtml }) };
  } catch (e) {
    const error = e instanceof ExtractionError ? e : new ExtractionError(path, e instanceof Error ? e.message : String(e));
    return { error: { source: error.source, reason: error.reason } };
  }
}

/** The worker side of {@link extractInWorkers}: called by WORKER_SOURCE in each worker. */
export function serveExtraction(): void {
  const port = parentPort;
  if (!port) throw new Error('serveExtraction runs in a worker thread');
  port.on('message', (job: { index: number; path: string }) => {
    port.postMessage({ index: job.index, result: extractPath(job.path) });
  });
}

/**
 * Extracts `paths` in up to `jobs` worker threads, each importing `workerModule` (the CLI bundle);
 * results in the order of `paths`. A worker that dies (out of memory on a huge page) has its file
 * extracted here instead; if no worker starts at all, the rest is extracted here too.
 */
function extractInWorkers(
  paths: readonly string[],
  workerModule: string,
  jobs: number,
): Promise<{ results: Extracted[]; workers: number }> {
  const results = new Array<Extracted>(paths.length);
  let next = 0;
  let done = 0;
  let alive = 0;
  let workers = 0;
  return new Promise((resolve) => {
    const finish = (index: number, result: Extracted) => {
      results[index] = result;
      if (++done === paths.length) resolve({ results, workers });
    };
    const start = () => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module: workerModule },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      alive++;
      let current = -1;
      let served = 0;
      const feed = () => {
        if (next >= paths.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, path: paths[current] });
      };
      worker.on('message', (m: { index: number; result: Extracted }) => {
        if (served++ === 0) workers++;
        current = -1;
        finish(m.index, m.result);
        feed();
      });
      worker.on('error', () => undefined); // 'exit' follows
      worker.on('exit', () => {
        alive--;
        if (current < 0) return;
        finish(current, extractPath(paths[current] ?? ''));
        if (served > 0) start();
        else if (alive === 0) while (next < paths.length) finish(next, extractPath(paths[next++] ?? ''));
      });
      feed();
    };
    if (paths.length === 0) resolve({ results, workers });
    for (let i = 0; i < Math.min(jobs, paths.length); i++) start();
  });
}

/**
 * {@link buildCorpusFromPaths} with the extraction in worker threads when `workerModule` (the
 * CLI bundle's file URL) is given and there are enough files (or `jobs` > 1 says so). Files are
 * read one at a time as they are extracted, not all first. Same corpus, errors and warnings;
 * `workers` is how many worker threads extracted files (0: all in this thread).
 */
export async function buildCorpusFromPathsInWorkers(
  paths: readonly string[],
  registryPath: string,
  opts: { workerModule?: string | undefined; jobs?: number | undefined } = {},
): Promise<{ corpus: BuiltCorpus; errors: ExtractionError[]; warnings: BuildWarning[]; workers: number }> {
  const registry = loadRegistry(registryPath);
  const listed = listSources(paths).map((l, i) => ({ ...l, i }));
  // In name order, as buildCorpus sorts its files (a stable sort: a file named twice stays twice).
  const files = listed.flatMap((l) => ('path' in l ? [{ path: l.path, i: l.i }] : []));
  files.sort((a, b) => a.path.localeCompare(b.path));
  const sorted = files.map((f) => f.path);
  const jobs = opts.jobs ?? (sorted.length >= PARALLEL_MIN_FILES ? defaultJobs() : 1);
  const { results, workers } =
    opts.workerModule && jobs > 1
      ? await extractInWorkers(sorted, opts.workerModule, jobs)
      : { results: sorted.map(extractPath), workers: 0 };

  const resultOf = new Map(files.map((f, k) => [f.i, results[k]]));
  const readErrors = listed.flatMap((l) => {
    if ('error' in l) return [l.error];
    const r = resultOf.get(l.i);
    return r && 'unread' in r ? [new ExtractionError(l.path, r.unread)] : [];
  });
  const extracted: { name: string; article: ExtractedArticle }[] = [];
  const errors: ExtractionError[] = [];
  results.forEach((r, k) => {
    if ('article' in r) extracted.push({ name: sorted[k] ?? '', article: r.article });
    else if ('error' in r) errors.push(new ExtractionError(r.error.source, r.error.reason));
  });
  const built = buildCorpusFromExtracted(extracted, errors, { registry, gazetteer: loadGazetteer() });
  return { corpus: built.corpus, errors: [...readErrors, ...built.errors], warnings: built.warnings, workers };
}
