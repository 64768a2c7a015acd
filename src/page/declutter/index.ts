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
