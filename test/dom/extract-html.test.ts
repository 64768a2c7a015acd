/** Article extraction from saved HTML pages: fixture pages in three layouts and languages, metadata, boilerplate, hostile input. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml, findArticleRoot } from '../../src/corpus/extract-html';
import { dateFromUrl, normaliseDate } from '../../src/corpus/html/dates';
import { cleanByline, readMeta, stripSiteName } from '../../src/corpus/html/meta';
import { ExtractionError, type ExtractedArticle } from '../../src/corpus/types';

const fixtureHtml = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
const parse = (html: string) => parseHTML(html).document;
const page = (body: string, head = '', lang = '') =>
  parse(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`);
const paragraphs = (a: ExtractedArticle) => a.body.split('\n\n');

/** The body format every extraction must keep: paragraphs separated by exactly one blank line. */
function expectCleanFormat(a: ExtractedArticle) {
  expect(a.body).toBe(a.body.trim());
  expect(a.body).not.toMatch(/\n{3,}/);
  for (const p of paragraphs(a)) {
    expect(p).toBe(p.trim());
    expect(p).not.toMatch(/ {2,}|\t/);
  }
}

function expectNone(body: string, strings: readonly string[]) {
  for (const s of strings) expect(body, `body contains "${s}"`).not.toContain(s);
}

/** Realistic paragraphs for inline pages (long enough for Readability to call them an article). */
const ARTICLE_EN = [
  'The county council approved a plan on Tuesday to rebuild the old stone bridge over the river, ending a dispute that has lasted for more than four years.',
  'Engineers had warned that the bridge, which carries around 9,000 vehicles a day, would need weight limits within two years unless its foundations were repaired.',
  'The work will cost an estimated 14 million pounds and is expected to start next spring, with the bridge closed to traffic for about eight months.',
  'Local businesses said they were relieved that a decision had finally been made, although several warned that the closure would be difficult for shops in the centre.',
  'Subscribers to the county newsletter will get weekly updates on the works, the council said, and a temporary footbridge will be built for pedestrians.',
];
const articleEn = (extra = '') =>
  `<article><h1>Council approves bridge rebuild</h1>${ARTICLE_EN.map((p) => `<p>${p}</p>`).join('')}${extra}</article>`;

describe('German CMS page with <article>, JSON-LD and a standfirst', () => {
  const a = extractHtml(parse(fixtureHtml('html-de-cms-article.html')));

  it('reads the metadata', () => {
    expect(a.title).toBe('Stadtwerke testen schwimmende Solaranlage auf dem Lindensee');
    expect(a.source).toBe('Rheinblick Zeitung');
    expect(a.url).toBe('https://rheinblick.example/wirtschaft/stadtwerke-solaranlage-lindensee-4711');
    expect(a.published).toBe('2024-05-14');
    expect(a.lang).toBe('de');
    expect(a.byline).toBe('Anna Berger');
    expect(a.lead).toBe(
      'Auf dem Lindensee bei Grevenau schwimmen seit Montag 2400 Solarmodule. Die Stadtwerke wollen herausfinden, ob sich das Modell auch für andere Gewässer eignet.',
    );
  });

  it('keeps the article text with its crosshead, quote and list', () => {
    const ps = paragraphs(a);
    expect(ps[0]).toMatch(/^Wer am Montagmorgen am Ufer des Lindensees stand, .* in nur sieben Wochen aufgebaut\.$/);
    expect(ps.at(-1)).toBe(
      'Sollte sich die Anlage bewähren, will Grevenau bis 2030 zwei weitere Seen mit Solarmodulen ausstatten. Eine Entscheidung darüber fällt der Stadtrat frühestens im Sommer 2026.',
    );
    expect(ps).toContain('Fische profitieren vom Schatten');
    expect(ps).toContain(
      'Wir erwarten keine Schäden für das Ökosystem, aber wir wollen es genau wissen, bevor größere Anlagen gebaut werden.',
    );
    expect(ps).toContain('Der Badebereich im Norden des Sees bleibt frei.');
    expect(ps).toHaveLength(12);
    expectCleanFormat(a);
  });

  it('drops the boilerplate', () => {
    expectNone(a.body, [
      'Wir verwenden Cookies',
      'Teilen',
      'Anzeige',
      'Mehr zum Thema',
      'Windpark an der Hohen Heide',
      'Newsletter',
      'abonnieren',
      'Anna Berger ist Redakteurin',
      'Kommentare',
      'Meistgelesen',
      'Brückensperrung',
      'Alle Rechte vorbehalten',
      'Foto: Jan Weber',
      'Schwimmkörpern aus recyceltem Kunststoff',
      'Energiewende',
      'Von Anna Berger',
      '14. Mai 2024',
      'Impressum',
      // the standfirst is the lead, not the body's first paragraph
      'Auf dem Lindensee bei Grevenau schwimmen',
    ]);
  });
});

