/** The declutter fixtures both browsers' suites check, and what the reader sees on a page. */

/** A wall fixture: a sentence of its appeal and one of its article. */
export const WALL_PAGES: { name: string; appeal: string; paragraph: string; scrollTo?: number }[] = [
  { name: 'wall-modal-en', appeal: 'Please disable your ad blocker', paragraph: 'opened its doors again on Monday morning' },
  { name: 'wall-bait-de', appeal: 'Bitte deaktivieren Sie Ihren Werbeblocker', paragraph: 'senken zum ersten Juli' },
  { name: 'wall-fc-sv', appeal: 'Det verkar som att du använder en annonsblockerare', paragraph: 'var tionde minut' },
  { name: 'wall-piano-fr', appeal: 'Vous utilisez un bloqueur de publicité', paragraph: 'la halle du marché de Belleroche a rouvert' },
  {
    name: 'wall-blur-es',
    appeal: 'Hemos detectado un bloqueador de anuncios',
    paragraph: 'inauguró el lunes el primer carril bici',
    scrollTo: 800,
  },
];

/**
 * A gate fixture (test/fixtures/pages/gate-*.html): a paywall, login or consent gate that declutter
 * must leave alone, over content it may have blurred or hidden, beside boilerplate that declutter
 * does hide.
 */
export interface GatePage {
  name: string;
  /** The gates' elements, and a sentence of the (first) gate's text. */
  gates: string[];
  gateText: string;
  /** Content the gate blurred, dimmed or hid: it stays so. */
  concealed?: string;
  /** The gate locked scrolling: it stays locked. */
  locked: boolean;
  /** A boilerplate box's heading that must be gone (proof that boilerplate ran), and a sentence of the article that must stay. */
  gone: string;
  paragraph: string;
  /** A separate ad-block notice on the page: hidden as a wall. */
  wall?: string;
}

export const GATE_PAGES: GatePage[] = [
  {
    name: 'gate-mixed-en',
    gates: ['#gate'],
    gateText: 'Disable your ad blocker or subscribe to keep reading',
    concealed: '.story-wrap',
    locked: true,
    gone: 'Most read',
    paragraph: 'doubling the number of crossings',
  },
  {
    name: 'gate-inline-en',
    gates: ['#gate'],
    gateText: 'Subscribe to continue reading',
    concealed: '#concealed',
    locked: false,
    gone: 'Most read',
    paragraph: 'starts a four-year repair',
  },
  {
    name: 'gate-consent-en',
    gates: ['#onetrust-banner-sdk', '#gate'],
    gateText: 'We use cookies to personalise content and ads',
    locked: true,
    gone: 'Most read',
    paragraph: 'busiest summer in its history',
  },
  {
    name: 'gate-login-sv',
    gates: ['#gate'],
    gateText: 'Logga in för att läsa hela artikeln',
    concealed: '#concealed',
    locked: false,
    gone: 'Mest läst',
    paragraph: 'ska vara klar i juni',
  },
  {
    name: 'gate-meter-fr',
    gates: ['#gate'],
    gateText: 'Vous avez atteint la limite de vos articles gratuits',
    concealed: '#concealed',
    locked: true,
    gone: 'Les plus lus',
    paragraph: 'avec quarante étals',
    wall: '#wall',
  },
];

/** Read in the page: the state of a gate fixture (the argument is its GatePage). */
export const GATE_STATE = `((f) => {
  const gates = f.gates.map((s) => document.querySelector(s));
  const concealed = f.concealed ? document.querySelector(f.concealed) : null;
  const cs = concealed ? getComputedStyle(concealed) : null;
  const wall = f.wall ? document.querySelector(f.wall) : null;
  // (A script's scroll ignores overflow: hidden: the lock is read from the computed style.)
  const locked = [document.documentElement, document.body].some((e) => /hidden|clip/.test(getComputedStyle(e).overflowY));
  return {
    text: document.documentElement.innerText,
    gatesShown: gates.map((g) => !!g && g.checkVisibility({ visibilityProperty: true })),
    gatesMarked: gates.map((g) => !!g && (g.closest('[data-nc-declutter]') !== null || g.querySelector('[data-nc-declutter]') !== null)),
    concealed: cs ? cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) < 0.3 || /blur/.test(cs.filter) : null,
    undone: document.querySelectorAll('[data-nc-unlock], [data-nc-unhide], [data-nc-original-style]').length,
    locked,
    wallHidden: wall ? !wall.checkVisibility() : null,
  };
})`;

export interface GateState {
  text: string;
  gatesShown: boolean[];
  gatesMarked: boolean[];
  concealed: boolean | null;
  undone: number;
  locked: boolean;
  wallHidden: boolean | null;
}

/** What the reader can see and do, read in the page. */
export const READER_VIEW = `(() => {
  const before = document.scrollingElement.scrollTop;
  window.scrollBy(0, 300);
  const scrolled = document.scrollingElement.scrollTop > before;
  window.scrollTo(0, before);
  return { text: document.documentElement.innerText, scrolled, marked: document.querySelectorAll('[data-nc-declutter]').length };
})()`;

export interface ReaderView {
  text: string;
  scrolled: boolean;
  marked: number;
}
