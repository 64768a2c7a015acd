// The demo pages: a seed article (a noisy text dump of a real news page, assets/seeds/) laid out
// again as the news page it came from. Which lines of the dump are the menu, the teaser boxes,
// the article, the footer or the ad-blocker wall is written down per seed in
// assets/demo/<seed>.json (a small hand-written layout: line ranges, 1-based as `cat -n` counts
// them). How each block's lines become markup is decided here by general rules (bullets are
// menu entries, a date line under a teaser is its date, a short line without end punctuation in
// the article is a subheading, …). Every non-empty line of the dump is placed exactly once and
// unchanged (only escaped; a few sit in panels that open on a click, as on the site: the
// off-canvas menu and the search panel); the renderer throws when a layout leaves a line out or
// uses one twice, so a layout cannot silently drop or invent text. Three things are not lines of the
// dump: the outlet's name where the dump has no logo line (the corpus metadata's source, or the
// layout's `outlet`), the in-page section links of a site whose dump has no menu, and a one-line
// note that the page is a demo.
import { readFileSync, readdirSync } from 'node:fs';

const DEMO = new URL('../../assets/demo/', import.meta.url);

/** @param {string} s */
export const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @typedef {'drawer' | 'topbar' | 'header' | 'nav' | 'breadcrumb' | 'article' | 'main' | 'sidebar' | 'footer' | 'overlays' | 'wall'} Region
 * @typedef {{ as: string; lines?: [number, number] }} Block
 * @typedef {{ outlet: string; theme: string; regions: Partial<Record<Region, Block[]>> }} Layout
 * @typedef {{ source?: string }} OutletMeta
 */

/** The regions in page order (the order of the DOM). */
export const REGIONS = /** @type {const} */ ([
  'drawer',
  'topbar',
  'header',
  'nav',
  'breadcrumb',
  'article',
  'main',
  'sidebar',
  'footer',
  'overlays',
  'wall',
]);

/**
 * The layout of seed `name` (assets/demo/<name>.json), or null when there is none. A short name
 * ("000") finds the seed it starts ("000_d35634ae92cf12c4").
 * @param {string} name @returns {Layout | null}
 */
export function demoLayout(name) {
  const files = readdirSync(DEMO).filter((f) => f.endsWith('.json'));
  const file = files.find((f) => f === `${name}.json`) ?? files.find((f) => f.startsWith(`${name}_`));
  return file ? JSON.parse(readFileSync(new URL(file, DEMO), 'utf8')) : null;
}

let css = '';
/** The demo pages' stylesheet (assets/demo/demo.css), inlined so that a page makes no other request. */
function stylesheet() {
  if (!css) css = readFileSync(new URL('demo.css', DEMO), 'utf8');
  return css;
}

// ---- General rules for lines -------------------------------------------------------------------

const BULLET = /^[•·*-]\s+(.*)$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** An English date ("June 13, 2025") or an ISO one ("2025-11-11"). */
const DATE = new RegExp(`\\b(?:(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`, 'i');
const READ_TIME = /^\d+ mins? read$/i;

/** A bulleted line's text, or null. @param {string} line */
const bullet = (line) => BULLET.exec(line)?.[1] ?? null;

/** "News JournosNews Journos" (a logo's image alt followed by its text) → "News Journos". @param {string} s */
export const undouble = (s) => (s.length % 2 === 0 && s.slice(0, s.length / 2) === s.slice(s.length / 2) ? s.slice(0, s.length / 2) : s);

