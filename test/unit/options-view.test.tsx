import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { OptionsView, type OptionsProps } from '../../src/ui/components/OptionsView';
import { EVIL, dom, inLocale, ready, textOf } from './view-helpers';

const noop = () => {};
const options = (lang: 'en' | 'sv', props: Partial<OptionsProps> = {}) =>
  dom(
    inLocale(
      lang,
      <OptionsView
        settings={DEFAULT_SETTINGS}
        status={ready}
        onChange={noop}
        sites={[
          { site: 'news.example', settings: { highlights: false } },
          { site: 'dn.se', settings: { highlights: true, declutter: false } },
        ]}
        onSiteSwitch={noop}
        onSiteReset={noop}
        {...props}
      />,
    ),
  );
const selected = (row: Element, feature: string) =>
  row.querySelector(`select[data-feature="${feature}"] option[selected]`)?.getAttribute('value') ?? null;

describe('OptionsView: the sites with their own switches', () => {
  it('lists each site with its highlights and declutter override (on, off or default) and a reset', () => {
    const doc = options('en');
    const list = doc.querySelector('[data-testid="site-list"]')!;
    const rows = [...list.querySelectorAll('[data-testid="site-row"]')];
    expect(rows.map((r) => r.getAttribute('data-site'))).toEqual(['news.example', 'dn.se']);
    expect([...list.querySelectorAll('thead th')].map(textOf)).toEqual(['Site', 'Highlight known names', 'Hide clutter', 'Actions']);
    expect([selected(rows[0]!, 'highlights'), selected(rows[0]!, 'declutter')]).toEqual(['off', 'default']);
    expect([selected(rows[1]!, 'highlights'), selected(rows[1]!, 'declutter')]).toEqual(['on', 'off']);
    // "Default" says what the global switch is.
    expect(textOf(rows[0]!.querySelector('select[data-feature="declutter"] option[value="default"]'))).toBe('Default (On)');
    expect(rows[0]!.querySelector('select[data-feature="declutter"]')!.getAttribute('aria-label')).toBe('Hide clutter on news.example');
    const reset = rows[0]!.querySelector('[data-testid="site-reset"]')!;
    expect(textOf(reset)).toBe('Reset');
    expect(reset.getAttribute('aria-label')).toBe('Reset news.example to the switches for all sites');
    expect(reset.hasAttribute('disabled')).toBe(false);
  });

  it('speaks Swedish', () => {
    const doc = options('sv', { settings: { ...DEFAULT_SETTINGS, declutter: false } });
    const row = doc.querySelector('[data-testid="site-row"]')!;
    expect(textOf(doc.querySelector('#sites-h'))).toBe('Webbplatser med egna inställningar');
    expect(textOf(row.querySelector('select[data-feature="declutter"] option[value="default"]'))).toBe('Standard (Av)');
    expect(textOf(row.querySelector('[data-testid="site-reset"]'))).toBe('Återställ');
  });

  it('has an empty state and a loading state, and escapes site names', () => {
    const empty = options('en', { sites: [] });
    expect(empty.querySelector('[data-testid="site-list"]')).toBeNull();
    expect(textOf(empty.querySelector('#sites'))).toContain('No site has its own switches yet.');
    expect(textOf(options('en', { sites: null }).querySelector('#sites'))).toContain('Loading…');
    const html = inLocale(
      'en',
      <OptionsView
        settings={DEFAULT_SETTINGS}
        status={ready}
        onChange={noop}
        sites={[{ site: EVIL, settings: { declutter: true } }]}
        onSiteSwitch={noop}
        onSiteReset={noop}
      />,
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script>alert(2)&lt;/script>');
  });
});

describe('OptionsView: read-only storage', () => {
  it('says why settings cannot be saved and disables every setting control, in English and Swedish', () => {
    const status = { ...ready, readOnly: { reason: 'unavailable' as const, detail: 'Internal error <b>opening</b>' } };
    const en = options('en', { status });
    const notice = en.querySelector('[data-testid="read-only"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(textOf(notice)).toContain("Settings can't be saved right now");
    // The browser's own message is text, never markup.
    expect(textOf(notice)).toContain('(Internal error <b>opening</b>)');
    expect(notice.querySelector('b')).toBeNull();
    for (const el of en.querySelectorAll(
      '#g-highlights, #g-declutter, #theme, [data-testid="site-list"] select, [data-testid="site-reset"]',
    ))
      expect(el.hasAttribute('disabled')).toBe(true);
    const sv = options('sv', { status: { ...ready, readOnly: { reason: 'quota', detail: 'full' } } });
    expect(textOf(sv.querySelector('[data-testid="read-only"]'))).toContain('Webbläsarens lagringsutrymme är fullt');
    // Writable again: nothing disabled, no notice.
    const normal = options('en');
    expect(normal.querySelector('[data-testid="read-only"]')).toBeNull();
    expect(normal.querySelector('#g-highlights')!.hasAttribute('disabled')).toBe(false);
  });
});
