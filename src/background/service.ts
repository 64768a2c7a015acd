/**
 * The background's behaviour, with its browser dependencies injected: message handlers, the
 * bundled-corpus load, and the per-tab analysis state. The entry (index.ts) wires it to the
 * real browser; the unit tests wire it to fake-indexeddb and an in-memory session store.
 */
import { STATUS_KEY, type SessionStore, type TabAnalysis, badgeText, tabIdFromKey, tabKey } from '../core/analysis';
import { corpusCounts, validateCorpus } from '../core/corpus';
import {
  type BackgroundMessage,
  type CorpusStatus,
  type DeclutterCounts,
  type DeclutterMode,
  type Handlers,
  type ReadOnlyState,
  parsePageArticleText,
} from '../core/messages';
import { CodedError, errorMessage } from '../core/result';
import { effectiveSwitches, siteKey } from '../core/settings';
import { compileAliasTable, toMatchable, type AliasTable } from '../core/matcher';
import { entityCard } from './cards';
import { readerArticle, tabContext } from './context';
import { copyUserData, isQuotaError } from './storage';
import { scorePageInDb } from './story';
import {
  type Db,
  corpusMeta,
  getGlobalSettings,
  getSiteSettings,
  listSiteSettings,
  loadCorpus,
  setGlobalSettings,
  setSiteSwitch,
} from './db';

export interface BackgroundDeps {
  /** Opens the extension's database; `onBlocked` fires while an upgrade waits for another context to let go of the old version. */
  openDb: (onBlocked: () => void) => Promise<Db>;
  /**
   * Opens an empty database in memory, for read-only mode: when the real one cannot be opened,
   * stays blocked, or is full, the corpus is served from memory and settings cannot change.
   */
  openMemoryDb?: () => Promise<Db>;
  /** How long an upgrade may wait for another context before read-only mode starts (ms). */
  blockedGraceMs?: number;
  session: SessionStore;
  /** The bundled corpus.json, parsed but not yet validated. */
  fetchCorpus: () => Promise<unknown>;
  /** The build id of the bundled corpus; the database is reloaded when it differs. */
  bundledBuild: string;
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Opens the side panel for a tab; false when the browser refuses (no user gesture). */
  openPanel?: (tabId: number) => Promise<boolean>;
  /** Tells a tab's content script that the switches of its site changed. */
  notifyTab?: (tabId: number, message: BackgroundMessage) => Promise<void>;
  /** Asks a tab's content script something and returns its answer, unparsed (null: no answer). */
  askTab?: (tabId: number, message: BackgroundMessage) => Promise<unknown>;
  /**
   * Runs a declutter script in a tab's top frame: 'walls' (small) on any page, 'full' (with the
   * article finder) on article pages. `documentId` is the reporting document's (Chrome), to target it alone.
   */
  injectDeclutter?: (tabId: number, mode: DeclutterMode, documentId?: string) => Promise<void>;
  now?: () => number;
}

/** The bundled corpus itself is malformed: retrying cannot help. */
class InvalidCorpusError extends Error {}

