/**
 * Dated events for the timeline: every temporal expression in an article body becomes an event
 * (its sentence, its resolved date and precision, the entities of the sentence). The same event
 * reported by several articles (dates that overlap, entities in common) is merged into one that
 * keeps every source, so the timeline shows it once and cites all of them.
 */
import type { CorpusEvent, DatePrecision } from '../core/corpus';

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
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, season: 2, approximate: 3, year: 4 };

/** Whether two dates can name the same moment: equal, or one contains the other ("2025-06" and "2025-06-13"). */
export function datesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Builds events from candidates in corpus order and merges reports of one event: overlapping
 * dates, at least one entity in common, from different articles. The merged event keeps the most
 * precise date and the union of entities.
 */
export function buildEvents(candidates: readonly EventCandidate[]): MergedEvent[] {
  const events: MergedEvent[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    // One event per sentence and date: a sentence naming the same date twice is one event.
    const key = `${c.articleId}#${c.sentence}#${c.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = events.find(
      (e) =>
        datesOverlap(e.date, c.date) &&
        !e.sources.some((s) => s.articleId === c.articleId) &&
        c.entities.some((x) => e.entities.includes(x)),
    );
    const source = { articleId: c.articleId, sentence: c.sentence, text: c.text };
    if (same) {
      same.sources.push(source);
      same.entities = [...new Set([...same.entities, ...c.entities])];
      if (PRECISION_RANK[c.precision] < PRECISION_RANK[same.precision]) {
        same.date = c.date;
        same.precision = c.precision;
        setRefinements(same, c);
      }
      continue;
    }
    const e: MergedEvent = {
      id: `ev-${c.articleId}-${c.sentence}-${events.filter((x) => x.articleId === c.articleId && x.sentence === c.sentence).length}`,
      date: c.date,
      precision: c.precision,
      text: c.text,
      articleId: c.articleId,
      sentence: c.sentence,
      entities: [...new Set(c.entities)],
      sources: [source],
    };
    setRefinements(e, c);
    events.push(e);
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
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
