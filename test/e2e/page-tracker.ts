/**
 * The hostile suite's page-world tracker (hostile.e2e.ts), the same in Chromium and Firefox.
 * Runs in the page's main world before its scripts: every element the page makes (parser,
 * createElement, cloneNode, importNode, innerHTML) is remembered, so that what our extension adds
 * shows up as unknown; editable content is snapshot at DOMContentLoaded (before
 * any content script runs). Each browser adds its own main-thread probe.
 */

const KNOWN_ELEMENTS = `  const known = new WeakSet();
  const markTree = (n) => {
    known.add(n);
    if (n.querySelectorAll) for (const e of n.querySelectorAll('*')) known.add(e);
  };
  const wrap = (proto, name) => {
    const orig = proto[name];
    proto[name] = function (...args) {
      const r = orig.apply(this, args);
      if (r instanceof Node) markTree(r);
      return r;
    };
  };
  wrap(Document.prototype, 'createElement');
  wrap(Document.prototype, 'createElementNS');
  wrap(Document.prototype, 'importNode');
  wrap(Node.prototype, 'cloneNode');
  for (const proto of [Element.prototype, ShadowRoot.prototype]) {
    const d = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    Object.defineProperty(proto, 'innerHTML', { ...d, set(v) { d.set.call(this, v); markTree(this); } });
  }
`;

const SNAPSHOTS = `  window.__trackerLate = document.readyState !== 'loading';
  if (window.__trackerLate && document.documentElement) markTree(document);
  // On the window: a frame's initial about:blank window is reused by its first same-origin document.
  window.addEventListener('DOMContentLoaded', () => {
    markTree(document);
    window.__editSnapshot = JSON.stringify({
      ce: [...document.querySelectorAll('[contenteditable]')].map((e) => e.innerHTML),
      ta: [...document.querySelectorAll('textarea')].map((e) => e.value),
      in: [...document.querySelectorAll('input')].map((e) => e.value),
    });
  }, true);
  window.__unknownElements = () => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (!known.has(el)) {
          const attrs = el.getAttributeNames().join(',');
          out.push(el.nodeName + '[' + attrs + '] in ' + (el.parentNode ? el.parentNode.nodeName : 'nothing'));
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    if (window.__closedRoot) walk(window.__closedRoot);
    return out;
  };
`;

/** The tracker's source, with `probe` (a browser's main-thread measure) in the same closure. */
export function pageTracker(probe: string): string {
  return `(() => {\n${KNOWN_ELEMENTS}${probe}${SNAPSHOTS}})();`;
}

/** The elements of ours a page may hold: the declutter/highlight stylesheet in <head> and the hover card's host. */
export const OURS = /^(STYLE\[data-news-context-ui\] in (HEAD|HTML)|NEWS-CONTEXT-CARD\[data-news-context-ui,style\] in BODY)$/;
