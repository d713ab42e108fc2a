// The core's facade: the articles of one view of the store, answered from memory. The search index is
// restored from the store's saved copy (or built) at open and kept in step with the store's change log:
// whoever writes (the folder sync, a feed poller, another process) the library follows with catchUp().
import * as crypto from 'node:crypto';
import { withLazySentences } from './analyse';
import { type ArticleReader, type ArticleView, type StoredArticle } from './article-store';
import { byRecency, composeBriefing, rankHits } from './briefing';
import { readSnapshot, writeSnapshot } from './library-snapshot';
import { collapsedSearch, LibraryStories } from './library-stories';
import {
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
import { SearchIndex } from './search';
import { snippet } from './search/snippet';
import { clampLimit, label } from './search/suggest';
import { summarise } from './summarise';
import type { Article, Briefing, LoadWarning, QuoteHit, SearchHit, Suggestion, SuggestionKind, Summary } from './types';
import { SUMMARY_SENTENCES } from './types';

/** How many topic hits to weigh for recency before choosing the briefing's articles. */
const BRIEF_CANDIDATES = 50;

export interface LoadReport {
  articles: number;
  /** Whether the search index was restored from the store's saved copy (then patched with what changed). */
  indexFromStore: boolean;
  /** Whether the stories were restored from the same saved record (only articles changed since were grouped). */
  storiesFromStore: boolean;
  /** Milliseconds reading articles from the store, restoring or building the index, and grouping stories. */
  readMs: number;
  indexMs: number;
  storiesMs: number;
}

export interface LibraryOptions {
  reader: ArticleReader;
  view: ArticleView;
  /** Clock used for "recent" ranking; tests pass a fixed one. */
  now?: () => Date;
  /** Warnings that live outside the store (folders that could not be read). */
  extraWarnings?: () => LoadWarning[];
}

class ArticleLibrary implements Library {
  private readonly byId = new Map<string, Article>();
  /** When each article was stored: the newest is the library's "last changed". */
  private readonly storedAt = new Map<string, string>();
  /** The feed each feed article came from (what a Scope names); file articles are not in it. */
  private readonly feedOf = new Map<string, string>();
  private ordered: Article[] = [];
  private readonly loadedAt: Date;
  private versionStamp = '';
  /** The store's change counter this library has caught up to, and the one its saved index reflects. */
  private seq: number;
  private savedSeq: number;
  private catchingUp: Promise<unknown> = Promise.resolve();
  /** The store's warnings for this view, read at open and on every catch-up (the sync catches up after each batch). */
  private storeWarnings: LoadWarning[];

  constructor(
    private readonly opts: LibraryOptions,
    private readonly index: SearchIndex,
    private readonly stories: LibraryStories,
    /** The very objects the index holds (one copy of each article, not two). */
    loaded: { article: Article; storedAt: string; feed: string | null }[],
    seq: number,
    savedSeq: number,
    readonly loadReport: LoadReport,
    storeWarnings: LoadWarning[],
  ) {
    this.storeWarnings = storeWarnings;
    for (const { article, storedAt, feed } of loaded) this.remember(article, storedAt, feed);
    this.seq = seq;
    this.savedSeq = savedSeq;
    this.reorder();
    this.loadedAt = this.now();
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  private remember(article: Article, storedAt: string, feed: string | null): Article {
    this.byId.set(article.id, article);
    this.storedAt.set(article.id, storedAt);
    if (feed === null) this.feedOf.delete(article.id);
    else this.feedOf.set(article.id, feed);
    return article;
  }

  private keep(s: StoredArticle): Article {
    return this.remember(withLazySentences(s.article), s.storedAt, feedOf(s));
  }

  /** File articles are in every scope; a feed article only in the scopes that name its feed. */
  private visible(id: string, scope: Scope | undefined): boolean {
    if (!scope) return true;
    const feed = this.feedOf.get(id);
    return feed === undefined || scope.feeds.has(feed);
  }

  /** Scoped searches ask the index for more than they show, as hits outside the scope are dropped. */
  private overFetch(limit: number, scope: Scope | undefined): number {
    return scope && this.feedOf.size ? limit * 4 + 50 : limit;
  }

  private reorder(): void {
    this.ordered = byRecency([...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    const h = crypto.createHash('sha1');
    for (const a of this.ordered)
      h.update(a.id)
        .update('\0')
        .update(this.storedAt.get(a.id) ?? '')
        .update('\0');
    this.versionStamp = h.digest('hex').slice(0, 10);
  }

  /**
   * Follows the store: every article added, edited or removed since the last call is added to, replaced in
   * or removed from the index, one by one (no rebuild). Returns how many changed.
   */
  catchUp(): Promise<{ changed: number }> {
    // One at a time: two overlapping catch-ups could apply an older read of an article after a newer one.
    const next = this.catchingUp.then(() => this.applyChanges());
    this.catchingUp = next.catch(() => undefined);
    return next;
  }

  private async applyChanges(): Promise<{ changed: number }> {
    const { seq, ids } = await this.opts.reader.changesSince(this.seq);
    this.storeWarnings = await this.opts.reader.warnings(this.opts.view);
    let changed = 0;
    for (const id of ids) {
      const s = await this.opts.reader.get(id);
      const inView = s !== null && this.inView(s);
      if (!inView) {
        if (this.byId.delete(id)) {
          this.storedAt.delete(id);
          this.feedOf.delete(id);
          this.index.remove(id);
          this.stories.remove(id);
          changed++;
        }
        continue;
      }
      const article = this.keep(s);
      this.index.add(article);
      this.stories.add(article);
      changed++;
    }
    this.seq = seq;
    if (changed) this.reorder();
    return { changed };
  }

  private inView(s: StoredArticle): boolean {
    if (s.sourceKind !== 'file') return true;
    return this.opts.view.fileRoot !== null && s.sourceRoot === this.opts.view.fileRoot;
  }

  /** Saves the search index into the store when it changed since it was last saved (a restart then restores it). */
  async saveIndex(): Promise<boolean> {
    if (this.savedSeq === this.seq) return false;
    const seq = this.seq;
    const stories = this.stories.toSnapshot((id) => this.byId.get(id));
    await writeSnapshot(this.opts.reader, this.opts.view, seq, { search: this.index.toJSON(), stories });
    this.savedSeq = seq;
    return true;
  }

  articles(): Article[] {
    return this.ordered.slice();
  }

  article(id: string): Article | undefined {
    return this.byId.get(id);
  }

  findArticle(idOrWords: string, scope?: Scope): Article | undefined {
    const key = idOrWords.trim();
    if (!key) return undefined;
    const seen = (a: Article | undefined) => (a && this.visible(a.id, scope) ? a : undefined);
    const exact = seen(this.byId.get(key)) ?? seen(this.byId.get(key.toLowerCase()));
    if (exact) return exact;
    const lower = key.toLowerCase();
    const byTitle = this.ordered.find((a) => a.title.toLowerCase() === lower && this.visible(a.id, scope));
    if (byTitle) return byTitle;
    const hit = this.search(key, { limit: 1, scope })[0];
    return hit ? this.byId.get(hit.articleId) : undefined;
  }

  private sourceOf(id: string): string {
    return this.feedOf.get(id) ?? FILES_SOURCE;
  }

  /** Hits one per story (its other versions as "also reported by"), paged after collapsing. */
  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    const { scope, source, ...rest } = opts;
    const visible = (id: string): boolean => this.visible(id, scope);
    const wanted = (id: string): boolean => visible(id) && (source === undefined || this.sourceOf(id) === source);
    // Another server's private feed articles are neither hits nor "also reported by"; other sources' versions
    // of a story stay as "also reported by" when a search is narrowed to one source.
    const narrowed = scope !== undefined || source !== undefined;
    const collapse = (hits: readonly SearchHit[]) => this.stories.collapseHits(narrowed ? hits.filter((h) => wanted(h.articleId)) : hits, visible);
    if (source !== undefined && !query.trim()) return collapsedSearch('*', rest, (_q, o) => this.newest(wanted, o), collapse);
    return collapsedSearch(query, rest, (q, o) => this.index.search(q, o), collapse);
  }

  /** The newest articles that pass, as hits (a source listed without words to look for). */
  private newest(wanted: (id: string) => boolean, page: { limit: number; offset: number }): SearchHit[] {
    const picked = this.ordered.filter((a) => wanted(a.id)).slice(page.offset, page.offset + page.limit);
    return picked.map((a) => ({ articleId: a.id, title: a.title, score: 0, snippet: snippet(a, new Set()), date: a.date }));
  }

  sources(scope?: Scope): SourceCount[] {
    const counts = new Map<string, number>();
    for (const a of this.ordered) {
      if (!this.visible(a.id, scope)) continue;
      const id = this.sourceOf(a.id);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts.entries()].map(([id, articles]) => ({ id, articles })).sort((x, y) => y.articles - x.articles || (x.id < y.id ? -1 : 1));
  }

  storyMembers(articleId: string): string[] {
    return this.stories.membersOf(articleId);
  }

  quotes(q: QuoteQuery = {}): QuoteHit[] {
    const limit = q.limit ?? 10;
    if ((q.query ?? '').trim() || (q.speaker ?? '').trim()) {
      const hits = this.index.searchQuotes({ query: q.query, speaker: q.speaker, limit: this.overFetch(limit, q.scope) });
      return hits.filter((h) => this.visible(h.articleId, q.scope)).slice(0, limit);
    }
    // No words and no speaker: the latest articles' quotes, newest first.
    const out: QuoteHit[] = [];
    for (const a of this.ordered) {
      if (!this.visible(a.id, q.scope)) continue;
      for (const quote of a.quotes) {
        out.push({ ...quote, articleTitle: a.title, date: a.date, score: 0 });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  summary(id: string, opts: { length?: keyof typeof SUMMARY_SENTENCES } = {}): Summary | undefined {
    const article = this.byId.get(id);
    if (!article) return undefined;
    return {
      articleId: article.id,
      title: article.title,
      sentences: summarise(article, SUMMARY_SENTENCES[opts.length ?? 'medium']),
    };
  }

  brief(opts: BriefOptions = {}): Briefing {
    const limit = Math.max(1, opts.limit ?? DEFAULT_BRIEFING_SIZE);
    const topic = opts.topic?.trim() || null;
    const exclude = opts.excludeIds ?? new Set<string>();
    const pool = topic
      ? rankHits(this.search(topic, { limit: BRIEF_CANDIDATES + exclude.size, scope: opts.scope }), (id) => this.byId.get(id))
      : this.ordered;
    // Backlog (feed items already old when first seen) is searchable but is not news.
    const news = pool.filter((a) => !a.backlog && this.visible(a.id, opts.scope));
    const picks = this.stories.onePerStory(
      news,
      limit,
      exclude,
      (id) => this.byId.get(id),
      (id) => this.visible(id, opts.scope),
    );
    return composeBriefing(picks, { topic, length: opts.length ?? 'medium', now: this.now() });
  }

  suggest(kind: SuggestionKind, prefix: string, limit?: number, scope?: Scope): Suggestion[] {
    const n = clampLimit(limit);
    if (typeof prefix === 'string' && prefix.trim() !== '') {
      const found = this.index.suggest(kind, prefix, scope && kind === 'title' ? this.overFetch(n, scope) : n);
      // Title suggestions carry the article id; speakers are names shared across sources and stay as they are.
      return kind === 'title' && scope ? found.filter((s) => this.visible(s.value, scope)).slice(0, n) : found;
    }
    // An empty autocomplete box: offer what people most likely want, the newest articles or the most quoted people.
    if (kind === 'title')
      return this.ordered
        .filter((a) => this.visible(a.id, scope))
        .slice(0, n)
        .map((a) => ({ label: label(a.title), value: a.id }));
    return this.mostQuoted()
      .slice(0, n)
      .map((name) => ({ label: label(name), value: name }));
  }

  private mostQuotedMemo: { version: string; names: string[] } | null = null;

  private mostQuoted(): string[] {
    if (this.mostQuotedMemo?.version !== this.versionStamp) {
      const counts = new Map<string, number>();
      for (const a of this.ordered) for (const q of a.quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
      const names = [...counts.entries()]
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, 25)
        .map(([name]) => name);
      this.mostQuotedMemo = { version: this.versionStamp, names };
    }
    return this.mostQuotedMemo.names;
  }

  warnings(): LoadWarning[] {
    return [...(this.opts.extraWarnings?.() ?? []), ...this.storeWarnings];
  }

  stats(): LibraryStats {
    let quotes = 0;
    for (const a of this.ordered) quotes += a.quotes.length;
    let newest = '';
    for (const at of this.storedAt.values()) if (at > newest) newest = at;
    return {
      articles: this.ordered.length,
      quotes,
      lastChanged: newest || null,
      loadedAt: this.loadedAt.toISOString(),
      version: this.versionStamp,
    };
  }
}

function feedOf(s: StoredArticle): string | null {
  return s.sourceKind === 'feed' ? s.sourceId : null;
}

export interface LoadedLibrary extends Library {
  /** How the open went: how many articles, whether the index came from the store, how long each part took. */
  readonly loadReport: LoadReport;
  catchUp(): Promise<{ changed: number }>;
  saveIndex(): Promise<boolean>;
  /** Every article of this article's story, lead first (live posts ask whether any was posted already). */
  storyMembers(articleId: string): string[];
}

/** Opens the library over one view of the store: articles read once, the index restored (or built). */
export async function openLibrary(opts: LibraryOptions): Promise<LoadedLibrary> {
  const t0 = Date.now();
  const { seq, articles: stored } = await opts.reader.snapshot(opts.view);
  // The store hands over fresh objects: give them lazy sentences in place rather than copying them.
  const loaded = stored.map((s) => ({ article: withLazySentences(s.article), storedAt: s.storedAt, feed: feedOf(s) }));
  const articles = loaded.map((l) => l.article);
  const t1 = Date.now();
  const saved = await readSnapshot(opts.reader, opts.view);
  let index: SearchIndex | null = null;
  let savedSeq = -1;
  if (saved) {
    try {
      // fromJSON drops articles the saved index has and the store lost, and indexes new or changed ones.
      index = SearchIndex.fromJSON(saved.search, articles);
      savedSeq = saved.seq === seq ? seq : -1;
    } catch {
      index = null;
    }
  }
  const indexFromStore = index !== null;
  index ??= SearchIndex.build(articles);
  const t2 = Date.now();
  const restored = indexFromStore ? LibraryStories.restore(saved?.stories, articles) : null;
  const stories = restored ?? LibraryStories.build(articles);
  const report: LoadReport = {
    articles: articles.length,
    indexFromStore,
    storiesFromStore: restored !== null,
    readMs: t1 - t0,
    indexMs: t2 - t1,
    storiesMs: Date.now() - t2,
  };
  return new ArticleLibrary(opts, index, stories, loaded, seq, savedSeq, report, await opts.reader.warnings(opts.view));
}
