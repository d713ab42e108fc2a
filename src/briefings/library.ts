// Opening a library over one view of the store. A restart reads the headers only (no text), restores the search
// index and the stories from the store's saved record, and reads whole just the articles stored since that record
// was saved. Without a usable record (first open, other code's record) every article is read once, whole, to
// build both, and only the headers are kept.
import { withLazySentences } from './analyse';
import type { StoredArticle, StoredHeader } from './article-store';
import { headerOf } from './library-bodies';
import { readSnapshot, type SavedLibrary } from './library-snapshot';
import { LibraryStories } from './library-stories';
import { ArticleLibrary, feedOf, inView, type KeptHeader, type LibraryOptions, type LoadReport } from './article-library';

export type { LibraryOptions, LoadReport } from './article-library';
import type { Library } from './library-types';
import { SearchIndex, SearchIndexBuilder } from './search';
import type { Article } from './types';

export interface LoadedLibrary extends Library {
  /** How the open went: how many articles, whether the index came from the store, how long each part took. */
  readonly loadReport: LoadReport;
  catchUp(): Promise<{ changed: number }>;
  saveIndex(): Promise<boolean>;
  /** Every article of this article's story, lead first (live posts ask whether any was posted already). */
  storyMembers(articleId: string): string[];
}

interface Opened {
  index: SearchIndex;
  stories: LibraryStories;
  kept: KeptHeader[];
  seq: number;
  savedSeq: number;
  report: LoadReport;
}

const kept = (h: StoredHeader): KeptHeader => ({ header: h.header, storedAt: h.storedAt, feed: feedOf(h) });

/** A restart: headers, the saved index and stories, and the articles changed since the save. Null: not usable. */
async function restore(opts: LibraryOptions, saved: SavedLibrary, t0: number): Promise<Opened | null> {
  const stamps = saved.stamps;
  if (!stamps || saved.stories === undefined) return null;
  const { seq, headers } = await opts.reader.headers(opts.view);
  const t1 = Date.now();
  const unchanged = headers.filter((h) => stamps.get(h.header.id) === h.storedAt).map((h) => h.header);
  let index: SearchIndex;
  try {
    index = SearchIndex.fromBinary(saved.search, unchanged, opts.oneShot);
  } catch {
    return null;
  }
  const t2 = Date.now();
  const restored = (opts.oneShot ? LibraryStories.deferHeaders : LibraryStories.restoreHeaders)(saved.stories, unchanged);
  if (!restored) return null;
  const t3 = Date.now();
  // What was stored since the save (or is missing from it) is read whole and indexed and grouped again.
  const stale = headers.filter((h) => !index.has(h.header.id) || !restored.has(h.header.id));
  for (const h of stale) {
    const s = await opts.reader.get(h.header.id);
    if (!s || !inView(opts.view, s)) continue;
    const article = withLazySentences(s.article);
    if (!index.has(article.id)) index.add(article);
    if (!restored.has(article.id)) restored.stories.add(article);
  }
  // The articles read whole since the save count as reading; restoring each part, as that part.
  const t4 = Date.now();
  return {
    index,
    stories: restored.stories,
    kept: headers.map(kept),
    seq,
    savedSeq: saved.seq === seq && stale.length === 0 ? seq : -1,
    report: {
      articles: headers.length,
      indexFromStore: true,
      storiesFromStore: true,
      readMs: t1 - t0 + (t4 - t3),
      indexMs: t2 - t1,
      storiesMs: t3 - t2,
    },
  };
}

/** A first open: every article read whole once, the index and stories built, the headers kept. */
async function build(opts: LibraryOptions, saved: SavedLibrary | null, t0: number): Promise<Opened> {
  const { seq, articles: stored } = await opts.reader.snapshot(opts.view);
  // The store hands over fresh objects: give them lazy sentences in place rather than copying them.
  const articles: Article[] = stored.map((s) => withLazySentences(s.article));
  const t1 = Date.now();
  let index: SearchIndex | null = null;
  if (saved) {
    try {
      // A record without stamps (an older save): fromBinary checks each article by its fingerprint.
      index = SearchIndex.fromBinary(saved.search, articles);
    } catch {
      index = null;
    }
  }
  const indexFromStore = index !== null;
  index ??= SearchIndex.build(articles);
  const t2 = Date.now();
  const restored = indexFromStore ? LibraryStories.restore(saved?.stories, articles) : null;
  const stories = restored ?? LibraryStories.build(articles);
  const headers = stored.map((s, i) => ({ header: headerOf(articles[i]), storedAt: s.storedAt, feed: feedOf(s) }));
  const report = {
    articles: articles.length,
    indexFromStore,
    storiesFromStore: restored !== null,
    readMs: t1 - t0,
    indexMs: t2 - t1,
    storiesMs: Date.now() - t2,
  };
  return { index, stories, kept: headers, seq, savedSeq: indexFromStore && saved?.seq === seq ? seq : -1, report };
}

