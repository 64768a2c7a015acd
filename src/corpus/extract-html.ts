/**
 * Article extraction from a saved HTML page: Readability.js finds the article, then our own rules
 * remove what it keeps of the site around the text (captions, link lists, teasers, datelines,
 * appeals, bios, "more stories" sections), and the metadata comes from JSON-LD, meta tags and
 * markup conventions. Runs on any DOM `Document` (DOMParser in the browser, linkedom in Node) and
 * never mutates the one it is given.
 *
 * Measured on the 88-page declutter benchmark: see test/bench/extract-html.test.ts.
 */
import { Readability } from '@mozilla/readability';
import { detectLanguage } from '../core/lang';
import { type Block, blocksToText, isBlockTag, toBlocks } from './html/blocks';
import {
  findStandfirst,
  type CleanTrace,
  BYLINE_LINE,
  cleanArticleDom,
  cleanBlocks,
  normalise,
  sameText,
  shareIn,
  shingleSet,
  wordCount,
} from './html/clean';
import { cleanByline, readMeta } from './html/meta';
import { findPublished } from './html/published';
import { ExtractionError, type ExtractedArticle } from './types';

export interface ExtractHtmlOptions {
  /** The page's address, when the caller knows it (a fallback for canonical/og:url, and the base for relative ones). */
  url?: string | undefined;
  /** How errors name the input (a file name); defaults to the URL. */
  name?: string | undefined;
  /** Reports every boilerplate removal (rule, text): for debugging and the benchmark's analysis. */
  trace?: CleanTrace | undefined;
}

/** Below this many words, what is left is not an article (a nav page, an error page, a stub). */
const MIN_WORDS = 25;
/** Readability's cost grows with nesting depth; deeper documents use the plain fallback. */
const MAX_DEPTH = 150;
/** Readability walks every element; beyond this many the page is not an article page anyway. */
const MAX_ELEMENTS = 60_000;
/** Links the clone's elements to the caller's: the index of the element in document order. */
const INDEX_ATTR = 'data-nc-index';

/** Languages the function-word detector knows: only for those can the text overrule the page. */
const DETECTABLE = new Set(['sv', 'en', 'de', 'fr', 'es', 'pt', 'da', 'nb', 'nl', 'no', 'nn']);
const SCANDINAVIAN = new Set(['sv', 'da', 'nb', 'no', 'nn']);

export interface FoundArticle {
  /** The article's text blocks after boilerplate removal, in document order. */
  blocks: Block[];
  /** The standfirst found above the text, if any (already removed from `blocks`). */
  standfirst: string | null;
  /** The smallest element of the caller's document that holds every kept block. */
  root: Element | null;
  /** Readability's byline guess (from the page's markup). */
  byline: string | null;
  /** Readability's title guess. */
  title: string | null;
  /**
   * For each of `blocks`, the element of the caller's document that holds it (or an ancestor of
   * it); null when the block's element was made by Readability and has no counterpart.
   */
  elements: (Element | null)[];
  /** What the cleaning rules removed, as elements of the caller's document, with the rule's name (see {@link CleanTrace}). */
  dropped: DroppedPart[];
}

/** A part of the article's container that a cleaning rule removed: for declutter, which hides boilerplate on the live page. */
export interface DroppedPart {
  rule: string;
  el: Element;
}

/** Replaces chains of wrapper elements that hold exactly one element and no text by that element. */
function collapseWrapperChains(root: Element): void {
  const stack: Element[] = [root];
  while (stack.length) {
    let el = stack.pop();
    if (!el) break;
    while (el !== root && el.childNodes.length === 1 && el.firstElementChild && /^(?:DIV|SPAN|SECTION|FONT|CENTER)$/i.test(el.tagName)) {
      const child: Element = el.firstElementChild;
      el.replaceWith(child);
      el = child;
    }
    for (const c of el.children) stack.push(c);
  }
}

/**
 * Matches an element deeper than MAX_DEPTH levels, the element it is queried on being level 1. A
 * selector, because the engine matches it natively: in Chromium some fifty times faster than
 * walking the tree in script.
 */
const TOO_DEEP = `:scope${' > *'.repeat(MAX_DEPTH)}`;

