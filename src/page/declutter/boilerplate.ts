/**
 * Hides the boilerplate around an article (issue 6): navigation, teaser lists, newsletter boxes,
 * share bars, related links, comment prompts, ad slots and footers; never the article's
 * headline, byline, date, lead, text, figures or captions. Where the article is comes from the
 * corpus pipeline's extraction ({@link ArticleParts}, which its FoundArticle satisfies); the page
 * is only marked (./marks), never changed otherwise.
 *
 * Outside the article's container, everything that holds none of the article's parts is hidden,
 * as whole as possible (a sidebar, not its links). Inside it, only what is clearly boilerplate:
 * what the extractor's cleaning rules removed as boilerplate, what Readability left out and the
 * same rules or the page's own markup call boilerplate. Measured on the 88-page benchmark in
 * Chromium: test/e2e/declutter-bench.e2e.ts.
 */
import { toBlocks } from '../../corpus/html/blocks';
import { blockBoilerplate, normalise, wordCount } from '../../corpus/html/clean';
import { OWN_UI_ATTR } from '../own-ui';
import { findGates } from './gates';
import type { Marks } from './marks';
import { VENDOR_SELECTORS, isCandidate, isDialog } from './walls';

/** What markBoilerplate needs of the found article: the corpus pipeline's FoundArticle has it. */
export interface ArticleParts {
  /** The smallest element that holds the article's kept text. */
  root: Element | null;
  /** The article's kept text blocks (their text says how much article there is). */
  blocks: readonly { text: string }[];
  /** For each block, the page's element that holds it (null when unknown). */
  elements: readonly (Element | null)[];
  /** What the extractor's cleaning rules removed, with the rule's name. */
  dropped?: readonly { rule: string; el: Element }[];
  /** The article's title, when known. */
  title?: string | null;
}

export interface BoilerplateOptions {
  /** Below this many words of kept text the page is not an article, and nothing is hidden (25). */
  minWords?: number;
}

/** Elements that show nothing worth hiding, or that are not the page's content. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'BR', 'WBR', 'BASE']);
const MEDIA = 'img, picture, video, iframe, embed, object, canvas, svg';

/** Paywall and backdrop names: a paywall's modal and its backdrop are never boilerplate (we do not circumvent paywalls). */
const PAYWALL_NAME = /(?:^|[\s_-])(?:paywall|tp-(?:modal|backdrop|container-inner|iframe-wrapper)|backdrop|piano)(?:$|[\s_-])/i;

/**
 * Overlays, dialogs and paywalls are not boilerplate: the walls module decides about them, and
 * leaves everything that is not an ad-block appeal (a paywall, a consent dialog) alone. An element
 * merely named like an overlay ("popup", "modal") counts only when it is fixed over the page.
 */
