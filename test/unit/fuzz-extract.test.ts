/**
 * Fuzzing article extraction (src/corpus/extract-text.ts and src/corpus/extract-html.ts) with
 * random and mutated versions of the fixture pages in test/fixtures/articles/ (and the seed dumps).
 *
 * Seeds are fixed so CI is reproducible: FUZZ_SEED=<integer|random> explores other inputs and
 * FUZZ_RUNS=<factor> scales the run counts (see fuzz-helpers.ts). A failure prints the
 * counterexample and fast-check's seed; the suite's title names the base seed.
 *
 * Properties: an extraction either returns an article (title and body non-empty strings, the body
 * trimmed with paragraphs separated by exactly one blank line, lang a primary subtag or "und",
 * published a real YYYY-MM-DD or null, the other fields strings or null) or throws an
 * ExtractionError that names the input; never another error. It is deterministic, extractHtml
 * leaves the document it is given as it was, and each call stays within a (generous) time bound.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/corpus/extract-html';
import { extractText } from '../../src/corpus/extract-text';
import { ExtractionError, type ExtractedArticle } from '../../src/corpus/types';
import { applyEdits, awkwardChar, edits, fuzz, noise, suiteTitle, timed, timeout } from './fuzz-helpers';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DUMPS = [
  'test/fixtures/articles/dump-de-lindenau-wasserpreis.txt',
  'test/fixtures/articles/dump-en-bayside-pier.txt',
  'test/fixtures/articles/dump-sv-kvarnby-pendeltag.txt',
  'assets/seeds/000_d35634ae92cf12c4.txt',
  'assets/seeds/004_b9dd206ab3ce0339.txt',
].map(read);
const PAGES = ['html-de-cms-article.html', 'html-en-amp-jsonld.html', 'html-sv-divsoup.html'].map((f) =>
  read(`test/fixtures/articles/${f}`),
);

/** What an extraction gave: the article, or the error's class and message. */
type Outcome = { article: ExtractedArticle } | { error: unknown };

function attempt(f: () => ExtractedArticle): Outcome {
  try {
    return { article: f() };
  } catch (error) {
    return { error };
  }
}

const LANG = /^[a-z]{2,3}$|^und$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDay = (s: string): boolean => {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === s;
};
/** linkedom serialises a document with toString (the DOM types do not say so). */
const serialise = (doc: Document): string => (doc as Document & { toString(): string }).toString();
const stringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

/** The first way `out` breaks the contract, or null. */
function violation(out: Outcome, name: string): string | null {
  if ('error' in out) {
    const e = out.error;
    if (!(e instanceof ExtractionError)) return `threw ${String(e)}${e instanceof Error ? `\n${e.stack ?? ''}` : ''}`;
    if (e.source !== name || e.reason.trim() === '') return `ExtractionError without the input's name or a reason: ${e.message}`;
    return null;
  }
  const a = out.article;
  const at = JSON.stringify({ ...a, body: a.body.slice(0, 300) });
  if (typeof a.title !== 'string' || a.title.trim() === '') return `empty title: ${at}`;
  if (typeof a.body !== 'string' || a.body.trim() === '') return `empty body: ${at}`;
  if (a.body !== a.body.trim() || /\n\s*\n\s*\n/u.test(a.body))
    return `body not trimmed, or more than one blank line between paragraphs: ${at}`;
  if (a.body.split('\n\n').some((p) => p === '' || p !== p.trim())) return `an empty or untrimmed paragraph: ${at}`;
  if (!LANG.test(a.lang)) return `lang ${JSON.stringify(a.lang)}`;
  if (a.published !== null && !realDay(a.published)) return `published ${JSON.stringify(a.published)}`;
  if (![a.source, a.url, a.byline, a.lead].every(stringOrNull)) return `a field of the wrong type: ${at}`;
  return null;
}

const sameOutcome = (x: Outcome, y: Outcome): boolean =>
  'article' in x && 'article' in y
    ? JSON.stringify(x.article) === JSON.stringify(y.article)
    : 'error' in x && 'error' in y && x.error instanceof Error && y.error instanceof Error && x.error.message === y.error.message;

// ---------------------------------------------------------------------------------------------
// Text dumps.

