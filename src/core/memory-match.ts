/**
 * When two articles are one (reading memory, core/memory.ts): kept apart from it because it needs
 * the scoring module's title folding, which the content script does not load.
 */
import { DAY, foldTitle, parseDay } from './scoring';
import { articleUrlKey } from './memory';

/** Days within which the same headline from the same outlet is the same article (an update, a republication). */
export const SAME_STORY_COPY_DAYS = 2;

/** What {@link isSameArticle} compares. */
export interface ArticleIdentity {
  url: string | null;
  title: string;
  source: string;
  published: string | null;
}

/**
 * Whether two articles are copies of one: the same URL (fragment and tracking parameters aside), or
 * the same headline from the same outlet within {@link SAME_STORY_COPY_DAYS} days (undated: the
 * headline and outlet decide).
 */
export function isSameArticle(a: ArticleIdentity, b: ArticleIdentity): boolean {
  if (a.url && b.url && articleUrlKey(a.url) === articleUrlKey(b.url)) return true;
  if (foldTitle(a.title) !== foldTitle(b.title) || foldTitle(a.title).length === 0) return false;
  if (foldTitle(a.source) !== foldTitle(b.source)) return false;
  const days = Math.abs(parseDay(a.published) - parseDay(b.published)) / DAY;
  return Number.isNaN(days) || days <= SAME_STORY_COPY_DAYS;
}

/** The folded headline and outlet a copy of the same article shares (the `byTitle` look-up key of user articles). */
export const titleKeyOf = (title: string, source: string): string => `${foldTitle(title)}|${foldTitle(source)}`;
