/**
 * Entity types from the words of a name and the words around it, in several languages: venue
 * and place heads, heads that come first (Romance languages, Indonesian), German compound heads,
 * holidays, scriptures, religions, titles and honorifics, product and event nouns after a name.
 * Short texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences';
import { type DiscoveredEntity, type Registry, discoverEntities, parseGazetteer } from '../../src/corpus/entities';

const GAZ = parseGazetteer({
  version: 3,
  towns: ['Harlow Cross'],
  countries: ['Brasil', 'Italia', 'Deutschland', 'Indonesia', 'UK', 'Netherlands'],
  continents: [],
  regions: [],
  cities: ['Pittsburgh', 'Lisboa', 'Roma', 'Berlin', 'Jakarta', 'Toronto'],
  givenNames: ['Heinz', 'Natale', 'Al', 'Forest', 'Marco', 'Ana', 'Klaus', 'Budi', 'Maria', 'Fiona'],
  surnames: ['Rossi', 'Silva', 'Müller', 'Hill'],
});
const NONE: Registry = { entries: [] };

let n = 0;
const run = (body: string, lang = 'en'): DiscoveredEntity[] =>
  discoverEntities([{ id: `t${String(n++)}`, lang, title: '', sentences: splitSentences(body, lang) }], NONE, GAZ).entities;
const typeOf = (es: DiscoveredEntity[], name: string) => es.find((e) => e.name === name || e.aliases.includes(name))?.type;

describe('venue and place heads', () => {
  it('a given name before a venue head is no person (en)', () => {
    const es = run('The Steelers lost at Heinz Field on Sunday. Fans left Heinz Field early. Later the band played in Forest Hill again.');
    expect(typeOf(es, 'Heinz Field')).toBe('place');
    expect(typeOf(es, 'Forest Hill')).toBe('place');
  });
  it('a place head that comes first (pt, it, id)', () => {
    expect(typeOf(run('Milhares de pessoas foram à Praça Mauá no sábado. A Praça Mauá ficou cheia.', 'pt'), 'Praça Mauá')).toBe('place');
    expect(typeOf(run('I turisti hanno visitato Piazza Navona ieri. Piazza Navona era piena.', 'it'), 'Piazza Navona')).toBe('place');
    expect(typeOf(run('Kemacetan terjadi di Jalan Sudirman pagi ini. Jalan Sudirman ditutup.', 'id'), 'Jalan Sudirman')).toBe('place');
  });
});

describe('names with a place in them, brands after a preposition', () => {
  it('a city or country inside a name without a given name is no person (en)', () => {
    const es = run('The final was won by Toronto Wolverines last night. Fans of Toronto Wolverines cheered.');
    expect(typeOf(es, 'Toronto Wolverines')).not.toBe('person');
  });
  it('a word with an inner capital after "from" is a brand, not a place (en)', () => {
    const es = run('The data came from TradeQuill on Monday. Analysts at TradeQuill agreed.');
    expect(typeOf(es, 'TradeQuill')).toBe('organization');
  });
});

describe('organisation heads', () => {
  it('a head that comes first (pt, it, id)', () => {
    expect(
      typeOf(run('Ela estudou na Escola de Belas Artes em Lisboa. A Escola de Belas Artes abriu em 1836.', 'pt'), 'Escola de Belas Artes'),
    ).toBe('organization');
    expect(
      typeOf(run('Marco Rossi insegna alla Università di Bologna. La Università di Bologna è antica.', 'it'), 'Università di Bologna'),
    ).toBe('organization');
    expect(
      typeOf(run('Budi bekerja di Yayasan Harapan Bangsa. Yayasan Harapan Bangsa membantu anak yatim.', 'id'), 'Yayasan Harapan Bangsa'),
    ).toBe('organization');
  });
  it('German compounds of insurers, associations and ministries', () => {
    const es = run('Die Techniker Krankenkasse zahlt mehr, sagte Klaus Müller. Auch die Techniker Krankenkasse warnt.', 'de');
    expect(typeOf(es, 'Techniker Krankenkasse')).toBe('organization');
  });
  it('bands and ensembles are organisations (pt, en)', () => {
    expect(typeOf(run('O Duo Marcelino tocou no festival. Depois, o Duo Marcelino gravou um disco.', 'pt'), 'Duo Marcelino')).toBe(
      'organization',
    );
    expect(typeOf(run('Tickets for the Ellery Quartet sold out. The Ellery Quartet plays tonight.'), 'Ellery Quartet')).toBe(
      'organization',
    );
  });
  it('a studio is an organisation (en)', () => {
    expect(
      typeOf(run('The pavilion was designed by Balmond Studio in Toronto. Balmond Studio also built a bridge.'), 'Balmond Studio'),
    ).toBe('organization');
  });
});

describe('events', () => {
  it('holidays in several languages', () => {
    expect(typeOf(run('I negozi offrono sconti per Natale. A Natale le famiglie si riuniscono.', 'it'), 'Natale')).toBe('event');
    expect(typeOf(run('Stores open early before Thanksgiving. After Thanksgiving, sales begin.'), 'Thanksgiving')).toBe('event');
    expect(typeOf(run('Harga naik menjelang Lebaran. Banyak orang mudik saat Lebaran.', 'id'), 'Lebaran')).toBe('event');
  });
  it('a day or a cup that opens a name (it, pt)', () => {
    expect(
      typeOf(
        run('Il Giorno del Ringraziamento cade a novembre. Dopo il Giorno del Ringraziamento arriva Natale.', 'it'),
        'Giorno del Ringraziamento',
      ),
    ).toBe('event');
    expect(typeOf(run('O Brasil venceu a Copa América em 2019. A Copa América voltou ao Brasil.', 'pt'), 'Copa América')).toBe('event');
  });
  it('an event noun after a name (en)', () => {
    expect(typeOf(run('Thousands came to the Zentropa conference this week. Speakers at Zentropa praised the venue.'), 'Zentropa')).toBe(
      'event',
    );
  });
});

describe('works, concepts and persons of religion', () => {
  it('scriptures are works, religions concepts (id, en)', () => {
    const es = run('Kita harus memahami Al Qur’an dan Hadits. Al Qur’an diturunkan di Mekkah.', 'id');
    expect(typeOf(es, 'Al Qur’an')).toBe('work');
    const en = run('Many people in the region converted to Islam in the tenth century. The spread of Islam was fast.');
    expect(typeOf(en, 'Islam')).toBe('concept');
  });
  it('books of hadith are works; an honorific after a name makes a person (id)', () => {
    const es = run(
      'Hadits ini diriwayatkan dalam Shahih Muslim. Rasulullah SAW bersabda tentang sedekah. Menurut Shahih Muslim, hal itu benar.',
      'id',
    );
    expect(typeOf(es, 'Shahih Muslim')).toBe('work');
    expect(typeOf(es, 'Rasulullah SAW')).toBe('person');
  });
  it('God is named as a person; Arabic name words open a person’s name (id, pt)', () => {
    const id = run(
      'Kita berdoa kepada Allah SWT setiap hari. Hadits dari Abu Hurairah menyebutkan hal itu. Menurut Abu Hurairah, Allah SWT Maha Pengasih.',
      'id',
    );
    expect(typeOf(id, 'Allah SWT')).toBe('person');
    expect(typeOf(id, 'Abu Hurairah')).toBe('person');
    expect(typeOf(run('Ela disse que confia em Deus todos os dias. A fé em Deus a ajudou.', 'pt'), 'Deus')).toBe('person');
  });
  it('a journal or a painting named after its head noun (en)', () => {
    const es = run('The study appeared in the journal Nature Quasars on Monday. Researchers wrote in Nature Quasars that water was found.');
    expect(typeOf(es, 'Nature Quasars')).toBe('work');
  });
  it('doctrines ending in -ism (en, de)', () => {
    expect(typeOf(run('The essay defends Stoicism against critics. Stoicism was popular in Rome.'), 'Stoicism')).toBe('concept');
  });
});

describe('products', () => {
  it('a plural vehicle after a name is its maker; a model number before a name a product (en)', () => {
    const es = run(
      'The airline ordered 30 Quillon jets on Monday. Quillon shares rose. Pilots like the 787 Skyrunner, and airlines ordered the 787 Skyrunner in bulk.',
    );
    expect(typeOf(es, 'Quillon')).toBe('organization');
    expect(typeOf(es, 'Skyrunner')).toBe('product');
  });
  it('a vehicle or device noun after a name (en)', () => {
    const es = run('Data came from the Vantor spacecraft, which studied Saturn. The Vantor spacecraft ended its mission in 2017.');
    expect(typeOf(es, 'Vantor')).toBe('product');
  });
});

describe('a function word of the article’s language opens a sentence, not a name', () => {
  it('Indonesian, Portuguese and Italian', () => {
    const id = run('Saat Lebaran banyak orang mudik. Harga naik menjelang Lebaran.', 'id').map((e) => e.name);
    expect(id).not.toContain('Saat Lebaran');
    expect(id).toContain('Lebaran');
    const pt = run('Cada jogador recebeu um prêmio. Cada equipe viajou para Lisboa.', 'pt').map((e) => e.name);
    expect(pt).not.toContain('Cada');
    const it_ = run('Quando Marco Rossi arrivò, la festa era finita. Marco Rossi rise.', 'it').map((e) => e.name);
    expect(it_).toContain('Marco Rossi');
    expect(it_).not.toContain('Quando Marco Rossi');
  });
});

describe('a name in passing', () => {
  const filler = Array.from(
    { length: 12 },
    (_, i) => `The council met again on day ${String(i + 2)} and talked about the budget for a long time.`,
  ).join(' ');
  it('in a long article, a name met once with only its capitals is left out; one with a sign of what it is stays', () => {
    const es = run(
      `${filler} A spokesman thanked Velmor Quade for the coffee. Funding came from Kranich Capital this year. Ana Silva spoke at the Harbin Festival. Orvell Tarn voted no, and later Orvell Tarn left. A bus came from Harlow Cross, another from Toronto.`,
    ).map((e) => e.name);
    // A city of the gazetteer stands on its own; a small town's name, often a word or a surname, does not.
    expect(es).toContain('Toronto');
    expect(es).not.toContain('Harlow Cross');
    expect(es).not.toContain('Velmor Quade');
    expect(es).toContain('Kranich Capital');
    expect(es).toContain('Ana Silva');
    expect(es).toContain('Harbin Festival');
    expect(es).toContain('Orvell Tarn');
  });
  it('in a short text, one mention is all there is', () => {
    expect(run('A spokesman thanked Velmor Quade for the coffee.').map((e) => e.name)).toContain('Velmor Quade');
  });
});

describe('the words around a name', () => {
  it('the maker of a thing after "from" is an organisation, not a place (en)', () => {
    const es = run('The station wagon concept car from Vantora arrives next year. Dealers expect the concept car from Vantora in March.');
    expect(typeOf(es, 'Vantora')).toBe('organization');
  });
  it('a name between prepositions of space and "the" is a place (en)', () => {
    const es = run('A giant spider sits on the bridge between the Keizersvliet and the river. Boats sail along the Keizersvliet at night.');
    expect(typeOf(es, 'Keizersvliet')).toBe('place');
  });
  it('a country keeps its type after "the" (en)', () => {
    const es = run('The ambassador accused the UK of meddling. Later the UK answered, and the Netherlands agreed with the UK.');
    expect(typeOf(es, 'UK')).toBe('place');
    expect(typeOf(es, 'Netherlands')).toBe('place');
  });
  it('a count before a name is no model number; a model number is (en)', () => {
    const counted = run('Containers: 1 Green, 1 Crimson, 1 Yellow. Lunch: 1 Purple, 1 Crimson. Dinner: 1 Crimson, 1 Orange.');
    expect(typeOf(counted, 'Crimson')).not.toBe('product');
    const model = run('The airline bought 30 of the 787-9 Skyliner jets. It already flies five 787-9 Skyliner planes.');
    expect(typeOf(model, 'Skyliner')).toBe('product');
  });
  it('a title before "films" or "album" is a work (en)', () => {
    const es = run('Fans of the Moon Voyage films rejoiced. The newest Moon Voyage films come out in May.');
    expect(typeOf(es, 'Moon Voyage')).toBe('work');
  });
  it('a town before "police" or "residents" is a place (en)', () => {
    const es = run('A tip led Ashvale police to the motel. Later, Ashvale residents gathered outside.');
    expect(typeOf(es, 'Ashvale')).toBe('place');
  });
  it('a given name and a surname that also ends place names is a person, a venue after "at" is a place (en)', () => {
    const person = run('He said his predecessor, Fiona Hill, had raised concerns. After Fiona Hill left the council, he took over.');
    expect(typeOf(person, 'Fiona Hill')).toBe('person');
    const venue = run('The Steelers lost at Heinz Field on Sunday. Fans left Heinz Field early.');
    expect(typeOf(venue, 'Heinz Field')).toBe('place');
  });
});

describe('an acronym takes its type from its expansion', () => {
  it('a German common noun phrase or compound is a concept; an institution is an organisation (de)', () => {
    const es = run(
      'Die Versicherten erhalten die elektronische Gesundheitskarte (eGK) im Mai. Die eGK speichert Daten. ' +
        'Die Ärzte nutzen ein Praxisverwaltungssystem (PVS) dafür. Das PVS ist alt. ' +
        'Das Bundesamt für Sicherheit in der Informationstechnik (BSI) prüft das. Das BSI warnt.',
      'de',
    );
    expect(typeOf(es, 'eGK')).toBe('concept');
    expect(typeOf(es, 'PVS')).toBe('concept');
    expect(typeOf(es, 'BSI')).toBe('organization');
  });
  it('an adjective that opens the sentence is still an adjective, a capitalised one inside is a name (de)', () => {
    const es = run(
      'Elektronische Fallakte (eFA) heißt das Konzept. Die eFA ist ärztlich geführt. Die Kunden der Deutsche Bahn (DB) warten. Die DB schweigt.',
      'de',
    );
    expect(typeOf(es, 'eFA')).toBe('concept');
    expect(typeOf(es, 'DB')).toBe('organization');
  });
  it('awards are an event, a council an organisation (en)', () => {
    const es = run(
      'She won at the Global Music Awards (GMA) last year. The GMA will be held in May. The National Safety Council (NSC) agreed. The NSC met.',
    );
    expect(typeOf(es, 'GMA')).toBe('event');
    expect(typeOf(es, 'NSC')).toBe('organization');
  });
});

describe('types from other names and from lists', () => {
  it('a maker’s name before a product’s makes a product, a title before a subtitle a work (en)', () => {
    const es = run(
      'Sales at the toy company Brickwell rose. The company Brickwell said more sets come soon. The Brickwell Galaxy Fleet set sold out. ' +
        'Fans watched the Moon Voyage films. The Moon Voyage films made money, and Moon Voyage Beyond opened in May. Moon Voyage Beyond was directed by Lin.',
    );
    expect(typeOf(es, 'Brickwell')).toBe('organization');
    expect(typeOf(es, 'Brickwell Galaxy Fleet')).toBe('product');
    expect(typeOf(es, 'Moon Voyage Beyond')).toBe('work');
  });
  it('a person with a given name keeps the type when a role follows the possessive (en)', () => {
    const es = run('The father of Heinz Marlow’s Captain Kirk returns. Heinz Marlow will be back on board, reports said.');
    expect(typeOf(es, 'Heinz Marlow')).toBe('person');
  });
  it('a list in parentheses after "standards" names concepts (de, en)', () => {
    const de = run('Die Akte nutzt offene Standards (HL9, DIKOM) für den Austausch. Auch HL9 und DIKOM werden genannt.', 'de');
    expect(typeOf(de, 'DIKOM')).toBe('concept');
    const en = run('The service supports several protocols (e.g. QXP, Zentra) today. QXP is old; Zentra is new.');
    expect(typeOf(en, 'Zentra')).toBe('concept');
  });
  it('a code of law cited by paragraph is a concept (de)', () => {
    const es = run('Das regelt § 291a Absatz 3 Nr. 4 SGB V seit Jahren. Auch § 68 SGB V ist wichtig.', 'de');
    expect(typeOf(es, 'SGB V')).toBe('concept');
  });
  it('awards are an event (en)', () => {
    const es = run('She will play her old tracks at the Global Music Awards on Sunday. The Global Music Awards are watched by millions.');
    expect(typeOf(es, 'Global Music Awards')).toBe('event');
  });
});
