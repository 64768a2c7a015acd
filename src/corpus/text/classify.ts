/**
 * The line classifier and the article region.
 *
 * 1. Every block gets features (length, function-word density, sentence-final punctuation, title
 *    case, date, truncation, furniture phrases) and a kind: prose ("good"), a short sentence
 *    ("near"), a short line ("short") or furniture ("bad").
 * 2. Structure adjusts the kinds: teaser cards (headline + blurb + date), tables of contents
 *    (items that come back later as crossheads), numbered lists and tables (kept), repeated
 *    paragraphs (dropped).
 * 3. The article is the contiguous run with the highest total weight (Kadane): prose counts for,
 *    short lines a little against (more the longer their run), furniture more; copyright lines,
 *    comment headers and a share bar under the prose are walls no article crosses, and prose
 *    after a comments header counts for little (readers' comments).
 * 4. Inside the run, short lines survive only as crossheads (or, in dumps that mark paragraphs
 *    with blank lines, as paragraphs of their own).
 */
import type { Block } from './blocks';
import { findDates } from './dates';
import { FUNCTION_WORDS, hasFurniture, hasStrongFurniture, isCommentsHeader, isLabel, isPrefixed, isShareBar, isWall } from './lexicon';

export type Kind = 'good' | 'near' | 'short' | 'bad';

export interface Scored extends Block {
  /** Words (for scripts written without spaces: characters / 2). */
  words: number;
  /** Share of the words that are function words (of the page's language or the best-fitting one); -1 when no list covers the script. */
  density: number;
  /** Ends like a sentence: . ! ? 。 (optionally followed by a closing quote or bracket). */
  sentence: boolean;
  /** Share of the longer words that start with a capital letter. */
  titleCase: number;
  /** The line is a date or a time (with at most a few words around it: "Updated June 3, 2025 9:03 am", "2H ago"). */
  dateLine: boolean;
  /** A truncated teaser blurb ("… Galaxy S22, S23, S24 …"). */
  truncated: boolean;
  /** The dump marks paragraphs with blank lines and this line stands alone between two of them. */
  paragraph: boolean;
  kind: Kind;
  /** Why the kind (for debugging and tests). */
  why: string;
  weight: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const SENTENCE_END = /[.!?。！？]["'”’»)\]]*$|[.!?]\s*\(.{1,60}\)$/u;
const TRUNCATED = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/u;
const INNER_TRUNCATION = /(?:…|\.\.\.)\s+\p{Lu}/gu;
const RELATIVE_TIME =
  /^(?:updated\s+|posted\s+|published\s+)?(?:\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:et|est|edt|pt|cet|cest|utc|gmt|ist)?|(?:\d+|an?|one)\s*(?:s|m|h|d|w|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago(?:\s+at\s+\d{1,2}[:.]\d\d\s*(?:am|pm)?)?|(?:yesterday|today|igår|i går|idag|i dag|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje)(?:\s+(?:at|kl\.?|um|à|a las|às)?\s*\d{1,2}[:.]\d\d)?|för\s+\d+\s+\p{L}+\s+sedan|vor\s+\d+\s+\p{L}+|il y a\s+\d+\s+\p{L}+|hace\s+\d+\s+\p{L}+|há\s+\d+\s+\p{L}+)$/iu;
/** A date without a year ("Nov 15", "15 March", "Friday, July 4"): teaser and header dates. */
const YEARLESS_DATE =
  /^(?:\p{L}+,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\.?\s+\p{L}{3,9}\.?)(?:,?\s+\d{1,2}[:.]\d\d\s*(?:am|pm)?)?$/iu;
const NUMBERED = /^(\d{1,3})[.)]\s+\S/u;
const BYLINE_START = /^(?:by|av|von|par|por|di|door)\s+\p{Lu}/iu;
/** A picture caption ends with its credit: "(Leah Kim/The Bayside Courier)", "(AP Photo/…)", "(Photo: …)", "Foto: …". */
const CAPTION =
  /\((?:[^()]*\/[^()]*|[^()]*\b(?:photo|photograph|foto|bild|getty|reuters|ap|afp|epa|file|pictured|credit)\b[^()]*)\)\s*$|\b(?:photo|foto|bild|image|credit)\s*:\s*[^.]{2,60}$/iu;

function countTokens(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(TOKEN)) n++;
  return n;
}