/** Lines a page dump has around its article: menus, teasers, datelines, bylines, addresses, ads. */
const LINES = [
  '',
  '',
  'Meny',
  'Logga in',
  'Prenumerera',
  'Dela artikeln',
  'ANNONS',
  'Anzeige',
  'Advertisement',
  'Läs också: Busskaos i Kvarnby – resenärer fick vänta i en timme',
  'Read more: Harbor board approves pier',
  'Publicerad 12 mars 2025 kl. 08.15',
  'Published June 13, 2025',
  '14. Mai 2024, 06:30 Uhr',
  'Av Karin Lindqvist',
  'By Jane Doe',
  'Von Anna Berger',
  'url: https://example.com/news/2025/06/13/story',
  'https://example.com/a?b=c',
  '© 2025 The News Journos',
  '• Facebook',
  '- X',
  '   indented line',
  'SHOUTING HEADLINE IN CAPITALS',
  'a'.repeat(3000),
  'word '.repeat(400),
  'Det här är en mening med tillräckligt många ord för att se ut som en riktig paragraf i en artikel om ingenting alls.',
  'This is a sentence with enough words in it to look like a real paragraph of an article about nothing in particular at all.',
];

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: awkwardChar },
);

/** One edit of a dump's lines. */
type LineEdit =
  | { op: 'delete' | 'duplicate'; at: number; n: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'rewrap'; width: number };

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: line }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('rewrap' as const), width: fc.integer({ min: 20, max: 120 }) }),
);

function applyLineEdits(text: string, list: readonly LineEdit[]): string {
  let lines = text.split('\n');
  for (const e of list) {
    if (e.op === 'rewrap') {
      // Hard-wraps every line at a column, as lynx or a mail client would.
      lines = lines.flatMap((l) => l.match(new RegExp(`.{1,${e.width}}(?:\\s|$)|.{1,${e.width}}`, 'gu')) ?? ['']);
      continue;
    }
    const at = e.at % (lines.length + 1);
    switch (e.op) {
      case 'delete':
        lines.splice(at, e.n);
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + e.n));
        break;
      case 'insert':
        lines.splice(at, 0, e.text);
        break;
      case 'truncate':
        lines = lines.slice(0, at);
        break;
      case 'swap': {
        const to = e.to % Math.max(1, lines.length);
        const [x, y] = [lines[at], lines[to]];
        if (x !== undefined && y !== undefined) [lines[at], lines[to]] = [y, x];
      }
    }
  }
  return lines.join('\n');
}

const dump: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...DUMPS),
        fc.array(lineEdit, { maxLength: 10 }),
        edits(fc.oneof(line, noise), 4),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([d, le, ce, eol]) => applyEdits(applyLineEdits(d, le), ce).replace(/\n/g, eol)),
  },
  { weight: 1, arbitrary: fc.array(line, { maxLength: 60 }).map((ls) => ls.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
);

// ---------------------------------------------------------------------------------------------
// HTML pages.

const HUGE = 'x'.repeat(50_000);
/** Markup to insert: tags (also unclosed and stray), attributes, entities, comments, scripts, metadata. */
const MARKUP = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<span>',
  '</span>',
  '<article>',
  '</article>',
  '<main>',
  '<nav>',
  '</nav>',
  '<aside>',
  '<footer>',
  '<header>',
  '<h1>',
  '</h1>',
  '<h2>Mehr zum Thema</h2>',
  '<ul><li><a href="/a">Link</a></li>',
  '<table><tr><td>',
  '</td></tr></table>',
  '<br>',
  '<hr/>',
  '<img src="x.jpg" alt="">',
  '<figure><figcaption>Foto: Jane Doe</figcaption></figure>',
  '<a href="javascript:void(0)">',
  '</a>',
  '<script>var a = "</p>";</script>',
  '<script>',
  '</script>',
  '<style>p { display: none }</style>',
  '<noscript>',
  '<template><p>inside a template</p></template>',
  '<svg><title>icon</title></svg>',
  '<math><mi>x</mi></math>',
  '<iframe src="about:blank"></iframe>',
  '<!-- a comment -->',
  '<!--',
  '-->',
  '<![CDATA[ x ]]>',
  '<!doctype html>',
  '<html lang="">',
  '<html lang="xx-YY-zzzz">',
  '<html lang="12">',
  '<body>',
  '</body>',
  '</html>',
  '<title></title>',
  '<title> | </title>',
  '<meta property="og:title" content="">',
  '<meta property="og:title" content="   ">',
  '<meta property="og:locale" content="sv_SE">',
  '<meta property="article:published_time" content="2025-02-30T10:00:00Z">',
  '<meta property="article:published_time" content="not a date">',
  '<meta name="author" content="">',
  '<meta name="description" content="A description that is not in the body at all, long enough to count as a lead.">',
  '<link rel="canonical" href="::not a url::">',
  '<link rel="canonical" href="/relative/path">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"","datePublished":"2025-13-45","inLanguage":"zz","author":[null,{}]}</script>',
  '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","articleBody":"","datePublished":null}]}</script>',
  '<script type="application/ld+json">{"@type": "NewsArticle", headline: </script>',
  '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]</script>',
  '<p class="byline">By </p>',
  '<time datetime="2025-06-13">13 June</time>',
  '<time datetime="">',
  `<p class="${HUGE}">`,
  `<div data-x="${HUGE}"></div>`,
  `<a href="https://example.com/${HUGE}">link</a>`,
  '&amp;',
  '&nbsp;',
  '&#0;',
  '&#xD800;',
  '&#x1F600;',
  '&#99999999;',
  '&bogus;',
  '&',
  '<',
  '>',
  '"',
  '<p>Short.</p>',
  '<p>The council approved a plan on Tuesday to rebuild the old stone bridge over the river, ending a dispute that has lasted for years.</p>',
  '<p>Regionen skjuter upp bygget av den nya pendeltågslinjen med två år, och kostnaderna har stigit med en halv miljard kronor.</p>',
];

