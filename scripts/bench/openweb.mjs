// Pages "like the open web" for the page bench, written here (no third-party page is copied): a
// seed article's text (the same text dump the seed demo pages show, so the corpus's names are on
// the page) in an ordinary news layout (site header and menu, the article, an aside of most-read
// links, a footer), with the page's own small scripts (an inline one in the head, a deferred and
// an async one), a stylesheet, two web fonts and several images, every subresource served by this
// server after a fixed delay: the load event comes well after DOMContentLoaded, as on real sites.
// A hostile page too: ~200,000 characters of short sentences in Georgian script (no corpus
// entity is written in it), for the digest part. Deterministic: fixed delays, a seeded generator.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../lib/demo-page.mjs';
import { seedMeta, seedNames } from '../lib/server.mjs';

const SEEDS = fileURLToPath(new URL('../../assets/seeds/', import.meta.url));

/**
 * Every subresource of an open-web page, with the delay (ms) before the server answers it. The
 * stylesheet and the deferred script hold DOMContentLoaded back a little (as they do on real
 * sites); the async script, the fonts and the images only the load event, the slowest at 900 ms.
 */
export const OPENWEB_DELAYS = {
  html: 30,
  'site.css': 80,
  'app.js': 120,
  'analytics.js': 450,
  'serif.woff2': 200,
  'sans.woff2': 350,
  'hero.svg': 250,
  'img-1.svg': 100,
  'img-2.svg': 180,
  'img-3.svg': 300,
  'img-4.svg': 420,
  'img-5.svg': 600,
  'ad-1.svg': 900,
};

const CSS = `body{margin:0;font:17px/1.6 NewsSerif,Georgia,serif;color:#1a1a1a;background:#fff}
header{border-bottom:3px solid #b00;padding:.5rem 1rem}header .brand{font:700 28px NewsSans,system-ui,sans-serif}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:.3rem 0;padding:0;font:14px NewsSans,system-ui,sans-serif}
.wrap{display:grid;grid-template-columns:minmax(0,42rem) 18rem;gap:2rem;max-width:64rem;margin:1rem auto;padding:0 1rem}
article h1{font:700 34px/1.2 NewsSans,system-ui,sans-serif}article img{max-width:100%;height:auto}
.byline{color:#666;font-size:14px}aside{font:14px NewsSans,system-ui,sans-serif}aside li{margin:.4rem 0}
footer{background:#222;color:#ddd;padding:2rem 1rem;font-size:13px}.cookie{position:fixed;bottom:0;left:0;right:0;background:#ffd;padding:.5rem}
`;

/** The deferred script: a reading-time note and a share bar, as a site's own bundle would add. */
const APP_JS = `(function(){var a=document.querySelector('article');if(!a)return;
var words=a.textContent.split(/\\s+/).length;var p=document.createElement('p');p.className='byline';
p.textContent=Math.max(1,Math.round(words/220))+' min read';var h=a.querySelector('h1');if(h)h.after(p);
var bar=document.createElement('div');bar.className='share';['Share','Tweet','Mail'].forEach(function(t){
var b=document.createElement('button');b.type='button';b.textContent=t;bar.appendChild(b);});a.appendChild(bar);
document.querySelectorAll('nav a').forEach(function(l,i){l.dataset.pos=String(i);});})();`;

/** The async script: a page-view beacon that only counts, and the cookie note. */
const ANALYTICS_JS = `(function(){window.__pv=(window.__pv||0)+1;var c=document.createElement('div');c.className='cookie';
c.textContent='We use cookies to count visits.';var b=document.createElement('button');b.textContent='OK';
b.onclick=function(){c.remove();};c.appendChild(b);document.body.appendChild(c);})();`;

/** The inline head script: the site's data layer and a class on <html>. */
const INLINE_JS = `window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'pageview',t:Date.now()});
document.documentElement.className+=' js';`;

/** A placeholder image of `w`×`h` with a label. @param {number} w @param {number} h @param {string} label */
const svg = (w, h, label) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="100%" height="100%" fill="#cbd"/><text x="50%" y="50%" text-anchor="middle" font-size="20" fill="#445">${label}</text></svg>`;

/** Fixed menus of the made-up site. */
const MENU = ['Home', 'World', 'Politics', 'Business', 'Tech', 'Science', 'Culture', 'Sport', 'Opinion'];
const MOST_READ = [
  'Council votes on the new harbour plan',
  'Storm warning for the coast tonight',
  'Local team wins the cup after extra time',
  'Prices of groceries rise for a third month',
  'Museum opens a wing for modern design',
];

/**
 * An open-web page for a seed article: its dump's lines as the article's paragraphs (noise and
 * all, as the seed demo page shows them), in the layout above.
 * @param {string} name @param {string} text @param {{ title: string; source: string; lang: string } | undefined} meta
 */
export function openWebPage(name, text, meta) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const title = meta?.title ?? lines[0] ?? name;
  const paras = lines.map((l, i) => {
    const p = `<p>${escapeHtml(l)}</p>`;
    // An image every twelve paragraphs, five in all.
    const k = Math.floor(i / 12) + 1;
    return i % 12 === 11 && k <= 5
      ? `${p}\n<figure><img src="/ow/static/img-${k}.svg" width="640" height="360" alt=""><figcaption>Photo ${k}</figcaption></figure>`
      : p;
  });
  return `<!doctype html>
