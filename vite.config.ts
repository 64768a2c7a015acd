import { createHash } from 'node:crypto';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { type Corpus, emptyCorpus } from './src/core/corpus.ts';

type Target = 'chrome' | 'firefox';
const CONTENT_SCRIPT = 'src/content/index.ts';
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

/**
 * The corpus bundled with this build. Until the corpus pipeline lands (issue 3) it is the empty
 * schema-v1 corpus. Its build id is a hash of its content, so the background reloads the
 * database exactly when the bundled corpus changed.
 */
function bundledCorpus(): { corpus: Corpus; json: string } {
  const draft = emptyCorpus('');
  const build = createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 16);
  const corpus = { ...draft, build };
  return { corpus, json: JSON.stringify(corpus) };
}

/** Emits dist/<target>/corpus.json, which the background loads into IndexedDB on install/upgrade. */
function emitCorpus(json: string): Plugin {
  return {
    name: 'news-context:bundled-corpus',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'corpus.json', source: json });
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const { corpus, json } = bundledCorpus();
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
      emitCorpus(json),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'chrome' ? 'chrome123' : 'firefox140',
      sourcemap: false,
      modulePreload: false,
      rolldownOptions: {
        // CRXJS builds the HTML pages it finds in the manifest, and it does not know Firefox's
        // sidebar_action: there the side panel page must be an explicit input.
        ...(target === 'firefox' ? { input: { sidebar: baseManifest.side_panel.default_path } } : {}),
        output: {
          // Third-party runtimes get chunks named after them, so that a linter finding in one
          // (see README, "addons-linter") is traceable to its source.
          manualChunks: (id: string) => (/[\\/]node_modules[\\/]preact[\\/]/.test(id) ? 'vendor-preact' : undefined),
        },
      },
    },
  };
});
