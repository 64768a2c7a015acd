/**
 * Scores the page the reader is on against the corpus: which story it belongs to (or none) and
 * which articles are related, with the shared entities as the reason.
 *
 * Per corpus article, three signals:
 * - entities (the main one, and the only one across languages): the share of the article's
 *   entity profile that the page covers. Each article entity weighs its rarity in the corpus
 *   (IDF) times its prominence in the article (1/√(1+rank), entities being sorted by mentions);
 *   the page's side weighs how often the page names it, saturating at {@link SATURATION}
 *   mentions, so a name dropped once in passing counts for less than half of one the page is about;
 * - words: cosine of TF-IDF vectors of the top content words, only when the page and the article
 *   share a language (across languages the words never meet; the entities carry it);
 * - time: a discount for a page dated far from the article (halving every {@link HALF_LIFE_DAYS}),
 *   never below {@link TIME_FLOOR}: a follow-up months later is still the same story.
 *
 * The page's own article, when the corpus has it (same URL, or the same headline published within
 * {@link SAME_ARTICLE_DAYS} days), is `self`: it names the story like any article but is not related.
 *
 * A story scores 0.8 × its best article + 0.2 × its mean article, and is named only at or above
 * {@link STORY_THRESHOLD} with at least {@link MIN_SHARED} of its entities on the page.
 *
 * Pure: no DOM, no browser APIs. The expensive part (IDF, article vectors) is done once per corpus
 * build by {@link prepareScoringCorpus}; {@link scorePage} is linear in the corpus's article entities.
 */
import type { Origin } from './memory';
import type { Article } from './corpus';
import type { RelatedArticle, TabStory } from './analysis';
import { functionWords } from './lang';
import { cosine } from './vectors';

/** What the content script sends about a page: compact, no page text beyond the title. */
export interface PageFeatures {
  url: string;
  /** BCP 47 primary subtag ("sv", "en", …) or "und". */
  lang: string;
  title: string;
  /** The page's publication date (YYYY-MM-DD) when it declares one. */
  published: string | null;
  /** Corpus entities the matcher found on the page, with their number of mentions. */
  entities: readonly { id: string; count: number }[];
  /** The page's top content words ({@link pageTerms}). */
  terms: readonly Term[];
  words: number;
}

export interface Term {
  term: string;
  weight: number;
}

/** What scoring needs of one corpus article: its identity and metadata, story, entities and top terms. */
export interface ScoringArticle extends Pick<Article, 'id' | 'title' | 'source' | 'url' | 'published' | 'lang'> {
  storyId: string | null;
  /** Entity ids, most mentioned first. */
  entities: readonly string[];
  /** Top content words of title and body ({@link pageTerms}). */
  terms: readonly Term[];
  /** Where the article comes from (absent: the bundled corpus). */
  origin?: Origin;
  /** When a remembered or imported article was added (ms since the epoch). */
  addedAt?: number;
}

export interface ScoringStory {
  id: string;
  title: string;
  articleIds: readonly string[];
  /** Ids of related stories, most related first. */
  related: readonly string[];
}

export interface ScoringCorpusInput {
  build: string;
  articles: readonly ScoringArticle[];
  stories: readonly ScoringStory[];
}

interface PreparedArticle {
  article: ScoringArticle;
  /** Entity id → IDF × prominence. */
  entityWeights: ReadonlyMap<string, number>;
  entityMass: number;
  termVector: ReadonlyMap<string, number>;
  time: number;
}

/** A corpus prepared for scoring: build once per corpus build, score many pages. */
export interface ScoringCorpus {
  build: string;
  articles: readonly PreparedArticle[];
  stories: ReadonlyMap<string, ScoringStory>;
  entityIdf: ReadonlyMap<string, number>;
  termIdf: ReadonlyMap<string, number>;
  /** IDF of a term no article has (the rarest). */
  unseenTermIdf: number;
}

export interface ArticleScore {
  articleId: string;
  storyId: string | null;
  score: number;
  entity: number;
  lexical: number;
  time: number;
  /** Shared entity ids, the strongest evidence first. */
  shared: string[];
}

export interface StoryScore {
  id: string;
  score: number;
  /** Distinct story entities (over its articles) found on the page. */
  shared: number;
}

export interface PageScore {
  story: TabStory | null;
  /**
   * The corpus article that IS the page ({@link sameArticle}), or null. It counts for the story
   * like any other article but is never listed as related to itself.
   */
  self: string | null;
  related: RelatedArticle[];
  /** The evidence, best first: every story and every article with a non-zero score. */
  stories: StoryScore[];
  articles: ArticleScore[];
}