describe('Swedish div-soup page with sidebars, teasers, share bar, newsletter box and a most-read list', () => {
  const a = extractHtml(parse(fixtureHtml('html-sv-divsoup.html')));

  it('reads the metadata (the outlet from the <title> suffix, the author from meta author)', () => {
    expect(a.title).toBe('Nattåget mellan Umeå och Göteborg blir kvar efter protester');
    expect(a.source).toBe('Norrlandsposten');
    expect(a.url).toBeNull();
    expect(a.published).toBe('2024-03-02');
    expect(a.lang).toBe('sv');
    expect(a.byline).toBe('Erik Lindqvist');
    expect(a.lead).toBe(
      'Trafikverket backar. Efter en månad av protester från resenärer och kommuner fortsätter nattåget att gå mellan Umeå och Göteborg året ut.',
    );
  });

  it('keeps the text, the crosshead, and splits <br><br> into paragraphs', () => {
    const ps = paragraphs(a);
    expect(ps[0]).toMatch(/^Beskedet kom på fredagseftermiddagen\. .* i juni\.$/);
    expect(ps.at(-1)).toBe(
      'Trafikverket ska redovisa en ny utredning om nattågstrafiken i norra Sverige före den 1 oktober. Först därefter tas beslut om linjens framtid efter årsskiftet.',
    );
    expect(ps).toContain('Viktig för vården');
    expect(ps).toContain('Regionrådet Maria Nordström välkomnar beskedet men säger att det inte räcker att linjen får gå året ut.');
    expect(ps.some((p) => p.startsWith('– Vi behöver ett avtal som gäller i minst fem år'))).toBe(true);
    expect(ps).toHaveLength(9);
    expectCleanFormat(a);
  });

  it('drops the boilerplate', () => {
    expectNone(a.body, [
      'Mest läst',
      'Isen släpper',
      'Annons',
      'Köp din bil',
      'Dela artikeln',
      'Läs också',
      'Tågbolaget varslar',
      'Prenumerera',
      'nyhetsbrev',
      'Kommentera artikeln',
      'Fler nyheter',
      'Flyget till Arlanda',
      'Senaste nytt',
      'Storbrand',
      'Publicerad 2 mars',
      'Av Erik Lindqvist',
      'Ansvarig utgivare',
      'Logga in',
      'Trafikverket backar',
    ]);
  });

  it('takes the caller’s URL when the page names none', () => {
    expect(extractHtml(parse(fixtureHtml('html-sv-divsoup.html')), { url: 'https://np.example/a/1' }).url).toBe('https://np.example/a/1');
  });
});