/** The lowest element that contains all of `els`. */
function commonAncestor(els: readonly Element[]): Element | null {
  const [first, ...rest] = els;
  if (!first) return null;
  let anc: Element | null = first;
  while (anc && !rest.every((e) => anc?.contains(e))) anc = anc.parentElement;
  return anc;
}

/** What findArticle may be told about the page (the corpus pipeline knows its metadata). */
export interface FindArticleContext {
  title?: string | null;
  byline?: string | null;
  description?: string | null;
  reference?: string | null;
  trace?: CleanTrace | undefined;
  /**
   * Readability on a copy of the whole document (the corpus pipeline, whose figures are measured
   * that way). Without it (the live page) Readability first works on a copy of the prose's
   * neighbourhood only, and on the whole page when that copy does not clearly hold the article.
   */
  whole?: boolean;
}

/** Levels above the paragraphs' parent that the bounded copy takes in (Readability scores a candidate's parent and grandparent too). */
const BOUND_LEVELS = 2;
/** A bounded copy whose Readability had to retry is still the article's when it holds this share of the page's paragraph text. */
const BOUND_SHARE = 0.8;

/**
 * The neighbourhood of the page's prose: the element whose child paragraphs hold the most text,
 * BOUND_LEVELS up, with the share of all paragraph text it holds. Native queries only (a page's
 * few hundred paragraphs): about a millisecond where Readability on the whole page takes tens.
 */
