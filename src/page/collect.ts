/**
 * Reads what a page shows a reader: its title, declared language and visible text. Pure DOM
 * (no extension APIs), so it runs on fixture pages in tests exactly as in the content script.
 */
import type { PageSummary } from '../core/analysis';
import { detectLanguage, primaryLanguage } from '../core/lang';
import { pageTerms } from '../core/scoring';
import { countWords } from '../core/text';
import { readMeta } from '../corpus/html/meta';

/** Elements whose content a reader never sees as text, or that the page owns as input. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
]);

/** Marks our own UI so that we never read (or later, annotate) it. */
export const OWN_UI_ATTR = 'data-news-context-ui';

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute(OWN_UI_ATTR)) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** The node after `node` in document order within `root`, entering its children if `enter`. */
function nextNode(node: Node, root: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

export interface CollectOptions {
  /** Stop after this many characters: pages can be arbitrarily large. */
  maxChars?: number;
}

/**
 * Visible text of `root` in document order, one string per text node (whitespace-only nodes
 * dropped). Skips non-text elements, hidden and aria-hidden subtrees, editable regions and our
 * own UI. Does not force layout: computed styles are left to later passes.
 */
export function collectText(root: Node, { maxChars = 500_000 }: CollectOptions = {}): string[] {
  const out: string[] = [];
  let total = 0;
  // A plain first-child/next-sibling walk: no recursion (deep pages), no TreeWalker filter
  // (whose support varies between DOM implementations), and skipped subtrees are never entered.
  let node: Node | null = root.firstChild;
  while (node) {
    let enter = false;
    if (node.nodeType === 1) enter = !skipElement(node as Element);
    else if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      if (/\S/.test(t)) {
        out.push(t);
        total += t.length;
        if (total >= maxChars) break;
      }
    }
    node = nextNode(node, root, enter);
  }
  return out;
}

/** The page's headline: og:title, else the first h1, else document.title. */
export function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  const h1 = doc.querySelector('h1')?.textContent.trim().replace(/\s+/g, ' ');
  if (h1) return h1;
  return doc.title.trim();
}

/**
 * Summarises `doc` for the background: title, language, length, date and top words; no page
 * text crosses over beyond the title. `text` is the page's visible text when the caller has it
 * already; the entities are the matcher's to fill in.
 */
export function summarisePage(doc: Document, url: string, text?: string): PageSummary {
  if (text === undefined) {
    const body = doc.body as HTMLElement | null; // null in documents without a body, whatever lib.dom says
    text = body ? collectText(body).join(' ') : '';
  }
  const declared = primaryLanguage(doc.documentElement.getAttribute('lang'));
  const detected = detectLanguage(text).lang;
  let lang = 'und';
  let langSource: PageSummary['langSource'] = 'none';
  // Many sites ship a template's lang="en" on pages in other languages: trust clear text evidence first.
  if (detected !== 'und') [lang, langSource] = [detected, 'detected'];
  else if (declared) [lang, langSource] = [declared, 'declared'];
  return {
    url,
    title: pageTitle(doc).slice(0, 300),
    lang,
    langSource,
    words: countWords(text),
    published: readMeta(doc, { url }).published,
    entities: [],
    terms: pageTerms(text, lang),
  };
}
