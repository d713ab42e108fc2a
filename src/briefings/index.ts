// The core's one public face. Everything outside src/briefings (commands, discord, cli, schedule, store,
// bench) imports from here and nowhere deeper, so the core can rearrange its rooms without touching them.

// A library over one view of the article store, kept in step with the store's change log.
export { openLibrary, LibraryBuild, type LibraryOptions, type LoadedLibrary, type LoadReport } from './library';
// The article store as the core sees it (src/store implements it; src/sources writes through it).
export {
  viewKey,
  type AnalysedArticle,
  type ArticleReader,
  type ArticleView,
  type ArticleWriter,
  type SearchSnapshotRecord,
  type SourceKey,
  type SourceKind,
  type StoredArticle,
  type StoredHeader,
  type StoreHeaders,
  type StoredSource,
  type StoreSnapshot,
} from './article-store';
// Reading and analysing one file's bytes (the folder sync runs this in worker threads).
// A feed item's page (or, when that fails, the feed's own text) to an analysed article. Web pages (briefbot extract,
// bench:extract) and byte decoding. All of these load their code on first use (readers-on-demand.ts).
export {
  analyseFile,
  analyseRaw,
  analysePage,
  decodeBytes,
  formatOf,
  gunzip,
  GZIPPED,
  MAX_FILE_BYTES,
  parseCsv,
  readArticleBytes,
  readHtml,
  readPlainText,
} from './readers-on-demand';
export type { AnalyseJob, AnalysedFile } from './analyse-file';
export type { PageJob, AnalysedPage } from './analyse-page';
export type { FileRead, LoadOptions } from './articles/load';
export type { HtmlPage } from './articles/html';
export { analysisVersion, indexVersion, ANALYSIS_VERSION_FILE, codeVersionsOf } from './analysis-version';
export {
  DEFAULT_BRIEFING_SIZE,
  FILES_SOURCE,
  type BriefOptions,
  type Library,
  type LibraryStats,
  type QuoteQuery,
  type Scope,
  type SearchOptions,
  type SourceCount,
} from './library-types';
// /search narrowed to one source: what a user typed or picked, to a source id.
export { matchSources, resolveSource, sourceChoices, type SourceChoice } from './source-choice';

// The plain data the core hands out.
export {
  SUMMARY_SENTENCES,
  type AlsoReported,
  type Article,
  type ArticleHeader,
  type Briefing,
  type BriefingItem,
  type LoadWarning,
  type Person,
  type Quote,
  type QuoteHit,
  type RawArticle,
  type SearchHit,
  type Sentence,
  type Suggestion,
  type SuggestionKind,
  type Summary,
  type SummaryLength,
} from './types';

// Live subscriptions' filters: parse what an admin typed, show it back, test an article.
export {
  applyFilter,
  describeFilter,
  filterInput,
  FilterInputError,
  isEmptyFilter,
  NO_FILTER,
  parseFilter,
  type FilterableArticle,
  type FilterInput,
  type FilterTerm,
  type FilterVerdict,
  type SubscriptionFilter,
} from './filters';

// Stories: the same event from several outlets (or one outlet's updated versions) grouped as one.
export {
  buildStories,
  leadOrder,
  MinHashMatcher,
  outletOf,
  StoryIndex,
  StoryModel,
  TfIdfMatcher,
  type MinHashOptions,
  type Story,
  type StoryArticle,
  type StoryMatcher,
  type StoryMember,
  type StoryMethod,
  type TfIdfOptions,
} from './stories';

// Text helpers the renderers share with the core, so a sentence is cut the same way everywhere.
export { asSentence } from './text/as-sentence';
// The quote that best stands for an article (a briefing item's, a live post's).
export { tellingQuote } from './briefing';
export { splitSentences } from './text/sentences';

// Pieces the evaluations and benchmarks in bench/ measure one at a time. Not for the bot's adapters.
export { extractQuotes, findQuotations, type Quotation } from './quotes';
export { headSurname, isOfficeWord, tokenize } from './text/names';
export { SearchIndex } from './search';
export { terms } from './search/tokenize';
