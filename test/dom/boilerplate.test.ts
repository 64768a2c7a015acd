/**
 * markBoilerplate on fixture article pages (test/fixtures/pages/clutter-*.html): every piece of
 * clutter the fixture marks data-expect="hide" is hidden, every part of the article marked
 * data-expect="keep" stays visible, and revert() gives back the page exactly.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../src/corpus/extract-html';
import { OWN_UI_ATTR } from '../../src/page/own-ui';
import { markBoilerplate } from '../../src/page/declutter/boilerplate';
import { DECLUTTER_ATTR, createMarks } from '../../src/page/declutter/marks';

const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;

/** Hidden by declutter: the element or one of its ancestors carries the attribute. */
const hidden = (el: Element) => el.closest(`[${DECLUTTER_ATTR}]`) !== null;
const describeEl = (el: Element) =>
  `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)}`;

function declutter(doc: Document) {
  const marks = createMarks(doc);
  const result = markBoilerplate(doc, findArticle(doc), marks);
  return { marks, result };
}

describe.each(['clutter-en.html', 'clutter-sv.html'])('%s', (name) => {
  it('hides every piece of clutter and keeps every part of the article', () => {
    const doc = fixture(name);
    const { result } = declutter(doc);
    const toHide = [...doc.querySelectorAll('[data-expect="hide"]')];
    const toKeep = [...doc.querySelectorAll('[data-expect="keep"]')];
    expect(toHide.length).toBeGreaterThanOrEqual(10);
    expect(toKeep.length).toBeGreaterThanOrEqual(12);
    expect(toHide.filter((el) => !hidden(el)).map(describeEl)).toEqual([]);
    expect(toKeep.filter(hidden).map(describeEl)).toEqual([]);
    expect(result.boilerplate).toBe(doc.querySelectorAll(`[${DECLUTTER_ATTR}]`).length);
  });

  it('hides as few, large elements as it can: a whole sidebar or box, not its links', () => {
    const doc = fixture(name);
    const { result } = declutter(doc);
    // Each hidden element is one of the fixture's pieces of clutter or holds only clutter (no nesting).
    const marked = [...doc.querySelectorAll(`[${DECLUTTER_ATTR}]`)];
    expect(marked.every((el) => el.parentElement?.closest(`[${DECLUTTER_ATTR}]`) == null)).toBe(true);
    expect(marked.every((el) => el.getAttribute(DECLUTTER_ATTR) === 'boilerplate')).toBe(true);
    expect(result.boilerplate).toBeLessThanOrEqual(doc.querySelectorAll('[data-expect="hide"]').length);
    // Each box is hidden whole: nothing inside a piece of clutter is marked on its own.
    expect(doc.querySelectorAll(`[data-expect="hide"] [${DECLUTTER_ATTR}], li[${DECLUTTER_ATTR}]`)).toHaveLength(0);
  });

  it('reverts exactly, and a second run hides nothing new', () => {
    const doc = fixture(name);
    const before = doc.documentElement.outerHTML;
    const { marks } = declutter(doc);
    expect(doc.documentElement.outerHTML).not.toBe(before);
    expect(markBoilerplate(doc, findArticle(doc), marks).boilerplate).toBe(0);
    marks.revert();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('what is never hidden', () => {
  it('hides nothing on a page that is not an article', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><nav><a href="/a">Home</a> <a href="/b">News</a></nav><ul><li><a href="/c">Latest</a></li></ul><footer>© Site</footer></body></html>',
    );
    expect(declutter(document).result.boilerplate).toBe(0);
    expect(document.querySelector(`[${DECLUTTER_ATTR}]`)).toBeNull();
  });

  it('leaves our own UI alone, even inside the page’s clutter, and never hides head, scripts or styles', () => {
    const doc = fixture('clutter-en.html');
    const host = doc.createElement('div');
    host.setAttribute(OWN_UI_ATTR, '');
    host.textContent = 'Our hover card';
    doc.querySelector('.sidebar')?.append(host);
    const top = doc.createElement('div');
    top.setAttribute(OWN_UI_ATTR, '');
    doc.body.append(top);
    declutter(doc);
    expect(hidden(host)).toBe(false);
    expect(hidden(top)).toBe(false);
    // The sidebar's lists around our UI are still hidden.
    expect(hidden(doc.querySelector('.most-read')!)).toBe(true);
    expect(doc.querySelector(`head[${DECLUTTER_ATTR}], script[${DECLUTTER_ATTR}], style[${DECLUTTER_ATTR}]`)).toBeNull();
  });

  it('never hides a block the extractor kept, whatever it is inside', () => {
    for (const name of ['clutter-en.html', 'clutter-sv.html']) {
      const doc = fixture(name);
      const found = findArticle(doc);
      markBoilerplate(doc, found, createMarks(doc));
      const kept = found.elements.filter((el) => el !== null);
      expect(kept.length).toBeGreaterThan(5);
      expect(kept.filter(hidden).map(describeEl)).toEqual([]);
    }
  });
});

describe('the live page’s article finder', () => {
  it('finds on a copy of the prose’s neighbourhood what it finds on a copy of the whole page', () => {
    for (const name of ['clutter-en.html', 'clutter-sv.html']) {
      const doc = fixture(name);
      const live = findArticle(doc);
      const whole = findArticle(doc, { whole: true });
      expect(live.blocks.map((b) => b.text)).toEqual(whole.blocks.map((b) => b.text));
      expect(live.elements).toEqual(whole.elements);
      expect(live.root).toBe(whole.root);
    }
  });

  it('reads the whole page when its text is not in paragraphs', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of a story written without paragraph tags, as some sites do.`).join(
      '<br>',
    );
    const { document } = parseHTML(
      `<!doctype html><html><head><title>T</title></head><body><div class="side"><p>${'A short teaser. '.repeat(3)}</p></div><div class="story">${lines}</div></body></html>`,
    );
    const found = findArticle(document);
    expect(found.blocks.map((b) => b.text).join(' ')).toContain('Line 12 of a story');
    expect(found.blocks.map((b) => b.text)).toEqual(findArticle(document, { whole: true }).blocks.map((b) => b.text));
  });
});

describe('a page wrapper named for a paywall script', () => {
  it('is looked into: the teasers in it are hidden, the gate in it and the article stay', () => {
    const teasers = Array.from({ length: 5 }, (_, i) => `<li><a href="/t${i}">Teaser headline number ${i + 1} elsewhere</a></li>`).join('');
    const { document } = parseHTML(
      `<!doctype html><html><head><title>The story</title></head><body>
      <div class="ArticlePage-content paywall"><main>
        <h1>The story</h1>
        <div class="article-body">${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the story tells what happened, with enough ordinary words in it to read as prose and not as a list of links.</p>`).join('')}</div>
        <div class="paywall-message">Subscribe to continue reading: this article is for subscribers only.</div>
        <div class="more-from"><h3>More from the site</h3><ul>${teasers}</ul></div>
      </main></div></body></html>`,
    );
    declutter(document);
    expect(hidden(document.querySelector('.more-from')!)).toBe(true);
    expect(hidden(document.querySelector('.paywall-message')!)).toBe(false);
    expect(hidden(document.querySelector('.article-body')!)).toBe(false);
    expect(hidden(document.querySelector('h1')!)).toBe(false);
  });
});
