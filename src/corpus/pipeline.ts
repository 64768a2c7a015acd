/**
 * The corpus pipeline: source files (text dumps or saved HTML pages) → clean articles →
 * sentences → entities → dated events → stories → summaries and key points → the corpus file
 * (schema v1, src/core/corpus.ts). Pure: it takes bytes and a Document parser and returns data,
 * so it runs in Node at build time (cli.ts, vite.config.ts) and, later, in the extension.
 * A bad input never stops the build: it becomes an error naming the file and the reason.
 */
import type { Article, Corpus, Story, StorySentence } from '../core/corpus';
import { findAbsoluteTemporalExpressions, findTemporalExpressions } from '../core/dates/match';
import { type Sentence, splitSentences } from '../core/sentences';
import { type Gazetteer, type Registry, discoverEntities } from './entities';
import { type EventCandidate, type MergedEvent, buildEvents, leadSentence } from './events';
import { extractHtml } from './extract-html';
import { extractText } from './extract-text';
import { clusterStories } from './stories';
import { type SummaryInput, contentWords, keyPoints, summarise } from './summarise';
import { type ExtractedArticle, ExtractionError } from './types';

export interface SourceFile {
  /** The file's name or path: it names the file in errors and gives the article its id. */
  name: string;
  bytes: Uint8Array;
}

export interface PipelineOptions {
  parseHtml: (html: string) => Document;
  registry: Registry;
  /** Places and personal names for typing entities (default: a small built-in list). */
  gazetteer?: Gazetteer;
  /** Larger inputs are refused (default 5 MB): no news article is that big. */
  maxBytes?: number;
}

export type { CitedSentence, StorySentence } from '../core/corpus';

/** An article as the pipeline writes it: the contract's article with every optional extra present. */
export type CorpusArticle = Article & Required<Pick<Article, 'lead' | 'storyId' | 'keyPoints' | 'sentences'>>;

/** A story as the pipeline writes it: the contract's story with every optional extra present. */
export type CorpusStory = Story & Required<Pick<Story, 'lang' | 'summaries' | 'keyPoints' | 'related'>>;

