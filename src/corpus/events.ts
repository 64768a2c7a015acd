/**
 * Dated events for the timeline. Two kinds:
 * - background: every temporal expression in an article body (its sentence, its resolved date and
 *   precision, the entities of the sentence);
 * - the news itself ('report'): each dated article's lead, the sentence of its opening that says
 *   what happened ({@link leadSentence}), dated at the article's publication date.
 * The same event reported by several articles (dates that overlap, entities in common) is merged
 * into one that keeps every source, so the timeline shows it once and cites all of them.
 */
import type { CorpusEvent, DatePrecision } from '../core/corpus';
import { contentWords } from './summarise';

export interface EventSource {
  articleId: string;
  sentence: number;
  text: string;
}

/** A corpus event with every article that reports it (the first source is the contract's articleId/sentence/text). */
export interface MergedEvent extends CorpusEvent {
  sources: EventSource[];
}

export interface EventCandidate {
  articleId: string;
  sentence: number;
  text: string;
  date: string;
  precision: DatePrecision;
  qualifier?: CorpusEvent['qualifier'] | undefined;
  season?: CorpusEvent['season'] | undefined;
  span?: CorpusEvent['span'] | undefined;
  entities: readonly string[];
  /** 'report' for an article's own news (its lead at its publication date). */
  kind?: 'report' | undefined;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, season: 2, approximate: 3, year: 4 };

/**
 * Whether a candidate can be a report of an existing event: overlapping dates; and where either is
 * an article's own news, the same day ("2025" in one text is not the news of 2025-06-13).
 */
/** What {@link mergeable} compares of two events. */
type Dated = { date: string; precision: DatePrecision; kind?: 'report' | undefined };

function mergeable(e: Dated, c: Dated): boolean {
  if (e.kind === 'report' || c.kind === 'report') return e.date === c.date && e.precision === 'day' && c.precision === 'day';
  return datesOverlap(e.date, c.date);
}

/** Whether two dates can name the same moment: equal, or one contains the other ("2025-06" and "2025-06-13"). */
export function datesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Builds events from candidates in corpus order and merges reports of one event: overlapping
 * dates, at least one entity in common, from different articles. The merged event keeps the most
 * precise date and the union of entities. Looks up earlier events by year and entity, so a corpus
 * of thousands of articles does not compare every event with every other.
 */
