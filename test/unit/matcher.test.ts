/**
 * The entity matcher (src/core/matcher.ts), rule by rule: each table has cases that must match
 * and cases that must not, in Swedish and English, over a small hand-made corpus. Every case
 * also checks the invariants of a scan (sorted, in bounds, non-overlapping, text === slice).
 */
import { describe, expect, it } from 'vitest';
import {
  ALIAS_TABLE_VERSION,
  AliasFlag,
  type AliasTable,
  type EntityMatch,
  type MatchableEntity,
  aliasForms,
  compileAliasTable,
  contextWords,
  createMatcher,
} from '../../src/core/matcher';
import { hashOf } from '../../src/core/matcher/tokens';

const E = (id: string, type: MatchableEntity['type'], name: string, aliases: string[] = [], context: string[] = []): MatchableEntity => ({
  id,
  type,
  name,
  aliases,
  context,
});

const ENTITIES: MatchableEntity[] = [
  E('meta', 'organization', 'Meta', ['Metas', 'Meta’s', 'Meta Platforms'], ['facebook', 'instagram']),
  E('scale-ai', 'organization', 'Scale AI', ['Scale', 'Scale’s', 'Scale AI:s'], ['annotation', 'datahanteringsbolaget']),
  E('fair', 'organization', 'FAIR', ['Fair', 'Fundamental AI Research'], ['forskningsavdelning']),
  E('alexandr-wang', 'person', 'Alexandr Wang', ['Wang', 'Wangs'], ['grundare', 'founder']),
  E('vera-wang', 'person', 'Vera Wang', ['Wang'], ['fashion', 'mode']),
  E('mark-zuckerberg', 'person', 'Mark Zuckerberg', ['Zuckerberg', 'Zuckerberg’s']),
  E('yann-lecun', 'person', 'Yann LeCun', ['LeCun', 'LeCun’s']),
  E('llama-4', 'product', 'Llama 4'),
  E('llama', 'product', 'Llama', [], ['språkmodell']),
  E('amazon', 'organization', 'Amazon', ['Amazon.com']),
  E('google', 'organization', 'Google'),
  E('openai', 'organization', 'OpenAI'),
  E('financial-times', 'organization', 'Financial Times', ['FT']),
  E('eu', 'organization', 'EU', ['Europeiska unionen', 'European Union']),
  E('llm', 'concept', 'LLM', ['stora språkmodeller', 'LLMs', 'large language models']),
  E('superintelligence', 'concept', 'superintelligence', ['superintelligens']),
  E('world-models', 'concept', 'world models'),
  E('turing-award', 'concept', 'Turing Award', ['Turingpriset', 'Turing-Preis', 'A.M. Turing Award']),
  E('societe-generale', 'organization', 'Société Générale'),
  E('constructor', 'organization', 'Constructor', ['toString']),
  E('x', 'organization', 'X', ['Twitter']),
];

const TABLE = compileAliasTable(ENTITIES);
const matcher = createMatcher(TABLE);

function checkInvariants(text: string, ms: readonly EntityMatch[]): void {
  let last = 0;
  for (const m of ms) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.text).toBe(text.slice(m.start, m.end));
    last = m.end;
  }
}

/** "entity:matched text" for each match, in order. */
function run(text: string, m = matcher): string[] {
  const ms = m.scan(text, { lang: 'sv' });
  checkInvariants(text, ms);
  return ms.map((x) => `${x.entityId}:${x.text}`);
}

type Case = [text: string, expected: string[]];
const table = (name: string, cases: Case[]) =>
  describe(name, () => {
    it.each(cases)('%j', (text, expected) => expect(run(text)).toEqual(expected));
  });

