/**
 * The options page's "Reading memory" section: what is kept and where, the switches, the sites
 * never remembered, the memory's size and limit, the articles it holds (each one forgettable),
 * the imported collections, and import / export of corpus files. Props only: the options entry
 * (ui/options/main.tsx) talks to the background and the database.
 */
import { useState } from 'preact/hooks';
import type { MemoryForget } from '../../core/messages';
import type { MemoryCap, MemoryItem, MemoryStatus } from '../../core/memory';
import { type GlobalSettings, type SiteSettings, type SiteSwitch, siteKey } from '../../core/settings';
import { formatBytes, formatDay, formatNumber, readerHref } from '../format';
import { useLocale } from '../i18n';
import { Empty, Loading, Section, Switch } from './common';

/** The articles listed so far for `query` (newest first), of `total` that match. */
export interface MemoryList {
  query: string;
  items: readonly MemoryItem[];
  total: number;
}

/** Where an import of a corpus file is. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; name: string; done: number; total: number | null }
  | { phase: 'done'; name: string; added: number; skipped: number }
  | { phase: 'invalid-json'; name: string; detail: string }
  | { phase: 'invalid'; name: string; problems: readonly { path: string; message: string }[] }
  | { phase: 'failed'; name: string; detail: string };

/** How many validation problems of a corpus file are listed. */
export const MAX_PROBLEMS_SHOWN = 10;

export interface MemoryProps {
  status: MemoryStatus | null;
  list: MemoryList | null;
  importState: ImportState;
  /** An export is being written. */
  exporting: boolean;
  exportError: string | null;
  onQuery: (query: string) => void;
  onMore: () => void;
  onForget: (what: MemoryForget) => void;
  onCap: (cap: MemoryCap) => void;
  onImport: (file: File) => void;
  onExport: (which: 'remembered' | 'all') => void;
}

const noop = () => {};
/** The section while the options entry has not wired it (and in views that render without it). */
export const MEMORY_LOADING: MemoryProps = {
  status: null,
  list: null,
  importState: { phase: 'idle' },
  exporting: false,
  exportError: null,
  onQuery: noop,
  onMore: noop,
  onForget: noop,
  onCap: noop,
  onImport: noop,
  onExport: noop,
};

export interface MemorySectionProps {
  settings: GlobalSettings;
  sites: readonly { site: string; settings: SiteSettings }[] | null;
  /** The extension's storage cannot be written (the corpus status's readOnly). */
  locked: boolean;
  onChange: (patch: Partial<GlobalSettings>) => void;
  onSiteSwitch: (site: string, feature: SiteSwitch, value: boolean | null) => void;
  memory: MemoryProps;
}

export function MemorySection({ settings, sites, locked: storageLocked, onChange, onSiteSwitch, memory }: MemorySectionProps) {
  const { t } = useLocale();
  // Nothing can be written while storage is read-only (the corpus's or the memory's): only export works.
  const locked = storageLocked || Boolean(memory.status?.readOnly);
  return (
    <Section title={t('memoryHeading')} id="memory">
      <p>{t('memoryExplainWhat')}</p>
      <p>{t('memoryExplainWhere')}</p>
      <p>{t('memoryExplainForget')}</p>
      <Switch
        id="memory-enabled"
        testId="memory-enabled"
        label={t('switchMemory')}
        hint={t('switchMemoryHint')}
        checked={settings.memory}
        disabled={locked}
        onChange={(v) => onChange({ memory: v })}
      />
      <Switch
        id="memory-paused"
        testId="memory-paused"
        label={t('switchMemoryPaused')}
        hint={t('switchMemoryPausedHint')}
        checked={settings.memoryPaused}
        disabled={locked || !settings.memory}
        onChange={(v) => onChange({ memoryPaused: v })}
      />
      <MemoryStatusView status={memory.status} locked={locked} onCap={memory.onCap} />
      <ExcludedSites sites={sites} locked={locked} onSiteSwitch={onSiteSwitch} />
      <MemoryArticles memory={memory} locked={locked} />
      <Packs status={memory.status} locked={locked} onForget={memory.onForget} />
      <Transfer memory={memory} locked={locked} />
    </Section>
  );
}

