import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { OWN_UI_ATTR } from '../../src/page/own-ui';
import { createHighlighter, highlightSupport } from '../../src/page/highlight';
import {
  HARD_CUT,
  type TextChunk,
  type TextMap,
  buildTextMap,
  createTextWalk,
  isInSkippedTree,
  locate,
  offsetOf,
} from '../../src/page/text-map';

const html = (body: string) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document;
const textOf = (body: string) => buildTextMap(html(body)).text;

/** Every offset of every node maps back to the same character, and the string is made of the nodes plus separators. */
function expectRoundTrip(map: TextMap): void {
  let pieces = 0;
  map.nodes.forEach((node, i) => {
    const start = map.starts[i]!;
    expect(map.text.slice(start, start + node.data.length)).toBe(node.data.replace(/[\t\n\r\f\v\u00a0]/g, ' '));
    pieces += node.data.length;
    for (let k = 0; k < node.data.length; k++) {
      expect(locate(map, start + k)).toEqual({ node, offset: k });
      expect(offsetOf(map, node, k)).toBe(start + k);
    }
    expect(locate(map, start + node.data.length, 'end')).toEqual({ node, offset: node.data.length });
  });
  // The rest of the string is separators, and only separators are "\n".
  expect(map.text.length - pieces).toBe((map.text.match(/\n/g) ?? []).length);
}

