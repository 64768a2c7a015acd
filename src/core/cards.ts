/** What a hover card shows about an entity: every text is quoted from a corpus article and cited. */
import type { Article, EntityType } from './corpus';

export interface CitedText {
  text: string;
  articleId: string;
  /** Index of the sentence in the article. */
  sentence: number;
  /** The article's outlet, date, language and title, to say where the text comes from. */
  source: string;
  /** YYYY-MM-DD, or null when the article is undated. */
  published: string | null;
  lang: string;
  title: string;
}

export interface EntityCard {
  id: string;
  name: string;
  type: EntityType;
  /** A clause that says who or what it is, from an apposition or role in the text. */
  description: CitedText | null;
  /** 1–3 sentences about the entity, best first, in the page's language first. */
  facts: CitedText[];
  /** The story the entity belongs to (the page's story when it is in it): its place there. */
  story: { id: string; title: string; published: string; articles: number; rank: number; of: number } | null;
}

/** `text`, sentence `sentence` of article `a`, cited with the article's outlet, date, language and title. */
export function citedText(text: string, sentence: number, a: Pick<Article, 'id' | 'source' | 'published' | 'lang' | 'title'>): CitedText {
  return { text, articleId: a.id, sentence, source: a.source, published: a.published, lang: a.lang, title: a.title };
}