function overlayBusiness(el: Element, vendors: ReadonlySet<Element>): boolean {
  if (isDialog(el) || vendors.has(el) || PAYWALL_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return true;
  if (!isCandidate(el)) return false;
  const view = el.ownerDocument.defaultView;
  return view !== null && view.getComputedStyle(el).position === 'fixed';
}

/** Rules of the extractor that remove boilerplate (the others remove captions, datelines, bylines, the standfirst…). */
const BOILERPLATE_RULE =
  /^(?:link-dense|boilerplate-line|boilerplate-phrase|more-stories-cut|inline-link-cluster|boilerplate-class\(.*\))$/;

const token = (words: string) => new RegExp(`(?:^|[\\s_-])(?:${words})(?:$|[\\s_-])`);
/** Class or id names of boilerplate (not of bylines, datelines or author bios, which the extractor's class rule also removes). */
const BOILERPLATE_CLASS = token(
  [
    'share|sharing|social|socials|newsletter|newsletters|subscribe|subscription|signup|sign-up|promo|promotion',
    'related|recommended|recommendations|most-?read|mostread|popular|trending|teaser|teasers|more-?stories|read-?more|readmore',
    'advert|advertisement|advertising|ads?|ad-?slot|ad-?unit|ad-?container|adsbygoogle|dfp|sponsored|outbrain|taboola',
    'annons|annonser|anzeige|werbung|publicite|publicidad|reklam',
    // (Not paywall, cookie or consent: those are gates, never boilerplate; see ./gates.)
    'tags|tag-?list|breadcrumbs?|comments?|comment-?count|toolbar|pagination',
  ].join('|'),
);
/** Navigation and the site's furniture. */
const NAV_CLASS = token('nav|navigation|navbar|menu|breadcrumbs?|pager|prev|previous|next|sidebar|widget|widgets|footer|masthead');
/** Embedded posts and pull quotes, which belong to the article. */
const EMBED_CLASS = token('embed|embedded|tweet|twitter-tweet|instagram-media|quote|pullquote|pull-quote|blockquote');
const MARKED_TAG = new Set(['NAV', 'ASIDE', 'FORM', 'INS']);
const MARKED_ROLE = /^(?:navigation|complementary|search|banner|contentinfo)$/;

/** The byline, date, standfirst and media around the headline: the article's own parts. */
const PART_TAG = new Set(['TIME', 'ADDRESS', 'FIGURE', 'FIGCAPTION', 'PICTURE', 'IMG', 'VIDEO']);
const PART_ITEMPROP = token('datePublished|dateModified|dateCreated|author|description|headline|image');
const PART_CLASS = token(
  'byline|author|authors|dateline|date|published|pubdate|timestamp|time|standfirst|dek|deck|lead|lede|ingress|preamble|intro|summary|subtitle|sub-?headline|subheadline|caption|kicker|media|image|photo',
);

/** Unseen elements with more text than this are not judged by the extractor's text rules as a whole (their parts are). */
const MAX_JUDGED_TEXT = 600;
/** Nor as a link list or a box beyond this (in characters of raw text, whitespace included). */
const MAX_BOX_TEXT = 5000;

function textOf(el: Element): string {
  return el.textContent.replace(/\s+/g, ' ').trim();
}

/** Class and id names as lower-case tokens: "emailSignup share_bar" → "email-signup share_bar". */
function hintOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2').toLowerCase();
}

/** Whether hiding `el` would hide anything: text or media. */
function showsSomething(el: Element): boolean {
  return /\S/.test(el.textContent) || el.matches(MEDIA) || el.querySelector(MEDIA) !== null;
}

function hasOwnText(el: Element): boolean {
  for (const c of el.childNodes) if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
  return false;
}

/** Navigation, boxes, forms and ad slots that say what they are by their tag, role or class. */
function markedBoilerplate(el: Element): boolean {
  const hint = hintOf(el);
  // Pull quotes and embedded posts (a tweet is a blockquote in a "social-embed" box) are quoted in the article.
  if (EMBED_CLASS.test(hint) || el.querySelector('blockquote, q, table') !== null) return false;
  const tag = el.tagName.toUpperCase();
  // An aside with text and no links is a pull quote or a fact box (unless its class says otherwise).
  const quoteLike = tag === 'ASIDE' && el.querySelector('a, form, iframe') === null && /\S/.test(el.textContent);
  if (!quoteLike && (MARKED_TAG.has(tag) || MARKED_ROLE.test(el.getAttribute('role') ?? ''))) return true;
  return hint.length > 1 && (BOILERPLATE_CLASS.test(hint) || NAV_CLASS.test(hint));
}

/** Several links and little else: a list of headlines or a menu. */
function isLinkList(el: Element, text: string): boolean {
  if (!text) return false;
  const links = el.querySelectorAll('a');
  if (links.length < 3 || el.querySelector('blockquote, table') !== null) return false;
  let linked = 0;
  for (const a of links) linked += textOf(a).length;
  return linked / text.length > 0.6;
}

/** `el` comes before `root` in document order (and is neither inside it nor around it). */
function precedes(el: Element, root: Element): boolean {
  if (el.contains(root) || root.contains(el)) return false;
  // (linkedom's compareDocumentPosition is unreliable: walk instead.) The child of the lowest
  // common ancestor on each side decides.
  let a: Element = el;
  while (a.parentElement && !a.parentElement.contains(root)) a = a.parentElement;
  const parent = a.parentElement;
  if (!parent) return false;
  let b: Element = root;
  while (b.parentElement && b.parentElement !== parent) b = b.parentElement;
  for (let s = b.previousElementSibling; s; s = s.previousElementSibling) if (s === a) return true;
  return false;
}

