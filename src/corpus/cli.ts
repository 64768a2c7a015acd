/**
 * `npm run corpus -- <command>`: the corpus pipeline from the command line.
 *   build <files or folders…> --out <file> [--registry <file>] [--strict] [--jobs <n>]
 *   extract <file.html|file.txt>        one article object as JSON on stdout
 *   validate <corpus.json>              check a corpus file against schema v1
 * `build` extracts in worker threads (--jobs, default one per core up to 4, from 24 files) when
 * run from scripts/corpus.mjs's bundle; the output is the same either way.
 * The only part of the pipeline that touches the file system (with node.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { validateCorpus } from '../core/corpus';
import { buildCorpusFromPaths, buildCorpusFromPathsInWorkers, loadRegistry, parseHtml, readSources, serveExtraction } from './node';
import { type BuildWarning, type BuiltCorpus, buildCorpus } from './pipeline';
import type { ExtractionError } from './types';

/** What a worker thread of the bundle (scripts/corpus.mjs) calls. */
export { serveExtraction };

export const DEFAULT_REGISTRY = 'assets/registry.json';

const USAGE = `usage:
  npm run corpus -- build <files or folders…> --out <file> [--registry <file>] [--strict] [--jobs <n>]
  npm run corpus -- extract <file.html|file.txt> [--registry <file>]
  npm run corpus -- validate <corpus.json>`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

type Parsed = { command: string | undefined; positional: string[]; flags: Map<string, string | true> } | { problem: string };

function parse(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--strict') flags.set('strict', true);
    else if (a === '--out' || a === '--registry' || a === '--jobs') {
      const v = rest[++i];
      if (v === undefined) return { problem: `${a} needs a value` };
      flags.set(a.slice(2), v);
    } else if (a.startsWith('--')) return { problem: `unknown option ${a}` };
    else positional.push(a);
  }
  const jobs = flags.get('jobs');
  if (jobs !== undefined && !/^[1-9]\d*$/.test(String(jobs))) return { problem: '--jobs needs a whole number of at least 1' };
  return { command, positional, flags };
}

/** Where the CLI runs: scripts/corpus.mjs passes its bundle's URL, which worker threads import. */
export interface CliEnv {
  workerModule?: string | undefined;
}

/**
 * Runs one command as scripts/corpus.mjs does: `build` extracts in worker threads when it may
 * (env.workerModule given, enough files or --jobs > 1). Returns the exit code, as {@link main}.
 */
export async function run(argv: readonly string[], io: Io = stdio, env: CliEnv = {}): Promise<number> {
  const parsed = parse(argv);
  if ('problem' in parsed || parsed.command !== 'build') return main(argv, io);
  const { positional, flags } = parsed;
  const out = flags.get('out');
  if (typeof out !== 'string' || positional.length === 0) return main(argv, io);
  const jobs = flags.get('jobs');
  const built = await buildCorpusFromPathsInWorkers(positional, registryOf(flags), {
    workerModule: env.workerModule,
    jobs: typeof jobs === 'string' ? Math.min(Number(jobs), 16) : undefined,
  });
  return reportBuild(io, out, built, flags.has('strict'));
}

const registryOf = (flags: Map<string, string | true>) => (flags.get('registry') as string | undefined) ?? DEFAULT_REGISTRY;

/** Writes a built corpus to `out` and says what was built and skipped; the exit code. */
function reportBuild(
  io: Io,
  out: string,
  { corpus, errors, warnings }: { corpus: BuiltCorpus; errors: ExtractionError[]; warnings: BuildWarning[] },
  strict: boolean,
): number {
  for (const e of errors) io.err(`skipped ${e.source}: ${e.reason}`);
  for (const w of warnings) io.err(`warning: ${w.source}: ${w.message}`);
  if (corpus.articles.length === 0) {
    io.err('no article could be built: nothing written');
    return 1;
  }
  writeFileSync(out, JSON.stringify(corpus));
  io.out(
    `${out}: ${corpus.articles.length} articles, ${corpus.entities.length} entities, ${corpus.events.length} events, ${corpus.stories.length} stories (build ${corpus.build})` +
      (warnings.length > 0 ? `; ${warnings.length} undated` : '') +
      (errors.length > 0 ? `; ${errors.length} input(s) skipped` : ''),
  );
  return errors.length > 0 && strict ? 1 : 0;
}

/** Runs one command in this thread; returns the exit code (0 ok, 1 some inputs failed or invalid, 2 usage). */
export function main(argv: readonly string[], io: Io = stdio): number {
  const parsed = parse(argv);
  if ('problem' in parsed) return usage(io, parsed.problem);
  const { command, positional, flags } = parsed;
  const registryPath = registryOf(flags);

  switch (command) {
    case 'build': {
      const out = flags.get('out');
      if (typeof out !== 'string') return usage(io, 'build needs --out <file>');
      if (positional.length === 0) return usage(io, 'build needs files or folders');
      return reportBuild(io, out, buildCorpusFromPaths(positional, registryPath), flags.has('strict'));
    }
    case 'extract': {
      if (positional.length !== 1) return usage(io, 'extract takes exactly one file');
      const { files, errors } = readSources(positional);
      const { corpus, errors: buildErrors, warnings } = buildCorpus(files, { parseHtml, registry: loadRegistry(registryPath) });
      for (const e of [...errors, ...buildErrors]) io.err(`${e.source}: ${e.reason}`);
      for (const w of warnings) io.err(`warning: ${w.source}: ${w.message}`);
      const article = corpus.articles[0];
      if (!article) return 1;
      io.out(JSON.stringify(article, null, 2));
      return 0;
    }
    case 'validate': {
      if (positional.length !== 1) return usage(io, 'validate takes exactly one file');
      const file = positional[0] ?? '';
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      } catch (e) {
        io.err(`${file}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
      const { problems } = validateCorpus(data);
      for (const p of problems) io.err(`${file}: ${p.path}: ${p.message}`);
      if (problems.length === 0) io.out(`${file}: a valid corpus (schema version 1)`);
      return problems.length === 0 ? 0 : 1;
    }
    default:
      return usage(io, command ? `unknown command ${command}` : 'no command');
  }
}

function usage(io: Io, problem: string): number {
  io.err(`${problem}\n${USAGE}`);
  return 2;
}
