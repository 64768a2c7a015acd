/**
 * Whether a page presents ONE article, and where its prose is. Pure DOM (no extension APIs, no
 * layout, no computed styles): it runs on linkedom fixtures exactly as in the content script, on
 * every page, so it is one bounded walk of the document (at most `maxNodes` nodes and `maxChars`
 * characters of text; the rest of a huge page is not looked at).
 *
 * Two kinds of evidence:
 * - Markup hints: og:type "article", a schema.org article type in JSON-LD (arrays and @graph too),
 *   microdata (itemtype, itemprop=articleBody), RDFa (typeof, property=articleBody, with or
 *   without a prefix or vocabulary URL), an <article> element holding most of the page's prose.
 *   A declared page type that is not an article (a product, a video, a search result or
 *   collection page, a profile) when no article type is declared says "no".
 * - The page's prose: text blocks (the text of a block element outside its child blocks) that
 *   read like sentences and are not mostly links are grouped by the container that holds them
 *   side by side (a wrapper around a single paragraph counts as that paragraph). An article has
 *   one container with most of the prose, several paragraphs, a headline before it that is not a
 *   link elsewhere, and few links inside. A listing (front, section, search or tag page) has its
 *   prose spread over many teasers, each with its own linked headline.
 * A hint decides unless the page is clearly a listing; without a hint the prose decides.
 */
import { isSkipped } from './text-map';

export interface ArticleVerdict {
  article: boolean;
  /** Which hint decided ("og:type", "json-ld", "microdata", "rdfa", "<article>"), "prose", or why not. */
  reason: string;
  /** The element holding the article's prose (an articleBody, else the prose container), if any. */
  region: Element | null;
  /** The work done: nodes and characters visited; `truncated` when a budget stopped the walk. */
  cost: { nodes: number; chars: number; truncated: boolean };
  /** The figures of the prose judgement (characters of prose, counts). */
  evidence: ProseEvidence;
}

export interface ProseEvidence {
  /** Prose in the best container, its paragraphs, and its links' characters. */
  prose: number;
  paragraphs: number;
  links: number;
  /** Prose of the whole page, and of its teasers (containers under a linked headline). */
  pageProse: number;
  teasers: number;
  teaserProse: number;
  /** Headings that are links, outside navigation and footers. */
  linkedHeadings: number;
  /** The prose of the runner-up container. */
  second: number;
}

export interface ArticleTestOptions {
  /** Nodes (elements and text) visited at most (default 40,000). */
  maxNodes?: number;
  /** Characters of text (and JSON-LD) read at most (default 300,000). */
  maxChars?: number;
  /** Heed markup hints (default true); false judges by the prose alone (to measure it). */
  markup?: boolean;
}

