/**
 * Gates (src/page/declutter/gates.ts) in a DOM without layout (linkedom): markers, the gates of
 * the gate fixtures, boilerplate never hiding a gate (while still hiding the boilerplate around
 * it), and walls never taking a gate for a wall nor undoing what a gate does to the page. Layout is
 * faked for the last part (computed styles from inline styles, every element a 900×600 box).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle } from '../../src/corpus/extract-html';
import { markBoilerplate } from '../../src/page/declutter/boilerplate';
import { findGates, gateMarker, isGate } from '../../src/page/declutter/gates';
import { DECLUTTER_ATTR, UNHIDE_ATTR, UNLOCK_ATTR, createMarks } from '../../src/page/declutter/marks';
import { appealCandidates, isWallAppeal, wallText } from '../../src/page/declutter/walls';
import { undoWalls } from '../../src/page/declutter/walls-undo';

const html = (body: string, bodyAttrs = '') =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body ${bodyAttrs}>${body}</body></html>`).document;
const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;
const hidden = (el: Element) => el.closest(`[${DECLUTTER_ATTR}]`) !== null;
const describeEl = (el: Element) => `${el.tagName.toLowerCase()}#${el.id}.${(el.getAttribute('class') ?? '').split(' ').join('.')}`;

describe('gate markers', () => {
  it.each([
    ['OneTrust banner', '<div id="onetrust-banner-sdk"></div>', 'consent'],
    ['OneTrust container', '<div id="onetrust-consent-sdk"></div>', 'consent'],
    ['Didomi', '<div id="didomi-host"></div>', 'consent'],
    ['Quantcast', '<div class="qc-cmp2-container"></div>', 'consent'],
    ['Cookiebot', '<div id="CybotCookiebotDialog"></div>', 'consent'],
    ['Usercentrics', '<div id="usercentrics-root"></div>', 'consent'],
    ['TrustArc', '<div id="truste-consent-track"></div>', 'consent'],
    ['Funding Choices consent', '<div class="fc-consent-root"></div>', 'consent'],
    ['IAB TCF locator frame', '<iframe name="__tcfapiLocator"></iframe>', 'consent'],
    ['a cookie bar', '<div class="cookie-bar"></div>', 'consent'],
    ['a consent dialog by its label', '<div role="dialog" aria-label="Your privacy choices"></div>', 'consent'],
    ['a region labelled for cookies', '<section aria-label="Cookie banner"></section>', 'consent'],
    ['Piano container', '<div class="tp-container-inner"></div>', 'paywall'],
    ['Piano class', '<div class="piano-offer"></div>', 'paywall'],
    ['Poool', '<div id="poool-widget"></div>', 'paywall'],
    ['Zephr', '<div class="zephr-feature"></div>', 'paywall'],
    ['a paywall', '<div class="article-paywall"></div>', 'paywall'],
    ['data-paywall', '<div data-paywall="hard"></div>', 'paywall'],
    ['a regwall', '<div class="regwall"></div>', 'login'],
  ])('%s', (_what, markup, kind) => {
    expect(gateMarker(html(markup).body.firstElementChild!)).toBe(kind);
  });

  it.each([
    ['a newsletter form’s consent checkbox', '<input type="checkbox" name="gdpr_consent" class="consent-check">'],
    ['a footer link', '<a class="cookie-settings" href="/cookies">Cookie settings</a>'],
    ['a footer nav labelled for privacy', '<nav aria-label="Privacy and legal"></nav>'],
    ['an ad-block root (its wording decides)', '<div class="fc-ab-root"></div>'],
    ['Piano’s modal (its wording decides)', '<div class="tp-modal"></div>'],
    ['Sourcepoint (its wording decides)', '<div id="sp_message_container_123"></div>'],
    ['a newsletter box', '<div class="newsletter-signup"></div>'],
  ])('not a gate marker: %s', (_what, markup) => {
    expect(gateMarker(html(markup).body.firstElementChild!)).toBeNull();
  });

  it('vendor containers are gates by their wording', () => {
    const doc = html(
      '<div class="tp-modal" id="a"><p>Subscribe to continue reading.</p></div>' +
        '<div id="sp_message_container_1"><p>We and our partners store and/or access information on a device.</p></div>' +
        '<div class="tp-modal" id="c"><p>Ad blocker detected. Please disable it.</p></div>',
    );
    expect(isGate(doc.getElementById('a')!)).toBe(true);
    expect(isGate(doc.getElementById('sp_message_container_1')!)).toBe(true);
    expect(isGate(doc.getElementById('c')!)).toBe(false);
  });
});

/** The gate fixtures: the gate's element, whether boilerplate hides a "Most read" box there, the newsletter box that is hidden too. */
const GATE_FIXTURES: [name: string, gates: string[], mostRead: string, newsletter: string | null][] = [
  ['gate-mixed-en.html', ['#gate'], '.most-read', '.newsletter-box'],
  ['gate-inline-en.html', ['#gate'], '.most-read', '.newsletter-signup'],
  ['gate-consent-en.html', ['#onetrust-consent-sdk', '#gate', 'iframe[name="__tcfapiLocator"]'], '.most-read', null],
  ['gate-login-sv.html', ['#gate'], '.mest-last', '.nyhetsbrev'],
  ['gate-meter-fr.html', ['#gate'], '.les-plus-lus', '.newsletter'],
];

