/**
 * The one message protocol between the extension's contexts. Every request is a member of a
 * discriminated union on `type`, whose name says its direction (`content:` from a content script,
 * `ui:` from an extension page); every answer is a {@link Result}. Messages cross a trust
 * boundary (a content script lives in a hostile page), so they are parsed, not cast.
 */
import type { DeclutterCounts, DeclutterMode, DeclutterSkip, PageSummary } from './analysis';
import type { EntityCard } from './cards';
import type { ReaderArticle, TabContext } from './context';
import type { CorpusCounts } from './corpus';
import { type MemoryCap, type MemoryItem, type MemoryStatus, type ReadArticle, parseReadArticle } from './memory';
import { MAX_SEEN_CHARS } from './page-names';
import { CodedError, type Result, errorMessage, fail } from './result';
import { type GlobalSettings, SETTING_SWITCHES, SITE_SWITCHES, type SiteSettings, type SiteSwitch } from './settings';

export interface CorpusStatus extends CorpusCounts {
  state: 'empty' | 'loading' | 'ready' | 'error';
  build: string | null;
  /** 0..1 while loading. */
  progress: number;
  error: string | null;
  /** Set while the extension's storage cannot be written: the corpus is served, settings cannot change. */
  readOnly: ReadOnlyState | null;
}

/**
 * Why storage is read-only: an upgrade waits for another context that holds the old version
 * ('blocked'), the browser's storage is full ('quota'), or the database cannot be opened at all
 * ('unavailable'). `detail` is the browser's own message.
 */
export interface ReadOnlyState {
  reason: 'blocked' | 'quota' | 'unavailable';
  detail: string;
}

/** Where the corpus's entities are in a chunk of text: UTF-16 offsets into it, and the corpus build matched. */
export interface ScanAnswer {
  build: string;
  matches: { id: string; start: number; end: number }[];
  /** Words in the chunk. */
  words: number;
}

/** The most text one `content:scan-text` may carry (the page's scheduler hands over at most 32,000 characters at once). */
export const MAX_SCAN_CHARS = 65_536;

/** The most text of a page a report carries (the start of the page; top words and language need no more). */
export const MAX_PAGE_SAMPLE = 50_000;

