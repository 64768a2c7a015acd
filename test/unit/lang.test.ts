import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, primaryLanguage } from '../../src/core/lang';
import { countWords } from '../../src/core/text';

const seed = (name: string) => readFileSync(new URL(`../../assets/seeds/${name}`, import.meta.url), 'utf8');

describe('detectLanguage', () => {
  it('identifies the two seed articles', () => {
    expect(detectLanguage(seed('000_d35634ae92cf12c4.txt')).lang).toBe('sv');
    expect(detectLanguage(seed('004_b9dd206ab3ce0339.txt')).lang).toBe('en');
  });

  it.each([
    [
      'sv',
      'Regeringen har meddelat att skatten ska sänkas för de flesta hushåll, men oppositionen menar att det inte räcker när priserna fortsätter att stiga.',
    ],
    [
      'en',
      'The government said on Tuesday that taxes would be cut for most households, but the opposition argued that it was not enough as prices kept rising.',
    ],
    [
      'de',
      'Die Regierung hat am Dienstag angekündigt, dass die Steuern für die meisten Haushalte gesenkt werden, aber die Opposition meint, dass das nicht reicht.',
    ],
    [
      'fr',
      'Le gouvernement a annoncé mardi que les impôts seraient réduits pour la plupart des ménages, mais l’opposition estime que ce n’est pas suffisant.',
    ],
    [
      'es',
      'El gobierno anunció el martes que los impuestos se reducirán para la mayoría de los hogares, pero la oposición cree que no es suficiente porque los precios siguen subiendo.',
    ],
    [
      'pt',
      'O governo anunciou na terça-feira que os impostos serão reduzidos para a maioria das famílias, mas a oposição considera que não é suficiente porque os preços continuam a subir.',
    ],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('does not call Danish or Norwegian Swedish', () => {
    expect(
      detectLanguage(
        'Regeringen har meddelt, at skatten skal sænkes for de fleste husstande, men oppositionen mener ikke, at det er nok, når priserne fortsætter med at stige.',
      ).lang,
    ).not.toBe('sv');
  });

  it.each(['', 'Meta', 'Yann LeCun, Meta, FAIR', '12345 67890', '東京で新しい技術の展示会が開かれた。多くの人が訪れた。'])(
    'says "und" without enough evidence: %j',
    (text) => {
      expect(detectLanguage(text).lang).toBe('und');
    },
  );
});

describe('primaryLanguage', () => {
  it.each([
    ['en-GB', 'en'],
    ['SV', 'sv'],
    [' pt_BR ', 'pt'],
    ['zh-Hant-TW', 'zh'],
    ['', null],
    [null, null],
    ['english', null],
    ['en-', null],
  ])('%j → %j', (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Meta investerar i Scale AI:s framtid', 6],
    ['LeCun’s world-model bet, 2013–2025.', 5],
    ['  spaced\n\nout   words  ', 3],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('countWords on colons', () => {
  it('keeps a colon between words apart', () => {
    expect(countWords('Note:this and 10:30')).toBe(5);
  });
});
