/**
 * The corpus pipeline's stages after extraction, one article at a time (pipeline.ts runs them over
 * a whole build; the reading memory on one read article: contribution.ts): its dated event
 * candidates, its corpus record, a story's summaries, and the content hash that names a build.
 * Kept apart from extraction (extract-html.ts and Readability), which the background and the
 * options page do not load.
 */
import type { Article, Story, StorySentence } from '../core/corpus';
import { findAbsoluteTemporalExpressions, findTemporalExpressions } from '../core/dates/match';
import type { Sentence } from '../core/sentences';
import { type EventCandidate, leadSentence } from './events';
import { type SummaryInput, keyPoints, summarise } from './summarise';
import type { ExtractedArticle } from './types';

/** An article as the pipeline writes it: the contract's article with every optional extra present. */
export type CorpusArticle = Article & Required<Pick<Article, 'lead' | 'storyId' | 'keyPoints' | 'sentences'>>;

/** A story as the pipeline writes it: the contract's story with every optional extra present. */
export type CorpusStory = Story & Required<Pick<Story, 'lang' | 'summaries' | 'keyPoints' | 'related'>>;

/** An article prepared for the stages after extraction: its id, clean text and sentences. */
export interface PreparedArticle {
  id: string;
  extracted: ExtractedArticle;
  sentences: Sentence[];
}

const DAY = 86_400_000;

/**
 * The dated event candidates of one article: its own news (its lead at its publication date) and
 * every dated sentence. `entitiesIn(i)` names the entities of sentence i, `entityCounts` the
 * article's mentions per entity.
 */
export function eventCandidates(
  p: PreparedArticle,
  entitiesIn: (sentence: number) => string[],
  entityCounts: ReadonlyMap<string, number>,
): EventCandidate[] {
  const candidates: EventCandidate[] = [];
  const published = p.extracted.published;
  const found = p.sentences.map((s) =>
    published ? findTemporalExpressions(s.text, p.extracted.lang, published) : findAbsoluteTemporalExpressions(s.text, p.extracted.lang),
  );
  // The article's own news: its lead, at its publication date (undated articles have none).
  let reported = false;
  if (published) {
    const day = Date.parse(`${published}T00:00:00Z`);
    // "Before" by more than a week, whatever the precision: "2013", "för några veckor sedan".
    const ends = (date: string) => Date.parse(`${date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-28` : date}T00:00:00Z`);
    const lead = leadSentence({
      title: p.extracted.title,
      lang: p.extracted.lang,
      sentences: p.sentences.map((s) => s.text),
      entitiesIn,
      entityCounts,
      background: (i) => {
        const dates = found[i] ?? [];
        return dates.length > 0 && dates.every((t) => ends(t.date) < day - 7 * DAY);
      },
    });
    reported = lead !== null;
    if (lead !== null)
      candidates.push({
        articleId: p.id,
        sentence: lead,
        text: p.sentences[lead]?.text ?? '',
        date: published,
        precision: 'day',
        // The lead's names and what the article is most about: the news is about both.
        entities: [
          ...new Set([
            ...entitiesIn(lead),
            ...[...entityCounts]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 3)
              .map(([k]) => k),
          ]),
        ],
        kind: 'report',
      });
  }
  p.sentences.forEach((s, i) => {
    for (const t of found[i] ?? []) {
      // The day of publication is the article's own news, told once by its lead: "today",
      // "on Tuesday" (that very day) would repeat it on the timeline.
      if (reported && t.date === published) continue;
      candidates.push({
        articleId: p.id,
        sentence: i,
        text: s.text,
        date: t.date,
        precision: t.precision,
        qualifier: t.qualifier,
        season: t.season,
        span: t.span,
        entities: entitiesIn(i),
      });
    }
  });
  return candidates;
}

/** The summariser's input for an article: its sentences, each with how many entities it names. */
export function summaryInputOf(p: PreparedArticle, entitiesInSentence: (sentence: number) => number): SummaryInput[] {
  return p.sentences.map((s, i) => ({ text: s.text, entities: entitiesInSentence(i) }));
}

/** The corpus record of a prepared article: summary, key points, entities by mentions, story, sentence spans. */
export function articleRecord(
  p: PreparedArticle,
  input: readonly SummaryInput[],
  entityCounts: ReadonlyMap<string, number>,
  storyId: string,
): CorpusArticle {
  const e = p.extracted;
  const summary = summarise(input, e.lang, 3);
  return {
    id: p.id,
    title: e.title,
    source: e.source ?? '',
    url: e.url,
    published: e.published,
    lang: e.lang,
    byline: e.byline,
    lead: e.lead,
    body: e.body,
    summary: summary.map((s) => s.text),
    // Key points add to the summary: none repeats one of its sentences.
    keyPoints: keyPoints(input, e.lang, 5, new Set(summary.map((s) => s.index))).map((s) => ({ text: s.text, sentence: s.index })),
    entities: [...entityCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k),
    storyId,
    sentences: p.sentences.map((s) => [s.start, s.end]),
  };
}

/** A story member as its summaries need it: its id, language and summariser input. */
export interface StoryMemberText {
  id: string;
  lang: string;
  sentences: readonly SummaryInput[];
}

/**
 * A story's language, summaries and key points from its members, in member order: per language,
 * the summary, then key points that add to it (none repeats a summary sentence); the story speaks
 * the language most of its members are in (the first member's on a tie).
 */
export function storySummaries(members: readonly StoryMemberText[]): Pick<CorpusStory, 'lang' | 'summary' | 'summaries' | 'keyPoints'> {
  const langs = [...new Set(members.map((p) => p.lang))];
  const picks = langs.map((lang) => {
    const pool = members.filter((p) => p.lang === lang).flatMap((p) => p.sentences.map((s, i) => ({ ...s, articleId: p.id, sentence: i })));
    const cite = (s: { text: string; index: number }): StorySentence => ({
      text: s.text,
      articleId: pool[s.index]?.articleId ?? '',
      sentence: pool[s.index]?.sentence ?? 0,
    });
    const summary = summarise(pool, lang, 3);
    const points = keyPoints(pool, lang, 5, new Set(summary.map((s) => s.index)));
    return { lang, summary: summary.map(cite), keyPoints: points.map(cite) };
  });
  const count = (lang: string) => members.filter((p) => p.lang === lang).length;
  const lang = langs.sort((a, b) => count(b) - count(a))[0] ?? 'und';
  const summaries = Object.fromEntries(picks.map((p) => [p.lang, p.summary]));
  return {
    lang,
    summary: (summaries[lang] ?? []).map((s) => s.text),
    summaries,
    keyPoints: Object.fromEntries(picks.map((p) => [p.lang, p.keyPoints])),
  };
}

/** Two 32-bit FNV-1a variants of a string, as 16 hex digits: identifies a corpus build by its content. */
export function contentHash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
