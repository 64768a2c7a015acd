/**
 * The entity matcher on the real seed corpus: the table the background would post to content
 * scripts (its size is reported and bounded), the mentions in the seed articles as a reader
 * would count them, and a page full of false friends that must produce none.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type EntityMatch, compileAliasTable, createMatcher, toMatchable } from '../../src/core/matcher';
import { buildCorpusFromPaths } from '../../src/corpus/node';

const { corpus } = buildCorpusFromPaths(['assets/seeds'], 'assets/registry.json');
const table = compileAliasTable(corpus.entities.map(toMatchable));
const matcher = createMatcher(table);
const seed = (id: string) => readFileSync(`assets/seeds/${id}.txt`, 'utf8');

const counts = (ms: readonly EntityMatch[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const m of ms) out[m.entityId] = (out[m.entityId] ?? 0) + 1;
  return out;
};
const forms = (ms: readonly EntityMatch[], id: string): string[] =>
  [...new Set(ms.filter((m) => m.entityId === id).map((m) => m.text))].sort();

describe('the alias table of the seed corpus', () => {
  it('is small: JSON bytes and gzip are reported and bounded', () => {
    const json = JSON.stringify(table);
    const gz = gzipSync(json).length;
    console.info(`alias table for ${table.ids.length} entities: ${json.length} bytes JSON, ${gz} bytes gzip`);
    expect(table.ids).toHaveLength(corpus.entities.length);
    expect(json.length).toBeLessThan(12_000);
    expect(gz).toBeLessThan(4_000);
  });
});

describe('the seed articles (their text dumps, as a page would give them)', () => {
  it('finds every mention in the Swedish article (Dagens PS)', () => {
    const ms = matcher.scan(seed('000_d35634ae92cf12c4'), { lang: 'sv' });
    expect(counts(ms)).toEqual({
      'alexandr-wang': 3,
      amazon: 4,
      anthropic: 1,
      fair: 2,
      'financial-times': 1,
      google: 1,
      'joelle-pineau': 1,
      'llama-4': 1,
      llm: 1,
      'mark-zuckerberg': 3,
      meta: 10,
      openai: 1,
      'scale-ai': 1,
      superintelligence: 1,
      'the-new-york-times': 1,
      'turing-award': 1,
      'world-models': 1,
      'yann-lecun': 5,
    });
    expect(forms(ms, 'meta')).toEqual(['Meta', 'Metas']);
    expect(forms(ms, 'alexandr-wang')).toEqual(['Alexandr Wang', 'Wang', 'Wangs']);
    expect(forms(ms, 'fair')).toEqual(['Fair', 'Fundamental AI Research']);
    expect(forms(ms, 'turing-award')).toEqual(['Turingpriset']);
    expect(forms(ms, 'llm')).toEqual(['stora språkmodeller']);
    expect(forms(ms, 'superintelligence')).toEqual(['superintelligens']);
  });

  it('finds every mention in the English article (News Journos)', () => {
    const ms = matcher.scan(seed('004_b9dd206ab3ce0339'), { lang: 'en' });
    expect(counts(ms)).toEqual({
      agi: 2,
      'alexandr-wang': 2,
      amazon: 1,
      chatgpt: 1,
      google: 4,
      llama: 1,
      llm: 11, // "large language models (LLMs)": the listed plural counts, and so does the acronym
      'mark-zuckerberg': 2,
      meta: 29,
      microsoft: 1,
      openai: 3,
      'scale-ai': 23,
      superintelligence: 7,
      'yann-lecun': 2,
    });
    expect(forms(ms, 'scale-ai')).toEqual(['Scale', 'Scale AI', 'Scale’s']);
    expect(forms(ms, 'meta')).toEqual(['Meta', 'Meta’s']);
    expect(forms(ms, 'mark-zuckerberg')).toEqual(['Mark Zuckerberg', 'Zuckerberg’s']);
    expect(forms(ms, 'yann-lecun')).toEqual(['LeCun’s', 'Yann LeCun']);
  });
});

describe('speed on real news text', () => {
  it('scans 60 KB of the seed articles in a few milliseconds (printed, not asserted: timing belongs to benchmarks)', () => {
    let text = '';
    while (text.length < 60_000) text += `${seed('000_d35634ae92cf12c4')}\n${seed('004_b9dd206ab3ce0339')}\n`;
    const first = matcher.scan(text);
    const runs = Array.from({ length: 11 }, () => {
      const t0 = performance.now();
      matcher.scan(text);
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    console.info(
      `scan ${(text.length / 1000).toFixed(0)} KB of seed text, ${first.length} matches: best ${runs[0]!.toFixed(1)} ms, median ${runs[5]!.toFixed(1)} ms`,
    );
    expect(first.length).toBeGreaterThan(100);
  });
});

describe('false friends on the seed corpus', () => {
  const PAGES: [string, string][] = [
    [
      'en',
      `A visit to the llama farm
Llamas graze on the farm near the Amazon rainforest. A Llama herd lives by the river, and the farmer sells its wool.
Fair trade coffee is popular here. A recent meta-analysis, and a Meta-analysis of 40 studies, found that the farms scale up slowly.
Metaverse fans should Google it. Google it.
Some say we must scale up and stay fair.`,
    ],
    [
      'sv',
      `Ett besök på lamagården
Lamadjur och en Llama betar på gården vid Amazonas. Amazonas regnskog är världens största, och floden Amazon rinner genom djungeln.
Fair trade-kaffe är populärt. En meta-analys visade att gårdarna kan skala upp. Googla det!`,
    ],
  ];
  it.each(PAGES)('finds nothing on a %s page about llamas, the rainforest, meta-analyses and fair trade', (lang, text) => {
    expect(matcher.scan(text, { lang })).toEqual([]);
  });

  it('still finds the real names when the same page also talks about them', () => {
    const text = `${PAGES[0]![1]}\nMeanwhile Meta released Llama as an open AI model, and Scale AI raised money.`;
    expect(matcher.scan(text).map((m) => `${m.entityId}:${m.text}`)).toEqual(['meta:Meta', 'llama:Llama', 'scale-ai:Scale AI']);
  });
});