export interface Protocol {
  /**
   * A content script reports the page it runs in; answered with what the content script needs of the
   * tab's analysis (whether highlights are on for the page), the rest going to storage.session. `document`
   * is a random id the content script drew for its document: a reload of the same URL is a new document.
   * `sample` is the start of the page's visible text (at most MAX_PAGE_SAMPLE characters): when it is
   * there, the background reads the page's language and top words from it (`page.lang` is then the
   * declared language, `page.terms` empty).
   */
  'content:page-analysed': {
    request: { page: PageSummary; document: string; sample?: string };
    /** `remember`: reading memory would keep this page once read (an article, memory on there): the content script watches for reading. */
    response: { highlights: boolean; remember: boolean };
  };
  /**
   * A content script's page was read (core/memory.ts): its clean article, to be remembered. Answered
   * with what became of it (`outcome`); `stored` when the corpus now holds it.
   */
  'content:remember': { request: { article: ReadArticle; document: string }; response: { stored: boolean; outcome: RememberOutcome } };
  /**
   * A content script sends a chunk of its page's visible text (`page` counts its same-document
   * navigations) and gets back where the corpus's entities are in it; null while no corpus is loaded.
   * `context`: the names the page has seen so far, one per line, at most MAX_SEEN_CHARS (core/page-names.ts),
   * for a background that does not know the document (its service worker was stopped since).
   */
  'content:scan-text': { request: { text: string; document: string; page: number; context?: string }; response: ScanAnswer | null };
  /** A content script asks what to show in the hover card of an entity. */
  'content:get-entity-card': { request: { entityId: string }; response: EntityCard | null };
  /**
   * A content script's first hover card: the background runs card.js (the card's code, kept out of
   * the content script every page loads) in the sender's document; true when it ran.
   */
  'content:load-card': { request: object; response: boolean };
  /** The hover card's "Open in side panel": true when the panel could be opened from here. */
  'content:open-side-panel': { request: { entityId: string }; response: boolean };
  /** An extension page asks for the corpus state (options, loading states). */
  'ui:get-status': { request: object; response: CorpusStatus };
  'ui:get-settings': { request: { site: string | null }; response: { global: GlobalSettings; site: SiteSettings } };
  /** Set (or with null, clear) a per-site override; the tabs of that site are re-analysed. */
  'ui:set-site-switch': {
    request: { site: string; feature: SiteSwitch; value: boolean | null };
    response: { global: GlobalSettings; site: SiteSettings };
  };
  'ui:set-global-settings': { request: { settings: Partial<GlobalSettings> }; response: GlobalSettings };
  /** The side panel's and popup's view of a tab: digest, related coverage, timeline, cards (null: no analysis). */
  'ui:get-tab-context': { request: { tabId: number }; response: TabContext | null };
  /** A corpus article for the reader view (null: no such article). */
  'ui:get-article': { request: { articleId: string }; response: ReaderArticle | null };
  /** The declutter script reports what it hides on its page; the tab's analysis is updated. */
  'content:declutter-report': { request: { declutter: DeclutterCounts; document?: string | null }; response: null };
  /**
   * The declutter script, before it touches anything, asks whether it was run for this document:
   * `document` is the id the page's content script drew (null when it has none). Answered with
   * what to do there ('walls': ad-blocker walls only; 'full': walls and the boilerplate around an
   * article), or null: not this document, or declutter is off there. Stops a script that landed
   * on the next document of a tab that navigated meanwhile.
   */
  'content:declutter-check': { request: { document: string | null }; response: DeclutterMode | null };
  /** "Show everything": undo declutter on the tab's page now (the site's switch stays as it is). */
  'ui:show-everything': { request: { tabId: number }; response: boolean };
  /** Every site with its own switches, for the options page. */
  'ui:get-sites': { request: object; response: { site: string; settings: SiteSettings }[] };
  /** Reading memory's counts, size, cap, packs and state, for the options page. */
  'ui:memory-status': { request: object; response: MemoryStatus };
  /** The reader's own articles, newest first, those matching `query` (title, outlet, site), a page of them. */
  'ui:memory-list': { request: { query: string; offset: number; limit: number }; response: { items: MemoryItem[]; total: number } };
  /**
   * Forgets user articles and everything derived from them: the given ones, a site's, a pack's, or
   * all of them (`all`). Answered with how many went.
   */
  'ui:memory-forget': { request: MemoryForget; response: { forgotten: number } };
  /** Sets the memory's cap (the oldest remembered articles go when it is passed). */
  'ui:memory-cap': { request: { cap: MemoryCap }; response: MemoryStatus };
  /** An extension page changed the memory's stores itself (an import): views and caches are brought up to date. */
  'ui:memory-changed': { request: object; response: null };
}

/** What {@link Protocol}'s `ui:memory-forget` forgets: exactly one of the fields. */
export type MemoryForget = { ids: string[] } | { site: string } | { pack: string } | { all: true };

/** What became of a read page sent to be remembered. */
export type RememberOutcome =
  | 'stored'
  | 'updated'
  | 'duplicate'
  | 'in-corpus'
  | 'off'
  | 'excluded'
  | 'private'
  | 'not-article'
  | 'too-short'
  | 'too-soon'
  | 'read-only';

export type { DeclutterCounts, DeclutterMode, DeclutterSkip };

export type MessageType = keyof Protocol;
export type Request<K extends MessageType = MessageType> = K extends MessageType ? { type: K } & Protocol[K]['request'] : never;
export type Response<K extends MessageType> = Protocol[K]['response'];

