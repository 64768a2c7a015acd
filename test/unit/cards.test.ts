import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { entityCard } from '../../src/background/cards';
import { ENTITY_STORES, type StoredEntity, entityStores, getEntity, loadCorpus, openNewsDb, writeEntity } from '../../src/background/db';
import { candidates, previewOf } from '../../src/background/entity-preview';
import type { Article, Corpus } from '../../src/core/corpus';
import { buildCorpusFromPaths } from '../../src/corpus/node';

const { corpus } = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json');
const SV = '000_d35634ae92cf12c4';
const EN = '004_b9dd206ab3ce0339';

async function db() {
  const d = await openNewsDb(`cards-${Math.random()}`);
  await loadCorpus(d, corpus);
  return d;
}
const sentenceOf = (articleId: string, i: number) => {
  const a = corpus.articles.find((x) => x.id === articleId)!;
  return a.body.slice(a.sentences[i]![0], a.sentences[i]![1]);
};

describe('entityCard', () => {
  it('cites every text: description and facts are sentences or clauses of the article they name', async () => {
    const card = await entityCard(await db(), 'yann-lecun', { lang: 'en' });
    expect(card).toMatchObject({ id: 'yann-lecun', name: 'Yann LeCun', type: 'person' });
    expect(card!.description).toMatchObject({
      text: 'Meta’s chief AI scientist',
      articleId: EN,
      source: 'News Journos',
      published: '2025-06-13',
      lang: 'en',
    });
    expect(sentenceOf(card!.description!.articleId, card!.description!.sentence)).toContain(card!.description!.text);
    expect(card!.facts.length).toBeGreaterThanOrEqual(1);
    expect(card!.facts.length).toBeLessThanOrEqual(3);
    for (const f of card!.facts) expect(sentenceOf(f.articleId, f.sentence)).toBe(f.text);
  });

  it('speaks the page’s language first when the corpus has it', async () => {
    const d = await db();
    const sv = await entityCard(d, 'alexandr-wang', { lang: 'sv' });
    expect(sv!.description?.lang).toBe('sv');
    expect(sv!.facts[0]!.lang).toBe('sv');
    const en = await entityCard(d, 'alexandr-wang', { lang: 'en' });
    expect(en!.description?.lang).toBe('en');
    expect(en!.facts[0]!.lang).toBe('en');
  });

  it('places the entity in the page’s story when it is in it, else in its first story', async () => {
    const d = await db();
    const exit = corpus.stories.find((s) => s.articleIds.includes(SV))!;
    const deal = corpus.stories.find((s) => s.articleIds.includes(EN))!;
    const inExit = await entityCard(d, 'meta', { lang: 'sv', storyId: exit.id });
    expect(inExit!.story).toMatchObject({ id: exit.id, title: exit.title, published: '2025-11-11', articles: 1 });
    expect(inExit!.story!.rank).toBe(exit.entities.indexOf('meta') + 1);
    expect((await entityCard(d, 'meta', { lang: 'en', storyId: deal.id }))!.story!.id).toBe(deal.id);
    expect((await entityCard(d, 'meta', { lang: 'en' }))!.story).not.toBeNull();
    // Not in the page's story (or no such story): its first story by id.
    const first = corpus.stories
      .filter((s) => s.entities.includes('meta'))
      .map((s) => s.id)
      .sort()[0];
    expect((await entityCard(d, 'meta', { lang: 'en', storyId: 'no-such-story' }))!.story!.id).toBe(first);
    const notInExit = corpus.entities.find((e) => !exit.entities.includes(e.id) && corpus.stories.some((s) => s.entities.includes(e.id)));
    if (notInExit) expect((await entityCard(d, notInExit.id, { lang: 'en', storyId: exit.id }))!.story!.id).not.toBe(exit.id);
  });

  it('returns null for an unknown entity', async () => {
    expect(await entityCard(await db(), 'no-such-entity', { lang: 'en' })).toBeNull();
  });

  /** An entity named in `en` English articles, then `sv` Swedish ones, one fact from each (no story). */
  function manyFacts(en: number, sv: number): Corpus {
    const article = (id: string, lang: string, text: string): Article => ({
      id,
      title: `Report ${id}`,
      source: `Outlet ${lang}`,
      url: null,
      published: '2025-05-01',
      lang,
      byline: null,
      body: text,
      summary: [text],
      entities: ['e-quarry'],
    });
    const articles = [
      ...Array.from({ length: en }, (_, i) => article(`en-${String(i)}`, 'en', `Quarry Ltd opened pit number ${String(i)}.`)),
      ...Array.from({ length: sv }, (_, i) => article(`sv-${String(i)}`, 'sv', `Quarry Ltd öppnade brott nummer ${String(i)}.`)),
    ];
    return {
      version: 1,
      build: `many-${String(en)}-${String(sv)}`,
      articles,
      entities: [
        {
          id: 'e-quarry',
          name: 'Quarry Ltd',
          type: 'organization',
          aliases: [],
          description: null,
          facts: articles.map((a) => ({ text: a.body, articleId: a.id, sentence: 0 })),
        },
      ],
      events: [],
      stories: [],
    };
  }

  it('ranks every fact by the page’s language and reads only the articles of those it shows', async () => {
    const d = await openNewsDb(`cards-${Math.random()}`);
    await loadCorpus(d, manyFacts(40, 2));
    await d.delete('articles', 'sv-0'); // a fact whose article is gone is passed over
    const read: string[] = [];
    const article = (id: string) => {
      read.push(id);
      return d.get('articles', id);
    };
    const sv = await entityCard(d, 'e-quarry', { lang: 'sv', article });
    expect(sv!.facts.map((f) => f.articleId)).toEqual(['sv-1', 'en-0', 'en-1']);
    expect(sv!.facts[0]).toMatchObject({ lang: 'sv', source: 'Outlet sv', text: 'Quarry Ltd öppnade brott nummer 1.' });
    expect(new Set(read)).toEqual(new Set(['sv-0', 'sv-1', 'en-0', 'en-1']));
    read.length = 0;
    expect((await entityCard(d, 'e-quarry', { lang: 'en', article }))!.facts.map((f) => f.articleId)).toEqual(['en-0', 'en-1', 'en-2']);
    expect(read.sort()).toEqual(['en-0', 'en-1', 'en-2']);
    // What it shows comes from the entity's preview (entity-preview.ts), not its whole detail.
    await d.delete('entityDetails', 'e-quarry');
    expect((await entityCard(d, 'e-quarry', { lang: 'en' }))!.facts.map((f) => f.articleId)).toEqual(['en-0', 'en-1', 'en-2']);
  });

  it('ranks facts stored without their language (before v6) by reading the first few articles', async () => {
    const d = await openNewsDb(`cards-${Math.random()}`);
    await loadCorpus(d, manyFacts(4, 30));
    const stored = (await getEntity(d, 'e-quarry'))!;
    const unlabelled: StoredEntity = { ...stored, facts: stored.facts.map(({ lang: _lang, ...f }) => f) };
    const tx = d.transaction([...ENTITY_STORES], 'readwrite');
    await writeEntity(entityStores(tx), unlabelled);
    await tx.done;
    // The first twelve are read to learn their language: the Swedish among them come first.
    const card = await entityCard(d, 'e-quarry', { lang: 'sv' });
    expect(card!.facts.map((f) => f.articleId)).toEqual(['sv-0', 'sv-1', 'sv-2']);
    const en = await entityCard(d, 'e-quarry', { lang: 'en' });
    expect(en!.facts.map((f) => f.articleId)).toEqual(['en-0', 'en-1', 'en-2']);
  });
});

