// The corpus CLI (src/corpus/cli.ts and what it imports) bundled once into a cached ESM file,
// so `npm run corpus` starts in Node's time, not Vite's: node_modules/.cache/news-context/
// corpus-<hash>.mjs, the hash over the contents of every source file in it (and of this file).
// A manifest per checkout lists those files; when any of them changes, the bundle is rebuilt.
// Dependencies and Node built-ins stay external (imported from node_modules at run time).
// Two concurrent runs may both build: each writes a temporary file and renames it into place.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

/**
 * Hash of the bundler (this file) and the named files' contents, or null when one is missing.
 * @param {string} root
 * @param {readonly string[]} files paths relative to root
 */
function hashSources(root, files) {
  const h = createHash('sha256').update(readFileSync(SELF));
  for (const f of files) {
    let text;
    try {
      text = readFileSync(join(root, f));
    } catch {
      return null;
    }
    h.update(`\0${f}\0`).update(text);
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Writes `data` to `path` atomically (a temporary file in the same folder, then a rename).
 * @param {string} path
 * @param {string} data
 */
function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * The bundle of `entry`, built if missing or stale. Returns its path and whether this call built it.
 * @param {{ root?: string; entry?: string; cacheDir?: string }} [options]
 * @returns {Promise<{ path: string; url: string; built: boolean; files: string[] }>}
 */
export async function corpusBundle(options = {}) {
  const root = resolve(options.root ?? process.cwd());
  const entry = options.entry ?? 'src/corpus/cli.ts';
  // NEWS_CONTEXT_CACHE: another cache folder (the bench times a cold start in an empty one); it
  // must be under the checkout's node_modules, where the bundle's imports resolve.
  const cacheDir = options.cacheDir ?? process.env.NEWS_CONTEXT_CACHE ?? join(root, 'node_modules/.cache/news-context');
  // One manifest per checkout and entry (worktrees may share node_modules).
  const manifestPath = join(cacheDir, `corpus-${createHash('sha256').update(`${root}\0${entry}`).digest('hex').slice(0, 12)}.json`);
  /** @param {string} hash */
  const bundlePath = (hash) => join(cacheDir, `corpus-${hash}.mjs`);
  /** @param {string} path @param {boolean} built @param {string[]} files */
  const result = (path, built, files) => ({ path, url: pathToFileURL(path).href, built, files });

  try {
    const manifest = /** @type {{ files: string[]; hash: string }} */ (JSON.parse(readFileSync(manifestPath, 'utf8')));
    const hash = hashSources(root, manifest.files);
    if (hash === manifest.hash && existsSync(bundlePath(hash))) return result(bundlePath(hash), false, manifest.files);
  } catch {
    // No manifest yet, or an unreadable one: build.
  }

  const { build } = await import('vite');
  // Every module the bundle was made from, including those inlined away entirely (a module of
  // constants may leave no trace in the chunk's own list).
  /** @type {string[]} */
  let moduleIds = [];
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [
      {
        name: 'news-context:bundled-files',
        buildEnd() {
          moduleIds = [...this.getModuleIds()];
        },
      },
    ],
    build: {
      ssr: entry,
      write: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es' } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const chunk = chunks.find((c) => c.type === 'chunk' && c.isEntry);
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${entry} gave no entry chunk`);
  if (chunks.filter((c) => c.type === 'chunk').length > 1) throw new Error(`bundling ${entry} gave more than one chunk`);
  const files = moduleIds
    .filter((id) => isAbsolute(id) && !id.includes('/node_modules/'))
    .map((id) => relative(root, id).split('\\').join('/'))
    .sort();
  const hash = hashSources(root, files);
  if (hash === null) throw new Error(`a source file of ${entry} vanished while bundling`);
  mkdirSync(cacheDir, { recursive: true });
  writeAtomic(bundlePath(hash), chunk.code);
  writeAtomic(manifestPath, `${JSON.stringify({ entry, files, hash }, null, 2)}\n`);
  // Bundles unused for a week go (another checkout sharing node_modules rebuilds its own if needed).
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    try {
      if (/^corpus-.*\.(?:mjs|tmp)$/.test(name) && path !== bundlePath(hash) && statSync(path).atimeMs < Date.now() - 7 * 86_400_000)
        rmSync(path, { force: true });
    } catch {
      // Gone already (a concurrent run).
    }
  }
  return result(bundlePath(hash), true, files);
}
