import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { OWN_UI_ATTR, collectText, pageTitle, summarisePage } from '../../src/page/collect';
import { seedPage } from '../../scripts/lib/server.mjs';

const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;
const html = (body: string, head = '') => parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

describe('collectText', () => {
  it('keeps the visible text of the English fixture and skips what a reader never sees', () => {
    const doc = fixture('en-article.html');
    const text = collectText(doc.body).join(' ');
    expect(text).toContain('The city council switched on the first tidal turbines');
    expect(text).toContain('It is the tide that pays the bill now');
    for (const hidden of ['Hidden teaser', 'Another hidden block', 'Draft comment', 'note in a textarea', '__pageScriptRan']) {
      expect(text).not.toContain(hidden);
    }
  });

  it.each([
    ['<script>var secret = 1</script>', 'secret'],
    ['<style>.secret{}</style>', 'secret'],
    ['<noscript>secret</noscript>', 'secret'],
    ['<template><p>secret</p></template>', 'secret'],
    ['<div hidden><p>secret</p></div>', 'secret'],
    ['<div aria-hidden="true"><span>secret</span></div>', 'secret'],
    ['<div contenteditable><p>secret</p></div>', 'secret'],
    ['<div contenteditable="plaintext-only">secret</div>', 'secret'],
    ['<textarea>secret</textarea>', 'secret'],
    ['<select><option>secret</option></select>', 'secret'],
    [`<div ${OWN_UI_ATTR}>secret</div>`, 'secret'],
    ['<svg><text>secret</text></svg>', 'secret'],
  ])('skips %s', (body, word) => {
    expect(collectText(html(`<p>visible</p>${body}`).body)).toEqual(['visible']);
    expect(collectText(html(body).body).join('')).not.toContain(word);
  });

  it('keeps editable-false regions and aria-hidden="false"', () => {
    expect(collectText(html('<div contenteditable="false">a</div><div aria-hidden="false">b</div>').body)).toEqual(['a', 'b']);
  });

  it('stops at maxChars on huge pages', () => {
    const doc = html(Array.from({ length: 2000 }, (_, i) => `<p>paragraph ${i} with some words</p>`).join(''));
    const parts = collectText(doc.body, { maxChars: 1000 });
    const total = parts.reduce((s, p) => s + p.length, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total).toBeLessThan(1100);
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
