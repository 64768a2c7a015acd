/**
 * Declutter leaves pages past its size limits alone (finding the article there would be one long
 * task), and the check itself stops as soon as it knows: it never walks a huge page to the end.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DECLUTTER_LIMITS, tooBigToDeclutter } from '../../src/page/declutter';

const page = (body: string) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document;
const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;

describe('tooBigToDeclutter', () => {
  it('passes real article pages', () => {
    for (const name of ['clutter-en.html', 'clutter-sv.html', 'wall-modal-en.html'])
      expect(tooBigToDeclutter(fixture(name)), name).toBe(false);
  });

  it('stops at too many elements or too much text, counting neither script nor style text', () => {
    const limits = { elements: 50, textChars: 1000 };
    // head, title and body count too.
    expect(tooBigToDeclutter(page('<p>x</p>'.repeat(47)), limits)).toBe(false);
    expect(tooBigToDeclutter(page('<p>x</p>'.repeat(48)), limits)).toBe(true);
    expect(tooBigToDeclutter(page(`<p>${'a'.repeat(999)}</p>`), limits)).toBe(false);
    expect(tooBigToDeclutter(page(`<p>${'a'.repeat(600)}</p><p>${'b'.repeat(400)}</p>`), limits)).toBe(true);
    // A page's inline JSON (a framework's state) is not article text.
    expect(
      tooBigToDeclutter(
        page(`<script type="application/json">${'{}'.repeat(5000)}</script><style>${'a{}'.repeat(500)}</style><p>hi</p>`),
        limits,
      ),
    ).toBe(false);
  });

  it('has limits far above a heavy news page and below the hostile pages', () => {
    expect(DECLUTTER_LIMITS.elements).toBeGreaterThanOrEqual(10_000);
    expect(tooBigToDeclutter(page(`<div>${'<span>x</span>'.repeat(DECLUTTER_LIMITS.elements + 1)}</div>`))).toBe(true);
  });
});