describe('English AMP page with a JSON-LD @graph and a complete articleBody', () => {
  const a = extractHtml(parse(fixtureHtml('html-en-amp-jsonld.html')));

  it('reads the metadata (headline from JSON-LD, outlet from its publisher, authors joined)', () => {
    expect(a.title).toBe('Harbour ferry strike ends after overnight talks');
    expect(a.source).toBe('The Harbour Gazette');
    expect(a.url).toBe('https://harbourgazette.example/news/2024/09/21/ferry-strike-ends');
    expect(a.published).toBe('2024-09-21');
    expect(a.lang).toBe('en');
    expect(a.byline).toBe('Priya Nair, Tom Ellery');
    // The description is the first paragraph: no separate lead.
    expect(a.lead).toBeNull();
  });

  it('keeps the text with its crosshead and list', () => {
    const ps = paragraphs(a);
    expect(ps[0]).toBe(
      'Ferry crews will return to work on Monday after union leaders and the operator agreed a two-year pay deal in talks that ran past 3am.',
    );
    expect(ps.at(-1)).toBe('Members will vote on the deal formally next week, but union officials said they expected it to be accepted.');
    expect(ps).toContain('What happens next');
    expect(ps).toContain('Passengers with tickets for cancelled crossings can claim a refund until 31 October.');
    expect(ps).toHaveLength(11);
    expectCleanFormat(a);
  });

  it('drops the boilerplate', () => {
    expectNone(a.body, [
      'Share this article',
      'WhatsApp',
      'Advertisement',
      'Read more',
      'Council approves new ferry timetable',
      'Subscribe',
      'Cancel anytime',
      'Most read',
      'Storm warning',
      'Photo: Jane Roe',
      'returned to the terminal on Saturday',
      'All rights reserved',
      'By Priya Nair',
      '6:05pm',
    ]);
  });
});

