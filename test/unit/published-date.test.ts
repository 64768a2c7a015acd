/**
 * The publication-date finder (src/corpus/html/published.ts) on small pages, one per source and
 * per trap: every source class a reader would use, and the dates that are not the article's
 * (teasers, comments, embedded posts, copyright, the masthead's edition, updates, placeholders).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { extractText } from '../../src/corpus/extract-text';
import { dateFromUrl, normaliseDate } from '../../src/corpus/html/dates';
import { findPublished, parseLenientJson } from '../../src/corpus/html/published';
import { findDates } from '../../src/corpus/text/dates';

const TEXT = [
  'The county council approved a plan on Tuesday to rebuild the old stone bridge over the river, ending a dispute that has lasted for more than four years.',
  'Engineers had warned that the bridge, which carries around 9,000 vehicles a day, would need weight limits within two years unless its foundations were repaired.',
  'The work will cost an estimated 14 million pounds and is expected to start next spring, with the bridge closed to traffic for about eight months.',
  'Local businesses said they were relieved that a decision had finally been made, although several warned that the closure would be difficult for shops.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

const TITLE = 'Council approves the bridge rebuild';

/** A page: `head` in <head>, `header` between the headline and the text, `after` after the article. */
function page(opts: { head?: string; before?: string; header?: string; after?: string; lang?: string } = {}): Document {
  const html = `<!doctype html><html lang="${opts.lang ?? 'en'}"><head><title>${TITLE} | The Paper</title>${opts.head ?? ''}</head>
<body>${opts.before ?? ''}<main><article><header><h1>${TITLE}</h1>${opts.header ?? ''}</header>
${TEXT}</article>${opts.after ?? ''}</main></body></html>`;
  return parseHTML(html).document;
}

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const find = (doc: Document, url: string | null = 'https://paper.example/news/bridge') => findPublished(doc, url, { today: '2026-01-01' });

describe('structured metadata', () => {
  it('reads JSON-LD of any type that carries a date, not only Article types', () => {
    const doc = page({
      head: ld({ '@context': 'https://schema.org', '@type': 'VideoObject', name: 'Bridge', uploadDate: '2019-11-18T10:00:00Z' }),
    });
    expect(find(doc)).toEqual({ date: '2019-11-18', source: 'jsonld' });
    const webPage = page({ head: ld({ '@type': 'WebPage', datePublished: '2019-11-17' }) });
    expect(find(webPage)).toEqual({ date: '2019-11-17', source: 'jsonld' });
  });

  it('reads the article in an @graph and nested arrays, not the other objects around it', () => {
    const doc = page({
      head: ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'The Paper' },
          [
            {
              '@type': 'NewsArticle',
              headline: TITLE,
              datePublished: '2019-11-18T06:00:00+01:00',
              video: { '@type': 'VideoObject', uploadDate: '2017-01-01' },
            },
          ],
        ],
      }),
    });
    expect(find(doc)).toEqual({ date: '2019-11-18', source: 'jsonld' });
  });

  it('parses broken JSON-LD leniently: trailing commas, comments, raw newlines in strings', () => {
    const broken = `{
      // the article
      "@type": "NewsArticle",
      "headline": "Council approves
 the bridge",
      /* dates */
      "datePublished": "2019-11-18T08:00:00Z",
      "author": [{"name": "Jane Doe",},],
    }`;
    expect(parseLenientJson(broken)).toMatchObject({ datePublished: '2019-11-18T08:00:00Z' });
    expect(parseLenientJson('{"url": "https://a.example/x", "a": 1,}')).toEqual({ url: 'https://a.example/x', a: 1 });
    const doc = page({ head: `<script type="application/ld+json">${broken}</script>` });
    expect(find(doc)).toEqual({ date: '2019-11-18', source: 'jsonld' });
  });

  it('reads meta tags by name, property or itemprop, whatever their case', () => {
    for (const tag of [
      '<meta property="article:published_time" content="2019-11-18T08:00:00Z">',
      '<meta name="article:published_time" content="2019-11-18T08:00:00Z">',
      '<meta NAME="Parsely-Pub-Date" content="2019-11-18T08:00:00Z">',
      '<meta name="sailthru.date" content="2019-11-18 08:00:00">',
      '<meta name="DC.date.issued" content="2019-11-18">',
      '<meta itemprop="datePublished" content="2019-11-18">',
    ]) {
      expect(find(page({ head: tag })), tag).toEqual({ date: '2019-11-18', source: 'meta' });
    }
  });

  it('takes the publication over the modification date', () => {
    const doc = page({
      head:
        '<meta property="article:modified_time" content="2019-11-21T08:00:00Z"><meta property="article:published_time" content="2019-11-18T08:00:00Z">' +
        ld({ '@type': 'NewsArticle', dateModified: '2019-11-22', datePublished: '2019-11-18' }),
    });
    expect(find(doc).date).toBe('2019-11-18');
  });

  it('rejects placeholders and dates after the page was last modified, and goes on to the next source', () => {
    const doc = page({
      head: ld({ '@type': 'NewsArticle', datePublished: '0001-01-01T00:00:00', dateModified: '2019-11-19' }),
      header: '<p class="byline">By Jane Doe, November 18, 2019</p>',
    });
    expect(find(doc)).toEqual({ date: '2019-11-18', source: 'byline' });
    const epoch = page({ head: '<meta property="article:published_time" content="1970-01-01T00:00:00Z">' });
    expect(find(epoch, null).date).toBeNull();
    const future = page({
      head: ld({ '@type': 'NewsArticle', datePublished: '2031-05-01', dateModified: '2019-11-19' }),
    });
    expect(find(future, 'https://paper.example/2019/11/18/bridge').date).toBe('2019-11-18');
  });
});

