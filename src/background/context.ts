/**
 * What the side panel, the popup and the reader view show beyond the tab analysis
 * (core/context.ts), read from IndexedDB: the story's digest, related coverage with its reasons,
 * the background timeline, the entity cards, and a corpus article laid out for reading.
 *
 * Every sentence shown is quoted from an article and cited by the index the pipeline gave it,
 * so it is checked against the article's own sentences ({@link articleSentences}): a summary
 * sentence that cannot be found in its article is dropped rather than shown uncited. The stored
 * corpus may carry the contract's optional extras (per-language summaries and key points, related
 * stories, merged event sources, sentence spans): validateCorpus checked their shape when the
 * corpus was loaded, so they are read as typed here; a plain schema-v1 corpus lacks them.
 */
import type { TabAnalysis } from '../core/analysis';
import { type CitedText, citedText } from '../core/cards';
import type { EntityCard } from '../core/cards';
import type { Digest, EntityRef, ReaderArticle, RelatedItem, TabContext, Timeline, TimelineEvent } from '../core/context';
import type { Article, CorpusEvent, Story, StorySentence } from '../core/corpus';
import { sortTemporal } from '../core/dates/period';
import { MAX_ARTICLE_TEXT, type PageArticleText } from '../core/messages';
import { textLanguage } from '../core/page-text';
import { splitSentences } from '../core/sentences';
import { type IndexedArticle, indexedArticle } from '../core/scoring-index';
import { mergeStoredEvents } from '../corpus/events';
import { keyPoints, summarise } from '../corpus/summarise';
import { isUserId } from '../core/memory';
import { type EntityAbout, entityAbout, readAbout, storyPlace } from './cards';
import { type Db, readTx } from './db';
import { type ScoringCache, relatedIds, scoringKey } from './story';

/** Entity cards per tab context, most mentioned first. */
export const MAX_CARDS = 40;
/** Key points per digest. */
const MIN_KEY_POINTS = 3;
const MAX_KEY_POINTS = 5;
/** A page needs this many sentences for an on-device summary. */
const MIN_PAGE_SENTENCES = 3;
/**
 * What an on-device digest reads of a page, at most: the article region's first characters, and of
 * them the first sentences. A page of any size costs the background the same bounded work.
 */
export const PAGE_DIGEST_LIMITS = { chars: MAX_ARTICLE_TEXT, sentences: 300 } as const;
/** How long a digest waits for the page's answer (ms): a page that stalls its main thread cannot hold its tab's digest. */
export const PAGE_ANSWER_TIMEOUT = 5_000;

export interface TabContextOptions {
  /** The page's article text (the tab's content script answers it); used when no story matched. */
  askPage?: () => Promise<PageArticleText | null>;
  /**
   * The tab asked about: with it, the page's digest is kept per tab ({@link PageDigestCache}), so
   * re-asking after each re-analysis of the same page does not pull and summarise its text again.
   */
  tabId?: number;
  /** Where page digests are kept per tab (the background's, made by {@link createPageDigestCache}); without it each ask makes one afresh. */
  digests?: PageDigestCache;
  /** The tab's document (the content script's id), for the digest's one-in-flight rule; the page's URL when unknown. */
  document?: string;
  /**
   * The scoring index's cache (story.ts; the background's own): the cards cite articles with what
   * the index holds of them rather than reading them, when it is the index of the stores as they are.
   */
  scoring?: ScoringCache;
}

type Cited = StorySentence;

interface Span {
  text: string;
  start: number;
  end: number;
}

const notNull = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/**
 * An article's sentences with their offsets in `body`: the pipeline's stored spans (validateCorpus
 * checked on load that they fit the body: in order, inside it, no white space at their edges),
 * else the body split again with the same splitter the pipeline uses, which gives the same indices.
 */
