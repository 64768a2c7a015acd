import { existsSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { buildCorpusFromPaths } from './src/corpus/node.ts';

type Target = 'chrome' | 'firefox';
const CONTENT_SCRIPT = 'src/content/index.ts';
/** The reader view (an extension page no manifest entry names: popup, side panel and options link to it). */
const READER_PAGE = 'src/ui/reader/index.html';
type Manifest = typeof baseManifest & Record<string, unknown>;

/** The Firefox extension id; also used by the e2e tests to pin the moz-extension UUID. */
export const GECKO_ID = 'news-context@example.org';

/**
 * One manifest.json is the source of truth (Chrome flavour); Firefox differences are applied
 * here so they cannot drift: event-page background, sidebar_action instead of side_panel,
 * no sidePanel permission, gecko settings with the data-collection declaration.
 */
export function manifestFor(target: Target): Manifest {
  const m: Manifest = structuredClone(baseManifest);
  m.version = pkg.version;
  if (target === 'chrome') return m;
  const { side_panel: sidePanel, minimum_chrome_version: _min, ...rest } = m;
  const commands: Record<string, unknown> = {
    _execute_sidebar_action: {
      suggested_key: m.commands['open-side-panel'].suggested_key,
      description: m.commands['open-side-panel'].description,
    },
  };
  return {
    ...rest,
    background: { scripts: [m.background.service_worker], type: 'module' },
    permissions: m.permissions.filter((p) => p !== 'sidePanel'),
    commands,
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_sidebarTitle__',
      default_icon: m.icons,
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as Manifest;
}

/** Where the bundled corpus comes from; NEWS_CONTEXT_CORPUS (comma-separated paths) overrides it for tests. */
const CORPUS_SOURCES = process.env.NEWS_CONTEXT_CORPUS?.split(',') ?? ['assets/seeds', 'assets/corpus'];
const REGISTRY = 'assets/registry.json';

/**
 * Runs the corpus pipeline over the source articles: the same code as `npm run corpus -- build`.
 * Its build id is a hash of its content, so the background reloads the database exactly when
 * the bundled corpus changed. A bad source file is skipped with a warning; the rest builds.
 */
function bundledCorpus(): { build: string; json: string; warnings: string[] } {
  const { corpus, errors } = buildCorpusFromPaths(
    CORPUS_SOURCES.filter((p) => existsSync(p)),
    REGISTRY,
  );
  if (corpus.articles.length === 0) throw new Error(`the bundled corpus is empty: no article in ${CORPUS_SOURCES.join(', ')}`);
  return { build: corpus.build, json: JSON.stringify(corpus), warnings: errors.map((e) => `corpus: skipped ${e.source}: ${e.reason}`) };
}

/** Emits dist/<target>/corpus.json, which the background loads into IndexedDB on install/upgrade. */
function emitCorpus({ json, warnings }: ReturnType<typeof bundledCorpus>): Plugin {
  return {
    name: 'news-context:bundled-corpus',
    apply: 'build',
    generateBundle() {
      for (const w of warnings) this.warn(w);
      this.emitFile({ type: 'asset', fileName: 'corpus.json', source: json });
    },
  };
}

/** The declutter scripts: run on demand by the background (scripting.executeScript), never content scripts of every page. */
const INJECTED_SCRIPTS = [
  // Walls and boilerplate, with the article finder: article pages only.
  { entry: 'src/content/declutter.ts', file: 'declutter.js' },
  // Ad-blocker walls only, small: every page where declutter is on.
  { entry: 'src/content/walls.ts', file: 'walls.js' },
  // The hover card: in a page's content-script world on its first card (src/content/card-api.ts).
  { entry: 'src/content/card.ts', file: 'card.js' },
];

/**
 * Builds each of {@link INJECTED_SCRIPTS} as one self-contained, minified IIFE and emits it as
 * dist/<target>/<file>: a file the background can inject (files: [...]) without a loader, dynamic
 * import or web_accessible_resources.
 */
function injectedScripts(target: Target): Plugin {
  return {
    name: 'news-context:injected-scripts',
    apply: 'build',
    async generateBundle() {
      for (const { entry, file } of INJECTED_SCRIPTS) {
        const out = await build({
          configFile: false,
          logLevel: 'silent',
          define: { __BROWSER__: JSON.stringify(target) },
          build: {
            write: false,
            minify: true,
            target: target === 'chrome' ? 'chrome123' : 'firefox140',
            lib: { entry, formats: ['iife'], name: 'NewsContextDeclutter', fileName: () => file },
          },
        });
        const result = Array.isArray(out) ? out[0] : out;
        const chunk = result && 'output' in result ? result.output.find((o) => o.type === 'chunk') : undefined;
        if (!chunk) throw new Error(`building ${entry} gave no output`);
        this.emitFile({ type: 'asset', fileName: file, source: chunk.code });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const corpus = bundledCorpus();
  return {
    publicDir: 'assets/public',
    define: {
      __BROWSER__: JSON.stringify(target),
      __CORPUS_BUILD__: JSON.stringify(corpus.build),
    },
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // One self-contained IIFE: no loader, no dynamic import, and no web_accessible_resources
        // through which any page could detect (fingerprint) the extension.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
      emitCorpus(corpus),
      injectedScripts(target),
    ],
    build: {
      outDir: process.env.NEWS_CONTEXT_OUT_DIR ?? `dist/${target}`,
      emptyOutDir: true,
      target: target === 'chrome' ? 'chrome123' : 'firefox140',
      sourcemap: false,
      modulePreload: false,
      rolldownOptions: {
        // CRXJS builds the HTML pages it finds in the manifest: the reader view, which only our
        // own pages link to, is an explicit input; so is Firefox's sidebar, since CRXJS does not
        // know sidebar_action.
        input: {
          reader: READER_PAGE,
          ...(target === 'firefox' ? { sidebar: baseManifest.side_panel.default_path } : {}),
        },
        output: {
          // Third-party runtimes get chunks named after them, so that a linter finding in one
          // (see README, "addons-linter") is traceable to its source.
          manualChunks: (id: string) => (/[\\/]node_modules[\\/]preact[\\/]/.test(id) ? 'vendor-preact' : undefined),
        },
      },
    },
  };
});
