import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/core/text';
import { pageTitle, summarisePage } from '../../src/page/collect';
import { buildTextMap } from '../../src/page/text-map';
import { seedPage } from '../../scripts/lib/server.mjs';

const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;
const html = (body: string, head = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

describe('the page text summarised', () => {
  it('is the visible text of the English fixture, without what a reader never sees (the text map decides)', () => {
    const doc = fixture('en-article.html');
    const text = buildTextMap(doc).text;
    expect(text).toContain('The city council switched on the first tidal turbines');
    expect(text).toContain('It is the tide that pays the bill now');
    for (const hidden of ['Hidden teaser', 'Another hidden block', 'Draft comment', 'note in a textarea', '__pageScriptRan']) {
      expect(text).not.toContain(hidden);
    }
    expect(summarisePage(doc, 'http://x/').words).toBe(countWords(text));
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
  it('summarises the English fixture', () => {
    const s = summarisePage(fixture('en-article.html'), 'http://127.0.0.1/fixtures/en-article.html');
    expect(s).toMatchObject({ title: 'Harbour city opens its first tidal power station', lang: 'en', langSource: 'detected' });
    expect(s.words).toBeGreaterThan(100);
    expect(s.words).toBeLessThan(140);
  });

  it('trusts clear text evidence over a wrong lang attribute', () => {
    expect(summarisePage(fixture('sv-article.html'), 'http://x/')).toMatchObject({ lang: 'sv', langSource: 'detected' });
  });

  it('falls back to the declared language when the text says too little', () => {
    const doc = parseHTML('<!doctype html><html lang="de-AT"><body><p>Kurz.</p></body></html>').document;
    expect(summarisePage(doc, 'http://x/')).toMatchObject({ lang: 'de', langSource: 'declared', words: 1 });
    expect(summarisePage(html('<p>Hi</p>'), 'http://x/')).toMatchObject({ lang: 'und', langSource: 'none' });
  });

  it('recognises the Swedish seed article rendered as the demo page', () => {
    const doc = parseHTML(
      seedPage('000', readFileSync(new URL('../../assets/seeds/000_d35634ae92cf12c4.txt', import.meta.url), 'utf8')),
    ).document;
    expect(summarisePage(doc, 'http://x/').lang).toBe('sv');
  });
});