export function articleSentences(article: Pick<Article, 'body' | 'lang' | 'sentences'>): Span[] {
  const { body, sentences: spans } = article;
  if (spans && spans.length > 0) return spans.map(([start, end]) => ({ text: body.slice(start, end), start, end }));
  return splitSentences(body, article.lang);
}

/**
 * What the tab contexts of the same stores share (the key: the database, the corpus build and the
 * reading memory's generation, story.ts scoringKey), kept while the stores stay the same: entity
 * refs (id, name, type: all a timeline or a related item needs of an entity, whose record may
 * hold the facts of hundreds of articles), what a card says of an entity in a language, and each
 * entity's first story (the card's place when the page's story does not name it).
 */
interface Kept {
  key: string;
  refs: Map<string, Promise<EntityRef | null>>;
  abouts: Map<string, Promise<EntityAbout | null>>;
  firstStories: Map<string, Promise<Story | undefined>>;
}
const kept: Kept = { key: '', refs: new Map(), abouts: new Map(), firstStories: new Map() };
/** Entries kept at most (then, or with a new key, they start afresh). */
const MAX_KEPT = 20_000;

/** `make()`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/** `make()`'s promise, kept in `map` under `k` unless it fails. */
function keep<T>(map: Map<string, Promise<T>>, k: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(k);
  if (!p) {
    const made = make();
    made.catch(() => map.delete(k));
    map.set(k, (p = made));
  }
  return p;
}

/** What one tab context reads, each record once (articles are cited many times over). */
function reader(db: Db, key?: string) {
  const articles = new Map<string, Promise<Article | undefined>>();
  const sentences = new Map<string, Span[]>();
  if (key !== undefined && (kept.key !== key || kept.refs.size + kept.abouts.size + kept.firstStories.size > MAX_KEPT)) {
    kept.key = key;
    kept.refs = new Map();
    kept.abouts = new Map();
    kept.firstStories = new Map();
  }
  const shared: Omit<Kept, 'key'> = key !== undefined ? kept : { refs: new Map(), abouts: new Map(), firstStories: new Map() };
  const entities = shared.refs;

  const article = (id: string) => {
    let a = articles.get(id);
    if (!a) articles.set(id, (a = db.get('articles', id)));
    return a;
  };
  /** Reads the articles of `ids` not read yet in one transaction (one per article costs more than the reads). */
  const prefetch = (ids: Iterable<string>): void => {
    const wanted = [...new Set(ids)].filter((id) => !articles.has(id));
    if (wanted.length < 2) return;
    const tx = readTx(db, ['articles']);
    for (const id of wanted) articles.set(id, tx.store.get(id));
  };
  const sentencesOf = (a: Article) => {
    let s = sentences.get(a.id);
    if (!s) sentences.set(a.id, (s = articleSentences(a)));
    return s;
  };

  /**
   * `c` as a CitedText, with the article's outlet, date, language and title. The cited index
   * must hold the cited text; if it does not, the sentence is looked for in the article. With
   * `strict` a sentence found nowhere is dropped (null); otherwise it keeps its stored index.
   */
  async function cite(c: Cited, strict: boolean): Promise<CitedText | null> {
    const a = await article(c.articleId);
    if (!a) return null;
    const list = sentencesOf(a);
    let sentence = c.sentence;
    if (list[sentence]?.text !== c.text) {
      const found = list.findIndex((s) => s.text === c.text);
      if (found >= 0) sentence = found;
      else if (strict) return null;
    }
    return citedText(c.text, sentence, a);
  }

  /** Finds a plain summary sentence (schema v1) among the sentences of `articleIds`, in that order. */
  async function find(text: string, articleIds: readonly string[]): Promise<CitedText | null> {
    const wanted = text.trim();
    for (const id of articleIds) {
      const a = await article(id);
      if (!a) continue;
      const sentence = sentencesOf(a).findIndex((s) => s.text === wanted);
      if (sentence >= 0) return cite({ text: wanted, articleId: id, sentence }, true);
    }
    return null;
  }

  /** Reads the refs of `ids` not known yet, in one transaction (one per entity costs more than the reads). */
  const readRefs = (ids: Iterable<string>): void => {
    const wanted = [...new Set(ids)].filter((id) => !entities.has(id));
    if (wanted.length === 0) return;
    const store = readTx(db, ['entities']).store;
    for (const id of wanted) {
      const read = store.get(id).then((x): EntityRef | null => (x ? { id: x.id, name: x.name, type: x.type } : null));
      // A failed read is not kept.
      read.catch(() => entities.delete(id));
      entities.set(id, read);
    }
  };
  /** Entity refs for ids, in order, unknown ids dropped. */
  const refs = async (ids: readonly string[]): Promise<EntityRef[]> => {
    readRefs(ids);
    return (await Promise.all([...new Set(ids)].map((id) => entities.get(id) ?? Promise.resolve(null)))).filter(notNull);
  };

  return { article, prefetch, cite, find, refs, readRefs, abouts: shared.abouts, firstStories: shared.firstStories };
}

