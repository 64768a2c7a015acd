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
  /** Skip a root that has left the document by the time the walk reaches it (a resumable walk of live content). */
  connectedOnly?: boolean;
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
  /** The node last taken from `list`: finds the place again when the page changed `list` during a pause. */
  prev: Node | null;
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
  const unique = new Set(roots);
  if (unique.size < 2) return [...unique];
  // One walk up from each root (not a pairwise `contains`): a burst of 500 roots stays cheap.
  return [...unique].filter((r) => {
    for (let p = r.parentNode; p; p = p.parentNode) if (unique.has(p)) return false;
    return true;
  });
}

/** A piece of a {@link TextWalk}: a TextMap of its own (offsets from 0) and the roots it came from. */
export interface TextChunk extends TextMap {
  /** The walk's roots whose text is in this chunk, in whole or in part, in walk order. */
  readonly roots: readonly Node[];
}

/** When {@link TextWalk.next} ends a chunk or pauses. Every limit is optional (default: none). */
export interface ChunkLimits {
  /** End the chunk at the first block boundary once it holds this many characters. */
  chars?: number;
  /** … or once this many nodes have been visited for it (pages of empty elements). */
  nodes?: number;
  /** Pause when `now()` has passed this (checked every 64 nodes): `next` returns null and the next call resumes. */
  deadline?: number;
  now?: () => number;
}

/**
 * A text map built piece by piece: each `next()` call returns the next chunk, cut only where a
 * separator is (between blocks, at a root's end), never inside a paragraph, so a name cannot be
 * split between two chunks. One exception keeps pathological pages bounded: a single block of
 * more than {@link HARD_CUT} times the limit (inline-only markup of megabytes) is cut after a text node.
 */
export interface TextWalk {
  /** The next chunk; null when paused by the deadline (the partial chunk is kept) or when done. */
  next(limits?: ChunkLimits): TextChunk | null;
  /** Every root has been walked and handed out. */
  readonly done: boolean;
  /** Whether `node` lies in a root of this walk where the walk has not been yet (it will map it as it is then). */
  ahead(node: Node): boolean;
}

/** A block larger than this many times `ChunkLimits.chars` (or `nodes`) is cut inside. */
export const HARD_CUT = 4;

/**
 * Whether `node` comes after `from` in document order, or inside it. Walks the ancestors and the
 * siblings between (not compareDocumentPosition: linkedom answers it backwards for siblings).
 */
function after(from: Node, node: Node): boolean {
  const chain = new Map<Node, Node | null>(); // ancestor of `from` → its child on the way to `from`
  for (let n: Node | null = from, child: Node | null = null; n; child = n, n = n.parentNode) chain.set(n, child);
  for (let n: Node | null = node, child: Node | null = null; n; child = n, n = n.parentNode) {
    if (!chain.has(n)) continue;
    const fromChild = chain.get(n) ?? null;
    if (fromChild === null) return child !== null; // `node` is inside `from`
    if (child === null) return false; // `node` is an ancestor of `from`
    for (let s = fromChild.nextSibling; s; s = s.nextSibling) if (s === child) return true;
    return false;
  }
  return false;
}

/**
 * Walks the visible text of `roots` (see {@link buildTextMap}) resumably. The walk keeps its
 * place between calls; a page that changes the tree meanwhile is followed as well as a
 * TreeWalker would (children removed before the place are accounted for).
 */
