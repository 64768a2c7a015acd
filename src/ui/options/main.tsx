import { useEffect, useRef, useState } from 'preact/hooks';
import type { MemoryStatus } from '../../core/memory';
import type { CorpusStatus, MemoryForget } from '../../core/messages';
import { errorMessage } from '../../core/result';
import type { GlobalSettings } from '../../core/settings';
import { openNewsDb } from '../../background/db';
import { PackError, exportCorpus, importPack } from '../../background/packs';
import { send } from '../../platform/messaging';
import { watchSession } from '../../platform/session';
import type { ImportState, MemoryList } from '../components/MemorySection';
import { OptionsView, type SiteEntry } from '../components/OptionsView';
import { applyTheme, mountPage } from '../connect';
import '../styles.css';

/** How many remembered articles one "Show more" adds. */
const PAGE = 50;
/** The most articles one `ui:memory-list` answers with. */
const MAX_LIMIT = 500;

/** Runs `work` on the extension's database, opened for it and closed after (an open connection would hold up the background's upgrades). */
async function withDb<T>(work: (db: Awaited<ReturnType<typeof openNewsDb>>) => Promise<T>): Promise<T> {
  const db = await openNewsDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** Saves `text` as a file the browser downloads. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function Options() {
  const [settings, setSettings] = useState<GlobalSettings | null>(null);
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [sites, setSites] = useState<readonly SiteEntry[] | null>(null);
  const [memoryStatus, setMemoryStatus] = useState<MemoryStatus | null>(null);
  const [list, setList] = useState<MemoryList | null>(null);
  const [importState, setImportState] = useState<ImportState>({ phase: 'idle' });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // The latest list request wins: answers to an older query (typed over) are dropped.
  const listSeq = useRef(0);
  const query = useRef('');
  const shown = useRef(PAGE);

  const loadSites = () => void send({ type: 'ui:get-sites' }).then((r) => setSites(r.ok ? r.value : []));
  const loadMemoryStatus = () => void send({ type: 'ui:memory-status' }).then((r) => r.ok && setMemoryStatus(r.value));
  /** The first `limit` articles for the current query again (after a search, a forget, an import). */
  const loadList = (limit = shown.current) => {
    const seq = ++listSeq.current;
    const q = query.current;
    void send({ type: 'ui:memory-list', query: q, offset: 0, limit: Math.min(Math.max(limit, PAGE), MAX_LIMIT) }).then((r) => {
      if (seq !== listSeq.current || !r.ok) return;
      shown.current = r.value.items.length;
      setList({ query: q, items: r.value.items, total: r.value.total });
    });
  };
  /** The next page of the current query, after the articles listed. */
  const loadMore = (current: MemoryList) => {
    const seq = ++listSeq.current;
    void send({ type: 'ui:memory-list', query: current.query, offset: current.items.length, limit: PAGE }).then((r) => {
      if (seq !== listSeq.current || !r.ok) return;
      const seen = new Set(current.items.map((i) => i.id));
      const items = [...current.items, ...r.value.items.filter((i) => !seen.has(i.id))];
      shown.current = items.length;
      setList({ query: current.query, items, total: r.value.total });
    });
  };
  const loadMemory = () => {
    loadMemoryStatus();
    loadList();
  };

  useEffect(() => {
    void send({ type: 'ui:get-settings', site: null }).then((r) => {
      if (r.ok) {
        setSettings(r.value.global);
        applyTheme(r.value.global.theme);
      }
    });
    void send({ type: 'ui:get-status' }).then((r) => r.ok && setStatus(r.value));
    loadSites();
    loadMemory();
    // A site's switches may have changed in a popup meanwhile, and articles read: read them again on return.
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      loadSites();
      loadMemory();
      void send({ type: 'ui:get-settings', site: null }).then((r) => r.ok && setSettings(r.value.global));
    };
    document.addEventListener('visibilitychange', onVisible);
    const unwatch = watchSession(
      () => null,
      (c) => c.status !== undefined && setStatus(c.status),
    );
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      unwatch();
    };
  }, []);

  const forget = (what: MemoryForget) => {
    void send({ type: 'ui:memory-forget', ...what }).then(() => {
      loadMemory();
      loadSites();
    });
  };

  const importFile = async (file: File) => {
    const name = file.name;
    setImportState({ phase: 'running', name, done: 0, total: null });
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      setImportState({ phase: 'invalid-json', name, detail: errorMessage(e) });
      return;
    }
    const articles = typeof data === 'object' && data !== null ? (data as { articles?: unknown }).articles : undefined;
    const total = Array.isArray(articles) ? articles.length : null;
    setImportState({ phase: 'running', name, done: 0, total });
    try {
      const result = await withDb((db) => importPack(db, data, name, (done) => setImportState({ phase: 'running', name, done, total })));
      setImportState({ phase: 'done', name, added: result.added, skipped: result.skipped });
    } catch (e) {
      if (e instanceof PackError) setImportState({ phase: 'invalid', name, problems: e.problems });
      else setImportState({ phase: 'failed', name, detail: errorMessage(e) });
    }
    // Whatever came of it, the background's views and caches catch up with the stores, then the page does.
    await send({ type: 'ui:memory-changed' });
    loadMemory();
  };

  const exportFile = async (which: 'remembered' | 'all') => {
    setExporting(true);
    setExportError(null);
    try {
      const corpus = await withDb((db) => exportCorpus(db, which));
      download(JSON.stringify(corpus), `news-context-${which === 'all' ? 'corpus' : 'memory'}-${today()}.json`);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <OptionsView
      settings={settings}
      status={status}
      sites={sites}
      onChange={(patch) => {
        void send({ type: 'ui:set-global-settings', settings: patch }).then((r) => {
          if (!r.ok) return;
          setSettings(r.value);
          applyTheme(r.value.theme);
        });
      }}
      onSiteSwitch={(site, feature, value) => {
        void send({ type: 'ui:set-site-switch', site, feature, value }).then(loadSites);
      }}
      onSiteReset={(site) => {
        // One override after the other: each request reads and writes the site's record.
        void (async () => {
          await send({ type: 'ui:set-site-switch', site, feature: 'highlights', value: null });
          await send({ type: 'ui:set-site-switch', site, feature: 'declutter', value: null });
          loadSites();
        })();
      }}
      memory={{
        status: memoryStatus,
        list,
        importState,
        exporting,
        exportError,
        onQuery: (q) => {
          query.current = q.slice(0, 200);
          loadList(PAGE);
        },
        onMore: () => list && loadMore(list),
        onForget: forget,
        onCap: (cap) => {
          void send({ type: 'ui:memory-cap', cap }).then((r) => {
            if (r.ok) setMemoryStatus(r.value);
            loadList();
          });
        },
        onImport: (file) => void importFile(file),
        onExport: (which) => void exportFile(which),
      }}
    />
  );
}

mountPage('optionsSubtitle', <Options />);