const markup = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: awkwardChar },
);

/** The parts of a fixture page: its head's children, and its body. */
function partsOf(html: string): { head: string[]; body: string } {
  const head = /<head>([\s\S]*)<\/head>/u.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/u.exec(html)?.[1] ?? '';
  return { head: head.split('\n').filter((l) => l.trim() !== ''), body };
}
const PARTS = PAGES.map(partsOf);
const HEADINGS = /<h1[^>]*>[\s\S]*?<\/h1>/gu;

/** A fixture page rebuilt with some of its head (maybe no title, no metadata), maybe without its headline, maybe with another page's lang. */
const recomposed: fc.Arbitrary<string> = fc
  .tuple(
    fc.nat({ max: PARTS.length - 1 }),
    fc.boolean(),
    fc.constantFrom('', ' lang="de"', ' lang="sv-SE"', ' lang="en_GB"', ' lang="tlh"', ' lang="x"'),
  )
  .chain(([i, dropHeadline, lang]) => {
    const { head, body } = PARTS[i]!;
    return fc
      .tuple(fc.subarray(head), edits(markup, 4))
      .map(
        ([h, e]) =>
          `<!doctype html><html${lang}><head>${h.join('\n')}</head><body>${applyEdits(dropHeadline ? body.replace(HEADINGS, '') : body, e)}</body></html>`,
      );
  });

const page: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PAGES), edits(markup, 10)).map(([p, e]) => applyEdits(p, e)) },
  { weight: 2, arbitrary: recomposed },
  { weight: 1, arbitrary: fc.array(markup, { maxLength: 80 }).map((ms) => ms.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
);

describe(suiteTitle('fuzz: article extraction'), () => {
  it(
    'extractText returns a well-formed article or throws ExtractionError, deterministically and in bounded time',
    () => {
      fc.assert(
        fc.property(dump, (raw) => {
          const [out, ms] = timed(() => attempt(() => extractText(raw, { name: 'dump.txt' })));
          expect(violation(out, 'dump.txt')).toBeNull();
          expect(
            sameOutcome(
              out,
              attempt(() => extractText(raw, { name: 'dump.txt' })),
            ),
          ).toBe(true);
          expect(ms).toBeLessThan(2_000);
        }),
        fuzz('extract/text', 100),
      );
    },
    timeout(),
  );

  it(
    'extractHtml returns a well-formed article or throws ExtractionError, deterministically, in bounded time, without touching the document',
    () => {
      fc.assert(
        fc.property(page, (html) => {
          const doc = parseHTML(html).document;
          const before = serialise(doc);
          const [out, ms] = timed(() => attempt(() => extractHtml(doc, { name: 'page.html' })));
          expect(violation(out, 'page.html')).toBeNull();
          expect(serialise(doc)).toBe(before);
          expect(
            sameOutcome(
              out,
              attempt(() => extractHtml(parseHTML(html).document, { name: 'page.html' })),
            ),
          ).toBe(true);
          expect(ms).toBeLessThan(2_000);
        }),
        fuzz('extract/html', 40),
      );
    },
    timeout(),
  );

  // Regressions for what the fuzzing found.
  it('gives a page with no <title>, no metadata and no headline a title: its opening words', () => {
    const body = PARTS[2]!.body.replace(HEADINGS, '').replace('<div class="headline">', '<div>');
    const a = extractHtml(parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document);
    expect(violation({ article: a }, 'page.html')).toBeNull();
    expect(a.title).toMatch(/^Trafikverket backar\./u);
    expect(a.body.startsWith(a.title)).toBe(true);
  });

  it('rejects a fragment whose only element Readability removes with an ExtractionError, not a TypeError from linkedom', () => {
    for (const html of ['<style>p { display: none }</style>', '<script>var a = 1;</script>', '<noscript>x</noscript>']) {
      const out = attempt(() => extractHtml(parseHTML(html).document, { name: 'page.html' }));
      expect(violation(out, 'page.html')).toBeNull();
    }
  });
});
