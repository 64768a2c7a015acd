/**
 * The background's per-tab state: each tab's analysis in storage.session (and its badge), the
 * document each tab last reported from with the declutter script run in it, and the tab's
 * generation, bumped whenever its analysis is dropped so that work started before writes nothing.
 */
import { type SessionStore, type TabAnalysis, badgeText, tabIdFromKey, tabKey } from '../core/analysis';
import type { BackgroundMessage, DeclutterMode } from '../core/messages';
import type { effectiveSwitches } from '../core/settings';

export interface TabsDeps {
  session: SessionStore;
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Tells a tab's content script that the switches of its site changed. */
  notifyTab?: (tabId: number, message: BackgroundMessage) => Promise<void>;
  /**
   * Runs a declutter script in a tab's top frame: 'walls' (small) on any page, 'full' (with the
   * article finder) on article pages. `documentId` is the reporting document's (Chrome), to target it alone.
   */
  injectDeclutter?: (tabId: number, mode: DeclutterMode, documentId?: string) => Promise<void>;
}

type Switches = ReturnType<typeof effectiveSwitches>;

/** Whether two URLs share an origin (false for anything unparsable). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The URL a page's report stands for. The sender's URL comes from the browser; the page's own report
 * is only a claim, taken only within the sender's origin: after a single-page-app navigation
 * (pushState) the browser still names the URL the document was loaded at, the page its current one.
 */
export function reportedUrl(claimed: string, sender: string): string {
  return sameOrigin(claimed, sender) ? claimed : sender;
}

export interface Tabs {
  /** The tab's stored analysis, if any. */
  analysis: (tabId: number) => Promise<TabAnalysis | undefined>;
  /** Stores the tab's analysis and badges the tab. */
  write: (tabId: number, analysis: TabAnalysis) => Promise<void>;
  /** Every stored tab analysis. */
  analyses: () => Promise<[number, TabAnalysis][]>;
  /** Rewrites the stored analyses that `match` with the switches now in force there, and tells their pages. */
  refresh: (match: (a: TabAnalysis) => boolean, switches: Switches) => Promise<void>;
  /** The tab's generation now: compare it after a wait to know whether the tab's analysis was dropped meanwhile. */
  generationOf: (tabId: number) => number;
  /** A report from `document` (the content script's id; `documentId` Chrome's) at `url`: the tab's current document. */
  reported: (tabId: number, document: string, url: string, documentId: string | undefined) => void;
  /** The id of the document the tab last reported from (the content script's), if known. */
  documentOf: (tabId: number) => string | undefined;
  /** Whether `document` may be the tab's current one (no document known for the tab counts as yes). */
  isCurrent: (tabId: number, document: string) => boolean;
  /**
   * The declutter document check: the script run in the tab's document, when the asking script runs in
   * that very document (`document`; Chrome's `documentId` when both are known), at its origin, with
   * declutter still on there; null otherwise (the script then touches nothing).
   */
  declutterCheck: (tabId: number, document: string | null, url: string, documentId: string | undefined) => Promise<DeclutterMode | null>;
  /** Runs declutter in the tab's current document, once per document ('full' includes 'walls'). */
  ensureDeclutter: (tabId: number, mode: DeclutterMode) => Promise<void>;
  /** Drops a tab's analysis (closed, or navigating away: the next page reports afresh). */
  forgetTab: (tabId: number) => Promise<void>;
  /**
   * A tab started loading. A new URL (or one we may not read) drops the analysis, and any report of
   * the old page still in flight. The same URL (a reload) keeps it until the new document's report
   * replaces it, so the popup and panel do not blank in between.
   */
  tabLoading: (tabId: number, url: string | undefined) => Promise<void>;
}

export function createTabs(deps: TabsDeps, hooks: { forgotten?: (tabId: number) => void } = {}): Tabs {
  const analysis = async (tabId: number) => (await deps.session.get(tabKey(tabId))) as TabAnalysis | undefined;
  const write = async (tabId: number, a: TabAnalysis) => {
    await deps.session.set(tabKey(tabId), a);
    await deps.setBadge(tabId, badgeText(a));
  };

  async function analyses(): Promise<[number, TabAnalysis][]> {
    const out: [number, TabAnalysis][] = [];
    for (const [key, value] of await deps.session.entries()) {
      const tabId = tabIdFromKey(key);
      if (tabId !== null) out.push([tabId, value as TabAnalysis]);
    }
    return out;
  }

  async function refresh(match: (a: TabAnalysis) => boolean, switches: Switches) {
    for (const [tabId, a] of await analyses()) {
      if (!match(a)) continue;
      const declutterOn = switches.declutter;
      await write(tabId, {
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

  async function forgetTab(tabId: number): Promise<void> {
    generations.set(tabId, generationOf(tabId) + 1);
    documents.delete(tabId);
    hooks.forgotten?.(tabId);
    await deps.session.remove(tabKey(tabId));
  }

  return {
    analysis,
    write,
    analyses,
    refresh,
    generationOf,
    reported(tabId, document, url, documentId) {
      const known = documents.get(tabId);
      if (known?.id !== document) documents.set(tabId, { id: document, url, documentId, injected: null });
      // The same document at another URL (a single-page-app navigation): the script there looks again (it is run
      // again and finds itself), for the new page, article or not.
      else if (known.url !== url) {
        known.url = url;
        known.injected = null;
      }
    },
    documentOf: (tabId) => documents.get(tabId)?.id,
    isCurrent(tabId, document) {
      return !documents.has(tabId) || documents.get(tabId)?.id === document;
    },
    async declutterCheck(tabId, document, url, documentId) {
      const known = documents.get(tabId);
      // (The origin, not the whole URL: a page that navigated within itself is still the same document.)
      if (!known?.injected || document === null || known.id !== document || !sameOrigin(known.url, url)) return null;
      if (known.documentId && documentId && known.documentId !== documentId) return null;
      const stored = await analysis(tabId);
      if (stored && !stored.site.declutter) return null;
      return known.injected;
    },
    ensureDeclutter,
    forgetTab,
    async tabLoading(tabId, url) {
      const reported = documents.get(tabId)?.url;
      const stored = await analysis(tabId);
      const known = stored?.url ?? reported;
      if (known !== undefined && (url === undefined || known !== url)) await forgetTab(tabId);
    },
  };
}
