/**
 * Entity matching for content scripts, done here, warm, instead of in every page: a content
 * script sends the visible text of its page in chunks (as its scheduler walks it) and gets back
 * where the corpus's entities are, to highlight them. One matcher per corpus build, compiled once
 * for all tabs. Each document keeps the fullest form seen of each entity so far, which goes in
 * front of its next chunk: a later "LeCun" still follows "Yann LeCun" of an earlier chunk.
 *
 * Bounded: a chunk is at most {@link MAX_SCAN_CHARS} (the protocol refuses more), the forms kept
 * per document at most {@link MAX_SEEN_CHARS}, documents at most {@link MAX_DOCUMENTS} (least
 * recently scanned first out). A stopped service worker forgets them all: the next chunk of a page
 * is then matched without its earlier names, which only costs a bare surname its highlight.
 */
import { type EntityMatch, type Matcher, createMatcher } from '../core/matcher';
import type { ScanAnswer } from '../core/messages';
import { countWords } from '../core/text';
import type { CorpusLoader } from './corpus-loader';

/** Documents whose seen forms are kept. */
export const MAX_DOCUMENTS = 64;
/** Characters of seen forms kept per document (the context prefixed to each chunk). */
export const MAX_SEEN_CHARS = 4000;
/** Matches answered per chunk (the highlighter caps what it shows anyway). */
export const MAX_MATCHES = 2000;

interface DocumentState {
  /** The content script's page counter: a same-document navigation starts a new page. */
  page: number;
  seen: Map<string, string>;
  seenChars: number;
}

export interface Scanner {
  /** Matches in `text`, a chunk of the page `page` of document `key`; null while no corpus is loaded. */
  scan: (key: string, page: number, text: string) => Promise<ScanAnswer | null>;
  /** Forgets the documents of a tab (closed, or gone elsewhere). */
  forgetTab: (tabId: number) => void;
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

  function stateOf(key: string, page: number): DocumentState {
    let state = docs.get(key);
    if (state?.page !== page) state = { page, seen: new Map(), seenChars: 0 };
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
    async scan(key, page, text) {
      const m = await matcherFor();
      if (!m) return null;
      const state = stateOf(key, page);
      if (text === '') return { build: m.build, matches: [], words: 0 };
      // Names already seen on the page go first, so that a later "LeCun" still follows "Yann LeCun".
      const context = [...state.seen.values()].join('\n');
      const prefix = context ? `${context}\n` : '';
      const matches: EntityMatch[] = [];
      for (const x of m.matcher.scan(prefix + text)) {
        if (x.start < prefix.length) continue;
        matches.push({ ...x, start: x.start - prefix.length, end: x.end - prefix.length });
        if (matches.length >= MAX_MATCHES) break;
      }
      for (const x of matches) {
        const before = state.seen.get(x.entityId);
        if ((before?.length ?? 0) >= x.text.length) continue;
        const grown = state.seenChars - (before?.length ?? 0) + x.text.length;
        if (grown > MAX_SEEN_CHARS) continue;
        state.seen.set(x.entityId, x.text);
        state.seenChars = grown;
      }
      return { build: m.build, matches: matches.map((x) => ({ id: x.entityId, start: x.start, end: x.end })), words: countWords(text) };
    },
    forgetTab(tabId) {
      const prefix = `${String(tabId)}:`;
      for (const key of [...docs.keys()]) if (key.startsWith(prefix)) docs.delete(key);
    },
    documents: () => docs.size,
    seenChars: (key) => docs.get(key)?.seenChars ?? 0,
  };
}
