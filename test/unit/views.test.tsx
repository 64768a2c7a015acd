import { readFileSync } from 'node:fs';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import type { CorpusStatus } from '../../src/core/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { OptionsView } from '../../src/ui/components/OptionsView';
import { PopupView } from '../../src/ui/components/PopupView';
import { SidePanelView } from '../../src/ui/components/SidePanelView';
import { LocaleProvider, translatorFrom } from '../../src/ui/i18n';

const messages = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../assets/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Parameters<
    typeof translatorFrom
  >[0];
const inLocale = (lang: 'en' | 'sv', node: preact.ComponentChildren) =>
  renderToString(<LocaleProvider locale={{ t: translatorFrom(messages(lang)), lang }}>{node}</LocaleProvider>);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x2F;/g, '/')
    .replace(/\s+/g, ' ');

const analysis: TabAnalysis = {
  url: 'https://news.example/a',
  lang: 'sv',
  analysedAt: 1,
  entities: [
    { id: 'e1', name: 'Yann LeCun', type: 'person', count: 3 },
    { id: 'e2', name: 'Meta', type: 'organization', count: 12 },
  ],
  story: null,
  related: [],
  declutter: { active: false, walls: 0, boilerplate: 0 },
  title: 'Dråpslaget mot Meta <script>alert(1)</script>',
  words: 1234,
  langSource: 'detected',
  published: null,
  articleId: null,
  isArticle: true,
  site: { key: 'news.example', highlights: true, declutter: false },
  corpus: { build: 'b', articles: 2, entities: 9, events: 4, stories: 1 },
};
const ready: CorpusStatus = {
  state: 'ready',
  build: 'b1',
  progress: 1,
  error: null,
  readOnly: null,
  articles: 2,
  entities: 9,
  events: 4,
  stories: 1,
};
const noop = () => {};

describe('PopupView', () => {
  it('shows the page, its entities, the site switches and the corpus', () => {
    const html = inLocale(
      'en',
      <PopupView
        context={null}
        analysis={analysis}
        status={ready}
        panelKind="side panel"
        onSiteSwitch={noop}
        onOpenPanel={noop}
        onShowEverything={noop}
      />,
    );
    const t = text(html);
    expect(t).toContain('Swedish');
    expect(t).toContain('1,234 words');
    expect(t).toContain('Yann LeCun Person ×3');
    expect(t).toContain('Meta Organisation ×12');
    expect(t).toContain('On news.example');
    expect(t).toContain('Open side panel');
    expect(t).toContain('Corpus: 2 articles, 9 entities, 1 stories');
    expect(html).toMatch(/id="sw-highlights"[^>]*checked/);
    expect(html).not.toMatch(/id="sw-declutter"[^>]*checked/);
    // Page text is escaped, never markup.
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>');
  });

  it('speaks Swedish with Swedish number formats', () => {
    const t = text(
      inLocale(
        'sv',
        <PopupView
          context={null}
          analysis={analysis}
          status={ready}
          panelKind="sidebar"
          onSiteSwitch={noop}
          onOpenPanel={noop}
          onShowEverything={noop}
        />,
      ),
    );
    expect(t).toContain('svenska');
    expect(t).toMatch(/1\s234 ord/);
    expect(t).toContain('Öppna sidofältet');
    expect(t).toContain('Markera kända namn');
  });

  it('has a loading state, a not-analysed state and an empty-entities state', () => {
    expect(
      text(
        inLocale(
          'en',
          <PopupView
            context={null}
            analysis={undefined}
            status={null}
            panelKind="side panel"
            onSiteSwitch={noop}
            onOpenPanel={noop}
            onShowEverything={noop}
          />,
        ),
      ),
    ).toContain('Loading…');
    expect(
      text(
        inLocale(
          'en',
          <PopupView
            context={null}
            analysis={null}
            status={ready}
            panelKind="side panel"
            onSiteSwitch={noop}
            onOpenPanel={noop}
            onShowEverything={noop}
          />,
        ),
      ),
    ).toContain('Nothing to show for this tab');
    expect(
      text(
        inLocale(
          'en',
          <PopupView
            context={null}
            analysis={{ ...analysis, entities: [] }}
            status={ready}
            panelKind="side panel"
            onSiteSwitch={noop}
            onOpenPanel={noop}
            onShowEverything={noop}
          />,
        ),
      ),
    ).toContain('Nothing on this page is in the corpus The page was read, but none of the people');
  });

  it('shows corpus loading progress and load errors', () => {
    const loading = text(
      inLocale(
        'en',
        <PopupView
          context={null}
          analysis={null}
          status={{ ...ready, state: 'loading', progress: 0.42 }}
          panelKind="side panel"
          onSiteSwitch={noop}
          onOpenPanel={noop}
          onShowEverything={noop}
        />,
      ),
    );
    expect(loading).toContain('Loading the corpus: 42%');
    const failed = inLocale(
      'en',
      <PopupView
        context={null}
        analysis={null}
        status={{ ...ready, state: 'error', error: 'quota' }}
        panelKind="side panel"
        onSiteSwitch={noop}
        onOpenPanel={noop}
        onShowEverything={noop}
      />,
    );
    expect(failed).toContain('role="alert"');
    expect(text(failed)).toContain('The corpus could not be loaded: quota');
  });
});

describe('SidePanelView', () => {
  it('shows the story, related coverage and entities sections with their empty states', () => {
    const t = text(inLocale('en', <SidePanelView context={null} analysis={analysis} status={ready} />));
    expect(t).toContain('This page does not belong to a story in the corpus.');
    expect(t).toContain('No related coverage in the corpus.');
    expect(t).toContain('Yann LeCun');
  });

  it('lists related coverage and the story when there are some', () => {
    const withStory: TabAnalysis = {
      ...analysis,
      story: { id: 's', title: 'LeCun leaves Meta', score: 0.9 },
      related: [
        {
          articleId: 'a',
          title: 'Meta invests in Scale AI',
          source: 'News Journos',
          published: '2025-06-13',
          lang: 'en',
          score: 0.7,
          origin: 'bundled',
          url: null,
          shared: ['e2'],
        },
      ],
    };
    const t = text(inLocale('en', <SidePanelView context={null} analysis={withStory} status={ready} />));
    expect(t).toContain('LeCun leaves Meta');
    expect(t).toContain('Meta invests in Scale AI');
    expect(t).toContain('News Journos Jun 13, 2025 English');
  });
});

describe('OptionsView', () => {
  it('shows the global switches, the theme and what the corpus holds', () => {
    const html = inLocale(
      'en',
      <OptionsView
        settings={{ ...DEFAULT_SETTINGS, declutter: false, theme: 'dark' }}
        status={ready}
        onChange={noop}
        sites={[]}
        onSiteSwitch={noop}
        onSiteReset={noop}
      />,
    );
    const t = text(html);
    expect(html).toMatch(/id="g-highlights"[^>]*checked/);
    expect(html).not.toMatch(/id="g-declutter"[^>]*checked/);
    expect(html).toContain('<option selected value="dark">');
    expect(t).toContain('Articles 2 Entities 9 Events 4 Stories 1 Build b1 State Ready');
  });
});
