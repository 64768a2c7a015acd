/**
 * The page's visible text as ONE string, with a map from string offsets back to (Text node,
 * offset), so that a match [start, end) found by the matcher becomes a DOM Range. Pure DOM, no
 * extension APIs, no layout: it runs on linkedom fixtures exactly as on a live page.
 *
 * - Text nodes are copied one to one (same length), with tabs, line breaks and no-break spaces
 *   turned into plain spaces, so every offset inside a node is the same offset in the string.
 * - Between block-level elements (and at <br>) a "\n" is inserted that belongs to no node, so
 *   words of different blocks never join; "\n" appears nowhere else in the string.
 * - Skipped: script, style, noscript, template, form fields and buttons, svg/canvas/media,
 *   contenteditable, `hidden`, aria-hidden="true", closed <details> bodies and our own UI
 *   (OWN_UI_ATTR). Styles are not computed (that would force style recalculation on a 100,000
 *   node page): CSS-hidden text is mapped, and its Ranges simply have no client rects.
 * - Shadow DOM: open shadow roots are walked in the flat tree's order (a host's shadow tree,
 *   with light children where its <slot>s put them). Closed roots are reachable only through the
 *   `shadowRootOf` option (the content script may pass `chrome.dom.openOrClosedShadowRoot`).
 * - Iframes are not entered, same-origin or not: each frame has its own highlight registry and
 *   its own content script (the manifest runs in the top frame only).
 * - The walk is iterative (an explicit stack), so depth costs memory, not call stack.
 */
import { OWN_UI_ATTR } from './own-ui';

export interface TextMap {
  /** The visible text; "\n" only between blocks. */
  readonly text: string;
  /** Text nodes in flat-tree order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` of the first character of `nodes[i]`. */
  readonly starts: readonly number[];
}

export interface TextMapOptions {
  /** Stop after about this many characters (a whole node is always kept). */
  maxChars?: number;
  /** The shadow root of a host, open or closed; default: `el.shadowRoot` (open roots only). */
  shadowRootOf?: (el: Element) => ShadowRoot | null;
}

/** A position in the DOM for an offset of a TextMap. */
export interface TextPosition {
  node: Text;
  offset: number;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'HEAD',
  'LINK',
  'META',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'IMG',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** True when nothing in `el` (nor `el` itself) is text a reader sees, or the page owns it as input. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTR) || el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** True when `node` or one of its ancestors (across shadow boundaries) is skipped. */
export function isInSkippedTree(node: Node): boolean {
  for (let n: Node | null = node; n;) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (isSkipped(el)) return true;
      // The body of a closed <details> is not rendered (its <summary> is).
      const parent = el.parentElement;
      if (parent?.tagName.toUpperCase() === 'DETAILS' && !parent.hasAttribute('open') && el.tagName.toUpperCase() !== 'SUMMARY')
        return true;
    }
    n = n.nodeType === 11 ? (n as ShadowRoot).host : n.parentNode;
  }
  return false;
}

const WS = /[\t\n\r\f\v\u00a0]/g;

interface Frame {
  list: ArrayLike<Node>;
  i: number;
  /** Emit a separator when this frame is done (its element is a block). */
  block: boolean;
  /** Inside a closed <details>: only <summary> children render. */
  closedDetails: boolean;
}

/** The nodes rendered as `el`'s children: its shadow tree, its slot's assigned nodes, or its children. */
function renderedChildren(el: Element, shadowRootOf: (el: Element) => ShadowRoot | null): ArrayLike<Node> {
  const shadow = shadowRootOf(el);
  if (shadow) return shadow.childNodes;
  if (el.tagName.toUpperCase() === 'SLOT' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  return el.childNodes;
}

/** Light children of a shadow host that sit in a slot are reached through the slot; a host's own
 * childNodes are never walked when it has a shadow root, so nothing is visited twice. */
const defaultShadowRootOf = (el: Element): ShadowRoot | null => el.shadowRoot;

/** Keeps only the outermost of `roots` (a root inside another is already covered) and drops duplicates. */
function outermost(roots: readonly Node[]): Node[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((o) => o !== r && o.contains(r)));
}