/** The page's headline: the last h1 (else h2) before or in the text whose text is the article's title; else the last h1 before the text. */
function findHeadline(doc: Document, root: Element, title: string | null | undefined): Element | null {
  const titles = [title, doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content')]
    .map((t) => normalise(t ?? ''))
    .filter(Boolean);
  const matches = (el: Element) => {
    const t = normalise(el.textContent);
    return (
      t !== '' &&
      titles.some(
        (x) => x === t || ((x.includes(t) || t.includes(x)) && Math.min(x.length, t.length) >= 0.5 * Math.max(x.length, t.length)),
      )
    );
  };
  const near = (el: Element) => root.contains(el) || precedes(el, root);
  for (const tag of ['h1', 'h2']) {
    const best = [...doc.querySelectorAll(tag)].filter((h) => matches(h) && near(h)).pop();
    if (best) return best;
  }
  return [...doc.querySelectorAll('h1')].filter(near).pop() ?? null;
}

/** The smallest element outside `root` whose text is `text` (a kept block whose element the extractor could not map). */
function findByText(scope: Element, root: Element, text: string): Element | null {
  const key = normalise(text);
  if (!key) return null;
  let best: Element | null = null;
  for (const el of scope.querySelectorAll('p, div, span, section, li, h2, h3, h4, blockquote')) {
    const raw = el.textContent.length;
    if (raw < text.length * 0.8 || raw > text.length * 3 + 200 || root.contains(el)) continue;
    const t = normalise(el.textContent);
    if (t.length >= key.length && t.length <= key.length * 1.5 + 40 && t.includes(key)) {
      if (!best || best.contains(el)) best = el;
    }
  }
  return best;
}

/** Of the kept text, the share that the article's core element holds. */
const CORE_SHARE = 0.9;

/**
 * The element that holds the bulk of the article: the deepest one under `root` (the holder of
 * all kept blocks) with nearly all of the kept words. A stray kept block elsewhere (a caption, a
 * line in the sidebar) would otherwise make the whole page "the article".
 */
function coreOf(root: Element, article: ArticleParts): Element {
  const words = new Map<Element, number>();
  let total = 0;
  article.elements.forEach((el, i) => {
    if (!el || !root.contains(el)) return;
    const w = wordCount(article.blocks[i]?.text ?? '');
    total += w;
    for (let a: Element | null = el; a && a !== root; a = a.parentElement) words.set(a, (words.get(a) ?? 0) + w);
  });
  let core = root;
  if (total === 0) return core;
  for (;;) {
    let next: Element | null = null;
    for (const c of core.children) if ((words.get(c) ?? 0) >= CORE_SHARE * total) next = c;
    if (!next) return core;
    core = next;
  }
}

/**
 * Hides the boilerplate of an article page with `marks` (kind "boilerplate"): every element
 * outside the article that holds none of its parts, and inside the article's container what is
 * clearly boilerplate. Never hides a kept block, the headline, byline, date, standfirst, figures
 * or captions near it, our own UI, or head/script/style. Returns how many elements it hid now.
 */
export function markBoilerplate(
  doc: Document,
  article: ArticleParts,
  marks: Marks,
  opts: BoilerplateOptions = {},
): { boilerplate: number } {
  const body = doc.body as HTMLElement | null;
  if (!body || !article.root || !body.contains(article.root)) return { boilerplate: 0 };
  if (article.blocks.reduce((n, b) => n + wordCount(b.text), 0) < (opts.minWords ?? 25)) return { boilerplate: 0 };
  const root = coreOf(article.root, article);

  const keep = new Set<Element>();
  const headline = findHeadline(doc, root, article.title);
  if (headline) keep.add(headline);
  // Where the article's own parts may be: from the headline to the text (or just around the text).
  let top: Element = root.parentElement ?? root;
  if (headline) while (!top.contains(headline) && top.parentElement) top = top.parentElement;

  // The kept blocks (an unmapped one found by its text).
  const flowParents = new Set<Element | null>();
  article.elements.forEach((el, i) => {
    const found = el ?? findByText(top, root, article.blocks[i]?.text ?? '');
    if (found && body.contains(found)) {
      keep.add(found);
      flowParents.add(found.parentElement);
    }
  });
  const inFlow = (el: Element) => flowParents.has(el.parentElement);

  // The byline, date, standfirst and figures between the headline and the text (not those of
  // a teaser box or a menu there).
  const preceding = new Set<Element>();
  const boxVerdicts = new Map<Element, boolean>();
  const isBox = (a: Element) => {
    let verdict = boxVerdicts.get(a);
    if (verdict === undefined) {
      verdict = markedBoilerplate(a) || (a.textContent.length <= MAX_BOX_TEXT && isLinkList(a, textOf(a)));
      boxVerdicts.set(a, verdict);
    }
    return verdict;
  };
  const inBox = (el: Element) => {
    for (let a: Element | null = el; a && a !== top; a = a.parentElement) if (!(headline && a.contains(headline)) && isBox(a)) return true;
    return false;
  };
  const aroundRoot = new Set<Element>();
  for (let a = root.parentElement; a; a = a.parentElement) aroundRoot.add(a);
  let afterHeadline = false;
  // The headline's own block (its largest ancestor apart from the text): the article's header.
  let headerBlock: Element | null = headline;
  while (headerBlock?.parentElement && !headerBlock.parentElement.contains(root)) headerBlock = headerBlock.parentElement;
  for (const el of top.querySelectorAll('*')) {
    if (el === root) break;
    if (el === headline) afterHeadline = true;
    if (aroundRoot.has(el)) continue;
    preceding.add(el);
    const itemprop = el.getAttribute('itemprop');
    const hint = el.hasAttribute('class') || el.hasAttribute('id') ? hintOf(el) : '';
    const tag = el.tagName.toUpperCase();
    if (
      (PART_TAG.has(tag) ||
        // A paragraph between the headline and the text: the lead.
        (afterHeadline && tag === 'P' && headerBlock?.contains(el) === true) ||
        (itemprop !== null && PART_ITEMPROP.test(itemprop)) ||
        /\bauthor\b/i.test(el.getAttribute('rel') ?? '') ||
        (hint !== '' &&
          PART_CLASS.test(hint) &&
          !BOILERPLATE_CLASS.test(hint) &&
          el.textContent.length < 1000 &&
          textOf(el).length < 400)) &&
      !inBox(el)
    )
      keep.add(el);
  }

  // What the extractor removed: boilerplate to hide, or parts of the article (captions, datelines…) to keep near the text.
  const candidates = new Set<Element>();
  for (const { rule, el } of article.dropped ?? []) {
    if (!body.contains(el)) continue;
    const classHint = /^boilerplate-class\((.*)\)$/.exec(rule)?.[1];
    if (BOILERPLATE_RULE.test(rule) && (classHint === undefined || BOILERPLATE_CLASS.test(classHint))) {
      // A single link is a citation or a pointer to the rest of the story, not a list of links.
      if (rule === 'link-dense' && el.querySelectorAll('a').length < 2) continue;
      // A sentence among the article's paragraphs may be the article's own ("Sign up for the
      // course…"): only a box set apart is clearly an appeal. ("Read more:" lines are furniture anywhere.)
      if (rule === 'boilerplate-phrase' && inFlow(el)) continue;
      candidates.add(el);
    } else if (root.contains(el) || preceding.has(el)) keep.add(el);
  }
  // Our own UI, wherever it is.
  for (const el of doc.querySelectorAll(`[${OWN_UI_ATTR}]`)) keep.add(el);

  // Gates (paywalls, login and consent gates: ./gates) are never hidden, nor anything around them
  // as a whole: like the article's parts, what holds one is only looked into.
  // A gate that holds the article's text is the page's wrapper (named for a paywall script),
  // not a gate over the text: it is looked into (never hidden: it holds the text), and the gates
  // inside it are found anew.
  const gates = new Set<Element>();
  const addGates = (found: readonly Element[]) => {
    for (const g of found)
      if (!g.contains(root)) gates.add(g);
      else for (const c of g.children) addGates(findGates(c));
  };
  addGates(findGates(body));
  const holds = new Set<Element>();
  for (const el of [...keep, root, ...gates]) for (let a = el.parentElement; a && !holds.has(a); a = a.parentElement) holds.add(a);
  const holdsCandidate = new Set<Element>();
  for (const el of candidates) for (let a = el.parentElement; a && !holdsCandidate.has(a); a = a.parentElement) holdsCandidate.add(a);

  /** An element the extractor did not see (Readability left it out): boilerplate by the page's markup or the extractor's rules? */
  const judged = (el: Element): boolean => {
    if (markedBoilerplate(el)) return true;
    if (el.textContent.length > MAX_BOX_TEXT) return false;
    const text = textOf(el);
    if (isLinkList(el, text)) return true;
    if (!text || text.length > MAX_JUDGED_TEXT) return false;
    const blocks = toBlocks(el);
    return (
      blocks.length > 0 &&
      blocks.every((b) => {
        const why = blockBoilerplate(b, false);
        return why === 'boilerplate-line' || (why === 'boilerplate-phrase' && !inFlow(el)) || (why === 'link-dense' && b.links.length >= 2);
      })
    );
  };

  // Hidden after the walk: a mark changes the page's style, and the walk reads computed styles
  // (overlayBusiness), each read after a change costing a style recalculation of the page.
  const toHide: Element[] = [];
  const hide = (el: Element) => toHide.push(el);
  // (What holds the article is no overlay over it, whatever its name: a page wrapper named
  // "paywall" is looked into, its gates being found by ./gates.)
  // Vendors' message containers, by one native query rather than their selectors on every element.
  const vendors = new Set(body.querySelectorAll(Object.values(VENDOR_SELECTORS).join(', ')));
  const skip = (el: Element) =>
    SKIP.has(el.tagName.toUpperCase()) ||
    el.hasAttribute(OWN_UI_ATTR) ||
    marks.isHidden(el) ||
    gates.has(el) ||
    (!aroundRoot.has(el) && overlayBusiness(el, vendors));

  /**
   * Inside the article's container (or one of its parts): hides what is clearly boilerplate, each
   * as large as it goes. Returns true, hiding nothing, when all `el` shows is boilerplate: the
   * caller then hides `el` as a whole.
   */
  const inside = (el: Element, seen = false): boolean => {
    let all = true;
    const found: Element[] = [];
    for (const c of el.children) {
      if (skip(c)) continue;
      const part = keep.has(c) || holds.has(c);
      // Inside a kept block the extractor saw everything: only its removals are boilerplate.
      if (!part && (candidates.has(c) || (!seen && judged(c)))) found.push(c);
      else if (holds.has(c) || holdsCandidate.has(c) || (!part && !seen && c.firstElementChild !== null)) {
        if (inside(c, seen || keep.has(c)) && !part) found.push(c);
        else all = false;
      } else if (showsSomething(c)) all = false;
    }
    if (all && found.length > 0 && el !== root && !keep.has(el) && !holds.has(el) && !hasOwnText(el)) return true;
    for (const c of found) if (showsSomething(c)) hide(c);
    return false;
  };

  /** Outside the article's container: whatever holds none of its parts. */
  const outside = (el: Element) => {
    for (const c of el.children) {
      if (skip(c)) continue;
      if (c === root || (keep.has(c) && holdsCandidate.has(c))) inside(c, c !== root);
      else if (keep.has(c)) continue;
      else if (holds.has(c)) outside(c);
      else if (showsSomething(c)) hide(c);
    }
  };
  if (root === body) inside(body);
  else outside(body);
  let n = 0;
  for (const el of toHide) if (marks.hide(el, 'boilerplate')) n++;
  return { boilerplate: n };
}
