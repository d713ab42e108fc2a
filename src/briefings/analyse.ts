// Turns what a reader found into an Article: sentences, quotes and the people in it.
import { extractQuotes } from './quotes';
import { splitSentences } from './text/sentences';
import type { Article, RawArticle, Sentence } from './types';

export function articleSentences(raw: Pick<RawArticle, 'standfirst' | 'paragraphs'>): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (text: string, paragraph: number) => {
    for (const s of splitSentences(text)) sentences.push({ text: s, paragraph, index: sentences.length });
  };
  if (raw.standfirst) push(raw.standfirst, -1);
  raw.paragraphs.forEach((p, i) => push(p, i));
  return sentences;
}

/**
 * Sentences are needed only to summarise, which a briefing does for a handful of articles, so they are
 * split on first use rather than for every article at load (and are left out of the on-disk cache).
 */
export function withLazySentences<T extends Omit<Article, 'sentences'>>(article: T): T & Article {
  let memo: Sentence[] | null = null;
  return Object.defineProperty(article, 'sentences', {
    enumerable: true,
    configurable: true,
    get: () => (memo ??= articleSentences(article)),
    set: (value: Sentence[]) => {
      memo = value;
    },
  }) as T & Article;
}

/** The article without its derived sentences, for storage. Reads no getter, so nothing is split. */
export function withoutSentences(article: Article): Omit<Article, 'sentences'> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(article)) {
    if (key !== 'sentences') out[key] = (article as unknown as Record<string, unknown>)[key];
  }
  return out as Omit<Article, 'sentences'>;
}

/** The article's quotes and people beside what the reader found: an Article but for its sentences. */
export function analysedFields(raw: RawArticle, id: string): Omit<Article, 'sentences'> {
  const { quotes, people } = extractQuotes({
    title: raw.title,
    standfirst: raw.standfirst,
    paragraphs: raw.paragraphs,
  });
  return {
    ...raw,
    id,
    quotes: quotes.map((q) => ({ ...q, articleId: id })),
    people,
  };
}

export function analyseArticle(raw: RawArticle, id: string): Article {
  return withLazySentences(analysedFields(raw, id));
}
