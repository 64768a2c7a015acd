/**
 * The corpus pipeline: source files (text dumps or saved HTML pages) → clean articles →
 * sentences → entities → dated events → stories → summaries and key points → the corpus file
 * (schema v1, src/core/corpus.ts). Pure: it takes bytes and a Document parser and returns data,
 * so it runs in Node at build time (cli.ts, vite.config.ts) and, later, in the extension.
 * A bad input never stops the build: it becomes an error naming the file and the reason.
 */
import type { Corpus } from '../core/corpus';
import { splitSentences } from '../core/sentences';
import { type Gazetteer, type Registry, discoverEntities } from './entities';
import { type MergedEvent, buildEvents } from './events';
import { extractHtml } from './extract-html';
import { extractText } from './extract-text';
import { clusterStories } from './stories';
import { contentWords } from './summarise';
import {
  type CorpusArticle,
  type CorpusStory,
  type PreparedArticle,
  articleRecord,
  contentHash,
  eventCandidates,
  storySummaries,
  summaryInputOf,
} from './stages';
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
export type { CorpusArticle, CorpusStory, PreparedArticle, StoryMemberText } from './stages';
export { articleRecord, contentHash, eventCandidates, storySummaries, summaryInputOf } from './stages';

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
