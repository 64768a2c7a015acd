/**
 * The whole corpus pipeline on the two seed articles (assets/seeds/), with the expectations a
 * journalist would check, plus bad inputs and the command line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCorpus } from '../../src/core/corpus';
import { main } from '../../src/corpus/cli';
import { buildCorpusFromPaths, loadRegistry, parseHtml, readSources } from '../../src/corpus/node';
import { type BuiltCorpus, type CorpusArticle, buildCorpus, decodeSource } from '../../src/corpus/pipeline';

const SV = '000_d35634ae92cf12c4';
const EN = '004_b9dd206ab3ce0339';
const REGISTRY = 'assets/registry.json';
const { corpus, errors } = buildCorpusFromPaths(['assets/seeds'], REGISTRY);
const article = (id: string) => corpus.articles.find((a) => a.id === id)!;
const sentence = (a: CorpusArticle, i: number) => {
  const span = a.sentences[i]!;
  return a.body.slice(span[0], span[1]);
};

describe('the seed corpus', () => {
  it('builds both seeds without errors into a valid schema-v1 corpus', () => {
    expect(errors).toEqual([]);
    expect(corpus.articles.map((a) => a.id)).toEqual([SV, EN]);
    expect(validateCorpus(corpus).problems).toEqual([]);
  });

  it('has the right metadata', () => {
    expect(article(SV)).toMatchObject({
      title: 'Dråpslaget mot Meta – AI-pionjären överger skeppet',
      source: 'Dagens PS',
      published: '2025-11-11',
      lang: 'sv',
    });
    expect(article(EN)).toMatchObject({
      title: 'Meta Invests €12 Billion in Scale AI and Appoints Co-Founder',
      source: 'News Journos',
      published: '2025-06-13',
      lang: 'en',
      byline: 'News Editor',
    });
  });

  it('has clean bodies: the lead first, the article’s last sentence last, no boilerplate', () => {
    const sv = article(SV);
    expect(sentence(sv, 0)).toBe('Det är stökigt på Metas AI-avdelning.');
    expect(sentence(sv, sv.sentences.length - 1)).toBe(
      'Efter besked om ökade AI-investeringar föll Metas aktie kraftigt i slutet av oktober, vilket raderade närmare 240 miljarder dollar i börsvärde.',
    );
    const en = article(EN);
    expect(sentence(en, 0)).toMatch(/^Meta has announced a substantial investment of \$14\.3 billion/);
    expect(sentence(en, en.sentences.length - 1)).toMatch(/prompting ongoing discourse in the tech community\.$/);
    const noise = [
      'Mest läst',
      'Samsung väntade',
      'Sheins skräck',
      'Senaste nytt',
      'Hjärt-Lungfonden',
      'Läs mer',
      'Förlorade pensionen',
      'Editors Picks',
      'Latest Headlines',
      'Credit Rating',
      'Close Menu',
      'ADVERTISEMENT',
      'You are here',
      'Ad Blocker',
      'disabling your Ad Blocker',
      'Subscribe',
      'Keep Reading',
      'Facebook X',
      'Mins Read',
      'Serdar Imren',
      'Article Subheadings',
      'press Enter to search',
    ];
    for (const a of corpus.articles) for (const n of noise) expect(a.body, `${a.id} contains "${n}"`).not.toContain(n);
  });

  it('dates every temporal expression of the bodies, and each article’s own news, honestly, and nothing from boilerplate', () => {
    const events = corpus.events.map((e) => [
      e.articleId.slice(0, 3),
      e.date,
      e.precision,
      e.kind ?? e.qualifier ?? e.season ?? '',
      e.text.slice(0, 32),
    ]);
    expect(events).toEqual([
      ['000', '2013', 'year', '', 'LeCun, som tilldelades Turingpri'],
      ['004', '2022', 'year', '', 'Mark Zuckerberg, CEO of Meta, is'],
      ['000', '2025', 'year', '', 'Under året har flera ledande for'],
      ['000', '2025', 'year', '', 'Zuckerberg har under året skifta'],
      // The news of each article at its publication date: the Scale AI deal, LeCun's planned exit.
      ['004', '2025-06-13', 'day', 'report', 'Meta has announced a substantial'],
      ['000', '2025-07', 'season', 'summer', 'I somras rekryterade Zuckerberg '],
      ['000', '2025-10', 'month', 'late', 'Efter besked om ökade AI-investe'],
      ['000', '2025-10-21', 'approximate', 'about', 'För några veckor sedan aviserade'],
      ['000', '2025-11-11', 'day', 'report', 'Företagets chefsforskare och AI-'],
    ]);
    // The news events carry the names of the news: LeCun's exit names him and Meta.
    const exit = corpus.events.find((e) => e.date === '2025-11-11');
    expect(exit?.entities).toEqual(expect.arrayContaining(['yann-lecun', 'meta']));
    // Teaser, header and footer dates of the dumps never become events.
    const dates = corpus.events.map((e) => e.date);
    for (const d of [
      '2024',
      '2024-07',
      '2025-05-16',
      '2025-05-05',
      '2025-02-27',
      '2025-06-03',
      '2025-03-28',
      '2025-07-04',
      '2025-03-27',
      '2025-06-15',
    ])
      expect(dates).not.toContain(d);
  });

  it('cites real sentences: events, facts, descriptions, summaries and key points', () => {
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const e of corpus.events) for (const s of e.sources) expect(sentence(byId.get(s.articleId)!, s.sentence)).toBe(s.text);
    for (const ent of corpus.entities) for (const f of ent.facts) expect(sentence(byId.get(f.articleId)!, f.sentence)).toBe(f.text);
    for (const a of corpus.articles) {
      expect(a.summary).toHaveLength(3);
      for (const s of a.summary) expect(a.body).toContain(s);
      expect(a.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(a.keyPoints.length).toBeLessThanOrEqual(5);
      for (const k of a.keyPoints) expect(sentence(a, k.sentence)).toBe(k.text);
      // Key points add to the summary: none repeats one of its sentences.
      for (const k of a.keyPoints) expect(a.summary).not.toContain(k.text);
    }
    for (const s of corpus.stories)
      for (const [lang, points] of Object.entries(s.keyPoints)) {
        expect(points.length, `${s.id} ${lang}`).toBeGreaterThanOrEqual(3);
        const summary = new Set((s.summaries[lang] ?? []).map((x) => `${x.articleId}#${x.sentence}`));
        for (const k of points) expect(summary.has(`${k.articleId}#${k.sentence}`)).toBe(false);
      }
  });

  it('knows the people, companies and products, across both languages', () => {
    const ent = (id: string) => corpus.entities.find((e) => e.id === id);
    expect(ent('yann-lecun')).toMatchObject({ name: 'Yann LeCun', type: 'person' });
    expect(ent('alexandr-wang')?.aliases).toEqual(expect.arrayContaining(['Wang', 'Wangs']));
    expect(ent('scale-ai')).toMatchObject({ name: 'Scale AI', type: 'organization' });
    expect(ent('fair')?.aliases).toEqual(expect.arrayContaining(['Fundamental AI Research']));
    expect(ent('meta')?.aliases).toEqual(expect.arrayContaining(['Metas', 'Meta’s']));
    for (const id of ['meta', 'mark-zuckerberg', 'alexandr-wang', 'scale-ai']) {
      expect(new Set(ent(id)!.facts.map((f) => f.articleId)), id).toEqual(new Set([SV, EN]));
      expect(article(SV).entities).toContain(id);
      expect(article(EN).entities).toContain(id);
    }
    const known = new Set(corpus.entities.map((e) => e.id));
    for (const a of corpus.articles) for (const id of a.entities) expect(known).toContain(id);
  });

  it('tells two related stories: the Scale AI deal in June and LeCun leaving in November', () => {
    expect(corpus.stories.map((s) => s.articleIds)).toEqual([[EN], [SV]]);
    const [deal, exit] = corpus.stories;
    expect(deal!.related[0]).toMatchObject({ storyId: exit!.id });
    expect(deal!.related[0]!.shared).toEqual(expect.arrayContaining(['meta', 'mark-zuckerberg', 'alexandr-wang', 'scale-ai']));
    expect(exit!.lang).toBe('sv');
    expect(exit!.summaries.sv).toHaveLength(3);
    for (const s of exit!.keyPoints.sv ?? []) expect(sentence(article(s.articleId), s.sentence)).toBe(s.text);
    expect(article(SV).storyId).toBe(exit!.id);
  });

  it('is deterministic: the same inputs in any order give the same bytes and build id', () => {
    const again = buildCorpusFromPaths([`assets/seeds/${EN}.txt`, `assets/seeds/${SV}.txt`], REGISTRY).corpus;
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpus));
  });
});

describe('bad input', () => {
  const registry = loadRegistry(REGISTRY);
  const seed = readSources([`assets/seeds/${SV}.txt`]).files[0]!;
  const file = (name: string, content: string | Uint8Array) => ({
    name,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
  });

  it('skips each bad file with a clear reason that names it, and still builds the rest', () => {
    const {
      corpus: built,
      errors: problems,
      warnings,
    } = buildCorpus(
      [
        seed,
        file('empty.txt', '  \n\n '),
        file('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])),
        file('huge.txt', new Uint8Array(6 * 1024 * 1024).fill(0x61)),
        file('menu.html', '<!doctype html><html><body><nav><a href="/">Home</a> <a href="/a">News</a></nav></body></html>'),
        file(
          'undated.txt',
          'A headline without a date\n\nThis is a paragraph of a perfectly ordinary article text that says nothing about when it was written, and it goes on for a while so that it looks like prose.\n\nAnd a second paragraph of ordinary prose follows here, with more words in it, so that the extractor believes it.',
        ),
      ],
      { parseHtml, registry },
    );
    // Undated is not an error: the article is kept, with a warning that names it.
    expect(built.articles.map((a) => a.id)).toEqual([SV, 'undated']);
    expect(built.articles.find((a) => a.id === 'undated')?.published).toBeNull();
    expect(warnings.map((w) => w.source)).toEqual(['undated.txt']);
    expect(warnings[0]?.message).toMatch(/no publication date found: kept as undated/);
    const reasons = Object.fromEntries(problems.map((e) => [e.source, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'menu.html']);
    expect(reasons['empty.txt']).toBe('empty');
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['huge.txt']).toBe('too large: 6.0 MB (the limit is 5 MB)');
    for (const e of problems) expect(e.message).toBe(`${e.source}: ${e.reason}`);
  });

  it('keeps an article without a headline, its first sentence standing in (with a warning)', () => {
    const prose =
      '<p>The ferry between the two islands stopped running on Tuesday after the operator ran out of money, the county said in a statement that surprised the islanders.</p>' +
      '<p>About four hundred people use the ferry every day, most of them to reach schools and the hospital on the larger island across the strait.</p>';
    const { corpus: built, warnings } = buildCorpus(
      [
        file(
          'untitled.html',
          `<!doctype html><html lang="en"><head><meta property="article:published_time" content="2024-03-05"></head><body><article>${prose}${prose}</article></body></html>`,
        ),
      ],
      { parseHtml, registry },
    );
    expect(built.articles).toHaveLength(1);
    expect(built.articles[0]!.title).toMatch(
      /^The ferry between the two islands stopped running on Tuesday after the operator ran out of money, the county said in a statement that…$/,
    );
    expect(warnings).toEqual([{ source: 'untitled.html', message: 'no title found: the first sentence stands in for it' }]);
  });

  it('tells the day of publication once, by the lead, and dates the rest of the text as background', () => {
    const page = `<!doctype html><html lang="en"><head><title>Ferry company Northwind collapses</title><meta property="article:published_time" content="2024-03-05"></head><body><article><h1>Ferry company Northwind collapses</h1>
      <p>The ferry company Northwind collapsed on Tuesday after its bank withdrew a loan, leaving four hundred islanders without a daily crossing to the mainland.</p>
      <p>Northwind told its staff today that the ships would stay in port, and the county said it would look for another operator within a month.</p>
      <p>Northwind was founded in 1998 and took over the crossing from the county in 2011, when the old state ferry was sold.</p>
      <p>Last week the company had still promised its passengers a new timetable, with more crossings on weekends.</p></article></body></html>`;
    const { corpus: built } = buildCorpus([file('ferry.html', page)], { parseHtml, registry });
    expect(built.events.map((e) => [e.date, e.kind ?? 'background', e.text.slice(0, 28)])).toEqual([
      ['1998', 'background', 'Northwind was founded in 199'],
      ['2011', 'background', 'Northwind was founded in 199'],
      ['2024-02-29', 'background', 'Last week the company had st'],
      ['2024-03-05', 'report', 'The ferry company Northwind '],
    ]);
  });

  it('reads Windows-1252 text and strips a byte-order mark', () => {
    expect(decodeSource(file('x.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).text).toBe('café');
    expect(decodeSource(file('x.txt', '\uFEFFhej')).text).toBe('hej');
    expect(decodeSource(file('x.html', '<p>hej</p>')).kind).toBe('html');
    expect(decodeSource(file('page', '<!DOCTYPE html><p>hej</p>')).kind).toBe('html');
  });
});

describe('npm run corpus', () => {
  const run = (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const dir = mkdtempSync(join(tmpdir(), 'nc-cli-'));

  it('build writes a valid corpus and reports what it skipped', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = join(dir, 'corpus.json');
    const r = run('build', 'assets/seeds', join(dir, 'empty.txt'), join(dir, 'missing.txt'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 articles, \d+ entities, \d+ events, 2 stories \(build [0-9a-f]{16}\); 2 input\(s\) skipped/);
    expect(r.err).toContain(`skipped ${join(dir, 'empty.txt')}: empty`);
    expect(r.err).toContain(`skipped ${join(dir, 'missing.txt')}: no such file or folder`);
    const written = JSON.parse(readFileSync(out, 'utf8')) as BuiltCorpus;
    expect(written.build).toBe(corpus.build);
    expect(run('build', 'assets/seeds', join(dir, 'empty.txt'), '--out', out, '--strict').code).toBe(1);
    expect(run('validate', out)).toMatchObject({ code: 0, out: `${out}: a valid corpus (schema version 1)` });
  });

  it('extract prints one article as JSON', () => {
    const r = run('extract', `assets/seeds/${EN}.txt`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ id: EN, title: article(EN).title, published: '2025-06-13', lang: 'en' });
  });

  it('extract prints an undated article with published: null and a warning, and exits 0', () => {
    const undated = join(dir, 'undated.html');
    writeFileSync(
      undated,
      `<!doctype html><html lang="en"><head><title>Harbour bridge reopens after repairs</title></head><body><article><h1>Harbour bridge reopens after repairs</h1>${'<p>The harbour bridge reopened to traffic on Monday after two years of repairs, the city said, and the first buses crossed it at dawn while commuters watched.</p>'.repeat(3)}<p>The bridge first opened on June 13, 2019, and carried forty thousand cars a day before it closed.</p></article></body></html>`,
    );
    const r = run('extract', undated);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ title: 'Harbour bridge reopens after repairs', published: null });
    expect(r.err).toBe(
      `warning: ${undated}: no publication date found: kept as undated (relative dates in it are not placed on the timeline)`,
    );
    // In a build the undated article keeps its absolute dates as events; "on Monday" needs the
    // publication date, so it is not placed, and no lead event is dated without one.
    const out = join(dir, 'undated.json');
    expect(run('build', undated, `assets/seeds/${EN}.txt`, '--out', out).code).toBe(0);
    const built = JSON.parse(readFileSync(out, 'utf8')) as BuiltCorpus;
    const own = built.events.filter((e) => e.articleId === 'undated');
    expect(own.map((e) => [e.date, e.precision])).toEqual([['2019-06-13', 'day']]);
    expect(own.some((e) => e.kind === 'report')).toBe(false);
    expect(run('validate', out).code).toBe(0);
  });

  it('validate says where a corpus file is wrong', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...corpus, events: [{ ...corpus.events[0], precision: 'roughly' }] }));
    const r = run('validate', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: $.events[0].precision: unknown precision "roughly"`);
    writeFileSync(bad, '{ not json');
    expect(run('validate', bad).err).toMatch(/not JSON/);
  });

  it('explains its usage', () => {
    expect(run().code).toBe(2);
    expect(run('build', 'assets/seeds').err).toContain('build needs --out <file>');
    expect(run('frobnicate').err).toContain('unknown command frobnicate');
    expect(run('extract', 'a', 'b').err).toContain('extract takes exactly one file');
  });
});
