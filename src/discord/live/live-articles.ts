// An article of the library as a live post needs it: the filter's text, the embed's summary and quote.
import { tellingQuote, type Article, type Library } from '../../briefings';
import { LIVE_SUMMARY_SENTENCES } from '../render/live-post';
import type { LiveArticle } from '../../delivery/live';

/** A teaser mark set by the feed reader when the page could not be read (absent on articles from files). */
function isTeaser(article: Article): boolean {
  return (article as Article & { teaser?: unknown }).teaser === true;
}

/** The name to show when no subscription names the source: the site's host, else the article's own source. */
export function fallbackSourceName(article: Pick<Article, 'url' | 'source'>): string {
  try {
    return article.url ? new URL(article.url).hostname.replace(/^www\./, '') : article.source;
  } catch {
    return article.source;
  }
}

export async function liveArticleOf(
  library: Pick<Library, 'article' | 'summary'>,
  id: string,
  sourceName: string | null,
  seenAt: Date,
): Promise<LiveArticle | null> {
  const article = await library.article(id);
  if (!article) return null;
  const summary = await library.summary(id, { length: 'medium' });
  const quote = tellingQuote(article);
  return {
    id,
    title: article.title,
    url: article.url,
    source: sourceName ?? fallbackSourceName(article),
    // An approximate date (from "2 hours ago" or a file time) is no publication time; seenAt stands in.
    publishedAt: article.dateApproximate ? null : article.date,
    seenAt: seenAt.toISOString(),
    summary: summary?.sentences.slice(0, LIVE_SUMMARY_SENTENCES) ?? [],
    quote: quote ? { text: quote.text, speaker: quote.speaker, role: quote.role, partial: quote.partial } : null,
    teaser: isTeaser(article),
    standfirst: article.standfirst,
    paragraphs: article.paragraphs,
    tags: article.tags,
  };
}
