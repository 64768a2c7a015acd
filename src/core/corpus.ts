/**
 * The corpus file contract (schema version 1, see ../shared/design.md). Produced by the corpus
 * pipeline, bundled as corpus.json and loaded into IndexedDB by the background.
 *
 * Beside the required fields of design.md, the pipeline writes optional extras (sentence spans,
 * cited key points, per-language story summaries, related stories, merged event sources, cited
 * entity descriptions). They are part of this one contract, optional so a plain schema-v1 file
 * stays valid, and {@link validateCorpus} checks them once, when a corpus is loaded: readers of a
 * stored corpus take them as typed.
 */

export const CORPUS_SCHEMA_VERSION = 1;

export type EntityType = 'person' | 'organization' | 'product' | 'place' | 'event' | 'concept' | 'work';
export type DatePrecision = 'day' | 'month' | 'season' | 'year' | 'approximate';

/** A sentence quoted from an article, with its index among the article's sentences. */
export interface CitedSentence {
  text: string;
  sentence: number;
}

/** A sentence quoted from a named article. */
export interface StorySentence extends CitedSentence {
  articleId: string;
}

export interface Article {
  id: string;
  title: string;
  source: string;
  url: string | null;
  /** YYYY-MM-DD, or null for an undated article (no date the page states could be read). */
  published: string | null;
  lang: string;
  byline: string | null;
  body: string; // paragraphs separated by a blank line
  summary: string[];
  entities: string[];
  // Optional extras (the pipeline writes them all):
  /** The standfirst, which is also the first paragraph of `body` (null when there is none). */
  lead?: string | null;
  /** The article's story ("" when it has none). */
  storyId?: string;
  /** 3–5 cited sentences that add to `summary`. */
  keyPoints?: CitedSentence[];
  /** [start, end) of each sentence in `body`, in order, trimmed: the indices every citation uses. */
  sentences?: [number, number][];
  /** Set on the reader's own articles in the database (absent: the bundled corpus): remembered from their reading, or imported from a corpus file. */
  origin?: 'remembered' | 'imported';
  /** With `origin`: when the reader read or imported it (ms since the epoch). */
  addedAt?: number;
}

export interface Fact {
  text: string;
  articleId: string;
  sentence: number;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string | null;
  facts: Fact[];
  // Optional extras:
  /** Every description found, best first, each cited; `description` is the first one's text. */
  descriptions?: EntityDescription[];
  /** Wikidata id from the registry, or null. */
  wikidata?: string | null;
  /** Number of mentions in the corpus. */
  mentionCount?: number;
}

/** A cited clause saying what an entity is ("apposition", "role", "relative", "dash"). */
export interface EntityDescription extends StorySentence {
  kind?: string;
}

/** One article reporting an event. */
export type EventSource = StorySentence;

export interface CorpusEvent {
  id: string;
  date: string; // YYYY, YYYY-MM or YYYY-MM-DD
  precision: DatePrecision;
  /** Optional refinements for an honest label ("late October 2025", "summer 2025", "Q3 2025"); see dates.ts. */
  qualifier?: 'early' | 'mid' | 'late' | 'about';
  season?: 'spring' | 'summer' | 'autumn' | 'winter';
  span?: 'week' | 'quarter' | 'decade';
  text: string;
  articleId: string;
  sentence: number;
  entities: string[];
  /** Every article reporting the event (the first is `articleId`/`sentence`/`text`). */
  sources?: EventSource[];
  /**
   * 'report': the news an article itself reports (its lead, dated at its publication date), as
   * opposed to the background its text dates. Absent on background events.
   */
  kind?: 'report';
}

export interface RelatedStory {
  storyId: string;
  score: number;
  /** Entity ids the two stories share. */
  shared: string[];
}

export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  entities: string[];
  summary: string[];
  // Optional extras:
  /** The language most of its articles are in. */
  lang?: string;
  /** Summary and key points per language of the story's articles, each sentence cited. */
  summaries?: Record<string, StorySentence[]>;
  keyPoints?: Record<string, StorySentence[]>;
  /** Related stories, most related first. */
  related?: RelatedStory[];
}

export interface Corpus {
  version: typeof CORPUS_SCHEMA_VERSION;
  /** Identifies this build of the corpus; a different value makes the background reload it. */
  build: string;
  articles: Article[];
  entities: Entity[];
  events: CorpusEvent[];
  stories: Story[];
}

