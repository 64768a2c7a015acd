/**
 * The hover card as the content script builds it (plain DOM, no Preact), on linkedom documents,
 * in English and Swedish with the real messages.json; and the card host's placement rule.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/page/card-host';
import { type HoverCardProps, buildHoverCard, formatCardDate } from '../../src/ui/components/hover-card';
import { translatorFrom } from '../../src/ui/i18n';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../assets/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Parameters<
    typeof translatorFrom
  >[0];

/** The card in a fresh document of its own, with the UI language `lang`. */
function render(lang: 'en' | 'sv', props: HoverCardProps) {
  const { document, Event } = parseHTML('<!doctype html><html><body></body></html>');
  const card = buildHoverCard(props, { t: translatorFrom(messages(lang)), lang }, document);
  document.body.append(card);
  const $ = (selector: string) => card.querySelector(selector);
  const $$ = (selector: string) => [...card.querySelectorAll(selector)];
  const text = (el: Element | null = card) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const click = (el: Element | null) => el?.dispatchEvent(new Event('click'));
  return { document, card, $, $$, text, click };
}

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
  onOpenPanel: () => {},
  onClose: () => {},
};

/**
 * What axe's rules for such a widget check, on the structure: the dialog is named by a heading
 * and described by an element that exist (ids unique in the card, which is all of its shadow
 * root); it is focusable without entering the tab order; every button is a real button with a
 * name; a list holds only list items; and nothing carries an inline handler.
 */
function a11yProblems(card: Element): string[] {
  const problems: string[] = [];
  const all = [card, ...card.querySelectorAll('*')];
  const ids = all.map((el) => el.id).filter((id) => id !== '');
  if (new Set(ids).size !== ids.length) problems.push(`duplicate ids: ${ids.join(' ')}`);
  const byId = (id: string | null) => all.find((el) => id !== null && el.id === id) ?? null;
  if (card.getAttribute('role') !== 'dialog') problems.push('not a dialog');
  if (card.getAttribute('tabindex') !== '-1') problems.push('the dialog must take focus from script only (tabindex=-1)');
  const label = byId(card.getAttribute('aria-labelledby'));
  if (!label || !/^H[1-6]$/.test(label.tagName) || !label.textContent.trim()) problems.push('dialog not named by a heading');
  const desc = byId(card.getAttribute('aria-describedby'));
  if (!desc?.textContent.trim()) problems.push('dialog description missing or empty');
  for (const b of card.querySelectorAll('button')) {
    if (b.getAttribute('type') !== 'button') problems.push(`button without type=button: ${b.outerHTML}`);
    if (!(b.getAttribute('aria-label') ?? b.textContent).trim()) problems.push(`button without a name: ${b.outerHTML}`);
  }
  for (const ul of card.querySelectorAll('ul, ol'))
    for (const child of ul.children) if (child.tagName !== 'LI') problems.push(`${child.tagName} in a list`);
  for (const el of all)
    for (const name of el.getAttributeNames()) if (name.startsWith('on')) problems.push(`inline handler ${name} on ${el.tagName}`);
  return problems;
}

