/**
 * Language identification by function-word frequency: short, frequent words are the most
 * reliable signal on news text and cost nothing to ship. Covers sv, en, de, fr, es, pt (plus
 * da, nb and nl, so that Scandinavian and Germanic neighbours are not mistaken for sv or de).
 */

const STOPWORDS: Record<string, string> = {
  sv: 'och att det som en på är av för med till den har inte om ett var men från de sig vid så också när eller efter kan nu under sina hade mot vilket skulle enligt dess än utan där hon han detta vara blir blev mycket något',
  en: 'the and of to a in is that for it on with as was by at from this be are have has an not but which were they their or been will would who its had can more also after about said than into when there',
  de: 'der die und das ist nicht ein eine zu den von mit sich des auf für im dem auch es an als nach wie bei oder noch nur aus wird sind hat einer werden vor zum zur über durch sie wurde haben',
  fr: 'le la les de des et un une du est en que qui dans pour pas sur au par plus avec ce il elle sont ont été aux mais ou son sa ses nous vous cette leur être fait comme',
  es: 'el la los las de y que en un una es por con para del al se lo como más pero sus su fue ha son este esta también desde entre sobre hasta cuando muy sin porque han está',
  pt: 'o a os as de e que em um uma do da dos das para com não por mais como mas foi ao se na no nas nos é ser pelo pela também seu sua são está tem ou quando muito já',
  da: 'og i at det er en til på af med for den ikke som har de var der et han hun fra kan vil efter også blev skal hvor nu når jeg eller meget',
  nb: 'og i er det som en på til av for med ikke har de var den et han hun fra kan vil etter også ble skal hvor nå når jeg eller mye',
  nl: 'de het een en van in is dat op te zijn voor met die niet aan er als door om ook bij maar uit wordt naar worden tot heeft werd deze nog',
};

const TABLE: Map<string, string[]> = (() => {
  const t = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOPWORDS)) for (const w of words.split(' ')) t.set(w, [...(t.get(w) ?? []), lang]);
  return t;
})();

const FUNCTION_WORDS = new Map(Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]));
const NO_WORDS: ReadonlySet<string> = new Set();

/** The frequent function words of `lang` (lower case), for weighting terms; empty for unknown languages. */
export function functionWords(lang: string): ReadonlySet<string> {
  return FUNCTION_WORDS.get(lang) ?? NO_WORDS;
}

/** Letters that only some of the languages use: a cheap tie-breaker. */
const MARKERS: [RegExp, string, number][] = [
  [/[åäö]/g, 'sv', 0.5],
  [/[æø]/g, 'da', 0.3],
  [/[æø]/g, 'nb', 0.3],
  [/ß|[äöü]/g, 'de', 0.3],
  [/[ãõç]/g, 'pt', 0.5],
  [/[ñ¿¡]/g, 'es', 0.5],
  [/[èêàç]|\b(?:l|d|qu)['’]/g, 'fr', 0.3],
];

export const SUPPORTED_LANGS = ['sv', 'en', 'de', 'fr', 'es', 'pt'] as const;

export interface LangGuess {
  lang: string; // "und" when unsure
  confidence: number; // 0..1: share of the winning language among matched stop words
}

/**
 * Guesses the language of `text`. Looks at most at the first `maxChars` characters. Returns "und"
 * for text with too little evidence (under `minHits` stop words) or no clear winner.
 */
export function detectLanguage(text: string, { maxChars = 20_000, minHits = 5 } = {}): LangGuess {
  const sample = text.slice(0, maxChars).toLowerCase();
  const scores = new Map<string, number>();
  let hits = 0;
  for (const m of sample.matchAll(/\p{L}+/gu)) {
    const langs = TABLE.get(m[0]);
    if (!langs) continue;
    hits++;
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + 1 / langs.length);
  }
  if (hits < minHits) return { lang: 'und', confidence: 0 };
  for (const [re, lang, weight] of MARKERS) {
    const n = sample.match(re)?.length ?? 0;
    if (n > 0) scores.set(lang, (scores.get(lang) ?? 0) + Math.min(n, hits) * weight * 0.2);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best) return { lang: 'und', confidence: 0 };
  const total = ranked.reduce((s, [, v]) => s + v, 0);
  const confidence = best[1] / total;
  if (second && best[1] < second[1] * 1.2) return { lang: 'und', confidence };
  return { lang: best[0], confidence };
}

// (The language-tag reader lives apart, so that the content script, which only reads tags, does not load the word tables.)
export { primaryLanguage } from './lang-tag';
