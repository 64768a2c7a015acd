/**
 * The demo pages (scripts/lib/demo-page.mjs, served by scripts/lib/server.mjs): each seed article
 * laid out as the news page it came from, with the seed's own lines, and with the head the
 * corpus metadata gives it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { assignLines, demoLayout } from '../../scripts/lib/demo-page.mjs';
import { seedPage } from '../../scripts/lib/server.mjs';

const SEEDS = new URL('../../assets/seeds/', import.meta.url);
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));
const text = (seed: string) => readFileSync(new URL(`${seed}.txt`, SEEDS), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What the corpus pipeline would pass as metadata (the titles are the seeds' headline lines). */
const META: Record<string, { title: string; source: string; published: string; lang: string }> = {
  '000_d35634ae92cf12c4': {
    title: 'Dråpslaget mot Meta – AI-pionjären överger skeppet',
    source: 'Dagens PS',
    published: '2025-11-11',
    lang: 'sv',
  },
  '004_b9dd206ab3ce0339': {
    title: 'Meta Invests €12 Billion in Scale AI and Appoints Co-Founder',
    source: 'News Journos',
    published: '2025-06-13',
    lang: 'en',
  },
};

/** Sentences of each article's body, and lines of its boxes, as the dumps have them. */
const EXPECT: Record<string, { body: string[]; menu: string[]; teasers: string[]; appeal: string | null }> = {
  '000_d35634ae92cf12c4': {
    body: [
      'Företagets chefsforskare och AI-pionjär Yann LeCun planerar nämligen att lämna bolaget för att starta ett eget företag, enligt uppgifter till Financial Times.',
      'Meta betalade motsvarande 14,3 miljarder dollar för nästan hälften av Wangs bolag och för att knyta honom till företaget.',
      'Efter besked om ökade AI-investeringar föll Metas aktie kraftigt i slutet av oktober, vilket raderade närmare 240 miljarder dollar i börsvärde.',
    ],
    menu: ['Mest läst i kategorin', 'Senaste nytt'],
    teasers: [
      'Samsung väntade nio månader – då kunde din mobil avlyssnas',
      'Stockholms bostadsmarknad svalnar – men rätt lägenhet kostar fortfarande miljoner',
    ],
    appeal: null,
  },
  '004_b9dd206ab3ce0339': {
    body: [
      'Meta has announced a substantial investment of $14.3 billion in the artificial intelligence company Scale, marking a significant shift in its strategy to enhance AI capabilities.',
      'Yann LeCun, Meta’s chief AI scientist, has expressed skepticism about the reliance on LLMs.',
      'Scale will remain an independent company but will substantially expand its commercial relationship with Meta.',
    ],
    menu: ['World', 'U.S. News', 'Business', 'Politics', 'Europe News', 'Finance', 'Turkey Reports', 'Money Watch', 'Health'],
    teasers: [
      'Editors Picks',
      'Trump Expands ICE Deportation Efforts in Major US Cities',
      'Keep Reading',
      'Greek Firefighters Battle Wildfires on Crete, Thousands Evacuated',
    ],
    appeal:
      'Our website is made possible by displaying online advertisements to our visitors. Please support us by disabling your Ad Blocker.',
  },
};

describe('demo pages', () => {
  it('has a layout and expectations for every seed', () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      expect(demoLayout(seed), seed).not.toBeNull();
      expect(EXPECT[seed], seed).toBeDefined();
    }
  });

  describe.each(seeds)('seed %s', (seed) => {
    const meta = META[seed]!;
    const want = EXPECT[seed]!;
    const doc = parseHTML(seedPage(seed, text(seed), meta)).document;
    const article = doc.querySelector('article')!;

    it('keeps the head the corpus metadata gives it', () => {
      expect(doc.documentElement.getAttribute('lang')).toBe(meta.lang);
      expect(doc.title).toBe(`${meta.title} | ${meta.source}`);
      expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
      expect(doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content')).toBe(meta.published);
    });

    it('has one h1, the headline, in one <article> with the body sentences', () => {
      const h1s = doc.querySelectorAll('h1');
      expect(h1s.length).toBe(1);
      expect(squash(h1s[0]!.textContent)).toBe(meta.title);
      expect(doc.querySelectorAll('article').length).toBe(1);
      expect(article.contains(h1s[0]!)).toBe(true);
      const body = squash(article.textContent);
      for (const sentence of want.body) expect(body).toContain(sentence);
      // The article's paragraphs are the dump's lines, whole.
      const lines = new Set(
        text(seed)
          .split(/\r?\n/)
          .map((l) => l.trim()),
      );
      for (const p of article.querySelectorAll('p:not(.dateline):not(.lead):not(.read-more)')) expect(lines.has(p.textContent)).toBe(true);
    });

    it('has the site header with the outlet and the menu in <nav>, the teasers outside the article', () => {
      expect(squash(doc.querySelector('header .logo')?.textContent ?? '')).toBe(meta.source);
      const nav = doc.querySelector('nav.site-nav')!;
      const entries = [...nav.querySelectorAll('.menu a')].map((a) => squash(a.textContent));
      expect(entries).toEqual(want.menu);
      const boxes = [...doc.querySelectorAll('.teasers')];
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) expect(article.contains(box)).toBe(false);
      const teaserText = boxes.map((b) => squash(b.textContent)).join(' ');
      for (const t of want.teasers) expect(teaserText).toContain(t);
      expect(doc.querySelector('footer')).not.toBeNull();
    });

    it('shows the seed’s ad-blocker appeal as a modal wall over a backdrop, with the page locked, when it has one', () => {
      const wall = doc.querySelector('.adblock-wall');
      if (want.appeal === null) {
        expect(wall).toBeNull();
        expect(doc.body.classList.contains('adblock-locked')).toBe(false);
        return;
      }
      expect(wall?.getAttribute('role')).toBe('dialog');
      expect(wall?.getAttribute('aria-modal')).toBe('true');
      expect(squash(wall?.textContent ?? '')).toContain(want.appeal);
      expect(wall?.querySelector('h2')?.textContent).toBe('Ad Blocker Enabled!');
      expect(article.contains(wall)).toBe(false);
      expect(wall?.previousElementSibling?.classList.contains('adblock-backdrop')).toBe(true);
      expect(doc.body.classList.contains('adblock-locked')).toBe(true);
      const css = doc.querySelector('style')?.textContent ?? '';
      expect(css).toMatch(/body\.adblock-locked \{\s*overflow: hidden;/);
      expect(css).toMatch(/\.adblock-wall \{\s*position: fixed;/);
    });

    it('places every non-empty line of the dump in exactly one block', () => {
      const lines = text(seed)
        .split(/\r?\n/)
        .map((l) => l.trim());
      const assigned = assignLines(lines, demoLayout(seed)!, seed);
      expect([...assigned.values()].flat().sort()).toEqual(lines.filter(Boolean).sort());
    });
  });

  it('refuses a layout that leaves a line out or uses one twice', () => {
    const lines = ['Headline', '', 'Body.'];
    const layout = (blocks: { as: string; lines: [number, number] }[]) => ({ outlet: 'X', theme: 'x', regions: { article: blocks } });
    expect(() => assignLines(lines, layout([{ as: 'headline', lines: [1, 1] }]), 't')).toThrow(/line 3/);
    expect(() =>
      assignLines(
        lines,
        layout([
          { as: 'headline', lines: [1, 1] },
          { as: 'body', lines: [1, 3] },
        ]),
        't',
      ),
    ).toThrow(/two blocks/);
  });
});