describe('buildTextMap: what is visible', () => {
  it.each([
    ['<script>var secret = 1</script>'],
    ['<style>.secret{}</style>'],
    ['<noscript>secret</noscript>'],
    ['<template><p>secret</p></template>'],
    ['<div hidden><p>secret</p></div>'],
    ['<div aria-hidden="true"><span>secret</span></div>'],
    ['<div contenteditable><p>secret</p></div>'],
    ['<div contenteditable="plaintext-only">secret</div>'],
    ['<textarea>secret</textarea>'],
    ['<input value="secret">'],
    ['<select><option>secret</option></select>'],
    ['<button>secret</button>'],
    [`<div ${OWN_UI_ATTR}><p>secret</p></div>`],
    ['<svg><text>secret</text></svg>'],
    ['<iframe srcdoc="secret">secret</iframe>'],
    ['<details><summary>shown</summary><p>secret</p></details>'],
  ])('skips %s', (body) => {
    const text = textOf(`<p>visible</p>${body}`);
    expect(text).not.toContain('secret');
    expect(text.startsWith('visible')).toBe(true);
  });

  it('keeps what is visible: editable-false, aria-hidden="false", open <details>, a closed one\'s summary', () => {
    const text = textOf(
      '<div contenteditable="false">a</div><div aria-hidden="false">b</div><details open><summary>c</summary>d</details><details><summary>e</summary>f</details>',
    );
    expect(text.split('\n')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('separates blocks so that words of different blocks never join, and keeps inline runs together', () => {
    expect(textOf('<p>Meta</p><p>invests</p>')).toBe('Meta\ninvests');
    expect(textOf('<p><b>Scale</b> <i>AI</i> deal</p><ul><li>one</li><li>two</li></ul>')).toBe('Scale AI deal\none\ntwo');
    expect(textOf('<table><tr><td>Meta</td><td>Platforms</td></tr></table>')).toBe('Meta\nPlatforms');
    expect(textOf('line<br>break')).toBe('line\nbreak');
    expect(textOf('<div><div><p>deep</p></div></div><span>tail</span>')).toBe('deep\ntail');
  });

  it('turns tabs, line breaks and no-break spaces into spaces one for one', () => {
    const map = buildTextMap(html('<p>Scale\u00a0AI\n  and\tMeta</p>'));
    expect(map.text).toBe('Scale AI   and Meta');
    expectRoundTrip(map);
  });

  it('maps every character of a real fixture back to its node', () => {
    const doc = parseHTML(readFileSync(new URL('../fixtures/pages/hl-article.html', import.meta.url), 'utf8')).document;
    const map = buildTextMap(doc);
    expect(map.text).toContain('Meta Platforms');
    expect(map.text).not.toContain('__hlPageScript');
    expect(map.nodes.length).toBeGreaterThan(10);
    expectRoundTrip(map);
  });
});

describe('buildTextMap: shadow roots, subtrees, limits', () => {
  it('walks open shadow roots in flat-tree order, with slotted light children where their slot is', () => {
    const doc = html(
      '<p>before</p><x-card id="h"><span>slotted</span><b slot="title">Title</b><i slot="nowhere">unassigned</i></x-card><p>after</p>',
    );
    const host = doc.getElementById('h')!;
    const root = host.attachShadow({ mode: 'open' });
    const title = doc.createElement('h3');
    const titleSlot = doc.createElement('slot');
    titleSlot.setAttribute('name', 'title');
    title.append(titleSlot);
    const body = doc.createElement('p');
    body.append('shadow text ', doc.createElement('slot'));
    const hidden = doc.createElement('div');
    hidden.setAttribute('hidden', '');
    hidden.textContent = 'shadow secret';
    root.append(title, body, hidden);
    const map = buildTextMap(doc);
    expect(map.text).toBe('before\nTitle\nshadow text slotted\nafter');
    expectRoundTrip(map);
  });

  it('uses shadowRootOf for closed roots when given', () => {
    const doc = html('<x-a id="h">light</x-a>');
    const host = doc.getElementById('h')!;
    const root = host.attachShadow({ mode: 'closed' });
    root.append('closed shadow');
    // linkedom exposes even closed roots as shadowRoot; hide it to act like a browser.
    expect(buildTextMap(doc, { shadowRootOf: () => null }).text).toBe('light');
    expect(buildTextMap(doc, { shadowRootOf: (el) => (el === host ? root : null) }).text).toBe('closed shadow');
  });

  it('maps only the given subtrees, skipping nested duplicates and subtrees inside hidden or our own UI', () => {
    const doc = html(
      `<article><p id="a">first <b id="b">bold</b></p><p id="c">second</p></article><div hidden><p id="h">secret</p></div><div ${OWN_UI_ATTR}><p id="o">ours</p></div>`,
    );
    const byId = (id: string) => doc.getElementById(id)!;
    const map = buildTextMap([byId('b'), byId('a'), byId('c'), byId('h'), byId('o'), byId('a')]);
    expect(map.text).toBe('first bold\nsecond');
    expect(isInSkippedTree(byId('h').firstChild!)).toBe(true);
    expect(isInSkippedTree(byId('a').firstChild!)).toBe(false);
    // A lone text node (a MutationObserver's characterData or childList record) is a root too.
    expect(buildTextMap([byId('c').firstChild!]).text).toBe('second');
    expectRoundTrip(map);
  });

  it('locates match edges around separators: a start in a separator moves forward, an end stays back', () => {
    const map = buildTextMap(html('<p>Meta</p><p>Scale AI</p>'));
    expect(map.text).toBe('Meta\nScale AI');
    const [meta, scale] = map.nodes;
    expect(locate(map, 4, 'start')).toEqual({ node: scale, offset: 0 });
    expect(locate(map, 4, 'end')).toEqual({ node: meta, offset: 4 });
    expect(locate(map, 5, 'end')).toEqual({ node: meta, offset: 4 });
    expect(locate(map, 13, 'end')).toEqual({ node: scale, offset: 8 });
    expect(locate(map, 14)).toBeNull();
    expect(locate(map, -1)).toBeNull();
    expect(locate(buildTextMap(html('')), 0)).toBeNull();
  });

  it('stops near maxChars', () => {
    const doc = html(Array.from({ length: 2000 }, (_, i) => `<p>paragraph ${i} with some words</p>`).join(''));
    const map = buildTextMap(doc, { maxChars: 1000 });
    expect(map.text.length).toBeGreaterThanOrEqual(1000);
    expect(map.text.length).toBeLessThan(1100);
  });

  it('walks a 100,000-deep tree without recursion', () => {
    const doc = html('');
    let parent: Element = doc.body;
    for (let i = 0; i < 100_000; i++) {
      const span = doc.createElement('span');
      parent.append(span);
      parent = span;
    }
    parent.append('bottom');
    expect(buildTextMap(doc).text).toBe('bottom');
  });
});

describe('createTextWalk: the same map in bounded, resumable chunks', () => {
  const paragraphs = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: Yann <b>LeCun</b> and <i>Scale</i> AI.</p>`).join('');
  const drain = (walk: ReturnType<typeof createTextWalk>, limits: Parameters<typeof walk.next>[0]) => {
    const out: TextChunk[] = [];
    for (let guard = 0; !walk.done && guard < 100_000; guard++) {
      const c = walk.next(limits);
      if (c) out.push(c);
    }
    return out;
  };

  it('cuts only at block boundaries: the chunks joined by "\\n" are buildTextMap\'s text, each chunk a valid map', () => {
    const doc = html(`<article>${paragraphs(200)}</article><div><span>inline </span>run <b>Meta</b></div>`);
    const whole = buildTextMap(doc).text;
    const chunks = drain(createTextWalk(doc), { chars: 300 });
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.map((c) => c.text).join('\n')).toBe(whole);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThan(300 + 60);
      expectRoundTrip(c);
    }
    expect(chunks.reduce((n, c) => n + c.text.split('Yann LeCun').length - 1, 0)).toBe(200);
  });

  it('pauses at the deadline and resumes where it was, with the partial chunk kept', () => {
    const doc = html(paragraphs(500));
    let clock = 0;
    const walk = createTextWalk(doc);
    const chunks: TextChunk[] = [];
    let pauses = 0;
    while (!walk.done) {
      // The clock is read every 64 nodes: each reading costs 1 ms here, and a call has 2 ms.
      const deadline = clock + 2;
      const c = walk.next({ chars: 5000, deadline, now: () => ++clock });
      // Null: paused (or, once, done).
      if (c) chunks.push(c);
      else pauses++;
    }
    expect(pauses).toBeGreaterThan(10);
    expect(chunks.map((c) => c.text).join('\n')).toBe(buildTextMap(doc).text);
  });

  it('bounds a chunk by nodes too, and cuts inside an inline-only giant block past HARD_CUT', () => {
    const empty = html(`${'<div><span></span></div>'.repeat(2000)}<p>end</p>`);
    let calls = 0;
    const walk = createTextWalk(empty);
    for (let clock = 0; !walk.done;) {
      walk.next({ nodes: 100, deadline: clock + 2, now: () => ++clock });
      calls++;
    }
    expect(calls).toBeGreaterThan(10);
    const giant = html(`<p>${'<span>word </span>'.repeat(1000)}</p>`);
    const chunks = drain(createTextWalk(giant), { chars: 100 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(100 * HARD_CUT + 5);
  });

  it('follows the page between calls: a node removed before its place neither skips nor repeats a paragraph', () => {
    const doc = html(paragraphs(50));
    const walk = createTextWalk(doc.body);
    const first = walk.next({ chars: 500 })!;
    expect(first.text.startsWith('Paragraph 0:')).toBe(true);
    // The page removes the first paragraph and inserts one at the top.
    doc.querySelector('p')!.remove();
    const top = doc.createElement('p');
    top.textContent = 'New top';
    doc.body.prepend(top);
    const rest = drain(walk, { chars: 500 })
      .map((c) => c.text)
      .join('\n');
    const seen = [...`${first.text}\n${rest}`.matchAll(/Paragraph (\d+):/g)].map((m) => Number(m[1]));
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(walk.ahead(top)).toBe(false);
  });

  it('names the roots of each chunk, and knows what lies ahead of it', () => {
    const doc = html(`<main id="m">${paragraphs(30)}</main><aside id="a"><p>Aside</p></aside>`);
    const main = doc.getElementById('m')!;
    const aside = doc.getElementById('a')!;
    const walk = createTextWalk([main, aside]);
    const first = walk.next({ chars: 200 })!;
    expect(first.roots).toEqual([main]);
    expect(walk.ahead(aside.firstChild!)).toBe(true);
    expect(walk.ahead(main.lastChild!)).toBe(true);
    expect(walk.ahead(main.firstChild!)).toBe(false);
    const rest = drain(walk, { chars: 200 });
    expect(rest.at(-1)!.roots.at(-1)).toBe(aside);
    expect(walk.ahead(aside)).toBe(false);
  });
});

describe('createHighlighter on a page without the CSS Custom Highlight API', () => {
  it('says why and does nothing, without throwing', () => {
    const doc = html('<p>Meta invests in Scale AI</p>');
    let entered = 0;
    const hl = createHighlighter({ doc, onEnter: () => entered++ });
    expect(hl.supported).toBe(false);
    expect(hl.reason).toMatch(/CSS Custom Highlight API|no window/);
    const map = buildTextMap(doc);
    expect(hl.update(map, [{ start: 0, end: 4, id: 'meta' }])).toBe(0);
    expect(hl.size).toBe(0);
    expect(hl.step(1)).toBeNull();
    hl.setEnabled(false);
    hl.clear();
    hl.dispose();
    expect(entered).toBe(0);
  });

  it('detects each missing piece', () => {
    type Win = Parameters<typeof highlightSupport>[0];
    expect(highlightSupport({} as Win)).toMatch(/CSS\.highlights/);
    expect(highlightSupport({ CSS: {} } as Win)).toMatch(/CSS\.highlights/);
    expect(highlightSupport({ CSS: { highlights: new Map() } } as unknown as Win)).toMatch(/Highlight constructor/);
    expect(highlightSupport({ CSS: { highlights: new Map() }, Highlight: function Highlight() {} } as unknown as Win)).toBeNull();
  });
});
