/**
 * The publication-date finder on whole pages written for it (test/fixtures/dates/): each carries
 * its own date among traps (a masthead's date, related posts, comments, an embedded post, a
 * footer's date, an update shown first, a video uploaded earlier, broken JSON-LD). extractHtml
 * must report the same date.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { findPublished, type Published } from '../../src/corpus/html/published';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dates/${name}`, import.meta.url), 'utf8');

const CASES: [file: string, url: string, expected: Published][] = [
  ['de-blog-traps.html', 'https://lindenau.example/gemeinderat-steinbruecke/', { date: '2019-11-18', source: 'byline' }],
  ['en-news-broken-jsonld.html', 'https://valleytimes.example/news/council-bridge', { date: '2019-11-19', source: 'jsonld' }],
  ['sv-dateline-numeric.html', 'https://adalen.example/nyheter/stenbron', { date: '2019-11-18', source: 'byline' }],
  ['fr-updated-first.html', 'https://courrier.example/actualite/pont', { date: '2019-11-18', source: 'byline' }],
];

describe('publication dates of whole pages with traps', () => {
  it.each(CASES)('%s', (file, url, expected) => {
    const html = fixture(file);
    expect(findPublished(parseHTML(html).document, url, { today: '2026-01-01' })).toEqual(expected);
    expect(extractHtml(parseHTML(html).document, { url }).published).toBe(expected.date);
  });

  it('finds nothing on the trap page once its byline is gone (every other date there is someone else’s)', () => {
    const html = fixture('de-blog-traps.html').replace(
      /<div class="entry-meta">.*?<\/div>/s,
      '<div class="entry-meta">von Anna Schmidt</div>',
    );
    expect(findPublished(parseHTML(html).document, null, { today: '2026-01-01' }).date).toBeNull();
  });
});
