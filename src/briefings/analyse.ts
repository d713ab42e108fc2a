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

export function analyseArticle(raw: RawArticle, id: string): Article {
  const { quotes, people } = extractQuotes({
    title: raw.title,
    standfirst: raw.standfirst,
    paragraphs: raw.paragraphs,
  });
  return {
    ...raw,
    id,
    sentences: articleSentences(raw),
    quotes: quotes.map((q) => ({ ...q, articleId: id })),
    people,
  };
}
