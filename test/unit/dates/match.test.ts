import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTemporalExpressions } from '../../../src/core/dates/match';
import type { TemporalMatch } from '../../../src/core/dates/types';

/** One line per match: "text | date | precision | [qualifier | season | span |] kind". */
const line = (m: TemporalMatch): string => [m.text, m.date, m.precision, m.qualifier, m.season, m.span, m.kind].filter(Boolean).join(' | ');
const find = (sentence: string, lang: string, anchor: string): string[] => findTemporalExpressions(sentence, lang, anchor).map(line);

type Case = [sentence: string, expected: string[]];
/** Anchors: the Swedish seed (a Tuesday) and the English seed (a Friday). */
const SV = '2025-11-11';
const EN = '2025-06-13';

const seed = (name: string) => readFileSync(new URL(`../../../assets/seeds/${name}`, import.meta.url), 'utf8');

describe('the seed articles', () => {
  it('finds every temporal expression of the Swedish seed, and nothing else', () => {
    expect(find(seed('000_d35634ae92cf12c4.txt'), 'sv', SV)).toEqual([
      '2025-11-11 | 2025-11-11 | day | absolute',
      'För några veckor sedan | 2025-10-21 | approximate | about | relative',
      'i juli 2024 | 2024-07 | month | absolute',
      'sedan 2013 | 2013 | year | absolute',
      'under året | 2025 | year | relative',
      'I somras | 2025-07 | season | summer | relative',
      'Under året | 2025 | year | relative',
      'i slutet av oktober | 2025-10 | month | late | relative',
    ]);
  });

  it('finds every temporal expression of the English seed, and nothing else', () => {
    expect(find(seed('004_b9dd206ab3ce0339.txt'), 'en', EN)).toEqual([
      'May 16, 2025 | 2025-05-16 | day | absolute',
      'May 5, 2025 | 2025-05-05 | day | absolute',
      'February 27, 2025 | 2025-02-27 | day | absolute',
      'June 3, 2025 | 2025-06-03 | day | absolute',
      'March 28, 2025 | 2025-03-28 | day | absolute',
      'Next Year | 2026 | year | relative',
      // the page's own dateline: July 4 is a Friday in 2025, not in 2024
      'Friday, July 4 | 2025-07-04 | day | relative',
      // glued to the byline by the page's markup
      'June 13, 2025 | 2025-06-13 | day | absolute',
      'in 2022 | 2022 | year | absolute',
      'March 27, 2025 | 2025-03-27 | day | absolute',
      'June 15, 2025 | 2025-06-15 | day | absolute',
      'March 7, 2025 | 2025-03-07 | day | absolute',
      'February 26, 2025 | 2025-02-26 | day | absolute',
      'March 5, 2025 | 2025-03-05 | day | absolute',
    ]);
  });

  it.each<Case>([
    [
      'För några veckor sedan aviserades massuppsägningar – och nu väljer den främsta AI-forskaren själv att gå vidare.',
      ['För några veckor sedan | 2025-10-21 | approximate | about | relative'],
    ],
    [
      'LeCun, som tilldelades Turingpriset för sina banbrytande insatser inom maskininlärning, har lett Metas forskningsavdelning Fair (Fundamental AI Research) sedan 2013.',
      ['sedan 2013 | 2013 | year | absolute'],
    ],
    [
      'I somras rekryterade Zuckerberg Alexandr Wang, grundare av datahanteringsbolaget Scale AI, för att leda en ny enhet.',
      ['I somras | 2025-07 | season | summer | relative'],
    ],
    [
      'Efter besked om ökade AI-investeringar föll Metas aktie kraftigt i slutet av oktober, vilket raderade närmare 240 miljarder dollar i börsvärde.',
      ['i slutet av oktober | 2025-10 | month | late | relative'],
    ],
    [
      'De första skadliga filerna upptäcktes i juli 2024 – nio månader innan Samsung stängde hålet.',
      ['i juli 2024 | 2024-07 | month | absolute'],
    ],
    [
      'Under året har flera ledande forskare lämnat, bland dem Joelle Pineau, och omkring 600 anställda i AI-enheten har fått gå.',
      ['Under året | 2025 | year | relative'],
    ],
    ['Meta betalade motsvarande 14,3 miljarder dollar för nästan hälften av Wangs bolag.', []],
    ['Ett avancerat spionprogram kunde infiltrera Samsungs populäraste företagsmobiler under nästan ett år.', []],
    ['Drabbade modeller inkluderar Galaxy S22, S23, S24 …', []],
    ['I kommande iPhone 17 ska satellittekniken lyfta till helt nya nivåer.', []],
    ['efter att företagets senaste modell Llama 4 fått svalt mottagande', []],
    ['Tekniken bedöms ligga minst ett decennium bort från kommersiell tillämpning.', []],
    ['Sedan dess har LeCun rapporterat direkt till Wang.', []],
    ['Appen finns tillgänglig i 14 länder. Skandalen kostade 100 miljoner kronor.', []],
  ])('sv seed sentence %#: %s', (sentence, expected) => {
    expect(find(sentence, 'sv', SV)).toEqual(expected);
  });

  it.each<Case>([
    [
      'Zuckerberg is repositioning the company, especially after the explosive rise of AI tools like ChatGPT in 2022 that have reshaped the landscape.',
      ['in 2022 | 2022 | year | absolute'],
    ],
    ['Meta said on Friday that it would invest in Scale.', ['on Friday | 2025-06-13 | day | relative']],
    ['Meta lost ground to OpenAI last year.', ['last year | 2024 | year | relative']],
    ['Earlier this month, Meta invested in Scale.', ['Earlier this month | 2025-06 | month | relative']],
    ['Meta has announced a substantial investment of $14.3 billion in the artificial intelligence company Scale.', []],
    ['News EditorBy News EditorJune 13, 2025 Europe News 6 Mins Read', ['June 13, 2025 | 2025-06-13 | day | absolute']],
    ['iPhone Sales in China Rise for First Time in Two Years', []],
    ['PKK Convict Released After 33 Years as Peace Process Reinitiated', []],
    ['Congressional Analysis Reveals Rising Prices for Fourth of July Barbeques', []],
    ['Staffing Cuts at National Parks Raise Safety Concerns for Summer Visitors', []],
    ['Trump Administration Proposes 10,000 Job Cuts in Federal Health Agencies', []],
    ['IPO Market Revitalized as Circle’s 500% Surge Signals End of VC Drought', []],
    ['© 2025 The News Journos. Designed by The News Journos.', []],
    ['He argues that while LLMs may excel in certain tasks, they lack memory.', []],
    ['Shaping the future of artificial intelligence for years to come.', []],
  ])('en seed sentence %#: %s', (sentence, expected) => {
    expect(find(sentence, 'en', EN)).toEqual(expected);
  });
});