/** The corpus the pipeline builds: the contract of core/corpus.ts with the extras present. */
export interface BuiltCorpus extends Corpus {
  articles: CorpusArticle[];
  events: MergedEvent[];
  stories: CorpusStory[];
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Decodes a source file, refusing what cannot be an article: too large, empty, binary. */
export function decodeSource(file: SourceFile, maxBytes = DEFAULT_MAX_BYTES): { kind: 'html' | 'text'; text: string } {
  const { name, bytes } = file;
  if (bytes.length > maxBytes) {
    throw new ExtractionError(
      name,
      `too large: ${(bytes.length / 1048576).toFixed(1)} MB (the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`,
    );
  }
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new ExtractionError(name, 'binary data (NUL bytes), not a text or HTML article');
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (head.length > 0 && control / head.length > 0.05)
    throw new ExtractionError(name, 'binary data (control characters), not a text or HTML article');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: old pages are often Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  if (!/\S/.test(text)) throw new ExtractionError(name, 'empty');
  const html = /\.x?html?$/i.test(name) || /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
  return { kind: html ? 'html' : 'text', text };
}

/** One source file → one extracted article (throws ExtractionError with the reason). */
export function extractSource(file: SourceFile, opts: Pick<PipelineOptions, 'parseHtml' | 'maxBytes'>): ExtractedArticle {
  const { kind, text } = decodeSource(file, opts.maxBytes);
  try {
    return kind === 'html' ? extractHtml(opts.parseHtml(text), {}) : extractText(text, { name: file.name });
  } catch (e) {
    if (e instanceof ExtractionError) throw new ExtractionError(file.name, e.reason);
    throw new ExtractionError(
      file.name,
      `could not be read as ${kind === 'html' ? 'HTML' : 'text'}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** A stable, readable article id from a file name: "assets/seeds/000_ab.txt" → "000_ab". */
export function articleId(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  );
}

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

/** Something the reader of a build should know about an input that was kept (an undated article). */
export interface BuildWarning {
  source: string;
  message: string;
}

/** Builds the corpus from source files. Inputs are processed in name order, so the output is deterministic. */
export function buildCorpus(
  files: readonly SourceFile[],
  opts: PipelineOptions,
): { corpus: BuiltCorpus; errors: ExtractionError[]; warnings: BuildWarning[] } {
  const errors: ExtractionError[] = [];
  const extracted: { name: string; article: ExtractedArticle }[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    try {
      extracted.push({ name: file.name, article: extractSource(file, opts) });
    } catch (e) {
      errors.push(e instanceof ExtractionError ? e : new ExtractionError(file.name, e instanceof Error ? e.message : String(e)));
    }
  }
  return buildCorpusFromExtracted(extracted, errors, opts);
}

/**
 * Everything after extraction: `sources` in name order (as buildCorpus sorts the files), `errors`
 * the extraction errors (this adds its own and keeps them all in name order). Lets the extraction
 * run elsewhere (worker threads) with the same output.
 */
export function buildCorpusFromExtracted(
  sources: readonly { name: string; article: ExtractedArticle }[],
  errors: ExtractionError[],
  opts: Pick<PipelineOptions, 'registry' | 'gazetteer'>,
): { corpus: BuiltCorpus; errors: ExtractionError[]; warnings: BuildWarning[] } {
  const warnings: BuildWarning[] = [];
  const prepared: PreparedArticle[] = [];
  const ids = new Set<string>();
  for (const { name, article } of sources) {
    const file = { name };
    const extracted = article;
    try {
      if (!extracted.body.trim()) throw new ExtractionError(file.name, 'no article text found');
      // Both extractors give a headline or the article's opening words; an empty one is a broken input.
      if (!extracted.title.trim()) throw new ExtractionError(file.name, 'no title found');
      // Undated is not an error: the article is kept, its absolute dates still become events.
      if (!extracted.published)
        warnings.push({
          source: file.name,
          message: 'no publication date found: kept as undated (relative dates in it are not placed on the timeline)',
        });
      let id = articleId(file.name);
      for (let n = 2; ids.has(id); n++) id = `${articleId(file.name)}-${n}`;
      ids.add(id);
      // The article as a reader sees it: the standfirst, then the text. Events, facts and
      // summaries cite sentences of this body, so the lead's own dates and names count too.
      const body = extracted.lead ? `${extracted.lead}\n\n${extracted.body}` : extracted.body;
      prepared.push({
        id,
        extracted: { ...extracted, body },
        sentences: splitSentences(body, extracted.lang),
      });
    } catch (e) {
      errors.push(e instanceof ExtractionError ? e : new ExtractionError(file.name, e instanceof Error ? e.message : String(e)));
    }
  }

  // In name order, as if extraction and these checks ran in one pass (a stable sort: the names are sorted).
  errors.sort((a, b) => a.source.localeCompare(b.source));

  const { entities, mentions } = discoverEntities(
    prepared.map((p) => ({ id: p.id, lang: p.extracted.lang, title: p.extracted.title, sentences: p.sentences })),
    opts.registry,
    opts.gazetteer,
  );
  // One pass over the mentions: the entities of each sentence, the mention counts of each article.
  const sentenceEntities = new Map<string, Set<string>>();
  const articleCounts = new Map<string, Map<string, number>>();
  for (const m of mentions) {
    const key = `${m.articleId}#${m.sentence}`;
    let inSentence = sentenceEntities.get(key);
    if (!inSentence) sentenceEntities.set(key, (inSentence = new Set<string>()));
    inSentence.add(m.entityId);
    let counts = articleCounts.get(m.articleId);
    if (!counts) articleCounts.set(m.articleId, (counts = new Map<string, number>()));
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  }
  const entitiesIn = (articleId: string, sentence: number) => [...(sentenceEntities.get(`${articleId}#${sentence}`) ?? [])];
  const entityCounts = (articleId: string): ReadonlyMap<string, number> => articleCounts.get(articleId) ?? new Map<string, number>();

  const candidates = prepared.flatMap((p) => eventCandidates(p, (i) => entitiesIn(p.id, i), entityCounts(p.id)));
  const events = buildEvents(candidates);

  const clusters = clusterStories(
    prepared.map((p) => ({
      id: p.id,
      title: p.extracted.title,
      lang: p.extracted.lang,
      published: p.extracted.published,
      entities: entityCounts(p.id),
      words: contentWords(p.extracted.body, p.extracted.lang),
    })),
  );
  const storyOf = new Map(clusters.flatMap((c) => c.articleIds.map((a) => [a, c.id] as const)));

  const summaryInput = (p: PreparedArticle) => summaryInputOf(p, (i) => entitiesIn(p.id, i).length);
  const articles: CorpusArticle[] = prepared.map((p) => articleRecord(p, summaryInput(p), entityCounts(p.id), storyOf.get(p.id) ?? ''));

  const byId = new Map(prepared.map((p) => [p.id, p]));
  const stories: CorpusStory[] = clusters.map((c) => {
    const members = c.articleIds.map((id) => byId.get(id)).filter((p): p is PreparedArticle => p !== undefined);
    const { lang, summary, summaries, keyPoints } = storySummaries(
      members.map((p) => ({ id: p.id, lang: p.extracted.lang, sentences: summaryInput(p) })),
    );
    return {
      id: c.id,
      title: c.title,
      lang,
      articleIds: c.articleIds,
      entities: c.entities,
      summary,
      summaries,
      keyPoints,
      related: c.related,
    };
  });

  const draft = { version: 1 as const, build: '', articles, entities, events, stories };
  return { corpus: { ...draft, build: contentHash(JSON.stringify(draft)) }, errors, warnings };
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