export function createTextWalk(
  roots: Node | readonly Node[],
  { maxChars = Infinity, shadowRootOf = defaultShadowRootOf, connectedOnly = false }: TextMapOptions = {},
): TextWalk {
  const list = (Array.isArray(roots) ? roots : [roots]) as readonly Node[];
  const starting = outermost(
    list.map((r) => (r.nodeType === 9 ? (((r as Document).body as HTMLElement | null) ?? (r as Document).documentElement) : r)),
  ).filter((r) => !isInSkippedTree(r));

  let rootIndex = -1;
  let stack: Frame[] = [];
  /** The last node taken: the walk's place, for `ahead`. */
  let cursor: Node | null = null;
  let total = 0;
  let done = starting.length === 0;
  // The chunk being built.
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  let visited = 0;
  let firstRoot = 0;
  let lastNewline = true; // no leading separator

  const separator = () => {
    if (!lastNewline) {
      parts.push('\n');
      length += 1;
      lastNewline = true;
    }
  };

  function emit(): TextChunk {
    // Drop the trailing separator: it belongs to nothing.
    if (parts[parts.length - 1] === '\n') parts.pop();
    const chunk: TextChunk = {
      text: parts.join(''),
      nodes,
      starts,
      roots: starting.slice(firstRoot, Math.min(rootIndex, starting.length - 1) + 1).filter((r) => !connectedOnly || r.isConnected),
    };
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    visited = 0;
    lastNewline = true;
    // The next chunk starts in the current root, or in the next one when this one has been walked to its end.
    const bottom = stack[0];
    firstRoot = stack.length === 0 || (stack.length === 1 && bottom && bottom.i >= bottom.list.length) ? rootIndex + 1 : rootIndex;
    return chunk;
  }

  /** After a pause the page may have inserted or removed children before a frame's place: find it again. */
  function resync(): void {
    for (const frame of stack) {
      const { list: l, i, prev } = frame;
      if (!prev || i === 0 || l[i - 1] === prev) continue;
      const j = Array.prototype.indexOf.call(l, prev);
      // Gone: what followed it moved up one place (at worst a node is mapped twice, never skipped).
      frame.i = j >= 0 ? j + 1 : i - 1;
    }
  }

  function next(limits: ChunkLimits = {}): TextChunk | null {
    if (done) return null;
    const maxLength = limits.chars ?? Infinity;
    const maxNodes = limits.nodes ?? Infinity;
    const { deadline = Infinity, now } = limits;
    resync();
    let sinceCheck = 0;
    for (;;) {
      if (length > 0 && (length >= maxLength || visited >= maxNodes)) {
        // At a block boundary; or, past the hard limit, after a text node (`lastNewline` is false there).
        if (lastNewline || length >= maxLength * HARD_CUT || visited >= maxNodes * HARD_CUT) return emit();
      }
      if (++sinceCheck >= 64) {
        sinceCheck = 0;
        if (now && now() >= deadline) return null;
      }
      const frame = stack[stack.length - 1];
      if (!frame) {
        separator();
        if (total >= maxChars || ++rootIndex >= starting.length) {
          done = true;
          stack = [];
          return length > 0 || nodes.length > 0 ? emit() : null;
        }
        const next = starting[rootIndex];
        if (next && (!connectedOnly || next.isConnected)) stack.push({ list: [next], i: 0, prev: null, block: true, closedDetails: false });
        continue;
      }
      const node = frame.list[frame.i];
      if (!node) {
        stack.pop();
        if (frame.block) separator();
        continue;
      }
      frame.i++;
      frame.prev = node;
      cursor = node;
      visited++;
      if (node.nodeType === 3) {
        if (frame.closedDetails) continue;
        const value = (node as Text).data;
        if (value.length === 0) continue;
        nodes.push(node as Text);
        starts.push(length);
        parts.push(value.replace(WS, ' '));
        length += value.length;
        total += value.length;
        lastNewline = false;
        if (total >= maxChars) stack = []; // the root's end: one more separator, then done
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
          prev: null,
          block,
          closedDetails: tag === 'DETAILS' && !el.hasAttribute('open'),
        });
      } else if (node.nodeType === 11) {
        stack.push({ list: node.childNodes, i: 0, prev: null, block: false, closedDetails: false });
      }
    }
  }

  function ahead(node: Node): boolean {
    if (done) return false;
    for (let k = Math.max(0, rootIndex); k < starting.length; k++) {
      const root = starting[k];
      if (!root?.contains(node)) continue;
      if (k > rootIndex || !cursor) return true;
      // Inside the element last taken (its children are next), or after it.
      return cursor !== node && after(cursor, node);
    }
    return false;
  }

  return {
    next,
    get done() {
      return done;
    },
    ahead,
  };
}

/**
 * Maps the visible text of `roots`: a Document or an element (the whole page), or, for
 * incremental work, the subtrees a MutationObserver reported as added. Each root is mapped as a
 * block of its own; roots inside a skipped subtree (hidden, our UI, …) or inside another root are
 * ignored, so the caller can pass the raw list of added nodes. In one go: see
 * {@link createTextWalk} for the same map in bounded pieces.
 */
export function buildTextMap(roots: Node | readonly Node[], { maxChars = 1_000_000, shadowRootOf }: TextMapOptions = {}): TextMap {
  const chunk = createTextWalk(roots, { maxChars, ...(shadowRootOf ? { shadowRootOf } : {}) }).next();
  return chunk ? { text: chunk.text, nodes: chunk.nodes, starts: chunk.starts } : { text: '', nodes: [], starts: [] };
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
