import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { articleVerdict } from '../../src/page/article-test';

const html = (body: string, head = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;
const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

/** A paragraph of news prose, `n` (1-based) sentences long. */
const sentence = (i: number) => `Sentence number ${i} of the story tells the reader what the council decided on Monday evening.`;
const para = (i: number, n = 2) => `<p>${Array.from({ length: n }, (_, k) => sentence(i * 10 + k)).join(' ')}</p>`;
const body = (paragraphs: number, wrap = (p: string) => p) => Array.from({ length: paragraphs }, (_, i) => wrap(para(i))).join('');
const nav = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>';
const footer = '<footer><a href="/about">About us</a> <a href="/privacy">Privacy</a></footer>';
/** A teaser card: a linked headline, a one- or two-sentence standfirst, a byline. */
const teaser = (i: number, tag = 'div', standfirst = 'A short standfirst about the story, one sentence long. And a second one.') =>
  `<${tag} class="card"><h3><a href="/story-${i}">Headline of story ${i} in the grid</a></h3><p>${standfirst}</p><span>By Reporter ${i}</span></${tag}>`;
const grid = (n: number, tag = 'div') => `<div class="grid">${Array.from({ length: n }, (_, i) => teaser(i, tag)).join('')}</div>`;

describe('markup hints', () => {
  it.each([
    ['og:type article', '<p>Text.</p>', '<meta property="og:type" content="article">', 'og:type article'],
    ['JSON-LD NewsArticle', '<p>x</p>', ld('{"@type":"NewsArticle"}'), 'json-ld article type'],
    [
      'JSON-LD in @graph',
      '<p>x</p>',
      ld('{"@graph":[{"@type":"WebSite"},{"@type":"schema:ReportageNewsArticle"}]}'),
      'json-ld article type',
    ],
    ['JSON-LD in an array', '<p>x</p>', ld('[{"@type":"Organization"},{"@type":["BlogPosting"]}]'), 'json-ld article type'],
    ['JSON-LD in the body', `<p>x</p>${ld('{"@type":"https://schema.org/Article"}')}`, '', 'json-ld article type'],
    ['microdata itemprop', '<div itemprop="articleBody" id="r"><p>Text.</p></div>', '', 'microdata articleBody'],
    ['microdata itemtype', '<div itemscope itemtype="https://schema.org/NewsArticle"><p>x</p></div>', '', 'microdata article type'],
    ['RDFa property', '<div property="articleBody" id="r"><p>x</p></div>', '', 'rdfa articleBody'],
    ['RDFa prefixed property', '<div property="schema:articleBody" id="r"><p>x</p></div>', '', 'rdfa articleBody'],
    ['RDFa property as a URL', '<div property="http://schema.org/articleBody" id="r"><p>x</p></div>', '', 'rdfa articleBody'],
    ['RDFa typeof', '<div vocab="http://schema.org/" typeof="NewsArticle"><p>x</p></div>', '', 'rdfa article type'],
    ['RDFa prefixed typeof', '<div typeof="schema:BlogPosting"><p>x</p></div>', '', 'rdfa article type'],
    ['an <article> with most of the prose', `${nav}<article><h1>H</h1>${body(3)}</article>${footer}`, '', '<article>'],
  ])('%s', (_name, b, head, reason) => {
    const v = articleVerdict(html(b, head));
    expect(v).toMatchObject({ article: true, reason });
    if (b.includes('id="r"')) expect(v.region?.id).toBe('r');
  });

  it.each([
    ['og:type website', '<p>Text.</p>', '<meta property="og:type" content="website">'],
    ['JSON-LD WebPage only', '<p>x</p>', ld('{"@type":"WebPage"}')],
    ['broken JSON-LD', '<p>x</p>', ld('{"@type": "NewsArticle",')],
    ['itemprop=articleBodyText (not the token)', '<div itemprop="articleBodyText"><p>x</p></div>', ''],
    ['a property that merely contains the word', '<div property="og:articleBody2"><p>x</p></div>', ''],
  ])('no hint: %s', (_name, b, head) => {
    expect(articleVerdict(html(b, head)).article).toBe(false);
  });

  it('reads a JSON-LD array of any size (200,000 elements) without spreading it into arguments', () => {
    const huge = JSON.stringify([{ '@type': 'NewsArticle' }, ...Array.from({ length: 200_000 }, (_, i) => i)]);
    // (Past maxChars of JSON-LD a page's scripts are not read at all: the bound is raised to reach the walk.)
    expect(articleVerdict(html('<p>x</p>', ld(huge)), { maxChars: 5_000_000 })).toMatchObject({
      article: true,
      reason: 'json-ld article type',
    });
    // Within the default bound: 149,000 one-digit elements.
    const compact = JSON.stringify([{ '@type': 'NewsArticle' }, ...Array.from({ length: 149_000 }, () => 1)]);
    expect(articleVerdict(html('<p>x</p>', ld(compact)))).toMatchObject({ article: true, reason: 'json-ld article type' });
    const nested = JSON.stringify([Array.from({ length: 200_000 }, () => ({ '@type': 'WebSite' })), { '@type': 'NewsArticle' }]);
    expect(articleVerdict(html('<p>x</p>', ld(nested)), { maxChars: 10_000_000 }).article).toBe(true);
  });

  it('a declared page type that is not an article says no, unless an article type is declared too', () => {
    const prose = `<h1>Headline</h1><div>${body(5)}</div>`;
    expect(articleVerdict(html(prose, ld('{"@type":"Product","name":"Kettle"}')))).toMatchObject({
      article: false,
      reason: 'declared Product',
    });
    expect(articleVerdict(html(prose, '<meta property="og:type" content="video.other">')).article).toBe(false);
    expect(articleVerdict(html(`<div itemscope itemtype="http://schema.org/Product">${prose}</div>`)).article).toBe(false);
    // An article with an embedded video declares a VideoObject as well: the article type wins.
    expect(articleVerdict(html(prose, ld('[{"@type":"NewsArticle"},{"@type":"VideoObject"}]'))).article).toBe(true);
    // Without the declaration the same prose is an article.
    expect(articleVerdict(html(prose))).toMatchObject({ article: true, reason: 'prose' });
  });

  it('clear evidence of a listing overrules a hint', () => {
    const section = `${nav}<main><h1>Business</h1>${grid(10)}</main>${footer}`;
    expect(articleVerdict(html(section, '<meta property="og:type" content="article">'))).toMatchObject({
      article: false,
      reason: 'listing (despite og:type article)',
    });
    // Many <article> teasers do not make one article either.
    expect(articleVerdict(html(`${nav}<main><h1>Front</h1>${grid(10, 'article')}</main>`)).article).toBe(false);
    // …while an article with a long list of related teasers after it stays an article.
    const withRelated = `${nav}<h1>Headline</h1><div class="body">${body(4)}</div>${grid(20)}${footer}`;
    expect(articleVerdict(html(withRelated, '<meta property="og:type" content="article">')).article).toBe(true);
    expect(articleVerdict(html(withRelated))).toMatchObject({ article: true, reason: 'prose' });
  });
});

describe('the prose judgement (no markup)', () => {
  it('recognises a bare CMS page: a headline and a block of paragraphs, and names the block', () => {
    const doc = html(
      `${nav}<div class="wrap"><h1>Council approves the harbour plan</h1><div class="info">By A. Writer</div><div class="txt" id="t">${body(5, (p) => `<div>${p}</div>`)}</div><div class="side"><a href="/x">Most read</a></div></div>${footer}`,
    );
    expect(articleVerdict(doc)).toMatchObject({ article: true, reason: 'prose' });
    expect(articleVerdict(doc).region?.id).toBe('t');
  });

  it('reads an article in parts under subheadings as one', () => {
    const parts = Array.from({ length: 6 }, (_, i) => `<section><h2>Part ${i}</h2><div>${para(i, 4)}</div></section>`).join('');
    expect(articleVerdict(html(`<h1>Headline</h1><div id="b">${parts}</div>`))).toMatchObject({ article: true, reason: 'prose' });
  });

  it('adds up a body split into chunks between ad slots', () => {
    const chunk = (i: number) => `<div class="chunk">${para(i)}${para(i + 1)}</div><div class="ad">Advertisement</div>`;
    const doc = html(`<h1>Headline</h1><section id="s">${chunk(0)}${chunk(2)}${chunk(4)}</section><aside>${body(2)}</aside>`);
    expect(articleVerdict(doc)).toMatchObject({ article: true, region: doc.getElementById('s') });
  });

  it('reads a wall of text split by <br>s as paragraphs', () => {
    const wall = Array.from({ length: 6 }, (_, i) => sentence(i) + ' ' + sentence(i + 1)).join('<br><br>');
    expect(articleVerdict(html(`<h2>Headline</h2><td>${wall}</td>`)).article).toBe(true);
  });

  it.each([
    ['a teaser grid', `${nav}<h1>News</h1>${grid(12)}${footer}`, 'listing'],
    [
      'a lead story of four sentences over a grid',
      `<h1 class="logo"><a href="/">Site</a></h1>${teaser(99, 'div', [0, 1, 2, 3].map(sentence).join(' '))}${grid(6)}`,
      'listing',
    ],
    [
      'teasers whose title is a plain link',
      `<h1>Front</h1>${Array.from({ length: 10 }, (_, i) => `<div class="item"><a href="/s${i}">Title ${i}</a><p>${sentence(i)}</p></div>`).join('')}`,
      'too little prose',
    ],
    ['one short paragraph', `<h1>Headline</h1><div>${para(0, 4)}</div>`, 'too little prose'],
    ['one paragraph of 600 characters', `<h1>Headline</h1><div>${para(0, 6)}</div>`, 'one short paragraph'],
    ['no headline', `<div>${body(6)}</div>`, 'no headline'],
    [
      'paragraphs that are mostly links',
      `<h1>Links</h1><div>${body(6, (p) => p.replace('<p>', '<p><a href="/x">').replace('</p>', '</a> More.</p>'))}</div>`,
      'no prose',
    ],
    [
      'prose spread over far-apart blocks (four columns of blurbs)',
      `<h1>Headline</h1>${Array.from({ length: 4 }, (_, i) => `<div class="col"><div class="box"><div class="inner"><div class="text">${para(i, 3)}${para(i + 5, 3)}</div></div></div></div>`).join('')}`,
      'no dominant block of prose',
    ],
    [
      'a list of names and figures',
      `<h1>Results</h1><div>${Array.from({ length: 8 }, () => '<p>Smith 12 Jones 14 Brown 9 Green 22 White 17 Black 3 Grey 8 Stone 11 Hill 5</p>').join('')}</div>`,
      'no prose',
    ],
    ['prose in the footer and navigation', `<h1>Site</h1><footer>${body(6)}</footer><nav>${body(4)}</nav>`, 'no prose'],
  ])('refuses %s', (_name, b, why) => {
    const v = articleVerdict(html(b));
    expect(v.article).toBe(false);
    expect(v.reason.startsWith(why)).toBe(true);
  });

  it('skips hidden text', () => {
    expect(articleVerdict(html(`<h1>Headline</h1><div hidden>${body(6)}</div>`)).article).toBe(false);
    expect(articleVerdict(html(`<h1>Headline</h1><div aria-hidden="true">${body(6)}</div>`)).article).toBe(false);
  });

  it('judges by the prose alone when asked to (markup ignored)', () => {
    const doc = html('<p>Text.</p>', '<meta property="og:type" content="article">');
    expect(articleVerdict(doc).article).toBe(true);
    expect(articleVerdict(doc, { markup: false }).article).toBe(false);
  });
});

describe('the cost is bounded', () => {
  /** Counts reads of a DOM getter (on linkedom's prototypes) while `fn` runs. */
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const r of restore.splice(0)) r();
  });
  function countGetter(sample: object, name: string, add: (self: object, value: unknown) => number): { n: number } {
    let proto: object | null = sample;
    while (proto && !Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto) as object | null;
    if (!proto) throw new Error(`no ${name}`);
    const owner = proto;
    const d = Object.getOwnPropertyDescriptor(owner, name);
    // The getter is called with its own receiver below (get.call(this)).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const get = d?.get;
    if (!d || !get) throw new Error(`${name} is no getter`);
    const counter = { n: 0 };
    Object.defineProperty(owner, name, {
      ...d,
      get(this: object) {
        const v: unknown = get.call(this);
        counter.n += add(this, v);
        return v;
      },
    });
    restore.push(() => Object.defineProperty(owner, name, d));
    return counter;
  }

  it('visits at most maxNodes nodes of a 100,000-node page', () => {
    const items = Array.from({ length: 25_000 }, (_, i) => `<div><span>${i}</span> <b>x</b></div>`).join('');
    const doc = html(`<h1>Headline</h1>${items}<div>${body(6)}</div>`);
    const steps = countGetter(doc.body, 'nextSibling', () => 1);
    const v = articleVerdict(doc, { maxNodes: 20_000 });
    expect(v.cost.truncated).toBe(true);
    expect(v.cost.nodes).toBeLessThanOrEqual(20_000);
    // Measured from outside: sibling steps stay within the budget (each visited node takes at most one).
    expect(steps.n).toBeLessThanOrEqual(20_000 + 10);
    // The article after the budget is never seen.
    expect(v.article).toBe(false);
    // The default budget covers a normal page whole.
    expect(articleVerdict(html(`<h1>Headline</h1><div>${body(6)}</div>`)).cost.truncated).toBe(false);
  });

  it('reads at most maxChars characters of a page of 2 MB of text', () => {
    const big = 'word '.repeat(2000);
    const doc = html(`<h1>Headline</h1><div>${body(6)}</div>${Array.from({ length: 200 }, () => `<p>${big}</p>`).join('')}`);
    const read = countGetter(doc.createTextNode('x'), 'data', (_self, v) => (typeof v === 'string' ? v.length : 0));
    const v = articleVerdict(doc, { maxChars: 300_000 });
    expect(v.cost.truncated).toBe(true);
    expect(v.cost.chars).toBeLessThanOrEqual(300_000);
    expect(read.n).toBeLessThanOrEqual(300_000 + big.length + 16);
    // What was read is judged: the article before the cut.
    expect(v.article).toBe(true);
  });

  it('walks a 10,000-deep tree without recursion', () => {
    const doc = html(`${'<div>'.repeat(10_000)}<p>deep</p>${'</div>'.repeat(10_000)}`);
    expect(() => articleVerdict(doc)).not.toThrow();
  });
});