describe('metadata', () => {
  it('strips the site name from a <title>-only page and falls back to it for the source', () => {
    const a = extractHtml(
      page(
        articleEn().replace('<h1>Council approves bridge rebuild</h1>', ''),
        '<title>Council approves bridge rebuild | Valley Post</title>',
      ),
    );
    expect(a.title).toBe('Council approves bridge rebuild');
    expect(a.source).toBe('Valley Post');
  });

  it('reads dates from meta fields, <time> and the URL, in that order', () => {
    const withMeta = page(articleEn('<time datetime="2023-01-02">2 Jan</time>'), '<meta name="pubdate" content="20230105">');
    expect(extractHtml(withMeta).published).toBe('2023-01-05');
    expect(extractHtml(page(articleEn('<time datetime="2023-01-02T23:10:00-05:00">2 Jan</time>'))).published).toBe('2023-01-02');
    expect(extractHtml(page(articleEn()), { url: 'https://x.example/2022/07/30/bridge' }).published).toBe('2022-07-30');
    expect(extractHtml(page(articleEn())).published).toBeNull();
  });

  it('lets clear text evidence overrule a wrong html lang, but not an undeclared guess on a language it does not know', () => {
    const sv = [
      'Kommunen har beslutat att bygga ut cykelbanorna längs kusten under de kommande tre åren, och arbetet ska börja redan i vår enligt planen.',
      'Enligt planen ska det finnas en sammanhängande bana från hamnen till badplatsen i norr, som har varit en av de mest efterfrågade sträckorna.',
      'Kritiker menar att kostnaden har blivit för hög och att andra satsningar borde ha gått före, men beslutet fattades med bred majoritet i fullmäktige.',
    ];
    const svPage = (lang: string) => page(`<article>${sv.map((p) => `<p>${p}</p>`).join('')}</article>`, '', lang);
    expect(extractHtml(svPage('en')).lang).toBe('sv');
    expect(extractHtml(svPage('')).lang).toBe('sv');
    expect(extractHtml(svPage('sv-SE')).lang).toBe('sv');
    // Italian is outside the detector's languages: the declaration stands.
    const it = [
      'Il consiglio comunale ha approvato martedì il progetto per ricostruire il vecchio ponte di pietra sul fiume, dopo quattro anni di discussioni.',
      'Secondo gli ingegneri il ponte, percorso ogni giorno da novemila veicoli, avrebbe avuto bisogno di limiti di peso entro due anni senza lavori.',
      'I lavori costeranno circa quattordici milioni di euro e cominceranno la prossima primavera, con il ponte chiuso al traffico per otto mesi.',
    ];
    expect(extractHtml(page(`<article>${it.map((p) => `<p>${p}</p>`).join('')}</article>`, '', 'it-IT')).lang).toBe('it');
  });

  it('finds bylines in JSON-LD, meta tags, rel=author and "By" lines, and never takes the outlet for an author', () => {
    const ld = (author: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":${author}}</script>`;
    expect(extractHtml(page(articleEn(), ld('{"@type":"Person","name":"Jo Lee"}'))).byline).toBe('Jo Lee');
    expect(extractHtml(page(articleEn(), '<meta name="author" content="By Sam Roe">')).byline).toBe('Sam Roe');
    expect(extractHtml(page(articleEn('<p class="byline">By Ana Cruz - 11/18/19 11:04 PM</p>'))).byline).toBe('Ana Cruz');
    expect(extractHtml(page(articleEn('<a rel="author" href="/a">Kim Park</a>'))).byline).toBe('Kim Park');
    const outlet = '<meta property="og:site_name" content="Valley Post"><meta name="author" content="Valley Post">';
    expect(extractHtml(page(articleEn(), outlet)).byline).toBeNull();
    expect(extractHtml(page(articleEn())).byline).toBeNull();
    expect(extractHtml(page(articleEn('<p><span>by the harbour wall</span></p>'))).byline).toBeNull();
  });

  it('gives a lead only when the description differs from the body', () => {
    const described = (d: string) => page(articleEn(), `<meta name="description" content="${d}">`);
    expect(extractHtml(described(ARTICLE_EN[0] ?? '')).lead).toBeNull();
    expect(extractHtml(described('A four-year dispute ends with a vote for a full rebuild.')).lead).toBe(
      'A four-year dispute ends with a vote for a full rebuild.',
    );
  });
});

describe('boilerplate rules', () => {
  it('drops furniture lines in several languages and keeps ordinary sentences that share their words', () => {
    const junk = [
      '<p>Läs mer: <a href="/x">Så blir vädret i helgen</a></p>',
      '<p>Mest läst</p>',
      '<div>Annons</div>',
      '<p>Advertisement</p>',
      '<p>Lesen Sie auch: <a href="/y">Neue Radwege in der Stadt</a></p>',
      '<p>Sign up for our newsletter and get the day’s top stories in your inbox.</p>',
      '<p>Follow us on Twitter and Facebook.</p>',
      '<p>Publicado: 12/03/2024 10:15</p>',
      '<ul><li><a href="/1">Police name victim of crash</a></li><li><a href="/2">School to close early</a></li></ul>',
    ];
    const a = extractHtml(page(articleEn(junk.join(''))));
    expectNone(a.body, [
      'Läs mer',
      'vädret',
      'Mest läst',
      'Annons',
      'Advertisement',
      'Lesen Sie',
      'Radwege',
      'newsletter and',
      'Follow us',
      'Publicado',
      'Police name',
    ]);
    // "Subscribers to the county newsletter…" is article text that happens to mention a newsletter.
    expect(paragraphs(a)).toEqual(ARTICLE_EN);
  });

  it('drops a call to follow the outlet on social networks inside the article', () => {
    const body = ARTICLE_EN.map(
      (p, i) => `<p>${p}</p>${i === 2 ? '<p><i>Follow Valley Beat on Instagram, Facebook and YouTube.</i></p>' : ''}`,
    ).join('');
    const a = extractHtml(page(`<article><h1>Council approves bridge rebuild</h1>${body}</article>`));
    expect(paragraphs(a)).toEqual(ARTICLE_EN);
  });

  it('keeps sentences and crossheads that start like furniture labels', () => {
    const lookalikes = [
      'More than 30 people were hurt.',
      'Share prices fell.',
      'Top 10 stops on the new line',
      'Related charges were dropped.',
    ];
    const [first, ...rest] = ARTICLE_EN.map((p) => `<p>${p}</p>`);
    const a = extractHtml(page(`<article>${first ?? ''}${lookalikes.map((l) => `<p>${l}</p>`).join('')}${rest.join('')}</article>`));
    expect(paragraphs(a)).toEqual([ARTICLE_EN[0], ...lookalikes, ...ARTICLE_EN.slice(1)]);
  });

  it('keeps the line breaks of <pre> and drops text the page hides', () => {
    const extra = '<pre>  line one\n  line two</pre><p style="display: none">Hidden promo text here</p>';
    const a = extractHtml(page(articleEn(`${extra}<p>${ARTICLE_EN[0] ?? ''}</p>`)));
    expect(paragraphs(a)).toContain('line one\nline two');
    expect(a.body).not.toContain('Hidden promo');
  });

  it('keeps links that are citations (addresses shown as text)', () => {
    const a = extractHtml(page(articleEn('<p><a href="https://example.org/report.pdf">https://example.org/report.pdf</a></p>')));
    expect(a.body).toContain('https://example.org/report.pdf');
  });

  it('uses a complete JSON-LD articleBody as a second opinion on blocks no rule catches', () => {
    const appeal = '<p>Our journalism depends on readers like you: become a supporting member of the paper today.</p>';
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: ARTICLE_EN.join(' ') })}</script>`;
    expect(extractHtml(page(articleEn(appeal))).body).toContain('Our journalism depends on readers');
    expect(extractHtml(page(articleEn(appeal), ld)).body).not.toContain('Our journalism depends on readers');
    // A summary (not the whole text) is no second opinion.
    const short = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: ARTICLE_EN[0] })}</script>`;
    expect(extractHtml(page(articleEn(appeal), short)).body).toContain('Our journalism depends on readers');
  });
});

