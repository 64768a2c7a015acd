/**
 * Reading memory in Chromium and in Firefox with the built extension, on pages written for the test
 * (test/fixtures/pages/memory-*.html: four pages of one story in Swedish, English and German, a
 * fifth of the same story, and a page of another story naming the story's union leader): the
 * reader opts in on the options page, reads the four (scrolls into their bodies), and the fifth
 * page shows them as related coverage, said to be remembered, with their events on the timeline;
 * the union leader, found only in the reading, is highlighted on the other page; forgetting takes
 * an article out of every view and, once the leader is named by fewer than two remembered
 * articles, out of the highlights; an excluded site is not remembered; the memory exported from
 * one profile and imported into a fresh one gives the same related coverage; a malformed file is
 * refused with its reason and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { startServer, waitFor } from './harness';
import { memoryUi } from './memory-ui';

const STORY = ['memory-sv-1', 'memory-en-1', 'memory-de-1', 'memory-sv-2'];
const FIFTH = 'memory-en-2';
const OTHER = 'memory-other';
const PERSON = 'Ingrid Falkvik';

for (const d of DRIVERS) {
  describe.skipIf(d.path === null)(`${d.title}: reading memory`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;
    const url = (page: string, origin = server.origin) => `${origin}/fixtures/${page}.html`;

    beforeAll(async () => {
      server = await startServer();
      driver = await d.start();
    });

    afterAll(async () => {
      await (driver as Driver | undefined)?.close();
      await (server as typeof server | undefined)?.close();
    });

    const { ui, remembered, status } = memoryUi(() => driver);

    /** Opens a page and waits for its analysis (an article). */
    async function open(page: string, origin?: string, accept: (a: TabAnalysis) => boolean = (a) => a.isArticle) {
      const address = url(page, origin);
      const tab = await driver.open(address, { viewport: { width: 1000, height: 700 } });
      const { tabId, analysis } = await driver.analysisFor(address, accept);
      return { tab, tabId, analysis, address };
    }

    /** The reader scrolls into the article's body (the contract: that counts as reading it). */
    const scrollIntoBody = (tab: DriverPage) =>
      tab.run(() => [...document.querySelectorAll('article p')].at(-1)?.scrollIntoView({ block: 'center' }), null);

    /** Reads a page: opens it, scrolls into its body, and waits until the memory holds it. */
    async function read(page: string): Promise<void> {
      const { tab, address } = await open(page);
      await scrollIntoBody(tab);
      await waitFor(remembered, (items) => items.some((i) => i.url === address), `${page} remembered`);
      await tab.close();
    }

    const highlightedText = (tab: DriverPage) =>
      tab.run(() => [...(CSS.highlights.get('news-context') ?? [])].map((r) => (r instanceof Range ? r.toString() : '')), null);

    it('remembers nothing until the reader opts in', async () => {
      const { tab } = await open(STORY[0]!);
      await scrollIntoBody(tab);
      // A positive control comes below: the same page read after opting in is remembered.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await remembered()).toEqual([]);

      // The popup asks once, in plain words; "Not now" keeps it off and the question does not come back.
      const { tabId } = await driver.analysisFor(url(STORY[0]!));
      const popup = await driver.openExtension(`src/ui/popup/index.html?tab=${String(tabId)}`, { width: 380, height: 600 });
      await waitFor(
        () => popup.run(() => document.querySelector('[data-testid="memory-ask"]')?.textContent ?? '', null),
        (t) => /device/i.test(t),
        'the question',
      );
      await popup.screenshot('memory-ask');
      await popup.click('[data-testid="memory-ask-no"]');
      await waitFor(
        () => popup.run(() => document.querySelectorAll('[data-testid="memory-ask"]').length, null),
        (n) => n === 0,
        'the question gone',
      );
      expect(
        (await ui<{ global: { memory: boolean; memoryAsked: boolean } }>({ type: 'ui:get-settings', site: null })).global,
      ).toMatchObject({
        memory: false,
        memoryAsked: true,
      });
      await popup.close();
      await tab.close();

      // The reader opts in on the options page (the contract's checkbox).
      const options = await driver.openExtension('src/ui/options/index.html', { width: 900, height: 1200 });
      await waitFor(
        () => options.run(() => document.querySelector<HTMLInputElement>('[data-testid="memory-enabled"]')?.checked ?? null, null),
        (c) => c === false,
        'the memory switch, off',
      );
      await options.click('[data-testid="memory-enabled"]');
      await waitFor(
        async () => (await ui<{ global: { memory: boolean } }>({ type: 'ui:get-settings', site: null })).global.memory,
        (on) => on,
        'memory on',
      );
      await options.close();
    });

    it('reads four pages of one story in three languages: the fifth shows them as related coverage, remembered, with their events', async () => {
      for (const page of STORY) await read(page);
      const items = await remembered();
      expect(items.map((i) => i.url).sort()).toEqual(STORY.map((p) => url(p)).sort());
      expect(new Set(items.map((i) => i.lang))).toEqual(new Set(['sv', 'en', 'de']));
      expect(items.every((i) => i.origin === 'remembered')).toBe(true);

      const fifth = await open(FIFTH, undefined, (a) => a.related.length >= 4);
      expect(fifth.analysis.story).not.toBeNull();
      expect(fifth.analysis.related.map((r) => r.url).sort()).toEqual(STORY.map((p) => url(p)).sort());
      expect(fifth.analysis.related.every((r) => r.origin === 'remembered')).toBe(true);
      expect(fifth.analysis.entities.map((e) => e.name)).toContain(PERSON);

      // The side panel (Firefox's sidebar page, the same document): the four, and their events on the timeline, each cited.
      const panel = await driver.openExtension(`src/ui/sidepanel/index.html?tab=${String(fifth.tabId)}`, { width: 420, height: 900 });
      await waitFor(
        () => panel.run(() => document.querySelectorAll('[data-testid="related-item"]').length, null),
        (n) => n === 4,
        'four related items',
      );
      const events = await waitFor(
        () =>
          panel.run(
            () => [...document.querySelectorAll('[data-testid="timeline-event"]')].map((e) => e.getAttribute('data-date') ?? ''),
            null,
          ),
        (dates) => dates.some((date) => date.startsWith('2024-03')),
        'the timeline with the first cells of March 2024',
      );
      expect(events.filter((date) => date.startsWith('2024-03'))).toHaveLength(1);
      await panel.screenshot('memory-sidepanel', { fullPage: true });
      await panel.close();

      // The reader view opens a remembered article, saying it was read.
      const de = items.find((i) => i.lang === 'de')!;
      const reader = await driver.openExtension(`src/ui/reader/index.html?article=${encodeURIComponent(de.id)}`, {
        width: 800,
        height: 900,
      });
      const note = await waitFor(
        () => reader.run(() => document.querySelector('[data-testid="related-origin"]')?.textContent ?? '', null),
        (t) => t.length > 0,
        'the reader view of a remembered article',
      );
      expect(note).toMatch(/read/i);
      expect(await reader.run(() => document.querySelector('#reader-title')?.textContent ?? '', null)).toBe(de.title);
      await reader.screenshot('memory-reader');
      await reader.close();
      await fifth.tab.close();
    });

    it('exports what was read; a fresh profile importing the file sees the same related coverage; a malformed file is refused and changes nothing', async () => {
      const options = await driver.openExtension('src/ui/options/index.html', { width: 900, height: 1600 });
      // The download is caught in the page: the file's text, as the browser would save it.
      await options.run(() => {
        const w = window as unknown as { exported?: Promise<string> };
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          w.exported = (blob as Blob).text();
          return 'blob:caught';
        };
        HTMLAnchorElement.prototype.click = function () {};
      }, null);
      await waitFor(
        () => options.run(() => document.querySelectorAll('[data-testid="memory-item"]').length, null),
        (n) => n === 4,
        'four remembered articles listed',
      );
      await options.screenshot('memory-options', { fullPage: true });
      await options.click('[data-testid="memory-export"]');
      const exported = await waitFor(
        () => options.run(() => (window as unknown as { exported?: Promise<string> }).exported ?? null, null),
        (t) => t !== null,
        'the exported file',
      );
      await options.close();
      const file = JSON.parse(exported!) as { version: number; articles: { url: string }[] };
      expect(file.version).toBe(1);
      expect(file.articles.map((a) => a.url).sort()).toEqual(STORY.map((p) => url(p)).sort());

      const fresh = await d.start();
      try {
        const freshMemory = memoryUi(() => fresh);
        const page = await fresh.openExtension('src/ui/options/index.html', { width: 900, height: 1600 });
        const importFile = (text: string, name: string) =>
          page.run(
            ([t, n]) => {
              const input = document.querySelector<HTMLInputElement>('[data-testid="memory-import"]')!;
              const data = new DataTransfer();
              data.items.add(new File([t], n, { type: 'application/json' }));
              input.files = data.files;
              input.dispatchEvent(new Event('change', { bubbles: true }));
            },
            [text, name] as const,
          );
        // The options page renders its memory section once it has the settings and status.
        await waitFor(
          () => page.run(() => document.querySelectorAll('[data-testid="memory-import"]').length, null),
          (n) => n === 1,
          'the import control',
        );
        // A malformed file first: refused with where and why, nothing stored.
        const broken = JSON.stringify({ ...file, articles: [{ ...file.articles[0], published: 'yesterday' }] });
        await importFile(broken, 'broken.json');
        const error = await waitFor(
          () => page.run(() => document.querySelector('[data-testid="memory-import-error"]')?.textContent ?? '', null),
          (t) => t.length > 0,
          'the import error',
        );
        expect(error).toContain('$.articles[0].published');
        expect(await freshMemory.status()).toMatchObject({ remembered: 0, imported: 0, packs: [] });

        await importFile(exported!, 'memory.json');
        await waitFor(
          () => freshMemory.status(),
          (st) => st.imported === 4,
          'four articles imported',
        );
        const address = url(FIFTH);
        await fresh.open(address, { viewport: { width: 1000, height: 700 } });
        const { analysis } = await fresh.analysisFor(address, (a) => a.related.length >= 4);
        expect(analysis.related.map((r) => r.url).sort()).toEqual(STORY.map((p) => url(p)).sort());
        expect(analysis.related.every((r) => r.origin === 'imported')).toBe(true);
      } finally {
        await fresh.close();
      }
    });

    it('highlights the union leader, found only in the reading, on a page of another story', async () => {
      const { tab } = await open(OTHER, undefined, (a) => a.entities.some((e) => e.name === PERSON));
      await waitFor(
        () => highlightedText(tab),
        (t) => t.includes(PERSON),
        `${PERSON} highlighted`,
      );
      await tab.close();
    });

    it('forgetting an article takes it out of every view, and the leader out of the highlights once fewer than two articles name her', async () => {
      const fifth = await open(FIFTH, undefined, (a) => a.related.length >= 4);
      const other = await open(OTHER, undefined, (a) => a.entities.some((e) => e.name === PERSON));
      const items = await remembered();
      const first = items.find((i) => i.url === url(STORY[0]!))!;
      expect(await ui<{ forgotten: number }>({ type: 'ui:memory-forget', ids: [first.id] })).toEqual({ forgotten: 1 });
      // The open fifth page is analysed again: three related articles, none of them the forgotten one.
      const after = await driver.analysisFor(fifth.address, (a) => a.analysedAt > fifth.analysis.analysedAt && a.related.length === 3);
      expect(after.analysis.related.map((r) => r.url)).not.toContain(url(STORY[0]!));
      expect(await ui<{ url: string }[] | null>({ type: 'ui:get-article', articleId: first.id })).toBeNull();
      // (Closed now: a page kept in view for 15 s counts as read, and would name her again.)
      await fifth.tab.close();

      // Forget every remembered article naming her but one: she is no longer trusted, and no longer highlighted.
      const naming = (await remembered()).filter((i) => i.url !== url(STORY[3]!)).map((i) => i.id);
      await ui({ type: 'ui:memory-forget', ids: naming });
      expect((await remembered()).map((i) => i.url)).toEqual([url(STORY[3]!)]);
      await waitFor(
        () => highlightedText(other.tab),
        (t) => !t.includes(PERSON),
        `${PERSON} no longer highlighted`,
      );
      await other.tab.close();
    });

    it('does not remember an excluded site, and remembers it again once it is no longer excluded', async () => {
      const elsewhere = server.origin.replace('127.0.0.1', 'localhost');
      await ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'memory', value: false });
      const { tab } = await open(STORY[1]!, elsewhere);
      await scrollIntoBody(tab);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await remembered()).some((i) => i.site === 'localhost')).toBe(false);
      await tab.close();
      await ui({ type: 'ui:set-site-switch', site: 'localhost', feature: 'memory', value: null });
      const again = await open(STORY[1]!, elsewhere);
      await scrollIntoBody(again.tab);
      await waitFor(remembered, (items) => items.some((i) => i.site === 'localhost'), 'the page remembered once no longer excluded');
      await again.tab.close();
      expect((await status()).remembered).toBe((await remembered()).length);
    });
  });
}
