/**
 * Boilerplate removal inside an extracted article: DOM rules (captions, hover cards, containers
 * whose class says what they are) and text-block rules (link lists, multi-language boilerplate
 * phrases, date/byline lines, the metadata before and the credits after the article text).
 * Every rule is general: no rule names a site.
 */
import type { Block } from './blocks';

/** Words as the bench and the corpus count them (Unicode letters and digits). */
const WORD = /[\p{L}\p{N}_]+/gu;

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Class/id tokens of the element, lower-cased, split on separators ("share-bar" → share, bar). */
function hintString(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Captions and photo credits: never article text. */
const CAPTION_HINT = /(?:^|[\s_-])(?:caption|credits?|photo-?credit|image-?credit|copyright|wp-caption-text|media-?credit)(?:$|[\s_-])/;

/**
 * Containers whose class or id names a kind of boilerplate. Only removed when small relative to the
 * article (a site may put "share" or "related" on an element that wraps everything).
 */
const BOILERPLATE_HINT =
  /(?:^|[\s_-])(?:share|sharing|social|socials|newsletter|subscribe|subscription|signup|promo|related|recommended|recommendations|most-?read|mostread|popular|trending|advert|advertisement|ads?|ad-slot|sponsored|outbrain|taboola|author-?bio|author-?info|about-?author|bio|tags|tag-?list|breadcrumbs?|comments?|byline|dateline|timestamp|toolbar|pagination|disclaimer|read-?more|more-?stories|teaser|teasers|paywall|cookie|consent)(?:$|[\s_-])/;

function textLength(el: Element): number {
  return el.textContent.replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textLength(a);
  return n;
}

/** Emoji and icons drawn as images sit inside sentences: they do not make a media unit. */
function isDecorativeImage(img: Element): boolean {
  const size = Math.max(Number(img.getAttribute('width') ?? 0), Number(img.getAttribute('height') ?? 0));
  if (size > 0 && size < 64) return true;
  return /(?:^|[\s_-])(?:emoji|icon|smiley|wp-smiley)(?:$|[\s_-])/i.test(img.getAttribute('class') ?? '');
}

export interface CleanTrace {
  /** `el` is the element (or the block's element) that was removed, in the document being cleaned. */
  (rule: string, text: string, el?: Element): void;
}

/**
 * DOM-level cleaning of the article element (mutates it: call it on a copy). Container rules
 * only remove parts that are small next to the whole article.
 */
export function cleanArticleDom(root: Element, trace?: CleanTrace): void {
  const total = Math.max(1, textLength(root));
  const drop = (el: Element, rule: string) => {
    trace?.(rule, el.textContent.replace(/\s+/g, ' ').trim().slice(0, 120), el);
    el.remove();
  };
  for (const el of [...root.querySelectorAll('figcaption')]) drop(el, 'figcaption');
  // A figure that holds an image: its remaining text is a caption or credit.
  for (const el of [...root.querySelectorAll('figure')]) {
    if (el.querySelector('img, picture, video') && textLength(el) < 400 && !el.querySelector('p, blockquote, table')) drop(el, 'figure');
  }
  // Hover cards and link lists nested inside a paragraph's inline content: an inline element that
  // holds several links and almost nothing else (a name's pop-up with that person's headlines).
  // Deepest first, so that the link a card belongs to (the name in the sentence) stays.
  for (const el of [...root.querySelectorAll('p span, p div, li span')].reverse()) {
    if (!root.contains(el)) continue;
    const links = el.querySelectorAll('a').length;
    if (links < 3) continue;
    const len = textLength(el);
    if (len > 0 && linkTextLength(el) / len > 0.85) drop(el, 'inline-link-cluster');
  }
  // Media units: the widest container around an image that holds little text (the image, its
  // caption, its credit). An image inside a paragraph is inline content, and tables and quotes
  // are content, so the climb never starts in a paragraph nor leaves a table or a quote.
  for (const img of [...root.querySelectorAll('img, picture, video')]) {
    if (!root.contains(img) || isDecorativeImage(img)) continue;
    let unit: Element | null = null;
    for (let el = img.parentElement; el && el !== root; el = el.parentElement) {
      // A paragraph with text around the image: the image is inline content.
      if (el.tagName.toUpperCase() === 'P' && textLength(el) > 0) {
        unit = null;
        break;
      }
      if (/^(?:TABLE|TBODY|THEAD|TR|TD|TH|BLOCKQUOTE|LI)$/i.test(el.tagName)) break;
      if (textLength(el) > 400 || el.querySelector('h1, h2, h3')) break;
      unit = el;
    }
    if (unit && textLength(unit) > 0 && textLength(unit) < total * 0.25) drop(unit, 'media-unit');
  }
  for (const el of [...root.querySelectorAll('[class], [id]')]) {
    if (el === root || !root.contains(el)) continue;
    const hint = hintString(el);
    const len = textLength(el);
    if (CAPTION_HINT.test(hint) && len < 600) drop(el, `caption-class(${hint.trim()})`);
    else if (BOILERPLATE_HINT.test(hint) && len < total * 0.25 && !el.querySelector('p p')) drop(el, `boilerplate-class(${hint.trim()})`);
  }
}

/**
 * Labels that are furniture only as a whole line or before a colon, a count or a separator
 * ("More:", "Related |", "Comments (12)", "Annons"): as the first word of a sentence they are text.
 */
const FURNITURE_LABEL = new RegExp(
  '^(?:' +
    [
      // advertising labels
      'advertisement|advert|ad|ads|sponsored|annons|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|iklan|reklam|реклама',
      // cross-links, sharing, comments, navigation
      'more|related|recommended|share|tweet|email|e-mail|print|comments?|kommentarer|kommentare|commentaires|comentários|comentarios',
      'home|top|next|previous|back|tillbaka|zurück|source|sources|tags?|taggar|schlagworte|filed under',
    ].join('|') +
    ')\\s*(?:[:|›»(/]|$)',
  'iu',
);

/** The opening words of a site's furniture lines, in the languages we meet (en, sv, de, fr, es, pt, it, id). */
const FURNITURE_START = new RegExp(
  '^(?:' +
    [
      // continuation, cross-links and teasers
      "continue reading|read more|read also|also read|see more|see also|also on|don'?t miss|more great|more from|you (?:may|might) also like",
      'läs (?:mer|också|även)|mest läst|se också|lesen sie auch|mehr zum thema|weiterlesen|das könnte sie auch interessieren',
      'lire aussi|à lire aussi|lea también|leia (?:mais|também)|veja também|leggi anche|baca juga',
      // sharing, following, comments
      'share this|share on|dela artikeln|dela på|teilen sie|partager sur|compartir en|compartilhe|condividi',
      'post (?:a )?comment|leave a comment|tell us what you think|follow us|follow (?:him|her|them) on|like this story',
      'kommentera|jetzt mitdiskutieren|laissez un commentaire|deja un comentario|deixe (?:seu|um) comentário',
      // subscriptions, sign-in, newsletters
      'newsletter|nyhetsbrev|subscribe|sign up|sign in|log in|get breaking|breaking news emails',
      "prenumerera|logga in|bli prenumerant|jetzt abonnieren|abonnieren sie|s'abonner|abonnez-vous|suscríbete|assine",
      // navigation remnants
      'skip to (?:main )?content|back to top',
      // photo labels with their credit
      '(?:image|photo|foto|bild|credit|getty images)\\s*(?:copyright|caption)?\\s*[:|/]|image (?:copyright|caption)',
    ].join('|') +
    ')(?!\\p{L})',
  'iu',
);

/** Phrases that mark a block as an appeal or notice wherever they sit in a short block. */
const BOILERPLATE_PHRASE =
  /\b(?:sign up for|subscribe to|delivered to your inbox|in your inbox|this (?:website|site) uses cookies|we use cookies|ad ?blocker|affiliate (?:and\/or referral )?links|all rights reserved|click here|klicka här|hier klicken|cliquez ici|haga clic aquí|clique aqui|follow (?:us|him|her|them|me) on|follow (?:\S+ ){1,3}on (?:instagram|facebook|twitter|x|youtube|tiktok|snapchat|linkedin|threads|bluesky)|may be reached at|can be reached at|contributed (?:reporting|to this report)|(?:reporting|writing|editing) by|this slideshow requires|javascript (?:is )?(?:required|disabled)|have a tip\?|share it with a friend|comments? (?:are|is) (?:closed|moderated)|coment[aá]rios? (?:com|que|são)|kommentarer (?:granskas|modereras)|get (?:the )?\w+ (?:news )?app|on the go by clicking)\b|©|ⓒ|\(c\) \d{4}|무단전재/iu;

/** A photo credit in a caption: "(Image: Getty)", "Photo: AP", "/ Getty Images", "REUTERS/Name". */
const CREDIT =
  /\((?:image|photo|picture|foto|bild|credit)s?\s*:|\b(?:photo|image|foto|bild|credit)s?\s*(?::|…|\.\.\.)\s*\S|(?:getty images|shutterstock|istock|ap photo|afp|reuters|epa|tt nyhetsbyrån|dpa|scanpix)\s*\)?\s*$|\bcredit\.\.\./iu;

const MONTHS =
  'jan(?:uary|uari|vier|uar)?|feb(?:ruary|ruari|ruar)?|mar(?:ch|s)?|märz|apr(?:il)?|may|maj|mai|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust|usti)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?';
/** A date or a clock time. */
const DATE_OR_TIME = new RegExp(
  `\\b(?:\\d{1,2}:\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?|\\d{1,2}(?:\\.\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|(?:${MONTHS})\\.?\\s+\\d{1,2}|\\d{1,2}\\.?\\s+(?:${MONTHS})|\\d+ (?:hours?|days?|minutes?|mins?) ago)\\b`,
  'iu',
);

/** "Posted on …", "Published …", "Uppdaterad …": a dateline whatever the date's format. */
const PUBLISHED_LINE =
  /^(?:posted|published|updated|first published|last updated|publicerad|uppdaterad|publicerat|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato|diterbitkan|diperbarui)\b/iu;

/** "By Jane Doe", "Av Anna Svensson", "Von Max Muster", "Por Ana", "Par Jean", "Oleh Admin". */
export const BYLINE_LINE = new RegExp(
  // The keyword in any case, the name capitalised ("by the ministry" is a sentence, not a byline).
  `^(?:${['by', 'av', 'von', 'por', 'par', 'di', 'oleh', 'door', 'written by', 'posted by', 'text:', 'texto:']
    .map((w) => w.replace(/\p{L}/gu, (c) => `[${c}${c.toUpperCase()}]`))
    .join('|')})\\s+\\p{Lu}`,
  'u',
);

/** A link text that is an address, a domain or a handle. */
const URL_LIKE = /^(?:https?:\/\/\S+|www\.\S+|\S+\.(?:com|org|net|edu|gov|io|co|[a-z]{2})(?:\/\S*)?|@\w+|pic\.twitter\.com\/\S+)$/i;

/** A short text that ends like a sentence (so is probably article text, not a label). */
function endsLikeSentence(text: string): boolean {
  return /[.!?…:;"”»'’)]\s*$/u.test(text);
}

export interface BlockContext {
  title: string | null;
  byline: string | null;
  description: string | null;
  /** The page's own copy of the article text (JSON-LD articleBody), used as a second opinion. */
  reference?: string | null;
  /** The standfirst found on the original page ({@link findStandfirst}), if any. */
  standfirst?: string | null;
}

export function normalise(text: string): string {
  return (text.match(WORD) ?? []).join(' ').toLowerCase();
}

/** Why a single block is boilerplate, or null when it may be article text. */
export function blockBoilerplate(b: Block, atEdge = true): string | null {
  const text = b.text;
  const words = wordCount(text);
  // Lists of links (navigation, related headlines, tag clouds): mostly link text and short. A link
  // that shows its own address or a handle is a citation, which is content.
  if (words < 40 && b.linkChars / Math.max(1, text.length) > 0.6 && !(b.links.length > 0 && b.links.every((l) => URL_LIKE.test(l))))
    return 'link-dense';
  // Every rule below is for short lines: a paragraph of prose costs no more look.
  if (words > 60) return null;
  const flat = text.replace(/\n/g, ' ');
  if (words <= 12 && (FURNITURE_LABEL.test(flat) || FURNITURE_START.test(flat))) return 'boilerplate-line';
  if (words <= 45 && BOILERPLATE_PHRASE.test(flat)) return 'boilerplate-phrase';
  if (words <= 60 && CREDIT.test(flat)) return 'credit';
  if (words > 14) return null;
  // Dates inside quotes (an embedded post's signature) and tables (data) are content.
  const quotedOrData = b.el.closest('blockquote, table') !== null;
  const unpunctuated = !/[.!?]["”»]?$/u.test(flat.replace(/\b[ap]\.m\.$/i, '').trim());
  // A bare date or time is a dateline near the top or the end; inside the text it heads a live
  // blog's entries ("4:14 p.m.") and is content.
  if (atEdge && !quotedOrData && DATE_OR_TIME.test(flat) && unpunctuated) return 'dateline';
  if (!quotedOrData && PUBLISHED_LINE.test(flat) && unpunctuated) return 'dateline';
  if (words <= 10 && BYLINE_LINE.test(flat) && !endsLikeSentence(flat)) return 'byline-line';
  return null;
}

/**
 * Headings that open the site's own lists after an article (more stories, most read, related).
 * Everything after such a heading is dropped when it is the smaller part of the text.
 */
const MORE_STORIES_HEADING = new RegExp(
  '^(?:' +
    [
      'more(?: great| top| recent| latest)?(?: \\p{L}+)? (?:stories|articles|news|reading|coverage|videos)(?: like this)?',
      'want more stories like this',
      'more from(?: \\p{L}+){0,3}',
      'more on this(?: story| topic)?',
      'related(?: stories| articles| news| content| coverage| posts| reading| links)?',
      'recommended(?: for you| stories| articles)?',
      'you (?:may|might) also (?:like|be interested in)',
      'read (?:next|more)',
      'up next',
      'what to read next',
      '(?:the )?latest(?: news| stories| articles)?',
      'recent (?:articles|posts|stories)',
      '(?:most )?popular(?: this week| now| stories)?',
      'most (?:read|viewed|shared|popular)',
      'trending(?: now| stories)?',
      "don'?t miss",
      'top stories',
      'läs (?:mer|också|även)',
      'mest (?:läst|lästa|delade)',
      'fler (?:nyheter|artiklar)',
      'senaste nytt',
      'relaterat',
      'mehr zum thema',
      'meistgelesen',
      'das könnte sie auch interessieren',
      'à lire aussi',
      'les plus lus',
      'lo más leído',
      'noticias relacionadas',
      'mais lidas',
      'leia também',
      'notícias relacionadas',
    ].join('|') +
    ')\\W*$',
  'iu',
);

/** Short, unpunctuated labels: section names, kickers, author names, counters. */
function isLabel(b: Block): boolean {
  const words = wordCount(b.text);
  return words <= 6 && !endsLikeSentence(b.text);
}

/** "Jane Doe is a reporter for…", "Regan is a Southeastern Connecticut native…": an author bio. */
function isAuthorBio(b: Block, byline: string | null): boolean {
  const m =
    /^((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)\s+(?:is|was|has been|writes|covers|reports|är|var|skriver|ist|war|schreibt|est|écrit|es|escribe|é|escreve)\s/u.exec(
      b.text,
    );
  if (!m?.[1]) return false;
  if (wordCount(b.text) > 80) return false;
  if (!byline) return false;
  const name = normalise(m[1]);
  const by = normalise(byline);
  return name.length > 0 && (by.includes(name) || name.split(' ').some((w) => w.length > 2 && by.split(' ').includes(w)));
}

/**
 * A photo credit's container holds the image's caption too: when a credit line shares its
 * container with at most two other short blocks, they are its caption. Mutates `verdicts`.
 */
function captionsBesideCredits(blocks: readonly Block[], verdicts: (string | null)[]): void {
  blocks.forEach((b, i) => {
    if (verdicts[i] !== 'credit') return;
    const parent = b.el.parentElement;
    if (!parent) return;
    const siblings = blocks.map((x, j) => [x, j] as const).filter(([x, j]) => j !== i && x.el.parentElement === parent);
    if (siblings.length === 0 || siblings.length > 2 || siblings.some(([x]) => wordCount(x.text) > 60)) return;
    for (const [, j] of siblings) verdicts[j] ??= 'caption-beside-credit';
  });
}

/**
 * Where the site's own lists start after the article: a "more stories"-type heading with less
 * than a third of the article's words after it, none of them in the container that holds most of
 * the article's paragraphs (an in-text teaser box is followed by more of the article). Returns
 * the index of the first block to drop (blocks.length when there is none).
 */
function moreStoriesCut(blocks: readonly Block[], verdicts: readonly (string | null)[]): number {
  const words = blocks.map((b, i) => (verdicts[i] ? 0 : wordCount(b.text)));
  const total = words.reduce((a, b) => a + b, 0);
  let after = total;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    after -= words[i] ?? 0;
    if (!b || i === 0 || wordCount(b.text) > 8 || !MORE_STORIES_HEADING.test(b.text.trim()) || after >= total / 3) continue;
    // The kind of container (tag and class) of most of the article's words so far: sites split
    // a long text into several containers of one kind, between ads and boxes.
    const byKind = new Map<string, number>();
    for (let j = 0; j < i; j++) {
      const kind = containerKind(blocks[j]?.el);
      byKind.set(kind, (byKind.get(kind) ?? 0) + (words[j] ?? 0));
    }
    const main = [...byKind].sort((x, y) => y[1] - x[1])[0]?.[0];
    if (blocks.slice(i + 1).some((x, k) => !verdicts[i + 1 + k] && containerKind(x.el) === main && wordCount(x.text) >= 15)) continue;
    return i;
  }
  return blocks.length;
}

function containerKind(el: Element | undefined): string {
  const parent = el?.parentElement;
  return parent ? `${parent.tagName} ${parent.getAttribute('class') ?? ''}` : '';
}

export function shingleSet(text: string): Set<string> {
  const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase());
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i] ?? ''} ${words[i + 1] ?? ''} ${words[i + 2] ?? ''}`);
  return out;
}

export function shareIn(text: string, ref: Set<string>): number {
  const s = shingleSet(text);
  if (s.size === 0) return -1;
  let n = 0;
  for (const x of s) if (ref.has(x)) n++;
  return n / s.size;
}

/**
 * JSON-LD articleBody as a second opinion, when it is the complete article: nearly all of it is
 * on the page (not a summary or another text) and it covers most of what we kept (not cut
 * short). Then a block it contains is kept even if a rule flagged it, and a block it lacks is
 * dropped. Mutates `verdicts`.
 */
function secondOpinion(blocks: readonly Block[], verdicts: (string | null)[], reference: string | null): void {
  if (!reference || reference.length < 400) return;
  const ref = shingleSet(reference);
  const pageText = blocks.map((b) => b.text).join('\n');
  const page = shingleSet(pageText);
  let found = 0;
  for (const x of ref) if (page.has(x)) found++;
  const keptText = blocks
    .filter((_, i) => !verdicts[i])
    .map((b) => b.text)
    .join('\n');
  if (found / ref.size < 0.9 || shareIn(keptText, ref) < 0.8) return;
  blocks.forEach((b, i) => {
    const share = shareIn(b.text, ref);
    if (share < 0) return; // too short to judge
    if (verdicts[i] && share >= 0.8) verdicts[i] = null;
    else if (!verdicts[i] && share < 0.2 && wordCount(b.text) >= 6) verdicts[i] = 'not-in-articleBody';
  });
}

/** Same text up to punctuation and case; a description cut short with "…" matches its start. */
export function sameText(block: string, description: string): boolean {
  const a = normalise(block);
  const b = normalise(description.replace(/(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/u, ''));
  if (!a || !b) return false;
  return a === b || (a.startsWith(b) && b.length >= 0.8 * a.length);
}

/** Class, id or itemprop names of a standfirst (lead, dek, ingress, summary, description…). */
const STANDFIRST_HINT =
  /(?:^|[\s_-])(?:standfirst|stand-first|dek|deck|summary|sub-?headline|subheadline|subtitle|sub-?title|lead|lede|intro|excerpt|description|strap|strapline|ingress|preamble|abstract|sapo|chapo|vorspann|teaser)(?:$|[\s_-])/;

/** A block in a header or a heading of the extracted article: set apart from the text. */
function inHeaderOrHeading(b: Block): boolean {
  return b.el.closest('header') !== null || /^H[2-6]$/i.test(b.el.tagName);
}

/**
 * The page's standfirst: an element whose text is the page's description and that is set apart
 * from the article text (in a header, or named like a standfirst). Looked up on the original
 * page, because Readability replaces such wrappers with bare paragraphs.
 */
export function findStandfirst(doc: Document, description: string | null): string | null {
  if (!description) return null;
  for (const el of doc.querySelectorAll('[class], [id], [itemprop], header p, header h2, header h3, header h4')) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase();
    if (!STANDFIRST_HINT.test(hint) && !(el.closest('header') && /^(?:P|H2|H3|H4)$/i.test(el.tagName))) continue;
    const len = textLength(el);
    if (len === 0 || len > 1500) continue;
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (sameText(text, description)) return text;
  }
  return null;
}

export interface CleanedBlocks {
  blocks: Block[];
  /** The standfirst found at the top (the page's description set apart from the text), if any. */
  standfirst: string | null;
}

/**
 * Filters the article's blocks: cuts the site's lists after the article, drops boilerplate
 * anywhere, then trims the edges (the metadata and standfirst before the first paragraph, the
 * labels and author bio after the last one).
 */
export function cleanBlocks(blocks: readonly Block[], ctx: BlockContext, trace?: CleanTrace): CleanedBlocks {
  const verdicts: (string | null)[] = blocks.map((b) => blockBoilerplate(b, false));
  // The edges: the first and last four blocks that survived the other rules.
  const survivors = blocks.map((_, i) => i).filter((i) => !verdicts[i]);
  for (const i of [...survivors.slice(0, 4), ...survivors.slice(-4)]) {
    const b = blocks[i];
    if (b) verdicts[i] = blockBoilerplate(b, true);
  }
  captionsBesideCredits(blocks, verdicts);
  secondOpinion(blocks, verdicts, ctx.reference ?? null);
  const end = moreStoriesCut(blocks, verdicts);
  const kept: Block[] = [];
  blocks.forEach((b, i) => {
    const why = i >= end ? 'more-stories-cut' : verdicts[i];
    if (why) trace?.(why, b.text, b.el);
    else kept.push(b);
  });
  const titleKey = ctx.title ? normalise(ctx.title) : '';
  // The title repeated near the top (Readability keeps it when it differs from <title>).
  for (let i = 0; i < Math.min(5, kept.length); i++) {
    const b = kept[i];
    if (b && titleKey && normalise(b.text) === titleKey) {
      trace?.('title-again', b.text, b.el);
      kept.splice(i, 1);
      break;
    }
  }
  // Leading metadata: section labels, kickers, a bare address.
  while (kept.length > 1) {
    const b = kept[0];
    if (!b) break;
    if (isLabel(b)) trace?.('lead-label', b.text, b.el);
    else if (URL_LIKE.test(b.text.trim())) trace?.('lead-url', b.text, b.el);
    else break;
    kept.shift();
  }
  // The standfirst: the page's description, set apart from the paragraphs that follow it. (When
  // the description is just the first paragraph, it stays in the body.)
  let standfirst: string | null = null;
  for (let i = 0; i < Math.min(2, kept.length - 1); i++) {
    const b = kept[i];
    const isStandfirst =
      b !== undefined &&
      ((ctx.standfirst != null && sameText(b.text, ctx.standfirst)) ||
        (ctx.description != null && sameText(b.text, ctx.description) && inHeaderOrHeading(b)));
    if (b && isStandfirst) {
      trace?.('standfirst', b.text, b.el);
      standfirst = b.text;
      kept.splice(i, 1);
      break;
    }
  }
  // Trailing furniture: labels, author bios.
  while (kept.length > 1) {
    const b = kept[kept.length - 1];
    if (!b) break;
    // (A bare address at the end is a source citation, not a label.)
    if (isLabel(b) && !URL_LIKE.test(b.text.trim())) trace?.('tail-label', b.text, b.el);
    else if (isAuthorBio(b, ctx.byline)) trace?.('tail-bio', b.text, b.el);
    else break;
    kept.pop();
  }
  return { blocks: kept, standfirst };
}