describe('markup', () => {
  it('reads itemprop=datePublished on any element, from its text too', () => {
    const doc = page({
      header:
        '<span itemprop="datePublished">Fri 6:45 PM, Feb 16, 2018</span> <span itemprop="dateModified">Sat 8:31 PM, Feb 17, 2018</span>',
    });
    expect(find(doc)).toEqual({ date: '2018-02-16', source: 'time' });
  });

  it('reads <time datetime> in the article header, not an updated one', () => {
    const doc = page({
      header:
        '<p>Updated <time datetime="2019-11-20T10:00:00Z">Nov 20</time></p><p>By Jane Doe <time datetime="2019-11-18T10:00:00Z">Nov 18</time></p>',
    });
    expect(find(doc)).toEqual({ date: '2019-11-18', source: 'time' });
    // One line, both dates: each <time> is labelled by the words just before it.
    const oneLine = page({
      header:
        '<p>Published <time datetime="2019-11-18T10:00:00Z">Nov 18</time> · Updated <time datetime="2019-11-20T10:00:00Z">Nov 20</time></p>',
    });
    expect(find(oneLine)).toEqual({ date: '2019-11-18', source: 'time' });
  });

  it('reads data-* date attributes and hidden inputs named after the publication', () => {
    const data = page({ header: '<div class="article-meta" data-publish-date="2019-11-18T08:00:00Z">By Jane Doe</div>' });
    expect(find(data)).toEqual({ date: '2019-11-18', source: 'data' });
    const stamp = page({ header: '<span class="ts" data-timestamp="1574064000">2 years ago</span>' });
    expect(find(stamp)).toEqual({ date: '2019-11-18', source: 'data' });
    const hidden = page({
      before:
        '<input type="hidden" class="modified_date" value="2019-11-20 10:00:00"><input type="hidden" class="published_date" value="2019-11-18 23:41:18">',
    });
    expect(find(hidden)).toEqual({ date: '2019-11-18', source: 'data' });
  });
});

