/**
 * The highlighter, the text map, the card host and the hover card in real Chromium, without the
 * extension: the modules are bundled with Vite's build API (lib mode, IIFE) into a temporary
 * folder, injected into a fixture page with addScriptTag, and wired the way the content script
 * will wire them (a toy matcher stands in for the real one).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchUntrustedInput } from './page-input';
import {
  AXE_RUN_OPTIONS,
  AXE_SOURCE,
  type AxeViolation,
  CHROMIUM_ARGS,
  ROOT,
  describeViolations,
  requireBrowser,
  screenshotPath,
  startServer,
  waitFor,
} from './harness';

const executable = requireBrowser('chromium');

const ENTITIES = [
  {
    id: 'meta',
    aliases: ['Meta'],
    card: {
      name: 'Meta Platforms',
      type: 'organization',
      description: {
        text: 'the owner of Facebook and Instagram',
        source: 'Harbour Gazette',
        published: '2025-06-12',
        articleId: 'a1',
        sentence: 0,
      },
      facts: [
        {
          text: 'Meta agreed to buy 49 percent of Scale AI.',
          source: 'Harbour Gazette',
          published: '2025-06-12',
          articleId: 'a1',
          sentence: 1,
        },
      ],
      story: { title: 'Meta invests in Scale AI', date: '2025-06' },
    },
  },
  {
    id: 'scale',
    aliases: ['Scale AI'],
    card: {
      name: 'Scale AI',
      type: 'organization',
      description: {
        text: 'a data-labelling company in San Francisco',
        source: 'Harbour Gazette',
        published: '2025-06-12',
        articleId: 'a1',
        sentence: 0,
      },
      facts: [
        {
          text: 'Scale AI labels training data for most large AI labs.',
          source: 'Harbour Gazette',
          published: '2025-06-12',
          articleId: 'a1',
          sentence: 3,
        },
        {
          text: 'Several customers paused their work with Scale AI after the deal.',
          source: 'The Wire',
          published: '2025-06-20',
          articleId: 'a3',
          sentence: 5,
        },
      ],
      story: { title: 'Meta invests in Scale AI', date: '2025-06' },
    },
  },
  {
    id: 'wang',
    aliases: ['Alexandr Wang'],
    card: {
      name: 'Alexandr Wang',
      type: 'person',
      description: null,
      facts: [{ text: 'Wang founded Scale AI in 2016.', source: 'Dagens Nyheter', published: '2025-06-13', articleId: 'a2', sentence: 2 }],
      story: null,
    },
  },
];

/** The wiring the content script will do, compiled into the test bundle. */
const ENTRY = (root: string) => `
import { buildTextMap } from '${root}src/page/text-map.ts';
import { createHighlighter } from '${root}src/page/highlight.ts';
import { CardHost } from '${root}src/page/card-host.ts';
import { buildHoverCard, HOVER_CARD_CSS } from '${root}src/ui/components/hover-card.ts';
import { translatorFrom } from '${root}src/ui/i18n.tsx';

export function mount(entities, messages) {
  const locale = { t: translatorFrom(messages), lang: 'en' };
  const byId = new Map(entities.map((e) => [e.id, e]));
  const log = [];
  // An open shadow root (production's is closed) so that axe-core can audit the card.
  const card = new CardHost({ css: HOVER_CARD_CSS, mode: 'open', onClose: (reason) => log.push('close:' + reason) });
  const hl = createHighlighter({
    onEnter(hit, via) {
      log.push('open:' + hit.id + ':' + via);
      const e = byId.get(hit.id);
      const view = buildHoverCard({ ...e.card, panelKind: 'side panel', onOpenPanel: () => log.push('panel:' + hit.id), onClose: () => card.close('api') }, locale);
      card.open(hit, view, via);
    },
    onLeave: () => card.leave(),
  });
  const match = (text) => {
    const out = [];
    for (const e of entities)
      for (const alias of e.aliases)
        for (const m of text.matchAll(new RegExp('\\\\b' + alias + '\\\\b', 'g'))) out.push({ start: m.index, end: m.index + alias.length, id: e.id });
    return out;
  };
  const scan = () => {
    const map = buildTextMap(document);
    return hl.update(map, match(map.text));
  };
  return { hl, card, scan, log };
}
`;

interface Wired {
  size: number;
  log: string[];
}

