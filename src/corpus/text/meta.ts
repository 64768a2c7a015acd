/**
 * An article's metadata from the lines around its body, by general cues:
 * - title: a headline-shaped line before the body, preferring lines the page repeats (h1 +
 *   breadcrumb + share text), that share words with the lead and first paragraphs, and that stand
 *   right above a byline, date or standfirst; never a teaser headline (one followed by its blurb
 *   or date).
 * - source (outlet): votes from a logo line the dump doubled ("News JournosNews Journos"), the
 *   copyright line, the root of a breadcrumb, a "Headline | Outlet" title, a signature after the
 *   last sentence of the dump.
 * - byline: "By …", "Av …", "Von …", "Par …", "Por …", "Text: …" in the header or at the end.
 * - published: dates near the title, labelled ones ("Published", "date", "Publicerad") first,
 *   never a teaser's date or a date in the page furniture far above the title.
 * - lead: a labelled description at the top, a standfirst between the title and the byline/date,
 *   or a first paragraph that a table of contents separates from the rest.
 */
import type { Scored } from './classify';
import { deglue, findDates, type DateMention } from './dates';

export interface Metadata {
  title: string | null;
  titleIndex: number;
  source: string | null;
  byline: string | null;
  bylineIndex: number;
  published: string | null;
  publishedIndex: number;
  lead: string | null;
  /** Blocks of the body that are the lead (they leave the body). */
  leadIndices: number[];
}

const CONTENT_WORD = /[\p{L}\p{N}]{4,}/gu;
const contentWords = (text: string): Set<string> => new Set((text.toLowerCase().match(CONTENT_WORD) ?? []).map((w) => w.slice(0, 7)));
const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "date 2025-11-11 …", "Published: 3 May 2024 …", "Datum: …": a labelled line of metadata. */
const META_LABEL =
  /^(?:date|datum|dato|fecha|data|published(?:\s+on)?|posted(?:\s+on)?|publicerad|publiserad|publiceret|veröffentlicht(?:\s+am)?|publiziert(?:\s+am)?|erschienen(?:\s+am)?|publié(?:\s+le)?|publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?|gepubliceerd(?:\s+op)?|diterbitkan(?:\s+pada)?|first published(?:\s+on)?)\s*[:\-–]?\s*/iu;
// (Word ends are lookarounds, not \b, which does not see the end of "publié".)
const UPDATED_LABEL =
  /(?<![\p{L}])(?:updated?|uppdaterad|aktualisiert|mis à jour|modifié|actualizado|actualizada|atualizado|atualizada|aggiornato|bijgewerkt|diperbarui|last modified)(?![\p{L}])/iu;
const PUBLISHED_LABEL =
  /(?<![\p{L}])(?:published|posted|publicerad|publiserad|veröffentlicht|publiziert|erschienen|publié|publiée|publicado|publicada|pubblicato|gepubliceerd|geplaatst|diterbitkan|dipublikasikan|first published|date|datum)(?![\p{L}])/iu;

const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{Lu}'’.-]*|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|do|dos|del|della|di|du|la|le|af|al|bin|ibn|el|ten|ter|y|zu)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)?${NAME_WORD}){0,4}`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|&|\band\b|\boch\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b)\s*${NAME}){0,4}`;
const BYLINE_MARK = String.raw`(?:written\s+by|reporting\s+by|story\s+by|words\s+by|text\s+by|skriven\s+av|by|av|von|par|por|di|door|text|texto|texte|autor|author|författare|reporter|reportage|текст|автор)`;
/** The mark is matched case-insensitively, the name must be capitalised: two expressions, since the `i` flag would also make \p{Lu} match lower case. */
const BYLINE_MARK_RE = new RegExp(String.raw`(?:^|[\s|·•,(])${BYLINE_MARK}\s*:?\s+`, 'giu');
const NAMES_RE = new RegExp(String.raw`^${NAMES}`, 'u');

