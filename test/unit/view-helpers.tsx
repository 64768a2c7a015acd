/**
 * Shared by the view tests (*-view.test.tsx): rendering in a locale from the real messages.json,
 * reading the result back as a DOM, and a tab analysis and context shaped like the seed corpus's
 * (LeCun leaving Meta, the Scale AI deal), with a hostile string where page or corpus text goes.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { TabAnalysis } from '../../src/core/analysis';
import type { CitedText, EntityCard } from '../../src/core/cards';
import type { EntityRef, ReaderArticle, TabContext, TimelineEvent } from '../../src/core/context';
import type { CorpusStatus } from '../../src/core/messages';
import { type Locale, LocaleProvider, translatorFrom } from '../../src/ui/i18n';

export type UiLang = 'en' | 'sv';

const messages = (lang: UiLang) =>
  JSON.parse(readFileSync(new URL(`../../assets/public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Parameters<
    typeof translatorFrom
  >[0];

export const locale = (lang: UiLang): Locale => ({ t: translatorFrom(messages(lang)), lang });

export const inLocale = (lang: UiLang, node: ComponentChildren): string =>
  renderToString(<LocaleProvider locale={locale(lang)}>{node}</LocaleProvider>);

/** The rendered markup parsed back into a DOM (its <body>), to query it like a browser would. */
export function dom(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

/** The text of an element (or the document), white space collapsed. */
export const textOf = (node: { textContent: string | null } | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

export const meta: EntityRef = { id: 'meta', name: 'Meta', type: 'organization' };
export const lecun: EntityRef = { id: 'yann-lecun', name: 'Yann LeCun', type: 'person' };
export const scale: EntityRef = { id: 'scale-ai', name: 'Scale AI', type: 'organization' };
export const wang: EntityRef = { id: 'alexandr-wang', name: 'Alexandr Wang', type: 'person' };
export const fair: EntityRef = { id: 'fair', name: 'FAIR', type: 'organization' };

const svArticle = { articleId: 'sv-1', source: 'Dagens Nyheter', published: '2025-11-12', lang: 'sv', title: 'LeCun lämnar Meta' };
const enArticle = { articleId: 'en-1', source: 'News Journos', published: '2025-06-13', lang: 'en', title: 'Meta hires Scale AI CEO' };
export const citeSv = (sentence: number, text: string): CitedText => ({ ...svArticle, sentence, text });
export const citeEn = (sentence: number, text: string): CitedText => ({ ...enArticle, sentence, text });

export const analysis: TabAnalysis = {
  url: 'https://news.example/lecun',
  lang: 'sv',
  analysedAt: 7,
  entities: [
    { id: 'meta', name: 'Meta', type: 'organization', count: 12 },
    { id: 'yann-lecun', name: 'Yann LeCun', type: 'person', count: 3 },
  ],
  story: { id: 's1', title: 'Yann LeCun lämnar Meta', score: 0.8 },
  related: [],
  declutter: { active: false, walls: 0, boilerplate: 0 },
  title: 'LeCun lämnar Meta',
  words: 640,
  langSource: 'declared',
  published: '2025-11-12',
  articleId: 'sv-1',
  isArticle: true,
  site: { key: 'news.example', highlights: true, declutter: false },
  corpus: { build: 'b', articles: 2, entities: 22, events: 7, stories: 2 },
};

const event = (e: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'date' | 'precision' | 'text'>): TimelineEvent => ({
  cite: citeSv(1, e.text),
  sources: 1,
  entities: [meta],
  fromThisArticle: false,
  news: false,
  ...e,
});

/** In date order, as the background sends them: a summer starts on June 1, before June 12. */
export const events: TimelineEvent[] = [
  event({
    id: 'ev-2013',
    date: '2013',
    precision: 'year',
    text: 'LeCun grundade FAIR 2013.',
    entities: [lecun, meta, fair],
    fromThisArticle: true,
  }),
  event({
    id: 'ev-summer',
    date: '2025-07',
    precision: 'season',
    season: 'summer',
    text: 'I somras köpte Meta in sig i Scale AI.',
    entities: [meta, scale],
  }),
  event({
    id: 'ev-deal',
    date: '2025-06-12',
    precision: 'day',
    text: 'Meta invests $14.3 billion in Scale AI.',
    cite: citeEn(2, 'Meta invests $14.3 billion in Scale AI.'),
    sources: 3,
    entities: [meta, scale],
    news: true,
  }),
  event({
    id: 'ev-oct',
    date: '2025-10',
    precision: 'month',
    qualifier: 'late',
    text: 'I slutet av oktober sade LeCun upp sig.',
    entities: [lecun, meta],
  }),
  event({ id: 'ev-nov3', date: '2025-11-03', precision: 'day', text: `Meta svarade den 3 november. ${EVIL}`, sources: 2 }),
  event({
    id: 'ev-nov20',
    date: '2025-11-20',
    precision: 'approximate',
    qualifier: 'about',
    text: 'Om ett par veckor startar LeCun ett bolag.',
    entities: [lecun],
  }),
];

const cards: EntityCard[] = [
  {
    id: 'meta',
    name: 'Meta',
    type: 'organization',
    description: citeEn(0, 'the owner of Facebook'),
    facts: [citeSv(3, 'Meta har investerat i Scale AI.'), citeEn(4, `Meta hired Alexandr Wang. ${EVIL}`)],
    story: { id: 's1', title: 'Yann LeCun lämnar Meta', published: '2025-06-12', articles: 2, rank: 1, of: 12 },
  },
  { id: 'yann-lecun', name: 'Yann LeCun', type: 'person', description: null, facts: [], story: null },
];

export const context: TabContext = {
  analysedAt: 7,
  digest: {
    kind: 'story',
    storyId: 's1',
    title: 'Yann LeCun lämnar Meta',
    lang: 'sv',
    articles: 2,
    summary: [citeSv(0, 'Yann LeCun lämnar Meta efter tolv år.'), citeSv(5, `Han startar ett eget bolag. ${EVIL}`)],
    keyPoints: [
      citeSv(7, 'LeCun lämnar Meta.'),
      citeSv(6, 'Han grundade FAIR 2013.'),
      citeEn(2, 'Meta invests $14.3 billion in Scale AI.'),
    ],
  },
  related: [
    {
      articleId: 'en-1',
      title: `Meta hires Scale AI CEO ${EVIL}`,
      source: 'News Journos',
      published: '2025-06-13',
      lang: 'en',
      score: 0.42,
      shared: [meta, scale, wang, lecun, fair],
      sameStory: false,
      origin: 'bundled',
      addedAt: null,
      url: null,
    },
    {
      articleId: 'sv-2',
      title: 'LeCun om AI',
      source: 'SvD',
      published: '2025-11-13',
      lang: 'sv',
      score: 0.91,
      shared: [lecun],
      sameStory: true,
      origin: 'bundled',
      addedAt: null,
      url: null,
    },
  ],
  timeline: { events, here: { date: '2025-11-12', title: 'LeCun lämnar Meta' } },
  cards,
};

export const pageDigestContext: TabContext = {
  ...context,
  digest: {
    kind: 'page',
    title: 'Harbour city opens tidal power station',
    lang: 'en',
    summary: ['The station opened on Monday.', 'It powers 4,000 homes.'],
    keyPoints: ['The station opened on Monday.', 'It powers 4,000 homes.', 'It cost 40 million.'],
  },
  related: [],
  timeline: { events: [], here: null },
  cards: [],
};

export const ready: CorpusStatus = {
  state: 'ready',
  build: 'b1',
  progress: 1,
  error: null,
  readOnly: null,
  articles: 2,
  entities: 22,
  events: 7,
  stories: 2,
};

export const article: ReaderArticle = {
  id: 'sv-1',
  title: 'LeCun lämnar Meta',
  source: 'Dagens Nyheter',
  url: 'https://www.dn.se/lecun',
  published: '2025-11-12',
  lang: 'sv',
  byline: 'Anna Andersson',
  paragraphs: [
    [
      { sentence: 0, text: 'Yann LeCun lämnar Meta efter tolv år.' },
      { sentence: 1, text: 'Det meddelade han på tisdagen.' },
    ],
    [
      { sentence: 2, text: `Han grundade FAIR 2013. ${EVIL}` },
      { sentence: 3, text: 'Nu startar han ett bolag.' },
    ],
  ],
  entities: [lecun, meta, fair],
};
