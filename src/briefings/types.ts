// The core's boundary types. Plain data only: nothing here may import discord.js.

/** What a reader extracts from one file, before the text is analysed. */
export interface RawArticle {
  title: string;
  /** ISO 8601 date-time (UTC) or null when the file gives none. */
  date: string | null;
  /** True when the date was derived from a relative phrase ("2 sec ago") or the file's mtime. */
  dateApproximate: boolean;
  standfirst: string | null;
  /** The dateline that opened the body ("MOSCOW"), without its colon. */
  dateline: string | null;
  /** Section headings in order of appearance. */
  headings: string[];
  /** Body paragraphs, furniture removed, dateline stripped from the first one. */
  paragraphs: string[];
  /** Path of the file relative to the content folder (forward slashes). */
  source: string;
  url?: string;
  tags?: string[];
  /** A summary that the file itself supplies (front matter), if any. */
  providedSummary?: string;
  /** Index of the paragraph each heading precedes, parallel to `headings`. */
  headingPositions?: number[];
  /** A feed article whose page could not be read (or was a teaser): its text is the feed's own description. */
  teaser?: boolean;
  /** Byline, when the feed or the page names one. */
  author?: string;
  /** A feed item already older than the briefing window when first seen: searchable, never briefed as news. */
  backlog?: boolean;
}

export interface Sentence {
  text: string;
  /** Index into Article.paragraphs; -1 for the standfirst. */
  paragraph: number;
  /** Position of the sentence in the whole article, 0-based (standfirst sentences first). */
  index: number;
}

export interface Person {
  /** Fullest form of the name in the article ("Marco Rubio"). */
  name: string;
  /** Office or description kept from the article ("US Secretary of State"), if any. */
  role: string | null;
  kind: 'person' | 'organisation';
}

export interface Quote {
  /** The quoted words, without the quote marks. */
  text: string;
  /** Canonical speaker name, or null when it cannot be told (shown as "unknown"). */
  speaker: string | null;
  role: string | null;
  articleId: string;
  /** Index into Article.paragraphs where the quote starts. */
  paragraph: number;
  /** True when the quote is a fragment inside a sentence of the reporter's. */
  partial: boolean;
}

export interface Article extends RawArticle {
  /** Stable slug built from the title (and de-duplicated within a library). */
  id: string;
  sentences: Sentence[];
  quotes: Quote[];
  people: Person[];
}

/**
 * What the library keeps in memory of every article: enough to list, count, rank by date, group into stories and
 * choose a briefing's articles. The text (standfirst, paragraphs, quotes, people) is read when an answer shows it.
 */
export interface ArticleHeader extends Pick<RawArticle, 'title' | 'date' | 'dateApproximate' | 'source' | 'url' | 'teaser' | 'backlog'> {
  id: string;
  /** How many quotes the analysis found. */
  quoteCount: number;
}

export interface LoadWarning {
  /** File path relative to the content folder. */
  file: string;
  reason: string;
}

export type SummaryLength = 'short' | 'medium' | 'long';
export const SUMMARY_SENTENCES: Record<SummaryLength, number> = { short: 1, medium: 3, long: 5 };

export interface Summary {
  articleId: string;
  title: string;
  sentences: string[];
}

/** Another outlet's (or an earlier) version of the same story: "also reported by". */
export interface AlsoReported {
  articleId: string;
  title: string;
  /** The outlet: the URL's host without "www." ("cnbc.com"), else the first folder of the file path. */
  source: string;
  url?: string;
}

export interface SearchHit {
  articleId: string;
  title: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /** A short passage around what matched. */
  snippet: string;
  date: string | null;
  /** The story's other versions (the library collapses them into this hit); absent when it stands alone. */
  alsoReportedBy?: AlsoReported[];
}

export interface QuoteHit extends Quote {
  articleTitle: string;
  date: string | null;
  score: number;
}

export type SuggestionKind = 'title' | 'speaker';

export interface Suggestion {
  /** Text shown to the user. */
  label: string;
  /** Article id for titles; canonical name for speakers. */
  value: string;
}

export interface BriefingItem {
  articleId: string;
  title: string;
  date: string | null;
  source: string;
  url?: string;
  summary: string[];
  quote: Quote | null;
  /** The story's other versions, lead first; absent when it stands alone. */
  alsoReportedBy?: AlsoReported[];
}

export interface Briefing {
  topic: string | null;
  generatedAt: string;
  items: BriefingItem[];
  /** Everyone quoted across the items, most quoted first. */
  speakers: { name: string; role: string | null; count: number }[];
}
