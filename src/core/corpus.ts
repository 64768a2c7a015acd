/**
 * The corpus file contract (schema version 1, see ../shared/design.md). Produced by the corpus
 * pipeline, bundled as corpus.json and loaded into IndexedDB by the background.
 */

export const CORPUS_SCHEMA_VERSION = 1;

export type EntityType = 'person' | 'organization' | 'product' | 'place' | 'event' | 'concept' | 'work';
export type DatePrecision = 'day' | 'month' | 'season' | 'year' | 'approximate';

export interface Article {
  id: string;
  title: string;
  source: string;
  url: string | null;
  published: string; // YYYY-MM-DD
  lang: string;
  byline: string | null;
  body: string; // paragraphs separated by a blank line
  summary: string[];
  entities: string[];
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
}

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
}

export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  entities: string[];
  summary: string[];
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
 * Checks the shape of untrusted corpus JSON (the required fields of schema v1 and the ids that
 * refer to each other). Returns every problem found, capped, so a bad file is explained at once.
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
    if (typeof a.published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(a.published)) report(`${p}.published`, 'expected YYYY-MM-DD');
    strArr(a, 'summary', p);
    strArr(a, 'entities', p);
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
    ];
    for (const [k, allowed] of optional)
      if (k in ev && !allowed.has(ev[k] as string)) report(`${p}.${k}`, `unknown ${k} ${JSON.stringify(ev[k])}`);
  });
  list('stories', (s, p) => {
    str(s, 'title', p);
    strArr(s, 'articleIds', p);
    strArr(s, 'entities', p);
    strArr(s, 'summary', p);
  });
  return { corpus: problems.length === 0 ? (data as unknown as Corpus) : null, problems };
}