/** Features and kind of every block, then the structural adjustments, for a page in language `lang`. */
export function classify(blocks: readonly Block[], lang: string): Scored[] {
  // Dumps of rendered pages (innerText) put a blank line around each <p> and none between list
  // items or the divs of a menu: when a dump has that layout, it tells paragraphs from furniture.
  const paragraphs = blocks.filter((b) => b.blankBefore && b.blankAfter).length;
  const layout = blocks.length >= 20 && paragraphs >= 3 && paragraphs / blocks.length >= 0.05;
  // Menus, teasers and footers repeat: each distinct line is measured once.
  const cache = new Map<string, TextFeatures>();
  const scored = blocks.map((b) => {
    let f = cache.get(b.text);
    if (!f) {
      f = textFeatures(b.text, lang);
      cache.set(b.text, f);
    }
    return score(b, f, layout);
  });
  markDuplicates(scored);
  markTableOfContents(scored);
  markNumberedLists(scored);
  markTables(scored);
  markTeaserCards(scored);
  markComments(scored);
  escalateRuns(scored);
  return scored;
}

/**
 * Share of function words among `tokens`: in the page's language, or in whichever listed
 * language fits the line best (pages mix languages: an Indonesian article under English menus).
 * -1 when the line is mostly in a script no list covers (Hangul, Han, Arabic, …).
 */
function functionWordDensity(text: string, tokens: readonly string[], lang: string): number {
  if (tokens.length === 0) return -1;
  // Letters in scripts no list covers: count them only when there are any (the common case has none).
  if (UNCOVERED.test(text)) {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    const covered = text.match(/[\p{Script=Latin}\p{Script=Cyrillic}]/gu)?.length ?? 0;
    if (letters === 0 || covered / letters < 0.5) return -1;
  }
  // A sample is enough: a paragraph of 5 MB needs no more than its first thousands of words.
  const lower = tokens.slice(0, 2000).map((t) => t.toLowerCase());
  let best = 0;
  for (const [l, words] of FUNCTION_WORDS) {
    let hits = 0;
    for (const t of lower) if (words.has(t)) hits++;
    // Other languages' lists count slightly less, so chance hits in a menu do not make prose.
    const d = (hits / lower.length) * (l === lang ? 1 : 0.9);
    if (d > best) best = d;
  }
  return best;
}