describe('the gate fixtures', () => {
  it.each(GATE_FIXTURES)('%s: its gates are found', (name, gates) => {
    const doc = fixture(name);
    const found = findGates(doc);
    for (const sel of gates) expect(found.map(describeEl)).toContain(describeEl(doc.querySelector(sel)!));
  });

  it.each(GATE_FIXTURES)('%s: boilerplate hides no gate, but hides the boilerplate around it', (name, gates, mostRead, newsletter) => {
    const doc = fixture(name);
    const marks = createMarks(doc);
    const { boilerplate } = markBoilerplate(doc, findArticle(doc), marks);
    expect(boilerplate).toBeGreaterThan(0);
    for (const g of [...gates.map((sel) => doc.querySelector(sel)!), ...findGates(doc)]) {
      expect(hidden(g), describeEl(g)).toBe(false);
      expect(g.querySelector(`[${DECLUTTER_ATTR}]`)).toBeNull();
    }
    expect(hidden(doc.querySelector(mostRead)!)).toBe(true);
    if (newsletter) expect(hidden(doc.querySelector(newsletter)!)).toBe(true);
    // Content behind a gate is never shown again by boilerplate (it only hides).
    expect(doc.querySelector(`[${UNHIDE_ATTR}], [${UNLOCK_ATTR}]`)).toBeNull();
  });

  it('the cookie bar of wall-neg-header-en is not boilerplate', () => {
    const doc = fixture('wall-neg-header-en.html');
    markBoilerplate(doc, findArticle(doc), createMarks(doc));
    expect(hidden(doc.querySelector('.cookie-bar')!)).toBe(false);
  });

  it('gates named like boilerplate stay; a subscribe promo and a newsletter box do not', () => {
    const para = (i: number) =>
      `<p>Paragraph ${i} of the story about the council's new budget, which the mayor presented on Tuesday with cuts to parks and more money for schools.</p>`;
    const doc = html(
      `<header><nav><a href="/">Home</a> <a href="/a">News</a> <a href="/b">Sport</a></nav></header>` +
        `<main><article><h1>Council budget cuts parks</h1>${[1, 2, 3, 4, 5].map(para).join('')}` +
        `<div class="subscribe-box" id="g1"><h3>Subscribe to continue reading</h3><p>Already a subscriber? <a href="/l">Sign in</a></p></div>` +
        `</article></main>` +
        `<aside><div class="paywall-teaser" id="g2"><p>Premium</p></div><div class="cookie-notice" id="g3"><p>OK</p></div>` +
        `<div class="subscribe-promo" id="promo"><a href="/s">Subscribe from £1 a week</a></div>` +
        `<div class="newsletter" id="news"><p>Sign up for our newsletter</p></div></aside><footer>© Site</footer>`,
    );
    markBoilerplate(doc, findArticle(doc), createMarks(doc));
    for (const id of ['g1', 'g2', 'g3']) expect(hidden(doc.getElementById(id)!), id).toBe(false);
    for (const id of ['promo', 'news']) expect(hidden(doc.getElementById(id)!), id).toBe(true);
  });
});