table('Unicode word boundaries', [
  ['Det är stökigt på Metas AI-avdelning.', ['meta:Metas']],
  ['Investors in Meta, Google and OpenAI cheered the AI deal.', ['meta:Meta', 'google:Google', 'openai:OpenAI']],
  ['The company (Meta) invests in AI.', ['meta:Meta']],
  ['Analysts called “Meta” the AI leader.', ['meta:Meta']],
  ["Investors cheered Meta’s AI plans and Meta's chips.", ['meta:Meta’s', "meta:Meta's"]],
  ['Affären gav Scale AI:s grundare miljarder.', ['scale-ai:Scale AI:s']],
  ['Företaget bakom Metaverse investerar i AI.', []],
  ['Bolaget ÖMeta investerar i AI-teknik.', []],
  ['The meta_data of the AI platform, and Meta2 too.', []],
  ['Everyone on #Meta talks about the AI model.', ['meta:Meta']],
]);

table('case and diacritic folding', [
  ['Analytiker på Societe Generale sänker riktkursen.', ['societe-generale:Societe Generale']],
  ['Analytiker på Société Générale sänker riktkursen.', ['societe-generale:Société Générale']],
  ['the meta question of AI software', []],
  ['we need to scale AI across the company', []],
  ['FT rapporterar att Meta investerar i AI.', ['financial-times:FT', 'meta:Meta']],
  ['Lägenheten är 900 ft stor och Ft-märket okänt.', []],
  ['Beslutet i EU gäller alla, men Eu och eu gör det inte.', ['eu:EU']],
  ['Superintelligence is the goal, says the lab.', ['superintelligence:Superintelligence']],
  ['Stora språkmodeller kräver data. Forskarna tror på STORA SPRÅKMODELLER.', ['llm:Stora språkmodeller', 'llm:STORA SPRÅKMODELLER']],
  ['The lab studies World Models and large language models.', ['world-models:World Models', 'llm:large language models']],
  ['GOOGLE AND OPENAI SIGN AI DEAL', ['openai:OPENAI']],
  [
    'Investors in Constructor rose; the constructor, valueOf and hasOwnProperty did not, but toString did.',
    ['constructor:Constructor', 'constructor:toString'],
  ],
  ['An X post and a Twitter thread.', ['x:Twitter']],
]);

table('a capitalised common word at a sentence start needs another mention', [
  ['Meta investerar i AI. Analytiker tror att Meta vinner.', ['meta:Meta', 'meta:Meta']],
  ['Meta Platforms rapporterade vinst.', ['meta:Meta Platforms']],
  ['Meta investerar i AI.', []],
  ['Fair trade coffee is popular. We bought some.', []],
  ['Google it.', []],
  ['Meta släppte Llama 4 som öppen AI-modell.', ['llama-4:Llama 4']],
  ['“Meta har satsat på AI”, sa han. Men Meta tvekar.', ['meta:Meta', 'meta:Meta']],
]);

table('inflection: possessive, genitive -s, colon endings', [
  ['Investeringen i Llama 4:s efterträdare kostar miljarder.', ['llama-4:Llama 4:s']],
  ['Det här är LLM:s och AI:s framtid.', ['llm:LLM:s']],
  ['Mark Zuckerberg talade. Zuckerbergs beslut överraskade.', ['mark-zuckerberg:Mark Zuckerberg', 'mark-zuckerberg:Zuckerbergs']],
  ['Zuckerbergs beslut överraskade.', []],
  ['Mark Zuckerbergs beslut överraskade.', ['mark-zuckerberg:Mark Zuckerbergs']],
  ['Researchers doubt that LLMs reason.', ['llm:LLMs']],
  ['He won the Turing Award; LeCun’s view, said Yann LeCun.', ['turing-award:Turing Award', 'yann-lecun:Yann LeCun']],
  ['The Metas of this world are AI giants.', ['meta:Metas']],
  ['superintelligences and world modelss are not forms we know.', []],
]);