describe('markup of blog themes and odd layouts', () => {
  it('reads a datetime or title attribute on an element named after the publication', () => {
    const span = page({
      header: '<div class="post-meta"><span class="post-date published" datetime="2018-10-06T08:57:00+02:00">October 06, 2018</span></div>',
    });
    expect(find(span)).toEqual({ date: '2018-10-06', source: 'time' });
    const abbr = page({ header: '<abbr class="published" title="2018-10-06T08:57:00+02:00">6 days ago</abbr>' });
    expect(find(abbr)).toEqual({ date: '2018-10-06', source: 'time' });
  });

  it('finds the headline in a container with a furniture-like name', () => {
    const doc = parseHTML(
      `<html lang="en"><head><title>${TITLE} - News</title></head><body><div class="sidebar"><h1 class="headline">${TITLE}</h1><label>November 20, 2019 13:42</label></div><div class="main">${TEXT}</div></body></html>`,
    ).document;
    expect(find(doc)).toEqual({ date: '2019-11-20', source: 'byline' });
  });

  it('reads month-first dotted dates when the second number is the day', () => {
    const doc = page({ before: '<time class="content-header__publish-date">11.14.2019 09:00 AM</time>' });
    expect(find(doc)).toEqual({ date: '2019-11-14', source: 'time' });
  });

  it('takes a shown update date only when the page shows nothing else, and never over another source', () => {
    const header = '<p>News Bureau | Updated : <span>19 November 2019, 09:01 AM</span></p>';
    expect(find(page({ header }))).toEqual({ date: '2019-11-19', source: 'byline' });
    expect(find(page({ header }), 'https://paper.example/2019/11/08/bridge')).toEqual({ date: '2019-11-08', source: 'url' });
    // A label outside the element named after the date still says "updated": the dated element further down is the publication.
    const byline =
      '<div class="c-byline">By Jane Doe <span class="c-byline__item">Updated <time class="c-byline__item">Nov 13, 2019, 10:28am EST</time></span></div>';
    const doc = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><article><h1>${TITLE}</h1>${byline}${TEXT}${TEXT}${TEXT}<p class="post-date">8 November 2019</p></article></body></html>`,
    ).document;
    expect(find(doc)).toEqual({ date: '2019-11-08', source: 'byline' });
  });
});

describe('the URL', () => {
  it('reads the common forms of a date in a path', () => {
    expect(dateFromUrl('https://www.theguardian.com/world/2019/nov/18/bridge-rebuild')).toBe('2019-11-18');
    expect(dateFromUrl('https://paper.example/2019/11/18/bridge/')).toBe('2019-11-18');
    expect(dateFromUrl('https://paper.example/news/bridge-rebuild-20191115')).toBe('2019-11-15');
    expect(dateFromUrl('https://paper.example/news/bridge-rebuild-20191115.html')).toBe('2019-11-15');
    expect(dateFromUrl('https://paper.example/news/20191118/bridge')).toBe('2019-11-18');
    expect(dateFromUrl('https://paper.example/news/2019-11-18-bridge')).toBe('2019-11-18');
    // Not a whole date, or an id.
    expect(dateFromUrl('https://paper.example/2019/11/bridge')).toBeNull();
    expect(dateFromUrl('https://paper.example/story/120191115233')).toBeNull();
    expect(dateFromUrl('https://paper.example/a?date=2019-11-18')).toBeNull();
  });

  it('is a source when the page states nothing else', () => {
    expect(find(page(), 'https://www.theguardian.com/world/2019/nov/18/bridge-rebuild')).toEqual({ date: '2019-11-18', source: 'url' });
    expect(find(page(), 'https://paper.example/news/bridge-rebuild-20191115')).toEqual({ date: '2019-11-15', source: 'url' });
  });
});

describe('the byline or dateline near the headline', () => {
  const cases: [string, string, string][] = [
    ['en', '<p class="meta">By Jane Doe | Published 18 November 2019</p>', '2019-11-18'],
    ['en', '<p>Jane Doe</p><p>Nov. 18, 2019 11:03 PM</p>', '2019-11-18'],
    ['de', '<p>Von Jane Doe, am 18. November 2019 um 10:00 Uhr</p>', '2019-11-18'],
    ['de', '<p>Jane Doe · 18.11.2019</p>', '2019-11-18'],
    ['en', '<div class="submitted">Submitted by admin on Mon, 11/18/2019 - 10:00</div>', '2019-11-18'],
    ['sv', '<p>Publicerad 18 november 2019 kl. 08.15</p>', '2019-11-18'],
    ['fr', '<p>Publié le 18 novembre 2019 à 08h15</p>', '2019-11-18'],
    ['es', '<p>Por Juana Pérez, publicado el 18 de noviembre de 2019</p>', '2019-11-18'],
    ['pt', '<p>Publicado em 18 de novembro de 2019</p>', '2019-11-18'],
    ['it', '<p>Pubblicato il 18 novembre 2019</p>', '2019-11-18'],
    ['nl', '<p>Gepubliceerd op 18 november 2019</p>', '2019-11-18'],
    ['id', '<p>Diterbitkan 18 Nov 2019, 10:00 WIB</p>', '2019-11-18'],
    ['id', '<p>Senin, 18 Agustus 2019 10:00</p>', '2019-08-18'],
  ];
  it.each(cases)('reads a %s dateline: %s', (lang, header, date) => {
    expect(find(page({ lang, header }))).toEqual({ date, source: 'byline' });
  });

  it('takes the published date over the updated one in a dateline', () => {
    const doc = page({ header: '<p>Updated 20 November 2019</p><p>Published 18 November 2019</p>' });
    expect(find(doc).date).toBe('2019-11-18');
    const oneLine = page({ header: '<p>Updated: Nov 20, 2019 / Originally published: Nov 18, 2019</p>' });
    expect(find(oneLine).date).toBe('2019-11-18');
  });

  it('reads a numeric date only when the locale says which number is the day', () => {
    expect(find(page({ lang: 'en', header: '<p>Jane Doe, 12/11/2019</p>' })).date).toBeNull();
    expect(find(page({ lang: 'en-GB', header: '<p>Jane Doe, 12/11/2019</p>' })).date).toBe('2019-11-12');
    expect(find(page({ lang: 'en-US', header: '<p>Jane Doe, 12/11/2019</p>' })).date).toBe('2019-12-11');
    expect(find(page({ lang: 'en', header: '<p>Jane Doe, 11/18/2019</p>' })).date).toBe('2019-11-18');
  });
});

describe('dates that are not the article’s', () => {
  it('does not take the dates of a teaser list of related links', () => {
    const related = `<section class="related-articles"><h2>Related</h2><ul>
      <li><a href="/a">Bridge closed for repairs</a> <time datetime="2019-10-01">1 October 2019</time></li>
      <li><a href="/b">Council budget agreed</a> <span class="date">3 September 2019</span></li></ul></section>`;
    expect(find(page({ after: related })).date).toBeNull();
    expect(find(page({ after: `<aside>${related}</aside>` })).date).toBeNull();
  });

  it('prefers the dated item in the article header over a plain list of dated teaser items', () => {
    const teasers = ['2019-10-01', '2019-09-03', '2019-08-05']
      .map(
        (d) =>
          `<li itemscope itemtype="https://schema.org/NewsArticle"><a href="/x">Older story</a> <span itemprop="datePublished" content="${d}">${d}</span></li>`,
      )
      .join('');
    const own = '<p>By Jane Doe <span itemprop="datePublished" content="2019-11-18">18 November 2019</span></p>';
    const withOwn = page({ header: own, after: `<div class="box"><ul>${teasers}</ul></div>` });
    expect(find(withOwn)).toEqual({ date: '2019-11-18', source: 'time' });
    // Teasers first, and the article's own item known by its headline: only its date counts.
    const scoped = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><div class="box"><ul>${teasers}</ul></div><div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">${TITLE}</h1><meta itemprop="datePublished" content="2019-11-18">${TEXT}</div></body></html>`,
    ).document;
    expect(find(scoped)).toEqual({ date: '2019-11-18', source: 'meta' });
    // No item holds the headline: a lone teaser's date before the article is not enough to beat nothing… but it is all there is.
    const unscoped = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><div class="box"><ul>${teasers}</ul></div><article><h1>${TITLE}</h1>${TEXT}</article></body></html>`,
    ).document;
    expect(find(unscoped).date).toBeNull();
  });

  it('gives no date to fronts, sections, tags, search results, author and product pages (their dates are teasers’ and reviews’)', () => {
    const dir = new URL('../fixtures/nonarticles/', import.meta.url);
    const pages = readdirSync(dir).filter((f) => /^(?:front|section|tag|search|author|product)-.*\.html$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const f of pages) {
      const doc = parseHTML(readFileSync(new URL(f, dir), 'utf8')).document;
      expect(find(doc, null).date, f).toBeNull();
    }
  });

  it('does not take a copyright year or the masthead’s "today’s paper" date', () => {
    const masthead = '<div class="masthead"><span>Tuesday, November 19, 2019</span> <a href="/paper">Today’s Paper</a></div>';
    const footer = '<footer><p>© 2019 The Paper. All rights reserved. Last updated November 19, 2019.</p></footer>';
    const doc = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><header>${masthead}</header><main><article><h1>${TITLE}</h1>${TEXT}</article></main>${footer}</body></html>`,
    ).document;
    expect(find(doc).date).toBeNull();
    expect(find(page({ before: masthead })).date).toBeNull();
    // Even in the headline's own header.
    const inHeader = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><article><header><p>Tuesday, November 19, 2019 | <a href="/paper">Today's Paper</a></p><h1>${TITLE}</h1></header>${TEXT}<p>Copyright 2019 The Paper, 18 November 2019</p></article></body></html>`,
    ).document;
    expect(find(inHeader).date).toBeNull();
  });

  it('does not take comments’ dates', () => {
    const comments = `<div id="comments"><div class="comment"><p class="comment-meta">Bob wrote on November 20, 2019 at 9:14 am</p><p>Great news.</p></div>
      <div class="comment"><time datetime="2019-11-21T10:00:00Z">Nov 21</time><p>Finally.</p></div></div>`;
    expect(find(page({ after: comments })).date).toBeNull();
    // And with a byline date, that one.
    expect(find(page({ header: '<p>By Jane Doe, November 18, 2019</p>', after: comments })).date).toBe('2019-11-18');
  });

  it('does not take an embedded tweet’s date', () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p>The bridge is closing!</p>— Council (@council) <a href="https://twitter.com/x/status/1">November 20, 2019</a></blockquote>';
    expect(find(page({ header: `<p>${TEXT.slice(3, 60)}</p>${tweet}` })).date).toBeNull();
  });

  it('returns null when only weak evidence disagrees', () => {
    // A dateline under the headline and another date in an element named after a date, far from it.
    const far = 'x'.repeat(0);
    const doc = parseHTML(
      `<html lang="en"><head><title>${TITLE}</title></head><body><main><article><h1>${TITLE}</h1><p>Jane Doe, 18 November 2019</p>${TEXT}${TEXT}${TEXT}<p class="post-date">3 March 2018</p>${far}</article></main></body></html>`,
    ).document;
    expect(find(doc).date).toBeNull();
    // The same page with one metadata date: that one.
    const withMeta = parseHTML(
      doc.documentElement.outerHTML.replace('<head>', '<head><meta property="article:published_time" content="2019-11-18T08:00:00Z">'),
    ).document;
    expect(find(withMeta).date).toBe('2019-11-18');
  });
});

