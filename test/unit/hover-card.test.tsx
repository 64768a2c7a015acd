import { readFileSync } from 'node:fs';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/page/card-host';
import { type HoverCardProps, HoverCard, formatCardDate } from '../../src/ui/components/HoverCard';
import { LocaleProvider, translatorFrom } from '../../src/ui/i18n';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../assets/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Parameters<
    typeof translatorFrom
  >[0];
const inLocale = (lang: 'en' | 'sv', props: HoverCardProps) =>
  renderToString(
    <LocaleProvider locale={{ t: translatorFrom(messages(lang)), lang }}>
      <HoverCard {...props} />
    </LocaleProvider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const noop = () => {};
const props: HoverCardProps = {
  name: 'Scale AI',
  type: 'organization',
  description: { text: 'the data-labelling company', source: 'Harbour Gazette', published: '2025-06-12', articleId: 'a1', sentence: 0 },
  facts: [
    { text: 'Meta invests $14.3 billion.', source: 'Harbour Gazette', published: '2025-06-12', articleId: 'a1', sentence: 2 },
    { text: 'Wang joins Meta.', source: 'Dagens Nyheter', published: '2025-06-13', articleId: 'a2', sentence: 4 },
    { text: 'Customers leave.', source: 'The Wire', published: '2025-06-20', articleId: 'a3', sentence: 1 },
    { text: 'A fourth fact never shown.', source: 'X', published: '2025-07-01', articleId: 'a4', sentence: 9 },
  ],
  story: { title: 'Meta invests in Scale AI', date: '2025-06' },
  panelKind: 'side panel',
  onOpenPanel: noop,
  onClose: noop,
};

describe('HoverCard', () => {
  it('shows name, type, the cited description, at most three cited facts, the story and the panel button (en)', () => {
    const html = inLocale('en', props);
    const t = text(html);
    expect(t).toContain('Scale AI Organisation ×');
    expect(html).toMatch(/<q>Meta invests \$14.3 billion.<\/q>/);
    expect(t).toContain('the data-labelling company Harbour Gazette, Jun 12, 2025');
    expect(t).toContain('Meta invests $14.3 billion. Harbour Gazette, Jun 12, 2025');
    expect(t).toContain('Wang joins Meta. Dagens Nyheter, Jun 13, 2025');
    expect(t).toContain('Customers leave. The Wire, Jun 20, 2025');
    expect(t).not.toContain('fourth fact');
    expect(t).toContain('In the story: Meta invests in Scale AI (June 2025)');
    expect(t).toContain('Open in side panel');
    expect(html).toMatch(/role="dialog"[^>]*aria-labelledby="nc-hc-name"/);
    expect(html).toMatch(/id="nc-hc-name"[^>]*>Scale AI</);
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain('aria-label="Close"');
    expect(html).toContain('aria-label="From the coverage"');
  });

  it('speaks Swedish', () => {
    const t = text(inLocale('sv', { ...props, panelKind: 'sidebar' }));
    expect(t).toContain('Scale AI Organisation');
    expect(t).toContain('I nyheten: Meta invests in Scale AI (juni 2025)');
    expect(t).toContain('Harbour Gazette, 12 juni 2025');
    expect(t).toContain('Öppna i sidofältet');
    expect(inLocale('sv', props)).toContain('aria-label="Stäng"');
  });

  it('says so when there is no description, and leaves out empty facts, story and close button', () => {
    const html = inLocale('en', { ...props, description: null, facts: [], story: null, onClose: undefined } as unknown as HoverCardProps);
    const t = text(html);
    expect(t).toContain('No description in the corpus yet.');
    expect(html).not.toContain('hc-facts');
    expect(html).not.toContain('In the story');
    expect(html).not.toContain('nc-hc-close');
  });

  it('escapes hostile page and corpus text', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const html = inLocale('en', {
      ...props,
      name: evil,
      description: { ...props.description!, text: evil, source: evil },
      facts: [{ ...props.facts[0]!, text: evil }],
      story: { title: evil, date: null },
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;>&lt;script>alert(2)&lt;/script>');
  });
});

describe('formatCardDate', () => {
  it('formats days, months and years per locale, and passes anything else through', () => {
    expect(formatCardDate('2025-06-12', 'en')).toBe('Jun 12, 2025');
    expect(formatCardDate('2025-11', 'sv')).toBe('november 2025');
    expect(formatCardDate('2025', 'en')).toBe('2025');
    expect(formatCardDate('last spring', 'en')).toBe('last spring');
  });
});

describe('placeCard', () => {
  const view = { width: 1000, height: 800 };
  const size = { width: 360, height: 200 };
  const overlaps = (a: { top: number; bottom: number }, top: number, height: number) => top < a.bottom && top + height > a.top;

  it('goes below the word when there is room', () => {
    const anchor = { top: 100, bottom: 120, left: 50 };
    const p = placeCard(anchor, size, view);
    expect(p).toEqual({ left: 50, top: 126, maxHeight: null });
    expect(overlaps(anchor, p.top, size.height)).toBe(false);
  });

  it('goes above when there is no room below, and clamps to the viewport horizontally', () => {
    const anchor = { top: 700, bottom: 720, left: 900 };
    const p = placeCard(anchor, size, view);
    expect(p).toEqual({ left: 1000 - 8 - 360, top: 700 - 6 - 200, maxHeight: null });
    expect(overlaps(anchor, p.top, size.height)).toBe(false);
    expect(placeCard({ top: 10, bottom: 30, left: -40 }, size, view).left).toBe(8);
  });

  it('shrinks on the roomier side rather than cover the word when it fits nowhere', () => {
    const tall = { width: 360, height: 700 };
    const mid = { top: 380, bottom: 400, left: 10 };
    const p = placeCard(mid, tall, view);
    // 392 px below, 366 above: below, shortened.
    expect(p).toEqual({ left: 10, top: 406, maxHeight: 386 });
    expect(overlaps(mid, p.top, p.maxHeight!)).toBe(false);
    const low = { top: 500, bottom: 520, left: 10 };
    const q = placeCard(low, tall, view);
    expect(q.maxHeight).toBe(486);
    expect(q.top + q.maxHeight!).toBe(494);
    expect(overlaps(low, q.top, q.maxHeight!)).toBe(false);
  });
});

describe('the open-panel button', () => {
  it('is there only when the panel can be opened from the page', () => {
    expect(inLocale('en', props)).toContain('data-testid="hc-open-panel"');
    const { onOpenPanel: _drop, ...rest } = props;
    expect(inLocale('en', { ...rest, panelKind: 'sidebar' })).not.toContain('data-testid="hc-open-panel"');
  });
});
