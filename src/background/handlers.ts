/**
 * The background's message handlers, one per request type of the protocol (core/messages.ts). They
 * hold no state of their own: the database and its mode are the storage's, the corpus and its status
 * the corpus loader's, the tabs' analyses and documents the tabs'.
 */
import type { TabAnalysis } from '../core/analysis';
import { type BackgroundMessage, type DeclutterCounts, type Handlers, parsePageArticleText } from '../core/messages';
import { textSummary } from '../core/page-text';
import { effectiveSwitches, remembersOn, siteKey } from '../core/settings';
import type { Memory } from './memory';
import { CodedError } from '../core/result';
import { entityCard } from './cards';
import { type PageDigestCache, readerArticle, tabContext } from './context';
import type { CorpusLoader } from './corpus-loader';
import { getGlobalSettings, getSiteSettings, listSiteSettings, setGlobalSettings, setSiteSwitch } from './db';
import type { Scanner } from './scanner';
import type { Storage } from './storage';
import { scorePageInDb, scoringCache } from './story';
import { type Tabs, reportedUrl, sameOrigin } from './tabs';

export interface HandlersDeps {
  /** Runs the hover card's code (card.js) in a tab's document; false when it could not. */
  injectCard?: (tabId: number, documentId?: string) => Promise<boolean>;
  /** Opens the side panel for a tab; false when the browser refuses (no user gesture). */
  openPanel?: (tabId: number) => Promise<boolean>;
  /** Tells a tab's content script something (here: "show everything"). */
  notifyTab?: (tabId: number, message: BackgroundMessage) => Promise<void>;
  /** Asks a tab's content script something and returns its answer, unparsed (null: no answer). */
  askTab?: (tabId: number, message: BackgroundMessage) => Promise<unknown>;
  now?: () => number;
}

/** The least time between two articles remembered from one tab (a reader does not read two articles in less). */
export const MIN_REMEMBER_GAP_MS = 5000;