describe('walls never take a gate for a wall', () => {
  it('mixed wording, an appeal inside a paywall, an appeal around a gate: no candidates', () => {
    const article = '<main><article><h1>H</h1><p>The council met on Tuesday.</p></article></main>';
    const cases = [
      '<div class="adblock-modal" role="dialog">Disable your ad blocker or subscribe to keep reading.</div>',
      '<div class="paywall"><div class="adblock-notice" role="dialog">Ad blocker detected. Please disable it.</div></div>',
      '<div class="modal" role="dialog"><p>Ad blocker detected. Please disable it.</p><div id="poool-widget"></div></div>',
      '<div role="dialog"><p>Ad blocker detected: please disable it.</p><p>You have reached your limit of free articles.</p></div>',
    ];
    for (const c of cases) {
      const doc = html(article + c);
      expect(appealCandidates(doc, { article: doc.querySelector('article') }).map(describeEl), c).toEqual([]);
    }
  });

  it('a part of a gate is no wall of its own (the heading of gate-mixed-en alone reads as an appeal)', () => {
    const doc = fixture('gate-mixed-en.html');
    const heading = doc.querySelector('#gate h2')!;
    expect(isWallAppeal(heading, wallText(heading), [])).toBe(true);
    expect(isWallAppeal(heading, wallText(heading))).toBe(false);
  });

  it('gate-meter-fr: the separate ad-block notice is the only candidate; gate-mixed-en: none', () => {
    const fr = fixture('gate-meter-fr.html');
    expect(appealCandidates(fr, { article: fr.querySelector('article') }).map((e) => e.id)).toEqual(['wall']);
    const en = fixture('gate-mixed-en.html');
    expect(appealCandidates(en, { article: en.querySelector('article') })).toEqual([]);
  });
});

/** Computed styles from inline styles and our marks' stylesheet (enough for walls.ts), every displayed element a 900×600 box. */
function fakeView(doc: Document): Window {
  const MARKED: Record<string, [string, Record<string, string>]> = {
    display: [DECLUTTER_ATTR, { display: 'none' }],
    'overflow-y': [UNLOCK_ATTR, { 'overflow-y': 'auto', position: 'static' }],
    filter: [UNHIDE_ATTR, { filter: 'none', opacity: '1', visibility: 'visible', 'pointer-events': 'auto' }],
  };
  const get = (el: Element, p: string, d: string) => {
    for (const [attr, values] of Object.values(MARKED)) if (el.hasAttribute(attr) && values[p]) return values[p];
    return (el as HTMLElement).style.getPropertyValue(p) || d;
  };
  return {
    innerWidth: 900,
    innerHeight: 600,
    scrollTo: () => undefined,
    getComputedStyle: (el: Element) =>
      ({
        display: get(el, 'display', 'block'),
        visibility: get(el, 'visibility', 'visible'),
        position: get(el, 'position', 'static'),
        zIndex: get(el, 'z-index', 'auto'),
        opacity: get(el, 'opacity', '1'),
        filter: get(el, 'filter', 'none'),
        pointerEvents: get(el, 'pointer-events', 'auto'),
        overflowY: get(el, 'overflow-y', get(el, 'overflow', 'visible')),
        top: get(el, 'top', 'auto'),
      }) as CSSStyleDeclaration,
    document: doc,
  } as unknown as Window;
}