type Reader = ReturnType<typeof reader>;

const citeKey = (c: CitedText) => `${c.articleId}#${c.sentence}`;

/** The language of a story's digest: the page's when the story has summaries in it, else the story's own, else the first it has. */
function digestLang(story: Story, pageLang: string): string | null {
  const summaries = story.summaries ?? {};
  const has = (lang: string | undefined): lang is string => lang !== undefined && (summaries[lang]?.length ?? 0) > 0;
  return has(pageLang) ? pageLang : has(story.lang) ? story.lang : (Object.keys(summaries).find(has) ?? null);
}

/**
 * The story's digest in the page's language when the story has summaries in it, else in the
 * story's own language, else in the first one it has. Without cited summaries (a schema-v1
 * corpus) the plain summary strings are looked up in the story's articles; what is not found is
 * left out. Null when no summary sentence can be cited.
 */
async function storyDigest(r: Reader, story: Story, pageLang: string): Promise<Digest | null> {
  const summaries = story.summaries ?? {};
  const lang = digestLang(story, pageLang);

  const citeAll = async (list: readonly Cited[]) => (await Promise.all(list.map((c) => r.cite(c, true)))).filter(notNull);
  let summary = lang === null ? [] : await citeAll(summaries[lang] ?? []);
  let stored = lang === null ? [] : await citeAll(story.keyPoints?.[lang] ?? []);
  let shownLang = lang;
  if (summary.length === 0) {
    summary = (await Promise.all(story.summary.map((text) => r.find(text, story.articleIds)))).filter(notNull);
    stored = [];
    shownLang = summary[0]?.lang ?? null;
  }
  if (summary.length === 0 || shownLang === null) return null;

  // 3–5 key points, best first: the stored ones, topped up from the summary when there are fewer than 3.
  const keyPoints: CitedText[] = [];
  const seen = new Set<string>();
  const add = (c: CitedText) => {
    if (keyPoints.length >= MAX_KEY_POINTS || seen.has(citeKey(c))) return;
    seen.add(citeKey(c));
    keyPoints.push(c);
  };
  stored.forEach(add);
  for (const c of summary) if (keyPoints.length < MIN_KEY_POINTS) add(c);
  return { kind: 'story', storyId: story.id, title: story.title, lang: shownLang, articles: story.articleIds.length, summary, keyPoints };
}

/** The articles {@link storyDigest} cites in `pageLang`'s digest. */
function digestArticles(story: Story, pageLang: string): string[] {
  const lang = digestLang(story, pageLang);
  const cited = lang === null ? [] : [...(story.summaries?.[lang] ?? []), ...(story.keyPoints?.[lang] ?? [])];
  // A plain summary (schema v1) is looked for article by article, in order, until found.
  return cited.map((c) => c.articleId);
}