describe('previewOf', () => {
  const fact = (articleId: string, lang?: string) => ({ text: `Said in ${articleId}.`, articleId, sentence: 0, ...(lang ? { lang } : {}) });
  const facts = [fact('a', 'en'), fact('b', 'en'), fact('c', 'sv'), fact('d', 'en'), fact('e', 'en'), fact('f', 'en'), fact('g', 'de')];

  it('ranks a card’s candidates by the page’s language, then stored order, enough to fill it', () => {
    const p = previewOf({ id: 'x', facts, descriptions: [fact('c', 'sv'), fact('a', 'en')] });
    expect(p.complete).toBe(true);
    const ids = (lang: string) => candidates(p.facts, lang).map((f) => f.articleId);
    expect(ids('en').slice(0, 3)).toEqual(['a', 'b', 'd']);
    expect(ids('sv').slice(0, 3)).toEqual(['c', 'a', 'b']);
    // One beyond the first six: the German fact still comes first on a German page.
    expect(ids('de').slice(0, 3)).toEqual(['g', 'a', 'b']);
    expect(ids('fi').slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(candidates(p.descriptions, 'en')[0]?.articleId).toBe('a');
    expect(candidates(p.descriptions, 'fi')[0]?.articleId).toBe('c');
    // A few sentences, however many there are.
    const many = previewOf({ id: 'y', facts: Array.from({ length: 500 }, (_, i) => fact(`n${String(i)}`, i % 2 ? 'en' : 'sv')) });
    expect(JSON.stringify(many).length).toBeLessThan(2_000);
  });

  it('cannot rank what is stored without its language', () => {
    expect(previewOf({ id: 'x', facts: [fact('a', 'en'), fact('b')] }).complete).toBe(false);
  });
});
