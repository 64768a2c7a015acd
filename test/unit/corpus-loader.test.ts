/**
 * The bundled corpus in the database (src/background/corpus-loader.ts, through createBackground):
 * loaded once per build with its status published, errors reported and retried, and the alias
 * table compiled once per build.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openNewsDb } from '../../src/background/db';
import { createBackground } from '../../src/background/service';
import { STATUS_KEY } from '../../src/core/analysis';
import { emptyCorpus } from '../../src/core/corpus';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { type CorpusStatus, dispatch } from '../../src/core/messages';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';
import { fromTab, fromUi, page, self, setup } from '../fixtures/background';

/** The seed corpus, built once for this file (each background gets its own copy through fetchCorpus). */
const seedCorpus = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;

let n = 0;

describe('corpus loading', () => {
  it('loads the bundled corpus once and publishes progress and the final status', async () => {
    const { bg, session, fetches } = setup();
    const status = await bg.ensureCorpus();
    expect(status).toMatchObject({
      state: 'ready',
      build: 'fixture-1',
      articles: 2,
      entities: 2,
      events: 1,
      stories: 1,
      progress: 1,
      error: null,
    });
    const states = session.writes.filter(([k]) => k === STATUS_KEY).map(([, v]) => (v as CorpusStatus).state);
    expect(states[0]).toBe('loading');
    expect(states.at(-1)).toBe('ready');
    await bg.ensureCorpus();
    expect(fetches()).toBe(1);
  });

  it('does not reload a corpus already in the database (a restarted worker)', async () => {
    const first = setup();
    await first.bg.ensureCorpus();
    (await first.bg.db()).close();
    let fetched = false;
    const again = createBackground({
      openDb: () => openNewsDb(first.name),
      session: new MemorySession(),
      fetchCorpus: () => {
        fetched = true;
        return Promise.resolve(fixtureCorpus());
      },
      bundledBuild: 'fixture-1',
      setBadge: () => Promise.resolve(),
    });
    expect(await again.ensureCorpus()).toMatchObject({ state: 'ready', articles: 2 });
    expect(fetched).toBe(false);
  });

  it('reports an invalid bundled corpus with where it is wrong, and keeps working', async () => {
    const broken = { ...emptyCorpus('b'), articles: [{ id: 'x', title: 5 }] };
    const { bg, fetches } = setup(broken, 'b');
    const status = await bg.ensureCorpus();
    expect(status.state).toBe('error');
    expect(status.error).toContain('$.articles[0].title: expected a string');
    // Page analysis still works without a corpus.
    const r = await dispatch(bg.handlers, { type: 'content:page-analysed', page }, fromTab(4), self);
    expect(r.ok).toBe(true);
    // A malformed bundled file is not fetched again for every page.
    expect(fetches()).toBe(1);
  });

  it('retries after a transient failure (the database could not be opened)', async () => {
    let opens = 0;
    const name = `bg-flaky-${++n}`;
    const bg = createBackground({
      openDb: () => (++opens === 1 ? Promise.reject(new Error('QuotaExceededError')) : openNewsDb(name)),
      session: new MemorySession(),
      fetchCorpus: () => Promise.resolve(fixtureCorpus()),
      bundledBuild: 'fixture-1',
      setBadge: () => Promise.resolve(),
    });
    expect(await bg.ensureCorpus()).toMatchObject({ state: 'error', error: 'QuotaExceededError' });
    expect(await bg.ensureCorpus()).toMatchObject({ state: 'ready', articles: 2 });
  });
});

describe('the pages’ matcher', () => {
  it('matches content scripts’ text with the loaded corpus, and serves no extension page', async () => {
    const corpus = seedCorpus;
    const { bg } = setup(corpus, corpus.build);
    const text = 'Yann LeCun lämnar Meta för att starta ett eget bolag.';
    for (const tab of [1, 2]) {
      const r = await dispatch(bg.handlers, { type: 'content:scan-text', text, document: `d${String(tab)}`, page: 0 }, fromTab(tab), self);
      const value = (r as { value: { build: string; matches: { id: string }[] } }).value;
      expect(value.build).toBe(corpus.build);
      expect(value.matches.map((m) => m.id)).toEqual(['yann-lecun', 'meta']);
    }
    expect((await dispatch(bg.handlers, { type: 'content:scan-text', text, document: 'd', page: 0 }, fromUi, self)).ok).toBe(false);
  });
});