const UNCOVERED = /[^\P{L}\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** Times and the words that label a date ("Published … at 6:42 p.m. | Updated …"): not content. */
const DATE_FURNITURE =
  /\b\d{1,2}[:.]\d\d(?:\s*(?:a\.?m\.?|p\.?m\.?|uhr|h))?|\b(?:published|updated|posted|modified|last|first|on|at|am|um|kl|klockan|publicerad|uppdaterad|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato|le|el|em|il|den)\b/giu;

function isDateLine(text: string, words: number): boolean {
  if (words > 24) return false;
  if (RELATIVE_TIME.test(text)) return true;
  // Every other date has a number in it.
  if (!/\d/u.test(text)) return false;
  if (words <= 5 && YEARLESS_DATE.test(text) && findMonthish(text)) return true;
  const dates = findDates(text);
  if (dates.length === 0) return false;
  let rest = text;
  for (const d of dates) rest = rest.replace(text.slice(d.start, d.end), ' ');
  return countTokens(rest.replace(DATE_FURNITURE, ' ')) <= 6;
}

/** The yearless-date pattern is loose: require a month-like word (a date module word or an abbreviation with a period). */
function findMonthish(text: string): boolean {
  return findDates(`${text.replace(/,?\s+\d{1,2}[:.]\d\d.*$/u, '')} 2000`).length > 0;
}

/** What a line's text alone says, whatever its place: computed once per distinct text. */
interface TextFeatures {
  words: number;
  density: number;
  sentence: boolean;
  titleCase: number;
  dateLine: boolean;
  truncated: boolean;
  /** Furniture, by its text alone: why, or null. */
  furniture: string | null;
}

function textFeatures(text: string, lang: string): TextFeatures {
  const tokens = text.match(TOKEN) ?? [];
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const words = Math.max(tokens.length, unspaced > tokens.length ? Math.round(unspaced / 2) : 0);
  let long = 0;
  let capital = 0;
  for (const t of tokens.length > 2000 ? tokens.slice(0, 2000) : tokens) {
    if (t.length >= 4 && /^\p{L}/u.test(t)) {
      long++;
      if (/^\p{Lu}/u.test(t)) capital++;
    }
  }
  const density = functionWordDensity(text, tokens, lang);
  const sentence = SENTENCE_END.test(text);
  const titleCase = long > 0 ? capital / long : 0;
  const dateLine = isDateLine(text, words);
  const truncated = TRUNCATED.test(text) && words >= 4;
  const f: TextFeatures = { words, density, sentence, titleCase, dateLine, truncated, furniture: null };
  f.furniture = isWall(text)
    ? 'wall'
    : isLabel(text)
      ? 'label'
      : isShareBar(text)
        ? 'share bar'
        : hasStrongFurniture(text)
          ? 'furniture'
          : isPrefixed(text) && words < 40
            ? 'prefixed'
            : hasFurniture(text) && words < 40
              ? 'furniture'
              : truncated && !sentence
                ? 'truncated'
                : (text.match(INNER_TRUNCATION)?.length ?? 0) >= 2
                  ? 'teasers'
                  : dateLine
                    ? 'date'
                    : CAPTION.test(text) && words <= 60
                      ? 'caption'
                      : // A tag cloud or a row of links: many capitalised words, no sentence, few function words.
                        words >= 12 && titleCase >= 0.8 && !sentence && density >= 0 && density < 0.15
                        ? 'tags'
                        : null;
  return f;
}

function score(b: Block, f: TextFeatures, layout: boolean): Scored {
  const { words, density, sentence, titleCase } = f;
  const paragraph = layout && b.blankBefore && b.blankAfter;
  const s: Scored = {
    index: b.index,
    text: b.text,
    bullet: b.bullet,
    blankBefore: b.blankBefore,
    blankAfter: b.blankAfter,
    words,
    density,
    sentence,
    titleCase,
    dateLine: f.dateLine,
    truncated: f.truncated,
    paragraph,
    kind: 'short',
    why: '',
    weight: 0,
  };
  if (f.furniture === 'wall') return setKind(s, 'bad', 'wall', WALL);
  if (f.furniture === 'caption') return setKind(s, 'bad', 'caption', -4);
  if (f.furniture !== null) return setKind(s, 'bad', f.furniture, -6 - Math.min(words, 60) * 0.3);

  const prose = density < 0 ? true : density >= 0.2 || (words >= 30 && density >= 0.12);
  if (words >= 12 && prose && (sentence || words >= 20) && titleCase < 0.75) {
    // In a dump with paragraph layout, a long line outside any paragraph is a list item or a blurb more often than article.
    return setKind(s, 'good', 'prose', words * (layout && !paragraph ? 0.3 : 1));
  }
  if (words >= 5 && sentence && (density < 0 || density >= 0.12)) return setKind(s, 'near', 'sentence', words * 0.3);
  return setKind(s, 'short', 'short', b.bullet ? -5 : !layout ? -4 : paragraph ? -1 : b.blankBefore || b.blankAfter ? -3 : -4);
}

/** The weight of a wall (copyright line, comment header): no article region crosses it. */
const WALL = -1e6;

function setKind(s: Scored, kind: Kind, why: string, weight: number): Scored {
  s.kind = kind;
  s.why = why;
  s.weight = weight;
  return s;
}

const prosy = (b: Scored | undefined): boolean => b?.kind === 'good' || b?.kind === 'near';
const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A long paragraph that already appeared (a pull quote, a repeated consent notice, a duplicated teaser): only its first occurrence counts. */
function markDuplicates(scored: Scored[]): void {
  const seen = new Set<string>();
  for (const b of scored) {
    if (b.words < 12) continue;
    const key = normal(b.text);
    if (seen.has(key)) setKind(b, 'bad', 'duplicate', 0);
    else seen.add(key);
  }
}

/**
 * A table of contents: a run of short lines, most of which come back later in the dump as lines
 * of their own (the crossheads they link to), possibly numbered ("1) Focus on …").
 */
function markTableOfContents(scored: Scored[]): void {
  const positions = new Map<string, number[]>();
  scored.forEach((b, i) => {
    if (b.words > 15) return;
    const key = normal(b.text.replace(NUMBERED_PREFIX, ''));
    if (key === '') return;
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  });
  const goodBefore: number[] = [];
  let count = 0;
  for (const b of scored) {
    goodBefore.push(count);
    if (b.kind === 'good') count++;
  }
  goodBefore.push(count);
  const proseBetween = (a: number, b: number): boolean => (goodBefore[b] ?? 0) > (goodBefore[a + 1] ?? 0);
  /** The first position in the sorted `list` that is at least `min` (binary search: lists of repeated menu lines are long). */
  const firstAtLeast = (list: readonly number[], min: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < min) lo = mid + 1;
      else hi = mid;
    }
    return list[lo] ?? -1;
  };
  let i = 0;
  while (i < scored.length) {
    let j = i;
    while (j < scored.length && scored[j]?.kind !== 'good' && scored[j]?.kind !== 'near' && (scored[j]?.words ?? 99) <= 15) j++;
    if (j - i >= 3) {
      // Where an item comes back: as the run's last line (the first crosshead, right after the
      // list) or anywhere after it.
      const hits: [number, number][] = [];
      for (let k = i; k < j - 1; k++) {
        const b = scored[k];
        if (!b || b.words > 15) continue;
        const at = firstAtLeast(positions.get(normal(b.text.replace(NUMBERED_PREFIX, ''))) ?? [], j - 1);
        if (at > k) hits.push([k, at]);
      }
      // The items come back in order, each one as the head of its own section (prose between them):
      // a block of lines that merely repeats (a second menu, a repeated recipe card) does not.
      let sections = 0;
      for (let h = 1; h < hits.length; h++) {
        const [, a] = hits[h - 1] ?? [0, 0];
        const [, b] = hits[h] ?? [0, 0];
        if (b > a && proseBetween(a, b)) sections++;
      }
      if (hits.length >= 3 && hits.length >= (j - i) * 0.5 && sections >= Math.max(2, (hits.length - 1) * 0.6)) {
        const first = hits[0]?.[0] ?? i;
        const last = hits[hits.length - 1]?.[0] ?? j - 1;
        for (let k = first; k <= last; k++) {
          const b = scored[k];
          if (b) setKind(b, 'bad', 'contents', -4);
        }
        // The label right above the list ("Article Subheadings", "Contents").
        const above = scored[first - 1];
        if (above && above.kind === 'short' && above.words <= 4) setKind(above, 'bad', 'contents', -4);
      }
    }
    i = Math.max(j, i + 1);
  }
}

