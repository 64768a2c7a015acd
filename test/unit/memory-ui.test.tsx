/**
 * Reading memory in the UI: the options page's section (switches, list, forgetting, packs, import
 * state), the one-time question in the popup and the side panel, and the origin note on related
 * coverage. Rendered to markup and read back as a DOM, or mounted and clicked.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemoryItem, MemoryStatus } from '../../src/core/memory';
import type { MemoryForget } from '../../src/core/messages';
import { DEFAULT_MEMORY_CAP } from '../../src/core/memory';
import { DEFAULT_SETTINGS, type GlobalSettings } from '../../src/core/settings';
import { MEMORY_LOADING, type MemoryProps, siteFromInput } from '../../src/ui/components/MemorySection';
import { OptionsView, type OptionsProps } from '../../src/ui/components/OptionsView';
import { PopupView } from '../../src/ui/components/PopupView';
import { SidePanelView } from '../../src/ui/components/SidePanelView';
import { LocaleProvider } from '../../src/ui/i18n';
import { EVIL, analysis, context, dom, inLocale, locale, ready, textOf } from './view-helpers';

const noop = () => {};
// Midday UTC: the same calendar day in every time zone the tests may run in.
const NOV_3 = Date.UTC(2026, 10, 3, 12);
const OCT_20 = Date.UTC(2026, 9, 20, 12);

const items: MemoryItem[] = [
  {
    id: 'u-1',
    title: 'Harbour tunnel opens',
    source: 'Harbour Gazette',
    url: 'https://www.gazette.example/tunnel',
    published: '2026-11-02',
    lang: 'en',
    origin: 'remembered',
    addedAt: NOV_3,
    pack: null,
    site: 'gazette.example',
    bytes: 12_000,
  },
  {
    id: 'p-1',
    title: `Council budget ${EVIL}`,
    source: 'City Wire',
    url: null,
    published: null,
    lang: 'en',
    origin: 'imported',
    addedAt: OCT_20,
    pack: 'pack-1',
    site: null,
    bytes: 8_000,
  },
];

const memoryStatus: MemoryStatus = {
  remembered: 41,
  imported: 12,
  bytes: 3_400_000,
  cap: DEFAULT_MEMORY_CAP,
  packs: [{ id: 'pack-1', name: 'city-wire.json', build: 'cw-1', importedAt: OCT_20, articles: 12 }],
  trimmedAt: null,
  trimmed: 0,
  readOnly: null,
};

const memory = (over: Partial<MemoryProps> = {}): MemoryProps => ({
  ...MEMORY_LOADING,
  status: memoryStatus,
  list: { query: '', items, total: 53 },
  ...over,
});

const baseProps = (over: Partial<OptionsProps> = {}): OptionsProps => ({
  settings: DEFAULT_SETTINGS,
  status: ready,
  onChange: noop,
  sites: [
    { site: 'news.example', settings: { highlights: false } },
    { site: 'tabloid.example', settings: { memory: false } },
  ],
  onSiteSwitch: noop,
  onSiteReset: noop,
  memory: memory(),
  ...over,
});
const options = (lang: 'en' | 'sv', over: Partial<OptionsProps> = {}) => dom(inLocale(lang, <OptionsView {...baseProps(over)} />));
const q = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);
const qa = (root: ParentNode, id: string) => [...root.querySelectorAll(`[data-testid="${id}"]`)];

describe('OptionsView: the reading memory section, rendered', () => {
  it('explains what is kept and where, and shows the memory switch as a checkbox reflecting the setting', () => {
    for (const on of [false, true]) {
      const doc = options('en', { settings: { ...DEFAULT_SETTINGS, memory: on } });
      const section = doc.querySelector('#memory')!;
      expect(textOf(section.querySelector('h2'))).toBe('Reading memory');
      expect(textOf(section)).toContain('only in this browser, on this device. Nothing is sent anywhere.');
      expect(textOf(section)).toContain('Forgetting an article also removes everything derived from it.');
      const box = q(doc, 'memory-enabled')!;
      expect(box.tagName).toBe('INPUT');
      expect(box.getAttribute('type')).toBe('checkbox');
      expect(box.hasAttribute('checked')).toBe(on);
      // Labelled: a <label for> names it.
      expect(textOf(doc.querySelector(`label[for="${box.getAttribute('id')}"]`))).toBe('Remember the articles I read');
      // Paused can only be set while memory is on.
      expect(q(doc, 'memory-paused')!.hasAttribute('disabled')).toBe(!on);
    }
  });

  it('lists the remembered and imported articles with a reader link, outlet, when, and a forget button', () => {
    const doc = options('en');
    const rows = qa(doc, 'memory-item');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['u-1', 'p-1']);
    const link = rows[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('../reader/index.html?article=u-1');
    expect(textOf(link)).toBe('Harbour tunnel opens');
    expect(textOf(rows[0]!)).toContain('Harbour Gazette You read this on Nov 3, 2026');
    expect(textOf(rows[1]!)).toContain('City Wire Imported on Oct 20, 2026');
    expect(q(rows[0]!, 'memory-forget')!.getAttribute('aria-label')).toBe('Forget Harbour tunnel opens');
    // Only an article with a site can forget its site.
    expect(q(rows[0]!, 'memory-forget-site')).not.toBeNull();
    expect(q(rows[1]!, 'memory-forget-site')).toBeNull();
    // 2 of 53 listed: there is more.
    expect(textOf(q(doc, 'memory-list-count'))).toBe('Showing 2 of 53');
    expect(q(doc, 'memory-more')).not.toBeNull();
    expect(inLocale('en', <OptionsView {...baseProps()} />)).not.toContain('<script');
    // Swedish.
    const sv = options('sv');
    expect(textOf(qa(sv, 'memory-item')[0]!)).toContain('Du läste den 3 nov. 2026');
  });

  it('shows counts, size, limit, the excluded sites, the packs, a trim notice and a read-only notice that disables all but export', () => {
    const doc = options('en');
    const status = q(doc, 'memory-status')!;
    expect([...status.querySelectorAll('dt')].map(textOf)).toEqual(['Articles you read', 'Imported articles', 'Space used', 'Limit']);
    expect([...status.querySelectorAll('dd')].map(textOf)).toEqual(['41', '12', '3.4 MB', '2,000 articles or 52 MB']);
    expect(q(doc, 'memory-trimmed')).toBeNull();
    expect(q(doc, 'memory-read-only')).toBeNull();
    expect(qa(doc, 'memory-excluded-site').map((e) => e.getAttribute('data-site'))).toEqual(['tabloid.example']);
    // A site excluded from memory only is not among the sites with their own switches.
    expect(qa(doc, 'site-row').map((e) => e.getAttribute('data-site'))).toEqual(['news.example']);
    const pack = q(doc, 'memory-pack')!;
    expect(textOf(pack.querySelector('.nc-memory-pack-name'))).toBe('city-wire.json');
    expect(textOf(pack.querySelector('.nc-meta'))).toBe('12 articles, imported on Oct 20, 2026');
    expect(q(pack, 'memory-pack-remove')!.getAttribute('aria-label')).toBe('Remove the collection city-wire.json');

    const full = options('en', {
      memory: memory({ status: { ...memoryStatus, trimmedAt: NOV_3, trimmed: 25, readOnly: 'QuotaExceededError' } }),
    });
    expect(textOf(q(full, 'memory-trimmed'))).toBe('The oldest 25 articles were forgotten on Nov 3, 2026 to stay within the limit.');
    expect(textOf(q(full, 'memory-read-only'))).toBe('Storage is full: nothing new is remembered until space is freed.');
    for (const id of ['memory-enabled', 'memory-forget', 'memory-forget-all', 'memory-pack-remove', 'memory-import', 'memory-exclude-add'])
      expect(q(full, id)!.hasAttribute('disabled'), id).toBe(true);
    for (const id of ['memory-export', 'memory-export-all']) expect(q(full, id)!.hasAttribute('disabled'), id).toBe(false);
  });

  it('shows an import in progress, its result, and a file that does not validate (at most 10 problems)', () => {
    const running = options('en', { memory: memory({ importState: { phase: 'running', name: 'a.json', done: 3, total: 10 } }) });
    const bar = q(running, 'memory-import-progress')!;
    expect(bar.tagName).toBe('PROGRESS');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['3', '10']);
    expect(q(running, 'memory-import')!.getAttribute('accept')).toBe('.json,application/json');

    const done = options('en', { memory: memory({ importState: { phase: 'done', name: 'a.json', added: 7, skipped: 3 } }) });
    expect(textOf(q(done, 'memory-import-result'))).toBe('Imported 7 articles, 3 already known.');

    const problems = Array.from({ length: 13 }, (_, i) => ({ path: `articles[${i}].title`, message: 'missing' }));
    const invalid = options('en', { memory: memory({ importState: { phase: 'invalid', name: 'b.json', problems } }) });
    const error = q(invalid, 'memory-import-error')!;
    expect(error.getAttribute('role')).toBe('alert');
    const shown = qa(error, 'memory-import-problem').map(textOf);
    expect(shown).toHaveLength(10);
    expect(shown[0]).toBe('articles[0].title: missing');
    expect(textOf(error)).toContain('…and 3 more problems.');

    const json = options('en', { memory: memory({ importState: { phase: 'invalid-json', name: 'c.json', detail: 'Unexpected token' } }) });
    expect(textOf(q(json, 'memory-import-error'))).toBe('c.json is not valid JSON: Unexpected token');
  });

  it('reads a site the reader types as settings name it', () => {
    expect(siteFromInput(' https://www.DN.se/nyheter ')).toBe('dn.se');
    expect(siteFromInput('www.svd.se')).toBe('svd.se');
    expect(siteFromInput('localhost')).toBeNull();
    expect(siteFromInput('not a site')).toBeNull();
    expect(siteFromInput('')).toBeNull();
  });
});

describe('OptionsView: the reading memory section, clicked in a DOM', () => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  afterEach(() => render(null, root as unknown as Element));

  const mount = async (over: Partial<OptionsProps>) => {
    await act(() =>
      render(
        <LocaleProvider locale={locale('en')}>
          <OptionsView {...baseProps(over)} />
        </LocaleProvider>,
        root,
      ),
    );
  };
  const fire = (el: Element, type: string) => act(() => void el.dispatchEvent(new window.Event(type, { bubbles: true })));
  const click = (el: Element) => fire(el, 'click');

  it('toggles memory on and off through onChange', async () => {
    const onChange = vi.fn<(patch: Partial<GlobalSettings>) => void>();
    await mount({ onChange, settings: { ...DEFAULT_SETTINGS, memory: false } });
    const box = q(root, 'memory-enabled') as unknown as HTMLInputElement;
    box.checked = true;
    await fire(box, 'change');
    expect(onChange).toHaveBeenLastCalledWith({ memory: true });

    await mount({ onChange, settings: { ...DEFAULT_SETTINGS, memory: true } });
    const on = q(root, 'memory-enabled') as unknown as HTMLInputElement;
    on.checked = false;
    await fire(on, 'change');
    expect(onChange).toHaveBeenLastCalledWith({ memory: false });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('forgets one article by its id, and its site by the site', async () => {
    const onForget = vi.fn<(what: MemoryForget) => void>();
    await mount({ memory: memory({ onForget }) });
    await click(q(qa(root, 'memory-item')[1]!, 'memory-forget')!);
    expect(onForget).toHaveBeenLastCalledWith({ ids: ['p-1'] });
    await click(q(qa(root, 'memory-item')[0]!, 'memory-forget-site')!);
    expect(onForget).toHaveBeenLastCalledWith({ site: 'gazette.example' });
    await click(q(root, 'memory-pack-remove')!);
    expect(onForget).toHaveBeenLastCalledWith({ pack: 'pack-1' });
  });

  it('forgets everything only after the confirm step, and Cancel backs out', async () => {
    const onForget = vi.fn<(what: MemoryForget) => void>();
    await mount({ memory: memory({ onForget }) });
    expect(q(root, 'memory-forget-all-confirm')).toBeNull();
    await click(q(root, 'memory-forget-all')!);
    expect(onForget).not.toHaveBeenCalled();
    const confirm = q(root, 'memory-forget-all-confirm')!;
    expect(textOf(confirm)).toBe('Forget 53 articles');
    await click(q(root, 'memory-forget-all-cancel')!);
    expect(q(root, 'memory-forget-all-confirm')).toBeNull();
    expect(onForget).not.toHaveBeenCalled();
    await click(q(root, 'memory-forget-all')!);
    await click(q(root, 'memory-forget-all-confirm')!);
    expect(onForget).toHaveBeenCalledTimes(1);
    expect(onForget).toHaveBeenCalledWith({ all: true });
  });

  it('excludes a typed site, brings an excluded site back, and searches', async () => {
    const onSiteSwitch = vi.fn<OptionsProps['onSiteSwitch']>();
    const onQuery = vi.fn<(query: string) => void>();
    await mount({ onSiteSwitch, memory: memory({ onQuery }) });
    await click(q(root, 'memory-excluded-site')!.querySelector('button')!);
    expect(onSiteSwitch).toHaveBeenLastCalledWith('tabloid.example', 'memory', null);
    const input = q(root, 'memory-exclude-input') as unknown as HTMLInputElement;
    input.value = 'https://www.Aftonbladet.se/x';
    await fire(input, 'input');
    await fire(q(root, 'memory-exclude-add')!.closest('form')!, 'submit');
    expect(onSiteSwitch).toHaveBeenLastCalledWith('aftonbladet.se', 'memory', false);
    const search = q(root, 'memory-search') as unknown as HTMLInputElement;
    search.value = 'tunnel';
    await fire(search, 'input');
    expect(onQuery).toHaveBeenLastCalledWith('tunnel');
  });
});

describe('the one-time reading memory question', () => {
  const popup = (settings: GlobalSettings | null, onMemoryAnswer: (patch: Partial<GlobalSettings>) => void = noop) => (
    <PopupView
      context={null}
      analysis={analysis}
      status={ready}
      panelKind="side panel"
      onSiteSwitch={noop}
      onOpenPanel={noop}
      onShowEverything={noop}
      settings={settings}
      onMemoryAnswer={onMemoryAnswer}
    />
  );
  const panel = (settings: GlobalSettings | null, onMemoryAnswer: (patch: Partial<GlobalSettings>) => void = noop) => (
    <SidePanelView analysis={analysis} context={context} status={ready} settings={settings} onMemoryAnswer={onMemoryAnswer} />
  );

  it('appears in the popup and the side panel only while memoryAsked is false', () => {
    for (const view of [popup, panel]) {
      const asked = dom(inLocale('en', view({ ...DEFAULT_SETTINGS, memoryAsked: false })));
      const card = q(asked, 'memory-ask')!;
      expect(textOf(card)).toContain(
        'Remember the articles you read? They stay on this device only and make related coverage and timelines richer. You can forget them any time in the options.',
      );
      expect(card.querySelector('a')!.getAttribute('href')).toBe('../options/index.html#memory');
      expect(textOf(q(dom(inLocale('sv', view(DEFAULT_SETTINGS))), 'memory-ask-yes'))).toBe('Ja, spara');
      expect(q(dom(inLocale('en', view({ ...DEFAULT_SETTINGS, memoryAsked: true }))), 'memory-ask')).toBeNull();
      expect(q(dom(inLocale('en', view({ ...DEFAULT_SETTINGS, memory: true, memoryAsked: true }))), 'memory-ask')).toBeNull();
      // Not before the settings are known.
      expect(q(dom(inLocale('en', view(null))), 'memory-ask')).toBeNull();
    }
  });

  describe('clicked', () => {
    const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const root = document.getElementById('root')!;
    afterEach(() => render(null, root as unknown as Element));
    const click = (el: Element) => act(() => void el.dispatchEvent(new window.Event('click', { bubbles: true })));

    it('"Yes, remember" turns memory on and marks it asked; "Not now" only marks it asked', async () => {
      for (const view of [popup, panel]) {
        const onAnswer = vi.fn<(patch: Partial<GlobalSettings>) => void>();
        await act(() => render(<LocaleProvider locale={locale('en')}>{view(DEFAULT_SETTINGS, onAnswer)}</LocaleProvider>, root));
        await click(q(root, 'memory-ask-yes')!);
        expect(onAnswer).toHaveBeenLastCalledWith({ memory: true, memoryAsked: true });
        await click(q(root, 'memory-ask-no')!);
        expect(onAnswer).toHaveBeenLastCalledWith({ memoryAsked: true });
        expect(onAnswer.mock.calls.some(([patch]) => patch.memory === true && Object.keys(patch).length === 2)).toBe(true);
      }
    });
  });
});

describe('related coverage says where a user article comes from', () => {
  it('"You read this on …" for a remembered article, "From an imported collection" for an imported one, nothing for the bundled corpus', () => {
    const [first, second] = context.related as [(typeof context.related)[0], (typeof context.related)[0]];
    const withOrigins = {
      ...context,
      related: [
        { ...first, origin: 'remembered' as const, addedAt: NOV_3, url: 'https://news.example/x' },
        { ...second, origin: 'imported' as const, addedAt: OCT_20 },
      ],
    };
    const doc = dom(inLocale('en', <SidePanelView analysis={analysis} context={withOrigins} status={ready} />));
    const notes = qa(doc, 'related-item').map((item) => textOf(q(item, 'related-origin')));
    expect(notes).toEqual(['You read this on Nov 3, 2026', 'From an imported collection']);
    const sv = dom(inLocale('sv', <SidePanelView analysis={analysis} context={withOrigins} status={ready} />));
    expect(textOf(q(sv, 'related-origin'))).toBe('Du läste den 3 nov. 2026');
    const bundled = dom(inLocale('en', <SidePanelView analysis={analysis} context={context} status={ready} />));
    expect(qa(bundled, 'related-item')).toHaveLength(2);
    expect(q(bundled, 'related-origin')).toBeNull();
  });
});
