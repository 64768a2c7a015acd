import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { TabContext } from '../../src/core/context';
import { SidePanelView } from '../../src/ui/components/SidePanelView';
import { TimelineView, placeTimeline, timelineEntities } from '../../src/ui/components/Timeline';
import { LocaleProvider } from '../../src/ui/i18n';
import { EVIL, analysis, context, dom, events, inLocale, locale, pageDigestContext, ready, textOf } from './view-helpers';

const panel = (lang: 'en' | 'sv', props: Partial<Parameters<typeof SidePanelView>[0]> = {}) =>
  dom(inLocale(lang, <SidePanelView analysis={analysis} context={context} status={ready} {...props} />));
const all = (doc: ParentNode, selector: string) => [...doc.querySelectorAll(selector)];

describe('SidePanelView: the story digest', () => {
  it('shows the story title, the summary and the key points in the digest language, each sentence cited to the reader view', () => {
    const doc = panel('en');
    const digest = doc.querySelector('[data-testid="digest"]')!;
    expect(digest.getAttribute('data-kind')).toBe('story');
    expect(textOf(digest.querySelector('h2'))).toBe('Yann LeCun lämnar Meta');
    expect(digest.querySelector('h2')!.getAttribute('lang')).toBe('sv');
    expect(textOf(digest)).toContain('Story · 2 articles');
    const points = all(doc, '[data-testid="key-points"] li');
    expect(points).toHaveLength(3);
    expect(doc.querySelector('[data-testid="key-points"]')!.getAttribute('lang')).toBe('sv');
    expect(textOf(points[0]!)).toBe('LeCun lämnar Meta. Dagens Nyheter · Nov 12, 2025');
    // Every summary sentence and key point has its citation link, to its own sentence.
    const cites = all(digest, 'a.nc-cite');
    expect(cites).toHaveLength(5);
    expect(cites[1]!.getAttribute('href')).toBe('../reader/index.html?article=sv-1&sentence=5');
    expect(cites[4]!.getAttribute('href')).toBe('../reader/index.html?article=en-1&sentence=2');
    expect(textOf(cites[4]!)).toBe('News Journos · Jun 13, 2025');
    // The citation is in the UI's language inside the Swedish text.
    expect(cites[4]!.getAttribute('lang')).toBe('en');
    expect(cites[0]!.getAttribute('target')).toBe('_blank');
    expect(cites[0]!.getAttribute('rel')).toBe('noopener');
  });

  it('labels an on-device summary of the page as such, with no citations', () => {
    const doc = panel('en', { context: pageDigestContext });
    const digest = doc.querySelector('[data-testid="digest"]')!;
    expect(digest.getAttribute('data-kind')).toBe('page');
    expect(textOf(digest)).toContain("Summarised on this device from the page's own text.");
    expect(textOf(digest)).toContain('The station opened on Monday. It powers 4,000 homes.');
    expect(all(doc, '[data-testid="key-points"] li')).toHaveLength(3);
    expect(digest.querySelector('a')).toBeNull();
    expect(textOf(panel('sv', { context: pageDigestContext }).querySelector('[data-testid="digest"]'))).toContain(
      'Sammanfattad på den här enheten ur sidans egen text.',
    );
  });
});

