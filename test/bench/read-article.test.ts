/**
 * Reading memory's article body on real pages: for each of the 88 pages of
 * ../shared/bench/declutter (parsed with linkedom), describePage, then readArticle on its region,
 * then parseReadArticle as the background does; the body is scored against the human ground truth
 * by the bench's rule (score.ts). The corpus pipeline's extractHtml is measured on the same pages
 * in the same run, for comparison. Prints the figures per half (ids 0-3, which the page-side rules
 * were tuned on, and 4-7), how many pages give no article at all, and the worst pages; asserts
 * only a loose floor, so a gross regression fails.
 *
 * READ_BENCH_DETAIL=1 prints every page; READ_BENCH_PAGE=<id prefix> prints that page's body next
 * to its ground truth.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { ExtractionError } from '../../src/corpus/types';
import { parseReadArticle } from '../../src/core/memory';
import { describePage } from '../../src/page/collect';
import { readArticle } from '../../src/page/reading';
import { benchAvailable, loadBenchPages } from './pages';
import { type PageScore, pageF1, scorePage, summarise } from './score';

/** Loose: well under today's figures on each half, to catch a gross regression only. */
const F1_FLOOR = 0.5;

const fmt = (x: number) => x.toFixed(3);

interface Row {
  id: string;
  url: string;
  /** Why the page gives no article, or null when it gives one. */
  none: 'not an article' | 'parseReadArticle null' | null;
  ours: PageScore;
  pipeline: PageScore;
  body: string;
  truth: string;
}

async function readPage(p: { id: string; url: string; html: string; truth: string }): Promise<Row> {
  const doc = parseHTML(p.html).document;
  const markup = await describePage(doc, p.url);
  const article = parseReadArticle(readArticle(doc, markup));
  const body = markup.isArticle && article ? article.body : '';
  const none = !markup.isArticle ? 'not an article' : article ? null : 'parseReadArticle null';
  let pipelineBody = '';
  try {
    pipelineBody = extractHtml(parseHTML(p.html).document, { url: p.url, name: p.id }).body;
  } catch (e) {
    if (!(e instanceof ExtractionError)) throw e;
  }
  return { id: p.id, url: p.url, none, ours: scorePage(body, p.truth), pipeline: scorePage(pipelineBody, p.truth), body, truth: p.truth };
}

describe.skipIf(!benchAvailable())('reading memory: the read article body on the 88 bench pages', () => {
  it('keeps most of each article, in both halves', { timeout: 180_000 }, async () => {
    const pages = loadBenchPages();
    expect(pages).toHaveLength(88);
    const rows: Row[] = [];
    for (const p of pages) rows.push(await readPage(p));

    // The halves as the other benches split them: ids 0-3 (tuned) and 4-7 (checked).
    const halves = [
      { name: 'ids 0-3 (tuned)', rows: rows.filter((r) => /^[0-3]/.test(r.id)) },
      { name: 'ids 4-7        ', rows: rows.filter((r) => !/^[0-3]/.test(r.id)) },
      { name: 'all 88         ', rows },
    ].map((h) => ({
      ...h,
      ours: summarise(h.rows.map((r) => r.ours)),
      pipeline: summarise(h.rows.map((r) => r.pipeline)),
      none: h.rows.filter((r) => r.none).length,
    }));
    const worst = [...rows].sort((a, b) => pageF1(a.ours) - pageF1(b.ours));
    console.log(
      [
        '',
        `read article body (describePage, readArticle, parseReadArticle), ${String(rows.length)} pages, 4-word shingles, means over pages`,
        '| pages           | readArticle P | R     | F1    | no article | extractHtml P | R     | F1    |',
        '| --------------- | ------------- | ----- | ----- | ---------- | ------------- | ----- | ----- |',
        ...halves.map(
          (h) =>
            `| ${h.name} | ${fmt(h.ours.precision)}         | ${fmt(h.ours.recall)} | ${fmt(h.ours.f1)} | ${String(h.none).padStart(2)}/${String(h.rows.length).padEnd(7)} | ${fmt(h.pipeline.precision)}         | ${fmt(h.pipeline.recall)} | ${fmt(h.pipeline.f1)} |`,
        ),
        'worst pages (readArticle):',
        ...(process.env.READ_BENCH_DETAIL ? worst : worst.slice(0, 8)).map(
          (r) =>
            `  ${r.id.slice(0, 10)} P ${fmt(r.ours.precision)} R ${fmt(r.ours.recall)} F1 ${fmt(pageF1(r.ours))} (extractHtml ${fmt(pageF1(r.pipeline))})${r.none ? ` [${r.none}]` : ''}  ${r.url.slice(0, 80)}`,
        ),
      ].join('\n'),
    );
    const focus = process.env.READ_BENCH_PAGE;
    if (focus)
      for (const r of rows.filter((x) => x.id.startsWith(focus))) console.log(`--- OURS ${r.id}\n${r.body}\n--- TRUTH\n${r.truth}`);

    for (const h of halves) expect(h.ours.f1, h.name).toBeGreaterThan(F1_FLOOR);
  });
});
