// The contract of the core's one entry point. Commands, the scheduler and the CLI depend on this only.
import type { Article, ArticleHeader, Briefing, LoadWarning, QuoteHit, SearchHit, Suggestion, SuggestionKind, Summary, SummaryLength } from './types';

/**
 * Which articles a caller may see: every file article, and feed articles only of the feeds named here (a
 * server's shared and own feeds). Plain data: whoever knows the servers' sources builds it.
 */
export interface Scope {
  feeds: ReadonlySet<string>;
}

/** The source id of every article read from the content folder (a feed article's source id is its feed URL). */
export const FILES_SOURCE = 'files';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Leave out articles outside this scope; absent: every article. */
  scope?: Scope;
  /**
   * Only articles of this source (a feed URL, or FILES_SOURCE); absent: every source. With no words to look
   * for, the source's articles are listed newest first.
   */
  source?: string;
}

/** A source the library holds articles of, and how many of them a scope sees. */
export interface SourceCount {
  id: string;
  articles: number;
}

export interface QuoteQuery {
  /** Words of the quote (fuzzy). */
  query?: string;
  /** Speaker name or part of it (fuzzy: "zelenski" finds Zelensky). */
  speaker?: string;
  limit?: number;
  scope?: Scope;
}

/** How many articles a briefing holds unless someone asks for another number (/brief, /briefing set). */
export const DEFAULT_BRIEFING_SIZE = 5;

export interface BriefOptions {
  topic?: string | null;
  /** How many articles at most (default DEFAULT_BRIEFING_SIZE). */
  limit?: number;
  length?: SummaryLength;
  /** Articles to leave out (already briefed in a channel). */
  excludeIds?: ReadonlySet<string>;
  scope?: Scope;
}

export interface LibraryStats {
  articles: number;
  quotes: number;
  /** ISO time the newest article was stored (added or changed). */
  lastChanged: string | null;
  loadedAt: string;
  /** Changes whenever the set of articles changes; lets stale paging buttons notice. */
  version: string;
}

export interface Library {
  /** Every article's header, newest first: what lists, counts and choices need (bodies come with article()). */
  articles(): ArticleHeader[];
  /** The whole article, read from the store when asked for. */
  article(id: string): Promise<Article | undefined>;
  /** Articles matched by id, or else by title words (best first). */
  findArticle(idOrWords: string, scope?: Scope): Promise<Article | undefined>;
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;
  quotes(q?: QuoteQuery): Promise<QuoteHit[]>;
  summary(id: string, opts?: { length?: SummaryLength }): Promise<Summary | undefined>;
  brief(opts?: BriefOptions): Promise<Briefing>;
  suggest(kind: SuggestionKind, prefix: string, limit?: number, scope?: Scope): Suggestion[];
  /** The sources of the articles this scope sees (feeds by URL, the content folder as FILES_SOURCE), most articles first. */
  sources(scope?: Scope): SourceCount[];
  warnings(): LoadWarning[];
  stats(): LibraryStats;
}