describe('SidePanelView: related coverage', () => {
  it('says "date unknown" for an undated article, in related coverage and in its citations', () => {
    const undated = { ...context.related[1]!, published: null };
    const cite = { ...events[0]!.cite, published: null };
    const withUndated: TabContext = {
      ...context,
      related: [context.related[0]!, undated],
      timeline: { ...context.timeline, events: [{ ...events[0]!, cite }, ...events.slice(1)] },
    };
    for (const [lang, words] of [
      ['en', 'date unknown'],
      ['sv', 'datum okänt'],
    ] as const) {
      const doc = panel(lang, { context: withUndated });
      const item = all(doc, '[data-testid="related-item"]').find((el) => textOf(el).includes('LeCun om AI'))!;
      expect(item.querySelector('time')).toBeNull();
      expect(textOf(item.querySelector('.nc-date-unknown'))).toBe(words);
      expect(textOf(doc.querySelector('[data-testid="event-cite"]'))).toContain(words);
    }
  });

  it('ranks the articles with a reader link, outlet, date, language, the shared entities as chips, a labelled score and why', () => {
    const doc = panel('en');
    const items = all(doc, '[data-testid="related-item"]');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    const link = first.querySelector('a[data-testid="related-link"]')!;
    expect(link.getAttribute('href')).toBe('../reader/index.html?article=en-1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(link.getAttribute('lang')).toBe('en');
    expect(all(first, '.nc-chip').map(textOf)).toEqual(['Meta', 'Scale AI', 'Alexandr Wang', 'Yann LeCun', 'FAIR']);
    const meter = first.querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-label')).toBe('Relevance 42%');
    expect(meter.getAttribute('aria-valuenow')).toBe('42');
    expect(textOf(first.querySelector('.nc-meta'))).toBe('News Journos Jun 13, 2025 English');
    expect(textOf(first.querySelector('.nc-why'))).toBe('Shares Meta, Scale AI, and 3 more');
    expect(textOf(items[1]!.querySelector('.nc-why'))).toBe('Part of the same story');
  });

  it('speaks Swedish', () => {
    const first = panel('sv').querySelector('[data-testid="related-item"]')!;
    expect(first.querySelector('[role="meter"]')!.getAttribute('aria-label')).toMatch(/^Relevans 42\s%$/);
    expect(textOf(first.querySelector('.nc-meta'))).toBe('News Journos 13 juni 2025 engelska');
    expect(textOf(first.querySelector('.nc-why'))).toBe('Nämner också Meta, Scale AI och 3 till');
  });

  it('falls back to the analysis when the background has no context', () => {
    const doc = panel('en', {
      context: null,
      analysis: {
        ...analysis,
        related: [
          {
            articleId: 'a',
            title: 'Meta invests',
            source: 'NJ',
            published: '2025-06-13',
            lang: 'en',
            score: 0.7,
            shared: ['meta'],
            origin: 'bundled',
            url: null,
          },
        ],
      },
    });
    const item = doc.querySelector('[data-testid="related-item"]')!;
    expect(textOf(item.querySelector('a'))).toBe('Meta invests');
    expect(all(item, '.nc-chip').map(textOf)).toEqual(['Meta']);
    expect(textOf(doc)).toContain("No dated events in the corpus for this page's story.");
  });
});

describe('SidePanelView: the background timeline', () => {
  it('groups by year, then month, with the year-only and season events ahead of the months', () => {
    const doc = panel('en');
    const timeline = doc.querySelector('[data-testid="timeline"]')!;
    const years = all(timeline, 'section');
    expect(years.map((y) => textOf(y.querySelector('h3')))).toEqual(['2013', '2025']);
    expect(all(years[1]!, 'h4').map(textOf)).toEqual(['June', 'October', 'November']);
    // The order of everything on the line, the page's own place included.
    const line = all(timeline, '[data-testid="timeline-event"], [data-testid="you-are-here"]').map((e) =>
      e.getAttribute('data-testid') === 'you-are-here' ? 'HERE' : e.getAttribute('data-date'),
    );
    expect(line).toEqual(['2013', '2025-07', '2025-06-12', '2025-10', '2025-11-03', 'HERE', '2025-11-20']);
  });

  it('labels each event honestly and cites it', () => {
    const doc = panel('en');
    const byDate = (d: string) => doc.querySelector(`[data-testid="timeline-event"][data-date="${d}"]`)!;
    expect(textOf(byDate('2013').querySelector('time'))).toBe('2013');
    expect(textOf(byDate('2025-07').querySelector('time'))).toBe('summer 2025');
    expect(textOf(byDate('2025-10').querySelector('time'))).toBe('late October 2025');
    expect(textOf(byDate('2025-11-20').querySelector('time'))).toBe('about November 20, 2025');
    expect(byDate('2025-06-12').getAttribute('data-precision')).toBe('day');
    expect(byDate('2025-07').getAttribute('data-precision')).toBe('season');
    // The quote in its own language, the citation to its sentence, more sources, this article.
    const deal = byDate('2025-06-12');
    expect(deal.querySelector('blockquote')!.getAttribute('lang')).toBe('en');
    const cite = deal.querySelector('a[data-testid="event-cite"]')!;
    expect(cite.getAttribute('href')).toBe('../reader/index.html?article=en-1&sentence=2');
    expect(textOf(cite)).toBe('News Journos · Jun 13, 2025');
    expect(textOf(deal)).toContain('+2 more sources');
    expect(textOf(byDate('2025-11-03'))).toContain('+1 more source');
    expect(textOf(byDate('2025-10'))).not.toContain('more source');
    expect(byDate('2013').querySelector('[data-testid="from-this-article"]')).not.toBeNull();
    expect(byDate('2025-10').querySelector('[data-testid="from-this-article"]')).toBeNull();
    // An article's own news is told apart from the background its text dates.
    expect(byDate('2025-06-12').querySelector('[data-testid="news-event"]')?.textContent).toBe('Reported');
    expect(byDate('2025-06-12').getAttribute('data-kind')).toBe('news');
    expect(byDate('2025-10').querySelector('[data-testid="news-event"]')).toBeNull();
    expect(byDate('2025-10').getAttribute('data-kind')).toBe('background');
    expect(textOf(doc.querySelector('.nc-tl-legend'))).toContain('the news reported that day');
    const here = doc.querySelector('[data-testid="you-are-here"]')!;
    expect(textOf(here.querySelector('.nc-tl-when'))).toBe('You are here November 12, 2025');
    expect(textOf(here.querySelector('.nc-tl-here-title'))).toBe('LeCun lämnar Meta');
    expect(here.querySelector('.nc-tl-here-title')!.getAttribute('lang')).toBe('sv');
  });

  it('speaks Swedish', () => {
    const doc = panel('sv');
    const timeline = doc.querySelector('[data-testid="timeline"]')!;
    expect(all(timeline, 'h4').map(textOf)).toEqual(['Juni', 'Oktober', 'November']);
    const labels = all(timeline, '[data-testid="timeline-event"] time').map(textOf);
    expect(labels).toEqual([
      '2013',
      'sommaren 2025',
      '12 juni 2025',
      'slutet av oktober 2025',
      '3 november 2025',
      'omkring 20 november 2025',
    ]);
    expect(textOf(doc.querySelector('[data-testid="you-are-here"]'))).toContain('Du är här 12 november 2025');
    expect(textOf(timeline)).toContain('+2 källor till');
    expect(textOf(doc.querySelector('[data-testid="timeline-status"]'))).toBe('Alla händelser: 6');
  });

  it('offers a filter for each entity in the events, most frequent first, and All (pressed)', () => {
    const doc = panel('en');
    const buttons = all(doc, '[data-testid="timeline-filter"]');
    expect(buttons.map((b) => b.getAttribute('data-entity'))).toEqual(['', 'meta', 'yann-lecun', 'scale-ai', 'fair']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false', 'false']);
    expect(textOf(buttons[1]!)).toBe('Meta 5');
    expect(doc.querySelector('[data-testid="timeline-status"]')!.getAttribute('aria-live')).toBe('polite');
  });

  it('places the page before an event later in its month and after a month-only one, and creates its month when needed', () => {
    const groups = placeTimeline([events[3]!], { date: '2025-10-25', title: 'x' });
    expect(groups[0]!.months[0]!.rows.map((r) => r.kind)).toEqual(['event', 'here']);
    const late = { ...events[3]!, qualifier: 'late' as const, date: '2025-11' };
    expect(placeTimeline([late], { date: '2025-11-12', title: 'x' })[0]!.months[0]!.rows.map((r) => r.kind)).toEqual(['here', 'event']);
    const alone = placeTimeline([events[0]!], { date: '2020-03-01', title: 'x' });
    expect(alone.map((y) => y.year)).toEqual([2013, 2020]);
    expect(alone[1]!.months).toEqual([{ month: 3, rows: [{ kind: 'here', date: '2020-03-01', title: 'x' }] }]);
    expect(timelineEntities(events).map((e) => [e.entity.id, e.count])).toEqual([
      ['meta', 5],
      ['yann-lecun', 3],
      ['scale-ai', 2],
      ['fair', 1],
    ]);
  });
});

describe('SidePanelView: entity cards', () => {
  it('gives every entity on the page a disclosure with its type, mentions, cited description, facts and story place', () => {
    const doc = panel('en');
    const cards = all(doc, '[data-testid="entity-card"]');
    expect(cards.map((c) => c.tagName.toLowerCase())).toEqual(['details', 'details']);
    const summary = cards[0]!.querySelector('summary')!;
    expect(textOf(summary)).toMatch(/^Meta Organisation ×12/);
    expect(textOf(summary.querySelector('.nc-sr'))).toBe('12 mentions');
    const body = textOf(cards[0]!);
    expect(body).toContain('the owner of Facebook News Journos · Jun 13, 2025');
    expect(body).toContain('In the story: Yann LeCun lämnar Meta (Jun 12, 2025) · 2 articles · #1 of 12 names');
    expect(all(cards[0]!, 'a.nc-cite').map((a) => a.getAttribute('href'))).toEqual([
      '../reader/index.html?article=en-1&sentence=0',
      '../reader/index.html?article=sv-1&sentence=3',
      '../reader/index.html?article=en-1&sentence=4',
    ]);
    expect(cards[0]!.querySelector('q')!.getAttribute('lang')).toBe('sv');
    expect(textOf(cards[1]!)).toContain('No description in the corpus yet.');
    const sv = textOf(panel('sv').querySelector('[data-testid="entity-card"]'));
    expect(sv).toContain('I nyheten: Yann LeCun lämnar Meta (12 juni 2025) · 2 artiklar · nr 1 av 12 namn');
  });
});

describe('SidePanelView: states', () => {
  it('loading and not analysed', () => {
    expect(textOf(panel('en', { analysis: undefined, context: undefined }))).toContain('Loading…');
    expect(panel('en', { analysis: null, context: null }).querySelector('[data-testid="not-analysed"]')).not.toBeNull();
  });

  it('keeps its sections (#story, #related, #background, #entities) while loading, when empty and when full', () => {
    const ids = (doc: HTMLElement) => [...doc.querySelectorAll('main > section')].map((e) => e.id);
    const sections = ['story', 'related', 'background', 'entities'];
    expect(ids(panel('en'))).toEqual(sections);
    expect(ids(panel('en', { context: undefined }))).toEqual(sections);
    expect(ids(panel('en', { context: null }))).toEqual(sections);
    expect(ids(panel('en', { analysis: { ...analysis, entities: [] }, context: pageDigestContext }))).toEqual(sections);
    expect(ids(panel('en', { analysis: { ...analysis, isArticle: false } }))).toEqual(['entities']);
  });

  it('shows a skeleton while the context loads, with the entity names already there', () => {
    const doc = panel('en', { context: undefined });
    expect(doc.querySelector('[data-testid="context-loading"]')!.getAttribute('aria-busy')).toBe('true');
    expect(doc.querySelector('[data-testid="digest"]')).toBeNull();
    expect(textOf(doc.querySelector('[data-testid="entities"]'))).toContain('Yann LeCun');
  });

  it('says when the page does not look like an article, and still lists its entities', () => {
    const doc = panel('en', { analysis: { ...analysis, isArticle: false } });
    expect(textOf(doc.querySelector('[data-testid="state-not-article"]'))).toContain("This page doesn't look like a news article");
    expect(doc.querySelector('[data-testid="timeline"]')).toBeNull();
    expect(doc.querySelector('[data-testid="digest"]')).toBeNull();
    expect(all(doc, '[data-testid="entity-card"]')).toHaveLength(2);
    expect(textOf(panel('sv', { analysis: { ...analysis, isArticle: false } }))).toContain('Sidan ser inte ut som en nyhetsartikel');
  });

  it('says when nothing on the page is in the corpus, and still shows an on-device digest', () => {
    const doc = panel('en', { analysis: { ...analysis, entities: [] }, context: pageDigestContext });
    expect(textOf(doc.querySelector('[data-testid="state-nothing-known"]'))).toContain('Nothing on this page is in the corpus');
    expect(doc.querySelector('[data-testid="digest"]')!.getAttribute('data-kind')).toBe('page');
    expect(doc.querySelector('[data-testid="entity-card"]')).toBeNull();
    expect(doc.querySelector('[data-testid="timeline"]')).toBeNull();
  });

  it('shows the corpus loading prominently, with a progress bar and percent, and load errors as an alert', () => {
    const loading = panel('en', { status: { ...ready, state: 'loading', progress: 0.37 } });
    const block = loading.querySelector('[data-testid="corpus-loading"]')!;
    expect(block.querySelector('progress')!.getAttribute('value')).toBe('37');
    expect(textOf(block)).toContain('37%');
    expect(
      textOf(panel('sv', { status: { ...ready, state: 'loading', progress: 0.37 } }).querySelector('[data-testid="corpus-loading"]')),
    ).toContain('37 %');
    const failed = panel('en', { status: { ...ready, state: 'error', error: 'quota' } });
    expect(failed.querySelector('[role="alert"]')).not.toBeNull();
    expect(panel('en').querySelector('[data-testid="corpus-loading"]')).toBeNull();
  });

  it('escapes page and corpus text', () => {
    const html = inLocale('en', <SidePanelView analysis={{ ...analysis, title: EVIL }} context={context} status={ready} />);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script>alert(2)&lt;/script>');
  });
});

describe('the timeline filter, clicked in a DOM', () => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const root = document.getElementById('root')!;
  afterEach(() => render(null, root as unknown as Element));

  const mount = async (timeline: TabContext['timeline']) => {
    await act(() =>
      render(
        <LocaleProvider locale={locale('en')}>
          <TimelineView timeline={timeline} pageLang="sv" />
        </LocaleProvider>,
        root,
      ),
    );
  };
  const click = (el: Element) => act(() => void el.dispatchEvent(new window.Event('click', { bubbles: true })));
  const shown = () => [...root.querySelectorAll('[data-testid="timeline-event"]')].map((e) => e.getAttribute('data-date'));
  const button = (id: string) => root.querySelector(`[data-testid="timeline-filter"][data-entity="${id}"]`)!;
  const status = () => textOf(root.querySelector('[data-testid="timeline-status"]'));

  it('hides the events without the entity, presses its button, announces the count, and All brings them back', async () => {
    await mount(context.timeline);
    expect(shown()).toHaveLength(6);
    expect(status()).toBe('All events: 6');

    await click(button('scale-ai'));
    expect(shown()).toEqual(['2025-07', '2025-06-12']);
    expect(button('scale-ai').getAttribute('aria-pressed')).toBe('true');
    expect(button('').getAttribute('aria-pressed')).toBe('false');
    expect(status()).toBe('Events with Scale AI: 2 of 6');
    // The page's own place stays on the line.
    expect(root.querySelector('[data-testid="you-are-here"]')).not.toBeNull();

    await click(button('yann-lecun'));
    expect(shown()).toEqual(['2013', '2025-10', '2025-11-20']);
    expect(button('scale-ai').getAttribute('aria-pressed')).toBe('false');

    // Pressing the pressed one again shows all.
    await click(button('yann-lecun'));
    expect(shown()).toHaveLength(6);

    await click(button('fair'));
    expect(shown()).toEqual(['2013']);
    await click(button(''));
    expect(shown()).toHaveLength(6);
    expect(status()).toBe('All events: 6');
  });

  it('says so when a filter leaves nothing (the events changed under it), with a way back', async () => {
    await mount(context.timeline);
    await click(button('fair'));
    await mount({ events: events.filter((e) => e.id !== 'ev-2013'), here: null });
    expect(shown()).toEqual([]);
    expect(textOf(root.querySelector('[data-testid="timeline-empty"]'))).toContain('No event mentions FAIR.');
    await click(root.querySelector('[data-testid="timeline-empty"] button')!);
    expect(shown()).toHaveLength(5);
    expect(root.querySelector('[data-testid="timeline-empty"]')).toBeNull();
  });
});