export interface ScoreOptions {
  storyThreshold?: number;
  relatedThreshold?: number;
  maxRelated?: number;
}

/** Mentions on the page at which an entity counts fully. */
export const SATURATION = 4;
export const HALF_LIFE_DAYS = 30;
export const TIME_FLOOR = 0.7;
/** Time factor for an undated page: halfway between the floor and a same-day page. */
export const UNDATED_TIME = (1 + TIME_FLOOR) / 2;
/** Weight of word similarity, added to the entity score (same language only). */
export const LEXICAL_WEIGHT = 0.5;
/**
 * The story-naming threshold, tuned on the pages of test/unit/scoring.test.ts: negatives (passing
 * mentions) score 0.02–0.22 (the highest, an English ChatGPT launch story, shares four AI
 * companies and words with the English seed), positives 0.42–0.60 (the lowest are the
 * cross-language ones, which get no help from words). 0.3 sits in that gap, nearer the negatives:
 * they reach their scores with the help of words, which a cross-language positive never has.
 */
export const STORY_THRESHOLD = 0.3;
/** A related article must reach this score, unless it belongs to the named story or a related one. */
export const RELATED_THRESHOLD = 0.2;
export const MIN_SHARED = 2;
export const MAX_RELATED = 8;
/** A page and an article with the same headline are one article when published this close (days). */
export const SAME_ARTICLE_DAYS = 2;
/** A headline suffix (" | Outlet") may be at most this long… */
const MAX_SUFFIX_CHARS = 40;
/** …and this many words. */
const MAX_SUFFIX_WORDS = 5;
/** Folded article titles shorter than this are too generic ("News") to recognise a page by. */
export const MIN_TITLE_CHARS = 12;

