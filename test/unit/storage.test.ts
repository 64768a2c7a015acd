/**
 * The background's storage mode (src/background/storage.ts, through createBackground). Data safety
 * when storage misbehaves: an upgrade blocked by another context that holds the old
 * version, a full disk, a database that cannot be opened at all. The extension keeps working
 * read-only (the corpus served, settings refused with a clear error), loses nothing, and comes
 * back to normal when it can.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { type Db, DB_VERSION, getSiteSettings, openNewsDb, setSiteSwitch } from '../../src/background/db';
import { createBackground } from '../../src/background/service';
import { copyUserData, isQuotaError } from '../../src/background/storage';
import { STATUS_KEY, type TabAnalysis, tabKey } from '../../src/core/analysis';
import { type CorpusStatus, dispatch } from '../../src/core/messages';
import { fixtureCorpus } from '../fixtures/corpus';
import { MemorySession } from '../fixtures/memory-session';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const fromUi = { id: 'ext', url: 'chrome-extension://ext/src/ui/popup/index.html' };
const URL_A = 'https://news.example/story';
const page = {
  url: URL_A,
  title: 'A story',
  lang: 'en',
  langSource: 'detected' as const,
  words: 321,
  published: null,
  isArticle: true,
  entities: [{ id: 'e-tidewater', count: 2 }],
  terms: [] as { term: string; weight: number }[],
};

let n = 0;
const freshName = () => `safety-${++n}`;

function background(name: string, openDb: (onBlocked: () => void) => Promise<Db>, bundledBuild = 'fixture-1') {
  const session = new MemorySession();
  const bg = createBackground({
    openDb,
    openMemoryDb: () => openNewsDb(name, { factory: new IDBFactory() }),
    blockedGraceMs: 30,
    session,
    fetchCorpus: () => Promise.resolve(fixtureCorpus(bundledBuild)),
    bundledBuild,
    setBadge: () => Promise.resolve(),
  });
  const analyse = async () => {
    const r = await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page, document: 'd1' },
      { id: 'ext', url: URL_A, tabId: 1, frameId: 0 },
      self,
    );
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toEqual({ highlights: expect.any(Boolean) as boolean, remember: false });
    return (await session.get(tabKey(1))) as TabAnalysis;
  };
  const switchOff = () =>
    dispatch(bg.handlers, { type: 'ui:set-site-switch', site: 'news.example', feature: 'declutter', value: false }, fromUi, self);
  const published = async () => (await session.get(STATUS_KEY)) as CorpusStatus;
  return { bg, session, analyse, switchOff, published };
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** The real database, except that writing the bundled corpus fails as a full disk does. */
function fullDisk(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return (stores: string | string[], mode?: IDBTransactionMode) => {
          const names = typeof stores === 'string' ? [stores] : stores;
          if (mode === 'readwrite' && names.includes('articles')) throw quotaError();
          return (target.transaction as (s: unknown, m?: IDBTransactionMode) => unknown)(stores, mode);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('a blocked upgrade', () => {
  it('serves the corpus read-only from memory while another context holds the old version, then upgrades and keeps the settings', async () => {
    const name = freshName();
    // A database of the previous schema with a setting in it, held open by a context that ignores versionchange.
    const old = await openNewsDb(name, { version: DB_VERSION - 1 });
    await setSiteSwitch(old, 'news.example', 'highlights', false);
    old.close();
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, DB_VERSION - 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    let blockedCalls = 0;
    const { bg, analyse, switchOff, published } = background(name, (onBlocked) =>
      openNewsDb(name, {
        onBlocked: () => {
          blockedCalls++;
          onBlocked();
        },
      }),
    );

    const status = await bg.ensureCorpus();
    expect(blockedCalls).toBe(1);
    expect(status).toMatchObject({ state: 'ready', articles: 2, readOnly: { reason: 'blocked' } });
    expect((await published()).readOnly?.reason).toBe('blocked');
    // The extension keeps working: the page is analysed against the corpus.
    const analysis = await analyse();
    expect(analysis.entities.map((e) => e.id)).toEqual(['e-tidewater']);
    // Settings cannot change, and the caller is told why; nothing is half-written.
    const refused = await switchOff();
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(!refused.ok && refused.error.message).toMatch(/cannot be saved.*blocked/);

    // The other context lets go: the upgrade runs, the real database (with the reader's setting) is back.
    holder.close();
    await expect.poll(async () => (await published()).readOnly, { timeout: 2000 }).toBeNull();
    expect((await published()).state).toBe('ready');
    expect((await analyse()).site.highlights).toBe(false);
    expect((await switchOff()).ok).toBe(true);
    const db = await bg.db();
    expect(db.version).toBe(DB_VERSION);
    expect(await getSiteSettings(db, 'news.example')).toEqual({ highlights: false, declutter: false });
  });
});

describe('a full disk', () => {
  it('loads the corpus into memory when none is stored, with the settings copied, and refuses setting changes', async () => {
    const name = freshName();
    const real = await openNewsDb(name);
    await setSiteSwitch(real, 'news.example', 'highlights', false);
    const { bg, analyse, switchOff } = background(name, () => Promise.resolve(fullDisk(real)));
    const status = await bg.ensureCorpus();
    expect(status).toMatchObject({ state: 'ready', build: 'fixture-1', articles: 2, readOnly: { reason: 'quota' }, error: null });
    const analysis = await analyse();
    expect(analysis.entities.map((e) => e.id)).toEqual(['e-tidewater']);
    expect(analysis.site.highlights).toBe(false);
    expect(await switchOff()).toMatchObject({ ok: false, error: { code: 'read-only' } });
    // Nothing was lost from the real database.
    expect(await getSiteSettings(real, 'news.example')).toEqual({ highlights: false });
  });

  it('keeps serving the corpus already stored when the new one does not fit', async () => {
    const name = freshName();
    const first = background(name, () => openNewsDb(name), 'build-a');
    await first.bg.ensureCorpus();
    const real = await first.bg.db();
    const { bg, analyse } = background(name, () => Promise.resolve(fullDisk(real)), 'build-b');
    const status = await bg.ensureCorpus();
    expect(status).toMatchObject({ state: 'ready', build: 'build-a', readOnly: { reason: 'quota' } });
    expect((await analyse()).corpus.build).toBe('build-a');
  });
});

describe('a database that cannot be opened', () => {
  it('works read-only from memory and says why', async () => {
    const name = freshName();
    const { bg, analyse, switchOff } = background(name, () =>
      Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError')),
    );
    const status = await bg.ensureCorpus();
    expect(status).toMatchObject({ state: 'ready', readOnly: { reason: 'unavailable', detail: 'Internal error opening backing store' } });
    expect((await analyse()).entities).toHaveLength(1);
    expect((await switchOff()).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('recognises quota errors, also as the cause of an abort', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(Object.assign(new Error('aborted'), { name: 'AbortError', cause: quotaError() }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Error('disk on fire'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('copies every user store with its keys', async () => {
    const from = await openNewsDb(freshName());
    await setSiteSwitch(from, 'a.example', 'declutter', false);
    await from.put('userArticles', { ...fixtureCorpus().articles[0]!, id: 'mine' } as never);
    const to = await openNewsDb(freshName(), { factory: new IDBFactory() });
    await copyUserData(from, to);
    expect(await getSiteSettings(to, 'a.example')).toEqual({ declutter: false });
    expect(((await to.get('userArticles', 'mine')) as { title?: string } | undefined)?.title).toBe('Harbour city opens tidal station');
  });
});

describe('a settings write the full disk refuses', () => {
  it('starts read-only mode, says so in the status, and keeps the setting as it was', async () => {
    const name = freshName();
    const real = await openNewsDb(name);
    let full = false;
    const db = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return (stores: string | string[], mode?: IDBTransactionMode) => {
            if (full && mode === 'readwrite') throw quotaError();
            return (target.transaction as (s: unknown, m?: IDBTransactionMode) => unknown)(stores, mode);
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const { bg, switchOff, published } = background(name, () => Promise.resolve(db));
    await bg.ensureCorpus();
    expect((await published()).readOnly).toBeNull();
    full = true;
    const refused = await switchOff();
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(!refused.ok && refused.error.message).toContain('quota');
    expect((await published()).readOnly).toMatchObject({ reason: 'quota' });
    expect(await getSiteSettings(real, 'news.example')).toEqual({});
  });
});
