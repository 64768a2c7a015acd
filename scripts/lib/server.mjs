// A local web server for the demo and the end-to-end tests, on 127.0.0.1 only.
//   /                      index of the demo pages
//   /demo/<seed>.html      a seed article of assets/seeds/ (a noisy text dump) laid out as its news page
//   /fixtures/<name>.html  the hand-written fixture pages in test/fixtures/pages/
//   /favicon.ico           204, so that browsers log no 404 for it
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { demoBody, demoLayout, escapeHtml } from './demo-page.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = `${ROOT}assets/seeds/`;
const FIXTURES = `${ROOT}test/fixtures/pages/`;

/**
 * @typedef {{ title: string; source: string; published: string | null; lang: string }} SeedMeta
 * What a real news page declares in its head: read from the built corpus, when there is one.
 */

/**
 * The metadata of each seed article as the corpus pipeline extracted it, from a built
 * extension's corpus.json (dist/chrome, else dist/firefox); empty before the first build.
 * @returns {Promise<Map<string, SeedMeta>>}
 */
export async function seedMeta() {
  for (const target of ['chrome', 'firefox']) {
    try {
      const corpus = JSON.parse(await readFile(`${ROOT}dist/${target}/corpus.json`, 'utf8'));
      return new Map(corpus.articles.map((/** @type {SeedMeta & { id: string }} */ a) => [a.id, a]));
    } catch {
      /* not built (yet) */
    }
  }
  return new Map();
}

/** The head a news site's page would have: title and outlet, og:type, publication date (with `meta`). @param {string} name @param {SeedMeta} [meta] */
function seedHead(name, meta) {
  return `<title>${meta ? `${escapeHtml(meta.title)} | ${escapeHtml(meta.source)}` : `Seed article ${escapeHtml(name)}`}</title>${
    meta
      ? `<meta property="og:type" content="article"><meta property="og:site_name" content="${escapeHtml(meta.source)}">${meta.published ? `<meta property="article:published_time" content="${escapeHtml(meta.published)}">` : ''}`
      : ''
  }`;
}

/**
 * Renders a seed article's text dump as a page. With a layout in assets/demo/<name>.json the page
 * is laid out as the news page the dump came from (site header and menu, teaser boxes, the
 * article in an <article>, footer, and the site's ad-blocker wall as a modal): see
 * ./demo-page.mjs. Without one, line by line: bulleted lines become list items, other lines
 * paragraphs. Either way the dump's noise (menus, teasers, appeals) stays, as on the real page.
 * With `meta` the head says what a news site's would: title and outlet, language, publication
 * date, og:type.
 * @param {string} name @param {string} text @param {SeedMeta} [meta]
 */
export function seedPage(name, text, meta) {
  const layout = demoLayout(name);
  const lang = meta ? ` lang="${escapeHtml(meta.lang)}"` : '';
  if (layout) {
    const { body, bodyClass, css } = demoBody(name, text, layout, meta);
    return `<!doctype html>
<html${lang}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${seedHead(name, meta)}
<style>${css}</style>
</head><body class="${bodyClass}">
${body}
</body></html>`;
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const body = [];
  let list = false;
  for (const line of lines) {
    const bullet = /^[•·*-]\s+(.*)$/.exec(line);
    if (bullet && !list) body.push('<ul>');
    if (!bullet && list) body.push('</ul>');
    list = Boolean(bullet);
    body.push(bullet ? `<li>${escapeHtml(bullet[1] ?? '')}</li>` : `<p>${escapeHtml(line)}</p>`);
  }
  if (list) body.push('</ul>');
  return `<!doctype html>
<html${lang}><head><meta charset="utf-8">${seedHead(name, meta)}
<style>body{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}.demo-note{font:13px system-ui,sans-serif;color:#666;border-bottom:1px solid #ddd;padding-bottom:.5rem}</style>
</head><body><p class="demo-note">Demo page: seed article ${escapeHtml(name)} as a text dump, noise included.</p>
${body.join('\n')}
</body></html>`;
}

/** @returns {Promise<string[]>} the seed names (file names without .txt) */
export async function seedNames() {
  return (await readdir(SEEDS))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/**
 * Starts the server on a free port of 127.0.0.1.
 * @returns {Promise<{ origin: string; close: () => Promise<void> }>}
 */
export async function startServer() {
  const seeds = await seedNames();
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      /** @param {number} status @param {string} body */
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
      };
      let m;
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (path === '/') {
        return send(
          200,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News Context demo</title></head><body><h1>News Context demo pages</h1><ul>${seeds
            .map((s) => `<li><a href="/demo/${s}.html">Seed article ${s}</a></li>`)
            .join('')}</ul></body></html>`,
        );
      }
      if ((m = /^\/demo\/([\w-]+)\.html$/.exec(path)) && m[1] && seeds.includes(m[1])) {
        return send(200, seedPage(m[1], await readFile(`${SEEDS}${m[1]}.txt`, 'utf8'), (await seedMeta()).get(m[1])));
      }
      if ((m = /^\/fixtures\/([\w-]+\.html)$/.exec(path)) && m[1]) {
        try {
          return send(200, await readFile(`${FIXTURES}${m[1]}`, 'utf8'));
        } catch {
          /* fall through to 404 */
        }
      }
      send(404, '<!doctype html><title>Not found</title><p>Not found</p>');
    })();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
