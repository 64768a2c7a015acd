/**
 * Declutter on a live page: undo ad-blocker walls (on every page where declutter is on) and, on
 * article pages, hide the boilerplate around the article; keep watching for walls that come back
 * and for an article that arrives or grows late. All of it through ./marks (data attributes and
 * one stylesheet), so {@link PageDeclutter.revert} gives the page back exactly as it was.
 *
 * The article finder and the boilerplate rules are passed in ({@link DeclutterOptions.article}), so that the walls-only
 * script, which runs on every page, never carries it. The work runs when the page is idle (the
 * reader's first paint and input come first), in slices whose main-thread time the declutter
 * benchmark measures (test/e2e/declutter-bench.e2e.ts).
 */
import type { DeclutterCounts } from '../../core/analysis';
import type { ArticleParts } from './boilerplate';
import { type Marks, createMarks } from './marks';
import { undoWalls, watchWalls } from './walls-undo';

export type { DeclutterCounts };

export interface ArticleDeclutter {
  find: (doc: Document) => ArticleParts;
  mark: (doc: Document, article: ArticleParts, marks: Marks) => unknown;
}

export interface PageDeclutter {
  /** Declutters the page (again, after a revert); a no-op while applied. */
  apply(): void;
  /** "Show everything": every change undone at once, the watches stopped. */
  revert(): void;
  /**
   * Looks again soon (a single-page-app navigation, or the script run again for this document):
   * walls and, when `article` (the default) and a finder was given, the article. With `article`
   * false (the page is no longer an article) the boilerplate verdicts are taken back at once.
   */
  refresh(article?: boolean): void;
  /** Stops watching and listening, leaving the marks on the page for a successor to adopt. */
  dispose(): void;
  counts(): DeclutterCounts;
}

export interface DeclutterOptions {
  /** Called whenever the counts change (applied, a wall came back and was hidden, reverted). */
  onChange?: (counts: DeclutterCounts) => void;
  /** How long to keep watching for walls that come back (ms). */
  watchMs?: number;
  /**
   * How the boilerplate around the article is found and hidden (declutter.js passes the corpus
   * pipeline's findArticle and ./boilerplate's markBoilerplate). Without it only walls are undone:
   * the mode of every page that is not an article, whose script then carries neither.
   */
  article?: ArticleDeclutter;
  /** Take over the marks an earlier script left in this document (walls-only, then full). */
  adopt?: boolean;
  /** How the article's growth is watched: at most `reruns` more boilerplate passes within `windowMs`, checked every `checkMs`. */
  late?: { reruns?: number; windowMs?: number; checkMs?: number };
}

/**
 * Past these sizes the boilerplate is left alone (walls are still undone): finding the article
 * is one task whose time grows with the text (Readability and the cleaning rules on a copy of the
 * prose: about 50 ms for 81,000 characters, 65-115 ms for 200,000 on a 2-core machine), and past
 * them it would be a long task. Real articles are below (the 88 benchmark pages: at most 1,600
 * elements and 81,000 characters of text); longer pages are machine-made, hostile, or carry
 * hundreds of comments.
 */
export const DECLUTTER_LIMITS = { elements: 20_000, textChars: 100_000 };

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether the page is past {@link DECLUTTER_LIMITS}; a walk that stops as soon as it knows, so it costs at most the limits. */
export function tooBigToDeclutter(doc: Document, limits = DECLUTTER_LIMITS): boolean {
  const walker = doc.createTreeWalker(doc.documentElement, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let elements = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      if (++elements > limits.elements) return true;
    } else if (!NOT_TEXT.has(n.parentNode?.nodeName ?? '')) {
      chars += n.nodeValue?.length ?? 0;
      if (chars > limits.textChars) return true;
    }
  }
  return false;
}

/** Runs `work` when the page is idle (at the latest after `timeout` ms); returns a cancel. Chrome and Firefox both have requestIdleCallback. */
function whenIdle(view: Window, work: () => void, timeout = 1000): () => void {
  const id = view.requestIdleCallback(work, { timeout });
  return () => view.cancelIdleCallback(id);
}

const wordsOf = (article: ArticleParts) => article.blocks.reduce((n, b) => n + (b.text.match(/\S+/g)?.length ?? 0), 0);

/** The article has grown enough to look again: this many more characters of page text, and this share. */
const GROWTH_CHARS = 400;
const GROWTH_SHARE = 0.2;

