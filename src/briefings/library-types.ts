// The contract of the core's one entry point. Commands, the scheduler and the CLI depend on this only.
import type {
  Article,
  Briefing,
  LoadWarning,
  QuoteHit,
  SearchHit,
  Suggestion,
  SuggestionKind,
  Summary,
  SummaryLength,
} from './types';

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface QuoteQuery {
  /** Words of the quote (fuzzy). */
  query?: string;
  /** Speaker name or part of it (fuzzy: "zelenski" finds Zelensky). */
  speaker?: string;
  limit?: number;
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
  articles(): Article[];
  article(id: string): Article | undefined;
  /** Articles matched by id, or else by title words (best first). */
  findArticle(idOrWords: string): Article | undefined;
  search(query: string, opts?: SearchOptions): SearchHit[];
  quotes(q?: QuoteQuery): QuoteHit[];
  summary(id: string, opts?: { length?: SummaryLength }): Summary | undefined;
  brief(opts?: BriefOptions): Briefing;
  suggest(kind: SuggestionKind, prefix: string, limit?: number): Suggestion[];
  warnings(): LoadWarning[];
  stats(): LibraryStats;
}
