/**
 * Contracts inside the corpus pipeline. Extraction (from a text dump or a saved HTML page) gives
 * an {@link ExtractedArticle}; the pipeline turns those into the corpus file (src/core/corpus.ts).
 */

/** One article as extracted from its source, before sentences, entities and events. */
export interface ExtractedArticle {
  title: string;
  /** The outlet ("Dagens PS", "News Journos"), or null when the source does not say. */
  source: string | null;
  url: string | null;
  /** YYYY-MM-DD, or null when no publication date was found. */
  published: string | null;
  /** BCP 47 primary subtag, or "und". */
  lang: string;
  byline: string | null;
  /** The standfirst/ingress when the page has one distinct from the body, else null. */
  lead: string | null;
  /** Clean article text: paragraphs separated by a blank line, no boilerplate. */
  body: string;
}

/** Why an input could not become an article: shown to the user with the file name. */
export class ExtractionError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ExtractionError';
  }
}