function MemoryStatusView({ status, locked, onCap }: { status: MemoryStatus | null; locked: boolean; onCap: MemoryProps['onCap'] }) {
  const { t, lang } = useLocale();
  return (
    <div data-testid="memory-status">
      <h3 class="nc-subtitle-h">{t('memoryStatusHeading')}</h3>
      {status === null ? (
        <Loading />
      ) : (
        <>
          {status.readOnly ? (
            <p class="nc-card nc-banner nc-banner-warn" role="status" data-testid="memory-read-only">
              {t('memoryReadOnly')}
            </p>
          ) : null}
          <dl class="nc-stats">
            <dt>{t('memoryStatRemembered')}</dt>
            <dd data-testid="memory-count-remembered">{formatNumber(status.remembered, lang)}</dd>
            <dt>{t('memoryStatImported')}</dt>
            <dd data-testid="memory-count-imported">{formatNumber(status.imported, lang)}</dd>
            <dt>{t('memoryStatSize')}</dt>
            <dd>{formatBytes(status.bytes, lang)}</dd>
            <dt>{t('memoryStatCap')}</dt>
            <dd>{t('memoryCapValue', [formatNumber(status.cap.articles, lang), formatBytes(status.cap.bytes, lang)])}</dd>
          </dl>
          {status.trimmedAt !== null ? (
            <p class="nc-hint" data-testid="memory-trimmed">
              {t('memoryTrimmed', [formatNumber(status.trimmed, lang), formatDay(status.trimmedAt, lang)])}
            </p>
          ) : null}
          <CapForm key={`${status.cap.articles}:${status.cap.bytes}`} cap={status.cap} locked={locked} onCap={onCap} />
        </>
      )}
    </div>
  );
}

const MB = 1_000_000;
/** The most articles the background accepts as a cap (core/messages.ts's isCount). */
const MAX_CAP_ARTICLES = 100_000;

function CapForm({ cap, locked, onCap }: { cap: MemoryCap; locked: boolean; onCap: MemoryProps['onCap'] }) {
  const { t } = useLocale();
  const [articles, setArticles] = useState(String(cap.articles));
  const [megabytes, setMegabytes] = useState(String(Math.round(cap.bytes / MB)));
  const a = Number(articles);
  const m = Number(megabytes);
  const valid = Number.isInteger(a) && a >= 1 && a <= MAX_CAP_ARTICLES && Number.isInteger(m) && m >= 1 && m <= 1_000_000;
  const changed = valid && (a !== cap.articles || m * MB !== cap.bytes);
  return (
    <form
      class="nc-memory-cap"
      data-testid="memory-cap"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) onCap({ articles: a, bytes: m * MB });
      }}
    >
      <p class="nc-hint" id="memory-cap-hint">
        {t('memoryCapHint')}
      </p>
      <div class="nc-field">
        <label for="memory-cap-articles">{t('memoryCapArticles')}</label>
        <input
          id="memory-cap-articles"
          type="number"
          min={1}
          max={MAX_CAP_ARTICLES}
          step={1}
          value={articles}
          disabled={locked}
          aria-describedby="memory-cap-hint"
          onInput={(e) => setArticles(e.currentTarget.value)}
        />
      </div>
      <div class="nc-field">
        <label for="memory-cap-mb">{t('memoryCapMegabytes')}</label>
        <input
          id="memory-cap-mb"
          type="number"
          min={1}
          step={1}
          value={megabytes}
          disabled={locked}
          aria-describedby="memory-cap-hint"
          onInput={(e) => setMegabytes(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="nc-button nc-button-secondary" data-testid="memory-cap-save" disabled={locked || !changed}>
        {t('memoryCapSave')}
      </button>
    </form>
  );
}