describe('full dates', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'Beslutet togs den 11 november 2025.', ['den 11 november 2025 | 2025-11-11 | day | absolute']],
    ['sv', SV, 'Mötet hölls 3 nov. 2024 i Stockholm.', ['3 nov. 2024 | 2024-11-03 | day | absolute']],
    ['sv', SV, 'Måndagen den 10 november 2025 kom beskedet.', ['Måndagen den 10 november 2025 | 2025-11-10 | day | absolute']],
    ['sv', SV, 'Det hände den 1:a maj 2020.', ['den 1:a maj 2020 | 2020-05-01 | day | absolute']],
    ['sv', SV, 'Publicerad 2025-11-11 kl. 10.30.', ['2025-11-11 | 2025-11-11 | day | absolute']],
    ['en', EN, 'The deal closed on June 13, 2025.', ['on June 13, 2025 | 2025-06-13 | day | absolute']],
    ['en', EN, 'It was filed Nov. 11 2024 in Delaware.', ['Nov. 11 2024 | 2024-11-11 | day | absolute']],
    ['en', EN, 'He was born on 5 May 1990.', ['on 5 May 1990 | 1990-05-05 | day | absolute']],
    ['en', EN, 'It ended on the 13th of June 2024.', ['on the 13th of June 2024 | 2024-06-13 | day | absolute']],
    ['en', EN, 'Updated 2025-06-13T10:00Z.', ['2025-06-13 | 2025-06-13 | day | absolute']],
    ['de', SV, 'Am 11. November 2025 wurde es bekannt.', ['Am 11. November 2025 | 2025-11-11 | day | absolute']],
    ['de', SV, 'Freitag, 4. Juli 2025, Berlin', ['Freitag, 4. Juli 2025 | 2025-07-04 | day | absolute']],
    ['de', SV, 'Stand: 11.11.2025', ['11.11.2025 | 2025-11-11 | day | absolute']],
  ])('%s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    // day and month equal, or one of them over 12: unambiguous in any language
    ['en', 'on 11/11/2025', ['on 11/11/2025 | 2025-11-11 | day | absolute']],
    ['en', 'on 13/06/2025', ['on 13/06/2025 | 2025-06-13 | day | absolute']],
    ['en', 'on 06/13/2025', ['on 06/13/2025 | 2025-06-13 | day | absolute']],
    // 03/04/2025 is 3 April in Europe and March 4 in the US: not a date in English
    ['en', 'on 03/04/2025', []],
    // Swedish and German write the day first
    ['sv', 'den 03/04/2025', ['03/04/2025 | 2025-04-03 | day | absolute']],
    ['de', 'am 03.04.2025', ['am 03.04.2025 | 2025-04-03 | day | absolute']],
    ['sv', 'Avtalet gäller från den 3/6.', ['från den 3/6 | 2025-06-03 | day | relative']],
  ])('%s numeric: %s', (lang, sentence, expected) => {
    expect(find(sentence, lang, EN)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['sv', 'den 29 februari 2024', ['den 29 februari 2024 | 2024-02-29 | day | absolute']],
    // 2023 has no 29 February: only the month is a date
    ['sv', 'den 29 februari 2023', ['februari 2023 | 2023-02 | month | absolute']],
    ['en', 'on February 29, 2023', []],
    ['sv', '2025-02-29, 2025-13-01, 2025-02-30', []],
    ['sv', '31 april 2025', ['april 2025 | 2025-04 | month | absolute']],
  ])('%s impossible days: %s', (lang, sentence, expected) => {
    expect(find(sentence, lang, SV)).toEqual(expected);
  });

  it.each<[string, string, string, string[]]>([
    // same month as the anchor: the anchor's year, also after the anchor's day
    ['sv', SV, 'den 14 november', ['den 14 november | 2025-11-14 | day | relative']],
    // a later month: the previous year
    ['sv', SV, 'den 14 december', ['den 14 december | 2024-12-14 | day | relative']],
    ['en', EN, 'Sept. 3', ['Sept. 3 | 2024-09-03 | day | relative']],
    // a weekday decides the year: 4 July is a Friday in 2025, a Thursday in 2024
    ['en', EN, 'Friday, July 4', ['Friday, July 4 | 2025-07-04 | day | relative']],
    ['en', EN, 'Thursday, July 4', ['Thursday, July 4 | 2024-07-04 | day | relative']],
    ['de', SV, 'am 4. Juli', ['am 4. Juli | 2025-07-04 | day | relative']],
    // 29 February without a year: the most recent leap year
    ['sv', '2025-03-01', 'den 29 februari', ['den 29 februari | 2024-02-29 | day | relative']],
    ['sv', '2024-03-01', 'den 29 februari', ['den 29 februari | 2024-02-29 | day | relative']],
  ])('%s yearless day, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('months', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'Filerna upptäcktes i juli 2024.', ['i juli 2024 | 2024-07 | month | absolute']],
    ['en', SV, 'The files were found in July 2024.', ['in July 2024 | 2024-07 | month | absolute']],
    ['en', SV, 'It launched in July of 2024.', ['in July of 2024 | 2024-07 | month | absolute']],
    ['en', SV, 'Sales fell in Jan 2025.', ['in Jan 2025 | 2025-01 | month | absolute']],
    ['de', SV, 'Die Dateien wurden im Juli 2024 entdeckt.', ['im Juli 2024 | 2024-07 | month | absolute']],
    // bare months, past bias: an earlier month of the anchor's year, a later one of the year before
    ['sv', SV, 'Aktien föll i oktober.', ['i oktober | 2025-10 | month | relative']],
    ['sv', SV, 'Aktien föll i november.', ['i november | 2025-11 | month | relative']],
    ['sv', SV, 'Aktien föll i december.', ['i december | 2024-12 | month | relative']],
    ['sv', '2025-01-15', 'I december sjönk aktien.', ['I december | 2024-12 | month | relative']],
    ['en', EN, 'Shares fell in May and rose in July.', ['in May | 2025-05 | month | relative', 'in July | 2024-07 | month | relative']],
    ['de', SV, 'Im März stieg der Kurs.', ['Im März | 2025-03 | month | relative']],
    // ... unless a future marker governs the date in its own clause: then the coming one
    ['en', SV, 'The tariffs will start in December.', ['in December | 2025-12 | month | relative']],
    ['en', SV, 'The next round of tariffs is due to start in mid-December.', ['in mid-December | 2025-12 | month | mid | relative']],
    ['en', SV, 'The vote is set for January 15.', ['for January 15 | 2026-01-15 | day | relative']],
    ['en', SV, 'The vote is set for November 20.', ['for November 20 | 2025-11-20 | day | relative']],
    ['sv', SV, 'Tullarna ska börja gälla i december.', ['i december | 2025-12 | month | relative']],
    ['de', SV, 'Die Zölle sollen im Dezember beginnen.', ['im Dezember | 2025-12 | month | relative']],
    // a marker in another clause, or far from the date, does not: news mixes tenses
    ['en', SV, 'The company will review the rules it adopted in December.', ['in December | 2024-12 | month | relative']],
    ['en', SV, 'It will grow, the firm said in December.', ['in December | 2024-12 | month | relative']],
    ['en', SV, 'The tariffs started in December.', ['in December | 2024-12 | month | relative']],
    ['en', SV, 'The pool will reopen in the summer.', ['in the summer | 2026-07 | season | summer | relative']],
    ['en', SV, 'The pool reopened in the summer.', ['in the summer | 2025-07 | season | summer | relative']],
    ['de', SV, 'Das Bad soll im Sommer wieder öffnen.', ['im Sommer | 2026-07 | season | summer | relative']],
    // months with a relative year or a determiner
    ['sv', SV, 'i oktober förra året', ['i oktober förra året | 2024-10 | month | relative']],
    ['sv', SV, 'i mars i fjol och i maj i år', ['i mars i fjol | 2024-03 | month | relative', 'i maj i år | 2025-05 | month | relative']],
    ['en', SV, 'in October last year', ['in October last year | 2024-10 | month | relative']],
    ['en', SV, 'last October', ['last October | 2025-10 | month | relative']],
    ['en', '2025-10-20', 'last October', ['last October | 2024-10 | month | relative']],
    ['en', SV, 'next March', ['next March | 2026-03 | month | relative']],
    ['en', SV, 'next November', ['next November | 2026-11 | month | relative']],
    ['en', SV, 'next December', ['next December | 2025-12 | month | relative']],
    ['de', SV, 'im Oktober letzten Jahres', ['im Oktober letzten Jahres | 2024-10 | month | relative']],
    ['de', SV, 'im vergangenen Oktober', ['im vergangenen Oktober | 2025-10 | month | relative']],
    // a list of months: the later ones are licensed by the first
    ['sv', SV, 'i juni och juli', ['i juni | 2025-06 | month | relative', 'juli | 2025-07 | month | relative']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['en', 'Theresa May said the deal was done.'],
    ['en', 'Prices may fall. May I ask?'],
    ['en', 'It was in May’s speech.'],
    ['en', 'a painting by August Macke'],
    ['en', 'The rover reached Mars.'],
    ['en', 'Protesters March on the Capitol.'],
    ['sv', 'Sonden landade på Mars.'],
    ['sv', 'Sonden når Mars 2026.'],
    ['sv', 'Inför jul 2024 var det lugnt.'],
    ['sv', 'oktober var en bra månad'],
    ['de', 'August Müller sagte das.'],
  ])('%s: no month in %j', (lang, sentence) => {
    expect(find(sentence, lang, EN)).toEqual([]);
  });

  it('keeps "mars" as March in Swedish, also capitalised at the start of a sentence', () => {
    expect(find('I mars landade den på Mars.', 'sv', EN)).toEqual(['I mars | 2025-03 | month | relative']);
    expect(find('Mars 2024 var kall.', 'sv', EN)).toEqual(['Mars 2024 | 2024-03 | month | absolute']);
  });
});