const EMPTY_STATUS: CorpusStatus = {
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

/** Whether two URLs share an origin (false for anything unparsable). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

export function createBackground(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;
  let dbPromise: Promise<Db> | null = null;
  /** Opens the database once; a failed open is retried on the next call rather than cached. */
  const db = (): Promise<Db> =>
    (dbPromise ??= openStorage().catch((e: unknown) => {
      dbPromise = null;
      throw e;
    }));

  /** Why storage is read-only now (the database in use is then a copy in memory, or the real one with writes refused). */
  let readOnly: ReadOnlyState | null = null;

  /**
   * The real database; or, when it cannot be opened or its upgrade stays blocked, a copy in memory
   * (read-only mode). A blocked upgrade that goes through later (the other context let go) brings
   * the real database back, and with it writable settings.
   */
  async function openStorage(): Promise<Db> {
    const { openMemoryDb } = deps;
    let onBlocked!: () => void;
    const blocked = new Promise<'blocked'>((resolve) => (onBlocked = () => resolve('blocked')));
    const real = deps.openDb(onBlocked);
    if (!openMemoryDb) return real;
    let first: Db | 'blocked';
    try {
      const graceOver = blocked.then(
        () => new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), deps.blockedGraceMs ?? 3000)),
      );
      first = await Promise.race([real, graceOver]);
    } catch (e) {
      console.warn('[news-context] the database cannot be opened; read-only mode:', e);
      return readOnlyCopy({ reason: 'unavailable', detail: errorMessage(e) }, null);
    }
    if (first !== 'blocked') return first;
    console.warn('[news-context] the database upgrade waits for another context; read-only mode until it can run');
    real.then(
      (d) => {
        // The upgrade ran: back to the real database, writable, with the bundled corpus checked again.
        readOnly = null;
        dbPromise = Promise.resolve(d);
        corpusPromise = null;
        void ensureCorpus();
      },
      () => undefined,
    );
    return readOnlyCopy({ reason: 'blocked', detail: 'another context holds an older version of the database open' }, null);
  }

  /** An in-memory database with the user's settings copied from `from` (when readable): read-only mode. */
  async function readOnlyCopy(why: ReadOnlyState, from: Db | null): Promise<Db> {
    if (!deps.openMemoryDb) throw new Error('no in-memory database for read-only mode');
    const memory = await deps.openMemoryDb();
    if (from) await copyUserData(from, memory).catch((e: unknown) => console.warn('[news-context] settings not copied:', e));
    readOnly = why;
    return memory;
  }

  const refusal = (why: ReadOnlyState) => new CodedError('read-only', `settings cannot be saved now (${why.reason}: ${why.detail})`);
  /**
   * Runs a settings write; in read-only mode refuses it, and a write the full disk refuses starts
   * read-only mode (said in the status) rather than failing obscurely.
   */
  async function settingsWrite<T>(write: () => Promise<T>): Promise<T> {
    if (readOnly) throw refusal(readOnly);
    try {
      return await write();
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      readOnly = { reason: 'quota', detail: errorMessage(e) };
      await setStatus(status);
      throw refusal(readOnly);
    }
  }

  let status: CorpusStatus = EMPTY_STATUS;
  const setStatus = async (next: CorpusStatus) => {
    status = { ...next, readOnly };
    await deps.session.set(STATUS_KEY, status);
  };

  let corpusPromise: Promise<CorpusStatus> | null = null;
  /** The alias table compiled for the loaded corpus build: once per build, not per page. */
  let aliasTable: { build: string; table: AliasTable } | null = null;
  /**
   * Makes sure the bundled corpus is in the database: a no-op when this build is already
   * loaded, otherwise one transaction that replaces the bundled stores. Concurrent callers
   * share one load. On failure the previous corpus (if any) stays and the status says why.
   */
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
        const loaded = await loadCorpus(d, corpus, (progress) => {
          // Progress goes to storage.session for the UI; at most ~20 writes per load.
          if (progress - last >= 0.05 && progress < 1) {
            last = progress;
            void setStatus({ ...status, ...counts, progress });
          }
        });
        await setStatus({ ...EMPTY_STATUS, ...loaded, state: 'ready', progress: 1 });
      } catch (e) {
        const d = await db().catch(() => null);
        const previous = d ? await corpusMeta(d).catch(() => null) : null;
        if (isQuotaError(e) && deps.openMemoryDb && !readOnly) {
          // The disk is full. The corpus already stored (an older build) still serves; without one,
          // the bundled corpus is loaded into memory. Either way settings cannot change until space frees up.
          console.warn('[news-context] storage is full; read-only mode:', e);
          const why: ReadOnlyState = { reason: 'quota', detail: errorMessage(e) };
          if (previous && d) {
            readOnly = why;
            await setStatus({ ...EMPTY_STATUS, ...previous, state: 'ready', progress: 1 });
            return status;
          }
          dbPromise = readOnlyCopy(why, d);
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

  const storedAnalysis = async (tabId: number) => (await deps.session.get(tabKey(tabId))) as TabAnalysis | undefined;
  const writeAnalysis = async (tabId: number, analysis: TabAnalysis) => {
    await deps.session.set(tabKey(tabId), analysis);
    await deps.setBadge(tabId, badgeText(analysis));
  };

  const handlers: Handlers = {
    async 'content:page-analysed'({ page, document }, { tabId, url: senderUrl, documentId }) {
      // The sender's URL comes from the browser; the page's own report is only a claim, taken only within the
      // sender's origin: after a single-page-app navigation (pushState) the browser still names the URL the
      // document was loaded at, the page its current one.
      const url = sameOrigin(page.url, senderUrl) ? page.url : senderUrl;
      const site = siteKey(url);
      if (tabId === null || site === null) throw new Error('not a web page tab');
      const generation = generationOf(tabId);
      const known = documents.get(tabId);
      if (known?.id !== document) documents.set(tabId, { id: document, url, documentId, injected: null });
      // The same document at another URL (a single-page-app navigation): the script there looks again (it is run
      // again and finds itself), for the new page, article or not.
      else if (known.url !== url) {
        known.url = url;
        known.injected = null;
      }
      const corpus = await ensureCorpus();
      const d = await db();
      const [global, siteSettings] = await Promise.all([getGlobalSettings(d), getSiteSettings(d, site)]);
      const switches = effectiveSwitches(global, siteSettings);
      // Only ids the corpus knows count (a content script may hold an older alias table).
      const entities = (
        await Promise.all(
          page.entities.map(async ({ id, count }) => {
            const e = await d.get('entities', id);
            return e ? { id: e.id, name: e.name, type: e.type, count } : null;
          }),
        )
      )
        .filter((e): e is TabAnalysis['entities'][number] => e !== null)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      // A re-analysis of the same page keeps what declutter reported for it.
      const previous = await storedAnalysis(tabId);
      // Walls are undone on every page where declutter is on; the boilerplate only around an article.
      const declutterOn = switches.declutter;
      const reported: DeclutterCounts =
        previous?.url === url && declutterOn ? previous.declutter : { active: declutterOn, walls: 0, boilerplate: 0 };
      const scored =
        corpus.state === 'ready' && entities.length > 0
          ? await scorePageInDb(d, { ...page, url, entities: entities.map(({ id, count }) => ({ id, count })) })
          : { story: null, self: null, related: [] };
      const analysis: TabAnalysis = {
        url,
        lang: page.lang,
        analysedAt: now(),
        entities,
        story: scored.story,
        related: scored.related,
        declutter: reported,
        title: page.title,
        words: page.words,
        langSource: page.langSource,
        published: page.published,
        articleId: scored.self,
        isArticle: page.isArticle,
        site: { key: site, ...switches },
        corpus: {
          build: corpus.build,
          articles: corpus.articles,
          entities: corpus.entities,
          events: corpus.events,
          stories: corpus.stories,
        },
      };
      // The tab closed or went elsewhere while this was worked out: writing it would leave a stale analysis behind.
      if (generationOf(tabId) !== generation) return analysis;
      await writeAnalysis(tabId, analysis);
      // Declutter is injected once per document (walls.js, or declutter.js on an article); from then on the
      // switches reach it as messages. A page that became an article since gets declutter.js then.
      if (declutterOn) await ensureDeclutter(tabId, page.isArticle ? 'full' : 'walls');
      return analysis;
    },
    async 'content:get-alias-table'() {
      const corpus = await ensureCorpus();
      if (corpus.state !== 'ready' || corpus.build === null) return null;
      if (aliasTable?.build !== corpus.build) {
        const entities = await (await db()).getAll('entities');
        aliasTable = { build: corpus.build, table: compileAliasTable(entities.map(toMatchable)) };
      }
      return aliasTable;
    },
    async 'content:get-entity-card'({ entityId }, { tabId }) {
      // The card speaks the page's language and places the entity in the page's story, when known.
      const analysis = tabId === null ? undefined : await storedAnalysis(tabId);
      return entityCard(await db(), entityId, { lang: analysis?.lang ?? 'und', storyId: analysis?.story?.id ?? null });
    },
    async 'content:open-side-panel'(_req, { tabId }) {
      return tabId !== null && deps.openPanel ? deps.openPanel(tabId) : false;
    },
    async 'ui:get-status'() {
      return status.state === 'empty' ? ensureCorpus() : status;
    },
    async 'ui:get-settings'({ site }) {
      const d = await db();
      return { global: await getGlobalSettings(d), site: site ? await getSiteSettings(d, site) : {} };
    },
    async 'ui:set-site-switch'({ site, feature, value }) {
      const d = await db();
      const siteSettings = await settingsWrite(() => setSiteSwitch(d, site, feature, value));
      const global = await getGlobalSettings(d);
      await refreshTabs((a) => a.site.key === site, effectiveSwitches(global, siteSettings));
      return { global, site: siteSettings };
    },
    async 'ui:set-global-settings'({ settings }) {
      const d = await db();
      const global = await settingsWrite(() => setGlobalSettings(d, settings));
      const sites = new Map<string, ReturnType<typeof effectiveSwitches>>();
      for (const [, a] of await analyses()) {
        if (!sites.has(a.site.key)) sites.set(a.site.key, effectiveSwitches(global, await getSiteSettings(d, a.site.key)));
      }
      for (const [site, switches] of sites) await refreshTabs((a) => a.site.key === site, switches);
      return global;
    },
    async 'ui:get-tab-context'({ tabId }) {
      const analysis = await storedAnalysis(tabId);
      if (!analysis) return null;
      await ensureCorpus();
      const { askTab } = deps;
      // The page's article text, for a summary made here when no story matched; the page's answer is parsed and bounded.
      const askPage = askTab && (async () => parsePageArticleText(await askTab(tabId, { type: 'background:get-article-text' })));
      return tabContext(await db(), analysis, askPage ? { askPage } : {});
    },
    async 'ui:get-article'({ articleId }) {
      await ensureCorpus();
      return readerArticle(await db(), articleId);
    },
    async 'ui:get-sites'() {
      return listSiteSettings(await db());
    },
    async 'content:declutter-check'({ document }, { tabId, url, documentId }) {
      // Only the document we ran it for, at the address it reported from, with declutter still on there.
      const known = tabId === null ? undefined : documents.get(tabId);
      // (The origin, not the whole URL: a page that navigated within itself is still the same document.)
      if (!known?.injected || document === null || known.id !== document || !sameOrigin(known.url, url)) return null;
      if (known.documentId && documentId && known.documentId !== documentId) return null;
      const analysis = tabId === null ? undefined : await storedAnalysis(tabId);
      if (analysis && !analysis.site.declutter) return null;
      return known.injected;
    },
    async 'content:declutter-report'({ declutter, document }, { tabId, url }) {
      if (tabId === null) return null;
      // The script says which document it runs in: a late report from the tab's previous document is no news.
      if (document && documents.has(tabId) && documents.get(tabId)?.id !== document) return null;
      const generation = generationOf(tabId);
      const analysis = await storedAnalysis(tabId);
      // A report from a page the tab has left (another origin; within one, the tab's generation tells), or
      // before its analysis: nothing to update.
      if (!analysis || !sameOrigin(analysis.url, url) || generationOf(tabId) !== generation) return null;
      await writeAnalysis(tabId, { ...analysis, declutter });
      return null;
    },
    async 'ui:show-everything'({ tabId }) {
      if (!deps.notifyTab) return false;
      await deps.notifyTab(tabId, { type: 'background:show-everything' });
      return true;
    },
  };

  async function analyses(): Promise<[number, TabAnalysis][]> {
    const out: [number, TabAnalysis][] = [];
    for (const [key, value] of await deps.session.entries()) {
      const tabId = tabIdFromKey(key);
      if (tabId !== null) out.push([tabId, value as TabAnalysis]);
    }
    return out;
  }

  /** Rewrites the stored analyses that `match` with the switches now in force there. */
  async function refreshTabs(match: (a: TabAnalysis) => boolean, switches: ReturnType<typeof effectiveSwitches>) {
    for (const [tabId, a] of await analyses()) {
      if (!match(a)) continue;
      const declutterOn = switches.declutter;
      await writeAnalysis(tabId, {
        ...a,
        site: { ...a.site, ...switches },
        declutter: declutterOn ? { ...a.declutter, active: true } : { active: false, walls: 0, boilerplate: 0 },
      });
      await deps.notifyTab?.(tabId, { type: 'background:switches', ...switches });
      // Switched on where the script never ran: run it. (Where it runs, the switches message turned it on or off.)
      if (declutterOn) await ensureDeclutter(tabId, a.isArticle ? 'full' : 'walls');
    }
  }

  /**
   * The document each tab last reported from (the content script's random id; Chrome's own
   * document id too), and which declutter script was run in it. Lost when the service worker
   * stops: then a script may be run once more in a document, which it notices and ignores, and a
   * script whose check comes after that is refused (it touches nothing).
   */
  const documents = new Map<number, { id: string; url: string; documentId: string | undefined; injected: DeclutterMode | null }>();
  async function ensureDeclutter(tabId: number, mode: DeclutterMode): Promise<void> {
    const known = documents.get(tabId);
    // No report from this tab's current document: nothing to bind the script to.
    if (!known) return;
    if (known.injected === 'full' || known.injected === mode) return;
    known.injected = mode;
    await deps.injectDeclutter?.(tabId, mode, known.documentId);
  }

  /**
   * Bumped each time a tab's analysis is dropped: work started before (a report still being scored,
   * a declutter report) must not write its result after, or a closed tab would leave a stale analysis.
   */
  const generations = new Map<number, number>();
  const generationOf = (tabId: number) => generations.get(tabId) ?? 0;

  /** Drops a tab's analysis (closed, or navigating away: the next page reports afresh). */
  async function forgetTab(tabId: number): Promise<void> {
    generations.set(tabId, generationOf(tabId) + 1);
    documents.delete(tabId);
    await deps.session.remove(tabKey(tabId));
  }

  /**
   * A tab started loading. A new URL (or one we may not read) drops the analysis, and any report of
   * the old page still in flight. The same URL (a reload) keeps it until the new document's report
   * replaces it, so the popup and panel do not blank in between.
   */
  async function tabLoading(tabId: number, url: string | undefined): Promise<void> {
    const reported = documents.get(tabId)?.url;
    const analysis = await storedAnalysis(tabId);
    const known = analysis?.url ?? reported;
    if (known !== undefined && (url === undefined || known !== url)) await forgetTab(tabId);
  }

  return { handlers, ensureCorpus, forgetTab, tabLoading, db, status: () => status };
}

export type Background = ReturnType<typeof createBackground>;
