/**
 * Conventions that keep the codebase honest: the two manifests agree, every UI string exists in
 * every locale, the layering the README describes holds, and no module of src/ imports itself
 * through others.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor } from '../../vite.config';

const ROOT = new URL('../../', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const locale = (lang: string) => JSON.parse(read(`assets/public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;

describe('manifests', () => {
  const chrome = manifestFor('chrome');
  const firefox = manifestFor('firefox');

  it('share name, version, permissions (less sidePanel), content scripts and pages', () => {
    expect(firefox.version).toBe(chrome.version);
    expect(firefox.version).toBe((JSON.parse(read('package.json')) as { version: string }).version);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    expect(firefox.action).toEqual(chrome.action);
    expect(firefox.options_ui).toEqual(chrome.options_ui);
    expect(firefox.permissions).toEqual(chrome.permissions.filter((p) => p !== 'sidePanel'));
  });

  it('asks for no permission beyond what the code uses', () => {
    expect(chrome.permissions).toEqual(['storage', 'scripting', 'sidePanel']);
    // Host access no wider than the content script's own matches (scripting runs declutter.js there).
    const matches = chrome.content_scripts.flatMap((c) => c.matches);
    expect(chrome.host_permissions).toEqual(matches);
    expect(firefox.host_permissions).toEqual(matches);
    expect(chrome).not.toHaveProperty('web_accessible_resources');
    // Every permission is used: scripting only by the declutter injection, sidePanel only in Chrome's branch.
    expect(read('src/platform/background.ts')).toContain('browser.scripting.executeScript');
  });

  it('give Firefox a sidebar, an event page and the gecko settings it requires', () => {
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.background).toEqual({ scripts: [chrome.background.service_worker], type: 'module' });
    expect(firefox).toMatchObject({
      sidebar_action: { default_panel: chrome.side_panel.default_path, open_at_install: false },
      browser_specific_settings: { gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } },
    });
  });

  it('keep a strict CSP on extension pages', () => {
    expect(chrome.content_security_policy.extension_pages).toMatch(/^script-src 'self';/);
  });
});

describe('locales', () => {
  const en = locale('en');
  const sv = locale('sv');

  it('have the same keys in English and Swedish', () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('define every message the manifest and the code use', () => {
    const used = new Set<string>();
    for (const m of read('manifest.json').matchAll(/__MSG_(\w+)__/g)) used.add(m[1]!);
    for (const f of files('src').filter((f) => /\.tsx?$/.test(f))) {
      for (const m of read(f).matchAll(/\bt\(\s*'(\w+)'/g)) used.add(m[1]!);
      for (const m of read(f).matchAll(/(?:prepareDocument|mountPage)\('(\w+)'/g)) used.add(m[1]!);
    }
    used.add('sidebarTitle');
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});

describe('layering', () => {
  const imports = (f: string) => [...read(f).matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

  it('only src/platform/ calls the browser APIs', () => {
    const offenders = files('src')
      .filter((f) => !f.startsWith('src/platform/') && /\.tsx?$/.test(f))
      .filter((f) => /\b(?:browser|chrome)\.(?:runtime|storage|tabs|action|sidePanel|sidebarAction|i18n|windows|commands)\b/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('core/ imports nothing outside core/', () => {
    // Relative imports that stay inside core/: "./x", "./matcher/x", or "../x" from a subfolder of core/.
    for (const f of files('src/core'))
      for (const i of imports(f)) {
        const depth = f.split('/').length - 3; // src/core/x.ts → 0, src/core/matcher/x.ts → 1
        const up = i.match(/\.\.\//g)?.length ?? 0;
        expect(`${f} → ${i}`).toMatch(/→ \.{1,2}\/[\w/.-]+$/);
        expect(up, `${f} → ${i} leaves core/`).toBeLessThanOrEqual(depth);
      }
  });

  it('no Node built-in reaches browser code (only the corpus CLI and its file reader use Node)', () => {
    const nodeSide = new Set(['src/corpus/cli.ts', 'src/corpus/node.ts']);
    for (const f of files('src').filter((f) => !nodeSide.has(f)))
      for (const i of imports(f)) expect(`${relative('src', f)} → ${i}`).not.toMatch(/→ (node:|fs$|path$|crypto$)/);
  });
});

describe('import graph', () => {
  const sources = files('src').filter((f) => /\.tsx?$/.test(f));
  const known = new Set(sources);
  // Every `import … from`, `import '…'` and `export … from`, type-only ones included: a cycle of types
  // is still two modules that cannot be understood (or moved) one without the other.
  const specifiers = (f: string) =>
    [...read(f).matchAll(/^[ \t]*(?:(?:import|export)\b[^'"`;]*?\bfrom[ \t]*|import[ \t]*)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const resolve = (from: string, spec: string): string | null => {
    const base = normalize(join(dirname(from), spec));
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => known.has(c)) ?? null;
  };
  const graph = new Map(
    sources.map((f) => [
      f,
      specifiers(f)
        .filter((s) => s.startsWith('.'))
        .flatMap((s) => resolve(f, s) ?? []),
    ]),
  );

  it('resolves the relative imports of src/ (other than assets)', () => {
    const unresolved = sources.flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith('.') && !/\.(?:css|json|svg|png)(?:\?.*)?$/.test(s) && resolve(f, s) === null)
        .map((s) => `${f} → ${s}`),
    );
    expect(unresolved).toEqual([]);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('has no cycle in src/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      path.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === 'open') cycles.push([...path.slice(path.indexOf(d)), d].join(' → '));
        else if (!state.has(d)) visit(d);
      }
      path.pop();
      state.set(f, 'done');
    };
    for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('keeps the content script thin: no matcher, language detector, summariser, article finder or hover card in its imports', () => {
    // What the content script loads runs on every page (issue 15): the work that needs no DOM is the background's.
    const reached = new Set<string>();
    const walk = (f: string) => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const d of graph.get(f) ?? []) walk(d);
    };
    const entry = join('src', 'content', 'index.ts');
    walk(entry);
    expect(reached.size).toBeGreaterThan(10);
    const heavy = [
      join('src', 'core', 'matcher.ts'),
      join('src', 'core', 'lang.ts'),
      join('src', 'core', 'page-text.ts'),
      join('src', 'corpus', 'summarise.ts'),
      join('src', 'corpus', 'extract-html.ts'),
      // The hover card's code comes when the page's first card is asked for (card.js).
      join('src', 'page', 'card-host.ts'),
      join('src', 'ui', 'components', 'hover-card.ts'),
    ];
    for (const h of heavy) expect(known.has(h), `${h} exists`).toBe(true);
    expect(heavy.filter((h) => reached.has(h))).toEqual([]);
  });
});