/** Elements whose text is a block of its own. Custom elements (a "-" in the name) count too. */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HTML LEGEND LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);
const HEADING = /^H[1-6]$/;
/** Containers whose prose is never the article's (navigation, page furniture, forms). */
const NOT_PROSE = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU', 'DIALOG', 'HEADER']);
/** An id or class naming the readers' comments section (its prose is not the article's, however long). */
const COMMENTS = /(?:^|\s)(?:comments|commentlist|comment-list|disqus_thread)(?:\s|$)/i;
/** schema.org types of articles: Article and its kin (NewsArticle, ReportageNewsArticle, …), blog posts. */
const ARTICLE_TYPE = /(?:^|[/:#])\w*(?:Article|BlogPosting)$/;
/** schema.org page types that are not an article (only heeded when no article type is declared). */
const OTHER_TYPE = /(?:^|[/:#])(?:Product|ProductGroup|SearchResultsPage|CollectionPage|ProfilePage|ItemList|VideoObject|Recipe|Event)$/;
/** og:type values of pages that are not articles (website says nothing: many articles carry it). */
const OTHER_OG = /^(?:product|video|profile|music|book|place|restaurant|business)(?:\.|$|:)/;
/** Closing quotes and brackets that may follow a sentence's end. */
const CLOSERS = '”"\'’»)]';

/** Objects looked at per JSON-LD block. */
const MAX_JSON_LD_OBJECTS = 200;

// Thresholds of the prose judgement (characters of visible text, whitespace trimmed).
/** A text block shorter than this is not a paragraph of prose. */
const MIN_PARAGRAPH = 60;
/** Links at most this share of a paragraph's text. */
const MAX_PARAGRAPH_LINKS = 0.5;
/** An article's prose container holds at least this much prose… */
const MIN_PROSE = 500;
/** …in at least two paragraphs, or this much in one (a wall of text with <br>s). */
const MIN_SINGLE_BLOCK = 1000;
/** A teaser's standfirst is shorter than this. */
const MAX_TEASER = 600;
/** A listing has at least this many teasers with a standfirst… */
const MIN_TEASERS = 4;
/** …or this many linked headlines and less prose than this in any block. */
const MIN_HEADLINES = 8;
const MIN_LISTING_PROSE = 200;
/** A block of prose of this many paragraphs (and MIN_PROSE) is an article's body, whatever teasers surround it. */
const MIN_BODY_PARAGRAPHS = 3;
/** A container with this much prose (or two paragraphs) is a chunk of a body: it counts in the blocks around it… */
const MIN_CHUNK = 300;
/** …up to this many levels up. */
const CHUNK_LEVELS = 3;
/** The innermost block with at least this share of the best block's prose is the region. */
const TIGHTER = 0.8;
/** Links at most this share of the container's prose. */
const MAX_CONTAINER_LINKS = 0.25;
/** The container holds at least this share of the page's prose outside teasers. */
const MIN_DOMINANCE = 0.5;

/** Per block element: its own text (outside child blocks) and its subtree's counts. */
interface Block {
  el: Element;
  parent: Block | null;
  /** Document order of the block's start. */
  order: number;
  heading: number;
  /** Own text: characters, characters inside links, sentence ends, words. */
  own: number;
  ownLinks: number;
  sentences: number;
  words: number;
  /** Line breaks (<br>) after own text: a wall of text split into paragraphs by <br>s. */
  breaks: number;
  /** `own` at the last counted break. */
  ownAtBreak: number;
  /** Subtree: characters of text, blocks with text, headings inside a link. */
  chars: number;
  textBlocks: number;
  linkedHeadings: number;
  /** A heading inside (or around) a link: the block is a link heading. */
  linked: boolean;
  /** Inside nav, footer, aside, header…: page furniture. */
  furniture: boolean;
  /** The element that makes its subtree furniture. */
  furnitureRoot: boolean;
}

interface Paragraph {
  block: Block;
  chars: number;
  links: number;
  /** Paragraphs in this block's own text: 1, or more when <br>s split it. */
  count: number;
}

interface Hints {
  og: string | null;
  jsonArticle: boolean;
  jsonOther: string | null;
  microdata: Element | null;
  microdataType: Element | null;
  rdfa: Element | null;
  rdfaType: Element | null;
  otherType: string | null;
}

const tokens = (v: string | null): string[] => (v ? v.trim().split(/\s+/) : []);
/** "articleBody", "schema:articleBody", "http://schema.org/articleBody". */
const isArticleBodyToken = (t: string): boolean => /(?:^|[/:#])articleBody$/.test(t);

/** What a JSON-LD value (an object, an array of them, an @graph) declares: an article type, or another page type. */
function readJsonLd(root: unknown, hints: Hints): void {
  // Breadth-first through an index, not shift(): at most MAX_JSON_LD_OBJECTS values are visited (value
  // `seen` is queue[seen]), so nothing past that many is queued, whatever the size of the page's arrays.
  const queue: unknown[] = [root];
  const enqueue = (x: unknown) => queue.length < MAX_JSON_LD_OBJECTS && queue.push(x);
  for (let seen = 0; seen < queue.length && seen < MAX_JSON_LD_OBJECTS; seen++) {
    const v = queue[seen];
    if (Array.isArray(v)) {
      // One by one: spreading a page's array into push's arguments throws RangeError past ~100,000 elements.
      for (const x of v as unknown[]) if (!enqueue(x)) break;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    // "NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle", or a list of them.
    const types = (Array.isArray(t) ? (t as unknown[]) : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.trim());
    if (types.some((x) => ARTICLE_TYPE.test(x))) hints.jsonArticle = true;
    const other = types.find((x) => OTHER_TYPE.test(x));
    // Only top-level objects (and @graph members) name the page; a VideoObject inside an article is just its video.
    if (other && !hints.jsonOther && seen < 50) hints.jsonOther = other.replace(/^.*[/:#]/, '');
    if (o['@graph'] !== undefined) enqueue(o['@graph']);
  }
}

/**
 * The verdict on `doc`: see the module comment. `reason` names the hint that decided, "prose",
 * or why the page is not an article.
 */
export function articleVerdict(
  doc: Document,
  { maxNodes = 40_000, maxChars = 300_000, markup = true }: ArticleTestOptions = {},
): ArticleVerdict {
  const hints: Hints = {
    og: null,
    jsonArticle: false,
    jsonOther: null,
    microdata: null,
    microdataType: null,
    rdfa: null,
    rdfaType: null,
    otherType: null,
  };
  const articles: Block[] = [];
  const mains: Block[] = [];
  const paragraphs: Paragraph[] = [];
  const headings: Block[] = [];
  let nodes = 0;
  let chars = 0;
  let truncated = false;
  let order = 0;

  const readScript = (el: Element): void => {
    if (!/ld\+json/i.test(el.getAttribute('type') ?? '')) return;
    const json = el.textContent;
    if (!json || chars + json.length > maxChars) return;
    chars += json.length;
    try {
      readJsonLd(JSON.parse(json), hints);
    } catch {
      // Sites ship broken JSON-LD: it is only a hint.
    }
  };
  const readMarkup = (el: Element, tag: string): void => {
    if (tag === 'META') {
      const p = el.getAttribute('property') ?? el.getAttribute('name');
      if (p?.trim().toLowerCase() === 'og:type' && hints.og === null) hints.og = (el.getAttribute('content') ?? '').trim().toLowerCase();
      return;
    }
    if (!el.hasAttributes()) return;
    const itemprop = el.getAttribute('itemprop');
    if (itemprop && !hints.microdata && tokens(itemprop).some(isArticleBodyToken)) hints.microdata = el;
    const itemtype = el.getAttribute('itemtype');
    if (itemtype) {
      const types = tokens(itemtype);
      if (!hints.microdataType && types.some((t) => ARTICLE_TYPE.test(t))) hints.microdataType = el;
      const other = types.find((t) => OTHER_TYPE.test(t));
      if (other && !hints.otherType && !el.hasAttribute('itemprop')) hints.otherType = other.replace(/^.*[/:#]/, '');
    }
    const property = el.getAttribute('property');
    if (property && !hints.rdfa && tokens(property).some(isArticleBodyToken)) hints.rdfa = el;
    const typeOf = el.getAttribute('typeof');
    if (typeOf) {
      const types = tokens(typeOf);
      if (!hints.rdfaType && types.some((t) => ARTICLE_TYPE.test(t))) hints.rdfaType = el;
      const other = types.find((t) => OTHER_TYPE.test(t));
      if (other && !hints.otherType && !el.hasAttribute('property')) hints.otherType = other.replace(/^.*[/:#]/, '');
    }
  };

  // The walk: depth first over firstChild/nextSibling (no child lists built), an explicit stack.
  const root = doc.documentElement as Element | null;
  let current: Block | null = null;
  let linkDepth = 0;
  let furnitureDepth = 0;
  /** What each entered element pushed: a Block, 'a' (a link), 'f' (furniture, not a block), or null. */
  const entered: (Block | 'a' | 'f' | null)[] = [];
  const enteredEls: Element[] = [];

  const exit = (): void => {
    const what = entered.pop();
    enteredEls.pop();
    if (what === 'a') linkDepth--;
    else if (what === 'f') furnitureDepth--;
    else if (what) {
      if (what.furnitureRoot) furnitureDepth--;
      if (what.own > 0) what.textBlocks++;
      if (what.heading > 0) {
        headings.push(what);
        if (what.linked || what.ownLinks > what.own / 2) {
          what.linked = true;
          what.linkedHeadings++;
        }
      } else if (what.own >= MIN_PARAGRAPH && what.ownLinks <= what.own * MAX_PARAGRAPH_LINKS && !what.furniture) {
        // Sentence-like: ends of sentences, and words of a plausible length (not a list of names or figures).
        const wordsOk = what.words >= 8 && what.own / what.words < 20;
        const count = Math.max(1, Math.min(what.breaks + (what.own > what.ownAtBreak ? 1 : 0), what.sentences));
        if (wordsOk && (what.sentences >= 1 || what.own >= 200))
          paragraphs.push({ block: what, chars: what.own, links: what.ownLinks, count });
      }
      const parent = what.parent;
      if (parent) {
        parent.chars += what.chars;
        parent.textBlocks += what.textBlocks;
        parent.linkedHeadings += what.linkedHeadings;
      }
      current = parent;
    }
  };

  let node: Node | null = root;
  walk: while (node) {
    if (++nodes > maxNodes) {
      truncated = true;
      break;
    }
    let descend = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'HEAD') {
        // Only the metadata of the head is read.
        for (let c = el.firstElementChild; c && nodes < maxNodes; c = c.nextElementSibling) {
          nodes++;
          const t = c.tagName.toUpperCase();
          if (t === 'META') readMarkup(c, t);
          else if (t === 'SCRIPT') readScript(c);
        }
      } else if (tag === 'SCRIPT') {
        readScript(el);
      } else if (tag === 'BR') {
        // A break after new text ends a paragraph of a wall of text.
        if (current && current.own > current.ownAtBreak) {
          current.breaks++;
          current.ownAtBreak = current.own;
        }
      } else if (!isSkipped(el)) {
        readMarkup(el, tag);
        descend = el.firstChild !== null;
        if (descend) {
          const isBlock = BLOCKS.has(tag) || tag.includes('-');
          if (isBlock) {
            const furnitureRoot =
              NOT_PROSE.has(tag) || el.getAttribute('role') === 'navigation' || COMMENTS.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
            const furniture = furnitureDepth > 0 || furnitureRoot;
            if (furnitureRoot) furnitureDepth++;
            const b: Block = {
              el,
              parent: current,
              order: order++,
              heading: HEADING.test(tag) ? Number(tag[1]) : 0,
              own: 0,
              ownLinks: 0,
              sentences: 0,
              words: 0,
              breaks: 0,
              ownAtBreak: 0,
              chars: 0,
              textBlocks: 0,
              linkedHeadings: 0,
              linked: linkDepth > 0,
              furniture,
              furnitureRoot,
            };
            if (tag === 'ARTICLE') articles.push(b);
            if (tag === 'MAIN' || el.getAttribute('role') === 'main') mains.push(b);
            current = b;
            entered.push(b);
          } else if (tag === 'A' && el.hasAttribute('href')) {
            linkDepth++;
            if (current?.heading) current.linked = true;
            entered.push('a');
          } else if (el.getAttribute('role') === 'navigation') {
            furnitureDepth++;
            entered.push('f');
          } else {
            entered.push(null);
          }
          enteredEls.push(el);
        }
      }
    } else if (node.nodeType === 3 && current) {
      const data = (node as Text).data;
      if (chars + data.length > maxChars) {
        truncated = true;
        break;
      }
      chars += data.length;
      // One pass over the characters, no strings or arrays made: length (trimmed), words, sentence ends.
      let first = -1;
      let last = -1;
      let words = 0;
      let ends = 0;
      let inWord = false;
      let end = false;
      for (let i = 0; i < data.length; i++) {
        const ch = data.charCodeAt(i);
        if (ch <= 32 || ch === 0xa0) {
          if (end) ends++;
          inWord = end = false;
          continue;
        }
        if (first < 0) first = i;
        last = i;
        if (!inWord) words++;
        inWord = true;
        // . ! ? … and the CJK stops end a sentence when a space (or the end of the text) follows;
        // closing quotes and brackets may come between.
        if (ch === 46 || ch === 33 || ch === 63 || ch === 0x2026 || ch === 0x3002 || ch === 0xff01 || ch === 0xff1f) end = true;
        else if (!CLOSERS.includes(data[i] ?? '')) end = false;
      }
      if (end) ends++;
      // The text's length without its surrounding white space.
      const n = first < 0 ? 0 : last - first + 1;
      if (n > 0) {
        const b: Block = current;
        b.own += n;
        b.chars += n;
        if (linkDepth > 0) b.ownLinks += n;
        b.sentences += ends;
        b.words += words;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Up until a next sibling, leaving the elements entered on the way.
    while (node) {
      if (node === root) break walk;
      const next: Node | null = node.nextSibling;
      if (next) {
        node = next;
        continue walk;
      }
      node = node.parentNode;
      if (node && enteredEls[enteredEls.length - 1] === node) exit();
    }
  }
  // A budget stopped the walk: close what is open so the counts add up.
  while (entered.length > 0) exit();
  const cost = { nodes: Math.min(nodes, maxNodes), chars, truncated };

  const prose = judgeProse(paragraphs, headings);
  if (!markup) {
    const region = prose.region ?? mains[0]?.el ?? null;
    const article = prose.article && !prose.listing;
    return { article, reason: article ? 'prose' : prose.why, region, cost, evidence: prose.evidence };
  }
  const markupRegion = hints.microdata ?? hints.rdfa;
  const main = mains.find((m) => m.el.tagName.toUpperCase() === 'MAIN') ?? mains[0];
  const region = markupRegion ?? prose.region ?? dominantArticle(articles, paragraphs)?.el ?? main?.el ?? null;
  const verdict = (article: boolean, reason: string): ArticleVerdict => ({ article, reason, region, cost, evidence: prose.evidence });

  const hint = hints.microdata
    ? 'microdata articleBody'
    : hints.rdfa
      ? 'rdfa articleBody'
      : hints.jsonArticle
        ? 'json-ld article type'
        : hints.microdataType
          ? 'microdata article type'
          : hints.rdfaType
            ? 'rdfa article type'
            : hints.og === 'article' || hints.og?.startsWith('article:')
              ? 'og:type article'
              : dominantArticle(articles, paragraphs)
                ? '<article>'
                : null;
  const other = hints.og && OTHER_OG.test(hints.og) ? `og:type ${hints.og}` : (hints.jsonOther ?? hints.otherType);
  if (!hint && other) return verdict(false, `declared ${other}`);
  if (prose.listing) return verdict(false, hint ? `listing (despite ${hint})` : 'listing');
  if (hint) return verdict(true, hint);
  return prose.article ? verdict(true, 'prose') : verdict(false, prose.why);
}

/** The <article> element that holds most of the page's prose (a page of teasers has many small ones). */
function dominantArticle(articles: Block[], paragraphs: Paragraph[]): Block | null {
  let best: Block | null = null;
  for (const a of articles) if (!best || a.chars > best.chars) best = a;
  if (!best) return null;
  // Most of the prose, or (on a page with little prose) most of the text of the page.
  let total = 0;
  let inside = 0;
  for (const p of paragraphs) {
    total += p.chars;
    if (best.el.contains(p.block.el)) inside += p.chars;
  }
  if (total > 0) return inside > total / 2 ? best : null;
  let page = best;
  while (page.parent) page = page.parent;
  return best.chars > page.chars / 2 ? best : null;
}

interface Stats {
  prose: number;
  links: number;
  count: number;
  /** Document order of the first paragraph. */
  first: number;
}

interface ProseJudgement {
  article: boolean;
  listing: boolean;
  region: Element | null;
  why: string;
  evidence: ProseEvidence;
}

/** Groups the paragraphs by container and judges whether one container holds the page's article. */
function judgeProse(paragraphs: Paragraph[], headings: Block[]): ProseJudgement {
  // A paragraph's container: climb over wrappers that hold nothing but this paragraph.
  const containers = new Map<Block, Stats>();
  let total = 0;
  for (const p of paragraphs) {
    let unit = p.block;
    while (unit.parent && unit.parent.textBlocks === unit.textBlocks) unit = unit.parent;
    // Paragraphs split by <br>s are their own block's; a single one belongs to the block around it.
    const c = p.count > 1 ? p.block : (unit.parent ?? unit);
    const s = containers.get(c) ?? { prose: 0, links: 0, count: 0, first: p.block.order };
    s.prose += p.chars;
    s.links += p.links;
    s.count += p.count;
    containers.set(c, s);
    total += p.chars;
  }
  // Teasers: containers under a linked headline holding a short standfirst (a paragraph or two).
  let teasers = 0;
  let teaserProse = 0;
  const candidates = new Map<Block, Stats>();
  const credit = (b: Block, x: Stats): void => {
    const s = candidates.get(b);
    if (!s) candidates.set(b, { ...x });
    else {
      s.prose += x.prose;
      s.links += x.links;
      s.count += x.count;
      s.first = Math.min(s.first, x.first);
    }
  };
  for (const [c, s] of containers) {
    if (c.linkedHeadings > 0 && s.count <= 2 && s.prose < MAX_TEASER) {
      teasers++;
      teaserProse += s.prose;
      continue;
    }
    credit(c, s);
    // A body split into chunks (between ads, or one <div> per few paragraphs) adds up in the
    // blocks around it; a card's lone standfirst does not.
    if (s.count < 2 && s.prose < MIN_CHUNK) continue;
    for (let up = c.parent, n = 0; up && n < CHUNK_LEVELS; up = up.parent, n++) credit(up, s);
  }
  // The block with the most prose, or the innermost one inside it with nearly as much.
  const ranked = [...candidates].sort((x, y) => y[1].prose - x[1].prose);
  let [best, bestStats] = ranked[0] ?? [null, { prose: 0, links: 0, count: 0, first: 0 }];
  for (const [c, s] of ranked) {
    if (s.prose < bestStats.prose * TIGHTER || !best) break;
    if (c !== best && best.el.contains(c.el)) [best, bestStats] = [c, s];
  }
  let second = 0;
  for (const [c, s] of ranked) {
    if (best && !best.el.contains(c.el) && !c.el.contains(best.el)) {
      second = s.prose;
      break;
    }
  }
  const linkedHeadings = headings.filter((h) => h.linked && !h.furniture).length;
  const evidence: ProseEvidence = {
    prose: bestStats.prose,
    paragraphs: bestStats.count,
    links: bestStats.links,
    pageProse: total,
    teasers,
    teaserProse,
    linkedHeadings,
    second,
  };
  const fail = (why: string, listing = false): ProseJudgement => ({ article: false, listing, region: best?.el ?? null, why, evidence });
  // A listing: teasers with standfirsts outweigh the best other block, or many linked headlines and next to no prose.
  // A body of several paragraphs is never outweighed: articles end in long lists of related teasers.
  const body = bestStats.prose >= MIN_PROSE && bestStats.count >= MIN_BODY_PARAGRAPHS;
  const listingLike =
    (teasers >= MIN_TEASERS && teaserProse > bestStats.prose && !body) ||
    (linkedHeadings >= MIN_HEADLINES && bestStats.prose < MIN_LISTING_PROSE);
  if (!best) return fail(listingLike ? 'listing' : 'no prose', listingLike);
  if (listingLike) return fail('listing', true);
  if (bestStats.prose < MIN_PROSE) return fail(`too little prose (${bestStats.prose} chars)`);
  if (bestStats.count < 2 && bestStats.prose < MIN_SINGLE_BLOCK) return fail('one short paragraph');
  if (bestStats.links > bestStats.prose * MAX_CONTAINER_LINKS) return fail('prose mostly links');
  if (bestStats.prose < (total - teaserProse) * MIN_DOMINANCE) return fail('no dominant block of prose');
  // A headline before the prose, and not a link elsewhere (a teaser's).
  let headline: Block | null = null;
  for (const h of headings) {
    if (h.heading > 3 || (headline && h.order < headline.order)) continue;
    if (h.order < bestStats.first || best.el.contains(h.el)) headline = h;
  }
  if (!headline) return fail('no headline');
  return { article: true, listing: false, region: best.el, why: 'prose', evidence };
}