table('surnames', [
  ['Wang talade om AI.', []],
  ['Alexandr Wang grundade Scale AI. Wang är 28.', ['alexandr-wang:Alexandr Wang', 'scale-ai:Scale AI', 'alexandr-wang:Wang']],
  ['Wang talade först. Sedan kom Alexandr Wang.', ['alexandr-wang:Alexandr Wang']],
  [
    'Vera Wang visade kläder. Alexandr Wang grundade Scale AI. Wang svarade.',
    ['vera-wang:Vera Wang', 'alexandr-wang:Alexandr Wang', 'scale-ai:Scale AI', 'alexandr-wang:Wang'],
  ],
  [
    'Alexandr Wang grundade Scale AI. Vera Wang visade kläder. Wang svarade.',
    ['alexandr-wang:Alexandr Wang', 'scale-ai:Scale AI', 'vera-wang:Vera Wang', 'vera-wang:Wang'],
  ],
  ['Scale AI:s vd Wang säger att bolaget växer.', ['scale-ai:Scale AI:s', 'alexandr-wang:Wang']],
  ['Kinas minister Wang besökte Peking.', []],
  ['Yann LeCun left. LeCun’s plan is a startup.', ['yann-lecun:Yann LeCun', 'yann-lecun:LeCun’s']],
  ['LeCun’s plan is a startup.', []],
]);

table('hyphenated compounds', [
  ['A Meta-analysis of 40 studies and a meta-analysis of AI.', []],
  ['Mark Zuckerberg är Meta-chefen.', ['mark-zuckerberg:Mark Zuckerberg']],
  ['Protesterna var anti-Meta och riktade mot AI.', []],
  ['Startupen Scale-AI växer snabbt inom AI.', []],
  ['AI-pionjären lämnar FAIR-labbet för LLM-forskningen i EU-kommissionen.', ['fair:FAIR', 'llm:LLM', 'eu:EU']],
  ['Llama 4-modellen är öppen.', ['llama-4:Llama 4']],
  ['Meta släpper Llama 4.5 som öppen AI-modell.', ['llama:Llama']],
  ['Er erhielt den Turing-Preis und den A.M. Turing Award.', ['turing-award:Turing-Preis', 'turing-award:A.M. Turing Award']],
  ['Handla på Amazon.com, inte Meta.com.', ['amazon:Amazon.com']],
]);

table('false friends decided by context', [
  ['The Amazon rainforest is burning near the river.', []],
  ['Amazonas är världens största flod.', []],
  ['I dag lanserar Amazon en ny app.', ['amazon:Amazon']],
  ['Our AI team visited a Llama farm in Peru.', []],
  ['Llamas graze on the farm.', []],
  ['Bonden har en Llama på gården.', []],
  ['Meta släppte Llama som öppen AI-modell.', ['llama:Llama']],
  ['Meta tränade Llama, en stor språkmodell.', ['llama:Llama']],
  ['Meta släppte Llama. Analytiker tror att Meta vinner AI-racet.', ['meta:Meta', 'llama:Llama', 'meta:Meta']],
  ['Meta släppte Llama. Analytiker tror att Meta vinner.', []],
  ['You can google it, or just Google it if unsure.', []],
  ['We must scale up. Scale up your business!', []],
]);

table('leftmost-longest, no overlaps, no name across a line break', [
  ['Investeringen i Scale AI var stor.', ['scale-ai:Scale AI']],
  ['Meta Platforms köper Scale AI.', ['meta:Meta Platforms', 'scale-ai:Scale AI']],
  ['Han har lett Metas forskningsavdelning Fair (Fundamental AI Research).', ['meta:Metas', 'fair:Fair', 'fair:Fundamental AI Research']],
  [
    'Metas forskningsavdelning Fair (Fundamental AI Research) leds av Yann LeCun.',
    ['fair:Fair', 'fair:Fundamental AI Research', 'yann-lecun:Yann LeCun'],
  ],
  ['Vd Mark Zuckerberg svarade.', ['mark-zuckerberg:Mark Zuckerberg']],
  ['Vd Mark\nZuckerberg svarade.', []],
  ['Financial Times och The Financial Times Weekend', ['financial-times:Financial Times', 'financial-times:Financial Times']],
]);

