/**
 * Entity discovery, class by class of the errors a journalist would not sign off: common words
 * at the start of a sentence, heading and label words, fragments of longer names, words of other
 * scripts glued to particles, inflected forms, and the types that the gazetteer and the context
 * tell. Short texts written for these tests, in several languages.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences';
import { type DiscoveredEntity, type Registry, discoverEntities, parseGazetteer, parseRegistry } from '../../src/corpus/entities';
import { GAZETTEER_CACHE, loadGazetteer } from '../../src/corpus/node';

const GAZ = parseGazetteer({
  version: 3,
  towns: ['Rosso'],
  countries: ['Vietnam', 'Gibraltar', 'Sverige', 'Deutschland', 'Brasil', 'Argentina', 'Chile'],
  continents: ['Europe'],
  regions: ['South Dakota', 'Bayern'],
  cities: ['Glasgow', 'Москва', 'Belo Horizonte', 'Reading'],
  givenNames: ['Guido', 'Quentin', 'Полина', 'Hans', 'Anna', 'Larry', 'Suzete', 'Cristian', 'Gordon', 'Taylor', 'Joe'],
  surnames: ['Pella', 'Tarantino'],
});
const NONE: Registry = { entries: [] };
const REG: Registry = parseRegistry({
  version: 1,
  entries: [
    { id: 'amazon', name: 'Amazon', type: 'organization', aliases: [] },
    { id: 'meta', name: 'Meta', type: 'organization', aliases: [] },
    { id: 'jtbc', name: 'JTBC', type: 'organization', aliases: ['제이티비씨'] },
    { id: 'european-union', name: 'European Union', type: 'organization', aliases: ['EU'] },
  ],
});

let n = 0;
const run = (body: string, lang = 'en', reg: Registry = NONE): DiscoveredEntity[] =>
  discoverEntities([{ id: `a${String(n++)}`, lang, title: '', sentences: splitSentences(body, lang) }], reg, GAZ).entities;
const names = (es: DiscoveredEntity[]) => es.map((e) => e.name).sort();
const typeOf = (es: DiscoveredEntity[], name: string) => es.find((e) => e.name === name)?.type;

describe('a name is a name', () => {
  it('a common word at the start of a sentence is not one (en, sv, it, de)', () => {
    expect(names(run('Registration opened on Monday. Speedometer readings were high, the report said.'))).toEqual([]);
    expect(names(run('Strategin är tydlig. Hans bok säljer bra.', 'sv'))).toEqual([]);
    expect(names(run('Registrazione originale rimasterizzata. Il disco è tornato nei negozi.', 'it'))).toEqual([]);
    expect(names(run('Notfälle nehmen zu. Die Klinik sucht Personal.', 'de'))).toEqual([]);
  });

  it('nor is a heading, a menu label or a label with its number', () => {
    expect(names(run('Emergency Services\n\nSchedule\n\nThe council met on Monday and agreed the plan.'))).toEqual([]);
    expect(names(run('Calendário\n\nO campeonato começa na semana que vem.', 'pt'))).toEqual([]);
    expect(names(run('Argentina beat Chile in Group C. In Week 13 the league resumes.'))).toEqual(['Argentina', 'Chile']);
    expect(names(run('The drug was moved to Schedule IV last year, regulators said.'))).toEqual([]);
  });

  it('a fragment of a longer name is not one of its own', () => {
    const es = run('A grant from the Department of Health and Human Services was approved, officials said.');
    expect(names(es)).toEqual(['Department of Health and Human Services']);
    expect(typeOf(es, 'Department of Health and Human Services')).toBe('organization');
    const es2 = run('The defeat by Botic van de Zanschulp was a surprise to the crowd.');
    expect(names(es2)).toEqual(['Botic van de Zanschulp']);
  });

  it('a lone letter is nothing, even after a name that ends in one (pt)', () => {
    const es = run('O Mustang Mach E chegou ao Brasil. É um carro elétrico, e é caro.', 'pt');
    expect(es.flatMap((e) => [e.name, ...e.aliases]).some((f) => f.length === 1)).toBe(false);
  });

  it('a word with a reduplication digit is a word, not a model number (id)', () => {
    expect(names(run('Semoga kita semua sehat. Mudah2an besok cerah, kata warga.', 'id'))).toEqual([]);
  });

  it('a title keeps its "of the" (en) and "del" (it); a person takes no "of"', () => {
    expect(names(run('The band played Dark Side of the Moon at the arena on Friday.'))).toEqual(['Dark Side of the Moon']);
    expect(names(run('I negozi aprono presto per il Giorno del Ringraziamento, dicono.', 'it'))).toEqual(['Giorno del Ringraziamento']);
    const es = run('The bill was backed by Senator Joe Biden of Delaware last year.');
    expect(names(es)).toEqual(['Delaware', 'Joe Biden']);
    expect(names(run('The match was won by Yasutaka Uchiyama of Vietnam and Rosaly Lopes of NASA.'))).toEqual([
      'NASA',
      'Rosaly Lopes',
      'Vietnam',
      'Yasutaka Uchiyama',
    ]);
  });

  it('a role word inside a title does not cut it; in lower case before a name it tells a person', () => {
    expect(names(run('Fans lined up for the new Star Wars film on Friday.'))).toEqual(['Star Wars']);
    expect(typeOf(run('Brazil star Neymar watched from the stands.'), 'Neymar')).toBe('person');
  });

  it('numbers and position labels around a person are not part of the name', () => {
    const es = run('The coach praised Cleveland DL Larry Ogunjobi after the game. Fans cheered for Jaden Siemans 7 times.');
    expect(names(es)).toContain('Larry Ogunjobi');
    expect(names(es).some((x) => x.includes('DL'))).toBe(false);
    expect(names(es).some((x) => /\d/u.test(x))).toBe(false);
  });

  it('words of other scripts glued to a Latin name or a particle are not part of it (ja, ko)', () => {
    const ja = run('新しいPCをインストールすると、Windowsの設定が変わります。', 'ja');
    expect(ja.some((e) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(e.name))).toBe(false);
    expect(names(ja)).toContain('Windows');
    const ko = run('JTBC에서 방송된 프로그램이다. 제이티비씨의 시청률이 올랐다.', 'ko', REG);
    const jtbc = ko.find((e) => e.id === 'jtbc');
    expect(jtbc?.mentionCount).toBe(2);
    expect(ko.some((e) => /[\p{Script=Hangul}]/u.test(e.name))).toBe(false);
  });

  it('inflected forms are one entity (ru, sv, de)', () => {
    const ru = run('Мы встретили Полину в Москве. Подарок для Полины лежал на столе.', 'ru');
    const polina = ru.find((e) => e.name === 'Полина');
    expect(polina?.type).toBe('person');
    expect(polina?.aliases).toEqual(expect.arrayContaining(['Полину', 'Полины']));
    expect(ru.find((e) => e.name === 'Москва')?.type).toBe('place');
    const sv = run('Regeringen i Sverige och Sveriges riksdag möts i dag, sade talmannen.', 'sv');
    expect(names(sv)).toEqual(['Sverige']);
    const de = run('Die Wirtschaft Deutschlands wächst, und in Bayern auch.', 'de');
    expect(names(de)).toEqual(['Bayern', 'Deutschland']);
  });
});

describe('the type is right', () => {
  it('places of the gazetteer are places, in any position', () => {
    const es = run('Officials said Glasgow and South Dakota will host the talks. The team beat Gibraltar and Vietnam on Sunday.');
    for (const p of ['Glasgow', 'South Dakota', 'Gibraltar', 'Vietnam']) expect(typeOf(es, p)).toBe('place');
    expect(typeOf(run('Ela nasceu em Belo Horizonte e mora no Brasil.', 'pt'), 'Belo Horizonte')).toBe('place');
  });

  it('people are people: a given name, a verb of saying, a role, an article before a name in Portuguese', () => {
    expect(typeOf(run('The match ended when Guido Pella beat Cristian Garin in straight sets.'), 'Guido Pella')).toBe('person');
    expect(typeOf(run('The match ended when Guido Pella beat Cristian Garin in straight sets.'), 'Cristian Garin')).toBe('person');
    expect(typeOf(run('A new film by Quentin Tarantino opens on Friday.'), 'Quentin Tarantino')).toBe('person');
    expect(typeOf(run('Com certeza a Suzete, que é a viúva dele, vai ficar contente.', 'pt'), 'Suzete')).toBe('person');
  });

  it('organisations from legal suffixes (sv, de, en)', () => {
    expect(typeOf(run('Avtalet med Vinterfjord AB blev klart i går.', 'sv'), 'Vinterfjord AB')).toBe('organization');
    expect(typeOf(run('Der Vertrag mit der Nordwerk GmbH wurde gestern unterschrieben.', 'de'), 'Nordwerk GmbH')).toBe('organization');
    expect(typeOf(run('Shares of Acme Widgets Inc. rose on Tuesday.'), 'Acme Widgets Inc')).toBe('organization');
  });

  it('bodies of the sky are places; a laboratory is an organisation', () => {
    const es = run('The probe will study Titan, a moon of Saturn, for the Jet Propulsion Laboratory.');
    expect(typeOf(es, 'Titan')).toBe('place');
    expect(typeOf(es, 'Saturn')).toBe('place');
    expect(typeOf(es, 'Jet Propulsion Laboratory')).toBe('organization');
  });

  it('laws are concepts (en, de, sv)', () => {
    expect(typeOf(run('Congress passed the Affordable Care Act in 2010, officials said.'), 'Affordable Care Act')).toBe('concept');
    expect(typeOf(run('Das Gesetz heißt E-Health-Gesetz und gilt seit 2016, sagte die Ministerin.', 'de'), 'E-Health-Gesetz')).toBe(
      'concept',
    );
  });

  it('a day names an event, a lower-case i a product', () => {
    expect(typeOf(run('Shops opened early for Black Friday this year.'), 'Black Friday')).toBe('event');
    expect(typeOf(run('The update brings new widgets to the iPhone, the company said.'), 'iPhone')).toBe('product');
  });

  it('titles in quotation marks are works', () => {
    expect(typeOf(run('Il modellino viene da “Ritorno al Futuro”, il film del 1985.', 'it'), 'Ritorno al Futuro')).toBe('work');
  });
});

describe('sentence-start names', () => {
  it('a known name at the start of a sentence is found; a false friend is not', () => {
    expect(names(run('Amazon opened a new office. Analysts were surprised.', 'en', REG))).toEqual(['Amazon']);
    expect(names(run('Meta släppte en ny modell i går.', 'sv', REG))).toEqual(['Meta']);
    expect(names(run('Glasgow is wet in winter.'))).toEqual(['Glasgow']);
    expect(names(run('Reading is good for children, and reading aloud is better.'))).toEqual([]);
    expect(names(run('Hans bok säljer bra. Strategin håller.', 'sv'))).toEqual([]);
    // An acronym is written in capitals: "Eu" opening a Portuguese sentence is "I", not the EU.
    expect(names(run('Eu gosto muito deste livro. A EU aprovou a lei.', 'pt', REG))).toEqual(['European Union']);
    expect(run('Eu gosto muito deste livro. A EU aprovou a lei.', 'pt', REG)[0]?.mentionCount).toBe(1);
  });

  it('a name at the start of a sentence is found when the page capitalises it mid-sentence too', () => {
    const es = run('Zentrova raised prices. Customers of Zentrova were not pleased.');
    expect(names(es)).toEqual(['Zentrova']);
    expect(es[0]?.mentionCount).toBe(2);
  });
});

describe('descriptions', () => {
  it('come from appositions and roles about that entity only', () => {
    const es = run(
      'Quentin Tarantino, the director of Pulp Fiction, spoke on Monday. A sequel, which has been rumored since 2017, was announced.',
    );
    const qt = es.find((e) => e.name === 'Quentin Tarantino');
    expect(qt?.description).toBe('director of Pulp Fiction');
    expect(es.every((e) => e.description === null || !e.description.includes('rumored'))).toBe(true);
    // A role is no description of a place; a list is no apposition; a clause cut short is none.
    const ky = run('Kentucky Democratic candidate Andy Beshear won the race on Tuesday, his aides said.');
    expect(ky.find((e) => e.name === 'Kentucky')?.description ?? null).toBeNull();
    const list = run('Orders came from SunExpress, Kazakhstan’s Air Astana and a third buyer on Monday.');
    expect(list.find((e) => e.name === 'SunExpress')?.description ?? null).toBeNull();
    const cut = run('The award went to Jessie Buckley, who phoned in from the set of, on Monday.');
    expect(cut.find((e) => e.name === 'Jessie Buckley')?.description ?? null).toBeNull();
    // A relative clause after "from Nokia" is about the phone, not about Nokia.
    const nokia = run('The new phone from Nokia, which has been rumored since 2017, goes on sale in May.');
    expect(nokia.find((e) => e.name === 'Nokia')?.descriptions ?? []).toEqual([]);
    // Without the preposition, it is about the company.
    const nokia2 = run('Analysts praised Nokia, which has sold phones since 1992, on Monday.');
    expect(nokia2.find((e) => e.name === 'Nokia')?.description).toBe('which has sold phones since 1992');
  });
});

describe.skipIf(!existsSync('node_modules/cldr-localenames-full'))('the gazetteer from the data packages', () => {
  it('knows countries, regions and cities in many languages, and given names', { timeout: 30_000 }, () => {
    const g = loadGazetteer(GAZETTEER_CACHE);
    expect(g.places.get('gibraltar')).toBe('country');
    expect(g.places.get('vietnam')).toBe('country');
    expect(g.places.get('tyskland')).toBe('country');
    expect(g.places.get('south dakota')).toBe('region');
    expect(g.places.get('glasgow')).toBe('city');
    expect(g.places.get('москва')).toBe('town');
    expect(g.givenNames.has('полина')).toBe(true);
    expect(g.givenNames.has('guido')).toBe(true);
    expect(g.places.has('registrazione')).toBe(false);
    // With a full list of given names, a pair of capitalised words whose first is none is not taken for a person.
    const es = discoverEntities(
      [{ id: 'mk', lang: 'en', title: '', sentences: splitSentences('The telescope near Mauna Kea was closed for the week.', 'en') }],
      NONE,
      g,
    ).entities;
    expect(es.map((e) => e.name)).toEqual(['Mauna Kea']);
    expect(es[0]?.type).not.toBe('person');
  });
});

describe('one person, several names', () => {
  const find = (es: DiscoveredEntity[], form: string) => es.filter((e) => e.name === form || e.aliases.includes(form));
  it('a given name alone is the one person of that given name in the article (en)', () => {
    const es = run(
      'A row involving Taylor Quillon and her former label grew on Monday. Taylor Quillon posted on Twitter. "At no point did we say Taylor could not perform," the label said.',
    );
    expect(find(es, 'Taylor').map((e) => e.name)).toEqual(['Taylor Quillon']);
    expect(typeOf(es, 'Taylor Quillon')).toBe('person');
  });
  it('a given name shared by two people of the article stays apart (en)', () => {
    const es = run('Taylor Quillon sang first. Taylor Brandt sang next. Then Taylor waved.');
    expect(find(es, 'Taylor').some((e) => e.name === 'Taylor Quillon' || e.name === 'Taylor Brandt')).toBe(false);
  });
  it('a known name run into a person’s full name splits (en)', () => {
    const es = run(
      'He met the European Union twice. He said that he, Ambassador to the European Union Gordon Sondrell and others met in May. Sondrell declined to comment.',
      'en',
      REG,
    );
    expect(names(es)).toContain('Gordon Sondrell');
    expect(find(es, 'Sondrell').map((e) => e.name)).toEqual(['Gordon Sondrell']);
    expect(names(es).some((n) => n.includes('Union Gordon'))).toBe(false);
  });
  it('the modifier of a role is no name: "Vice President Biden" (en)', () => {
    const es = run('The envoy never urged anyone to investigate Vice President Barlow. Vice President Barlow was not a topic, he said.');
    expect(names(es)).not.toContain('Vice');
    expect(names(es)).toContain('Barlow');
  });
});

describe('names and the words next to them', () => {
  it('capitalised particles inside a person’s name keep it whole (en)', () => {
    const es = run(
      'James Van Der Stoep has been eliminated from the show. Van Der Stoep said the news was hard. Fans wrote to Van Der Stoep.',
    );
    expect(names(es)).toContain('James Van Der Stoep');
    expect(names(es)).not.toContain('Stoep');
    expect(names(es)).not.toContain('James Van');
  });
  it('a common word of the article that opens a sentence is not part of the name after it (id, pt)', () => {
    const id = run(
      'Bahkan Hadi Sutanto tidak datang ke rapat itu. Mereka bahkan menunggu lama. Warga bahkan kecewa. Hadi Sutanto lalu meminta maaf.',
      'id',
    );
    expect(names(id)).not.toContain('Bahkan Hadi Sutanto');
    expect(names(id)).toContain('Hadi Sutanto');
    const pt = run('Cada criança tem seu tempo, disse Suzete Lima ontem.', 'pt');
    expect(names(pt)).not.toContain('Cada');
  });
  it('a role word before a name is no part of it: "Public Ombudsman Nadia Cruz" (en)', () => {
    const es = run('Public Ombudsman Nadia Orellana’s office said nine people died. Orellana asked for calm. Orellana met the press.');
    expect(names(es)).toContain('Nadia Orellana');
    expect(names(es).some((n) => n.includes('Ombudsman'))).toBe(false);
  });
  it('a religious title alone is no name; a title before a name makes a person (id)', () => {
    const es = run(
      'Para ulama mengangkat Khalifah baru. Khalifah Umar memimpin dengan adil. Setelah itu Khalifah Umar wafat. Imam itu datang.',
      'id',
    );
    expect(names(es)).not.toContain('Khalifah');
    expect(names(es)).not.toContain('Imam');
    expect(typeOf(es, 'Khalifah Umar')).toBe('person');
  });
  it('wars and schools of thought have their type (id)', () => {
    const es = run(
      'Mereka saling bunuh dalam Perang Jamal dan Perang Siffin. Perang Jamal menewaskan banyak orang. Islam pecah jadi Sunni dan Syiah. Para ulama Sunni dan ulama Syiah belajar bersama.',
      'id',
    );
    expect(typeOf(es, 'Perang Jamal')).toBe('event');
    expect(typeOf(es, 'Sunni')).toBe('concept');
    expect(typeOf(es, 'Syiah')).toBe('concept');
  });
});

describe('numbers next to names', () => {
  it('a row of a results table is a person’s name and figures, not a model (pt)', () => {
    const es = run('Classificação: 21 Austin Dillard 700 0 3 0 6. 24 Tyson Dillard 613 0 0 1 3. Tyson Dillard terminou em 24º.', 'pt');
    expect(names(es).some((n) => /\d/u.test(n))).toBe(false);
  });
  it('a count before a plural is no model number (en)', () => {
    const es = run('Cook said Apple employs about 450 Dreamers, and he met 30 Dreamers last week. The Dreamers thanked him.');
    expect(typeOf(es, 'Dreamers')).not.toBe('product');
  });
});
