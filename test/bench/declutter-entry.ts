/**
 * The declutter benchmark's page-side code (bundled as one IIFE by test/e2e/declutter-bench.e2e.ts):
 * find the article with the corpus pipeline's extractor and hide the boilerplate around it, timed.
 */
import { findArticle } from '../../src/corpus/extract-html';
import { markBoilerplate } from '../../src/page/declutter/boilerplate';
import { createMarks } from '../../src/page/declutter/marks';

export interface RunResult {
  /** Elements hidden as boilerplate. */
  boilerplate: number;
  /** Main-thread time of the whole run (find + mark), ms. */
  ms: number;
  /** Of which finding the article, ms. */
  findMs: number;
}

export function run(): RunResult {
  const t0 = performance.now();
  const found = findArticle(document);
  const t1 = performance.now();
  const { boilerplate } = markBoilerplate(document, found, createMarks(document));
  const t2 = performance.now();
  return { boilerplate, ms: t2 - t0, findMs: t1 - t0 };
}