describe('compileAliasTable', () => {
  it('keeps the forms as written minus the inflections the matcher derives', () => {
    expect(aliasForms({ name: 'Meta', aliases: ['Metas', 'Meta’s', 'Meta Platforms'] })).toEqual(['Meta', 'Meta Platforms']);
    expect(aliasForms({ name: 'Scale AI', aliases: ['Scale AI:s', 'Scale', 'Scale’s', "Scale's"] })).toEqual(['Scale AI', 'Scale']);
    expect(aliasForms({ name: 'Alexandr Wang', aliases: ['Wang', 'Wangs', '  Alexandr   Wang '] })).toEqual(['Alexandr Wang', 'Wang']);
    expect(aliasForms({ name: 'LLM', aliases: ['LLMs', 'stora språkmodeller'] })).toEqual(['LLM', 'stora språkmodeller']);
  });

  /** The flags of the one-word aliases `key` of `entity`, read from the table's flat arrays. */
  const flagsOf = (t: AliasTable, key: string, entity: string): number[] => {
    const k = t.keys.indexOf(key);
    const node = k >= 0 && k < t.roots ? k + 1 : -1;
    const ei = t.ids.indexOf(entity);
    const flags: number[] = [];
    for (let q = 0; q < t.ends.length; q += 4) if (t.ends[q] === node && t.ends[q + 1] === ei) flags.push(t.ends[q + 2] ?? -1);
    return flags;
  };

  it('marks common words, surnames and genitive-taking forms', () => {
    expect(flagsOf(TABLE, 'meta', 'meta')).toEqual([AliasFlag.Common | AliasFlag.Genitive]);
    expect(flagsOf(TABLE, 'fair', 'fair').sort()).toEqual([AliasFlag.Genitive, AliasFlag.Common | AliasFlag.Genitive].sort());
    expect(flagsOf(TABLE, 'wang', 'alexandr-wang')).toEqual([AliasFlag.Surname | AliasFlag.Genitive]);
    expect(flagsOf(TABLE, 'openai', 'openai')).toEqual([AliasFlag.Genitive]);
    expect(flagsOf(TABLE, 'superintelligence', 'superintelligence')).toEqual([0]);
  });

  it('drops one-letter aliases', () => {
    expect(TABLE.keys).not.toContain('x');
    expect(run('X och Twitter')).toEqual(['x:Twitter']);
  });

  it('survives a JSON round trip (the background posts it to content scripts)', () => {
    const copy = JSON.parse(JSON.stringify(TABLE)) as AliasTable;
    const text = 'Alexandr Wang grundade Scale AI. Wang och Metas AI-chef; the constructor toString hasOwnProperty __proto__.';
    expect(createMatcher(copy).scan(text)).toEqual(matcher.scan(text));
    expect(run(text, createMatcher(copy))).toEqual([
      'alexandr-wang:Alexandr Wang',
      'scale-ai:Scale AI',
      'alexandr-wang:Wang',
      'meta:Metas',
      'constructor:toString',
    ]);
  });

  it('rejects a table of another version', () => {
    expect(() => createMatcher({ ...TABLE, v: ALIAS_TABLE_VERSION - 1 })).toThrow(/version/);
    expect(() => createMatcher({ ...TABLE, v: ALIAS_TABLE_VERSION + 1 })).toThrow(/version/);
  });

  it('takes more ambiguous aliases per entity, and another list of common words', () => {
    const plain = createMatcher(compileAliasTable([E('anthropic', 'organization', 'Anthropic')]));
    const marked = createMatcher(compileAliasTable([{ ...E('anthropic', 'organization', 'Anthropic'), ambiguous: ['Anthropic'] }]));
    expect(run('The Anthropic principle in cosmology.', plain)).toEqual(['anthropic:Anthropic']);
    expect(run('The Anthropic principle in cosmology.', marked)).toEqual([]);
    expect(run('The Anthropic chatbot is an AI model.', marked)).toEqual(['anthropic:Anthropic']);
    const noCommon = createMatcher(compileAliasTable([E('meta', 'organization', 'Meta')], { commonWords: [] }));
    expect(run('Meta investerar.', noCommon)).toEqual(['meta:Meta']);
  });

  it('uses context words as support for an ambiguous alias', () => {
    expect(run('Bolaget Fair har en ny forskningsavdelning i Paris.')).toEqual(['fair:Fair']);
    expect(run('Familjen Fair har ett nytt hus i Paris.')).toEqual([]);
  });
});

