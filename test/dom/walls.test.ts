/**
 * The half of the wall detection that needs no layout (linkedom has no computed styles or boxes):
 * which elements are candidates, whose text is an appeal, which vendor a container belongs to,
 * what is never a wall, and the lock classes. Positions, z-index, sizes, visibility and the undoing
 * itself are tested in real browsers (test/e2e/walls.e2e.ts).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { OWN_UI_ATTR } from '../../src/page/own-ui';
import { appealCandidates, hasLockClass, isCandidate, vendorOf, wallText } from '../../src/page/declutter/walls';

const html = (body: string, bodyAttrs = '') =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body ${bodyAttrs}>${body}</body></html>`).document;
const fixture = (name: string) => parseHTML(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')).document;
const describeEl = (el: Element) =>
  `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${(el.getAttribute('class') ?? '').split(' ').join('.')}`;

const ARTICLE = '<main><article><h1>Headline</h1><p>The council met on Tuesday to discuss the new bridge.</p></article></main>';

describe('vendor message containers: the appeal decides, not the vendor', () => {
  it.each([
    [
      'Funding Choices, Swedish appeal',
      '<div class="fc-ab-root"><div class="fc-dialog" role="dialog"><h1>Det verkar som att du använder en annonsblockerare</h1><p>Tillåt annonser eller pausa din annonsblockerare.</p></div><div class="fc-dialog-overlay"></div></div>',
      'funding-choices',
    ],
    [
      'Sourcepoint, English appeal',
      '<div id="sp_message_container_1094253" class="sp-message"><div>It looks like you are using an ad blocker. Please whitelist our site.</div></div>',
      'sourcepoint',
    ],
    [
      'Piano, French appeal',
      '<div class="tp-modal"><div class="tp-iframe-wrapper">Vous utilisez un bloqueur de publicité : désactivez-le pour continuer.</div></div>',
      'piano',
    ],
  ])('%s: a wall', (_what, markup, vendor) => {
    const doc = html(ARTICLE + markup);
    const found = appealCandidates(doc, { article: doc.querySelector('article') });
    expect(found.map(describeEl)).toHaveLength(1);
    expect(vendorOf(found[0]!)).toBe(vendor);
  });

  it.each([
    [
      'Funding Choices consent message',
      '<div class="fc-consent-root fc-ab-root"><div role="dialog">We use cookies and data to deliver our services and show ads. Accept all or manage options.</div></div>',
    ],
    [
      'Sourcepoint consent message',
      '<div id="sp_message_container_1094253"><div>Vi använder cookies för att visa annonser. Godkänn alla eller välj inställningar.</div></div>',
    ],
    [
      'Piano paywall',
      '<div class="tp-modal"><div class="tp-iframe-wrapper"><h2>Subscribe to continue reading</h2><p>Already a subscriber? Sign in.</p></div></div><div class="tp-backdrop"></div>',
    ],
    ['Piano paywall (sv)', '<div class="tp-modal"><p>Prenumerera för att läsa vidare. Redan prenumerant? Logga in.</p></div>'],
    [
      'a cookie dialog (de)',
      '<div role="dialog" aria-modal="true">Wir verwenden Cookies, um Werbung zu personalisieren. Alle akzeptieren</div>',
    ],
    ['a newsletter popup', '<div class="newsletter-popup" role="dialog">Sign up for our morning newsletter.</div>'],
    ['an ad slot named like a notice', '<div class="ad-block ad-slot">Advertisement</div>'],
  ])('%s: left alone', (_what, markup) => {
    const doc = html(ARTICLE + markup);
    expect(appealCandidates(doc, { article: doc.querySelector('article') }).map(describeEl)).toEqual([]);
  });
});

describe('candidates', () => {
  it('are dialogs, ad-block and overlay names, and inline fixed positions or z-indexes', () => {
    const doc = html(`
      <div id="a" role="alertdialog"></div><div id="b" aria-modal="true"></div><dialog id="c" open></dialog><dialog id="c2"></dialog>
      <div id="d" class="AdBlock-Notice"></div><div id="adblock-wall"></div><div id="e" class="site-modal"></div>
      <div id="f" style="position: fixed; inset: 0"></div><div id="g" style="z-index: 99999"></div>
      <div id="h" class="content"></div><div id="i" style="color: red"></div><div id="j" class="header"></div>`);
    const ids = Array.from(doc.querySelectorAll('body > *'))
      .filter(isCandidate)
      .map((e) => e.id);
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'adblock-wall', 'e', 'f', 'g']);
  });

  it('only the outermost of nested appeals is taken (the overlay, not its dialog box)', () => {
    const doc = html(
      `${ARTICLE}<div class="modal" id="m"><div class="modal-dialog" role="dialog"><div class="modal-content">Ad blocker detected: please disable it.</div></div></div>`,
    );
    expect(appealCandidates(doc).map((e) => e.id)).toEqual(['m']);
  });

  it('never: anything holding the article, the main content, or our own UI', () => {
    const appeal = '<p>We noticed you are using an ad blocker. Please disable it.</p>';
    const doc = html(
      `<div class="page-overlay" id="wrap"><article id="art"><p>Story text.</p></article>${appeal}</div>` +
        `<div class="popup" id="withmain"><main><p>Main text</p></main>${appeal}</div>` +
        `<div class="modal" ${OWN_UI_ATTR}>${appeal}</div>`,
    );
    expect(appealCandidates(doc, { article: doc.getElementById('art') }).map((e) => e.id)).toEqual([]);
    // Without the article hint the wrapper could be a wall as far as the text goes (findWalls also weighs the page's text).
    expect(appealCandidates(doc).map((e) => e.id)).toEqual(['wrap']);
  });
});

describe('wallText', () => {
  it('reads text, labels, alts and iframe titles, not scripts, styles or our UI', () => {
    const doc = html(
      `<div id="w" aria-label="Ad blocker detected"><style>.x{}</style><script>var adblock = 'disable';</script>` +
        `<p>Please <b>disable</b> it.</p><img alt="AdBlock logo"><iframe title="Allowlist instructions"></iframe>` +
        `<span ${OWN_UI_ATTR}>Our hover card</span></div>`,
    );
    const text = wallText(doc.getElementById('w')!);
    expect(text).toBe('Ad blocker detected Please disable it. AdBlock logo Allowlist instructions');
  });

  it('is bounded', () => {
    const doc = html(`<div id="w">${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(2000)}</div>`);
    expect(wallText(doc.getElementById('w')!, 500).length).toBeLessThanOrEqual(500);
  });
});

describe('lock classes', () => {
  it.each([
    ['modal-open', true],
    ['single-post tp-modal-open', true],
    ['no-scroll', true],
    ['noscroll', true],
    ['adblock-detected', true],
    ['scroll-locked', true],
    ['modal-opener', false],
    ['single single-post', false],
    ['', false],
  ])('%s: %s', (cls, locked) => {
    expect(hasLockClass(html('', `class="${cls}"`).body)).toBe(locked);
  });
});

describe('the fixture pages, as served (before their scripts run)', () => {
  it.each(['wall-neg-consent-sv.html', 'wall-neg-paywall-en.html', 'wall-modal-en.html', 'wall-fc-sv.html', 'wall-piano-fr.html'])(
    '%s: no appeal among the candidates (walls are put up by the scripts; the negatives never)',
    (name) => {
      const doc = fixture(name);
      expect(appealCandidates(doc, { article: doc.querySelector('article') }).map(describeEl)).toEqual([]);
    },
  );

  it('an article about ad blockers is never a candidate; a notice that never shows is, by its text (showing is for layout to tell)', () => {
    const doc = fixture('wall-neg-header-en.html');
    expect(appealCandidates(doc, { article: doc.querySelector('article') }).map(describeEl)).toEqual(['div#adblock-notice.adblock-modal']);
  });
});
