/**
 * The bundled corpus in the database: loaded once per build (one transaction), its status
 * published to storage.session for the UI, and the alias table compiled for it, once per build.
 */
import { STATUS_KEY, type SessionStore } from '../core/analysis';
import { corpusCounts, validateCorpus } from '../core/corpus';
import { compileAliasTable, toMatchable, type AliasTable } from '../core/matcher';
import type { CorpusStatus, ReadOnlyState } from '../core/messages';
import { errorMessage } from '../core/result';
import { corpusMeta, loadCorpus, readAllEntities } from './db';
import type { MemoryTx } from './memory-db';
import { replayUserArticles } from './replay';
import { scoringKey } from './story';
import { type Storage, isQuotaError } from './storage';

export interface CorpusLoaderDeps {
  session: SessionStore;
  /** The bundled corpus.json, parsed but not yet validated. */
  fetchCorpus: () => Promise<unknown>;
  /** The build id of the bundled corpus; the database is reloaded when it differs. */
  bundledBuild: string;
}

export interface CorpusLoader {
  /**
   * Makes sure the bundled corpus is in the database: a no-op when this build is already
   * loaded, otherwise one transaction that replaces the bundled stores. Concurrent callers
   * share one load. On failure the previous corpus (if any) stays and the status says why.
   */
  ensureCorpus: () => Promise<CorpusStatus>;
  /** The status last published. */
  status: () => CorpusStatus;
  /** Publishes the status again, with the storage's read-only state as it is now. */
  republish: () => Promise<void>;
  /** Forgets the load done (the database changed under it): the next {@link ensureCorpus} checks again. */
  reset: () => void;
  /** The reader's articles changed: the alias table is compiled again if the trusted entities did. */
  memoryChanged: () => void;
  /** The alias table compiled for the loaded corpus build (null while none is ready). */
  aliasTable: () => Promise<{ build: string; table: AliasTable } | null>;
}

/** The bundled corpus itself is malformed: retrying cannot help. */
class InvalidCorpusError extends Error {}

export const EMPTY_STATUS: CorpusStatus = {
  state: 'empty',
  build: null,
  progress: 0,
  error: null,
  readOnly: null,
  articles: 0,
  entities: 0,
  events: 0,
  stories: 0,
};

export function createCorpusLoader(deps: CorpusLoaderDeps, storage: Storage): CorpusLoader {
  const { db } = storage;
  let status: CorpusStatus = EMPTY_STATUS;
  const setStatus = async (next: CorpusStatus) => {
    status = { ...next, readOnly: storage.readOnly() };
    await deps.session.set(STATUS_KEY, status);
  };

  let corpusPromise: Promise<CorpusStatus> | null = null;
  /** The alias table compiled for the loaded corpus build: once per build, not per page. */
  let aliasTable: { build: string; table: AliasTable } | null = null;
  /** The reading memory changed since the alias table was compiled: its key is checked again. */
  let stale = false;

  function ensureCorpus(): Promise<CorpusStatus> {
    corpusPromise ??= (async () => {
      try {
        const d = await db();
        const meta = await corpusMeta(d);
        if (meta?.build === deps.bundledBuild) {
          await setStatus({ ...EMPTY_STATUS, ...meta, state: 'ready', progress: 1 });
          return status;
        }
        await setStatus({ ...EMPTY_STATUS, state: 'loading', build: deps.bundledBuild });
        const { corpus, problems } = validateCorpus(await deps.fetchCorpus());
        if (!corpus) {
          throw new InvalidCorpusError(
            `bundled corpus.json is invalid: ${problems
              .slice(0, 3)
              .map((p) => `${p.path}: ${p.message}`)
              .join('; ')}`,
          );
        }
        const counts = corpusCounts(corpus);
        let last = 0;
        const loaded = await loadCorpus(
          d,
          corpus,
          (progress) => {
            // Progress goes to storage.session for the UI; at most ~20 writes per load.
            if (progress - last >= 0.05 && progress < 1) {
              last = progress;
              void setStatus({ ...status, ...counts, progress });
            }
          },
          // The reader's own articles are user data: a new bundled corpus never replaces them.
          (tx) => replayUserArticles(tx as unknown as MemoryTx),
        );
        await setStatus({ ...EMPTY_STATUS, ...loaded, state: 'ready', progress: 1 });
      } catch (e) {
        const d = await db().catch(() => null);
        const previous = d ? await corpusMeta(d).catch(() => null) : null;
        if (isQuotaError(e) && storage.canGoReadOnly && !storage.readOnly()) {
          // The disk is full. The corpus already stored (an older build) still serves; without one,
          // the bundled corpus is loaded into memory. Either way settings cannot change until space frees up.
          console.warn('[news-context] storage is full; read-only mode:', e);
          const why: ReadOnlyState = { reason: 'quota', detail: errorMessage(e) };
          if (previous && d) {
            storage.refuseWrites(why);
            await setStatus({ ...EMPTY_STATUS, ...previous, state: 'ready', progress: 1 });
            return status;
          }
          storage.useMemoryCopy(why, d);
          corpusPromise = null;
          return ensureCorpus();
        }
        console.error('[news-context] corpus load failed:', e);
        // A broken bundled file stays broken until the next update; anything else may pass.
        if (!(e instanceof InvalidCorpusError)) corpusPromise = null;
        await setStatus({ ...EMPTY_STATUS, ...previous, state: 'error', progress: 0, error: errorMessage(e) });
      }
      return status;
    })();
    return corpusPromise;
  }

  return {
    ensureCorpus,
    status: () => status,
    republish: () => setStatus(status),
    reset() {
      corpusPromise = null;
    },
    memoryChanged() {
      stale = true;
    },
    async aliasTable() {
      const corpus = await ensureCorpus();
      if (corpus.state !== 'ready' || corpus.build === null) return null;
      // Keyed on the reading memory's generation too: an entity the reader's articles made trusted is
      // matched from then on. The key is read again only after a change (memoryChanged), not per chunk.
      if (aliasTable && !stale && aliasTable.build.split('#')[0] === corpus.build) return aliasTable;
      stale = false;
      const d = await db();
      const key = await scoringKey(d);
      if (aliasTable?.build !== key) {
        const entities = (await readAllEntities(d)).filter((e) => !e.user?.own || e.user.trusted);
        aliasTable = { build: key, table: compileAliasTable(entities.map(toMatchable)) };
      }
      return aliasTable;
    },
  };
}