<html lang="${escapeHtml(meta?.lang ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${escapeHtml(meta?.source ?? 'The Daily Bench')}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${escapeHtml(meta?.source ?? 'The Daily Bench')}">
<script>${INLINE_JS}</script>
<link rel="stylesheet" href="/ow/static/site.css">
<style>@font-face{font-family:NewsSerif;src:url(/ow/static/serif.woff2) format("woff2");font-display:swap}
@font-face{font-family:NewsSans;src:url(/ow/static/sans.woff2) format("woff2");font-display:swap}</style>
<script defer src="/ow/static/app.js"></script>
<script async src="/ow/static/analytics.js"></script>
</head><body>
<header><div class="brand">The Daily Bench</div><nav><ul>${MENU.map((m) => `<li><a href="#${m.toLowerCase()}">${m}</a></li>`).join('')}</ul></nav></header>
<div class="wrap"><article>
<h1>${escapeHtml(title)}</h1>
<img src="/ow/static/hero.svg" width="960" height="540" alt="">
${paras.join('\n')}
</article>
<aside><h2>Most read</h2><ol>${MOST_READ.map((m) => `<li><a href="#">${m}</a></li>`).join('')}</ol>
<img src="/ow/static/ad-1.svg" width="300" height="250" alt="Advertisement"></aside></div>
<footer><p>The Daily Bench is a page made up for a benchmark. Contact · Privacy · Terms · Cookies</p></footer>
</body></html>`;
}

/** A seeded generator (mulberry32). @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About `chars` characters of short sentences (three to seven words of two to nine letters) in
 * Georgian script (U+10D0–U+10F0), in paragraphs of eight sentences. @param {number} chars
 */
export function hostileText(chars, seed = 1) {
  const r = random(seed);
  const word = () => Array.from({ length: 2 + Math.floor(r() * 8) }, () => String.fromCharCode(0x10d0 + Math.floor(r() * 33))).join('');
  /** @type {string[]} */
  const paras = [];
  let total = 0;
  while (total < chars) {
    const sentences = Array.from({ length: 8 }, () => {
      const w = Array.from({ length: 3 + Math.floor(r() * 5) }, word).join(' ');
      return `${w}.`;
    });
    const p = sentences.join(' ');
    paras.push(p);
    total += p.length + 1;
  }
  return paras;
}

/** The hostile page: ~`chars` characters of Georgian-script sentences. @param {number} chars */
export function hostilePage(chars) {
  return `<!doctype html>
<html lang="ka"><head><meta charset="utf-8"><title>ნიმუში</title><meta property="og:type" content="article"></head><body>
<article><h1>ნიმუში</h1>
${hostileText(chars)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</article></body></html>`;
}

/**
 * Starts the bench's open-web server on a free port of 127.0.0.1:
 *   /ow/<seed>.html       the open-web page of a seed article (after OPENWEB_DELAYS.html ms)
 *   /ow/static/<file>     its subresources, each after its delay
 *   /hostile/<n>.html     the hostile page of ~n characters (no delay)
 * Query strings are ignored (they make distinct URLs of one page). Nothing is cached.
 * @returns {Promise<{ origin: string; names: string[]; close: () => Promise<void> }>}
 */
export async function startOpenWebServer() {
  const names = await seedNames();
  const meta = await seedMeta();
  /** @type {Map<string, string>} */
  const texts = new Map();
  for (const n of names) texts.set(n, await readFile(`${SEEDS}${n}.txt`, 'utf8'));
  /** @type {Map<number, string>} */
  const hostile = new Map();
  const delays = /** @type {Record<string, number>} */ (OPENWEB_DELAYS);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    /** @param {number} status @param {string} type @param {string | Buffer} body @param {number} delay */
    const send = (status, type, body, delay) => {
      setTimeout(() => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      }, delay);
    };
    let m;
    if ((m = /^\/ow\/([\w-]+)\.html$/.exec(path)) && m[1] && texts.has(m[1]))
      return send(200, 'text/html; charset=utf-8', openWebPage(m[1], texts.get(m[1]) ?? '', meta.get(m[1])), delays.html ?? 0);
    if ((m = /^\/ow\/static\/([\w.-]+)$/.exec(path)) && m[1] && m[1] in delays) {
      const file = m[1];
      const delay = delays[file] ?? 0;
      if (file.endsWith('.css')) return send(200, 'text/css', CSS, delay);
      if (file === 'app.js') return send(200, 'text/javascript', APP_JS, delay);
      if (file === 'analytics.js') return send(200, 'text/javascript', ANALYTICS_JS, delay);
      // Not a real font: the browser rejects it after the wait and keeps the fallback (font-display: swap).
      if (file.endsWith('.woff2')) return send(200, 'font/woff2', Buffer.alloc(2048, 7), delay);
      const [w, h] = file === 'hero.svg' ? [960, 540] : file.startsWith('ad') ? [300, 250] : [640, 360];
      return send(200, 'image/svg+xml', svg(w, h, file), delay);
    }
    if ((m = /^\/hostile\/(\d+)\.html$/.exec(path)) && m[1]) {
      const chars = Math.min(1_000_000, Number(m[1]));
      if (!hostile.has(chars)) hostile.set(chars, hostilePage(chars));
      return send(200, 'text/html; charset=utf-8', hostile.get(chars) ?? '', 0);
    }
    if (path === '/favicon.ico') return send(204, 'text/plain', '', 0);
    send(404, 'text/plain', 'not found', 0);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('open-web server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    names,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
