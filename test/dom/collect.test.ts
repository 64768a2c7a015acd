import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/core/text';
import { textSummary } from '../../src/core/page-text';
import { articleRegion, articleText, describePage, pageTitle } from '../../src/page/collect';
import { buildTextMap } from '../../src/page/text-map';
import { seedPage } from '../../scripts/lib/server.mjs';

const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;
/** What the content script's report and the background make of a page together: its markup read here, its text read there. */
async function summarisePage(doc: Document, url: string, opts: { pause?: () => Promise<void> } = {}) {
  const markup = await describePage(doc, url, opts);
  return { ...markup, ...textSummary(buildTextMap(doc).text, markup.declared) };
}
const html = (body: string, head = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

describe('the page text summarised', () => {
  it('is the visible text of the English fixture, without what a reader never sees (the text map decides)', async () => {
    const doc = fixture('en-article.html');
    const text = buildTextMap(doc).text;
    expect(text).toContain('The city council switched on the first tidal turbines');
    expect(text).toContain('It is the tide that pays the bill now');
    for (const hidden of ['Hidden teaser', 'Another hidden block', 'Draft comment', 'note in a textarea', '__pageScriptRan']) {
      expect(text).not.toContain(hidden);
    }
    expect((await summarisePage(doc, 'http://x/')).words).toBe(countWords(text));
  });
});

describe('pageTitle', () => {
  it('prefers og:title, then the first h1, then <title>', () => {
    expect(pageTitle(html('<h1>Headline</h1>', '<title>Site | Headline</title><meta property="og:title" content=" OG title ">'))).toBe(
      'OG title',
    );
    expect(pageTitle(html('<h1>  Head\n   line </h1>', '<title>Site</title>'))).toBe('Head line');
    expect(pageTitle(html('<p>x</p>', '<title> Only title </title>'))).toBe('Only title');
  });
});

describe('summarisePage', () => {
  it('summarises the English fixture', async () => {
    const s = await summarisePage(fixture('en-article.html'), 'http://127.0.0.1/fixtures/en-article.html');
    expect(s).toMatchObject({ title: 'Harbour city opens its first tidal power station', lang: 'en', langSource: 'detected' });
    expect(s.words).toBeGreaterThan(100);
    expect(s.words).toBeLessThan(140);
  });

  it('gives the same summary in steps, handing the main thread back between them', async () => {
    for (const name of ['en-article.html', 'sv-article.html', 'clutter-en.html']) {
      const doc = fixture(name);
      let pauses = 0;
      const stepped = await summarisePage(doc, 'http://x/a', {
        pause: () => {
          pauses++;
          return Promise.resolve();
        },
      });
      expect(stepped, name).toEqual(await summarisePage(doc, 'http://x/a'));
      expect(pauses).toBe(2);
    }
  });

  it('trusts clear text evidence over a wrong lang attribute', async () => {
    expect(await summarisePage(fixture('sv-article.html'), 'http://x/')).toMatchObject({ lang: 'sv', langSource: 'detected' });
  });

  it('falls back to the declared language when the text says too little', async () => {
    const doc = parseHTML('<!doctype html><html lang="de-AT"><body><p>Kurz.</p></body></html>').document;
    expect(await summarisePage(doc, 'http://x/')).toMatchObject({ lang: 'de', langSource: 'declared', words: 1 });
    expect(await summarisePage(html('<p>Hi</p>'), 'http://x/')).toMatchObject({ lang: 'und', langSource: 'none' });
  });

  it('recognises the Swedish seed article rendered as the demo page', async () => {
    const doc = parseHTML(
      seedPage('000', readFileSync(new URL('../../assets/seeds/000_d35634ae92cf12c4.txt', import.meta.url), 'utf8')),
    ).document;
    expect((await summarisePage(doc, 'http://x/')).lang).toBe('sv');
  });

  it('says whether the page is an article', async () => {
    expect((await summarisePage(fixture('en-article.html'), 'http://x/')).isArticle).toBe(true);
    expect((await summarisePage(html('<h1>Front page</h1><ul><li><a href="/a">A story</a></li></ul>'), 'http://x/')).isArticle).toBe(false);
  });
});

describe('whether the page is an article (the report’s isArticle)', () => {
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
  const teasers =
    '<div><p>Menu Home News Sport Weather</p></div>' + '<article><h2>Teaser</h2><p>One line about a story.</p></article>'.repeat(6);

  it.each([
    ['og:type article', html('<p>Text.</p>', '<meta property="og:type" content="article">'), true],
    ['og:type website', html('<p>Text.</p>', '<meta property="og:type" content="website">'), false],
    ['JSON-LD NewsArticle', html('<p>Text.</p>', ld('{"@context":"https://schema.org","@type":"NewsArticle","headline":"H"}')), true],
    ['JSON-LD ReportageNewsArticle in a type list', html('<p>x</p>', ld('{"@type":["ReportageNewsArticle","Thing"]}')), true],
    ['JSON-LD article inside @graph', html('<p>x</p>', ld('{"@graph":[{"@type":"WebSite"},{"@type":"Article"}]}')), true],
    ['JSON-LD article in an array', html('<p>x</p>', ld('[{"@type":"Organization"},{"@type":"BlogPosting"}]')), true],
    ['JSON-LD type as a URL', html('<p>x</p>', ld('{"@type":"http://schema.org/NewsArticle"}')), true],
    ['JSON-LD WebPage only', html('<p>x</p>', ld('{"@type":"WebPage","name":"Home"}')), false],
    ['broken JSON-LD, then a good block', html('<p>x</p>', ld('{"@type": "NewsArticle",') + ld('{"@type":"Article"}')), true],
    ['broken JSON-LD only', html('<p>x</p>', ld('{"@type": "NewsArticle",')), false],
    ['itemprop=articleBody', html('<div itemprop="articleBody"><p>Text.</p></div>'), true],
    ['an <article> with most of the words', fixture('en-article.html'), true],
    ['a page of small <article> teasers', html(teasers), false],
    ['a bare page', html('<p>Just some words on a page.</p>'), false],
  ])('%s', async (_name, doc, expected) => {
    expect((await describePage(doc, 'http://x/a')).isArticle).toBe(expected);
  });
});

describe('the article text the side panel asks for', () => {
  it('picks the article region: articleBody, the largest <article>, <main>, [role=main], else the body', () => {
    const region = (body: string) => articleRegion(html(body))?.getAttribute('id');
    expect(region('<main id="m"><article id="a"><div itemprop="articleBody" id="b"><p>Text</p></div></article></main>')).toBe('b');
    expect(region('<main id="m"><article id="a1"><p>Short</p></article><article id="a2"><p>The longer one</p></article></main>')).toBe(
      'a2',
    );
    expect(region('<div role="main" id="r"><p>Text</p></div><main id="m"><p>Text</p></main>')).toBe('m');
    expect(region('<div role="main" id="r"><p>Text</p></div>')).toBe('r');
    // An empty region (a placeholder) is passed over.
    expect(region('<article id="a"><p hidden>Not shown</p></article><main id="m"><p>Text</p></main>')).toBe('m');
    expect(articleRegion(html('<p>Text</p>'))?.tagName).toBe('BODY');
  });

  it('is the visible text of the article only, with its title and language', () => {
    const a = articleText(fixture('en-article.html'));
    expect(a.title).toBe('Harbour city opens its first tidal power station');
    expect(a.lang).toBe('en');
    expect(a.text).toContain('The city council switched on the first tidal turbines');
    expect(a.text.split('\n')).toContain('Harbour city opens its first tidal power station');
    for (const outside of ['Business', 'Hidden teaser', 'Draft comment', 'Coastal Ledger', '__pageScriptRan'])
      expect(a.text).not.toContain(outside);
    expect(articleText(fixture('en-article.html'), 100).text.length).toBeLessThanOrEqual(100);
  });

  it('reads the region the report found while it is in the page, and finds it again once it is gone', async () => {
    const doc = fixture('en-article.html');
    const { region } = await describePage(doc, 'http://x/a');
    expect(region).not.toBeNull();
    expect(articleText(doc, undefined, region)).toEqual(articleText(doc));
    // A region the report found is trusted as it is (no second walk of the page)…
    const aside = html('<aside id="a"><p>The report found this box.</p></aside><article><p>Other text.</p></article>');
    expect(articleText(aside, undefined, aside.getElementById('a')).text).toBe('The report found this box.');
    // …until the page removed it: then the page is looked at again.
    const gone = doc.createElement('div');
    gone.textContent = 'Detached text';
    expect(articleText(doc, undefined, gone)).toEqual(articleText(doc));
  });
});
