/**
 * Marks: a successor script takes over the marks an earlier one left (walls.js, then declutter.js
 * in the same document), so one revert still gives the page back exactly; a boilerplate verdict
 * can be taken back alone.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DECLUTTER_ATTR, ORIGINAL_STYLE_ATTR, UNHIDE_ATTR, UNLOCK_ATTR, createMarks } from '../../src/page/declutter/marks';

const page = () =>
  parseHTML(
    '<!doctype html><html><head><title>t</title></head><body style="overflow: hidden !important"><main><p>Text</p></main><div id="wall">Ad blocker detected</div><aside id="box">Most read</aside></body></html>',
  ).document;

describe('marks', () => {
  it('adopts the marks already on the page, and one revert undoes both scripts’ work', () => {
    const doc = page();
    const before = doc.documentElement.outerHTML;
    const first = createMarks(doc);
    first.hide(doc.getElementById('wall')!, 'wall');
    first.unlockScroll();
    first.unhide(doc.querySelector('main')!);
    first.overrideInline(doc.body, { 'overflow-y': 'auto' });
    // The first script stops without reverting; the second takes over.
    const second = createMarks(doc, { adopt: true });
    expect(second.counts()).toEqual({ wall: 1, backdrop: 0, boilerplate: 0 });
    expect(second.isHidden(doc.getElementById('wall')!)).toBe(true);
    second.hide(doc.getElementById('box')!, 'boilerplate');
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    second.revert();
    for (const attr of [DECLUTTER_ATTR, UNLOCK_ATTR, UNHIDE_ATTR, ORIGINAL_STYLE_ATTR])
      expect(doc.querySelectorAll(`[${attr}]`)).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('without adopt, knows only its own marks', () => {
    const doc = page();
    createMarks(doc).hide(doc.getElementById('wall')!, 'wall');
    expect(createMarks(doc).counts().wall).toBe(0);
  });

  it('takes back one verdict: the element shows again, the rest stays', () => {
    const doc = page();
    const marks = createMarks(doc);
    const box = doc.getElementById('box')!;
    marks.hide(box, 'boilerplate');
    marks.hide(doc.getElementById('wall')!, 'wall');
    expect(marks.kindOf(box)).toBe('boilerplate');
    expect(marks.marked('boilerplate')).toEqual([box]);
    marks.unmark(box);
    expect(marks.marked('boilerplate')).toEqual([]);
    expect(marks.marked('wall')).toEqual([doc.getElementById('wall')]);
    expect(box.hasAttribute(DECLUTTER_ATTR)).toBe(false);
    expect(marks.kindOf(box)).toBeNull();
    expect(marks.counts()).toEqual({ wall: 1, backdrop: 0, boilerplate: 0 });
  });
});