describe('the caller’s document and the article root', () => {
  it('does not modify the document it is given', () => {
    const doc = parse(fixtureHtml('html-sv-divsoup.html'));
    const before = doc.documentElement.outerHTML;
    extractHtml(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds the article root in the given document', () => {
    const doc = parse(fixtureHtml('html-sv-divsoup.html'));
    const root = findArticleRoot(doc);
    expect(root).not.toBeNull();
    expect(root?.ownerDocument).toBe(doc);
    expect(root?.textContent).toContain('Beskedet kom på fredagseftermiddagen');
    expect(root?.textContent).toContain('linjens framtid efter årsskiftet');
    expect(root?.textContent).not.toContain('Mest läst');
    expect(findArticleRoot(page('<nav><a href="/a">Home</a> <a href="/b">News</a></nav>'))).toBeNull();
  });
});

describe('empty and hostile input', () => {
  const expectError = (fn: () => unknown, reason: RegExp) => {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExtractionError);
    expect((error as ExtractionError).source).toBe('page.html');
    expect((error as ExtractionError).reason).toMatch(reason);
  };

  it('rejects an empty document with a clear error', () => {
    expectError(() => extractHtml(parse(''), { name: 'page.html' }), /no article text/);
    expectError(() => extractHtml(page(''), { name: 'page.html' }), /no article text/);
  });

  it('rejects a page of navigation links only', () => {
    const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/s/${i}">Section number ${i}</a></li>`).join('');
    expectError(
      () => extractHtml(page(`<nav><ul>${nav}</ul></nav><footer><a href="/about">About us</a></footer>`), { name: 'page.html' }),
      /no article/,
    );
  });

  it('rejects a stub with too little text', () => {
    expectError(() => extractHtml(page('<article><p>Coming soon.</p></article>'), { name: 'page.html' }), /only 2 words/);
  });

  it('extracts 2 MB of text in reasonable time', () => {
    const para = 'The harbour authority published its annual report on shipping volumes, fuel use and emissions. ';
    const html = Array.from({ length: 2000 }, () => `<p>${para.repeat(11)}</p>`).join('');
    expect(html.length).toBeGreaterThan(2_000_000);
    const t0 = Date.now();
    const a = extractHtml(page(`<article>${html}</article>`));
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(paragraphs(a)).toHaveLength(2000);
    // …and as one text node.
    const one = extractHtml(page(`<div>${para.repeat(22_000)}</div>`));
    expect(one.body.length).toBeGreaterThan(2_000_000);
  });

  it('survives deeply nested wrappers (collapsed) and deep nesting that cannot be collapsed (plain fallback)', () => {
    const text = ARTICLE_EN.map((p) => `<p>${p}</p>`).join('');
    const chain = 20_000;
    let t0 = Date.now();
    const a = extractHtml(page(`${'<div>'.repeat(chain)}<div>${text}</div>${'</div>'.repeat(chain)}`));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(paragraphs(a)).toEqual(ARTICLE_EN);

    const levels = 3000;
    const deep = `${'<div><span>·</span>'.repeat(levels)}${text}${'</div>'.repeat(levels)}`;
    t0 = Date.now();
    const b = extractHtml(page(deep));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(b.body).toContain(ARTICLE_EN[0]);
    expect(b.body).toContain(ARTICLE_EN[4]);
  });

  it('ignores broken JSON-LD', () => {
    const a = extractHtml(page(articleEn(), '<script type="application/ld+json">{"@type": "NewsArticle", headline: </script>'));
    expect(a.body).toContain(ARTICLE_EN[0]);
  });
});

