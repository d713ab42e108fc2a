// The article store as the core sees it: plain types in and out, no SQL. src/store holds the SQLite and
// Postgres implementations (async, so a networked database fits behind them); src/sources writes through
// ArticleWriter, and the library reads through ArticleReader.
import type { Article, ArticleHeader, LoadWarning } from './types';

/** Where an article comes from. Feeds plug in as their own kind; retention applies to feeds only. */
export type SourceKind = 'file' | 'feed';

export interface SourceKey {
  kind: SourceKind;
  /** For files, the content folder's real path (one store can serve several folders); '' for feeds. */
  root: string;
  /** For files, the path inside the folder (forward slashes); for feeds, the feed's URL. */
  id: string;
}

export interface StoredSource extends SourceKey {
  /** What identifies this version of a file without reading it (null for feeds). */
  size: number | null;
  mtimeMs: number | null;
  /** Hash of the bytes read, to tell a real change from a touch. */
  contentHash: string | null;
  /** The analysis code that produced the stored articles: other code means read again. */
  analysisVersion: string;
  /** What went wrong reading it (the articles that could be read are still stored). */
  warnings: LoadWarning[];
}

/** An analysed article before the store gives it its id. */
export interface AnalysedArticle extends Omit<Article, 'id' | 'sentences'> {
  /** The id it would like (the title as a slug); the store adds -2, -3… when another article has it. */
  slug: string;
  /** Hash of the article's text as read: title, date, standfirst and paragraphs. */
  contentHash: string;
}

/** Which articles a library shows: the files of one content folder (if any) and every feed article. */
export interface ArticleView {
  fileRoot: string | null;
}

export interface StoredArticle {
  /** Without sentences: they are split on first use. */
  article: Omit<Article, 'sentences'>;
  sourceKind: SourceKind;
  sourceRoot: string;
  /** The file's path or the feed's URL (what a Scope names). */
  sourceId: string;
  storedAt: string;
}

/** An article's header (no text) and where it came from: what a library keeps of it in memory. */
export interface StoredHeader {
  header: ArticleHeader;
  sourceKind: SourceKind;
  sourceRoot: string;
  sourceId: string;
  storedAt: string;
}

export interface StoreHeaders {
  /** The store's change counter when the headers were read. */
  seq: number;
  headers: StoredHeader[];
}

export interface StoreSnapshot {
  /** The store's change counter when the articles were read. */
  seq: number;
  articles: StoredArticle[];
}

export interface SearchSnapshotRecord {
  seq: number;
  analysisVersion: string;
  data: Uint8Array;
}

export interface ArticleReader {
  /** Every article in the view and the change counter, read consistently. */
  snapshot(view: ArticleView): Promise<StoreSnapshot>;
  /** Every article's header in the view (no text: a fraction of snapshot's reading), in snapshot's order, and the counter. */
  headers(view: ArticleView): Promise<StoreHeaders>;
  /** One article (any view), or null when it no longer exists. */
  get(id: string): Promise<StoredArticle | null>;
  /** Several articles in one read (a page of hits): those that exist, in no particular order. Optional: without it, `get` each. */
  getMany?(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Ids changed (added, edited or removed) after `seq`, and the counter now. */
  changesSince(seq: number): Promise<{ seq: number; ids: string[] }>;
  /** Warnings of every source in the view. */
  warnings(view: ArticleView): Promise<LoadWarning[]>;
  loadSearchSnapshot(viewKey: string): Promise<SearchSnapshotRecord | null>;
  saveSearchSnapshot(viewKey: string, record: SearchSnapshotRecord): Promise<void>;
}

export interface ArticleWriter {
  /** Sources of one kind and root, by id. */
  sources(kind: SourceKind, root: string): Promise<Map<string, StoredSource>>;
  /** Replaces a source's articles with these (ids kept where the slug is the same). Returns the ids given. */
  replaceSource(source: StoredSource, articles: AnalysedArticle[]): Promise<string[]>;
  /**
   * Adds or updates articles of a source by their key within it (a feed item's identity), leaving its other
   * articles alone. An updated item keeps its id even when retitled. Returns the ids, in order.
   */
  upsertItems(source: StoredSource, items: { key: string; article: AnalysedArticle }[]): Promise<string[]>;
  /** Many replacements in one transaction (a batch of files). Returns each item's ids, in order (as replaceSource). */
  replaceSources(items: { source: StoredSource; articles: AnalysedArticle[] }[]): Promise<string[][]>;
  /** Records a new size and modification time for a source whose content did not change. */
  touchSource(source: StoredSource): Promise<void>;
  /** Removes sources and their articles. */
  removeSources(keys: SourceKey[]): Promise<void>;
  /** Drops feed articles dated (or, undated, stored) before `cutoff`. Returns how many went. */
  pruneFeedArticles(cutoff: Date): Promise<number>;
}

export function viewKey(view: ArticleView): string {
  return `files:${view.fileRoot ?? ''}|feeds`;
}
