import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { entityCard } from '../../src/background/cards';
import { loadCorpus, openNewsDb } from '../../src/background/db';
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
});
