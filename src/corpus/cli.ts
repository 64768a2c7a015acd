/**
 * `npm run corpus -- <command>`: the corpus pipeline from the command line.
 *   build <files or folders…> --out <file> [--registry <file>] [--strict]
 *   extract <file.html|file.txt>        one article object as JSON on stdout
 *   validate <corpus.json>              check a corpus file against schema v1
 * The only part of the pipeline that touches the file system (with node.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { validateCorpus } from '../core/corpus';
import { buildCorpusFromPaths, loadRegistry, parseHtml, readSources } from './node';
import { buildCorpus } from './pipeline';

export const DEFAULT_REGISTRY = 'assets/registry.json';

const USAGE = `usage:
  npm run corpus -- build <files or folders…> --out <file> [--registry <file>] [--strict]
  npm run corpus -- extract <file.html|file.txt> [--registry <file>]
  npm run corpus -- validate <corpus.json>`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

/** Runs one command; returns the exit code (0 ok, 1 some inputs failed or invalid, 2 usage). */
export function main(argv: readonly string[], io: Io = stdio): number {
  const [command, ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--strict') flags.set('strict', true);
    else if (a === '--out' || a === '--registry') {
      const v = rest[++i];
      if (v === undefined) return usage(io, `${a} needs a value`);
      flags.set(a.slice(2), v);
    } else if (a.startsWith('--')) return usage(io, `unknown option ${a}`);
    else positional.push(a);
  }
  const registryPath = (flags.get('registry') as string | undefined) ?? DEFAULT_REGISTRY;

  switch (command) {
    case 'build': {
      const out = flags.get('out');
      if (typeof out !== 'string') return usage(io, 'build needs --out <file>');
      if (positional.length === 0) return usage(io, 'build needs files or folders');
      const { corpus, errors, warnings } = buildCorpusFromPaths(positional, registryPath);
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
      return errors.length > 0 && flags.has('strict') ? 1 : 0;
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