/** Who may send each message: content scripts or the extension's own pages. */
export const SENDERS: Record<MessageType, 'content' | 'extension'> = {
  'content:page-analysed': 'content',
  'content:scan-text': 'content',
  'content:get-entity-card': 'content',
  'content:load-card': 'content',
  'content:open-side-panel': 'content',
  'content:declutter-report': 'content',
  'content:declutter-check': 'content',
  'content:remember': 'content',
  'ui:memory-status': 'extension',
  'ui:memory-list': 'extension',
  'ui:memory-forget': 'extension',
  'ui:memory-cap': 'extension',
  'ui:memory-changed': 'extension',
  'ui:get-status': 'extension',
  'ui:get-settings': 'extension',
  'ui:set-site-switch': 'extension',
  'ui:set-global-settings': 'extension',
  'ui:get-tab-context': 'extension',
  'ui:get-article': 'extension',
  'ui:get-sites': 'extension',
  'ui:show-everything': 'extension',
};

const SKIPS = new Set<string>(['too-big']);
/** A message's claim of its document: a content script's id, null (none), or undefined when malformed. */
function optionalDocumentId(raw: unknown): string | null | undefined {
  if (raw === undefined || raw === null) return null;
  return typeof raw === 'string' && /^[\w-]{1,64}$/.test(raw) ? raw : undefined;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 100_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SITE_FEATURES = new Set<string>(SITE_SWITCHES);
const GLOBAL_SWITCHES = new Set<string>(SETTING_SWITCHES);
const THEMES = new Set(['system', 'light', 'dark']);
const MAX_TITLE = 1000;
const MAX_ITEMS = 500;
const isEntityCount = (e: unknown): e is { id: string; count: number } =>
  isObj(e) && typeof e.id === 'string' && e.id.length <= 200 && typeof e.count === 'number' && Number.isSafeInteger(e.count) && e.count > 0;
const isTerm = (t: unknown): t is { term: string; weight: number } =>
  isObj(t) &&
  typeof t.term === 'string' &&
  t.term.length <= 80 &&
  typeof t.weight === 'number' &&
  Number.isFinite(t.weight) &&
  t.weight >= 0;
const MAX_URL = 8192;

/** Parses an untrusted message into a {@link Request}, or says what is wrong with it. */
export function parseRequest(raw: unknown): Result<Request> {
  if (!isObj(raw) || typeof raw.type !== 'string') return fail('bad-request', 'message without a type');
  const type = raw.type;
  switch (type) {
    case 'content:page-analysed': {
      const p = raw.page;
      if (!isObj(p)) return fail('bad-request', 'page missing');
      if (typeof p.url !== 'string' || p.url.length > MAX_URL) return fail('bad-request', 'page.url invalid');
      if (typeof p.title !== 'string') return fail('bad-request', 'page.title invalid');
      if (typeof p.lang !== 'string' || !/^[a-z]{2,3}$|^und$/.test(p.lang)) return fail('bad-request', 'page.lang invalid');
      if (p.langSource !== 'declared' && p.langSource !== 'detected' && p.langSource !== 'none')
        return fail('bad-request', 'page.langSource invalid');
      if (typeof p.words !== 'number' || !Number.isSafeInteger(p.words) || p.words < 0) return fail('bad-request', 'page.words invalid');
      const published = p.published ?? null;
      if (published !== null && (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published)))
        return fail('bad-request', 'page.published invalid');
      const entities = p.entities ?? [];
      if (!Array.isArray(entities) || entities.length > MAX_ITEMS || !entities.every(isEntityCount))
        return fail('bad-request', 'page.entities invalid');
      const isArticle = p.isArticle === undefined ? false : p.isArticle;
      if (typeof isArticle !== 'boolean') return fail('bad-request', 'page.isArticle invalid');
      const terms = p.terms ?? [];
      if (!Array.isArray(terms) || terms.length > MAX_ITEMS || !terms.every(isTerm)) return fail('bad-request', 'page.terms invalid');
      const page: PageSummary = {
        url: p.url,
        title: p.title.slice(0, MAX_TITLE),
        lang: p.lang,
        langSource: p.langSource,
        words: p.words,
        published,
        isArticle,
        entities: entities.map((e) => ({ id: e.id, count: e.count })),
        terms: terms.map((t) => ({ term: t.term, weight: t.weight })),
      };
      const document = raw.document ?? '';
      if (typeof document !== 'string' || !/^[\w-]{0,64}$/.test(document)) return fail('bad-request', 'document invalid');
      const sample = raw.sample;
      if (sample === undefined) return { ok: true, value: { type, page, document } };
      if (typeof sample !== 'string' || sample.length > MAX_PAGE_SAMPLE) return fail('bad-request', 'sample invalid');
      return { ok: true, value: { type, page, document, sample } };
    }
    case 'content:scan-text': {
      if (typeof raw.text !== 'string' || raw.text.length > MAX_SCAN_CHARS) return fail('bad-request', 'text invalid');
      if (typeof raw.page !== 'number' || !Number.isSafeInteger(raw.page) || raw.page < 0) return fail('bad-request', 'page invalid');
      const document = optionalDocumentId(raw.document);
      if (!document) return fail('bad-request', 'document invalid');
      const context = raw.context === undefined ? '' : raw.context;
      if (typeof context !== 'string' || context.length > MAX_SEEN_CHARS) return fail('bad-request', 'context invalid');
      return { ok: true, value: { type, text: raw.text, page: raw.page, document, ...(context ? { context } : {}) } };
    }
    case 'ui:get-status':
    case 'ui:get-sites':
    case 'content:load-card':
    case 'ui:memory-status':
    case 'ui:memory-changed':
      return { ok: true, value: { type } };
    case 'content:remember': {
      const article = parseReadArticle(raw.article);
      if (!article) return fail('bad-request', 'article invalid or too short');
      const document = optionalDocumentId(raw.document);
      if (!document) return fail('bad-request', 'document invalid');
      return { ok: true, value: { type, article, document } };
    }
    case 'ui:memory-list': {
      const { query, offset, limit } = raw;
      if (typeof query !== 'string' || query.length > 200) return fail('bad-request', 'query invalid');
      if (!isCount(offset) || !isCount(limit) || limit > 500) return fail('bad-request', 'offset or limit invalid');
      return { ok: true, value: { type, query, offset, limit } };
    }
    case 'ui:memory-forget': {
      const keys = Object.keys(raw).filter((k) => k !== 'type');
      if (keys.length !== 1) return fail('bad-request', 'forget exactly one of ids, site, pack, all');
      if (Array.isArray(raw.ids) && raw.ids.length <= 10_000 && raw.ids.every((id) => typeof id === 'string' && id.length <= 200))
        return { ok: true, value: { type, ids: raw.ids as string[] } };
      if (typeof raw.site === 'string' && raw.site.length > 0 && raw.site.length <= 253)
        return { ok: true, value: { type, site: raw.site } };
      if (typeof raw.pack === 'string' && raw.pack.length > 0 && raw.pack.length <= 200)
        return { ok: true, value: { type, pack: raw.pack } };
      if (raw.all === true) return { ok: true, value: { type, all: true } };
      return fail('bad-request', 'forget invalid');
    }
    case 'ui:memory-cap': {
      const c = raw.cap;
      if (
        !isObj(c) ||
        !isCount(c.articles) ||
        c.articles < 1 ||
        typeof c.bytes !== 'number' ||
        !Number.isSafeInteger(c.bytes) ||
        c.bytes < 1_000_000
      )
        return fail('bad-request', 'cap invalid');
      return { ok: true, value: { type, cap: { articles: c.articles, bytes: c.bytes } } };
    }
    case 'content:declutter-report': {
      const d = raw.declutter;
      if (!isObj(d) || typeof d.active !== 'boolean' || !isCount(d.walls) || !isCount(d.boilerplate))
        return fail('bad-request', 'declutter invalid');
      if (d.skipped !== undefined && (typeof d.skipped !== 'string' || !SKIPS.has(d.skipped)))
        return fail('bad-request', 'skipped invalid');
      const declutter: DeclutterCounts = { active: d.active, walls: d.walls, boilerplate: d.boilerplate };
      if (d.skipped !== undefined) declutter.skipped = d.skipped as DeclutterSkip;
      const document = optionalDocumentId(raw.document);
      if (document === undefined) return fail('bad-request', 'document invalid');
      return { ok: true, value: { type, declutter, document } };
    }
    case 'content:declutter-check': {
      const document = optionalDocumentId(raw.document);
      if (document === undefined) return fail('bad-request', 'document invalid');
      return { ok: true, value: { type, document } };
    }
    case 'ui:show-everything':
    case 'ui:get-tab-context': {
      if (typeof raw.tabId !== 'number' || !Number.isSafeInteger(raw.tabId) || raw.tabId < 0) return fail('bad-request', 'tabId invalid');
      return { ok: true, value: { type, tabId: raw.tabId } };
    }
    case 'ui:get-article': {
      if (typeof raw.articleId !== 'string' || raw.articleId === '' || raw.articleId.length > 200)
        return fail('bad-request', 'articleId invalid');
      return { ok: true, value: { type, articleId: raw.articleId } };
    }
    case 'content:get-entity-card':
    case 'content:open-side-panel': {
      if (typeof raw.entityId !== 'string' || raw.entityId === '' || raw.entityId.length > 200)
        return fail('bad-request', 'entityId invalid');
      return { ok: true, value: { type, entityId: raw.entityId } };
    }
    case 'ui:get-settings': {
      if (raw.site !== null && typeof raw.site !== 'string') return fail('bad-request', 'site invalid');
      return { ok: true, value: { type, site: raw.site } };
    }
    case 'ui:set-site-switch': {
      if (typeof raw.site !== 'string' || raw.site === '') return fail('bad-request', 'site invalid');
      if (typeof raw.feature !== 'string' || !SITE_FEATURES.has(raw.feature)) return fail('bad-request', 'feature invalid');
      if (raw.value !== null && typeof raw.value !== 'boolean') return fail('bad-request', 'value invalid');
      return { ok: true, value: { type, site: raw.site, feature: raw.feature as SiteSwitch, value: raw.value } };
    }
    case 'ui:set-global-settings': {
      const s = raw.settings;
      if (!isObj(s)) return fail('bad-request', 'settings missing');
      const out: Partial<GlobalSettings> = {};
      for (const [k, v] of Object.entries(s)) {
        if (GLOBAL_SWITCHES.has(k) && typeof v === 'boolean') out[k as (typeof SETTING_SWITCHES)[number]] = v;
        else if (k === 'theme' && typeof v === 'string' && THEMES.has(v)) out.theme = v as GlobalSettings['theme'];
        else return fail('bad-request', `setting ${k} invalid`);
      }
      return { ok: true, value: { type, settings: out } };
    }
    default:
      return fail('bad-request', `unknown message type ${JSON.stringify(type.slice(0, 64))}`);
  }
}

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tabId?: number | undefined;
  frameId?: number | undefined;
  /** The sending document's id (Chrome 106+; Firefox has none). */
  documentId?: string | undefined;
  /** Whether the sending tab is in a private (incognito) window. */
  incognito?: boolean | undefined;
}