describe('helpers', () => {
  it('normalises dates only when they are unambiguous', () => {
    expect(normaliseDate('2024-05-14T06:30:00+02:00')).toBe('2024-05-14');
    expect(normaliseDate('20191119T083800')).toBe('2019-11-19');
    expect(normaliseDate('14. Mai 2024, 06:30 Uhr')).toBe('2024-05-14');
    expect(normaliseDate('Publicerad 2 mars 2024 kl. 09.15')).toBe('2024-03-02');
    expect(normaliseDate('Tuesday, November 19, 2019 08:38 AM')).toBe('2019-11-19');
    expect(normaliseDate('19 de novembro de 2019')).toBe('2019-11-19');
    expect(normaliseDate('19.11.2019')).toBe('2019-11-19');
    expect(normaliseDate('11/12/2019')).toBeNull();
    expect(normaliseDate('2019-02-30')).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
    expect(dateFromUrl('https://x.example/2019/11/18/story.html')).toBe('2019-11-18');
    expect(dateFromUrl('https://x.example/story-2019.html')).toBeNull();
  });

  it('strips site names from titles only when they are the site', () => {
    expect(stripSiteName('Hong Kong chaos | World | News | Express.co.uk', 'Express.co.uk')).toBe('Hong Kong chaos | World | News');
    expect(stripSiteName('The Guardian view on Hong Kong | Editorial', 'the Guardian')).toBe('The Guardian view on Hong Kong | Editorial');
    expect(stripSiteName('BBC News - Storm hits coast', 'BBC News')).toBe('Storm hits coast');
    expect(stripSiteName('Storm hits coast - Kent', 'BBC News')).toBe('Storm hits coast - Kent');
  });

  it('cleans bylines', () => {
    expect(cleanByline('By Justine Coleman - 11/18/19 11:04 PM EST')).toBe('Justine Coleman');
    expect(cleanByline('Av  Anna Svensson')).toBe('Anna Svensson');
    expect(cleanByline('https://www.facebook.com/someone')).toBeNull();
    expect(cleanByline('humans.txt')).toBeNull();
  });
});

describe('JSON-LD of any size', () => {
  it('reads a 200,000-element JSON-LD array without spreading it into arguments', () => {
    const items = [
      { '@type': 'NewsArticle', headline: 'Tidal power for the harbour', datePublished: '2025-06-13', inLanguage: 'en' },
      ...Array.from({ length: 200_000 }, (_, i) => i),
    ];
    const doc = parseHTML(
      `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(items)}</script></head><body><p>x</p></body></html>`,
    ).document;
    expect(readMeta(doc)).toMatchObject({ title: 'Tidal power for the harbour', published: '2025-06-13', declaredLang: 'en' });
    // The same array behind the article: still found (the walk is linear in the value, not bounded before it).
    const behind = [...items.slice(1), items[0]];
    const late = parseHTML(
      `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(behind)}</script></head><body><p>x</p></body></html>`,
    ).document;
    expect(readMeta(late).title).toBe('Tidal power for the harbour');
  });
});
