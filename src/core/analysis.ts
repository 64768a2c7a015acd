/**
 * The tab analysis contract: storage.session["tab:<tabId>"], written by the background for every
 * analysed tab and read by the popup, the side panel and the tests (see ../shared/design.md).
 */
import type { Origin } from './memory';
import type { CorpusCounts, EntityType } from './corpus';
import type { FeatureSwitches } from './settings';

/**
 * What declutter did on a page: whether it is active there, and how many walls and boilerplate
 * blocks it hides. `skipped` says why the boilerplate was left alone on a page where it would
 * have run: 'too-big' (past the size limits; walls are still undone).
 */
export interface DeclutterCounts {
  active: boolean;
  walls: number;
  boilerplate: number;
  skipped?: DeclutterSkip;
}

/** Where declutter runs: 'walls' on every page (ad-blocker walls only), 'full' on article pages (walls and boilerplate). */
export type DeclutterMode = 'walls' | 'full';
export type DeclutterSkip = 'too-big';
/** What the content script reports about a page: compact, no page text beyond the title. */
export interface PageSummary {
  url: string;
  title: string;
  /** BCP 47 primary subtag ("sv", "en", …) or "und". */
  lang: string;
  /** Where `lang` came from: the page's own declaration or detection from its text. */
  langSource: 'declared' | 'detected' | 'none';
  words: number;
  /** The page's own publication date (YYYY-MM-DD), when it says. */
  published: string | null;
  /**
   * The page presents one article (og:type article, a schema.org *Article in its JSON-LD,
   * itemprop=articleBody, or an <article> holding most of its words) rather than a front page or a list.
   */
  isArticle: boolean;
  /** Corpus entities the matcher found on the page, with their mention counts. */
  entities: { id: string; count: number }[];
  /** The page's top content words with their counts (scoring's pageTerms): no sentences. */
  terms: { term: string; weight: number }[];
}

export interface TabEntity {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

export interface TabStory {
  id: string;
  title: string;
  score: number;
}

export interface RelatedArticle {
  articleId: string;
  title: string;
  source: string;
  /** YYYY-MM-DD, or null when the article is undated. */
  published: string | null;
  lang: string;
  score: number;
  shared: string[];
  /** Where the article comes from: the bundled corpus, the reader's reading, or an imported corpus file. */
  origin: Origin;
  /** The article's own address (a remembered article keeps the page's URL), or null. */
  url: string | null;
}

export interface TabAnalysis {
  url: string;
  lang: string;
  analysedAt: number;
  entities: TabEntity[];
  story: TabStory | null;
  related: RelatedArticle[];
  /** The contract's {active, walls, boilerplate}, extended with an optional reason when boilerplate was left alone. */
  declutter: DeclutterCounts;
  // Extensions of the contract:
  title: string;
  words: number;
  langSource: PageSummary['langSource'];
  /** The page's own publication date (YYYY-MM-DD), as it declares it. */
  published: string | null;
  /** The corpus article that IS this page (same URL, or same title and date; core/scoring.ts), else null. */
  articleId: string | null;
  /** The page presents one article (PageSummary.isArticle). */
  isArticle: boolean;
  /** The site key (host without www.) and the switches in force there. */
  site: { key: string } & FeatureSwitches;
  corpus: { build: string | null } & CorpusCounts;
}

export const TAB_KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number): string => `${TAB_KEY_PREFIX}${tabId}`;

export function tabIdFromKey(key: string): number | null {
  if (!key.startsWith(TAB_KEY_PREFIX)) return null;
  const n = Number(key.slice(TAB_KEY_PREFIX.length));
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The badge text for an analysis: the number of entities found, empty when there are none. */
export function badgeText(a: Pick<TabAnalysis, 'entities'> | null): string {
  const n = a?.entities.length ?? 0;
  if (n === 0) return '';
  return n > 99 ? '99+' : String(n);
}

/** The storage.session key of the corpus load status (a {@link CorpusStatus} from ./messages). */
export const STATUS_KEY = 'corpus:status';

/** The subset of a key-value store the background needs: storage.session in production. */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  entries(): Promise<[string, unknown][]>;
}