describe('years', () => {
  it.each<[string, string, string[]]>([
    ['sv', 'Han har lett Fair sedan 2013.', ['sedan 2013 | 2013 | year | absolute']],
    ['sv', 'Det hände år 2022.', ['år 2022 | 2022 | year | absolute']],
    ['sv', 'Redan 2013 började det.', ['2013 | 2013 | year | absolute']],
    ['sv', '2024 var ett rekordår.', ['2024 | 2024 | year | absolute']],
    ['sv', 'Enligt 2025 års budget.', ['2025 | 2025 | year | absolute']],
    ['sv', 'Filmen Inception (2010) gick bra.', ['2010 | 2010 | year | absolute']],
    ['sv', 'mellan 2019 och 2022', ['mellan 2019 | 2019 | year | absolute', '2022 | 2022 | year | absolute']],
    ['sv', 'under perioden 2019–2022', ['2019 | 2019 | year | absolute', '2022 | 2022 | year | absolute']],
    ['en', 'ChatGPT rose in 2022.', ['in 2022 | 2022 | year | absolute']],
    ['en', 'Since 2013, he has led Fair.', ['Since 2013 | 2013 | year | absolute']],
    ['en', 'It happened in the year 2000.', ['in the year 2000 | 2000 | year | absolute']],
    ['en', "2022's biggest story", ['2022 | 2022 | year | absolute']],
    ['en', 'In 2000, the bubble burst.', ['In 2000 | 2000 | year | absolute']],
    ['en', 'In 2000 the bubble burst.', ['In 2000 | 2000 | year | absolute']],
    ['en', 'from 2019 to 2022', ['from 2019 | 2019 | year | absolute', '2022 | 2022 | year | absolute']],
    ['de', 'Er leitet Fair seit 2013.', ['seit 2013 | 2013 | year | absolute']],
    ['de', 'im Jahr 2022', ['im Jahr 2022 | 2022 | year | absolute']],
    // hedges make a year approximate
    ['sv', 'omkring 2015', ['omkring 2015 | 2015 | approximate | about | absolute']],
    ['en', 'around 2015', ['around 2015 | 2015 | approximate | about | absolute']],
    ['de', 'um 2015', ['um 2015 | 2015 | approximate | about | absolute']],
  ])('%s: %s', (lang, sentence, expected) => {
    expect(find(sentence, lang, SV)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['sv', 'omkring 600 anställda och 14,3 miljarder dollar'],
    ['sv', 'närmare 240 miljarder dollar i börsvärde'],
    ['sv', 'i 2000 butiker'],
    // a round number before a noun is a count, also when the noun is not a known unit
    ['sv', 'i 2000 kommuner'],
    ['en', 'in 2000 schools'],
    ['de', 'in 2000 Wohnungen'],
    ['sv', 'runt 2000 anställda fick gå'],
    ['sv', 'sidan 2013 och 2013 sidor'],
    ['sv', 'kl. 10:30 och 20.30'],
    ['sv', 'Galaxy S22, S23, S24 och iPhone 17'],
    ['sv', 'en 2020-modell och 2048-bitars nycklar'],
    ['en', '$14.3 billion and €2025'],
    ['en', 'in 1500 stores'],
    ['en', 'about 2000 people'],
    ['en', 'by 2048-bit keys'],
    ['en', '6 Mins Read, 7 Mins Read'],
    ['en', 'version 2.2013 and 1,2013 and 2013%'],
    ['en', 'Windows 2000 and the 2000s and the 1900s'],
    ['en', 'Llama 4, Galaxy S22, iPhone 17'],
    ['en', 'at 10:30 on page 2013'],
    ['de', 'rund 2000 Mitarbeiter'],
  ])('%s: no year in %j', (lang, sentence) => {
    expect(find(sentence, lang, SV)).toEqual([]);
  });
});

describe('seasons', () => {
  it.each<[string, string, string, string[]]>([
    // "i somras": the most recent summer that has ended
    ['sv', SV, 'I somras rekryterade Zuckerberg Wang.', ['I somras | 2025-07 | season | summer | relative']],
    ['sv', '2025-09-01', 'i somras', ['i somras | 2025-07 | season | summer | relative']],
    ['sv', '2025-08-20', 'i somras', ['i somras | 2024-07 | season | summer | relative']],
    ['sv', SV, 'i våras', ['i våras | 2025-04 | season | spring | relative']],
    ['sv', SV, 'i höstas', ['i höstas | 2024-10 | season | autumn | relative']],
    ['sv', '2026-01-10', 'i höstas', ['i höstas | 2025-10 | season | autumn | relative']],
    ['sv', SV, 'i vintras', ['i vintras | 2025-01 | season | winter | relative']],
    ['sv', '2025-01-10', 'i vintras', ['i vintras | 2024-01 | season | winter | relative']],
    // "i sommar": the current or the next one
    ['sv', SV, 'i sommar', ['i sommar | 2026-07 | season | summer | relative']],
    ['sv', '2025-07-10', 'i sommar', ['i sommar | 2025-07 | season | summer | relative']],
    ['sv', '2025-08-31', 'i sommar', ['i sommar | 2025-07 | season | summer | relative']],
    ['sv', SV, 'i vinter', ['i vinter | 2026-01 | season | winter | relative']],
    ['sv', SV, 'Det sker i vår.', ['i vår | 2026-04 | season | spring | relative']],
    ['sv', SV, 'I vår rapport syns det inte.', []],
    // definite forms
    ['sv', SV, 'sommaren 2024', ['sommaren 2024 | 2024-07 | season | summer | absolute']],
    ['sv', SV, 'i slutet av sommaren 2024', ['i slutet av sommaren 2024 | 2024-07 | season | late | summer | absolute']],
    ['sv', SV, 'sensommaren 2024', ['sensommaren 2024 | 2024-07 | season | late | summer | absolute']],
    ['sv', SV, 'vintern 2024/25', ['vintern 2024/25 | 2025-01 | season | winter | absolute']],
    ['sv', SV, 'vintern 2024', ['vintern 2024 | 2024-01 | season | winter | absolute']],
    ['sv', SV, 'hösten i fjol', ['hösten i fjol | 2024-10 | season | autumn | relative']],
    ['sv', SV, 'under hösten', ['under hösten | 2025-10 | season | autumn | relative']],
    // a season that began in the anchor's month has begun
    ['sv', '2025-06-01', 'under sommaren', ['under sommaren | 2025-07 | season | summer | relative']],
    ['sv', '2025-05-31', 'under sommaren', ['under sommaren | 2024-07 | season | summer | relative']],
    [
      'sv',
      SV,
      'förra sommaren och nästa vår',
      ['förra sommaren | 2025-07 | season | summer | relative', 'nästa vår | 2026-04 | season | spring | relative'],
    ],
    ['sv', SV, 'Hösten har varit mild.', []],
    // English
    ['en', SV, 'this summer', ['this summer | 2025-07 | season | summer | relative']],
    ['en', SV, 'this winter', ['this winter | 2026-01 | season | winter | relative']],
    ['en', '2025-01-20', 'this winter', ['this winter | 2025-01 | season | winter | relative']],
    ['en', SV, 'last autumn', ['last autumn | 2024-10 | season | autumn | relative']],
    ['en', SV, 'last fall', ['last fall | 2024-10 | season | autumn | relative']],
    ['en', '2025-12-01', 'last autumn', ['last autumn | 2025-10 | season | autumn | relative']],
    ['en', SV, 'next spring', ['next spring | 2026-04 | season | spring | relative']],
    ['en', '2025-02-28', 'next spring', ['next spring | 2025-04 | season | spring | relative']],
    ['en', '2025-03-01', 'next spring', ['next spring | 2026-04 | season | spring | relative']],
    ['en', SV, 'in the spring of 2024', ['in the spring of 2024 | 2024-04 | season | spring | absolute']],
    ['en', SV, 'winter 2024-25', ['winter 2024-25 | 2025-01 | season | winter | absolute']],
    ['en', SV, 'during the summer', ['during the summer | 2025-07 | season | summer | relative']],
    ['en', SV, 'in late summer', ['in late summer | 2025-07 | season | late | summer | relative']],
    ['en', SV, 'Prices fall in the fall.', []],
    ['en', SV, 'the Summer Visitors and spring collection', []],
    // German
    ['de', SV, 'im Sommer 2024', ['im Sommer 2024 | 2024-07 | season | summer | absolute']],
    ['de', SV, 'im Spätsommer 2024', ['im Spätsommer 2024 | 2024-07 | season | late | summer | absolute']],
    ['de', SV, 'im Frühjahr', ['im Frühjahr | 2025-04 | season | spring | relative']],
    ['de', SV, 'im vergangenen Sommer', ['im vergangenen Sommer | 2025-07 | season | summer | relative']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('days, weekdays and weeks relative to the anchor', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'i går', ['i går | 2025-11-10 | day | relative']],
    ['sv', SV, 'Igår kväll', ['Igår kväll | 2025-11-10 | day | relative']],
    ['sv', SV, 'I dag och idag', ['I dag | 2025-11-11 | day | relative', 'idag | 2025-11-11 | day | relative']],
    [
      'sv',
      SV,
      'i förrgår, i morgon, i övermorgon',
      ['i förrgår | 2025-11-09 | day | relative', 'i morgon | 2025-11-12 | day | relative', 'i övermorgon | 2025-11-13 | day | relative'],
    ],
    ['sv', SV, 'i dagarna och i dags dato', []],
    ['sv', '2024-03-01', 'i går', ['i går | 2024-02-29 | day | relative']],
    ['sv', '2023-03-01', 'i går', ['i går | 2023-02-28 | day | relative']],
    ['sv', '2025-01-01', 'i går', ['i går | 2024-12-31 | day | relative']],
    // Swedish weekdays: "i fredags" is past, "på fredag" is future, "under fredagen" is the most recent
    ['sv', SV, 'i fredags', ['i fredags | 2025-11-07 | day | relative']],
    ['sv', SV, 'på fredag', ['på fredag | 2025-11-14 | day | relative']],
    ['sv', SV, 'under måndagen', ['under måndagen | 2025-11-10 | day | relative']],
    ['sv', SV, 'i tisdags', ['i tisdags | 2025-11-04 | day | relative']],
    ['sv', SV, 'på tisdag', ['på tisdag | 2025-11-18 | day | relative']],
    ['sv', '2025-11-28', 'på måndag', ['på måndag | 2025-12-01 | day | relative']],
    // English: "on Friday" is the most recent Friday on or before the anchor (a Friday here)
    ['en', EN, 'on Friday', ['on Friday | 2025-06-13 | day | relative']],
    ['en', SV, 'on Friday', ['on Friday | 2025-11-07 | day | relative']],
    ['en', EN, 'last Friday', ['last Friday | 2025-06-06 | day | relative']],
    ['en', EN, 'next Friday', ['next Friday | 2025-06-20 | day | relative']],
    ['en', SV, 'this Friday', ['this Friday | 2025-11-14 | day | relative']],
    ['en', SV, 'The company said Monday that it agreed.', ['Monday | 2025-11-10 | day | relative']],
    ['en', SV, 'Wednesday morning', ['Wednesday morning | 2025-11-05 | day | relative']],
    ['en', SV, 'Black Friday sales and Good Friday', []],
    ['en', SV, 'Friday is a good day.', []],
    [
      'en',
      SV,
      'yesterday, today, tomorrow',
      ['yesterday | 2025-11-10 | day | relative', 'today | 2025-11-11 | day | relative', 'tomorrow | 2025-11-12 | day | relative'],
    ],
    ['en', SV, "the day before yesterday; today's world", ['the day before yesterday | 2025-11-09 | day | relative']],
    ['de', SV, 'am Freitag', ['am Freitag | 2025-11-07 | day | relative']],
    ['de', SV, 'letzten Dienstag', ['letzten Dienstag | 2025-11-04 | day | relative']],
    ['de', SV, 'am Freitagabend', ['am Freitagabend | 2025-11-07 | day | relative']],
    ['de', SV, 'heute Morgen und morgen', ['heute Morgen | 2025-11-11 | day | relative', 'morgen | 2025-11-12 | day | relative']],
    ['de', SV, 'gestern und vorgestern, am Morgen', ['gestern | 2025-11-10 | day | relative', 'vorgestern | 2025-11-09 | day | relative']],
    // weekends are dated by their Saturday; "i helgen" on a Tuesday is the one just past
    ['sv', SV, 'i helgen', ['i helgen | 2025-11-08 | approximate | about | relative']],
    ['sv', '2025-11-13', 'i helgen', ['i helgen | 2025-11-15 | approximate | about | relative']],
    ['en', SV, 'over the weekend', ['over the weekend | 2025-11-08 | approximate | about | relative']],
    ['en', SV, 'next weekend', ['next weekend | 2025-11-15 | approximate | about | relative']],
    // weeks are dated by their Thursday
    ['sv', SV, 'förra veckan', ['förra veckan | 2025-11-06 | approximate | week | relative']],
    ['sv', SV, 'i veckan', ['i veckan | 2025-11-13 | approximate | week | relative']],
    ['sv', SV, 'i slutet av förra veckan', ['i slutet av förra veckan | 2025-11-06 | approximate | late | week | relative']],
    ['en', SV, 'earlier this week', ['earlier this week | 2025-11-13 | approximate | week | relative']],
    ['en', '2025-01-01', 'last week', ['last week | 2024-12-26 | approximate | week | relative']],
    ['de', SV, 'letzte Woche', ['letzte Woche | 2025-11-06 | approximate | week | relative']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('months and years relative to the anchor', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'förra månaden', ['förra månaden | 2025-10 | month | relative']],
    ['sv', '2025-01-05', 'förra månaden', ['förra månaden | 2024-12 | month | relative']],
    ['sv', SV, 'nästa månad', ['nästa månad | 2025-12 | month | relative']],
    ['sv', SV, 'tidigare i månaden', ['tidigare i månaden | 2025-11 | month | relative']],
    ['sv', SV, 'tre gånger i månaden', []],
    ['sv', SV, 'i början av månaden', ['i början av månaden | 2025-11 | month | early | relative']],
    [
      'sv',
      SV,
      'i år, i fjol, förra året, nästa år',
      [
        'i år | 2025 | year | relative',
        'i fjol | 2024 | year | relative',
        'förra året | 2024 | year | relative',
        'nästa år | 2026 | year | relative',
      ],
    ],
    ['sv', SV, 'i åratal', []],
    ['sv', SV, 'i början av året', ['i början av året | 2025 | year | early | relative']],
    ['sv', SV, 'sedan början av året', ['sedan början av året | 2025 | year | early | relative']],
    ['sv', SV, 'i slutet av förra året', ['i slutet av förra året | 2024 | year | late | relative']],
    ['sv', SV, 'tidigare i år', ['tidigare i år | 2025 | year | relative']],
    ['sv', SV, 'Året var bra.', []],
    ['en', EN, 'last month', ['last month | 2025-05 | month | relative']],
    ['en', '2024-01-31', 'last month', ['last month | 2023-12 | month | relative']],
    ['en', '2024-12-31', 'next month', ['next month | 2025-01 | month | relative']],
    ['en', EN, 'Earlier this month', ['Earlier this month | 2025-06 | month | relative']],
    ['en', EN, 'at the end of the month', ['at the end of the month | 2025-06 | month | late | relative']],
    ['en', EN, 'this year and next year', ['this year | 2025 | year | relative', 'next year | 2026 | year | relative']],
    ['en', EN, 'at the end of last year', ['at the end of last year | 2024 | year | late | relative']],
    ['en', EN, 'early next year', ['early next year | 2026 | year | early | relative']],
    ['en', EN, 'earlier in the year', ['earlier in the year | 2025 | year | relative']],
    // durations, not dates
    ['en', EN, 'over the last year, in the next month, for years to come', []],
    [
      'de',
      SV,
      'im vergangenen Jahr, in diesem Jahr, im Vorjahr',
      ['im vergangenen Jahr | 2024 | year | relative', 'in diesem Jahr | 2025 | year | relative', 'im Vorjahr | 2024 | year | relative'],
    ],
    [
      'de',
      SV,
      'Ende letzten Jahres, Anfang des Jahres',
      ['Ende letzten Jahres | 2024 | year | late | relative', 'Anfang des Jahres | 2025 | year | early | relative'],
    ],
    ['de', SV, 'Mitte des Monats', ['Mitte des Monats | 2025-11 | month | mid | relative']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('time ago', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'för några veckor sedan', ['för några veckor sedan | 2025-10-21 | approximate | about | relative']],
    ['sv', SV, 'för tre veckor sedan', ['för tre veckor sedan | 2025-10-21 | approximate | about | relative']],
    ['sv', SV, 'för två dagar sedan', ['för två dagar sedan | 2025-11-09 | day | relative']],
    ['sv', SV, 'för tre månader sedan', ['för tre månader sedan | 2025-08 | month | relative']],
    ['sv', '2025-02-15', 'för tre månader sedan', ['för tre månader sedan | 2024-11 | month | relative']],
    ['sv', SV, 'för ett år sedan', ['för ett år sedan | 2024 | year | relative']],
    ['sv', SV, 'för drygt ett år sedan', ['för drygt ett år sedan | 2024 | approximate | about | relative']],
    ['sv', SV, 'för 12 år sedan', ['för 12 år sedan | 2013 | year | relative']],
    ['sv', SV, 'för flera år sedan', []],
    ['sv', SV, 'nio månader innan Samsung stängde hålet', []],
    ['en', EN, 'two years ago', ['two years ago | 2023 | year | relative']],
    ['en', EN, 'a year ago', ['a year ago | 2024 | year | relative']],
    ['en', EN, '3 days ago', ['3 days ago | 2025-06-10 | day | relative']],
    ['en', EN, 'a few weeks ago', ['a few weeks ago | 2025-05-23 | approximate | about | relative']],
    ['en', EN, 'a couple of months ago', ['a couple of months ago | 2025-04 | approximate | about | relative']],
    ['en', EN, 'nearly two decades ago', ['nearly two decades ago | 2005 | approximate | about | relative']],
    ['en', EN, 'several years ago; in two years; after 33 years', []],
    ['de', SV, 'vor drei Wochen', ['vor drei Wochen | 2025-10-21 | approximate | about | relative']],
    ['de', SV, 'vor einem Jahr', ['vor einem Jahr | 2024 | year | relative']],
    ['de', SV, 'vor knapp zwei Jahren', ['vor knapp zwei Jahren | 2023 | approximate | about | relative']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('modifiers', () => {
  it.each<[string, string, string[]]>([
    ['sv', 'i slutet av oktober 2024', ['i slutet av oktober 2024 | 2024-10 | month | late | absolute']],
    ['sv', 'i början av november', ['i början av november | 2025-11 | month | early | relative']],
    ['sv', 'i mitten av juni', ['i mitten av juni | 2025-06 | month | mid | relative']],
    ['sv', 'i början av 2023', ['i början av 2023 | 2023 | year | early | absolute']],
    ['sv', 'mot slutet av sommaren', ['mot slutet av sommaren | 2025-07 | season | late | summer | relative']],
    ['sv', 'sent i höstas', ['sent i höstas | 2024-10 | season | late | autumn | relative']],
    ['en', 'in early October', ['in early October | 2025-10 | month | early | relative']],
    ['en', 'mid-October', ['mid-October | 2025-10 | month | mid | relative']],
    ['en', 'in late 2023', ['in late 2023 | 2023 | year | late | absolute']],
    ['en', 'in mid-2024', ['in mid-2024 | 2024 | year | mid | absolute']],
    ['en', 'by the end of 2024', ['by the end of 2024 | 2024 | year | late | absolute']],
    ['en', 'by the end of the year 2022', ['by the end of the year 2022 | 2022 | year | late | absolute']],
    ['sv', 'i slutet av år 2022', ['i slutet av år 2022 | 2022 | year | late | absolute']],
    ['en', 'at the start of the year', ['at the start of the year | 2025 | year | early | relative']],
    ['en', 'late last year', ['late last year | 2024 | year | late | relative']],
    ['de', 'Ende Oktober 2024', ['Ende Oktober 2024 | 2024-10 | month | late | absolute']],
    ['de', 'Anfang 2024', ['Anfang 2024 | 2024 | year | early | absolute']],
    // a modifier that does not fit a day is left out
    ['en', 'late yesterday', ['yesterday | 2025-11-10 | day | relative']],
  ])('%s: %s', (lang, sentence, expected) => {
    expect(find(sentence, lang, SV)).toEqual(expected);
  });
});

describe('quarters and decades', () => {
  it.each<[string, string, string, string[]]>([
    ['sv', SV, 'under tredje kvartalet', ['under tredje kvartalet | 2025-08 | approximate | quarter | relative']],
    // the anchor's own quarter is this year's; a later one last year's
    ['sv', SV, 'fjärde kvartalet', ['fjärde kvartalet | 2025-11 | approximate | quarter | relative']],
    ['sv', '2025-05-02', 'fjärde kvartalet', ['fjärde kvartalet | 2024-11 | approximate | quarter | relative']],
    ['sv', SV, 'andra kvartalet 2024', ['andra kvartalet 2024 | 2024-05 | approximate | quarter | absolute']],
    ['sv', SV, 'första kvartalet i år', ['första kvartalet i år | 2025-02 | approximate | quarter | relative']],
    ['en', SV, 'Q3 2025', ['Q3 2025 | 2025-08 | approximate | quarter | absolute']],
    ['en', EN, 'in Q4', ['in Q4 | 2024-11 | approximate | quarter | relative']],
    ['en', SV, 'the third quarter of 2024', ['the third quarter of 2024 | 2024-08 | approximate | quarter | absolute']],
    ['en', SV, 'the fourth quarter of last year', ['the fourth quarter of last year | 2024-11 | approximate | quarter | relative']],
    // sport as often as business, and a car
    ['en', SV, 'in the fourth quarter; the Audi Q3', []],
    ['de', SV, 'im dritten Quartal 2024', ['im dritten Quartal 2024 | 2024-08 | approximate | quarter | absolute']],
    ['sv', SV, 'på 1990-talet', ['på 1990-talet | 1995 | approximate | decade | absolute']],
    ['sv', SV, 'i början av 2010-talet', ['i början av 2010-talet | 2012 | approximate | early | decade | absolute']],
    [
      'sv',
      SV,
      'på 90-talet och 20-talet',
      ['på 90-talet | 1995 | approximate | decade | relative', '20-talet | 2025 | approximate | decade | relative'],
    ],
    ['sv', SV, '1900-talet och 2000-talet', []],
    ['en', SV, 'in the 1990s', ['in the 1990s | 1995 | approximate | decade | absolute']],
    ['en', SV, "the late '80s", ["the late '80s | 1988 | approximate | late | decade | relative"]],
    ['en', SV, 'the mid-1990s', ['the mid-1990s | 1995 | approximate | mid | decade | absolute']],
    ['en', SV, 'in her 90s', []],
    ['de', SV, 'in den 1990er-Jahren', ['in den 1990er-Jahren | 1995 | approximate | decade | absolute']],
    ['de', SV, 'Mitte der 1990er-Jahre', ['Mitte der 1990er-Jahre | 1995 | approximate | mid | decade | absolute']],
  ])('%s, anchor %s: %s', (lang, anchor, sentence, expected) => {
    expect(find(sentence, lang, anchor)).toEqual(expected);
  });
});

describe('findTemporalExpressions', () => {
  it('keeps the longest of overlapping expressions and sorts by start', () => {
    const s = 'Sedan 2013, i oktober förra året och i slutet av oktober 2024 hände det.';
    expect(find(s, 'sv', SV)).toEqual([
      'Sedan 2013 | 2013 | year | absolute',
      'i oktober förra året | 2024-10 | month | relative',
      'i slutet av oktober 2024 | 2024-10 | month | late | absolute',
    ]);
  });

  it('prefers the longer expression also when a shorter one starts earlier', () => {
    expect(find('Meta announced last Friday, June 6, 2025, that it would invest.', 'en', EN)).toEqual([
      'Friday, June 6, 2025 | 2025-06-06 | day | absolute',
    ]);
  });

  it('gives offsets into the sentence', () => {
    const s = 'Meta – som i somras köpte Scale – föll i slutet av oktober.';
    const found = findTemporalExpressions(s, 'sv', SV);
    expect(found.map((m) => [m.start, m.end])).toEqual([
      [11, 19],
      [39, 58],
    ]);
    for (const m of found) expect(s.slice(m.start, m.end)).toBe(m.text);
  });

  it('accepts language tags with a region and resolves only neutral forms in other languages', () => {
    expect(find('i fjol', 'sv-SE', SV)).toEqual(['i fjol | 2024 | year | relative']);
    expect(find('last year', 'en-GB', SV)).toEqual(['last year | 2024 | year | relative']);
    expect(find("l'an dernier, en 2022, le 2025-11-11, Q3 2025, 2019–2022, 13/06/2025", 'fr', SV)).toEqual([
      '2025-11-11 | 2025-11-11 | day | absolute',
      'Q3 2025 | 2025-08 | approximate | quarter | absolute',
      '2019 | 2019 | year | absolute',
      '2022 | 2022 | year | absolute',
      '13/06/2025 | 2025-06-13 | day | absolute',
    ]);
    expect(find('last year', 'fr', SV)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(findTemporalExpressions('', 'sv', SV)).toEqual([]);
  });

  it.each(['2025-02-30', '11/11/2025', '2025-11-11T00:00', ''])('rejects the anchor %j', (anchor) => {
    expect(() => findTemporalExpressions('i går', 'sv', anchor)).toThrow(RangeError);
  });

  it('runs in linear time: 600 KB of news text well under 2 s (smoke test)', () => {
    const text = `${seed('000_d35634ae92cf12c4.txt')}\n${seed('004_b9dd206ab3ce0339.txt')}`;
    const big = text.repeat(Math.ceil(600_000 / text.length)).slice(0, 600_000);
    for (const lang of ['sv', 'en', 'de']) {
      const t0 = performance.now();
      const found = findTemporalExpressions(big, lang, SV);
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(found.length).toBeGreaterThan(0);
    }
    // inputs that trip naive patterns: long runs of spaces, digits and prepositions
    for (const bad of [
      'i' + ' '.repeat(600_000) + 'x',
      '1990 2013 '.repeat(60_000),
      'i i i i i '.repeat(60_000),
      '-2013'.repeat(120_000),
    ]) {
      const t0 = performance.now();
      findTemporalExpressions(bad, 'sv', SV);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});