describe('walls never undo what a gate does (faked layout)', () => {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(html('<div></div>').body)) as { getBoundingClientRect: () => unknown };
  let original: () => unknown;
  beforeAll(() => {
    original = proto.getBoundingClientRect;
    proto.getBoundingClientRect = function (this: HTMLElement) {
      const shown = this.style.getPropertyValue('display') !== 'none';
      return { x: 0, y: 0, left: 0, top: 0, width: shown ? 900 : 0, height: shown ? 600 : 0, right: 900, bottom: 600 };
    };
  });
  afterAll(() => {
    proto.getBoundingClientRect = original;
  });

  const page = (gate: string) =>
    html(
      `<main style="filter: blur(4px)"><article id="art"><h1>H</h1><p>The council met on Tuesday to discuss the bridge.</p></article></main>` +
        `<div id="wall" role="dialog" style="position: fixed; z-index: 9999">Ad blocker detected. Please disable your ad blocker.</div>${gate}`,
      'class="modal-open" style="overflow: hidden"',
    );
  const run = (doc: Document, marks = createMarks(doc)) => {
    undoWalls(doc, fakeView(doc), marks, { article: doc.getElementById('art') });
    return marks;
  };
  const undone = (doc: Document) => doc.querySelectorAll(`[${UNLOCK_ATTR}], [${UNHIDE_ATTR}]`).length;

  it('control: without a gate the wall is hidden, the scroll unlocked and the content shown', () => {
    const doc = page('');
    run(doc);
    expect(doc.getElementById('wall')!.getAttribute(DECLUTTER_ATTR)).toBe('wall');
    expect(undone(doc)).toBeGreaterThan(0);
  });

  it.each([
    ['a paywall box', '<div class="paywall-box"><h2>Subscribe to continue reading</h2></div>'],
    ['a login gate (de)', '<div class="login-box"><p>Melden Sie sich an, um den ganzen Artikel zu lesen.</p></div>'],
    ['a modal consent dialog', '<div id="onetrust-banner-sdk" role="dialog" aria-modal="true"><p>We use cookies.</p></div>'],
    [
      'a consent layer over the page',
      '<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter" style="position: fixed"></div><div id="onetrust-banner-sdk"><p>We use cookies.</p></div></div>',
    ],
  ])('with %s showing: the separate wall is hidden, nothing else undone, the gate untouched', (_what, gate) => {
    const doc = page(gate);
    const body = doc.body.getAttribute('style');
    const main = doc.querySelector('main')!.getAttribute('style');
    run(doc);
    expect(doc.getElementById('wall')!.getAttribute(DECLUTTER_ATTR)).toBe('wall');
    expect(doc.querySelectorAll(`[${DECLUTTER_ATTR}]`)).toHaveLength(1);
    expect(undone(doc)).toBe(0);
    expect(doc.body.getAttribute('style')).toBe(body);
    expect(doc.querySelector('main')!.getAttribute('style')).toBe(main);
  });

  it('an ordinary cookie bar beside the page blocks nothing: the wall is undone in full, the bar untouched', () => {
    const doc = page('<div id="onetrust-banner-sdk" class="cookie-bar"><p>We use cookies. <button>Accept all</button></p></div>');
    run(doc);
    expect(doc.getElementById('wall')!.getAttribute(DECLUTTER_ATTR)).toBe('wall');
    expect(undone(doc)).toBeGreaterThan(0);
    expect(doc.getElementById('onetrust-banner-sdk')!.hasAttribute(DECLUTTER_ATTR)).toBe(false);
  });

  it('a gate that comes after the wall was undone: the unlock and the shown content are taken back', async () => {
    const doc = page('');
    const before = doc.documentElement.outerHTML;
    const marks = run(doc);
    expect(undone(doc)).toBeGreaterThan(0);
    const gate = doc.createElement('div');
    gate.className = 'tp-container-inner';
    gate.textContent = 'Subscribe to continue reading';
    doc.body.append(gate);
    // (The watch looks again in a later task: the page's gates are computed once per task.)
    await Promise.resolve();
    run(doc, marks);
    expect(undone(doc)).toBe(0);
    expect(doc.body.getAttribute('style')).toBe('overflow: hidden');
    expect(doc.getElementById('wall')!.getAttribute(DECLUTTER_ATTR)).toBe('wall');
    gate.remove();
    marks.revert();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a hidden gate (a consent SDK that already got its answer) does not count', () => {
    const doc = page('<div id="onetrust-consent-sdk" style="display: none"><p>We use cookies.</p></div>');
    run(doc);
    expect(undone(doc)).toBeGreaterThan(0);
  });
});