/** Sentences fit for a summary: at least three words, ending like a sentence (headings and menu items are not). */
const isSentence = (s: string) => s.split(' ').length >= 3 && /[.!?…"”»)]$/u.test(s);

/**
 * The page's own digest, made here: its article text (from `askPage`) split into sentences and
 * summarised (3 sentences in page order, up to 5 key points best first) in the page's language.
 * Null without an answer, or with fewer than {@link MIN_PAGE_SENTENCES} sentences.
 */
export async function pageDigest(
  analysis: Pick<TabAnalysis, 'lang' | 'title'>,
  askPage: TabContextOptions['askPage'],
): Promise<Digest | null> {
  return (await answeredDigest(analysis, askPage)).digest;
}

/** {@link pageDigest}, saying whether the page answered (a digest of an answer may be kept; a failed ask is tried again). */
async function answeredDigest(
  analysis: Pick<TabAnalysis, 'lang' | 'title'>,
  askPage: TabContextOptions['askPage'],
  timeout = PAGE_ANSWER_TIMEOUT,
): Promise<{ answered: boolean; digest: Digest | null }> {
  let page: PageArticleText | null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the page did not answer')), timeout)));
    page = askPage ? await Promise.race([askPage(), late]) : null;
  } catch {
    return { answered: false, digest: null };
  } finally {
    clearTimeout(timer);
  }
  if (!page) return { answered: false, digest: null };
  return { answered: true, digest: digestOfText(analysis, page) };
}

/**
 * The sentences of a page's article text an on-device digest reads: those of its first
 * {@link PAGE_DIGEST_LIMITS}.chars characters fit for a summary, at most {@link PAGE_DIGEST_LIMITS}.sentences.
 */
export function pageSentences(text: string, lang: string): string[] {
  // The text map puts one "\n" between blocks: each block ends its sentences (a heading never joins the next one).
  const read = text.slice(0, PAGE_DIGEST_LIMITS.chars).replace(/\n/g, '\n\n');
  const sentences: string[] = [];
  for (const s of splitSentences(read, lang)) {
    const sentence = s.text.replace(/\s+/gu, ' ');
    if (!isSentence(sentence)) continue;
    sentences.push(sentence);
    if (sentences.length >= PAGE_DIGEST_LIMITS.sentences) break;
  }
  return sentences;
}

function digestOfText(analysis: Pick<TabAnalysis, 'lang' | 'title'>, page: PageArticleText): Digest | null {
  const lang = analysis.lang !== 'und' ? analysis.lang : textLanguage(page.text, page.lang === 'und' ? null : page.lang).lang;
  const sentences = pageSentences(page.text, lang);
  if (sentences.length < MIN_PAGE_SENTENCES) return null;
  const input = sentences.map((text) => ({ text }));
  const summary = summarise(input, lang, 3);
  return {
    kind: 'page',
    title: analysis.title || page.title,
    lang,
    summary: summary.map((s) => s.text),
    // Key points add to the summary rather than repeat it.
    keyPoints: keyPoints(input, lang, MAX_KEY_POINTS, new Set(summary.map((s) => s.index))).map((s) => s.text),
  };
}

/** Tabs whose page digest is kept; the least recently asked about is dropped first. */
export const MAX_DIGEST_TABS = 32;

/** What identifies the page a digest was made from: its URL and what its analysis says of its text. */
type PageDigestInput = Pick<TabAnalysis, 'url' | 'title' | 'words' | 'lang'>;

/**
 * The page digests of open tabs, one per tab, each keyed by the page it was made from (URL, title,
 * word count, language): a re-analysis of the same page (a new `analysedAt`, which makes the popup
 * and panel ask again) reuses it, while another URL or a changed text makes it afresh. At most one
 * digest is in flight per tab and document: while one is being made, every ask about that tab's
 * document waits for it, however the page changed meanwhile (a page that keeps adding text cannot
 * queue digest after digest); the next ask after it settles makes the changed page's. Bounded to
 * {@link MAX_DIGEST_TABS} tabs; {@link PageDigestCache.forget} drops a closed or navigated tab's.
 */