describe('buildHoverCard', () => {
  it('cites an undated article as "date unknown"', () => {
    const undated = { ...props, facts: [{ ...props.facts[0]!, published: null }] };
    expect(render('en', undated).$('[data-testid="hc-facts"] .nc-hc-cite')?.textContent).toBe('Harbour Gazette, date unknown');
    expect(render('sv', undated).$('[data-testid="hc-facts"] .nc-hc-cite')?.textContent).toBe('Harbour Gazette, datum okänt');
  });

  it('shows name, type, the cited description, at most three cited facts, the story and the panel button (en)', () => {
    const { card, $, $$, text } = render('en', props);
    expect(text($('[data-testid="hc-name"]'))).toBe('Scale AI');
    expect([...$('header')!.children].map((el) => el.textContent)).toEqual(['Scale AI', 'Organisation', '×']);
    expect(text($('[data-testid="hc-desc"]'))).toBe('the data-labelling company Harbour Gazette, Jun 12, 2025');
    expect($('[data-testid="hc-desc"] .nc-hc-cite')?.textContent).toBe('Harbour Gazette, Jun 12, 2025');
    expect($$('[data-testid="hc-facts"] li').map((li) => text(li))).toEqual([
      'Meta invests $14.3 billion. Harbour Gazette, Jun 12, 2025',
      'Wang joins Meta. Dagens Nyheter, Jun 13, 2025',
      'Customers leave. The Wire, Jun 20, 2025',
    ]);
    expect($$('[data-testid="hc-facts"] li q').map((q) => q.textContent)).toEqual([
      'Meta invests $14.3 billion.',
      'Wang joins Meta.',
      'Customers leave.',
    ]);
    expect(text(card)).not.toContain('fourth fact');
    expect(text($('[data-testid="hc-story"]'))).toBe('In the story: Meta invests in Scale AI (June 2025)');
    expect(text($('[data-testid="hc-open-panel"]'))).toBe('Open in side panel');
    expect(card.getAttribute('data-testid')).toBe('hover-card');
    expect(card.getAttribute('aria-labelledby')).toBe('nc-hc-name');
    expect(card.getAttribute('aria-describedby')).toBe('nc-hc-desc');
    expect($('.nc-hc-close')?.getAttribute('aria-label')).toBe('Close');
    expect($('.nc-hc-close')?.getAttribute('title')).toBe('Close');
    expect($('[data-testid="hc-facts"]')?.getAttribute('aria-label')).toBe('From the coverage');
    expect(a11yProblems(card)).toEqual([]);
  });

  it('keeps the stylesheet’s classes on the same structure', () => {
    const { card } = render('en', props);
    const shape = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}` +
      (el.children.length > 0 ? `(${[...el.children].map(shape).join(' ')})` : '');
    expect(shape(card)).toBe(
      'div.nc-hc(header.nc-hc-head(h2.nc-hc-name span.nc-hc-type button.nc-hc-close) p.nc-hc-desc(span.nc-hc-cite) ' +
        'ul.nc-hc-facts(li(q span.nc-hc-cite) li(q span.nc-hc-cite) li(q span.nc-hc-cite)) p.nc-hc-story button.nc-hc-open)',
    );
  });

  it('speaks Swedish', () => {
    const { card, $, text } = render('sv', { ...props, panelKind: 'sidebar' });
    expect([...$('header')!.children].map((el) => el.textContent)).toEqual(['Scale AI', 'Organisation', '×']);
    expect(text($('[data-testid="hc-story"]'))).toBe('I nyheten: Meta invests in Scale AI (juni 2025)');
    expect(text($('[data-testid="hc-desc"]'))).toContain('Harbour Gazette, 12 juni 2025');
    expect(text($('[data-testid="hc-open-panel"]'))).toBe('Öppna i sidofältet');
    expect($('.nc-hc-close')?.getAttribute('aria-label')).toBe('Stäng');
    expect(a11yProblems(card)).toEqual([]);
  });

  it('says so when there is no description, and leaves out empty facts, story, close and panel buttons', () => {
    const { onClose: _c, onOpenPanel: _o, ...bare } = props;
    const { card, $, text } = render('en', { ...bare, description: null, facts: [], story: null });
    expect(text($('[data-testid="hc-desc"]'))).toBe('No description in the corpus yet.');
    expect($('[data-testid="hc-facts"]')).toBeNull();
    expect($('[data-testid="hc-story"]')).toBeNull();
    expect(card.querySelectorAll('button')).toHaveLength(0);
    expect(a11yProblems(card)).toEqual([]);
  });

  it('names a story without a date by its title only', () => {
    const { $, text } = render('en', { ...props, story: { title: 'Meta invests in Scale AI', date: null } });
    expect(text($('[data-testid="hc-story"]'))).toBe('In the story: Meta invests in Scale AI');
  });

  it('calls back from its buttons', () => {
    const calls: string[] = [];
    const { $, click } = render('en', { ...props, onOpenPanel: () => calls.push('panel'), onClose: () => calls.push('close') });
    click($('[data-testid="hc-open-panel"]'));
    click($('.nc-hc-close'));
    expect(calls).toEqual(['panel', 'close']);
  });

  it('keeps hostile page and corpus text as text', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const { card, $, $$ } = render('en', {
      ...props,
      name: evil,
      type: evil,
      description: { ...props.description!, text: evil, source: evil },
      facts: [{ ...props.facts[0]!, text: evil }],
      story: { title: evil, date: null },
    });
    expect(card.querySelectorAll('img, script')).toHaveLength(0);
    expect($('[data-testid="hc-name"]')?.textContent).toBe(evil);
    expect($('[data-testid="hc-desc"]')?.textContent.startsWith(`${evil} ${evil}, `)).toBe(true);
    expect($$('q').map((q) => q.textContent)).toEqual([evil]);
    expect($('[data-testid="hc-story"]')?.textContent).toBe(`In the story: ${evil}`);
    expect(card.outerHTML).toContain('&lt;img src=x onerror="alert(1)"&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(a11yProblems(card)).toEqual([]);
  });
});

describe('formatCardDate', () => {
  it('formats days, months and years per locale, and passes anything else through', () => {
    expect(formatCardDate('2025-06-12', 'en')).toBe('Jun 12, 2025');
    expect(formatCardDate('2025-06-12', 'sv')).toBe('12 juni 2025');
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