/**
 * Decides whether `sender` may send a message of `type`. Only our own extension may talk to us;
 * `content:` messages must come from the top frame of a web page tab; `ui:` messages from one
 * of our extension pages.
 */
export function checkSender(type: MessageType, sender: SenderInfo, self: { id: string; origin: string }): Result<{ tabId: number | null }> {
  if (sender.id !== self.id) return fail('forbidden', 'message from another extension');
  const url = sender.url ?? '';
  if (SENDERS[type] === 'content') {
    if (sender.tabId === undefined || sender.tabId < 0) return fail('forbidden', `${type} must come from a tab`);
    if (sender.frameId !== 0) return fail('forbidden', `${type} must come from a top frame`);
    if (!/^https?:\/\//.test(url)) return fail('forbidden', `${type} must come from a web page`);
    return { ok: true, value: { tabId: sender.tabId } };
  }
  if (!url.startsWith(self.origin)) return fail('forbidden', `${type} must come from an extension page`);
  return { ok: true, value: { tabId: sender.tabId ?? null } };
}

/** Who sent a request: its tab (null from an extension page not in a tab), its URL, and its document's id where the browser says (Chrome). */
export interface HandlerContext {
  tabId: number | null;
  url: string;
  documentId?: string;
  /** The sending tab is in a private window (nothing from it is remembered). */
  incognito?: boolean;
}
export type Handler<K extends MessageType> = (req: Request<K>, ctx: HandlerContext) => Promise<Response<K>>;
export type Handlers = { [K in MessageType]: Handler<K> };

/**
 * Dispatches a raw message: parse, check the sender for that message type, run the handler.
 * Pure apart from the handlers, so the background's routing is unit-testable.
 */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: SenderInfo,
  self: { id: string; origin: string },
): Promise<Result<unknown>> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const req = parsed.value;
  const allowed = checkSender(req.type, sender, self);
  if (!allowed.ok) return allowed;
  try {
    const handler = handlers[req.type] as Handler<MessageType>;
    const ctx = {
      tabId: allowed.value.tabId,
      url: sender.url ?? '',
      ...(sender.documentId ? { documentId: sender.documentId } : {}),
      ...(sender.incognito ? { incognito: true } : {}),
    };
    return { ok: true, value: await handler(req, ctx) };
  } catch (e) {
    if (e instanceof CodedError) return fail(e.code, e.message);
    console.error(`[news-context] ${req.type} failed:`, e);
    return fail('internal', errorMessage(e));
  }
}