function proseBound(doc: Document): { el: Element; share: number } | null {
  const body = doc.body as HTMLElement | null;
  if (!body) return null;
  const byParent = new Map<Element, number>();
  let total = 0;
  for (const p of body.getElementsByTagName('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const n = p.textContent.length;
    total += n;
    byParent.set(parent, (byParent.get(parent) ?? 0) + n);
  }
  let best: Element | null = null;
  let most = 0;
  for (const [el, n] of byParent) if (n > most) [best, most] = [el, n];
  if (!best) return null;
  for (let i = 0; i < BOUND_LEVELS && best !== body && best.parentElement; i++) best = best.parentElement;
  if (best === body || best === doc.documentElement) return null;
  let held = 0;
  for (const [el, n] of byParent) if (best.contains(el)) held += n;
  return { el: best, share: total ? held / total : 0 };
}

/**
 * A document with the page's title, meta tags and JSON-LD (what Readability reads of the head)
 * and a copy of `el` as its body. (A shallow clone of `doc`: same URL, and linkedom has no
 * DOMImplementation to make one.)
 */
function boundedCopy(doc: Document, el: Element): { work: Document; copies: ArrayLike<Element>; originals: ArrayLike<Element> } {
  const work = doc.cloneNode(false) as Document;
  const html = work.importNode(doc.documentElement, false);
  const head = work.createElement('head');
  const body = work.createElement('body');
  html.append(head, body);
  work.append(html);
  const pageHead = doc.head as HTMLElement | null;
  if (pageHead) for (const m of pageHead.querySelectorAll('title, meta, script[type*="ld+json" i]')) head.append(work.importNode(m, true));
  const copy = work.importNode(el, true);
  body.append(copy);
  return { work, copies: [copy, ...copy.querySelectorAll('*')], originals: [el, ...el.querySelectorAll('*')] };
}

/** Readability and the cleaning rules on `work`, whose elements `copies` are copies of `originals` (same order). */
function readCopy(
  doc: Document,
  work: Document,
  copies: ArrayLike<Element>,
  originals: ArrayLike<Element>,
  ctx: FindArticleContext,
  trace: CleanTrace,
): FoundArticle & { retried: boolean } {
  // Readability may re-parse the copy (a retry): each copy names its original by an attribute.
  if (originals.length === copies.length) for (let i = 0; i < copies.length; i++) copies[i]?.setAttribute(INDEX_ATTR, String(i));
  const originOf = (el: Element): Element | null => {
    const i = el.closest(`[${INDEX_ATTR}]`)?.getAttribute(INDEX_ATTR);
    return i == null ? null : (originals[Number(i)] ?? null);
  };

  // What the rules remove, mapped to the caller's elements (only elements that have a copy of their own).
  const dropped: DroppedPart[] = [];
  const traceAll: CleanTrace = (rule, text, el) => {
    trace(rule, text, el);
    const i = el?.getAttribute(INDEX_ATTR);
    const origin = i == null ? undefined : originals[Number(i)];
    if (origin) dropped.push({ rule, el: origin });
  };
  const none = { blocks: [], standfirst: null, root: null, elements: [], dropped: [], retried: false };

  const html = work.documentElement as Element | null;
  if (!html) return { ...none, byline: null, title: null };
  // Deep nesting (hostile or broken pages) makes Readability slow; chains of bare wrappers are
  // the usual cause, and collapsing them loses nothing but their class names.
  let shallow = html.querySelector(TOO_DEEP) === null;
  if (!shallow) {
    collapseWrapperChains(html);
    shallow = html.querySelector(TOO_DEEP) === null;
  }

  let content: Element | null = null;
  let rdTitle: string | null = null;
  let rdByline: string | null = null;
  let retried = false;
  if (shallow && copies.length <= MAX_ELEMENTS) {
    try {
      const reader = new Readability<Element>(work, { keepClasses: true, serializer: (el) => el as Element });
      const result = reader.parse();
      content = result?.content ?? null;
      rdTitle = result?.title ?? null;
      rdByline = result?.byline ?? null;
      // (Readability 0.6 records each failed pass: one that kept under 500 characters, retried with
      // fewer rules. Should a version not have the record, every pass counts as retried: the
      // live page then reads the whole page, slower but never worse.)
      const attempts = (reader as unknown as { _attempts?: unknown })._attempts;
      retried = !Array.isArray(attempts) || attempts.length > 0;
    } catch {
      content = null; // Readability gave up on this page: fall back to the whole body below
    }
  }
  // Fallback (no Readability result): the page's body, cleaned by the same rules. (A fragment
  // parsed by linkedom can lose its only top-level element to Readability's cleaning, and then
  // linkedom's body getter throws instead of returning null.)
  const root = work.documentElement as Element | null;
  content ??= root ? work.body : null;
  if (!content) return { ...none, byline: rdByline, title: rdTitle, retried };

  cleanArticleDom(content, traceAll);
  const cleaned = cleanBlocks(
    toBlocks(content),
    {
      title: ctx.title ?? rdTitle,
      byline: ctx.byline ?? rdByline,
      description: ctx.description ?? null,
      reference: ctx.reference ?? null,
      standfirst: findStandfirst(doc, ctx.description ?? null),
    },
    traceAll,
  );
  const elements = cleaned.blocks.map((b) => originOf(b.el));
  const origins = elements.filter((e): e is Element => e !== null);
  return {
    blocks: cleaned.blocks,
    standfirst: cleaned.standfirst,
    root: commonAncestor(origins),
    byline: rdByline,
    title: rdTitle,
    elements,
    dropped,
    retried,
  };
}

/**
 * Finds the article in `doc`: its cleaned text blocks, its standfirst and its root element in
 * `doc` itself (the declutter feature can use the root on a live page). Works on a copy.
 */
export function findArticle(doc: Document, ctx: FindArticleContext = {}): FoundArticle {
  const strip = ({ retried: _, ...found }: FoundArticle & { retried: boolean }): FoundArticle => found;
  if (!ctx.whole) {
    const bound = proseBound(doc);
    if (bound) {
      // The trace is replayed only if the bounded copy's result stands.
      const calls: Parameters<CleanTrace>[] = [];
      const { work, copies, originals } = boundedCopy(doc, bound.el);
      const found = readCopy(doc, work, copies, originals, ctx, (...args) => calls.push(args));
      // Readability's first pass kept the article there, or the copy holds nearly all the page's
      // paragraphs anyway (a short text: the whole page would not give more).
      if (!found.retried || bound.share >= BOUND_SHARE) {
        if (ctx.trace) for (const args of calls) ctx.trace(...args);
        return strip(found);
      }
    }
  }
  const work = doc.cloneNode(true) as Document;
  // (Static NodeLists, read by index: no copies of thousands of elements.)
  // cloneNode keeps document order, so the n-th element of each list is the same element.
  return strip(readCopy(doc, work, work.querySelectorAll('*'), doc.querySelectorAll('*'), ctx, (...args) => ctx.trace?.(...args)));
}

/**
 * The element of `doc` that holds the article's text (for declutter on a live page), or null
 * when the page has no article. Does not modify `doc`.
 */
export function findArticleRoot(doc: Document): Element | null {
  const found = findArticle(doc);
  return wordCount(blocksToText(found.blocks)) >= MIN_WORDS ? found.root : null;
}

/** The page's language: what it declares, unless its text clearly says otherwise. */
function decideLang(declared: string | null, text: string): string {
  const guess = detectLanguage(text);
  if (guess.lang === 'und') return declared ?? 'und';
  if (!declared) return guess.confidence >= 0.5 ? guess.lang : 'und';
  if (declared === guess.lang) return declared;
  // Norwegian is declared as no, nb or nn; the detector says nb.
  if (['no', 'nb', 'nn'].includes(declared) && guess.lang === 'nb') return declared;
  // The detector only knows a few languages: it can overrule a declaration in one of them, but
  // its guess on a language it does not know (Italian, Indonesian) is no evidence. Between the
  // Scandinavian languages, which share most function words, it must be surer.
  if (!DETECTABLE.has(declared)) return declared;
  const neighbours = SCANDINAVIAN.has(declared) && SCANDINAVIAN.has(guess.lang);
  return guess.confidence >= (neighbours ? 0.75 : 0.45) ? guess.lang : declared;
}

/** A "By Jane Doe" line near the top of the page, for pages whose metadata names no author. */
function bylineFromText(doc: Document): string | null {
  let seen = 0;
  for (const el of doc.querySelectorAll('p, span, div, address, li')) {
    // Bounded, and only small elements without block children: no text of big subtrees is read.
    if (++seen > 3000) break;
    if (el.children.length > 3 || [...el.children].some((c) => isBlockTag(c.tagName))) continue;
    const t = el.textContent.replace(/\s+/g, ' ').trim();
    if (t && t.length <= 80 && BYLINE_LINE.test(t)) return cleanByline(t);
  }
  return null;
}

/**
 * Extracts the article of a parsed HTML page. Throws {@link ExtractionError} when the page holds
 * no article (empty, only navigation, too little text).
 */
export function extractHtml(doc: Document, opts: ExtractHtmlOptions = {}): ExtractedArticle {
  const name = opts.name ?? opts.url ?? 'HTML page';
  if (!(doc.documentElement as Element | null)) throw new ExtractionError(name, 'empty document: no article text found');
  const meta = readMeta(doc, { url: opts.url, published: false });
  // The publication date from every source, before anything reads the page's markup away.
  const published = findPublished(doc, meta.url ?? opts.url ?? null).date;
  const found = findArticle(doc, {
    title: meta.title,
    byline: meta.byline,
    description: meta.description,
    reference: meta.jsonLdBody,
    trace: opts.trace,
    whole: true,
  });
  const body = blocksToText(found.blocks);
  const words = wordCount(body);
  if (words === 0) throw new ExtractionError(name, 'no article text found (the page has no block of text)');
  if (words < MIN_WORDS)
    throw new ExtractionError(name, `no article found (only ${words} words of text outside navigation and boilerplate)`);

  const firstParagraph = found.blocks[0]?.text ?? '';
  // Readability's title is "" when the page has neither a <title> nor a headline: then the
  // pipeline lets the first sentence stand in, and says so.
  const title = meta.title ?? found.title?.trim() ?? '';
  let lead = found.standfirst;
  if (!lead && meta.description && wordCount(meta.description) >= 5) {
    // The description is a lead only when it is not just the body's opening (or a cut of it).
    // (Descriptions are often cut mid-word or prefixed with a label, hence a share, not a match.)
    const inBody = shareIn(meta.description, shingleSet(body)) >= 0.6;
    if (!inBody && !sameText(firstParagraph, meta.description) && normalise(meta.description) !== normalise(title)) lead = meta.description;
  }
  const byline = meta.byline ?? cleanByline(found.byline) ?? bylineFromText(doc);
  const sourceKey = meta.source ? normalise(meta.source) : null;
  return {
    title,
    source: meta.source,
    url: meta.url,
    published,
    lang: decideLang(meta.declaredLang, `${title}\n${body}`),
    // An outlet named as its own author is not a byline.
    byline: byline && sourceKey && normalise(byline) === sourceKey ? null : byline,
    lead,
    body,
  };
}
