/**
 * A plain-text dump as a list of blocks: one block per non-empty line, with the layout cues a
 * text dump still carries (blank lines around it, a list bullet, indentation). Also the checks
 * that an input is text at all.
 */

export interface Block {
  /** Position in the block list. */
  index: number;
  /** The line, trimmed, without its list bullet, white space collapsed. */
  text: string;
  /** The line started with a list bullet ("•", "-", "*", "▪", "·", "►"). */
  bullet: boolean;
  /** An empty line (or the start of the dump) precedes / follows it. */
  blankBefore: boolean;
  blankAfter: boolean;
}

/** Why `raw` cannot be a text dump of a page, or null when it can. */
export function notTextReason(raw: string): string | null {
  if (raw.trim() === '') return 'the input is empty';
  // Sample evenly (at most ~200 000 characters) so that a 5 MB input is judged in linear time.
  const step = Math.max(1, Math.floor(raw.length / 200_000));
  let sampled = 0;
  let control = 0;
  let replacement = 0;
  let letters = 0;
  let visible = 0;
  for (let i = 0; i < raw.length; i += step) {
    const c = raw.charCodeAt(i);
    sampled++;
    if (c === 0) return 'the input is binary (it contains NUL bytes)';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) control++;
    else if (c === 0xfffd) replacement++;
    if (c > 32 && c !== 0xa0) {
      visible++;
      if (/\p{L}/u.test(raw[i] ?? '')) letters++;
    }
  }
  if (control / sampled > 0.01 || replacement / sampled > 0.05) return 'the input is binary (control or undecodable characters)';
  if (visible > 0 && letters / visible < 0.3) return 'the input is not text (under a third of its characters are letters)';
  return null;
}

/** List bullets are stripped; dashes are kept (they also open dialogue lines). */
const BULLET = /^[•·▪▫◦‣►▶■□●○*]\s*/u;

/**
 * The column a hard-wrapped dump (lynx, w3m, a mail or a terminal copy) was wrapped at, or 0 when
 * the dump keeps each paragraph on one line. A wrapped dump has no line much longer than the
 * column and many lines that end just short of it.
 */
export function wrapWidth(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n >= 30);
  if (lengths.length < 8) return 0;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  if (width < 40 || width > 100) return 0;
  const near = lengths.filter((n) => n >= width - 12 && n <= width).length;
  const over = lengths.filter((n) => n > width + 5).length;
  return near >= 8 && near >= lengths.length * 0.3 && over <= lengths.length * 0.02 ? width : 0;
}

/** Joins the lines of each wrapped paragraph back into one ("Vier-Personen-" + "Haushalt" keeps its hyphen). */
function unwrap(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  const indent = (l: string) => l.length - l.trimStart().length;
  let current: string | null = null;
  let currentIndent = 0;
  let lastLength = 0;
  for (const line of lines) {
    const text = line.trimEnd();
    const continues =
      current !== null && text.trim() !== '' && lastLength >= width - 20 && indent(text) === currentIndent && !BULLET.test(text.trim());
    if (continues && current !== null) {
      const piece = text.trim();
      current = /\p{L}-$/u.test(current) && /^\p{L}/u.test(piece) ? current + piece : `${current} ${piece}`;
    } else {
      if (current !== null) out.push(current);
      current = text;
      currentIndent = indent(text);
    }
    lastLength = text.length;
    if (text.trim() === '') {
      out.push(text);
      current = null;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

/** Splits a dump into blocks. Lines are normalised (NBSP, zero-width characters, runs of spaces). */
export function toBlocks(raw: string): Block[] {
  let lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const width = wrapWidth(lines);
  if (width > 0) lines = unwrap(lines, width);
  const blocks: Block[] = [];
  let blank = true;
  for (const line of lines) {
    const text = line
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .trim();
    if (text === '') {
      blank = true;
      const last = blocks[blocks.length - 1];
      if (last) last.blankAfter = true;
      continue;
    }
    const bullet = BULLET.exec(text);
    blocks.push({
      index: blocks.length,
      text: bullet ? text.slice(bullet[0].length) : text,
      bullet: bullet !== null,
      blankBefore: blank,
      blankAfter: false,
    });
    blank = false;
  }
  const last = blocks[blocks.length - 1];
  if (last) last.blankAfter = true;
  return blocks.filter((b) => b.text !== '').map((b, index) => ({ ...b, index }));
}