/**
 * Messages from the background to a tab's content script (tabs.sendMessage):
 * - `background:switches`: the switches in force on the tab's site changed, so highlights or
 *   declutter turn on or off at once (no answer);
 * - `background:get-article-text`: the side panel needs the page's article text for an on-device
 *   summary (no story matched); answered with a {@link PageArticleText}.
 */
export type BackgroundMessage =
  | { type: 'background:switches'; highlights: boolean; declutter: boolean }
  | { type: 'background:get-article-text' }
  | { type: 'background:show-everything' }
  | { type: 'background:rescan' };

/** Parses a message a content script received; anything else is ignored. */
export function parseBackgroundMessage(raw: unknown): BackgroundMessage | null {
  if (!isObj(raw)) return null;
  switch (raw.type) {
    case 'background:switches':
      if (typeof raw.highlights !== 'boolean' || typeof raw.declutter !== 'boolean') return null;
      return { type: raw.type, highlights: raw.highlights, declutter: raw.declutter };
    case 'background:get-article-text':
    case 'background:show-everything':
    case 'background:rescan':
      return { type: raw.type };
    default:
      return null;
  }
}

/** The content script's answer to `background:get-article-text`: the visible text of the page's article region. */
export interface PageArticleText {
  title: string;
  /** The page's declared language, BCP 47 primary subtag, or "und" (the background reads the text's own). */
  lang: string;
  text: string;
}

/**
 * The most article text the background accepts from a page (longer text is cut): an on-device
 * digest reads the article region's first 20,000 characters, which bounds its cost whatever the page.
 */
export const MAX_ARTICLE_TEXT = 20_000;

/** Parses a content script's {@link PageArticleText} (it comes from a page: parsed, bounded), or null. */
export function parsePageArticleText(raw: unknown): PageArticleText | null {
  if (!isObj(raw) || typeof raw.title !== 'string' || typeof raw.text !== 'string' || typeof raw.lang !== 'string') return null;
  return {
    title: raw.title.slice(0, MAX_TITLE),
    lang: /^[a-z]{2,3}$|^und$/.test(raw.lang) ? raw.lang : 'und',
    text: raw.text.slice(0, MAX_ARTICLE_TEXT),
  };
}