async function opened(opts: LibraryOptions, o: Opened): Promise<LoadedLibrary> {
  const { index, stories, kept: headers, seq, savedSeq, report } = o;
  return new ArticleLibrary(opts, index, stories, headers, { seq, savedSeq }, report, await opts.reader.warnings(opts.view));
}

/** Opens the library over one view of the store: headers kept, the index restored (or built). */
export async function openLibrary(opts: LibraryOptions): Promise<LoadedLibrary> {
  const t0 = Date.now();
  const saved = await readSnapshot(opts.reader, opts.view, opts.oneShot);
  return opened(opts, (saved && (await restore(opts, saved, t0))) ?? (await build(opts, saved, t0)));
}

/**
 * A first open built while the store fills (issue 13: a first load's index was built after the sync, with the
 * analysis workers idle). The writer hands over the ids of each batch it stored, in the store's order; their
 * articles are read and their words indexed at once (SearchIndexBuilder: the same index as a build over all).
 * open() then checks that what was handed over is the view, in the store's order, article for article: when it is,
 * the index is finished and the stories grouped; when anything else changed the store meanwhile, the library is
 * opened as before (null).
 */
export class LibraryBuild {
  private readonly index: SearchIndexBuilder;
  private readonly articles: Article[] = [];
  private readonly kept: KeptHeader[] = [];
  private readMs = 0;
  private indexMs = 0;

  private constructor(
    private readonly opts: LibraryOptions,
    expected: number,
  ) {
    this.index = new SearchIndexBuilder(expected);
  }

  /**
   * A build over the view's articles stored so far, or null when the store has a saved record to restore instead.
   * `coming`: about how many more articles the writer will hand over (its columns are sized for them, as a build's are).
   */
  static async start(opts: LibraryOptions, coming = 0): Promise<LibraryBuild | null> {
    if (await readSnapshot(opts.reader, opts.view)) return null;
    const t0 = Date.now();
    const { articles } = await opts.reader.snapshot(opts.view);
    const b = new LibraryBuild(opts, articles.length + coming);
    b.take(articles, t0);
    return b;
  }

  /** Reads and indexes the articles just stored (ids in the store's order). */
  async add(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const t0 = Date.now();
    const r = this.opts.reader;
    const read = r.getMany ? await r.getMany(ids) : (await Promise.all(ids.map((id) => r.get(id)))).filter((s) => s !== null);
    const byId = new Map(read.map((s) => [s.article.id, s]));
    this.take(
      ids.flatMap((id) => byId.get(id) ?? []),
      t0,
    );
  }

  private take(stored: readonly StoredArticle[], t0: number): void {
    const articles: Article[] = [];
    for (const s of stored) {
      if (!inView(this.opts.view, s)) continue;
      const article = withLazySentences(s.article);
      articles.push(article);
      this.kept.push({ header: headerOf(article), storedAt: s.storedAt, feed: feedOf(s) });
    }
    const t1 = Date.now();
    this.index.add(articles);
    for (const a of articles) this.articles.push(a);
    this.readMs += t1 - t0;
    this.indexMs += Date.now() - t1;
  }

  /** The library, when what was handed over is the whole view in the store's order; null when it is not. */
  async open(): Promise<LoadedLibrary | null> {
    const { seq, headers } = await this.opts.reader.headers(this.opts.view);
    const kept = this.kept;
    if (headers.length !== kept.length || headers.some((h, i) => h.header.id !== kept[i].header.id || h.storedAt !== kept[i].storedAt)) return null;
    const t0 = Date.now();
    const index = this.index.finish();
    const t1 = Date.now();
    const stories = LibraryStories.build(this.articles);
    this.articles.length = 0;
    const report = {
      articles: kept.length,
      indexFromStore: false,
      storiesFromStore: false,
      readMs: this.readMs,
      indexMs: this.indexMs + (t1 - t0),
      storiesMs: Date.now() - t1,
    };
    return opened(this.opts, { index, stories, kept, seq, savedSeq: -1, report });
  }
}