/** The ISO date of a date match. @param {RegExpExecArray} m */
function isoDate(m) {
  if (m[4]) return `${m[4]}-${m[5] ?? ''}-${m[6] ?? ''}`;
  const month = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
  return `${m[3] ?? ''}-${String(month).padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
}

/** The line, escaped, with its first date as a <time>. @param {string} line */
function withTime(line) {
  const m = DATE.exec(line);
  if (!m) return escapeHtml(line);
  const end = m.index + m[0].length;
  return `${escapeHtml(line.slice(0, m.index))}<time datetime="${isoDate(m)}">${escapeHtml(m[0])}</time>${escapeHtml(line.slice(end))}`;
}

/** A line that is only a date or a reading time: a teaser's meta line. @param {string} line */
const isMeta = (line) => READ_TIME.test(line) || DATE.exec(line)?.[0] === line;
/** A teaser's excerpt: long, or cut off with an ellipsis. @param {string} line */
const isExcerpt = (line) => line.length > 120 || line.endsWith('…');
/** A subheading in an article: short, no end punctuation, not starting in lower case. @param {string} line */
const isSubheading = (line) => line.length <= 80 && !/[.!?…:;,]$/.test(line) && !/^\p{Ll}/u.test(line);

// ---- Blocks --------------------------------------------------------------------------------------

/**
 * @typedef {{ lines: string[]; layout: Layout; meta: OutletMeta | undefined; sections: Set<string>; ids: Map<string, string> }} Ctx
 */

/** A teaser box: its first line the heading, then items (see {@link teaserItems}). @param {string[]} lines @param {Ctx} ctx @param {string} cls */
function teaserBox(lines, ctx, cls) {
  const [heading = '', ...rest] = lines;
  const id = ctx.ids.get(heading) ?? '';
  const items = teaserItems(rest, ctx.sections)
    .map(
      (t) =>
        `<li>${t.kicker ? `<span class="kicker">${escapeHtml(t.kicker)}</span>` : ''}<a href="#">${escapeHtml(t.title)}</a>${t.excerpt ? `<p class="excerpt">${escapeHtml(t.excerpt)}</p>` : ''}${t.meta.map((m) => `<span class="meta">${withTime(m)}</span>`).join('')}</li>`,
    )
    .join('');
  return `<section class="box teasers ${cls}"${id ? ` id="${id}"` : ''}><h2>${escapeHtml(heading)}</h2><ul>${items}</ul></section>`;
}

/**
 * Teasers from lines: a bulleted line is an item; a date or reading-time line belongs to the item
 * before it; a line that is one of the site's sections (a menu entry) is the next item's kicker;
 * a long or cut-off line is the item's excerpt; any other line starts an item.
 * @param {string[]} lines @param {Set<string>} sections
 */
export function teaserItems(lines, sections) {
  /** @type {{ kicker: string | null; title: string; excerpt: string | null; meta: string[] }[]} */
  const items = [];
  /** @type {string | null} */
  let kicker = null;
  for (const line of lines) {
    const last = items.at(-1);
    const b = bullet(line);
    if (b !== null) items.push({ kicker: null, title: b, excerpt: null, meta: [] });
    else if (last && isMeta(line)) last.meta.push(line);
    else if (sections.has(line)) kicker = line;
    else if (last && !last.excerpt && isExcerpt(line)) last.excerpt = line;
    else {
      items.push({ kicker, title: line, excerpt: null, meta: [] });
      kicker = null;
    }
  }
  return items;
}

/** Menu entries: bulleted lines; a line without a bullet heads the entries under it (a footer column). @param {string[]} lines */
function menu(lines) {
  /** @type {{ heading: string | null; items: string[] }[]} */
  const groups = [];
  for (const line of lines) {
    const b = bullet(line);
    const last = groups.at(-1);
    if (b === null) groups.push({ heading: line, items: [] });
    else if (last) last.items.push(b);
    else groups.push({ heading: null, items: [b] });
  }
  return groups
    .map(
      (g) =>
        `<div class="menu-group">${g.heading ? `<h3>${escapeHtml(g.heading)}</h3>` : ''}<ul class="menu">${g.items
          .map((i) => `<li><a href="#">${escapeHtml(i)}</a></li>`)
          .join('')}</ul></div>`,
    )
    .join('');
}

/**
 * The article's text, by rules: "1) …" lines are a list of contents (the line before them its
 * title); a line followed by "1 …" lines is a table (first word, rest); "Question: …" is a
 * question heading; a short line without end punctuation a subheading; anything else a paragraph.
 * @param {string[]} lines
 */
export function articleBody(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    const run = (/** @type {RegExp} */ re) => {
      let j = i + 1;
      while (j < lines.length && re.test(lines[j] ?? '')) j++;
      return lines.slice(i + 1, j);
    };
    if (/^\d+\)\s/.test(next)) {
      const items = run(/^\d+\)\s/);
      out.push(
        `<div class="toc"><p class="toc-title">${escapeHtml(line)}</p><ol>${items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol></div>`,
      );
      i += items.length;
    } else if (/^\d+\s\S/.test(next) && !/^\d+\s/.test(line)) {
      const rows = run(/^\d+\s\S/);
      const cells = (/** @type {string} */ s, /** @type {string} */ tag) => {
        const k = s.indexOf(' ');
        return `<${tag}>${escapeHtml(s.slice(0, k))}</${tag}><${tag}>${escapeHtml(s.slice(k + 1))}</${tag}>`;
      };
      out.push(
        `<table class="key-points"><thead><tr>${cells(line, 'th')}</tr></thead><tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`,
      );
      i += rows.length;
    } else if (/^Question:/.test(line)) out.push(`<h3>${escapeHtml(line)}</h3>`);
    else if (isSubheading(line)) out.push(`<h2>${escapeHtml(line)}</h2>`);
    else out.push(`<p>${escapeHtml(line)}</p>`);
  }
  return out.join('\n');
}

/** @type {Record<string, (lines: string[], ctx: Ctx) => string>} */
const BLOCKS = {
  /** The outlet's name, as the site's logo: a doubled logo line once, else the metadata's source. */
  logo: (lines, ctx) =>
    `<a class="logo" href="#">${escapeHtml(lines.length ? undouble(lines[0] ?? '') : (ctx.meta?.source ?? ctx.layout.outlet))}</a>`,
  /** A line shown as a button ("Subscribe", "Close Menu" closes the drawer). */
  button: (lines) => lines.map((l) => `<a class="button" href="#">${escapeHtml(l)}</a>`).join(''),
  /** Today's date in the masthead. */
  date: (lines) => lines.map((l) => `<span class="today">${escapeHtml(l)}</span>`).join(''),
  menu: (lines) => menu(lines),
  /** A site without menu lines: links to the page's own boxes, named by their headings. */
  sections: (_lines, ctx) =>
    `<ul class="menu">${[...ctx.ids].map(([heading, id]) => `<li><a href="#${id}">${escapeHtml(heading)}</a></li>`).join('')}</ul>`,
  social: (lines) => lines.map((l) => `<p class="social">${escapeHtml(l)}</p>`).join(''),
  teasers: (lines, ctx) => teaserBox(lines, ctx, ''),
  /** A headline ticker: a teaser box in one scrolling row. */
  ticker: (lines, ctx) => teaserBox(lines, ctx, 'ticker'),
  /** "You are here: A » B » C". */
  breadcrumb: (lines) =>
    lines
      .map((l) => {
        const [first = '', ...crumbs] = l.split(' » ');
        const label = /^(.*?:)\s*(.*)$/.exec(first);
        const parts = label ? [label[2] ?? '', ...crumbs] : [first, ...crumbs];
        return `<p class="breadcrumb">${label ? `${escapeHtml(label[1] ?? '')} ` : ''}${parts
          .map((p, i) => (i < parts.length - 1 ? `<a href="#">${escapeHtml(p)}</a>` : `<span>${escapeHtml(p)}</span>`))
          .join(' » ')}</p>`;
      })
      .join(''),
  /** The headline repeated in the sticky bar. */
  'bar-title': (lines) => lines.map((l) => `<p class="bar-title">${escapeHtml(l)}</p>`).join(''),
  headline: (lines) => `<h1>${escapeHtml(lines.join(' '))}</h1>`,
  byline: (lines) => lines.map((l) => `<p class="byline">${withTime(l)}</p>`).join(''),
  /** The lead; a leading "date 2025-11-11" is the dateline above it. */
  lead: (lines) =>
    lines
      .map((l) => {
        const m = /^(date) (\d{4}-\d{2}-\d{2}) (.*)$/.exec(l);
        if (!m) return `<p class="lead">${escapeHtml(l)}</p>`;
        return `<p class="dateline"><span class="label">${escapeHtml(m[1] ?? '')}</span> <time datetime="${m[2] ?? ''}">${m[2] ?? ''}</time></p><p class="lead">${escapeHtml(m[3] ?? '')}</p>`;
      })
      .join(''),
  body: (lines) => articleBody(lines),
  /** An ad slot with its label. */
  ad: (lines) => `<div class="ad-slot">${lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</div>`,
  tags: (lines) => lines.map((l) => `<p class="tags">${escapeHtml(l)}</p>`).join(''),
  share: (lines) => lines.map((l) => `<p class="share">${escapeHtml(l)}</p>`).join(''),
  /** "Läs mer: <headline>": a link to another article. */
  readmore: (lines) =>
    lines
      .map((l) => {
        const k = l.indexOf(': ');
        return k < 0
          ? `<p class="read-more">${escapeHtml(l)}</p>`
          : `<p class="read-more"><strong>${escapeHtml(l.slice(0, k + 1))}</strong> <a href="#">${escapeHtml(l.slice(k + 2))}</a></p>`;
      })
      .join(''),
  /** An author box or profile: "… Avatar" is the picture's alt, the first other line the name, bullets links, the rest notes. */
  author: (lines) => {
    let named = false;
    return `<div class="author">${lines
      .map((l) => {
        if (/ Avatar$/.test(l)) return `<span class="avatar" role="img" aria-label="${escapeHtml(l)}"></span>`;
        const b = bullet(l);
        if (b !== null) return `<a class="author-link" href="#">${escapeHtml(b)}</a>`;
        if (!named) {
          named = true;
          return `<p class="author-name">${escapeHtml(l)}</p>`;
        }
        return `<p class="${l.length > 120 ? 'author-bio' : 'author-note'}">${escapeHtml(l)}</p>`;
      })
      .join('')}</div>`;
  },
  /** A box: its first line the heading, the rest paragraphs (a newsletter sign-up). */
  box: (lines) => {
    const [heading = '', ...rest] = lines;
    return `<section class="box"><h2>${escapeHtml(heading)}</h2>${rest.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</section>`;
  },
  note: (lines) => lines.map((l) => `<p class="note">${escapeHtml(l)}</p>`).join(''),
  /** The search panel's hint (the panel opens from the search link in the header). */
  search: (lines) =>
    `<div class="search-panel" id="search"><a class="search-close" href="#">×</a><input type="search" aria-label="Search">${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}</div>`,
  /**
   * An ad-blocker wall: a centred modal over a backdrop. A line that repeats the next one is the
   * wall's picture (its alt text, as the dump has it), then the heading and the appeal.
   */
  wall: (lines) => {
    const [first = '', ...rest] = lines;
    const icon = rest[0] === first ? first : null;
    const [heading = '', ...text] = icon ? rest : lines;
    return `<div class="adblock-backdrop"></div><div class="adblock-wall" role="dialog" aria-modal="true" aria-labelledby="adblock-title">${
      icon
        ? `<svg class="adblock-icon" role="img" aria-label="${escapeHtml(icon)}" viewBox="0 0 48 48" width="56" height="56"><path d="M24 3 43 10v13c0 11-8 19-19 22C13 42 5 34 5 23V10Z" fill="currentColor"/><path d="M15 24h18" stroke="#fff" stroke-width="5" stroke-linecap="round"/></svg>`
        : ''
    }<h2 id="adblock-title">${escapeHtml(heading)}</h2>${text.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
  },
};

/**
 * The lines of `text` each block of `layout` renders, checked: every non-empty line is in exactly
 * one block, and every block's range is inside the dump.
 * @param {string[]} lines the dump's lines (trimmed) @param {Layout} layout @param {string} name
 * @returns {Map<Block, string[]>}
 */
export function assignLines(lines, layout, name) {
  const owner = new Array(lines.length).fill(-1);
  /** @type {Map<Block, string[]>} */
  const out = new Map();
  let n = 0;
  for (const region of REGIONS) {
    for (const block of layout.regions[region] ?? []) {
      n++;
      if (!(block.as in BLOCKS)) throw new Error(`demo layout ${name}: unknown block "${block.as}"`);
      if (!block.lines) {
        out.set(block, []);
        continue;
      }
      const [from, to] = block.lines;
      if (from < 1 || to > lines.length || from > to) throw new Error(`demo layout ${name}: lines ${from}-${to} are not in the dump`);
      /** @type {string[]} */
      const mine = [];
      for (let i = from - 1; i < to; i++) {
        if (!lines[i]) continue;
        if (owner[i] !== -1) throw new Error(`demo layout ${name}: line ${i + 1} is in two blocks`);
        owner[i] = n;
        mine.push(lines[i] ?? '');
      }
      if (!mine.length) throw new Error(`demo layout ${name}: lines ${from}-${to} are empty`);
      out.set(block, mine);
    }
  }
  const missed = lines.findIndex((l, i) => l && owner[i] === -1);
  if (missed >= 0) throw new Error(`demo layout ${name}: line ${missed + 1} ("${lines[missed] ?? ''}") is in no block`);
  return out;
}

/**
 * The body of the demo page of a seed: its regions in page order, each block rendered by its rule.
 * @param {string} name @param {string} text @param {Layout} layout @param {OutletMeta} [meta]
 * @returns {{ body: string; bodyClass: string; css: string }}
 */
export function demoBody(name, text, layout, meta) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const assigned = assignLines(lines, layout, name);
  /** @type {Ctx} */
  const ctx = { lines, layout, meta, sections: new Set(), ids: new Map() };
  // The site's sections (its menu entries) are the kickers of teasers; teaser boxes get ids for in-page links.
  for (const [block, mine] of assigned) {
    if (block.as === 'menu') for (const l of mine) if (bullet(l) !== null) ctx.sections.add(bullet(l) ?? '');
    if ((block.as === 'teasers' || block.as === 'ticker') && mine[0] && !ctx.ids.has(mine[0]))
      ctx.ids.set(mine[0], `box-${ctx.ids.size + 1}`);
  }
  const render = (/** @type {Region} */ region) =>
    (layout.regions[region] ?? []).map((b) => (BLOCKS[b.as] ?? (() => ''))(assigned.get(b) ?? [], ctx)).join('\n');
  const has = (/** @type {Region} */ region) => (layout.regions[region] ?? []).length > 0;
  const body = `<p class="demo-note">Demo page made from the seed article ${escapeHtml(name)} (a text dump of the real page); layout: assets/demo/${escapeHtml(name)}.json</p>
${has('drawer') ? `<div class="drawer" id="menu">${render('drawer')}</div>` : ''}
${has('topbar') ? `<div class="topbar">${render('topbar')}</div>` : ''}
<header class="site-header">${has('drawer') ? '<a class="menu-toggle" href="#menu" aria-label="Menu">☰</a>' : ''}${render('header')}${has('overlays') ? '<a class="search-toggle" href="#search" aria-label="Search">⌕</a>' : ''}</header>
<nav class="site-nav">${render('nav')}</nav>
<div class="page">
<main>
${render('breadcrumb')}
<article>
${render('article')}
</article>
${render('main')}
</main>
<aside class="sidebar">
${render('sidebar')}
</aside>
</div>
<footer class="site-footer">${render('footer')}</footer>
${render('overlays')}
${render('wall')}`;
  return { body, bodyClass: `site-${layout.theme}${has('wall') ? ' adblock-locked' : ''}`, css: stylesheet() };
}
