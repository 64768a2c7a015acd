/**
 * Declutter on a live page: find the article with the corpus pipeline's own extractor, hide the
 * boilerplate around it, undo ad-blocker walls, and keep watching for walls that come back. All
 * of it through ./marks (data attributes and one stylesheet), so {@link PageDeclutter.revert}
 * gives the page back exactly as it was.
 *
 * The work runs when the page is idle (the reader's first paint and input come first), in one
 * slice whose main-thread time the declutter benchmark measures (test/e2e/declutter-bench.e2e.ts).
 */
import { findArticle } from '../../corpus/extract-html';
import { markBoilerplate } from './boilerplate';
import { type Marks, createMarks } from './marks';
import { undoWalls, watchWalls } from './walls';

export interface DeclutterCounts {
  /** Declutter is applied on the page. */
  active: boolean;
  walls: number;
  boilerplate: number;
}

export interface PageDeclutter {
  /** Declutters the page (again, after a revert); a no-op while applied. */
  apply(): void;
  /** "Show everything": every change undone at once, the watch stopped. */
  revert(): void;
  counts(): DeclutterCounts;
}

export interface DeclutterOptions {
  /** Called whenever the counts change (applied, a wall came back and was hidden, reverted). */
  onChange?: (counts: DeclutterCounts) => void;
  /** How long to keep watching for walls that come back (ms). */
  watchMs?: number;
}

/**
 * Pages past these sizes are left as they are: finding the article in them would be one long task
 * (hundreds of ms: Readability works on a copy of the whole page), and they are not news articles
 * but machine-made or hostile pages. Real articles are far below (the 88 benchmark pages: at most
 * 1,600 elements and 81,000 characters of text).
 */
export const DECLUTTER_LIMITS = { elements: 20_000, textChars: 500_000 };

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

export function declutterPage(doc: Document, view: Window, opts: DeclutterOptions = {}): PageDeclutter {
  let marks: Marks | null = null;
  let stopWatch: (() => void) | null = null;
  let cancel: (() => void) | null = null;

  const counts = (): DeclutterCounts => {
    if (!marks) return { active: false, walls: 0, boilerplate: 0 };
    const c = marks.counts();
    return { active: true, walls: c.wall, boilerplate: c.boilerplate };
  };
  const changed = () => opts.onChange?.(counts());

  const run = (m: Marks) => {
    cancel = null;
    if (tooBigToDeclutter(doc)) {
      changed();
      return;
    }
    // Walls first: a bait detector hides the article (display: none) and shows only its appeal, so the
    // article finder would take the appeal for the article. Undone, the article is there to find; and a
    // wall is undone as a wall (its scroll lock and blur too), never merely hidden as boilerplate.
    undoWalls(doc, view, m);
    const found = findArticle(doc);
    markBoilerplate(doc, found, m);
    stopWatch = watchWalls(doc, view, m, {
      article: found.root,
      ...(opts.watchMs === undefined ? {} : { durationMs: opts.watchMs }),
      onChange: changed,
    });
    changed();
  };

  return {
    apply() {
      if (marks) return;
      const m = createMarks(doc);
      marks = m;
      cancel = whenIdle(view, () => run(m));
    },
    revert() {
      if (!marks) return;
      cancel?.();
      stopWatch?.();
      cancel = stopWatch = null;
      marks.revert();
      marks = null;
      changed();
    },
    counts,
  };
}