export interface PageDigestCache {
  /**
   * The digest of the page `analysis` describes in tab `tabId`, made through `askPage` unless kept
   * or in flight for the same `document` (the tab's document id; its URL when unknown).
   */
  get(tabId: number, analysis: PageDigestInput, askPage: TabContextOptions['askPage'], document?: string): Promise<Digest | null>;
  forget(tabId: number): void;
  /** How many digests were made (for tests and diagnostics). */
  readonly made: number;
  readonly size: number;
}

export function createPageDigestCache(maxTabs = MAX_DIGEST_TABS, answerTimeout = PAGE_ANSWER_TIMEOUT): PageDigestCache {
  const entries = new Map<number, { key: string; document: string; settled: boolean; digest: Promise<Digest | null> }>();
  let made = 0;
  return {
    get(tabId, analysis, askPage, document = analysis.url) {
      const key = JSON.stringify([analysis.url, analysis.title, analysis.words, analysis.lang]);
      const kept = entries.get(tabId);
      entries.delete(tabId);
      if (kept && (kept.key === key || (!kept.settled && kept.document === document))) {
        entries.set(tabId, kept); // most recently used last
        return kept.digest;
      }
      made++;
      const result = answeredDigest(analysis, askPage, answerTimeout);
      const entry = { key, document, settled: false, digest: result.then((r) => r.digest) };
      entries.set(tabId, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxTabs) break;
        entries.delete(oldest);
      }
      // A page that did not answer (not ready, no content script) is asked again next time.
      void result.then((r) => {
        entry.settled = true;
        if (!r.answered && entries.get(tabId) === entry) entries.delete(tabId);
      });
      return entry.digest;
    },
    forget(tabId) {
      entries.delete(tabId);
    },
    get made() {
      return made;
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * A stored event as the timeline needs it (merged events keep every source), or null when its
 * article is unknown. With `indexed` (the scoring index of the same stores) the event is cited
 * with what the index holds of its article, at its stored index: the pipeline gave the index and
 * an imported pack's were checked on import (packs.ts anchorer), so the article is not read.
 */
async function timelineEvent(
  r: Reader,
  e: CorpusEvent,
  ownArticle: string | null,
  indexed?: (id: string) => IndexedArticle | undefined,
): Promise<TimelineEvent | null> {
  const known = indexed?.(e.articleId);
  const cite = known ? citedText(e.text, e.sentence, known) : await r.cite(e, false);
  if (!cite) return null;
  const sources = e.sources ?? [];
  const { qualifier, season, span } = e;
  return {
    id: e.id,
    date: e.date,
    precision: e.precision,
    ...(qualifier ? { qualifier } : {}),
    ...(season ? { season } : {}),
    ...(span ? { span } : {}),
    text: e.text,
    cite,
    sources: Math.max(1, sources.length),
    entities: await r.refs(e.entities),
    fromThisArticle: ownArticle !== null && (e.articleId === ownArticle || sources.some((s) => s.articleId === ownArticle)),
    news: e.kind === 'report',
  };
}

/**
 * The events of the articles of `of` (each once, however many of them report it), in timeline
 * order: by the start of the period each denotes, the coarser first on the same start, then by id.
 * `of`: stories (their members' events, one read per story: each event holds its article's
 * stories, db.ts v7) or articles (one read each).
 */
async function timelineEvents(
  db: Db,
  r: Reader,
  of: { stories: readonly string[] } | { articles: readonly string[] },
  ownArticle: string | null,
  indexed?: (id: string) => IndexedArticle | undefined,
): Promise<TimelineEvent[]> {
  const tx = readTx(db, ['events']);
  const [index, keys] = 'stories' in of ? [tx.store.index('byStory'), of.stories] : [tx.store.index('byArticle'), of.articles];
  const stored = (await Promise.all([...new Set(keys)].map((k) => index.getAll(k)))).flat();
  const byId = new Map<string, CorpusEvent>();
  for (const e of stored) if (!byId.has(e.id)) byId.set(e.id, e);
  // The reader's own articles' events are stored one per article: reports of one event are merged here.
  const merged = mergeStoredEvents([...byId.values()], (e) => isUserId(e.articleId));
  if (!indexed) r.prefetch(merged.map((e) => e.articleId));
  r.readRefs(merged.flatMap((e) => e.entities));
  const events = (await Promise.all(merged.map((e) => timelineEvent(r, e, ownArticle, indexed)))).filter(notNull);
  return sortTemporal(events, (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Everything the side panel shows for a tab (see core/context.ts): the digest (the story's, else
 * one made from the page's text through `opts.askPage`), related coverage, the timeline of the
 * story and its related stories (of the related articles when there is no story), and the
 * entity cards.
 */
export async function tabContext(db: Db, analysis: TabAnalysis, opts: TabContextOptions = {}): Promise<TabContext> {
  // Each await below is a round trip to the browser's IndexedDB: what does not depend on another
  // read is asked at once, and the four parts are made side by side.
  const storyRead = analysis.story ? db.get('stories', analysis.story.id) : undefined;
  // Kept refs and cards are the same database's at the same build and memory generation.
  const key = await scoringKey(db);
  const r = reader(db, `${db.name}|${key}`);
  const [index, story] = await Promise.all([opts.scoring ? opts.scoring.get(db, key).catch(() => null) : null, storyRead]);
  const indexed = index?.build === key ? (id: string) => indexedArticle(index, id) : undefined;
  // Without the index, the page's own article and the related ones are read (in one go).
  if (!indexed) r.prefetch([...(analysis.articleId ? [analysis.articleId] : []), ...analysis.related.map((x) => x.articleId)]);
  const family = story ? [story, ...(await readStories(db, relatedIds(story)))] : [];
  const familySet = new Set(family.map((s) => s.id));
  const timelineArticles = story
    ? family.flatMap((s) => s.articleIds)
    : [...(analysis.articleId ? [analysis.articleId] : []), ...analysis.related.map((x) => x.articleId)];
  // The articles the digest cites (checked against their sentences), and without the scoring index
  // those of the timeline's events (each article of the story's family with events).
  r.prefetch([...(story ? digestArticles(story, analysis.lang) : []), ...(indexed ? [] : timelineArticles)]);

  const { tabId, askPage, digests, document } = opts;
  const digestOf = async () =>
    (story ? await storyDigest(r, story, analysis.lang) : null) ??
    (await (tabId === undefined || !digests ? pageDigest(analysis, askPage) : digests.get(tabId, analysis, askPage, document)));

  const relatedOf = () => {
    r.readRefs(analysis.related.flatMap((x) => x.shared));
    return Promise.all(
      analysis.related
        .filter((x) => x.articleId !== analysis.articleId)
        .map(async (x): Promise<RelatedItem> => {
          // What the scoring index of the same stores holds of the article, else the article read.
          const known = indexed?.(x.articleId);
          const read = known ? undefined : await r.article(x.articleId);
          const a = known ?? read;
          const storyIds =
            known?.storyIds ?? (read?.storyId ? [read.storyId] : await db.getAllKeysFromIndex('stories', 'byArticle', x.articleId));
          return {
            articleId: x.articleId,
            title: x.title,
            source: x.source,
            published: x.published,
            lang: x.lang,
            score: x.score,
            shared: await r.refs(x.shared),
            sameStory: storyIds.some((id) => familySet.has(id)),
            origin: a?.origin ?? 'bundled',
            addedAt: a?.addedAt ?? null,
            url: a?.url ?? null,
          };
        }),
    );
  };

  const timelineOf = async (): Promise<Timeline> => {
    const ownId = analysis.articleId;
    const [events, own] = await Promise.all([
      timelineEvents(db, r, story ? { stories: family.map((s) => s.id) } : { articles: timelineArticles }, ownId, indexed),
      ownId ? (indexed?.(ownId) ?? r.article(ownId)) : undefined,
    ]);
    const hereDate = own?.published ?? analysis.published;
    return { events, here: hereDate ? { date: hereDate, title: analysis.title } : null };
  };

  const cardOptions = { lang: analysis.lang, article: r.article, prefetch: r.prefetch, ...(indexed ? { indexed } : {}) };
  /**
   * The card of entity `id`: what it says of the entity is kept per language, and the entity's
   * first story per entity (the panel asks again on every re-analysis of its tab, and the pages
   * of one story name the same people).
   */
  const cardsOf = async () => {
    const ids = analysis.entities.slice(0, MAX_CARDS).map((e) => e.id);
    const aboutKey = (id: string) => `${id}|${analysis.lang}`;
    const placedIn = (id: string) => (story?.entities.includes(id) ? story : undefined);
    // What is not kept yet is asked for all the cards at once: a transaction per store (opened by
    // the first card that needs it), not one per card.
    const heads = once(() => readTx(db, ['entities', 'entityPreviews']));
    const firsts = once(() => readTx(db, ['stories']).store.index('byEntity'));
    const made = ids.map((id) => {
      const about = keep(r.abouts, aboutKey(id), () => entityAbout(db, id, cardOptions, readAbout(heads(), id)));
      const placed = placedIn(id) ?? keep(r.firstStories, id, () => firsts().get(id));
      return { id, about, placed };
    });
    const cards = await Promise.all(
      made.map(async ({ id, about, placed }): Promise<EntityCard | null> => {
        const [a, s] = await Promise.all([about, placed]);
        if (!a) return null;
        return { ...a, story: s ? await storyPlace(db, id, s, cardOptions) : null };
      }),
    );
    return cards.filter(notNull);
  };

  const [digest, related, timeline, cards] = await Promise.all([digestOf(), relatedOf(), timelineOf(), cardsOf()]);
  return { analysedAt: analysis.analysedAt, digest, related, timeline, cards };
}

/** The stories of `ids` that are stored, in order, read in one transaction. */
async function readStories(db: Db, ids: readonly string[]): Promise<Story[]> {
  if (ids.length === 0) return [];
  const tx = readTx(db, ['stories']);
  const read = await Promise.all(ids.map((id) => tx.store.get(id)));
  return read.filter(notNull);
}

/**
 * A corpus article for the reader view: its body in paragraphs (split on blank lines) of
 * sentences, each with the index that facts, events and summaries cite. Null when unknown.
 */
export async function readerArticle(db: Db, articleId: string): Promise<ReaderArticle | null> {
  // The reader's own articles are in the same store as the bundled ones (memory-db.ts).
  const a = await db.get('articles', articleId);
  if (!a) return null;
  const paragraphs: ReaderArticle['paragraphs'] = [];
  const breaks = [...a.body.matchAll(/\n\s*\n/g)].map((m) => m.index);
  let p = 0;
  let current: ReaderArticle['paragraphs'][number] = [];
  articleSentences(a).forEach((s, sentence) => {
    // A sentence belongs to the paragraph it starts in.
    while (p < breaks.length && (breaks[p] ?? Infinity) < s.start) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
      p++;
    }
    current.push({ sentence, text: s.text });
  });
  if (current.length > 0) paragraphs.push(current);
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.url,
    published: a.published,
    lang: a.lang,
    byline: a.byline,
    paragraphs,
    entities: await reader(db).refs(a.entities),
    origin: a.origin ?? 'bundled',
    addedAt: a.addedAt ?? null,
  };
}