export function emptyCorpus(build: string): Corpus {
  return { version: CORPUS_SCHEMA_VERSION, build, articles: [], entities: [], events: [], stories: [] };
}

export interface CorpusCounts {
  articles: number;
  entities: number;
  events: number;
  stories: number;
}

export function corpusCounts(c: Corpus): CorpusCounts {
  return {
    articles: c.articles.length,
    entities: c.entities.length,
    events: c.events.length,
    stories: c.stories.length,
  };
}

/** A problem found by {@link validateCorpus}, with a JSON path that says where. */
export interface CorpusProblem {
  path: string;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of untrusted corpus JSON (the required fields of schema v1, the optional
 * extras when present, duplicate ids). Returns every problem found, capped, so a bad file is
 * explained at once.
 */
export function validateCorpus(data: unknown, maxProblems = 50): { corpus: Corpus | null; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const report = (path: string, message: string) => {
    if (problems.length < maxProblems) problems.push({ path, message });
  };
  if (!isObj(data)) {
    report('$', 'expected an object');
    return { corpus: null, problems };
  }
  if (data.version !== CORPUS_SCHEMA_VERSION) report('$.version', `expected ${CORPUS_SCHEMA_VERSION}, got ${JSON.stringify(data.version)}`);
  if (typeof data.build !== 'string') report('$.build', 'expected a string');
  const str = (o: Record<string, unknown>, k: string, path: string, nullable = false) => {
    const v = o[k];
    if (!(typeof v === 'string' || (nullable && v === null)))
      report(`${path}.${k}`, nullable ? 'expected a string or null' : 'expected a string');
  };
  const strArr = (o: Record<string, unknown>, k: string, path: string) => {
    const v = o[k];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) report(`${path}.${k}`, 'expected an array of strings');
  };
  const int = (o: Record<string, unknown>, k: string, path: string) => {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) report(`${path}.${k}`, 'expected a non-negative integer');
  };
  /** An optional field: checked only when present (undefined counts as absent). */
  const opt = (o: Record<string, unknown>, k: string, check: () => void) => {
    if (o[k] !== undefined) check();
  };
  /** `o[k]` as an array of objects, each checked; reports a non-array or a non-object item. */
  const objArr = (o: Record<string, unknown>, k: string, path: string, check: (item: Record<string, unknown>, path: string) => void) => {
    const v = o[k];
    if (!Array.isArray(v)) return report(`${path}.${k}`, 'expected an array');
    v.forEach((item, i) => {
      const p = `${path}.${k}[${i}]`;
      if (!isObj(item)) report(p, 'expected an object');
      else check(item, p);
    });
  };
  /** A quoted sentence: text and index, and the article it is from unless `articleId` is false. */
  const cited = (articleId: boolean) => (c: Record<string, unknown>, path: string) => {
    str(c, 'text', path);
    if (articleId) str(c, 'articleId', path);
    int(c, 'sentence', path);
  };
  /** Per-language lists of cited sentences (a story's `summaries` and `keyPoints`). */
  const byLang = (o: Record<string, unknown>, k: string, path: string) => {
    const v = o[k];
    if (!isObj(v)) return report(`${path}.${k}`, 'expected an object of language → array');
    for (const lang of Object.keys(v)) objArr(v, lang, `${path}.${k}`, cited(true));
  };
  /** Sentence spans: [start, end) pairs of `body`, in order, inside it, no white space at their edges. */
  const spans = (a: Record<string, unknown>, path: string) => {
    const v = a.sentences;
    const body = typeof a.body === 'string' ? a.body : '';
    if (!Array.isArray(v)) return report(`${path}.sentences`, 'expected an array');
    let last = 0;
    v.forEach((span: unknown, i) => {
      const p = `${path}.sentences[${i}]`;
      const [start, end] = Array.isArray(span) && span.length === 2 ? (span as unknown[]) : [];
      const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
      if (!isIndex(start) || !isIndex(end)) return report(p, 'expected [start, end], two non-negative integers');
      if (start < last || end <= start || end > body.length)
        return report(p, `expected a span of the body after the previous one (body length ${body.length})`);
      const text = body.slice(start, end);
      if (text.trim() !== text) report(p, 'expected a span without white space at its edges');
      last = end;
    });
  };
  const list = (k: string, check: (o: Record<string, unknown>, path: string) => void) => {
    const v = data[k];
    if (!Array.isArray(v)) {
      report(`$.${k}`, 'expected an array');
      return;
    }
    const seen = new Set<unknown>();
    v.forEach((item, i) => {
      const path = `$.${k}[${i}]`;
      if (!isObj(item)) return report(path, 'expected an object');
      str(item, 'id', path);
      if (seen.has(item.id)) report(`${path}.id`, `duplicate id ${JSON.stringify(item.id)}`);
      seen.add(item.id);
      check(item, path);
    });
  };
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  list('articles', (a, p) => {
    for (const k of ['title', 'source', 'lang', 'body']) str(a, k, p);
    str(a, 'url', p, true);
    str(a, 'byline', p, true);
    if (a.published !== null && (typeof a.published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(a.published)))
      report(`${p}.published`, 'expected YYYY-MM-DD or null');
    strArr(a, 'summary', p);
    strArr(a, 'entities', p);
    opt(a, 'lead', () => str(a, 'lead', p, true));
    opt(a, 'storyId', () => str(a, 'storyId', p));
    opt(a, 'keyPoints', () => objArr(a, 'keyPoints', p, cited(false)));
    opt(a, 'sentences', () => spans(a, p));
  });
  const TYPES = new Set(['person', 'organization', 'product', 'place', 'event', 'concept', 'work']);
  list('entities', (e, p) => {
    str(e, 'name', p);
    if (!TYPES.has(e.type as string)) report(`${p}.type`, `unknown type ${JSON.stringify(e.type)}`);
    strArr(e, 'aliases', p);
    str(e, 'description', p, true);
    if (!Array.isArray(e.facts)) report(`${p}.facts`, 'expected an array');
    else
      e.facts.forEach((f, i) => {
        if (!isObj(f)) return report(`${p}.facts[${i}]`, 'expected an object');
        str(f, 'text', `${p}.facts[${i}]`);
        str(f, 'articleId', `${p}.facts[${i}]`);
        int(f, 'sentence', `${p}.facts[${i}]`);
      });
    opt(e, 'descriptions', () =>
      objArr(e, 'descriptions', p, (d, dp) => {
        cited(true)(d, dp);
        opt(d, 'kind', () => str(d, 'kind', dp));
      }),
    );
    opt(e, 'wikidata', () => str(e, 'wikidata', p, true));
    opt(e, 'mentionCount', () => int(e, 'mentionCount', p));
  });
  const PRECISIONS = new Set(['day', 'month', 'season', 'year', 'approximate']);
  list('events', (ev, p) => {
    if (typeof ev.date !== 'string' || !DATE.test(ev.date)) report(`${p}.date`, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
    if (!PRECISIONS.has(ev.precision as string)) report(`${p}.precision`, `unknown precision ${JSON.stringify(ev.precision)}`);
    str(ev, 'text', p);
    str(ev, 'articleId', p);
    int(ev, 'sentence', p);
    strArr(ev, 'entities', p);
    const optional: [string, Set<string>][] = [
      ['qualifier', new Set(['early', 'mid', 'late', 'about'])],
      ['season', new Set(['spring', 'summer', 'autumn', 'winter'])],
      ['span', new Set(['week', 'quarter', 'decade'])],
      ['kind', new Set(['report'])],
    ];
    for (const [k, allowed] of optional)
      if (k in ev && !allowed.has(ev[k] as string)) report(`${p}.${k}`, `unknown ${k} ${JSON.stringify(ev[k])}`);
    opt(ev, 'sources', () => objArr(ev, 'sources', p, cited(true)));
  });
  list('stories', (s, p) => {
    str(s, 'title', p);
    strArr(s, 'articleIds', p);
    strArr(s, 'entities', p);
    strArr(s, 'summary', p);
    opt(s, 'lang', () => str(s, 'lang', p));
    opt(s, 'summaries', () => byLang(s, 'summaries', p));
    opt(s, 'keyPoints', () => byLang(s, 'keyPoints', p));
    opt(s, 'related', () =>
      objArr(s, 'related', p, (r, rp) => {
        str(r, 'storyId', rp);
        if (typeof r.score !== 'number' || !Number.isFinite(r.score)) report(`${rp}.score`, 'expected a number');
        strArr(r, 'shared', rp);
      }),
    );
  });
  return { corpus: problems.length === 0 ? (data as unknown as Corpus) : null, problems };
}
