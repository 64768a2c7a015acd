/**
 * Entity matching for content scripts, done here, warm, instead of in every page: a content
 * script sends the visible text of its page in chunks (as its scheduler walks it) and gets back
 * where the corpus's entities are, to highlight them. One matcher per corpus build, compiled once
 * for all tabs. Each document keeps the fullest form seen of each entity so far, which goes in
 * front of its next chunk: a later "LeCun" still follows "Yann LeCun" of an earlier chunk.
 *
 * Bounded: a chunk is at most {@link MAX_SCAN_CHARS} (the protocol refuses more), the forms kept
 * per document at most {@link MAX_SEEN_CHARS}, documents at most {@link MAX_DOCUMENTS} (least
 * recently scanned first out). A stopped service worker forgets them all: a page sends its own
 * names with each chunk (core/page-names.ts), and a document this worker does not know starts from
 * them.
 */
import { type EntityMatch, type Matcher, createMatcher } from '../core/matcher';
import type { ScanAnswer } from '../core/messages';
import { MAX_SEEN_CHARS, SeenNames } from '../core/page-names';
import { countWords } from '../core/text';
import type { CorpusLoader } from './corpus-loader';

/** Documents whose seen forms are kept. */
export const MAX_DOCUMENTS = 64;
export { MAX_SEEN_CHARS };
/** Matches answered per chunk (the highlighter caps what it shows anyway). */
export const MAX_MATCHES = 2000;

interface DocumentState {
  /** The content script's page counter: a same-document navigation starts a new page. */
  page: number;
  seen: SeenNames;
}

export interface Scanner {
  /**
   * Matches in `text`, a chunk of the page `page` of document `key`; null while no corpus is
   * loaded. `context`: the names the page has seen so far, one per line, for a document this
   * scanner does not know (it was started since).
   */
  scan: (key: string, page: number, text: string, context?: string) => Promise<ScanAnswer | null>;
  /** Forgets the documents of a tab (closed, or gone elsewhere). */
  forgetTab: (tabId: number) => void;
  /** The matcher of the corpus's alias table (null while no corpus is loaded): the names the corpus knows, in any text. */
  matcher: () => Promise<Matcher | null>;
  /** How many documents are kept (for tests). */
  documents: () => number;
  /** Characters of names kept for a document (for tests). */
  seenChars: (key: string) => number;
}

export function createScanner(loader: Pick<CorpusLoader, 'aliasTable'>): Scanner {
  let compiled: { build: string; matcher: Matcher } | null = null;
  const docs = new Map<string, DocumentState>();

  async function matcherFor(): Promise<{ build: string; matcher: Matcher } | null> {
    const table = await loader.aliasTable();
    if (!table) return null;
    if (compiled?.build !== table.build) compiled = { build: table.build, matcher: createMatcher(table.table) };
    return compiled;
  }

  function stateOf(key: string, page: number, context: string): DocumentState {
    let state = docs.get(key);
    if (state?.page !== page) {
      state = { page, seen: new SeenNames() };
      // A document this scanner does not know, or its next page: the page's own names (none on a new page).
      context.split('\n').forEach((form, i) => form && state?.seen.add(`page:${String(i)}`, form));
    }
    // Most recently used last: the first key is the one to drop.
    docs.delete(key);
    docs.set(key, state);
    while (docs.size > MAX_DOCUMENTS) {
      const oldest = docs.keys().next().value;
      if (oldest === undefined) break;
      docs.delete(oldest);
    }
    return state;
  }

  return {
    async scan(key, page, text, context = '') {
      const m = await matcherFor();
      if (!m) return null;
      const state = stateOf(key, page, context);
      if (text === '') return { build: m.build, matches: [], words: 0 };
      // Names already seen on the page go first, so that a later "LeCun" still follows "Yann LeCun".
      const seen = state.seen.context();
      const prefix = seen ? `${seen}\n` : '';
      const matches: EntityMatch[] = [];
      for (const x of m.matcher.scan(prefix + text)) {
        if (x.start < prefix.length) continue;
        matches.push({ ...x, start: x.start - prefix.length, end: x.end - prefix.length });
        if (matches.length >= MAX_MATCHES) break;
      }
      for (const x of matches) state.seen.add(x.entityId, x.text);
      return { build: m.build, matches: matches.map((x) => ({ id: x.entityId, start: x.start, end: x.end })), words: countWords(text) };
    },
    forgetTab(tabId) {
      const prefix = `${String(tabId)}:`;
      for (const key of [...docs.keys()]) if (key.startsWith(prefix)) docs.delete(key);
    },
    documents: () => docs.size,
    matcher: async () => (await matcherFor())?.matcher ?? null,
    seenChars: (key) => docs.get(key)?.seen.chars ?? 0,
  };
}
