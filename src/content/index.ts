/**
 * Content script entry (top frame of http/https pages, at document_end). Wires page/ and core/
 * to the background: hand the page's visible text to the background, which finds the corpus's
 * entities in it (warm, once for all tabs), highlight them without touching the page's DOM,
 * explain each in a hover card, and report a compact summary (language, words, date, entity
 * counts, top words) so the background can name the story.
 * New content is scanned in idle slices as it arrives; a single-page-app navigation starts over.
 * Kept small: it costs every page load.
 */
import type { PageSummary } from '../core/analysis';
import type { EntityCard } from '../core/cards';
import { MAX_PAGE_SAMPLE, MAX_SCAN_CHARS } from '../core/messages';
import { SeenNames } from '../core/page-names';
import { type PageMarkup, articleText, describePage } from '../page/collect';
import { readArticle, watchReading } from '../page/reading';
import { type Hit, type Via, createHighlighter } from '../page/highlight';
import { type ScanChunk, createScheduler } from '../page/scheduler';
import { contextValid, onBackgroundMessage } from '../platform/content';
import { send } from '../platform/messaging';
import { type CardUi, cardFactory } from './card-api';
import { ownDocumentId } from './document-id';

/** The least time between two reports of the page to the background (ms). */
const REPORT_DELAY = 400;

/** This document's id for the background (a reload of the same URL is another document; ./document-id.ts). */
const DOCUMENT_ID = ownDocumentId();
/**
 * A page whose text grows this much after a report (a skeleton filled in, a lazy body) is reported
 * again even without new names: it may have become an article, which declutter needs to know.
 * At most {@link GROWTH_REPORTS} such reports per page.
 */
const GROWTH_WORDS = 150;
const GROWTH_SHARE = 0.5;
const GROWTH_REPORTS = 4;

