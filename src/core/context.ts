/**
 * What the side panel, the popup and the reader view show beyond the tab analysis: the story's
 * summary and key points, related coverage with the reasons it is related, the background
 * timeline, the entity cards, and a corpus article laid out for reading. The background builds
 * these from IndexedDB (background/context.ts); the views render them (ui/components). Every
 * sentence shown comes from an article's text and says which article and sentence it is.
 */
import type { CitedText, EntityCard } from './cards';
import type { EntityType } from './corpus';
import type { TemporalValue } from './dates/types';

/** An entity as a chip or filter: enough to name it. */
export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

/**
 * The page's summary. `story`: the corpus story the page belongs to, its summary and key points
 * in the page's language when the story has articles in it (else the story's own language), each
 * sentence cited. `page`: no story matched, so an extractive summary of the page's own article
 * text, made on this device; its sentences are the page's, so they cite nothing.
 */
export type Digest =
  | {
      kind: 'story';
      storyId: string;
      title: string;
      /** Language of the sentences below. */
      lang: string;
      /** Articles in the story. */
      articles: number;
      summary: CitedText[];
      /** 3–5 key points, best first. */
      keyPoints: CitedText[];
    }
  | {
      kind: 'page';
      title: string;
      lang: string;
      summary: string[];
      keyPoints: string[];
    };

/** A related corpus article, with what makes it related, strongest evidence first. */
export interface RelatedItem {
  articleId: string;
  title: string;
  source: string;
  /** YYYY-MM-DD, or null when the article is undated. */
  published: string | null;
  lang: string;
  /** 0..1, as scored (core/scoring.ts). */
  score: number;
  /** The entities the page and the article share, strongest evidence first. */
  shared: EntityRef[];
  /** In the page's story (or one of its related stories) rather than related on its own merits. */
  sameStory: boolean;
  /** Where the article comes from: the bundled corpus, the reader's reading, or an imported corpus file. */
  origin: 'bundled' | 'remembered' | 'imported';
  /** When the reader read or imported it (ms since the epoch); null for a bundled article. */
  addedAt: number | null;
  /** The article's own address, or null. */
  url: string | null;
}

/** One dated event on the background timeline. */
export interface TimelineEvent extends TemporalValue {
  id: string;
  /** The sentence the event was read from. */
  text: string;
  /** Where it was read from (the first source when several articles report it). */
  cite: CitedText;
  /** How many articles report the event. */
  sources: number;
  entities: EntityRef[];
  /** The event was read from the article on the page. */
  fromThisArticle: boolean;
  /** The news an article reports (its lead at its publication date), not background its text dates. */
  news: boolean;
}

export interface Timeline {
  /** Every event of the story's articles and its related stories' articles, in date order. */
  events: TimelineEvent[];
  /** Where the page itself sits: its publication date (the matched corpus article's, else the page's own), or null. */
  here: { date: string; title: string } | null;
}

/** Everything the side panel shows for a tab, for the analysis taken at `analysedAt`. */
export interface TabContext {
  analysedAt: number;
  digest: Digest | null;
  related: RelatedItem[];
  timeline: Timeline;
  /** The hover card of every entity on the page, in the page's order (most mentioned first). */
  cards: EntityCard[];
}

/** A corpus article laid out for the reader view: paragraphs of numbered sentences. */
export interface ReaderArticle {
  id: string;
  title: string;
  source: string;
  url: string | null;
  /** YYYY-MM-DD, or null when the article is undated. */
  published: string | null;
  lang: string;
  byline: string | null;
  /** Each paragraph's sentences with their index in the article (the index facts and events cite). */
  paragraphs: { sentence: number; text: string }[][];
  entities: EntityRef[];
  /** Where the article comes from (bundled, or the reader's: remembered or imported), and when the reader's was added (ms), else null. */
  origin?: 'bundled' | 'remembered' | 'imported';
  addedAt?: number | null;
}

/**
 * Groups timeline events (already in date order) by year, then by month. Events known only to
 * the year, season or decade sit in the year's own group (month null) ahead of its months, so a
 * "summer 2025" is never filed under a month it may not belong to.
 */
export interface TimelineYear {
  year: number;
  months: { month: number | null; events: TimelineEvent[] }[];
}

export function groupTimeline(events: readonly TimelineEvent[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const e of events) {
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(e.date);
    if (!m) continue;
    const year = Number(m[1]);
    const month =
      m[2] !== undefined && (e.precision === 'day' || e.precision === 'month' || e.precision === 'approximate') && !e.span
        ? Number(m[2])
        : null;
    let y = years.find((g) => g.year === year);
    if (!y) {
      y = { year, months: [] };
      years.push(y);
    }
    let g = y.months.find((x) => x.month === month);
    if (!g) {
      g = { month, events: [] };
      y.months.push(g);
    }
    g.events.push(e);
  }
  years.sort((a, b) => a.year - b.year);
  for (const y of years) y.months.sort((a, b) => (a.month ?? 0) - (b.month ?? 0));
  return years;
}