export function createHandlers(
  deps: HandlersDeps,
  parts: {
    storage: Storage;
    corpus: CorpusLoader;
    tabs: Tabs;
    digests: PageDigestCache;
    scanner: Scanner;
    memory: Memory;
    /**
     * The corpus stores changed (an article remembered or forgotten, a pack imported): what is computed
     * from them is made again; `everywhere`: the open tabs are analysed again too (forgetting must
     * leave no trace in any view).
     */
    memoryChanged: (opts?: { everywhere?: boolean }) => Promise<void>;
  },
): Handlers {
  const now = deps.now ?? Date.now;
  const { storage, corpus: loader, tabs } = parts;
  const { db, settingsWrite } = storage;
  const { ensureCorpus } = loader;
  /** When each tab last had an article remembered: a page that navigates and scrolls itself cannot flood the memory. */
  const lastRemembered = new Map<number, number>();

  return {
    async 'content:page-analysed'({ page: reportedPage, document, sample }, { tabId, url: senderUrl, documentId, incognito }) {
      // The page's language and top words, read here from the start of its text (core/page-text.ts).
      const read = sample === undefined ? null : textSummary(sample, reportedPage.langSource === 'declared' ? reportedPage.lang : null);
      const page = read ? { ...reportedPage, ...read, words: Math.max(reportedPage.words, read.words) } : reportedPage;
      const url = reportedUrl(page.url, senderUrl);
      const site = siteKey(url);
      if (tabId === null || site === null) throw new Error('not a web page tab');
      const generation = tabs.generationOf(tabId);
      tabs.reported(tabId, document, url, documentId);
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
      const previous = await tabs.analysis(tabId);
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
      // The content script is answered with only what it uses: its highlights, and whether to watch for
      // reading (an article, memory on there, not a private window, not an article the bundled corpus has).
      const selfOrigin = scored.self ? (await d.get('articles', scored.self))?.origin : undefined;
      const remember =
        page.isArticle &&
        !incognito &&
        remembersOn(global, siteSettings) &&
        !storage.readOnly() &&
        (scored.self === null || selfOrigin !== undefined);
      const answer = { highlights: analysis.site.highlights, remember };
      // The tab closed or went elsewhere while this was worked out: writing it would leave a stale analysis behind.
      if (tabs.generationOf(tabId) !== generation) return answer;
      await tabs.write(tabId, analysis);
      // Declutter is injected once per document (walls.js, or declutter.js on an article); from then on the
      // switches reach it as messages. A page that became an article since gets declutter.js then.
      if (declutterOn) await tabs.ensureDeclutter(tabId, page.isArticle ? 'full' : 'walls');
      return answer;
    },
    async 'content:scan-text'({ text, document, page, context }, { tabId }) {
      if (tabId === null) throw new Error('not a web page tab');
      await ensureCorpus();
      return parts.scanner.scan(`${String(tabId)}:${document}`, page, text, context);
    },
    async 'content:get-entity-card'({ entityId }, { tabId }) {
      // The card speaks the page's language and places the entity in the page's story, when known.
      const analysis = tabId === null ? undefined : await tabs.analysis(tabId);
      return entityCard(await db(), entityId, { lang: analysis?.lang ?? 'und', storyId: analysis?.story?.id ?? null });
    },
    async 'content:load-card'(_req, { tabId, documentId }) {
      if (tabId === null) throw new Error('not a web page tab');
      return (await deps.injectCard?.(tabId, documentId)) ?? false;
    },
    async 'content:open-side-panel'(_req, { tabId }) {
      return tabId !== null && deps.openPanel ? deps.openPanel(tabId) : false;
    },
    async 'ui:get-status'() {
      const status = loader.status();
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
      await tabs.refresh((a) => a.site.key === site, effectiveSwitches(global, siteSettings));
      return { global, site: siteSettings };
    },
    async 'ui:set-global-settings'({ settings }) {
      const d = await db();
      const global = await settingsWrite(() => setGlobalSettings(d, settings));
      const sites = new Map<string, ReturnType<typeof effectiveSwitches>>();
      for (const [, a] of await tabs.analyses()) {
        if (!sites.has(a.site.key)) sites.set(a.site.key, effectiveSwitches(global, await getSiteSettings(d, a.site.key)));
      }
      for (const [site, switches] of sites) await tabs.refresh((a) => a.site.key === site, switches);
      return global;
    },
    async 'ui:get-tab-context'({ tabId }) {
      const analysis = await tabs.analysis(tabId);
      if (!analysis) return null;
      await ensureCorpus();
      const { askTab } = deps;
      // The page's article text, for a summary made here when no story matched; the page's answer is parsed and bounded.
      const askPage = askTab && (async () => parsePageArticleText(await askTab(tabId, { type: 'background:get-article-text' })));
      // The page's digest is kept per tab and page: a re-analysis of the same page (the popup and panel ask again) reuses it.
      // At most one digest is made at a time per tab and document: asks meanwhile wait for it.
      const document = tabs.documentOf(tabId);
      return tabContext(await db(), analysis, {
        ...(askPage ? { askPage } : {}),
        ...(document !== undefined ? { document } : {}),
        tabId,
        digests: parts.digests,
        scoring: scoringCache,
      });
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
      return tabId === null ? null : tabs.declutterCheck(tabId, document, url, documentId);
    },
    async 'content:declutter-report'({ declutter, document }, { tabId, url }) {
      if (tabId === null) return null;
      // The script says which document it runs in: a late report from the tab's previous document is no news.
      if (document && !tabs.isCurrent(tabId, document)) return null;
      const generation = tabs.generationOf(tabId);
      const analysis = await tabs.analysis(tabId);
      // A report from a page the tab has left (another origin; within one, the tab's generation tells), or
      // before its analysis: nothing to update.
      if (!analysis || !sameOrigin(analysis.url, url) || tabs.generationOf(tabId) !== generation) return null;
      await tabs.write(tabId, { ...analysis, declutter });
      return null;
    },
    async 'content:remember'({ article }, { tabId, url, incognito }) {
      const site = siteKey(url);
      if (tabId === null || site === null) throw new Error('not a web page tab');
      // What the page says of itself is checked against what the background knows of the tab.
      if (incognito) return { stored: false, outcome: 'private' };
      const d = await db();
      const [global, siteSettings] = await Promise.all([getGlobalSettings(d), getSiteSettings(d, site)]);
      if (!global.memory || global.memoryPaused) return { stored: false, outcome: 'off' };
      if (!remembersOn(global, siteSettings)) return { stored: false, outcome: 'excluded' };
      const analysis = await tabs.analysis(tabId);
      if (!analysis?.isArticle || siteKey(article.url) !== site) return { stored: false, outcome: 'not-article' };
      if (analysis.articleId && (await d.get('articles', analysis.articleId))?.origin === undefined)
        return { stored: false, outcome: 'in-corpus' };
      if (storage.readOnly()) return { stored: false, outcome: 'read-only' };
      if (now() - (lastRemembered.get(tabId) ?? -Infinity) < MIN_REMEMBER_GAP_MS) return { stored: false, outcome: 'too-soon' };
      lastRemembered.set(tabId, now());
      let result: Awaited<ReturnType<Memory['remember']>>;
      try {
        result = await settingsWrite(() => parts.memory.remember({ ...article, url: analysis.url }, { story: analysis.story?.id ?? null }));
      } catch (e) {
        // The disk is full: read-only mode has started (the status says so); the page is not remembered, nothing is lost.
        if (e instanceof CodedError && e.code === 'read-only') return { stored: false, outcome: 'read-only' };
        throw e;
      }
      if (result.stored) await parts.memoryChanged();
      return { stored: result.stored, outcome: result.outcome };
    },
    async 'ui:memory-status'() {
      const readOnly = storage.readOnly();
      return parts.memory.status(readOnly ? `${readOnly.reason}: ${readOnly.detail}` : null);
    },
    async 'ui:memory-list'({ query, offset, limit }) {
      return parts.memory.list(query, offset, limit);
    },
    async 'ui:memory-forget'(req) {
      const { type: _type, ...what } = req;
      const forgotten = await settingsWrite(() => parts.memory.forget(what));
      await parts.memoryChanged({ everywhere: true });
      return { forgotten };
    },
    async 'ui:memory-cap'({ cap }) {
      await settingsWrite(() => parts.memory.setCap(cap));
      await parts.memoryChanged({ everywhere: true });
      return parts.memory.status(null);
    },
    async 'ui:memory-changed'() {
      await parts.memoryChanged({ everywhere: true });
      return null;
    },
    async 'ui:show-everything'({ tabId }) {
      if (!deps.notifyTab) return false;
      await deps.notifyTab(tabId, { type: 'background:show-everything' });
      return true;
    },
  };
}