function main(): void {
  const alive = new AbortController();
  const stopIfGone = () => {
    if (!contextValid()) alive.abort();
    return !alive.signal.aborted;
  };

  /** Mentions per entity on this page. */
  const counts = new Map<string, number>();
  /** The fullest form of each name found on this page, sent with each chunk for a background that forgot the page. */
  const names = new SeenNames();
  /** This document's pages: a same-document navigation starts the next (the background keeps each page's names apart). */
  let page = 0;
  /** The answers to the chunks sent, handled in the order the chunks were sent. */
  let answered: Promise<void> = Promise.resolve();
  /** Matches in the last chunk answered: the scheduler backs off while chunks hold none. */
  let lastFound = 1;
  /** The start of the page's text as scanned (at most MAX_PAGE_SAMPLE characters), for the background to read its language and top words. */
  let sample: string[] = [];
  let sampleChars = 0;
  const cards = new Map<string, Promise<EntityCard | null>>();
  let highlightsOn = true;
  /** Where the last report's article test found the prose: an on-device digest reads its text without walking the page again. */
  let region: Element | null = null;

  /** The hover card, once the page's first card has loaded its code (./card-api.ts). */
  let card: CardUi | null = null;
  let cardLoading: Promise<CardUi | null> | null = null;
  /** The card's code: asked of the background once (it runs card.js in this world), then kept. */
  function loadCard(): Promise<CardUi | null> {
    if (card) return Promise.resolve(card);
    cardLoading ??= (async () => {
      if (!cardFactory()) {
        const res = await send({ type: 'content:load-card' });
        if (!res.ok || !res.value) return null;
      }
      const factory = cardFactory();
      card = factory && !alive.signal.aborted ? factory() : null;
      return card;
    })().finally(() => {
      cardLoading = null;
    });
    return cardLoading;
  }

  const highlighter = createHighlighter({
    onEnter: (hit, via) => void openCard(hit, via),
    onLeave: () => card?.leave(),
  });

  async function openCard(hit: Hit, via: Via): Promise<void> {
    let pending = cards.get(hit.id);
    if (!pending) {
      pending = send({ type: 'content:get-entity-card', entityId: hit.id }).then((r) => (r.ok ? r.value : null));
      cards.set(hit.id, pending);
    }
    const [data, ui] = await Promise.all([pending, loadCard()]);
    if (!data || !ui || alive.signal.aborted) return;
    ui.open(hit, via, data);
  }

  /** The whole-document walk is under way (the first pass, or the one after a navigation): the report waits for its end. */
  let passing = true;
  /** Words of the whole-document walk, and of what was added since (counted by the background as it scans). */
  let passWords = 0;
  let addedWords = 0;
  /** Words scanned since the page was last reported, the words then, and the growth reports made. */
  let newWords = 0;
  let reportedWords = 0;
  let growthReports = 0;
  /** The last report's markup (what a read article is made of), and the watch for reading (one per page, while memory would keep it). */
  let lastMarkup: PageMarkup | null = null;
  let reading: AbortController | null = null;
  /** This page was sent to be remembered: not again (a newer version comes with the next page load). */
  let remembered = false;

  /**
   * Sends one chunk of the page's text (the whole body comes in many: page/scheduler.ts) to the
   * background, which finds the corpus's entities in it; records and highlights them when the answer
   * comes. Returns what the last answer found, for the scheduler's back-off.
   */
  function scan({ map, pass }: ScanChunk): number {
    if (!stopIfGone()) return 0;
    if (map.text === '' || map.text.length > MAX_SCAN_CHARS) return 0;
    if (sampleChars < MAX_PAGE_SAMPLE) {
      const part = map.text.slice(0, MAX_PAGE_SAMPLE - sampleChars);
      sample.push(part);
      sampleChars += part.length + 1;
    }
    const forPage = page;
    const context = names.context();
    const answer = send({
      type: 'content:scan-text',
      text: map.text,
      document: DOCUMENT_ID,
      page: forPage,
      ...(context ? { context } : {}),
    });
    answered = answered
      .then(async () => {
        const res = await answer;
        if (!stopIfGone() || forPage !== page) return;
        const found = res.ok && res.value ? res.value.matches : [];
        const words = res.ok && res.value ? res.value.words : 0;
        if (pass) passWords += words;
        else {
          newWords += words;
          addedWords += words;
        }
        lastFound = found.length;
        for (const m of found) {
          counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
          names.add(m.id, map.text.slice(m.start, m.end));
        }
        highlighter.update(map, found);
        if (!passing && found.length > 0) scheduleReport();
        else if (!passing && growthReports < GROWTH_REPORTS && newWords >= Math.max(GROWTH_WORDS, GROWTH_SHARE * reportedWords)) {
          growthReports++;
          scheduleReport();
        }
      })
      .catch((e: unknown) => console.warn('[news-context]', e)); // one failed chunk does not stop the ones after it
    return lastFound;
  }

  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * At most one report per REPORT_DELAY, of the page as it is then. A throttle, not a debounce: a
   * page whose names change faster than that (a live ticker) must still be reported.
   */
  function scheduleReport(): void {
    reportTimer ??= setTimeout(() => {
      reportTimer = undefined;
      void report();
    }, REPORT_DELAY);
  }

  async function report(): Promise<void> {
    // The counts of every chunk sent so far.
    await answered;
    if (!stopIfGone()) return;
    const forPage = page;
    const markup = await describePage(document, location.href, { pause: () => new Promise((resolve) => setTimeout(resolve, 0)) });
    if (!stopIfGone() || forPage !== page) return;
    region = markup.region;
    lastMarkup = markup;
    const summary: PageSummary = {
      url: markup.url,
      title: markup.title,
      lang: markup.declared ?? 'und',
      langSource: markup.declared ? 'declared' : 'none',
      words: passWords + addedWords,
      published: markup.published,
      isArticle: markup.isArticle,
      entities: [...counts].map(([id, count]) => ({ id, count })),
      terms: [],
    };
    reportedWords = summary.words;
    newWords = 0;
    const res = await send({ type: 'content:page-analysed', page: summary, document: DOCUMENT_ID, sample: sample.join('\n') });
    if (!res.ok) {
      // An invalidated extension context (update, reload) answers "unavailable": stop quietly.
      if (res.error.code === 'unavailable') stopIfGone();
      else console.warn('[news-context]', res.error.message);
      return;
    }
    setHighlights(res.value.highlights);
    watchForReading(res.value.remember, forPage);
  }

  /** Reading memory: while the background would keep this page, watch for the reader reading it, then send the article. */
  function watchForReading(remember: boolean, forPage: number): void {
    if (!remember) {
      reading?.abort();
      reading = null;
      return;
    }
    const prose = region;
    if (remembered || reading || !prose) return;
    const watch = new AbortController();
    reading = watch;
    alive.signal.addEventListener('abort', () => watch.abort(), { signal: watch.signal });
    watchReading(
      prose,
      () => {
        if (!stopIfGone() || forPage !== page || !lastMarkup || remembered) return;
        remembered = true;
        void send({ type: 'content:remember', article: readArticle(document, lastMarkup), document: DOCUMENT_ID }).then((r) => {
          if (!r.ok) console.warn('[news-context] not remembered:', r.error.message);
        });
      },
      watch.signal,
    );
  }

  function setHighlights(on: boolean): void {
    if (on === highlightsOn) return;
    highlightsOn = on;
    highlighter.setEnabled(on);
    if (!on) card?.close();
  }

  const scheduler = createScheduler({
    root: document,
    signal: alive.signal,
    isContextValid: contextValid,
    scan,
    // The first report of a page follows its whole first pass, even when it named no entity at all.
    passDone: () => {
      passing = false;
      scheduleReport();
    },
    navigate: () => {
      // A new page in the same document: forget this one (a report still pending would describe the
      // new URL with nothing scanned yet); the scheduler walks the body again next, and reports after.
      passing = true;
      page++;
      passWords = addedWords = newWords = reportedWords = growthReports = sampleChars = 0;
      sample = [];
      clearTimeout(reportTimer);
      reportTimer = undefined;
      counts.clear();
      names.clear();
      region = null;
      lastMarkup = null;
      reading?.abort();
      reading = null;
      remembered = false;
      card?.close();
      highlighter.clear();
    },
  });
  const unlisten = onBackgroundMessage((m) => {
    if (m.type === 'background:switches') {
      setHighlights(m.highlights);
      // Report again: declutter switched on (a background that forgot this document, its service worker
      // stopped meanwhile, can run declutter here, bound to it), or reading memory switched on or off
      // (the answer says whether to watch for reading).
      if (!passing) scheduleReport();
      return undefined;
    }
    // The corpus changed (the reader forgot articles, imported a pack): read the page again from the start.
    if (m.type === 'background:rescan') {
      // Not a new page: one the reader asked to forget is not remembered again while they stay on it.
      const sent = remembered;
      scheduler.rescan();
      remembered = sent;
      return undefined;
    }
    // The side panel summarises the page on this device when no corpus story matched. ("Show everything"
    // is the declutter script's to answer.)
    return m.type === 'background:get-article-text' ? articleText(document, undefined, region) : undefined;
  });
  alive.signal.addEventListener('abort', () => {
    clearTimeout(reportTimer);
    unlisten();
    card?.dispose();
    highlighter.dispose();
  });
  scheduler.start();
}

main();