const NUMBERED_PREFIX = /^\d{1,3}[.)]\s+/u;

/**
 * Numbered lists ("1) …", "2) …", at least three in sequence, a line or two apart): a listicle's
 * items are article even when short. Menus are never numbered.
 */
function markNumberedLists(scored: Scored[]): void {
  // A long numbered item with many capitals ("3) Cofanetto Nolan: Interstellar/…") looks like a tag row.
  const listable = (x: Scored | undefined): boolean => x !== undefined && (x.kind !== 'bad' || x.why === 'tags');
  for (let i = 0; i < scored.length; i++) {
    const b = scored[i];
    const m = b ? NUMBERED.exec(b.text) : null;
    if (!b || !m || !listable(b) || Number(m[1]) !== 1) continue;
    const chain = [i];
    let n = 1;
    let k = i;
    while (true) {
      let next = -1;
      for (let d = 1; d <= 4 && k + d < scored.length; d++) {
        const c = scored[k + d];
        const cm = c ? NUMBERED.exec(c.text) : null;
        if (cm && Number(cm[1]) === n + 1 && listable(c)) {
          next = k + d;
          break;
        }
      }
      if (next < 0) break;
      chain.push(next);
      n++;
      k = next;
    }
    if (chain.length < 3) continue;
    for (let x = i; x <= k; x++) {
      const c = scored[x];
      if (c && (c.kind === 'short' || c.why === 'tags') && NUMBERED.test(c.text)) setKind(c, 'near', 'list', 2);
    }
    i = k;
  }
}