export function declutterPage(doc: Document, view: Window, opts: DeclutterOptions = {}): PageDeclutter {
  let marks: Marks | null = null;
  let stopWatch: (() => void) | null = null;
  let stopLate: (() => void) | null = null;
  let cancel: (() => void) | null = null;
  let skipped: DeclutterCounts['skipped'];
  let adopt = opts.adopt ?? false;
  /** What the last boilerplate pass found: its article's words and the page's text length then. */
  let lastWords = 0;
  let lastChars = 0;
  let runs = 0;
  /** Whether the boilerplate is looked for: the page is an article (it may stop being one after a navigation). */
  let articleOn = opts.article !== undefined;
  const maxReruns = opts.late?.reruns ?? 4;

  const counts = (): DeclutterCounts => {
    if (!marks) return { active: false, walls: 0, boilerplate: 0 };
    const c = marks.counts();
    return { active: true, walls: c.wall, boilerplate: c.boilerplate, ...(skipped ? { skipped } : {}) };
  };
  const changed = () => opts.onChange?.(counts());
  const textChars = () => (doc.body as HTMLElement | null)?.textContent.length ?? 0;

  /**
   * One boilerplate pass. A later pass (the article grew) replaces the earlier verdicts in one
   * task, so nothing the article holds is ever hidden in between; a pass that finds less article
   * than the last one (a re-render, a skeleton again) changes nothing.
   */
  const boilerplatePass = (m: Marks, article: ArticleDeclutter): Element | null => {
    const found = article.find(doc);
    const words = wordsOf(found);
    lastChars = textChars();
    runs++;
    if (words < lastWords) return null;
    lastWords = words;
    const before = new Set(m.marked('boilerplate'));
    const chosen = new Set<Element>();
    // Decide on a staging copy of the marks: the earlier boilerplate counts as shown, walls as hidden.
    const staging: Marks = {
      ...m,
      hide: (el, kind) => {
        if (kind !== 'boilerplate' || chosen.has(el)) return false;
        chosen.add(el);
        return true;
      },
      isHidden: (el) => chosen.has(el) || (m.isHidden(el) && m.kindOf(el) !== 'boilerplate'),
    };
    article.mark(doc, found, staging);
    for (const el of before) if (!chosen.has(el)) m.unmark(el);
    for (const el of chosen) m.hide(el, 'boilerplate');
    return found.root;
  };

  /** Watches, bounded, for the article arriving or growing after the first pass (skeletons, lazy bodies, navigations). */
  const watchLate = (m: Marks, article: ArticleDeclutter): (() => void) => {
    const windowMs = opts.late?.windowMs ?? 30_000;
    const checkMs = opts.late?.checkMs ?? 1000;
    let dirty = false;
    let pending: (() => void) | null = null;
    const observer = new MutationObserver(() => {
      dirty = true;
    });
    const body = doc.body as HTMLElement | null;
    if (body) observer.observe(body, { childList: true, subtree: true, characterData: true });
    const timer = setInterval(() => {
      if (!dirty || pending || marks !== m) return;
      dirty = false;
      const chars = textChars();
      if (chars - lastChars < GROWTH_CHARS || chars < lastChars * (1 + GROWTH_SHARE)) return;
      if (tooBigToDeclutter(doc)) {
        skipped = 'too-big';
        stop();
        changed();
        return;
      }
      pending = whenIdle(view, () => {
        pending = null;
        if (marks !== m) return;
        boilerplatePass(m, article);
        // The pass's own marks are no news to the watch.
        observer.takeRecords();
        changed();
        if (runs > maxReruns) stop();
      });
    }, checkMs);
    const deadline = setTimeout(() => stop(), windowMs);
    const stop = () => {
      observer.disconnect();
      clearInterval(timer);
      clearTimeout(deadline);
      pending?.();
      pending = null;
    };
    return stop;
  };

  /**
   * Walls first, on every page, in a slice of their own: a bait detector hides the article (display:
   * none) and shows only its appeal, so the article finder would take the appeal for the article.
   * Undone, the article is there to find; and a wall is undone as a wall (its scroll lock and blur
   * too), never merely hidden as boilerplate. The wall scan is bounded on any page (walls.ts). The
   * article finder, which runs cold on the page's first visit, gets the next idle slice to itself.
   */
  const run = (m: Marks) => {
    cancel = null;
    undoWalls(doc, view, m);
    const article = articleOn ? opts.article : undefined;
    const watch = (root: Element | null) => {
      stopWatch = watchWalls(doc, view, m, {
        ...(root ? { article: root } : {}),
        ...(opts.watchMs === undefined ? {} : { durationMs: opts.watchMs }),
        onChange: changed,
      });
      changed();
    };
    if (!article) return watch(null);
    if (tooBigToDeclutter(doc)) {
      skipped = 'too-big';
      return watch(null);
    }
    changed();
    cancel = whenIdle(view, () => {
      cancel = null;
      if (marks !== m) return;
      const root = boilerplatePass(m, article);
      stopLate = watchLate(m, article);
      watch(root);
    });
  };

  const stopAll = () => {
    cancel?.();
    stopWatch?.();
    stopLate?.();
    cancel = stopWatch = stopLate = null;
  };

  return {
    apply() {
      if (marks) return;
      const m = createMarks(doc, { adopt });
      adopt = false;
      marks = m;
      cancel = whenIdle(view, () => run(m));
    },
    revert() {
      if (!marks) return;
      stopAll();
      marks.revert();
      marks = null;
      skipped = undefined;
      lastWords = lastChars = runs = 0;
      changed();
    },
    refresh(article = true) {
      const m = marks;
      if (!m) return;
      articleOn = article && opts.article !== undefined;
      if (!articleOn) {
        for (const el of m.marked('boilerplate')) m.unmark(el);
        skipped = undefined;
      }
      stopAll();
      // A new article (a navigation within the page) is judged afresh, with a fresh budget.
      lastWords = lastChars = runs = 0;
      cancel = whenIdle(view, () => run(m));
    },
    dispose() {
      stopAll();
      marks = null;
    },
    counts,
  };
}
