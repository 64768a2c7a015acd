/**
 * `npm run corpus` as Node runs it: the CLI bundle cached in node_modules/.cache (rebuilt when a
 * source changes, reused otherwise), and `build` extracting in worker threads with the same
 * output, errors and warnings as in one thread.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusBundle } from '../../scripts/lib/corpus-bundle.mjs';
import { variant } from '../../scripts/lib/bench-pages.mjs';
import { run } from '../../src/corpus/cli';
import { buildCorpusFromPaths, buildCorpusFromPathsInWorkers, parseHtml } from '../../src/corpus/node';

const REGISTRY = 'assets/registry.json';

describe('the CLI bundle', () => {
  it('is built once, reused while its sources are unchanged and rebuilt when one changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nc-bundle-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/main.ts'), `import { word } from './word';\nexport const say = (): string => word;\n`);
    writeFileSync(join(root, 'src/word.ts'), `export const word: string = 'one';\n`);
    writeFileSync(join(root, 'src/unused.ts'), `export const unused = 1;\n`);
    const options = { root, entry: 'src/main.ts', cacheDir: join(root, 'cache') };
    const say = async (url: string) => ((await import(url)) as { say: () => string }).say();

    // Two runs at once on an empty cache: both succeed with the same bundle.
    const [first, second] = await Promise.all([corpusBundle(options), corpusBundle(options)]);
    expect(first.built && second.built).toBe(true);
    expect(second.path).toBe(first.path);
    expect(first.files).toEqual(['src/main.ts', 'src/word.ts']);
    expect(await say(first.url)).toBe('one');

    const again = await corpusBundle(options);
    expect(again).toMatchObject({ path: first.path, built: false });
    // A file the bundle does not contain changes nothing.
    writeFileSync(join(root, 'src/unused.ts'), `export const unused = 2;\n`);
    expect(await corpusBundle(options)).toMatchObject({ path: first.path, built: false });

    writeFileSync(join(root, 'src/word.ts'), `export const word: string = 'two';\n`);
    const changed = await corpusBundle(options);
    expect(changed.built).toBe(true);
    expect(changed.path).not.toBe(first.path);
    expect(await say(changed.url)).toBe('two');
    expect(await corpusBundle(options)).toMatchObject({ path: changed.path, built: false });
  }, 60_000);
});

describe("the pipeline's HTML parser", () => {
  it("keeps linkedom's events working with listener maps made on first use", () => {
    const doc = parseHtml('<!doctype html><html><body><div id="a"><p id="b">x</p></div></body></html>');
    const seen: string[] = [];
    const a = doc.getElementById('a');
    const b = doc.getElementById('b');
    const Event = doc.defaultView?.Event;
    if (!a || !b || !Event) throw new Error('no document');
    a.addEventListener('ping', (e) => seen.push(`a ${(e.target as Element).id} ${e.eventPhase}`));
    b.addEventListener('ping', (e) => seen.push(`b ${e.eventPhase}`), { once: true });
    const stop = () => seen.push('stopped');
    a.addEventListener('stop', stop);
    b.dispatchEvent(new Event('ping', { bubbles: true }));
    b.dispatchEvent(new Event('ping', { bubbles: true }));
    b.dispatchEvent(new Event('ping'));
    a.removeEventListener('stop', stop);
    a.dispatchEvent(new Event('stop'));
    expect(seen).toEqual([`b ${Event.AT_TARGET}`, `a b ${Event.BUBBLING_PHASE}`, `a b ${Event.BUBBLING_PHASE}`]);
    // The EventTarget in the nodes' prototype chain is node.ts's, not linkedom's (a map per node).
    let proto: unknown = b;
    while (proto && !Object.hasOwn(proto, 'addEventListener')) proto = Object.getPrototypeOf(proto);
    expect(String((proto as { constructor: unknown }).constructor)).not.toContain('wm.set(this, new Map)');
  });
});

describe('build in worker threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nc-workers-'));
  const paragraph = (topic: string, n: number) =>
    `<p>The ${topic} committee met on Tuesday in Stockholm, where Ericsson and Volvo presented plan number ${n} to the ministers, who said on June 3, 2025 that a decision would follow.</p>`;
  const page = (n: number, topic: string) =>
    `<!doctype html><html lang="en"><head><title>${topic} plan ${n} presented</title><meta property="article:published_time" content="2025-06-${String(10 + n).padStart(2, '0')}T08:00:00Z"></head><body><article><h1>${topic} plan ${n} presented</h1>${[1, 2, 3, 4, 5].map((k) => paragraph(topic, n * 10 + k)).join('')}</article></body></html>`;
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  ['harbour', 'railway', 'energy', 'harbour', 'school', 'railway'].forEach((topic, n) =>
    writeFileSync(join(pages, `p${n}.html`), variant(page(n, topic), n % 3)),
  );
  writeFileSync(join(pages, 'empty.html'), '');
  writeFileSync(join(pages, 'binary.txt'), new Uint8Array([1, 0, 2, 3]));
  writeFileSync(join(pages, 'untitled.html'), `<!doctype html><html><body><p>${'Nothing here. '.repeat(40)}</p></body></html>`);
  writeFileSync(join(pages, 'undated.html'), page(7, 'bridge').replace(/<meta[^>]*>/, ''));
  const inputs = ['assets/seeds', pages, join(dir, 'missing.txt')];

  it('reads lazily in one thread with the same result as buildCorpusFromPaths', async () => {
    const sync = buildCorpusFromPaths(inputs, REGISTRY);
    const lazy = await buildCorpusFromPathsInWorkers(inputs, REGISTRY);
    expect(JSON.stringify(lazy.corpus)).toBe(JSON.stringify(sync.corpus));
    expect(lazy.errors.map((e) => e.message)).toEqual(sync.errors.map((e) => e.message));
    expect(lazy.warnings).toEqual(sync.warnings);
    expect(sync.errors.length).toBe(3);
    expect(sync.warnings.length).toBe(2);
  });

  it('extracts in worker threads that import the bundle, with the same result', async () => {
    const bundle = await corpusBundle();
    const sync = buildCorpusFromPaths(inputs, REGISTRY);
    const parallel = await buildCorpusFromPathsInWorkers(inputs, REGISTRY, { workerModule: bundle.url, jobs: 2 });
    expect(parallel.workers).toBe(2);
    expect(JSON.stringify(parallel.corpus)).toBe(JSON.stringify(sync.corpus));
    expect(parallel.errors.map((e) => e.message)).toEqual(sync.errors.map((e) => e.message));
    expect(parallel.warnings).toEqual(sync.warnings);
  }, 60_000);

  it('takes --jobs as a whole number of threads', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (s: string) => err.push(s) };
    expect(await run(['build', ...inputs, '--out', join(dir, 'x.json'), '--jobs', '0'], io)).toBe(2);
    expect(await run(['build', ...inputs, '--out', join(dir, 'x.json'), '--jobs'], io)).toBe(2);
    expect(err.join('\n')).toContain('--jobs needs a whole number of at least 1');
    expect(err.join('\n')).toContain('--jobs needs a value');
  });

  it('without a bundle (as under vitest) runs in this thread', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const file = join(dir, 'in-process.json');
    const code = await run(['build', ...inputs, '--out', file, '--jobs', '2'], { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(buildCorpusFromPaths(inputs, REGISTRY).corpus);
  });

  it('gives the same corpus, build id, errors and warnings as one thread', () => {
    const cli = (out: string, jobs: string) => {
      const r = spawnSync(process.execPath, ['scripts/corpus.mjs', 'build', ...inputs, '--out', out, '--jobs', jobs], {
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout.replace(out, 'OUT'), stderr: r.stderr, json: readFileSync(out, 'utf8') };
    };
    const one = cli(join(dir, 'one.json'), '1');
    const three = cli(join(dir, 'three.json'), '3');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/: 10 articles, .*; 2 undated; 3 input\(s\) skipped/);
    expect(one.stderr).toContain(`skipped ${join(pages, 'binary.txt')}: binary data`);
    expect(three).toEqual(one);
    expect(JSON.parse(one.json)).toEqual(buildCorpusFromPaths(inputs, REGISTRY).corpus);
  }, 120_000);
});