describe('the scanner', () => {
  it('tells apart words whose hashes collide, as keys and as genitive stems', () => {
    // The two words have the same 32-bit FNV-1a hash, the trie's key hash.
    expect(hashOf('gxwjqbe')).toBe(hashOf('ensbcjc'));
    const both = createMatcher(compileAliasTable([E('g', 'organization', 'Gxwjqbe'), E('e', 'organization', 'Ensbcjc')]));
    const one = createMatcher(compileAliasTable([E('e', 'organization', 'Ensbcjc')]));
    const text = 'Gxwjqbe, Ensbcjc, Gxwjqbes and Ensbcjcs.';
    expect(run(text, both)).toEqual(['g:Gxwjqbe', 'e:Ensbcjc', 'g:Gxwjqbes', 'e:Ensbcjcs']);
    expect(run(text, one)).toEqual(['e:Ensbcjc', 'e:Ensbcjcs']);
    expect(
      run('Gxwjqbe Platforms and the Gxwjqbes', createMatcher(compileAliasTable([E('e', 'organization', 'Ensbcjc Platforms')]))),
    ).toEqual([]);
  });

  it('gives the same matches whatever it scanned before (it reuses buffers and caches between scans)', () => {
    const long = 'Alexandr Wang grundade Scale AI. Wang och Metas AI-chef; Meta investerar i AI och rainforest. '.repeat(400);
    const short = 'Meta släppte Llama som öppen AI-modell. Wang';
    const m = createMatcher(TABLE);
    const fresh = (text: string) => createMatcher(TABLE).scan(text);
    expect(m.scan(long)).toEqual(fresh(long));
    expect(m.scan(short)).toEqual(fresh(short));
    expect(m.scan('')).toEqual([]);
    expect(m.scan(long)).toEqual(fresh(long));
  });

  it('stays correct past the size limit of its caches of words', () => {
    // 30,000 distinct words, some with diacritics, next to ambiguous names that make them looked up.
    const words = Array.from({ length: 30_000 }, (_, i) => `${i % 3 ? 'ö' : 'w'}${i.toString(36)}`);
    const text = words.map((w, i) => (i % 7 ? w : i % 700 ? `${w} Meta AI` : `${w} rainforest`)).join(' ');
    const m = createMatcher(TABLE);
    const first = m.scan(text);
    expect(first.filter((x) => x.entityId === 'meta').length).toBeGreaterThan(3000);
    expect(m.scan(text)).toEqual(first);
    expect(createMatcher(TABLE).scan(text)).toEqual(first);
    expect(run('Bolaget Fair har en ny forskningsavdelning i Paris.', m)).toEqual(['fair:Fair']);
    expect(run('The Amazon rainforest is burning near the river.', m)).toEqual([]);
  });

  it('reads a table of flat arrays: the first words are the root’s children, in order', () => {
    const t = compileAliasTable([
      E('a', 'organization', 'Meta Platforms'),
      E('b', 'organization', 'Meta'),
      E('c', 'concept', 'world models'),
    ]);
    expect(t.keys.slice(0, t.roots)).toEqual(['meta', 'world']);
    expect(t.nodes).toEqual([1, t.keys.indexOf('platforms'), 2, t.keys.indexOf('models')]);
    // node, entity, flags, case: "Meta" and "Meta Platforms" capitalised, "world models" in any case.
    expect(t.ends).toEqual([1, 1, AliasFlag.Common | AliasFlag.Genitive, -1 - 2, 3, 0, AliasFlag.Genitive, -1 - (2 + 2 * 4), 4, 2, 0, -1]);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe('contextWords', () => {
  it('gives the content words, most frequent first, without function words, numbers or the names', () => {
    expect(contextWords(['Meta’s chief AI scientist', 'Metas chefsforskare och AI-pionjär 2025', 'chief of the lab'], ['Meta'])).toEqual([
      'chief',
      'scientist',
      'metas',
      'chefsforskare',
      'pionjar',
    ]);
  });
});

describe('performance: the cost does not depend on the number of aliases', () => {
  // A deterministic pseudo-random generator, so both tables and the text are the same every run.
  const rng = (seed: number) => () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const SYL = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'bo', 'da', 'fu', 'gi', 'ha', 'jo', 'pe'];
  const word = (r: () => number, n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)]!;
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const synthetic = (count: number): MatchableEntity[] => {
    const r = rng(7);
    const out: MatchableEntity[] = [];
    const seen = new Set<string>();
    while (out.length < count) {
      const tokens = 1 + Math.floor(r() * 3);
      const name = Array.from({ length: tokens }, () => word(r, 3 + Math.floor(r() * 2))).join(' ');
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(E(`e${out.length}`, 'organization', name));
    }
    return out;
  };
  const big = synthetic(100_000);
  // The first 100 of the big list: every planted alias is in both tables.
  const small = big.slice(0, 100);
  const planted = small.filter((_, i) => i % 5 === 0);
  const FILLER = 'och det var en dag i staden när alla gick till jobbet men ingen visste vad som hände sedan'.split(' ');
  const page = (bytes: number): { text: string; expected: string[] } => {
    const r = rng(99);
    let text = '';
    const expected: string[] = [];
    while (text.length < bytes) {
      for (let i = 0; i < 12; i++) text += FILLER[Math.floor(r() * FILLER.length)]! + ' ';
      const e = planted[Math.floor(r() * planted.length)]!;
      text += `${e.name}, `;
      expected.push(`${e.id}:${e.name}`);
    }
    return { text, expected };
  };
  /** Best and median of 11 runs, formatted. */
  const time = (f: () => void): string => {
    const runs: number[] = [];
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      f();
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    return `best ${runs[0]!.toFixed(1)} ms, median ${runs[5]!.toFixed(1)} ms`;
  };

  it('finds exactly the planted names with 100 and with 100,000 aliases', () => {
    const t0 = performance.now();
    const bigTable = compileAliasTable(big);
    const compileMs = performance.now() - t0;
    const matchers = { 100: createMatcher(compileAliasTable(small)), 100_000: createMatcher(bigTable) };
    const report: string[] = [
      `compile 100,000 aliases: ${compileMs.toFixed(0)} ms, ${(JSON.stringify(bigTable).length / 1e6).toFixed(1)} MB JSON`,
    ];
    for (const m of Object.values(matchers)) m.scan(page(60_000).text); // warm up both before timing either
    for (const size of [60_000, 600_000]) {
      const { text, expected } = page(size);
      for (const [n, m] of Object.entries(matchers)) {
        expect(run(text, m)).toEqual(expected);
        report.push(`scan ${size / 1000} KB with ${n} aliases: ${time(() => m.scan(text))}`);
      }
    }
    console.info(report.join('\n'));
    // Compiling 100,000 aliases takes seconds on a busy 2-core machine: a correctness test, not a timing one.
  }, 60_000);
});