export function buildEvents(candidates: readonly EventCandidate[]): MergedEvent[] {
  const events: MergedEvent[] = [];
  const seen = new Set<string>();
  /** Events by "year|entity": every date starts with its year, so overlapping dates share it. */
  const byYearEntity = new Map<string, Set<number>>();
  const perSentence = new Map<string, number>();
  for (const c of candidates) {
    // One event per sentence and date: a sentence naming the same date twice is one event.
    const key = `${c.articleId}#${c.sentence}#${c.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const year = c.date.slice(0, 4);
    // The earliest event that can be the same: overlapping date, a shared entity, another article.
    let same: MergedEvent | undefined;
    let sameAt = Infinity;
    for (const x of c.entities)
      for (const at of byYearEntity.get(`${year}|${x}`) ?? []) {
        if (at >= sameAt) continue;
        const e = events[at];
        if (e && mergeable(e, c) && !e.sources.some((s) => s.articleId === c.articleId)) {
          same = e;
          sameAt = at;
        }
      }
    const source = { articleId: c.articleId, sentence: c.sentence, text: c.text };
    const index = (at: number, entities: readonly string[]) => {
      for (const x of entities) {
        const k = `${year}|${x}`;
        const set = byYearEntity.get(k);
        if (set) set.add(at);
        else byYearEntity.set(k, new Set([at]));
      }
    };
    if (same) {
      // An article's own news tells the event better than a passing mention: it leads.
      if (c.kind === 'report' && same.kind !== 'report') {
        same.sources.unshift(source);
        same.articleId = c.articleId;
        same.sentence = c.sentence;
        same.text = c.text;
      } else same.sources.push(source);
      same.entities = [...new Set([...same.entities, ...c.entities])];
      index(sameAt, c.entities);
      if (c.kind === 'report') same.kind = 'report';
      if (PRECISION_RANK[c.precision] < PRECISION_RANK[same.precision]) {
        same.date = c.date;
        same.precision = c.precision;
        setRefinements(same, c);
      }
      continue;
    }
    const sentenceKey = `${c.articleId}#${c.sentence}`;
    const n = perSentence.get(sentenceKey) ?? 0;
    perSentence.set(sentenceKey, n + 1);
    const e: MergedEvent = {
      id: `ev-${c.articleId}-${c.sentence}-${n}`,
      date: c.date,
      precision: c.precision,
      text: c.text,
      articleId: c.articleId,
      sentence: c.sentence,
      entities: [...new Set(c.entities)],
      sources: [source],
    };
    setRefinements(e, c);
    if (c.kind === 'report') e.kind = 'report';
    index(events.length, e.entities);
    events.push(e);
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export interface LeadInput {
  title: string;
  lang: string;
  /** The body's sentences, in order. */
  sentences: readonly string[];
  /** The entities of sentence i. */
  entitiesIn: (i: number) => readonly string[];
  /** How often the article mentions each entity. */
  entityCounts: ReadonlyMap<string, number>;
  /** Whether sentence i is background: every date it states lies well before the publication date. */
  background: (i: number) => boolean;
}

/** How far into the body the lead is looked for (news puts what happened first). */
const LEAD_WINDOW = 8;
const WORD = /[\p{L}\p{N}]+/gu;

/** Two words are one when equal or when one begins the other and the shorter has 4+ letters ("Metas", "AI-pionjären"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/**
 * The sentence of an article's opening that says what happened: among the first sentences that
 * read as statements (six words or more, ending as a sentence ends) and are not background (every
 * date in them well before publication), the one that shares most with the headline, each
 * headline word weighted by how rare it is in the article: the headline's distinctive words
 * ("AI-pionjären", "invests") say what the news is, the name the whole article repeats does not.
 * The article's most-mentioned entities break ties; earlier sentences are slightly preferred.
 * Null when no opening sentence reads as a statement that shares a word with the headline.
 */
export function leadSentence(input: LeadInput): number | null {
  const words = input.sentences.map((s) => contentWords(s, input.lang));
  const headline = [...new Set(contentWords(input.title, input.lang))];
  const n = Math.max(1, input.sentences.length);
  // A headline word no sentence has can match none: it weighs nothing.
  const weight = headline.map((h) => {
    const df = words.filter((ws) => ws.some((w) => sameWord(w, h))).length;
    return df === 0 ? 0 : Math.log(1 + n / df);
  });
  const total = weight.reduce((x, y) => x + y, 0) || 1;
  const maxCount = Math.max(1, ...input.entityCounts.values());
  let best: number | null = null;
  let bestScore = -1;
  const last = Math.min(input.sentences.length, LEAD_WINDOW);
  for (let i = 0; i < last; i++) {
    const text = (input.sentences[i] ?? '').trim();
    if ((text.match(WORD) ?? []).length < 6 || text.length > 500) continue;
    if (!/[.!。．！…]["'”’»)]*$/u.test(text) || input.background(i)) continue;
    const own = words[i] ?? [];
    let shared = 0;
    headline.forEach((h, k) => {
      if (own.some((w) => sameWord(w, h))) shared += weight[k] ?? 0;
    });
    // A sentence that shares nothing with the headline does not tell its news (a feature's
    // scene-setting, a recipe's "This holiday season, …"): no event rather than a wrong one.
    if (shared === 0) continue;
    let salience = 0;
    for (const e of new Set(input.entitiesIn(i))) salience += (input.entityCounts.get(e) ?? 0) / maxCount;
    const score = (shared / total + 0.25 * Math.min(salience, 1)) * (1 - 0.04 * i);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** Copies the candidate's refinements (and only those) onto the event. */
function setRefinements(e: MergedEvent, c: EventCandidate): void {
  delete e.qualifier;
  delete e.season;
  delete e.span;
  if (c.qualifier) e.qualifier = c.qualifier;
  if (c.season) e.season = c.season;
  if (c.span) e.span = c.span;
}

/**
 * Merges stored events that report one event from different articles, as {@link buildEvents} merges
 * candidates: overlapping dates (the same day where either is an article's own news), an entity in
 * common, another article. For the events of the reader's own articles, stored apart (each article's
 * own): the timeline merges them as it reads them, so nothing merged is stored and forgetting an
 * article is deleting its events. `merges(e)` says which events may merge into another (the others,
 * merged when their corpus was built, are kept as they are); the more precise event leads. The
 * result keeps the input's order.
 */
export function mergeStoredEvents(events: readonly CorpusEvent[], merges: (e: CorpusEvent) => boolean): CorpusEvent[] {
  const kept: MergedEvent[] = [];
  const byYearEntity = new Map<string, number[]>();
  const keep = (ev: CorpusEvent, sources: EventSource[]) => {
    const at = kept.length;
    kept.push({ ...ev, entities: [...ev.entities], sources: [...sources] });
    for (const x of ev.entities) {
      const k = `${ev.date.slice(0, 4)}|${x}`;
      const list = byYearEntity.get(k);
      if (list) list.push(at);
      else byYearEntity.set(k, [at]);
    }
  };
  const byPrecision = (a: CorpusEvent, b: CorpusEvent) =>
    PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sourcesOf = (ev: CorpusEvent): EventSource[] =>
    ev.sources?.length ? ev.sources : [{ articleId: ev.articleId, sentence: ev.sentence, text: ev.text }];
  for (const ev of events.filter((e) => !merges(e))) keep(ev, sourcesOf(ev));
  for (const ev of events.filter(merges).sort(byPrecision)) {
    const sources = sourcesOf(ev);
    let same: MergedEvent | undefined;
    let sameAt = Infinity;
    for (const x of ev.entities)
      for (const at of byYearEntity.get(`${ev.date.slice(0, 4)}|${x}`) ?? []) {
        const e = kept[at];
        if (!e || at >= sameAt || !mergeable(e, ev)) continue;
        if (e.sources.some((s) => sources.some((t) => t.articleId === s.articleId))) continue;
        same = e;
        sameAt = at;
      }
    if (!same) {
      keep(ev, sources);
      continue;
    }
    if (ev.kind === 'report' && same.kind !== 'report') {
      same.sources.unshift(...sources);
      Object.assign(same, { articleId: ev.articleId, sentence: ev.sentence, text: ev.text, kind: 'report' as const });
    } else same.sources.push(...sources);
    same.entities = [...new Set([...same.entities, ...ev.entities])];
  }
  const order = new Map(events.map((e, i) => [e.id, i]));
  return kept.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