describe('the shared normaliser', () => {
  it('reads metadata values and datelines in many forms and languages', () => {
    expect(normaliseDate('2019-11-18T23:10:00-08:00')).toBe('2019-11-18');
    expect(normaliseDate('20191118T083800')).toBe('2019-11-18');
    expect(normaliseDate('1574064000')).toBe('2019-11-18');
    expect(normaliseDate('Mon, 18 Nov 2019 08:00:00 GMT')).toBe('2019-11-18');
    expect(normaliseDate('18 de noviembre de 2019')).toBe('2019-11-18');
    expect(normaliseDate('18 novembre 2019')).toBe('2019-11-18');
    expect(normaliseDate('18 janv. 2019')).toBe('2019-01-18');
    expect(normaliseDate('18 Desember 2019')).toBe('2019-12-18');
    expect(normaliseDate('am 18. März 2019')).toBe('2019-03-18');
    expect(normaliseDate('18-Nov-2019 10:00')).toBe('2019-11-18');
    expect(normaliseDate('18th of November 2019')).toBe('2019-11-18');
    expect(normaliseDate('18. 11. 2019')).toBe('2019-11-18');
    expect(normaliseDate('2019年11月18日')).toBe('2019-11-18');
    expect(normaliseDate('기사입력 2019년 11월 18일 10:00')).toBe('2019-11-18');
    expect(normaliseDate('0001-01-01T00:00:00')).toBeNull();
    expect(normaliseDate('12/11/2019')).toBeNull();
    expect(normaliseDate('12/11/2019', 'en-US')).toBe('2019-12-11');
    expect(normaliseDate('12/11/2019', 'fr')).toBe('2019-11-12');
  });

  it('labels text dumps’ dates in more languages ("Publié le", "Diterbitkan"), and skips the update', () => {
    const para = (n: number) =>
      `Le conseil municipal a approuvé mardi un plan pour reconstruire le vieux pont de pierre sur la rivière, mettant fin à un différend qui dure depuis plus de quatre ans. Les ingénieurs avaient averti que le pont, qui porte environ neuf mille véhicules par jour, aurait besoin de limites de poids (partie ${n}).`;
    const fr = extractText(
      [
        'Le conseil approuve la reconstruction du pont',
        'Mis à jour le 20 novembre 2019',
        'Publié le 18 novembre 2019',
        para(1),
        para(2),
        para(3),
      ].join('\n'),
    );
    expect(fr.published).toBe('2019-11-18');
    const id = extractText(
      [
        'Dewan menyetujui pembangunan kembali jembatan',
        'Diterbitkan 18 Nov 2019, 10:00 WIB',
        ...[1, 2, 3].map(
          (n) =>
            `Dewan kota menyetujui rencana pada hari Selasa untuk membangun kembali jembatan batu tua di atas sungai, mengakhiri perselisihan yang telah berlangsung lebih dari empat tahun. Para insinyur telah memperingatkan bahwa jembatan itu, yang dilalui sekitar sembilan ribu kendaraan sehari, akan membutuhkan batas berat (bagian ${n}).`,
        ),
      ].join('\n'),
    );
    expect(id.published).toBe('2019-11-18');
  });

  it('is the text dumps’ finder too (Indonesian months, abbreviations)', () => {
    expect(findDates('Diterbitkan 18 Agustus 2019').map((d) => d.iso)).toEqual(['2019-08-18']);
    expect(findDates('publié le 3 févr. 2020').map((d) => d.iso)).toEqual(['2020-02-03']);
  });

  it('gives extractHtml its date', () => {
    const doc = page({ head: ld({ '@type': 'Event', name: 'x' }), header: '<p>Publicado el 18 de noviembre de 2019</p>', lang: 'es' });
    expect(extractHtml(doc, { url: 'https://paper.example/news/bridge' }).published).toBe('2019-11-18');
  });
});