const NUMBER_TOKEN = /(?<![\p{L}\d])\d+(?:[.,:/]\d+)*%?(?![\p{L}\d])/gu;

/**
 * Tables (results, statistics, prices): three or more consecutive short lines with two numbers or
 * more each, and the header row above them. They are article when the article has them (neutral
 * weight: the region may cross them, never grow into them).
 */
function markTables(scored: Scored[]): void {
  const numeric = (b: Scored | undefined): boolean =>
    b !== undefined && b.kind !== 'good' && b.kind !== 'bad' && b.words <= 30 && (b.text.match(NUMBER_TOKEN)?.length ?? 0) >= 2;
  let i = 0;
  while (i < scored.length) {
    let j = i;
    while (j < scored.length && numeric(scored[j])) j++;
    if (j - i >= 3) {
      // The header row right above ("Pos Player Plays % Stats").
      const header = scored[i - 1];
      const from = header && header.kind === 'short' && header.words <= 10 && !header.bullet ? i - 1 : i;
      for (let k = from; k < j; k++) {
        const b = scored[k];
        if (b && !b.dateLine) setKind(b, 'near', 'table', 0);
      }
    }
    i = Math.max(j, i + 1);
  }
}

/**
 * Teaser cards around (or after) the article: a headline with its blurb and a date or time
 * ("32M ago"), a headline with a date, a headline with a truncated blurb. One such group is what
 * an article's own header looks like (title, standfirst, date), so only repeated ones count: two
 * or more cards close together.
 */
function markTeaserCards(scored: Scored[]): void {
  const headline = (b: Scored | undefined): boolean => b !== undefined && b.kind === 'short' && !b.sentence && b.words >= 2;
  /** The card that ends at date line i: its first index, or -1. */
  const cardEndingAt = (i: number): number => {
    const d = scored[i];
    // The article's own header looks like a card: a date line that carries a byline, or that the
    // article's prose follows, belongs to the article.
    if (!d?.dateLine || BYLINE_START.test(d.text) || scored[i + 1]?.kind === 'good') return -1;
    const p = scored[i - 1];
    if (p && prosy(p) && p.words < 60 && headline(scored[i - 2])) return i - 2;
    if (headline(p)) return i - 1;
    return -1;
  };
  const cards: [number, number][] = [];
  for (let i = 1; i < scored.length; i++) {
    const start = cardEndingAt(i);
    if (start >= 0) cards.push([start, i]);
    // A headline over a truncated blurb is a card by itself: no article paragraph ends in "…".
    const b = scored[i];
    if (b?.why === 'truncated' && headline(scored[i - 1])) cards.push([i - 1, i]);
  }
  cards.forEach(([start, end], k) => {
    const prev = cards[k - 1];
    const next = cards[k + 1];
    const truncated = scored[end]?.why === 'truncated';
    const repeated = (prev !== undefined && start - prev[1] <= 4) || (next !== undefined && next[0] - end <= 4);
    if (!truncated && !repeated) return;
    for (let x = start; x <= end; x++) {
      const b = scored[x];
      if (b && !b.dateLine && b.why !== 'truncated') setKind(b, 'bad', 'teaser', b.kind === 'short' ? -4 : -b.words * 0.5);
    }
  });
  // A lone short blurb between two runs of furniture or short lines (a card without a date):
  // article paragraphs come in runs, teaser blurbs one at a time.
  for (let i = 0; i < scored.length; i++) {
    const b = scored[i];
    if (!b || b.kind !== 'good' || b.words >= 35) continue;
    if (isolatedBetweenRuns(scored, i)) setKind(b, 'near', 'blurb', 0);
  }
}

function isolatedBetweenRuns(scored: readonly Scored[], i: number): boolean {
  const run = (from: number, step: number): number => {
    let n = 0;
    for (let k = from; k >= 0 && k < scored.length && n < 3; k += step) {
      if (prosy(scored[k])) break;
      n++;
    }
    return n;
  };
  return run(i - 1, -1) >= 3 && run(i + 1, 1) >= 3;
}

