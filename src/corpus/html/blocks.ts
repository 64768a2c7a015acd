/**
 * Turns a DOM subtree into text blocks: one block per run of inline content inside a block-level
 * element, with what the cleaning rules need to judge it (its element, how much of it is link text).
 */

/** Elements that start a new block of text (HTML's block-level and table-row elements). */
const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION CENTER DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LEGEND LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'
  ).split(' '),
);

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH CANVAS IFRAME OBJECT EMBED VIDEO AUDIO SELECT TEXTAREA BUTTON INPUT OPTION ' +
    'HEAD TITLE META LINK'
  ).split(' '),
);

/** Table cells are inline runs separated by a space, not blocks of their own. */
const CELL_TAGS = new Set(['TD', 'TH']);

/** Stands for a <br> in the text buffer until the block's whitespace is collapsed. */
const LINE_BREAK = '\u2028';

export interface Block {
  /** Whitespace-collapsed text; single "\n" only where the page had a line break. */
  text: string;
  /** The block-level element that holds the text. */
  el: Element;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** The text of each link in the block. */
  links: string[];
}

export function isBlockTag(tagName: string): boolean {
  return BLOCK_TAGS.has(tagName.toUpperCase());
}

/** Hidden by the page's markup: the hidden attribute, aria-hidden, or an inline display:none. */
function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Splits `root` into blocks, in document order. Iterative (an explicit stack), so a hostile page
 * of deeply nested elements cannot overflow the call stack.
 */
export function toBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let links: string[] = [];
  let pendingBreaks = 0;
  const flush = (el: Element) => {
    // Source line breaks are whitespace; only <br> (kept as LINE_BREAK) breaks a line.
    const text = buf
      .split(LINE_BREAK)
      .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) blocks.push({ text, el, linkChars: Math.min(linkChars, text.length), links: links.filter(Boolean) });
    buf = '';
    linkChars = 0;
    links = [];
    pendingBreaks = 0;
  };
  // Stack frames: a node to enter, or the marker that a block element ends.
  type Frame = { node: Node; exit: false; inLink: boolean; inPre: boolean; block: Element } | { node: Element; exit: true; block: Element };
  const stack: Frame[] = [{ node: root, exit: false, inLink: false, inPre: false, block: root }];
  while (stack.length) {
    const frame = stack.pop();
    if (!frame) break;
    if (frame.exit) {
      flush(frame.node);
      continue;
    }
    const { node, inLink, inPre, block } = frame;
    if (node.nodeType === 3) {
      // Inside <pre> the source's line breaks are the text's.
      const t = inPre ? (node.nodeValue ?? '').replace(/\n/g, LINE_BREAK) : (node.nodeValue ?? '');
      if (t) {
        if (/\S/.test(t)) pendingBreaks = 0;
        buf += t;
        if (inLink) linkChars += t.replace(/\s+/g, ' ').length;
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || isHidden(el)) continue;
    if (tag === 'BR') {
      // Two line breaks in a row end a paragraph (old-style <br><br> layouts); one is a line break.
      pendingBreaks++;
      if (pendingBreaks >= 2) flush(block);
      else buf += LINE_BREAK;
      continue;
    }
    if (CELL_TAGS.has(tag)) buf += ' ';
    const isBlock = BLOCK_TAGS.has(tag) && el !== root;
    if (isBlock) {
      flush(block);
      stack.push({ node: el, exit: true, block: el });
    }
    const childBlock = isBlock ? el : block;
    const childLink = inLink || tag === 'A';
    if (tag === 'A' && !inLink) links.push(el.textContent.replace(/\s+/g, ' ').trim());
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, exit: false, inLink: childLink, inPre: inPre || tag === 'PRE', block: childBlock });
    }
  }
  flush(root);
  return blocks;
}

/** Joins blocks into the body format: paragraphs separated by exactly one blank line. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}