/**
 * Maps the visible text of `roots`: a Document or an element (the whole page), or, for
 * incremental work, the subtrees a MutationObserver reported as added. Each root is mapped as a
 * block of its own; roots inside a skipped subtree (hidden, our UI, …) or inside another root are
 * ignored, so the caller can pass the raw list of added nodes.
 */
export function buildTextMap(
  roots: Node | readonly Node[],
  { maxChars = 1_000_000, shadowRootOf = defaultShadowRootOf }: TextMapOptions = {},
): TextMap {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let lastNewline = true; // no leading separator
  const separator = () => {
    if (!lastNewline) {
      parts.push('\n');
      length += 1;
      lastNewline = true;
    }
  };

  const list = (Array.isArray(roots) ? roots : [roots]) as readonly Node[];
  const starting = outermost(
    list.map((r) => (r.nodeType === 9 ? (((r as Document).body as HTMLElement | null) ?? (r as Document).documentElement) : r)),
  ).filter((r) => !isInSkippedTree(r));

  outer: for (const root of starting) {
    const stack: Frame[] = [{ list: [root], i: 0, block: true, closedDetails: false }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const node = frame?.list[frame.i++];
      if (!frame || !node) {
        stack.pop();
        if (frame?.block) separator();
        continue;
      }
      if (node.nodeType === 3) {
        if (frame.closedDetails) continue;
        const value = (node as Text).data;
        if (value.length === 0) continue;
        nodes.push(node as Text);
        starts.push(length);
        parts.push(value.replace(WS, ' '));
        length += value.length;
        lastNewline = false;
        if (length >= maxChars) break outer;
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const tag = el.tagName.toUpperCase();
        if (frame.closedDetails && tag !== 'SUMMARY') continue;
        if (isSkipped(el)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) separator();
        stack.push({
          list: renderedChildren(el, shadowRootOf),
          i: 0,
          block,
          closedDetails: tag === 'DETAILS' && !el.hasAttribute('open'),
        });
      } else if (node.nodeType === 11) {
        stack.push({ list: node.childNodes, i: 0, block: false, closedDetails: false });
      }
    }
    separator();
  }
  // Drop the trailing separator: it belongs to nothing.
  if (parts[parts.length - 1] === '\n') parts.pop();
  return { text: parts.join(''), nodes, starts };
}

/** Index of the last node starting at or before `offset` (-1 if none). */
function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((map.starts[mid] ?? Infinity) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The DOM position of `offset`. `edge: 'start'` (a match's first character) moves forward out of
 * a separator to the next node; `edge: 'end'` (a match's end, exclusive) stays at the end of the
 * node before. Null when the offset is outside the text.
 */
export function locate(map: TextMap, offset: number, edge: 'start' | 'end' = 'start'): TextPosition | null {
  if (offset < 0 || offset > map.text.length || map.nodes.length === 0) return null;
  let i = nodeIndexAt(map, edge === 'end' ? offset - 1 : offset);
  if (i < 0) i = 0;
  const node = map.nodes[i];
  const start = map.starts[i];
  if (!node || start === undefined) return null;
  const len = node.data.length;
  if (edge === 'end') return { node, offset: Math.min(Math.max(offset - start, 0), len) };
  if (offset < start + len) return { node, offset: Math.max(offset - start, 0) };
  // In a separator (or at the very end): the first character of the next node.
  const next = map.nodes[i + 1];
  return next ? { node: next, offset: 0 } : { node, offset: len };
}

/** The offset in `map.text` of a DOM position, or -1 when the node is not in the map. */
export function offsetOf(map: TextMap, node: Text, offset: number): number {
  const i = map.nodes.indexOf(node);
  const start = map.starts[i];
  return start === undefined ? -1 : start + offset;
}

/**
 * A live Range over [start, end) of `map.text`, or null when the span is empty, out of bounds or
 * its nodes have left the document (or changed length) since the map was built.
 */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  if (end <= start) return null;
  const a = locate(map, start, 'start');
  const b = locate(map, end, 'end');
  if (!a || !b) return null;
  for (const p of [a, b]) if (!p.node.isConnected || p.offset > p.node.data.length) return null;
  if (a.node === b.node && a.offset >= b.offset) return null;
  const range = a.node.ownerDocument.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null; // the nodes moved apart (another shadow tree) since the map was built
  }
  return range.collapsed ? null : range;
}