/** What the reader typed as a site: a host or an address, as settings name sites (no "www."), or null. */
export function siteFromInput(raw: string): string | null {
  const v = raw.trim();
  if (!v) return null;
  const site = siteKey(/^[a-z][a-z0-9+.-]*:\/\//iu.test(v) ? v : `https://${v}`);
  return site && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(site) ? site : null;
}

function ExcludedSites({
  sites,
  locked,
  onSiteSwitch,
}: {
  sites: MemorySectionProps['sites'];
  locked: boolean;
  onSiteSwitch: MemorySectionProps['onSiteSwitch'];
}) {
  const { t } = useLocale();
  const [typed, setTyped] = useState('');
  const site = siteFromInput(typed);
  const excluded = sites?.filter((s) => s.settings.memory === false) ?? null;
  return (
    <div class="nc-memory-excluded">
      <h3 class="nc-subtitle-h">{t('memoryExcludedHeading')}</h3>
      {excluded === null ? (
        <Loading />
      ) : excluded.length === 0 ? (
        <Empty>{t('memoryExcludedEmpty')}</Empty>
      ) : (
        <ul class="nc-memory-list">
          {excluded.map(({ site: s }) => (
            <li key={s} class="nc-memory-row" data-testid="memory-excluded-site" data-site={s}>
              <span>{s}</span>{' '}
              <button
                type="button"
                class="nc-button nc-button-quiet"
                aria-label={t('memoryIncludeAgainLabel', s)}
                disabled={locked}
                onClick={() => onSiteSwitch(s, 'memory', null)}
              >
                {t('memoryIncludeAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="nc-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!site || locked) return;
          onSiteSwitch(site, 'memory', false);
          setTyped('');
        }}
      >
        <label for="memory-exclude">{t('memoryExcludeLabel')}</label>
        <input
          id="memory-exclude"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          data-testid="memory-exclude-input"
          value={typed}
          disabled={locked}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <button type="submit" class="nc-button nc-button-secondary" data-testid="memory-exclude-add" disabled={locked || !site}>
          {t('memoryExcludeAdd')}
        </button>
      </form>
    </div>
  );
}

function MemoryArticles({ memory, locked }: { memory: MemoryProps; locked: boolean }) {
  const { t, lang } = useLocale();
  const [query, setQuery] = useState(memory.list?.query ?? '');
  const [confirming, setConfirming] = useState(false);
  const { list, status } = memory;
  const all = status ? status.remembered + status.imported : (list?.total ?? 0);
  return (
    <div class="nc-memory-articles">
      <h3 class="nc-subtitle-h">{t('memoryListHeading')}</h3>
      <div class="nc-field">
        <label for="memory-search">{t('memorySearchLabel')}</label>
        <input
          id="memory-search"
          type="search"
          data-testid="memory-search"
          value={query}
          maxLength={200}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            memory.onQuery(e.currentTarget.value);
          }}
        />
      </div>
      {list === null ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{list.query ? t('memoryListNoMatch') : t('memoryListEmpty')}</Empty>
      ) : (
        <>
          <p class="nc-hint" aria-live="polite" data-testid="memory-list-count">
            {t('memoryListCount', [formatNumber(list.items.length, lang), formatNumber(list.total, lang)])}
          </p>
          <ul class="nc-memory-list" data-testid="memory-list">
            {list.items.map((item) => (
              <MemoryRow key={item.id} item={item} locked={locked} onForget={memory.onForget} />
            ))}
          </ul>
          {list.items.length < list.total ? (
            <button type="button" class="nc-button nc-button-secondary" data-testid="memory-more" onClick={memory.onMore}>
              {t('memoryShowMore')}
            </button>
          ) : null}
        </>
      )}
      {all > 0 ? (
        <div class="nc-memory-forget-all">
          {confirming ? (
            <div
              class="nc-card nc-banner nc-banner-warn"
              role="group"
              aria-labelledby="memory-forget-all-q"
              data-testid="memory-forget-all-ask"
            >
              <p id="memory-forget-all-q">{t('memoryForgetAllQuestion', formatNumber(all, lang))}</p>
              <button
                type="button"
                class="nc-button"
                data-testid="memory-forget-all-confirm"
                disabled={locked}
                onClick={() => {
                  setConfirming(false);
                  memory.onForget({ all: true });
                }}
              >
                {t('memoryForgetAllConfirm', formatNumber(all, lang))}
              </button>{' '}
              <button
                type="button"
                class="nc-button nc-button-secondary"
                data-testid="memory-forget-all-cancel"
                onClick={() => setConfirming(false)}
              >
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              class="nc-button nc-button-secondary"
              data-testid="memory-forget-all"
              disabled={locked}
              onClick={() => setConfirming(true)}
            >
              {t('memoryForgetAll')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

function MemoryRow({ item, locked, onForget }: { item: MemoryItem; locked: boolean; onForget: MemoryProps['onForget'] }) {
  const { t, lang } = useLocale();
  const day = formatDay(item.addedAt, lang);
  return (
    <li class="nc-memory-row" data-testid="memory-item" data-id={item.id} data-origin={item.origin}>
      <div>
        <a href={readerHref(item.id)} target="_blank" rel="noopener" lang={item.lang} data-testid="memory-item-link">
          {item.title}
        </a>
        <p class="nc-meta">
          <span>{item.source}</span>{' '}
          <span data-testid="memory-item-when">{item.origin === 'remembered' ? t('memoryReadOn', day) : t('memoryImportedOn', day)}</span>
        </p>
      </div>
      <div class="nc-memory-actions">
        <button
          type="button"
          class="nc-button nc-button-quiet"
          data-testid="memory-forget"
          aria-label={t('memoryForgetLabel', item.title)}
          disabled={locked}
          onClick={() => onForget({ ids: [item.id] })}
        >
          {t('memoryForget')}
        </button>
        {item.site ? (
          <button
            type="button"
            class="nc-button nc-button-quiet"
            data-testid="memory-forget-site"
            aria-label={t('memoryForgetSiteLabel', item.site)}
            disabled={locked}
            onClick={() => item.site && onForget({ site: item.site })}
          >
            {t('memoryForgetSite')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function Packs({ status, locked, onForget }: { status: MemoryStatus | null; locked: boolean; onForget: MemoryProps['onForget'] }) {
  const { t, lang } = useLocale();
  return (
    <div class="nc-memory-packs">
      <h3 class="nc-subtitle-h">{t('memoryPacksHeading')}</h3>
      {status === null ? (
        <Loading />
      ) : status.packs.length === 0 ? (
        <Empty>{t('memoryPacksEmpty')}</Empty>
      ) : (
        <ul class="nc-memory-list">
          {status.packs.map((p) => (
            <li key={p.id} class="nc-memory-row" data-testid="memory-pack" data-pack={p.id}>
              <div>
                <span class="nc-memory-pack-name">{p.name}</span>
                <p class="nc-meta">{t('memoryPackMeta', [formatNumber(p.articles, lang), formatDay(p.importedAt, lang)])}</p>
              </div>
              <button
                type="button"
                class="nc-button nc-button-quiet"
                data-testid="memory-pack-remove"
                aria-label={t('memoryPackRemoveLabel', p.name)}
                disabled={locked}
                onClick={() => onForget({ pack: p.id })}
              >
                {t('memoryPackRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Transfer({ memory, locked }: { memory: MemoryProps; locked: boolean }) {
  const { t, lang } = useLocale();
  const s = memory.importState;
  const running = s.phase === 'running';
  return (
    <div class="nc-memory-transfer">
      <h3 class="nc-subtitle-h">{t('memoryTransferHeading')}</h3>
      <p class="nc-hint">{t('memoryTransferHint')}</p>
      <div class="nc-field">
        <label for="memory-import">{t('memoryImportLabel')}</label>
        <input
          id="memory-import"
          type="file"
          accept=".json,application/json"
          data-testid="memory-import"
          disabled={locked || running}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared, so that choosing the same file again imports it again.
            input.value = '';
            if (file) memory.onImport(file);
          }}
        />
      </div>
      {s.phase === 'running' ? (
        <div class="nc-memory-import-state" aria-live="polite">
          <label for="memory-import-progress">{t('memoryImporting', s.name)}</label>
          {s.total ? (
            <progress id="memory-import-progress" data-testid="memory-import-progress" max={s.total} value={Math.min(s.done, s.total)} />
          ) : (
            <progress id="memory-import-progress" data-testid="memory-import-progress" />
          )}
        </div>
      ) : s.phase === 'done' ? (
        <p role="status" data-testid="memory-import-result">
          {t('memoryImportDone', [formatNumber(s.added, lang), formatNumber(s.skipped, lang)])}
        </p>
      ) : s.phase === 'invalid-json' ? (
        <p class="nc-error" role="alert" data-testid="memory-import-error">
          {t('memoryImportInvalidJson', [s.name, s.detail])}
        </p>
      ) : s.phase === 'failed' ? (
        <p class="nc-error" role="alert" data-testid="memory-import-error">
          {t('memoryImportFailed', s.detail)}
        </p>
      ) : s.phase === 'invalid' ? (
        <div class="nc-error" role="alert" data-testid="memory-import-error">
          <p>{t('memoryImportInvalid', s.name)}</p>
          <ul>
            {s.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
              <li key={i} data-testid="memory-import-problem">
                {p.path}: {p.message}
              </li>
            ))}
          </ul>
          {s.problems.length > MAX_PROBLEMS_SHOWN ? (
            <p>{t('memoryImportMoreProblems', formatNumber(s.problems.length - MAX_PROBLEMS_SHOWN, lang))}</p>
          ) : null}
        </div>
      ) : null}
      <div class="nc-memory-actions">
        <button
          type="button"
          class="nc-button nc-button-secondary"
          data-testid="memory-export"
          disabled={memory.exporting}
          onClick={() => memory.onExport('remembered')}
        >
          {t('memoryExport')}
        </button>{' '}
        <button
          type="button"
          class="nc-button nc-button-secondary"
          data-testid="memory-export-all"
          disabled={memory.exporting}
          onClick={() => memory.onExport('all')}
        >
          {t('memoryExportAll')}
        </button>
      </div>
      {memory.exportError ? (
        <p class="nc-error" role="alert" data-testid="memory-export-error">
          {t('memoryExportFailed', memory.exportError)}
        </p>
      ) : null}
    </div>
  );
}
