/**
 * Entity matching for the pages in the background (src/background/scanner.ts, and the
 * `content:scan-text` handler): a page's chunks matched with the names of its earlier chunks,
 * pages and documents kept apart, everything bounded.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENTS, MAX_SEEN_CHARS, createScanner } from '../../src/background/scanner';
import { type TabAnalysis, tabKey } from '../../src/core/analysis';
import { MAX_SCAN_CHARS, dispatch } from '../../src/core/messages';
import { SeenNames } from '../../src/core/page-names';
import { MAX_PAGE_SAMPLE } from '../../src/core/page-text';
import { countWords } from '../../src/core/text';
import { type MatchableEntity, compileAliasTable } from '../../src/core/matcher';
import { buildCorpusFromPaths } from '../../src/corpus/node';
import { fromTab, fromUi, page, self, setup } from '../fixtures/background';

const ENTITIES: MatchableEntity[] = [
  { id: 'yann-lecun', name: 'Yann LeCun', type: 'person', aliases: ['LeCun'], context: [] },
  { id: 'meta', name: 'Meta', type: 'organization', aliases: ['Meta Platforms'], context: ['ai', 'facebook'] },
];
const loader = (build = 'b1', entities = ENTITIES) => {
  const table = { build, table: compileAliasTable(entities) };
  return { aliasTable: () => Promise.resolve(table) };
};
const ids = (a: { matches: { id: string }[] } | null) => (a?.matches ?? []).map((m) => m.id);

describe('scanner', () => {
  it('matches a chunk with the names its page named in earlier chunks', async () => {
    const s = createScanner(loader());
    const first = await s.scan('1:doc', 0, 'Yann LeCun leaves Meta Platforms to start a company.');
    expect(ids(first)).toEqual(['yann-lecun', 'meta']);
    const m = first?.matches[0];
    expect(m && 'Yann LeCun leaves'.slice(m.start, m.end)).toBe('Yann LeCun');
    // A bare surname is only a name after the full name: in a later chunk of the same page it is found…
    expect(ids(await s.scan('1:doc', 0, 'LeCun said the lab would stay small.'))).toEqual(['yann-lecun']);
    // …but not on the next page of the document (a same-document navigation), nor in another document.
    expect(ids(await s.scan('1:doc', 1, 'LeCun said the lab would stay small.'))).toEqual([]);
    expect(ids(await s.scan('2:doc', 0, 'LeCun said the lab would stay small.'))).toEqual([]);
  });

  it('answers null while no corpus is loaded, and matches a new build with its own table', async () => {
    expect(await createScanner({ aliasTable: () => Promise.resolve(null) }).scan('1:d', 0, 'Meta Platforms')).toBeNull();
    let table = loader('b1').aliasTable;
    const s = createScanner({ aliasTable: () => table() });
    expect((await s.scan('1:d', 0, 'Meta Platforms grew.'))?.build).toBe('b1');
    table = loader('b2', [{ id: 'openai', name: 'OpenAI', type: 'organization', aliases: [], context: [] }]).aliasTable;
    const next = await s.scan('1:d', 0, 'OpenAI and Meta Platforms grew.');
    expect(next?.build).toBe('b2');
    expect(ids(next)).toEqual(['openai']);
  });

  it('keeps at most MAX_DOCUMENTS documents, the least recently scanned dropped first, and forgets a tab', async () => {
    const s = createScanner(loader());
    await s.scan('1:first', 0, 'Yann LeCun spoke.');
    for (let i = 0; i < MAX_DOCUMENTS + 10; i++) await s.scan(`2:d${String(i)}`, 0, 'Nothing here.');
    expect(s.documents()).toBe(MAX_DOCUMENTS);
    // The first document was dropped: its names are gone.
    expect(ids(await s.scan('1:first', 0, 'LeCun again.'))).toEqual([]);
    s.forgetTab(2);
    expect(s.documents()).toBe(1);
  });

  it('starts a document it does not know from the names its page sends (a service worker started since)', async () => {
    // The page named "Yann LeCun" to a worker that was then stopped: a new scanner knows nothing of it…
    const restarted = createScanner(loader());
    expect(ids(await restarted.scan('1:doc', 0, 'LeCun said the lab would stay small.'))).toEqual([]);
    // …unless the chunk comes with the page's names, as the content script sends them.
    const again = createScanner(loader());
    const answer = await again.scan('1:doc', 0, 'LeCun said the lab would stay small.', 'Yann LeCun\nMeta Platforms');
    expect(ids(answer)).toEqual(['yann-lecun']);
    expect(answer?.matches[0]).toMatchObject({ start: 0, end: 5 });
    // A document it knows keeps its own names; the context is not added again.
    const known = again.seenChars('1:doc');
    await again.scan('1:doc', 0, 'Then Meta hired him.', 'Yann LeCun\nMeta Platforms');
    expect(again.seenChars('1:doc')).toBe(known + 'Meta\n'.length);
    // A page's next page (a same-document navigation) does not take the old page's names.
    expect(ids(await again.scan('1:doc', 1, 'LeCun again.', ''))).toEqual([]);
  });

  it('keeps a page’s names as the page does: the fullest form of each, bounded', () => {
    const names = new SeenNames();
    names.add('yann-lecun', 'LeCun');
    names.add('yann-lecun', 'Yann LeCun');
    names.add('yann-lecun', 'LeCun');
    names.add('meta', 'Meta');
    expect(names.context()).toBe('Yann LeCun\nMeta');
    for (let i = 0; i < 1000; i++) names.add(`e${String(i)}`, `Quorvath Example${String(i)}`);
    expect(names.context().length).toBeLessThanOrEqual(MAX_SEEN_CHARS);
    expect(names.context().length).toBeGreaterThan(MAX_SEEN_CHARS - 40);
    names.clear();
    expect(names.context()).toBe('');
  });

  it('keeps at most MAX_SEEN_CHARS of names per document', async () => {
    const many: MatchableEntity[] = Array.from({ length: 400 }, (_, i) => ({
      id: `e${String(i)}`,
      name: `Quorvath Example${String(i)} Zentrallabor`,
      type: 'organization',
      aliases: [],
      context: [],
    }));
    const s = createScanner(loader('b', many));
    const text = many.map((e) => `${e.name} opened.`).join(' ');
    expect(ids(await s.scan('1:d', 0, text))).toHaveLength(400);
    // The forms kept go in front of the next chunk: bounded, whatever the page names.
    expect(s.seenChars('1:d')).toBeGreaterThan(MAX_SEEN_CHARS - 40);
    expect(s.seenChars('1:d')).toBeLessThanOrEqual(MAX_SEEN_CHARS);
    expect(MAX_SEEN_CHARS).toBeLessThan(text.length);
  });
});

describe('content:scan-text', () => {
  const corpus = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json').corpus;

  it('answers a tab with where the corpus’s entities are, and refuses extension pages and oversized chunks', async () => {
    const { bg } = setup(corpus, corpus.build);
    const text = 'Yann LeCun lämnar Meta för att starta ett eget bolag.';
    const r = await dispatch(bg.handlers, { type: 'content:scan-text', text, document: 'doc-1', page: 0 }, fromTab(1), self);
    expect(r.ok).toBe(true);
    const value = (r as { value: { build: string; matches: { id: string; start: number; end: number }[] } }).value;
    expect(value.build).toBe(corpus.build);
    expect(value.matches.map((m) => [m.id, text.slice(m.start, m.end)])).toEqual([
      ['yann-lecun', 'Yann LeCun'],
      ['meta', 'Meta'],
    ]);
    expect((await dispatch(bg.handlers, { type: 'content:scan-text', text, document: 'doc-1', page: 0 }, fromUi, self)).ok).toBe(false);
    const big = 'a'.repeat(MAX_SCAN_CHARS + 1);
    const refused = await dispatch(bg.handlers, { type: 'content:scan-text', text: big, document: 'doc-1', page: 0 }, fromTab(1), self);
    expect(refused.ok).toBe(false);
    // The page's names reach the scanner: a document the background does not know starts from them.
    const later = { type: 'content:scan-text', text: 'LeCun sade nej.', document: 'doc-2', page: 0 } as const;
    expect(((await dispatch(bg.handlers, later, fromTab(1), self)) as { value: { matches: unknown[] } }).value.matches).toEqual([]);
    const withNames = await dispatch(bg.handlers, { ...later, document: 'doc-3', context: 'Yann LeCun' }, fromTab(1), self);
    expect((withNames as { value: { matches: { id: string }[] } }).value.matches.map((m) => m.id)).toEqual(['yann-lecun']);
    for (const bad of [
      { document: '', page: 0 },
      { document: 'x y', page: 0 },
      { document: 'd', page: -1 },
      { document: 'd', page: 1.5 },
      { document: 'd', page: 0, context: 42 },
      { document: 'd', page: 0, context: 'x'.repeat(MAX_SEEN_CHARS + 1) },
    ])
      expect((await dispatch(bg.handlers, { type: 'content:scan-text', text, ...bad }, fromTab(1), self)).ok).toBe(false);
  });
});

describe('a report with the start of its page’s text', () => {
  const SV =
    'Regeringen presenterade på tisdagen ett nytt förslag om hur kommunerna ska finansiera sina skolor. Förslaget innebär att staten tar ett större ansvar för lärarnas löner, och att kommunerna får behålla mer av skatteintäkterna. Oppositionen säger att förslaget kommer för sent.';

  it('reads the language and top words from the sample, over a wrong declared language', async () => {
    const { bg, session } = setup();
    const report = { ...page, lang: 'en', langSource: 'declared' as const, words: 10, terms: [] };
    const r = await dispatch(bg.handlers, { type: 'content:page-analysed', page: report, document: 'd1', sample: SV }, fromTab(3), self);
    expect(r.ok).toBe(true);
    const stored = (await session.get(tabKey(3))) as TabAnalysis;
    expect(stored).toMatchObject({ lang: 'sv', langSource: 'detected' });
    expect(stored.words).toBe(countWords(SV));
    expect(countWords(SV)).toBeGreaterThan(10);
  });

  it('keeps the declared language when the sample says too little, and refuses an oversized sample', async () => {
    const { bg, session } = setup();
    const report = { ...page, lang: 'de', langSource: 'declared' as const, words: 1, terms: [] };
    await dispatch(bg.handlers, { type: 'content:page-analysed', page: report, document: 'd1', sample: 'Kurz.' }, fromTab(4), self);
    expect(await session.get(tabKey(4))).toMatchObject({ lang: 'de', langSource: 'declared' });
    const big = 'x '.repeat(MAX_PAGE_SAMPLE);
    const refused = await dispatch(
      bg.handlers,
      { type: 'content:page-analysed', page: report, document: 'd1', sample: big },
      fromTab(4),
      self,
    );
    expect(refused.ok).toBe(false);
  });
});