/** The name(s) after a byline mark in `text` ("By Sarah E. Needleman", "Text: Венера Ерофеева"), or null. */
function bylineIn(raw: string): string | null {
  // "Jonathan GarberFOXBusiness" → "Jonathan Garber FOXBusiness".
  const text = raw.replace(/(?<=\p{Ll})(?=\p{Lu}{2,})/gu, ' ');
  BYLINE_MARK_RE.lastIndex = 0;
  for (let m = BYLINE_MARK_RE.exec(text); m; m = BYLINE_MARK_RE.exec(text)) {
    const name = NAMES_RE.exec(text.slice(m.index + m[0].length));
    if (name) return name[0];
  }
  return null;
}
/** Words that end a name in a byline even though they are capitalised. */
const NOT_NAME =
  /^(?:updated?|published|posted|on|at|in|for|the|staff|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm)$/iu;

interface Candidate {
  index: number;
  score: number;
  text: string;
}

/**
 * @param scored every block of the dump
 * @param body the blocks the article region kept
 */
export function findMetadata(scored: readonly Scored[], body: readonly Scored[], lang: string): Metadata {
  const first = body[0]?.index ?? 0;
  const last = body[body.length - 1]?.index ?? scored.length - 1;
  const title = findTitle(scored, body, first);
  const titleIndex = title?.index ?? -1;
  const anchor = titleIndex >= 0 ? titleIndex : first;
  const byline = findByline(scored, anchor, first, last);
  const published = findPublished(scored, anchor, first, last, byline?.index ?? -1, lang);
  const lead = findLead(scored, body, anchor, first);
  const source = findSource(scored, title?.text ?? null);
  let titleText = title?.text ?? null;
  if (titleText && source) titleText = stripOutlet(titleText, source);
  return {
    title: titleText,
    titleIndex,
    source,
    byline: byline?.text ?? null,
    bylineIndex: byline?.index ?? -1,
    published: published?.text ?? null,
    publishedIndex: published?.index ?? -1,
    lead: lead?.text ?? null,
    leadIndices: lead?.indices ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Title

const CREDIT =
  /^(?:\(?(?:photo|image|foto|bild|picture|credit|photograph|illustration)\b|.*(?:getty images|\breuters\b|\bap photo\b|shutterstock|\bafp\b|©|image copyright))/iu;

function headlineShaped(b: Scored): boolean {
  if (b.words < 2 || b.words > 30 || b.text.length > 250) return false;
  if (b.dateLine || b.bullet || b.truncated || /[:,;]$/u.test(b.text)) return false;
  if (b.kind === 'bad' && b.why !== 'duplicate' && b.why !== 'teaser') return false;
  const text = deglue(b.text);
  if (findDates(text).length > 0 || bylineIn(text) !== null || CREDIT.test(text)) return false;
  // Headlines rarely end with a period (a standfirst does).
  return !/[^.]\.$/u.test(b.text) || b.words <= 12;
}

/** "Anna Menin", "Natasha Turak": a line that is only a name (an author box), not a headline. */
function nameOnly(b: Scored): boolean {
  return b.words <= 4 && b.density <= 0 && /^(?:\p{Lu}[\p{L}'’.-]*\s*){2,4}$/u.test(b.text) && b.text !== b.text.toUpperCase();
}

function findTitle(scored: readonly Scored[], body: readonly Scored[], first: number): Candidate | null {
  const leadWords = contentWords(
    body
      .slice(0, 3)
      .map((b) => b.text)
      .join(' '),
  );
  const from = Math.max(0, first - 40);
  const to = Math.min(first + 1, scored.length - 1);
  // Repeats in the header (h1 + breadcrumb + share text), not furniture repeated all over the page.
  const counts = new Map<string, number>();
  for (let i = from; i <= to; i++) {
    const b = scored[i];
    if (b && b.words <= 30) counts.set(normal(b.text), (counts.get(normal(b.text)) ?? 0) + 1);
  }
  // Breadcrumbs and share texts end with the title ("You are here: … » Title", "Share … for: Title").
  const tails = new Set<string>();
  for (const b of scored.slice(from, to + 1)) {
    const m = /(?:»|›|>|\||:|\/)\s*([^»›>|:/]{8,})$/u.exec(b.text);
    if (m?.[1]) tails.add(normal(m[1]));
  }
  let best: Candidate | null = null;
  for (let i = from; i <= to; i++) {
    const b = scored[i];
    if (!b || !headlineShaped(b) || body.includes(b)) continue;
    const key = normal(b.text);
    let score = 0;
    const repeats = (counts.get(key) ?? 1) - 1 + (tails.has(key) ? 1 : 0);
    score += Math.min(repeats, 2) * 2;
    const words = contentWords(b.text);
    let shared = 0;
    for (const w of words) if (leadWords.has(w)) shared++;
    score += words.size > 0 ? (shared / words.size) * 6 : 0;
    // Closer to the body is better; a few lines of byline, date and standfirst sit between them.
    const gap = scored.slice(i + 1, first).filter((x) => x.kind !== 'bad' || x.why === 'teaser').length;
    score += Math.max(0, 3 - gap * 0.35);
    const next = scored[i + 1];
    if (next && (next.dateLine || bylineIn(deglue(next.text)) !== null || next.kind === 'good' || next.kind === 'near')) score += 1;
    score += b.words >= 5 && b.words <= 20 ? 2 : b.words >= 3 ? 0.5 : -1;
    if (nameOnly(b)) score -= 3;
    if (b.why === 'teaser') score -= 3;
    // A line inside a run of menu items.
    const menu = [scored[i - 1], scored[i + 1]].filter((x) => x && x.kind === 'short' && x.words <= 3 && !x.paragraph).length;
    score -= menu;
    if (!best || score > best.score) best = { index: i, score, text: b.text };
  }
  return best && best.score >= 2 ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Byline

function cleanName(raw: string): string | null {
  const segments = raw.split(/\s*,\s*/u);
  const kept: string[] = [];
  for (const [k, segment] of segments.entries()) {
    const words: string[] = [];
    for (const w of segment.split(/\s+/u)) {
      const bare = w.replace(/[.,]$/u, '');
      if (NOT_NAME.test(bare) || /\p{Lu}{2,}\p{Ll}/u.test(bare) || /\.\p{L}{2,}/u.test(bare)) break;
      // An all-capitals word after a normal name ("John Milbank RRP") is not part of it.
      if (words.length > 0 && bare.length > 1 && bare === bare.toUpperCase() && words.some((x) => x !== x.toUpperCase())) break;
      words.push(w);
    }
    // Further names after a comma must look like names (two words or more): "By Troy L. Smith, Cleveland.com".
    if (k > 0 && (words.length < 2 || words.length !== segment.split(/\s+/u).length)) break;
    if (words.length > 0) kept.push(words.join(' '));
    if (words.length !== segment.split(/\s+/u).length) break;
  }
  let name = kept
    .join(', ')
    .replace(/[\s,&]+$/u, '')
    .replace(/\s+(?:and|och|und|et|y|e|og)$/iu, '');
  if (!/\p{Lu}/u.test(name) || name.length < 3) return null;
  // "BILL HOPPE" → "Bill Hoppe".
  if (name === name.toUpperCase())
    name = name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, c: string) => a + c.toUpperCase());
  return name;
}

const STARTS_WITH_MARK = new RegExp(String.raw`^\(?\s*${BYLINE_MARK}\b`, 'iu');

function findByline(scored: readonly Scored[], anchor: number, first: number, last: number): Candidate | null {
  const zone: number[] = [];
  for (let i = Math.max(0, anchor - 3); i <= Math.min(first + 3, scored.length - 1); i++) zone.push(i);
  for (let i = Math.max(first, last - 2); i <= Math.min(last + 4, scored.length - 1); i++) if (!zone.includes(i)) zone.push(i);
  let best: Candidate | null = null;
  for (const i of zone) {
    const b = scored[i];
    // Inside the body only a short line of its own can be a byline, not a sentence that says "by";
    // under it, only a line that starts with the mark ("Reporting by …", "Text: …").
    if (!b || b.words > (i >= first && i <= last ? 12 : 40) || CREDIT.test(b.text)) continue;
    if (i > first + 3 && !STARTS_WITH_MARK.test(b.text)) continue;
    const raw = bylineIn(deglue(b.text));
    if (!raw) continue;
    const name = cleanName(raw);
    if (!name) continue;
    const score = 10 - Math.abs(i - anchor) * 0.5 - (b.words > 15 ? 2 : 0);
    if (!best || score > best.score) best = { index: i, score, text: name };
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Published date

function findPublished(
  scored: readonly Scored[],
  anchor: number,
  first: number,
  last: number,
  bylineIndex: number,
  lang: string,
): Candidate | null {
  let best: Candidate | null = null;
  const consider = (i: number, base: number) => {
    const b = scored[i];
    if (!b || b.why === 'teaser' || b.words > 60) return;
    // A date line right after a teaser headline is the teaser's.
    if (scored[i - 1]?.why === 'teaser' && b.dateLine) return;
    const text = deglue(b.text);
    const dates = findDates(text, lang);
    dates.forEach((d: DateMention, k) => {
      const before = text.slice(Math.max(0, d.start - 30), d.start);
      let score = base - Math.abs(i - anchor) * 0.3;
      if (PUBLISHED_LABEL.test(before) || (i <= 1 && META_LABEL.test(text))) score += 4;
      else if (UPDATED_LABEL.test(before)) score += 1;
      if (i === bylineIndex) score += 3;
      if (b.dateLine) score += 1;
      score -= k * 0.5;
      const year = Number(d.iso.slice(0, 4));
      if (year < 1990 || year > 2100) return;
      if (!best || score > best.score) best = { index: i, score, text: d.iso };
    });
  };
  // The header: from a little above the title to the first lines of the body.
  for (let i = Math.max(0, anchor - 3); i <= Math.min(first + 2, scored.length - 1); i++) consider(i, 5);
  // A labelled date on the dump's first line ("date 2025-11-11 …") is metadata wherever the title is.
  if (anchor > 4) consider(0, 3);
  // "First published on …" under the article.
  for (let i = last + 1; i <= Math.min(last + 3, scored.length - 1); i++) consider(i, 2);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Lead

function findLead(
  scored: readonly Scored[],
  body: readonly Scored[],
  anchor: number,
  first: number,
): { text: string; indices: number[] } | null {
  const firstBody = body[0];
  // 1. A labelled description on the first line: "date 2025-11-11 Det är stökigt …".
  const top = scored[0];
  if (top && top.index < first && META_LABEL.test(top.text)) {
    const rest = top.text.replace(META_LABEL, '');
    const date = findDates(rest)[0];
    const text = (date && date.start <= 2 ? rest.slice(date.end) : rest).trim();
    if (text.split(/\s+/u).length >= 8 && !sameText(text, firstBody?.text)) return { text, indices: [] };
  }
  // 2. A standfirst between the title and the body: prose that a byline or date line separates from the body.
  const isMeta = (x: Scored): boolean =>
    x.dateLine ||
    (x.words <= 12 && bylineIn(deglue(x.text)) !== null) ||
    (x.words <= 30 && PUBLISHED_LABEL.test(x.text) && findDates(x.text).length > 0);
  for (let i = anchor + 1; i < Math.min(first + 3, scored.length); i++) {
    const b = scored[i];
    if (!b || (b.kind !== 'good' && b.kind !== 'near') || b.words < 8) continue;
    const nextBody = body.find((x) => x.index > i && !isMeta(x))?.index ?? -1;
    const between = nextBody > i ? scored.slice(i + 1, nextBody) : [];
    if (between.some(isMeta) && !isCaption(scored, i)) return { text: b.text, indices: body.includes(b) ? [i] : [] };
    break;
  }
  // 3. A first paragraph that a table of contents separates from the rest of the body.
  if (firstBody && (firstBody.kind === 'good' || firstBody.kind === 'near')) {
    const after = scored.slice(firstBody.index + 1, (body[1]?.index ?? firstBody.index + 1) + 1);
    if (after.some((x) => x.why === 'contents')) return { text: firstBody.text, indices: [firstBody.index] };
  }
  return null;
}

const CAPTION_WORDS =
  /\b(?:pictured|poses|is seen|are seen|celebrates|file photo|photo)\b|\((?:[^()]*\/)?(?:ap|afp|reuters|getty|epa|photo|foto|bild)[^()]*\)\s*$/iu;

/** A picture caption: it says so, or the line after it is a photo credit. */
function isCaption(scored: readonly Scored[], i: number): boolean {
  const b = scored[i];
  const next = scored[i + 1];
  return (b !== undefined && CAPTION_WORDS.test(b.text)) || (next !== undefined && next.words <= 12 && CREDIT.test(next.text));
}

function sameText(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const x = normal(a);
  const y = normal(b);
  return x === y || (x.length > 40 && (y.startsWith(x) || x.startsWith(y)));
}

// ---------------------------------------------------------------------------------------------
// Source

const CORPORATE = /[\s,]+(?:inc|llc|ltd|limited|gmbh|ag|ab|sa|s\.a|plc|corp|corporation|co|pty|media group|group)\.?$/iu;

function cleanOutlet(raw: string): string | null {
  let name = raw
    .trim()
    .replace(/[.,;:|–—-]+$/u, '')
    .trim();
  for (let k = 0; k < 2; k++) name = name.replace(CORPORATE, '').trim();
  const words = name.split(/\s+/u);
  if (words.length === 0 || words.length > 5 || name.length < 2 || name.length > 50) return null;
  if (!/^[\p{Lu}\p{N}]/u.test(name) || /[.!?]$/u.test(name)) return null;
  return name;
}

function findSource(scored: readonly Scored[], title: string | null): string | null {
  const votes = new Map<string, { weight: number; forms: Map<string, number> }>();
  const vote = (raw: string | undefined, weight: number) => {
    const name = raw ? cleanOutlet(raw) : null;
    if (!name) return;
    const key = normal(name).replace(/^the\s+/u, '');
    if (key === '' || /^(?:home|start|startseite|hem|inicio|início|accueil|news|menu)$/u.test(key)) return;
    const v = votes.get(key) ?? { weight: 0, forms: new Map<string, number>() };
    v.weight += weight;
    v.forms.set(name, (v.forms.get(name) ?? 0) + weight);
    votes.set(key, v);
  };
  for (const b of scored) {
    const t = b.text;
    // A logo whose text the dump doubled (image alt + link text): "News JournosNews Journos".
    if (t.length >= 6 && t.length <= 80 && t.length % 2 === 0 && t.slice(0, t.length / 2) === t.slice(t.length / 2))
      vote(t.slice(0, t.length / 2), 3);
    // The copyright line: "© 2025 The News Journos. Designed by …", "Copyright © 2019 Dow Jones & Company, Inc.".
    if (
      t.length <= 200 &&
      /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d|^(?:©|copyright).*(?:all rights reserved|\b(?:19|20)\d\d\b)/iu.test(t)
    ) {
      const name = t
        .replace(/(?:©|\(c\)|\bcopyright\b|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)/giu, ' ')
        .replace(/^[\s:-]+/u, '')
        .split(/\.\s|\s[|–—-]\s|\||,?\s+all rights|\.$/iu)[0];
      vote(name, 2);
    }
    // The root of a breadcrumb: "You are here: News Journos » Europe News » …".
    const crumb = /^(?:you are here|du är här|sie sind hier|vous êtes ici|usted está aquí|você está aqui)\s*:?\s*([^»›>|/]+)[»›>|/]/iu.exec(
      t,
    );
    if (crumb?.[1]) vote(crumb[1], 2);
  }
  // "Headline | Outlet", "Headline – Outlet".
  if (title) {
    const m = /\s[|–—-]\s([^|–—-]{2,40})$/u.exec(title);
    if (m?.[1]) vote(m[1], 2);
  }
  // A signature after the dump's last sentence: "… sju miljoner. Dagens PS".
  const lastBlock = scored[scored.length - 1];
  if (lastBlock) {
    const m = /[.!?]["”’»]?\s+((?:\p{Lu}[\p{L}\p{N}&'’-]*\s?){1,4})$/u.exec(lastBlock.text);
    if (m?.[1] && lastBlock.words > m[1].split(/\s+/u).length) vote(m[1], 2);
  }
  let best: { weight: number; forms: Map<string, number> } | null = null;
  for (const v of votes.values()) if (!best || v.weight > best.weight) best = v;
  if (!best) return null;
  return [...best.forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0] ?? null;
}

/** "Headline | Outlet" → "Headline" when the outlet is the page's source. */
function stripOutlet(title: string, source: string): string {
  const m = /^(.{8,}?)\s[|–—-]\s([^|–—-]{2,40})$/u.exec(title);
  if (m?.[1] && m[2] && normal(m[2]).replace(/^the\s+/u, '') === normal(source).replace(/^the\s+/u, '')) return m[1];
  return title;
}