export const DAY = 86_400_000;
const TOKEN = /[\p{L}\p{N}]+(?:[-'’:][\p{L}\p{N}]+)*/gu;

/** Lower-cased content word: possessives and Swedish colon inflections folded ("meta’s" → "meta", "ai:s" → "ai"). */
function normaliseWord(w: string): string {
  const lower = w.toLowerCase();
  // Most words have neither: skip the expressions (this runs for every word of every corpus article).
  if (!lower.includes("'") && !lower.includes('’') && !lower.includes(':')) return lower;
  return lower.replace(/['’]s$/u, '').replace(/:\p{L}{1,3}$/u, '');
}

/**
 * The top `max` content words of `text` by frequency (lower-cased, without `lang`'s function
 * words, single letters and numbers), heaviest first, ties alphabetical. The content script sends
 * these instead of the page text; the background computes the same for corpus articles.
 */
export function pageTerms(text: string, lang: string, max = 40): Term[] {
  const stop = functionWords(lang);
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TOKEN)) {
    const w = normaliseWord(m[0]);
    if (w.length < 2 || stop.has(w) || (w.charCodeAt(0) <= 57 && /^\d+$/u.test(w))) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([term, weight]) => ({ term, weight }));
}

/** Smoothed IDF: with two articles an entity in both still counts. */
const idf = (docs: number, df: number) => Math.log(1 + (docs + 1) / df);

const prominence = (rank: number) => 1 / Math.sqrt(1 + rank);

/** 0..1: how much `count` mentions on the page say the page is about an entity. */
export function mentionWeight(count: number): number {
  return count <= 0 ? 0 : Math.min(1, Math.log(1 + count) / Math.log(1 + SATURATION));
}

export function termVector(terms: readonly Term[], termIdf: ReadonlyMap<string, number>, unseen: number): Map<string, number> {
  const v = new Map<string, number>();
  for (const { term, weight } of terms) if (weight > 0) v.set(term, (1 + Math.log(weight)) * (termIdf.get(term) ?? unseen));
  return v;
}

export const parseDay = (d: string | null): number => (d && /^\d{4}-\d{2}-\d{2}$/u.test(d) ? Date.parse(`${d}T00:00:00Z`) : NaN);

/** Computes the corpus-wide IDFs and each article's vectors: once per corpus build. */
export function prepareScoringCorpus(input: ScoringCorpusInput): ScoringCorpus {
  const n = input.articles.length;
  const entityDf = new Map<string, number>();
  const termDf = new Map<string, number>();
  for (const a of input.articles) {
    for (const e of new Set(a.entities)) entityDf.set(e, (entityDf.get(e) ?? 0) + 1);
    for (const t of new Set(a.terms.map((x) => x.term))) termDf.set(t, (termDf.get(t) ?? 0) + 1);
  }
  const entityIdf = new Map([...entityDf].map(([k, df]) => [k, idf(n, df)]));
  const termIdf = new Map([...termDf].map(([k, df]) => [k, idf(n, df)]));
  const unseenTermIdf = idf(n, 1);
  const articles = input.articles.map((article): PreparedArticle => {
    const entityWeights = new Map<string, number>();
    article.entities.forEach((e, rank) => {
      if (!entityWeights.has(e)) entityWeights.set(e, (entityIdf.get(e) ?? 0) * prominence(rank));
    });
    let entityMass = 0;
    for (const w of entityWeights.values()) entityMass += w;
    return {
      article,
      entityWeights,
      entityMass,
      termVector: termVector(article.terms, termIdf, unseenTermIdf),
      time: parseDay(article.published),
    };
  });
  return { build: input.build, articles, stories: new Map(input.stories.map((s) => [s.id, s])), entityIdf, termIdf, unseenTermIdf };
}

/** The page's URL without its fragment, for recognising the page among the corpus articles. */
const sameUrl = (a: string | null, b: string) => a !== null && a.split('#')[0] === b.split('#')[0];

/** A headline folded for comparison: Unicode-normalised, lower case, dashes as "-", no quotes, single spaces. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63]/gu, '-')
    .replace(/["'`´\u2018-\u201f\u00ab\u00bb\u2039\u203a]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** What may follow an article's headline in a page title: a separator, then a short outlet name. */
const SUFFIX = /^(?:\s*\|\s*|\s+[-·•»/~]\s+|\s*::?\s+)(\S.*)$/u;

/**
 * Whether a page title is an article's headline: equal once folded ({@link foldTitle}), or the
 * headline followed by a separator and a short suffix ("… | Dagens PS", "… - The Paper").
 */
export function sameTitle(pageTitle: string, articleTitle: string): boolean {
  const page = foldTitle(pageTitle);
  const article = foldTitle(articleTitle);
  if (article.length < MIN_TITLE_CHARS) return false;
  if (page === article) return true;
  if (!page.startsWith(article)) return false;
  const suffix = SUFFIX.exec(page.slice(article.length))?.[1];
  return suffix !== undefined && suffix.length <= MAX_SUFFIX_CHARS && suffix.split(' ').length <= MAX_SUFFIX_WORDS;
}

/**
 * Whether the page is the corpus article itself: the same URL (fragment aside), or the same
 * headline ({@link sameTitle}) and, when both dates are known, published within {@link SAME_ARTICLE_DAYS} days.
 */
export function sameArticle(
  page: Pick<PageFeatures, 'url' | 'title' | 'published'>,
  article: Pick<ScoringArticle, 'url' | 'title' | 'published'>,
): boolean {
  if (sameUrl(article.url, page.url)) return true;
  if (!sameTitle(page.title, article.title)) return false;
  const days = Math.abs(parseDay(page.published) - parseDay(article.published)) / DAY;
  return Number.isNaN(days) || days <= SAME_ARTICLE_DAYS;
}
export const round = (x: number) => Math.round(x * 1000) / 1000;

function scoreArticle(
  p: PreparedArticle,
  page: PageFeatures,
  pageEntities: ReadonlyMap<string, number>,
  pageTime: number,
  pageVector: ReadonlyMap<string, number>,
): ArticleScore {
  const evidence: [string, number][] = [];
  let covered = 0;
  for (const [id, w] of p.entityWeights) {
    const m = mentionWeight(pageEntities.get(id) ?? 0);
    if (m === 0) continue;
    covered += w * m;
    evidence.push([id, w * m]);
  }
  const entity = p.entityMass > 0 ? covered / p.entityMass : 0;
  const lexical = page.lang !== 'und' && page.lang === p.article.lang ? cosine(pageVector, p.termVector) : 0;
  const days = Math.abs(pageTime - p.time) / DAY;
  const time = Number.isFinite(days) ? TIME_FLOOR + (1 - TIME_FLOOR) * Math.pow(0.5, days / HALF_LIFE_DAYS) : UNDATED_TIME;
  const score = Math.min(1, entity + LEXICAL_WEIGHT * lexical) * time;
  evidence.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { articleId: p.article.id, storyId: p.article.storyId, score, entity, lexical, time, shared: evidence.map(([id]) => id) };
}

/** Names the page's story (or none) and ranks related articles; see the module comment. */
export function scorePage(page: PageFeatures, corpus: ScoringCorpus, opts: ScoreOptions = {}): PageScore {
  const storyThreshold = opts.storyThreshold ?? STORY_THRESHOLD;
  const relatedThreshold = opts.relatedThreshold ?? RELATED_THRESHOLD;
  const maxRelated = opts.maxRelated ?? MAX_RELATED;

  const pageEntities = new Map<string, number>();
  for (const e of page.entities) pageEntities.set(e.id, (pageEntities.get(e.id) ?? 0) + e.count);
  const pageVector = termVector(page.terms, corpus.termIdf, corpus.unseenTermIdf);
  const pageTime = parseDay(page.published);

  const byId = new Map<string, { prepared: PreparedArticle; score: ArticleScore }>();
  for (const p of corpus.articles)
    byId.set(p.article.id, { prepared: p, score: scoreArticle(p, page, pageEntities, pageTime, pageVector) });

  // Stories: by their members (the story's list, else the articles' storyId).
  const members = new Map<string, ArticleScore[]>();
  for (const s of corpus.stories.values())
    members.set(
      s.id,
      s.articleIds.flatMap((id) => byId.get(id)?.score ?? []),
    );
  for (const { score } of byId.values()) {
    if (score.storyId === null) continue;
    const list = members.get(score.storyId) ?? [];
    if (!list.includes(score)) list.push(score);
    members.set(score.storyId, list);
  }
  const stories: StoryScore[] = [];
  for (const [id, list] of members) {
    if (list.length === 0) continue;
    const best = Math.max(...list.map((a) => a.score));
    const mean = list.reduce((s, a) => s + a.score, 0) / list.length;
    const shared = new Set(list.flatMap((a) => a.shared)).size;
    const score = 0.8 * best + 0.2 * mean;
    if (score > 0) stories.push({ id, score: round(score), shared });
  }
  stories.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

  // The best story that reaches the threshold with at least MIN_SHARED of its entities on the page.
  const named = stories.find((s) => s.score >= storyThreshold && s.shared >= MIN_SHARED) ?? null;
  const namedStory = named ? corpus.stories.get(named.id) : undefined;
  // A story known only from its articles' storyId is titled after its best article.
  const bestArticle = (id: string) => [...(members.get(id) ?? [])].sort((a, b) => b.score - a.score)[0]?.articleId ?? '';
  const story: TabStory | null = named
    ? { id: named.id, title: namedStory?.title ?? byId.get(bestArticle(named.id))?.prepared.article.title ?? named.id, score: named.score }
    : null;

  // The page's own article: by URL first, else by headline and date (the best scored of those).
  const self =
    corpus.articles.find((p) => sameUrl(p.article.url, page.url))?.article.id ??
    [...byId.values()].filter(({ prepared }) => sameArticle(page, prepared.article)).sort((a, b) => b.score.score - a.score.score)[0]
      ?.prepared.article.id ??
    null;

  // Related: strong enough on their own, or in the named story or one of its related stories.
  const family = new Set(
    (named ? [named.id, ...(namedStory?.related ?? [])] : []).flatMap((id) => (members.get(id) ?? []).map((a) => a.articleId)),
  );
  const related = [...byId.values()]
    .filter(({ prepared, score }) => {
      if (prepared.article.id === self || sameUrl(prepared.article.url, page.url) || score.shared.length === 0) return false;
      return score.score >= relatedThreshold || family.has(score.articleId);
    })
    .sort((a, b) => b.score.score - a.score.score || (a.score.articleId < b.score.articleId ? -1 : 1))
    .slice(0, maxRelated)
    .map(({ prepared: { article: a }, score }): RelatedArticle => ({
      articleId: a.id,
      title: a.title,
      source: a.source,
      published: a.published,
      lang: a.lang,
      score: round(score.score),
      shared: score.shared,
      origin: a.origin ?? 'bundled',
      url: a.url,
    }));

  const articles = [...byId.values()]
    .map((x) => x.score)
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  return { story, self, related, stories, articles };
}

/*
 * The persisted scoring index: what {@link scorePage} needs, prepared once per corpus build (when
 * the corpus is loaded) into flat arrays that are stored as one record and read back in one go.
 * A page is then scored from postings (entity → articles, word → articles) rather than by walking
 * every article, with exactly {@link scorePage}'s arithmetic and order, so the results are the same.
 */