declare global {
  interface Window {
    __hlLib: { mount: (entities: unknown, messages: unknown) => unknown };
    nc: {
      hl: import('../../src/page/highlight').Highlighter;
      card: import('../../src/page/card-host').CardHost;
      scan: () => number;
      log: string[];
    };
    rerenderArticle: () => void;
  }
}

type Rect = { top: number; bottom: number; left: number; right: number; width: number; height: number };

describe.skipIf(executable === null)('Chromium: highlights and the hover card on a page', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof startServer>>;
  let bundle: string;
  let tmp: string;
  const errors: string[] = [];

  beforeAll(async () => {
    // Inside node_modules so that the entry's bare imports resolve like the sources'.
    mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
    tmp = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'hl-e2e-'));
    writeFileSync(join(tmp, 'entry.ts'), ENTRY(ROOT));
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        outDir: join(tmp, 'out'),
        emptyOutDir: true,
        minify: true,
        lib: { entry: join(tmp, 'entry.ts'), formats: ['iife'], name: '__hlLib', fileName: () => 'hl.js' },
      },
    });
    bundle = join(tmp, 'out', 'hl.js');
    const bytes = readFileSync(bundle);
    console.info(
      `highlight bundle (text-map, highlight, card-host, hover-card, i18n): ${bytes.length} B, ${gzipSync(bytes).length} B gzipped`,
    );
    server = await startServer();
    browser = await chromium.launch({ executablePath: executable!, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('pageerror', (e) => errors.push(`uncaught ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (server as typeof server | undefined)?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const messages = JSON.parse(readFileSync(join(ROOT, 'assets/public/_locales/en/messages.json'), 'utf8')) as unknown;

  async function load(): Promise<void> {
    await page.goto(`${server.origin}/fixtures/hl-article.html`);
    await page.addScriptTag({ path: bundle });
    await page.evaluate(
      ([entities, msgs]) => {
        window.nc = window.__hlLib.mount(entities, msgs) as Window['nc'];
        window.nc.scan();
      },
      [ENTITIES, messages] as const,
    );
  }

  const wired = () => page.evaluate((): Wired => ({ size: CSS.highlights.get('news-context')?.size ?? -1, log: [...window.nc.log] }));

  /** The client rect of the `nth` occurrence of `word` in the element `selector` (light or open shadow DOM). */
  const wordRect = (selector: string, word: string, host?: string) =>
    page.evaluate(
      ([selector, word, host]) => {
        const scope: ParentNode = host ? document.querySelector(host)!.shadowRoot! : document;
        const el = scope.querySelector(selector)!;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(word);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height };
        }
        throw new Error(`${word} not in ${selector}`);
      },
      [selector, word, host ?? ''] as const,
    );

  const cardRect = () =>
    page.evaluate(() => {
      const host = window.nc.card.hostElement;
      if (!host) return null;
      const b = window.nc.card.shadowRoot!.querySelector('.nc-host-box')!.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, width: b.width, height: b.height };
    });

  /**
   * The word's rect and the card's box measured together (one evaluation, one layout), polled
   * until the card sits beside the word: it follows a shifting layout in the next frame, so a
   * rect taken before the card opened may be stale.
   */
  const besideWord = (selector: string, word: string) =>
    waitFor(
      () =>
        page.evaluate(
          ([selector, word]) => {
            const box = window.nc.card.hostElement ? window.nc.card.shadowRoot!.querySelector('.nc-host-box') : null;
            const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n && box; n = walker.nextNode()) {
              const i = (n as Text).data.indexOf(word);
              if (i < 0) continue;
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + word.length);
              const rect = (b: DOMRect) => ({
                top: b.top,
                bottom: b.bottom,
                left: b.left,
                right: b.right,
                width: b.width,
                height: b.height,
              });
              return { word: rect(r.getBoundingClientRect()), card: rect(box.getBoundingClientRect()) };
            }
            return null;
          },
          [selector, word] as const,
        ),
      (m) => m !== null && m.card.height > 0 && (m.card.top >= m.word.bottom || m.card.bottom <= m.word.top),
      `the card beside "${word}" in ${selector}`,
      2000,
    ).then((m) => m!);

  const cardText = (testid: string) =>
    page.evaluate((id) => window.nc.card.shadowRoot?.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testid);

  const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const untilLog = (entry: string) => waitFor(wired, (w) => w.log.includes(entry), `log entry ${entry}`, 5000);
  const isOpen = () => page.evaluate(() => window.nc.card.isOpen);

  it('highlights every visible mention, in light DOM and an open shadow root, and nothing hidden', async () => {
    await load();
    const w = await wired();
    // Meta ×3 (h1, lead, <b>), Scale AI ×3 (h1, lead, shadow quote), Alexandr Wang ×2; the hidden
    // teaser and the aria-hidden advert are not highlighted.
    expect(w.size).toBe(8);
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.get('news-context')!.forEach((r) => out.push((r as Range).toString()));
      return out.sort();
    });
    expect(texts).toEqual(['Alexandr Wang', 'Alexandr Wang', 'Meta', 'Meta', 'Meta', 'Scale AI', 'Scale AI', 'Scale AI']);
    // Scanning again adds nothing: live ranges are not duplicated.
    expect(await page.evaluate(() => window.nc.scan())).toBe(0);
    expect((await wired()).size).toBe(8);
    // The page's DOM is untouched: no wrapper elements, only our stylesheet adopted.
    expect(await page.evaluate(() => document.querySelectorAll('mark, [data-news-context-ui]').length)).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  });

  it('opens the card on hover, beside the word and never over it, with the right name and facts', async () => {
    const word = await wordRect('#lead', 'Scale AI');
    await page.mouse.move(centre(word).x, centre(word).y);
    await untilLog('open:scale:pointer');
    expect(await cardText('hc-name')).toBe('Scale AI');
    const facts = await page.evaluate(() =>
      [...window.nc.card.shadowRoot!.querySelectorAll('[data-testid="hc-facts"] li')].map((li) => li.textContent),
    );
    expect(facts).toEqual([
      'Scale AI labels training data for most large AI labs. Harbour Gazette, Jun 12, 2025',
      'Several customers paused their work with Scale AI after the deal. The Wire, Jun 20, 2025',
    ]);
    expect(await cardText('hc-story')).toBe('In the story: Meta invests in Scale AI (June 2025)');
    const placed = await besideWord('#lead', 'Scale AI');
    expect(placed.card.height).toBeGreaterThan(50);
    expect(placed.card.top).toBeGreaterThanOrEqual(placed.word.bottom); // below: there is room
    // The page's `div, p, h2, span { font-size: 30px !important; color: #c00 !important }` does not get in.
    const style = await page.evaluate(() => {
      const name = window.nc.card.shadowRoot!.querySelector('[data-testid="hc-name"]')!;
      const s = getComputedStyle(name);
      return { size: s.fontSize, color: s.color, transform: s.textTransform, role: name.closest('[role]')?.getAttribute('role') };
    });
    expect(style).toEqual({ size: '16px', color: 'rgb(27, 29, 33)', transform: 'none', role: 'dialog' });
    // axe-core on the card itself (WCAG 2.1 A/AA and best practices; the fixture page is not ours).
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(
      (options) =>
        (window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: AxeViolation[] }> } }).axe
          .run({ include: [['news-context-card', '.nc-hc']] }, options)
          .then((r) => r.violations),
      AXE_RUN_OPTIONS,
    );
    expect(describeViolations(violations)).toEqual([]);
  });

  it('stays open while the pointer moves onto the card, and Esc closes it without moving pointer or focus', async () => {
    const word = await wordRect('#lead', 'Scale AI');
    const card = (await cardRect())!;
    await page.mouse.move(centre(word).x, card.top + 20, { steps: 8 });
    await page.waitForTimeout(700); // more than the 300 ms grace delay
    expect(await isOpen()).toBe(true);
    const focusBefore = await page.evaluate(() => document.activeElement?.tagName);
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect((await wired()).log.at(-1)).toBe('close:escape');
    expect(await page.evaluate(() => document.querySelector('news-context-card'))).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe(focusBefore);
  });

  it('closes after the grace delay when the pointer leaves word and card', async () => {
    await page.mouse.move(5, 5);
    const word = await wordRect('#lead', 'Alexandr Wang');
    await page.mouse.move(centre(word).x, centre(word).y);
    await untilLog('open:wang:pointer');
    expect(await cardText('hc-desc')).toBe('No description in the corpus yet.');
    await page.mouse.move(5, 5);
    expect(await isOpen()).toBe(true); // not at once: the grace delay
    await untilLog('close:pointer-left');
    expect(await isOpen()).toBe(false);
  });

  it('hit-tests words inside an open shadow root', async () => {
    const word = await wordRect('q', 'Scale AI', '#quote');
    await page.mouse.move(centre(word).x, centre(word).y);
    await waitFor(wired, (w) => w.log.filter((l) => l === 'open:scale:pointer').length === 2, 'the card for the quoted Scale AI');
    await page.mouse.move(5, 5);
    await waitFor(isOpen, (o) => !o, 'the card to close');
  });

  it('steps through the entities with Alt+Shift+. and Alt+Shift+, and opens the card with focus in it', async () => {
    const before = (await wired()).log.length;
    await page.keyboard.press('Alt+Shift+Period');
    await waitFor(wired, (w) => w.log.length > before, 'a keyboard open');
    expect((await wired()).log.at(-1)).toBe('open:meta:keyboard'); // the headline's "Meta" first
    expect(await page.evaluate(() => window.nc.card.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');
    expect(await page.evaluate(() => CSS.highlights.get('news-context-active')?.size)).toBe(1);
    await page.keyboard.press('Alt+Shift+Period');
    expect((await wired()).log.at(-1)).toBe('open:scale:keyboard');
    expect(await cardText('hc-name')).toBe('Scale AI');
    await page.keyboard.press('Alt+Shift+Comma');
    expect((await wired()).log.at(-1)).toBe('open:meta:keyboard');
    // Back from the first wraps to the last, far below: it is scrolled into view.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.keyboard.press('Alt+Shift+Comma');
    expect((await wired()).log.at(-1)).toBe('open:wang:keyboard');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
    const { word: far } = await besideWord('#far', 'Alexandr Wang');
    expect(far.top).toBeGreaterThan(0);
    expect(far.bottom).toBeLessThan(700);
    // Esc closes the card and gives focus back to the page.
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => window.nc.card.shadowRoot!.activeElement)).toBeNull();
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('is readable on a light and a dark page (screenshots)', async () => {
    const backgrounds: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(5, 5);
      await waitFor(isOpen, (o) => !o, 'the card to close');
      const word = await wordRect('#lead', 'Scale AI');
      await page.mouse.move(centre(word).x, centre(word).y);
      await waitFor(isOpen, (o) => o, 'the card');
      const card = (await cardRect())!;
      backgrounds.push(await page.evaluate(() => getComputedStyle(window.nc.card.shadowRoot!.querySelector('.nc-hc')!).backgroundColor));
      const x = Math.max(0, Math.min(word.left, card.left) - 160);
      const y = Math.max(0, Math.min(word.top, card.top) - 60);
      await page.screenshot({
        path: screenshotPath('chromium', `hover-card-${scheme}`),
        clip: { x, y, width: Math.max(word.right, card.right) + 40 - x, height: Math.max(word.bottom, card.bottom) + 30 - y },
      });
    }
    expect(backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(31, 34, 39)']);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.mouse.move(5, 5);
    await waitFor(isOpen, (o) => !o, 'the card to close');
  });

  it('survives a re-render: dead ranges are dropped and update() restores the highlights on the new nodes', async () => {
    await page.evaluate(() => window.rerenderArticle());
    expect(await page.evaluate(() => window.nc.hl.prune())).toBe(8);
    expect((await wired()).size).toBe(-1); // nothing left: the registry entry is gone
    expect(await page.evaluate(() => window.nc.scan())).toBe(8);
    const ranges = await page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.get('news-context')!.forEach((r) => out.push(`${(r as Range).startContainer.isConnected}:${(r as Range).toString()}`));
      return out.sort();
    });
    expect(ranges).toEqual(
      ['Alexandr Wang', 'Alexandr Wang', 'Meta', 'Meta', 'Meta', 'Scale AI', 'Scale AI', 'Scale AI'].map((t) => `true:${t}`),
    );
    const word = await wordRect('#lead', 'Meta');
    await page.mouse.move(centre(word).x, centre(word).y);
    await waitFor(isOpen, (o) => o, 'the card on the re-rendered article');
    expect(await cardText('hc-name')).toBe('Meta Platforms');
    await page.keyboard.press('Escape');
  });

  it('turns off at once and back on', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => window.nc.hl.setEnabled(false));
    expect(await page.evaluate(() => CSS.highlights.has('news-context'))).toBe(false);
    const before = (await wired()).log.length;
    const word = await wordRect('#lead', 'Scale AI');
    await page.mouse.move(centre(word).x, centre(word).y);
    await page.keyboard.press('Alt+Shift+Period');
    await page.waitForTimeout(400);
    expect((await wired()).log.length).toBe(before);
    await page.evaluate(() => window.nc.hl.setEnabled(true));
    expect((await wired()).size).toBe(8);
    await page.mouse.move(centre(word).x + 2, centre(word).y);
    await untilLog('open:scale:pointer');
    await page.keyboard.press('Escape');
  });

  it('opens on click (touch and pen users have no hover)', async () => {
    await page.mouse.move(5, 5);
    const word = await wordRect('#lead', 'Alexandr Wang');
    const before = (await wired()).log.filter((l) => l === 'open:wang:click').length;
    await page.mouse.click(centre(word).x, centre(word).y);
    await waitFor(wired, (w) => w.log.filter((l) => l === 'open:wang:click').length === before + 1, 'a click open');
    // A click elsewhere closes it.
    await page.mouse.click(5, 300);
    expect(await isOpen()).toBe(false);
    expect((await wired()).log.at(-1)).toBe('close:outside');
  });

  it('follows its word when the layout shifts under it without a scroll, and closes when the word leaves the view', async () => {
    const word = await wordRect('#lead', 'Alexandr Wang');
    const opens = () => wired().then((w) => w.log.filter((l) => l === 'open:wang:click').length);
    const before = await opens();
    // Opened by a click, so that the pointer left behind by the shift does not close it.
    await page.mouse.click(centre(word).x, centre(word).y);
    await waitFor(opens, (n) => n === before + 1, 'a click open');
    const first = await besideWord('#lead', 'Alexandr Wang');
    // A late banner above the article pushes the word down; the position:fixed card must follow.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.id = 'late-banner';
      banner.style.height = '120px';
      document.body.prepend(banner);
    });
    const shifted = await waitFor(
      () => besideWord('#lead', 'Alexandr Wang'),
      (m) => Math.abs(m.card.top - (first.card.top + 120)) <= 1,
      'the card to follow the word down',
    );
    expect(shifted.word.top).toBeCloseTo(first.word.top + 120, 0);
    expect(await isOpen()).toBe(true);
    // A taller one pushes the word out of the view: the card closes rather than point at nothing.
    const away = () => wired().then((w) => w.log.filter((l) => l === 'close:scrolled-away').length);
    const awayBefore = await away();
    await page.evaluate(() => (document.getElementById('late-banner')!.style.height = '2000px'));
    await waitFor(away, (n) => n === awayBefore + 1, 'the card to close as scrolled away');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.evaluate(() => document.getElementById('late-banner')!.remove());
  });

  it('acts on the user’s own input only: events the page dispatches neither open nor drive the card', async () => {
    await page.mouse.move(5, 5);
    await waitFor(isOpen, (o) => !o, 'the card to close');
    await page.evaluate(() => scrollTo(0, 0));
    const word = centre(await wordRect('#lead', 'Scale AI'));
    const before = (await wired()).log.length;
    // The page (same world as the bundle here: its events are untrusted all the same) hovers, clicks and steps.
    await page.evaluate(dispatchUntrustedInput, word);
    await page.waitForTimeout(600); // past the hover delay
    expect((await wired()).log.slice(before)).toEqual([]);
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => CSS.highlights.get('news-context-active')?.size ?? 0)).toBe(0);

    // Opened by the user's pointer: the page's Escape, pointerdown outside and pointerleave on the host do not close it.
    const hovers = () => wired().then((w) => w.log.filter((l) => l === 'open:scale:pointer').length);
    const hoversBefore = await hovers();
    await page.mouse.move(word.x, word.y);
    await waitFor(hovers, (n) => n === hoversBefore + 1, 'a pointer open');
    await page.evaluate(() => {
      const host = document.querySelector('news-context-card')!;
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
      host.dispatchEvent(new PointerEvent('pointerenter'));
      host.dispatchEvent(new PointerEvent('pointerleave'));
    });
    await page.waitForTimeout(700); // more than the 300 ms grace delay
    expect(await isOpen()).toBe(true);
    expect((await wired()).log.at(-1)).toBe('open:scale:pointer');
    // The user's own Escape still closes it.
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect((await wired()).log.at(-1)).toBe('close:escape');
  });

  it('cannot be hidden, faded or covered by the page’s stylesheet: the card shows over a real click', async () => {
    await page.mouse.move(5, 5);
    const word = centre(await wordRect('#lead', 'Alexandr Wang'));
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.id = 'restyle';
      // Everything transparent (the root too, which fades every descendant: the card outside the top layer was
      // invisible), every element with an id but the word's and our host by any name hidden, and a page layer
      // over the whole view at the top z-index that takes the pointer, added after our host.
      style.textContent = `
        * { opacity: 0 !important; }
        [id]:not(#story):not(#lead):not(#cover), news-context-card, [data-news-context-ui], [popover], :popover-open {
          display: none !important; visibility: hidden !important; transform: scale(0) !important;
          clip-path: inset(50%) !important; pointer-events: none !important; z-index: -1 !important;
          position: static !important; width: 0 !important; height: 0 !important; overflow: hidden !important;
        }
        #cover { opacity: 1 !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
          background: #0a0 !important; pointer-events: auto !important; }`;
      document.head.append(style);
    });
    const clip = { x: 0, y: 0, width: 1000, height: 700 };
    const closedShot = await page.screenshot({ clip });
    const clicks = () => wired().then((w) => w.log.filter((l) => l === 'open:wang:click').length);
    const clicksBefore = await clicks();
    await page.mouse.click(word.x, word.y);
    await waitFor(clicks, (n) => n === clicksBefore + 1, 'a click open');
    // The cover is added after the card opened (later in tree order than our host, same z-index).
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      document.documentElement.append(cover);
    });
    const card = (await cardRect())!;
    expect(card.width).toBeGreaterThan(100);
    expect(card.height).toBeGreaterThan(50);
    const seen = await page.evaluate(
      ({ x, y }) => {
        const host = document.querySelector('news-context-card')!;
        const s = getComputedStyle(host);
        return {
          opacity: s.opacity,
          display: s.display,
          visibility: s.visibility,
          pointerEvents: s.pointerEvents,
          topLayer: host.matches(':popover-open'),
          hit: document.elementFromPoint(x, y) === host,
        };
      },
      { x: card.left + card.width / 2, y: card.top + card.height / 2 },
    );
    expect(seen).toEqual({ opacity: '1', display: 'block', visibility: 'visible', pointerEvents: 'auto', topLayer: true, hit: true });
    // Its pixels are there: the card's box does not look like the covered page behind it.
    const cardClip = { x: card.left, y: card.top, width: card.width, height: card.height };
    const openShot = await page.screenshot({ clip: cardClip });
    await page.screenshot({ path: screenshotPath('chromium', 'hover-card-restyled-page'), clip });
    await page.keyboard.press('Escape');
    const coveredShot = await page.screenshot({ clip: cardClip });
    expect(openShot.equals(coveredShot)).toBe(false);
    expect(closedShot.length).toBeGreaterThan(0);
    await page.evaluate(() => {
      document.getElementById('restyle')!.remove();
      document.getElementById('cover')!.remove();
    });
  });

  it('dispose() leaves no trace', async () => {
    const word = await wordRect('#lead', 'Scale AI');
    await page.mouse.move(centre(word).x, centre(word).y);
    await waitFor(isOpen, (o) => o, 'the card');
    await page.evaluate(() => {
      window.nc.hl.dispose();
      window.nc.card.dispose();
    });
    const trace = await page.evaluate(() => ({
      highlights: CSS.highlights.size,
      hosts: document.querySelectorAll('news-context-card, [data-news-context-ui]').length,
      sheets: document.adoptedStyleSheets.length,
      quoteSheets: document.querySelector('#quote')!.shadowRoot!.adoptedStyleSheets.length,
    }));
    expect(trace).toEqual({ highlights: 0, hosts: 0, sheets: 0, quoteSheets: 0 });
    const before = (await wired()).log.length;
    await page.mouse.move(centre(word).x + 3, centre(word).y);
    await page.keyboard.press('Alt+Shift+Period');
    await page.waitForTimeout(400);
    expect((await wired()).log.length).toBe(before);
    expect(errors).toEqual([]);
  });
});
