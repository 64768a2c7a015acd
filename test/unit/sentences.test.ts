import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/sentences';

const texts = (t: string, lang?: string) => splitSentences(t, lang).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    [
      'en',
      'Meta invested $14.3 billion. Scale CEO Alexandr Wang joins Meta.',
      ['Meta invested $14.3 billion.', 'Scale CEO Alexandr Wang joins Meta.'],
    ],
    ['en', 'Mr. Wang met Dr. LeCun at 9 a.m. on Friday. They talked.', ['Mr. Wang met Dr. LeCun at 9 a.m. on Friday.', 'They talked.']],
    ['en', 'The U.S. market grew. Europe did not.', ['The U.S. market grew.', 'Europe did not.']],
    ['en', 'J. R. R. Tolkien wrote it. Then he rested.', ['J. R. R. Tolkien wrote it.', 'Then he rested.']],
    ['en', '"It works." Then it broke!', ['"It works."', 'Then it broke!']],
    ['en', 'He asked: why now? Nobody knew… The end.', ['He asked: why now?', 'Nobody knew…', 'The end.']],
    ['en', 'The rise of ChatGPT in 2022. 600 people left.', ['The rise of ChatGPT in 2022.', '600 people left.']],
    ['en', 'prices rose 2.5 percent in Q3. analysts shrugged.', ['prices rose 2.5 percent in Q3. analysts shrugged.']],
    ['sv', 'Han lämnar bl.a. Meta. Det sägs t.ex. i FT.', ['Han lämnar bl.a. Meta.', 'Det sägs t.ex. i FT.']],
    [
      'sv',
      'Meta betalade 14,3 miljarder dollar. Sedan dess har LeCun rapporterat direkt till Wang.',
      ['Meta betalade 14,3 miljarder dollar.', 'Sedan dess har LeCun rapporterat direkt till Wang.'],
    ],
    ['sv', '– Det är bra, säger hon. – Vi fortsätter.', ['– Det är bra, säger hon.', '– Vi fortsätter.']],
    ['sv', 'Han kallar det ”superintelligens”. Ingen vet.', ['Han kallar det ”superintelligens”.', 'Ingen vet.']],
    ['sv', 'Kl. 10 började mötet. Det tog en timme.', ['Kl. 10 började mötet.', 'Det tog en timme.']],
    ['de', 'Das gilt z.B. für Meta. Der Rest folgt.', ['Das gilt z.B. für Meta.', 'Der Rest folgt.']],
    [
      'de',
      'Die Preise steigen zum 1. Juli um 8 Prozent. Am 27. März wurde das beschlossen.',
      ['Die Preise steigen zum 1. Juli um 8 Prozent.', 'Am 27. März wurde das beschlossen.'],
    ],
    ['de', 'Es war Platz 2. Danach kam nichts.', ['Es war Platz 2.', 'Danach kam nichts.']],
  ])('%s: %j', (lang, text, expected) => {
    expect(texts(text, lang)).toEqual(expected);
  });

  it('always splits at a blank line, also without punctuation (headings)', () => {
    expect(texts('Kommer efter en omorganisation\n\nLeCun har lett Fair sedan 2013.')).toEqual([
      'Kommer efter en omorganisation',
      'LeCun har lett Fair sedan 2013.',
    ]);
  });

  it('keeps exact offsets', () => {
    const text = '  First one.   Second one!\n\n Third ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(texts(text)).toEqual(['First one.', 'Second one!', 'Third']);
  });

  it('returns nothing for blank input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \n')).toEqual([]);
  });
});