/**
 * Readers' comments: once a comments header follows a good amount of prose, the prose after it
 * is theirs, not the article's ("0 Comments" in a byline bar, before any prose, is only a wall).
 */
function markComments(scored: Scored[]): void {
  let prose = 0;
  let inComments = false;
  for (const b of scored) {
    if (inComments) {
      if (b.weight > 0) b.weight *= 0.1;
      continue;
    }
    if (b.kind === 'good') prose += b.words;
    if (b.why === 'wall' && isCommentsHeader(b.text) && prose >= 50) inComments = true;
    // A share bar under a good amount of prose closes the article (author boxes and teasers follow).
    if (b.why === 'share bar' && prose >= SHARE_WALL) setKind(b, 'bad', 'wall', WALL);
    if (b.why === 'wall') prose = 0;
  }
}
const SHARE_WALL = 150;

/** The k-th consecutive non-prose line of a run weighs more: one crosshead costs little, a menu of thirty a lot. */
function escalateRuns(scored: Scored[]): void {
  let k = 0;
  for (const b of scored) {
    if (prosy(b)) {
      k = 0;
      continue;
    }
    k++;
    if (b.weight < 0 && b.weight > WALL) b.weight *= Math.min(1 + (k - 1) * 0.25, 3);
  }
}

/** The contiguous run [start, end) of blocks with the highest total weight (Kadane). */
export function bestRegion(scored: readonly Scored[]): { start: number; end: number; total: number } {
  let best = { start: 0, end: 0, total: 0 };
  let start = 0;
  let sum = 0;
  for (let i = 0; i < scored.length; i++) {
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += scored[i]?.weight ?? 0;
    if (sum > best.total) best = { start, end: i + 1, total: sum };
  }
  return best;
}

/**
 * The blocks of the region that are article: prose, and short lines that head the prose after
 * them (crossheads) or that the dump shows as paragraphs of their own. Furniture goes, and so does
 * every run of short lines that a furniture label heads ("Senaste nytt" and its headlines),
 * except a last line that is shorter than the headlines before it (the crosshead of the next
 * paragraph).
 */
export function articleBlocks(scored: readonly Scored[], start: number, end: number): Scored[] {
  const out: Scored[] = [];
  let i = start;
  while (i < end) {
    const b = scored[i];
    if (!b) break;
    if (prosy(b)) {
      if (b.why !== 'blurb') out.push(b);
      i++;
      continue;
    }
    // A run of non-prose lines: [i, j).
    let j = i;
    while (j < end && !prosy(scored[j])) j++;
    const run = scored.slice(i, j);
    const headedByLabel = run[0]?.kind === 'bad' && (run[0].why === 'label' || run[0].why === 'prefixed');
    const shorts = run.filter((x) => x.kind === 'short');
    const last = run[run.length - 1];
    const followedByProse = j < end;
    if (!headedByLabel && shorts.some((x) => x.paragraph)) {
      for (const x of run) if (x.kind === 'short' && x.paragraph) out.push(x);
      if (last?.kind === 'short' && !last.paragraph && followedByProse && isCrosshead(last)) out.push(last);
    } else if (last?.kind === 'short' && followedByProse) {
      // A section head: a crosshead, a lead-in to a list ("The work is scheduled in three phases:"), or both.
      const leadIn = isLeadIn(last);
      const head = leadIn ? run[run.length - 2] : last;
      const candidates = leadIn ? [last] : [];
      if (head?.kind === 'short' && isCrosshead(head) && head.words <= (leadIn ? 8 : 15)) candidates.unshift(head);
      const others = shorts.filter((x) => !candidates.includes(x));
      const distinct = others.every((x) => candidates.every((c) => x.words > c.words));
      if (others.length === 0 || (headedByLabel ? distinct : others.length <= 1 && distinct)) out.push(...candidates);
    }
    i = j;
  }
  return out;
}

function isCrosshead(b: Scored): boolean {
  return b.words <= 15 && !b.dateLine && !b.truncated && !/[,;:]$/u.test(b.text);
}

/** "The work is scheduled in three phases:": a sentence that introduces the list after it. */
function isLeadIn(b: Scored): boolean {
  return /:$/u.test(b.text) && b.words >= 3 && b.words <= 30 && (b.density < 0 || b.density >= 0.15);
}
