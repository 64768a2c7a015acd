/**
 * The Node side of the corpus pipeline, shared by the CLI and the Vite build: reading source
 * files and folders, parsing HTML with linkedom, loading the entity registry. Never bundled into
 * the extension (tsconfig.json excludes it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { GAZETTEER_VERSION, type Gazetteer, parseGazetteer, parseRegistry, type Registry } from './entities';
import { type BuildWarning, type BuiltCorpus, type SourceFile, buildCorpus } from './pipeline';
import { ExtractionError } from './types';

/** File types the pipeline reads from folders; a file named explicitly is always tried. */
export const SOURCE_EXTENSIONS = /\.(?:txt|html?|xhtml)$/i;

/**
 * Reads the named files, and the source files under the named folders (recursively, sorted).
 * Unreadable paths become errors, not exceptions.
 */
export function readSources(paths: readonly string[]): { files: SourceFile[]; errors: ExtractionError[] } {
  const files: SourceFile[] = [];
  const errors: ExtractionError[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      errors.push(new ExtractionError(path, 'no such file or folder'));
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
      return;
    }
    if (!explicit && !SOURCE_EXTENSIONS.test(path)) return;
    try {
      files.push({ name: path, bytes: readFileSync(path) });
    } catch (e) {
      errors.push(new ExtractionError(path, `cannot be read: ${e instanceof Error ? e.message : String(e)}`));
    }
  };
  for (const p of paths) visit(p, true);
  return { files, errors };
}

export const parseHtml = (html: string): Document => parseHTML(html).document;

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
