// The core's facade: the articles of one view of the store. Headers (id, title, date, source, flags, quote count)
// and the search index stay in memory; an article's text is read from the store when an answer shows it (issue 13).
// Opening (library.ts) restores the index from the store's saved copy, or builds it; the library then follows
// the store's change log: whoever writes (the folder sync, a feed poller, another process) it follows with catchUp().
import * as crypto from 'node:crypto';
import { withLazySentences } from './analyse';
import type { ArticleReader, ArticleView, StoredArticle } from './article-store';
import { composeBriefing, rankHits } from './briefing';
import { Bodies, headerOf } from './library-bodies';
import { HeaderTable, type KeptHeader } from './library-headers';
import { writeSnapshot } from './library-snapshot';
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
import type { SearchIndex } from './search';
import { snippet } from './search/snippet';
import { clampLimit, label } from './search/suggest';
import { summarise } from './summarise';
import type { Article, ArticleHeader, Briefing, LoadWarning, QuoteHit, SearchHit, Suggestion, SuggestionKind, Summary } from './types';
import { SUMMARY_SENTENCES } from './types';

/** How many topic hits to weigh for recency before choosing the briefing's articles. */
const BRIEF_CANDIDATES = 50;

export interface LoadReport {
  articles: number;
  /** Whether the search index was restored from the store's saved copy (then patched with what changed). */
  indexFromStore: boolean;
  /** Whether the stories were restored from the same saved record (only articles changed since were grouped). */
  storiesFromStore: boolean;
  /** Milliseconds reading articles (headers, on a restart) from the store, restoring or building the index, and grouping stories. */
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
  /**
   * A process that answers once and exits (the CLI): a restart leaves the saved stories in the record and reads
   * only the ones an answer shows (the whole grouping is restored if an article is added or removed).
   */
  oneShot?: boolean;
}

export function feedOf(s: Pick<StoredArticle, 'sourceKind' | 'sourceId'>): string | null {
  return s.sourceKind === 'feed' ? s.sourceId : null;
}

/** Whether a stored article belongs to the view: every feed article, and the files of the view's folder. */
export function inView(view: ArticleView, s: Pick<StoredArticle, 'sourceKind' | 'sourceRoot'>): boolean {
  if (s.sourceKind !== 'file') return true;
  return view.fileRoot !== null && s.sourceRoot === view.fileRoot;
}

export type { KeptHeader } from './library-headers';

export class ArticleLibrary implements Library {
  /** Every article's header, when it was stored (saved as the index's stamps) and its feed (what a Scope names). */
  private readonly headers = new HeaderTable();
  /** The headers' rows, newest first. */
  private ordered = new Int32Array(0);
  private readonly bodies: Bodies;
  private readonly loadedAt: Date;
  /** Worked out on first use after each reorder (a one-shot search never reads it: issue 13). */
  private versionStamp: string | null = null;
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
    loaded: KeptHeader[],
    counters: { seq: number; savedSeq: number },
    readonly loadReport: LoadReport,
    storeWarnings: LoadWarning[],
  ) {
    this.storeWarnings = storeWarnings;
    this.bodies = new Bodies(opts.reader, (s) => inView(opts.view, s));
    this.headers.reserve(loaded.length);
    for (const k of loaded) this.remember(k);
    this.seq = counters.seq;
    this.savedSeq = counters.savedSeq;
    this.reorder();
    this.loadedAt = this.now();
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  private remember(kept: KeptHeader): void {
    this.headers.set(kept);
  }

  /** File articles are in every scope; a feed article only in the scopes that name its feed. */
  private visible(id: string, scope: Scope | undefined): boolean {
    if (!scope) return true;
    const row = this.headers.rowOf(id);
    const feed = row < 0 ? null : this.headers.feed(row);
    return feed === null || scope.feeds.has(feed);
  }

  /** Scoped searches ask the index for more than they show, as hits outside the scope are dropped. */
  private overFetch(limit: number, scope: Scope | undefined): number {
    return scope && this.headers.feedCount ? limit * 4 + 50 : limit;
  }

  private reorder(): void {
    // byRecency of the headers in id order, in one sort (ids are unique): newest first, then by id.
    const t = this.headers;
    const rows = t.liveRows();
    // Each date's sort key worked out once for the sort (not kept: 8 bytes an article).
    const time = new Float64Array(t.rowCount);
    for (const row of rows) time[row] = t.time(row);
    this.ordered = rows.sort((x, y) => time[y] - time[x] || (t.id(x) < t.id(y) ? -1 : t.id(x) > t.id(y) ? 1 : 0));
    this.versionStamp = null;
  }

  /** A hash of the ordered ids and their stored-at times: it changes whenever an article does. */
  private version(): string {
    if (this.versionStamp !== null) return this.versionStamp;
    const t = this.headers;
    // The same bytes as hashing each id and stamp in turn, in a few large updates (400,000 small ones at 100k).
    const h = crypto.createHash('sha1');
    let chunk = '';
    for (const row of this.ordered) {
      chunk += `${t.id(row)}\0${t.storedAt(row)}\0`;
      if (chunk.length > 1 << 16) {
        h.update(chunk);
        chunk = '';
      }
    }
    return (this.versionStamp = h.update(chunk).digest('hex').slice(0, 10));
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
    // Fixed before the headers change: an answer given mid catch-up still sees the stamp of what it answers from.
    this.version();
    const { seq, ids } = await this.opts.reader.changesSince(this.seq);
    this.storeWarnings = await this.opts.reader.warnings(this.opts.view);
    let changed = 0;
    for (const id of ids) {
      const s = await this.opts.reader.get(id);
      this.bodies.forget(id);
      if (s === null || !inView(this.opts.view, s)) {
        if (this.headers.delete(id)) {
          this.index.remove(id);
          this.stories.remove(id);
          changed++;
        }
        continue;
      }
      const article = withLazySentences(s.article);
      this.remember({ header: headerOf(article), storedAt: s.storedAt, feed: feedOf(s) });
      this.index.add(article);
      this.stories.add(article);
      this.bodies.keep(article);
      changed++;
    }
    this.seq = seq;
    if (changed) this.reorder();
    return { changed };
  }

  /** Saves the search index into the store when it changed since it was last saved (a restart then restores it). */
  async saveIndex(): Promise<boolean> {
    if (this.savedSeq === this.seq) return false;
    const seq = this.seq;
    const stories = this.stories.toSnapshot((id) => this.headers.byId(id));
    const stamps = new Map<string, string>();
    for (const row of this.ordered) stamps.set(this.headers.id(row), this.headers.storedAt(row));
    await writeSnapshot(this.opts.reader, this.opts.view, seq, { search: this.index.toBinary(), stories, stamps });
    this.savedSeq = seq;
    return true;
  }

  articles(): ArticleHeader[] {
    return Array.from(this.ordered, (row) => this.headers.header(row));
  }

  async article(id: string): Promise<Article | undefined> {
    return this.headers.has(id) ? this.bodies.get(id) : undefined;
  }

  async findArticle(idOrWords: string, scope?: Scope): Promise<Article | undefined> {
    const key = idOrWords.trim();
    if (!key) return undefined;
    const seen = (id: string) => this.headers.has(id) && this.visible(id, scope);
    const exact = [key, key.toLowerCase()].find(seen);
    if (exact) return this.bodies.get(exact);
    const lower = key.toLowerCase();
    const t = this.headers;
    const byTitle = this.ordered.find((row) => t.title(row).toLowerCase() === lower && this.visible(t.id(row), scope));
    if (byTitle !== undefined) return this.bodies.get(t.id(byTitle));
    const hit = this.hits(key, { limit: 1, scope })[0];
    return hit ? this.bodies.get(hit.articleId) : undefined;
  }

  private sourceOf(id: string): string {
    const row = this.headers.rowOf(id);
    return (row < 0 ? null : this.headers.feed(row)) ?? FILES_SOURCE;
  }

  /** Hits one per story (its other versions as "also reported by"), paged after collapsing; snippets from the store. */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
    const fetched = new Map<string, Article>();
    const hits = this.hits(query, opts, (id) => fetched.get(id));
    for (const [id, a] of await this.bodies.many(hits.map((h) => h.articleId))) fetched.set(id, a);
    // Each snippet is cut now, from the bodies just read, and kept as a plain field.
    return hits.filter((h) => fetched.has(h.articleId)).map((h) => ({ ...h }));
  }

  /** The page of hits without reading any text: snippets are cut from `bodies` when first read. */
  private hits(query: string, opts: SearchOptions, bodies?: (id: string) => Article | undefined): SearchHit[] {
    const { scope, source, ...rest } = opts;
    const visible = (id: string): boolean => this.visible(id, scope);
    const wanted = (id: string): boolean => visible(id) && (source === undefined || this.sourceOf(id) === source);
    // Another server's private feed articles are neither hits nor "also reported by"; other sources' versions
    // of a story stay as "also reported by" when a search is narrowed to one source.
    const narrowed = scope !== undefined || source !== undefined;
    const collapse = (hits: readonly SearchHit[]) => this.stories.collapseHits(narrowed ? hits.filter((h) => wanted(h.articleId)) : hits, visible);
    if (source !== undefined && !query.trim()) return collapsedSearch('*', rest, (_q, o) => this.newest(wanted, o, bodies), collapse);
    return collapsedSearch(query, rest, (q, o) => this.index.search(q, o, bodies), collapse);
  }

  /** The newest articles that pass, as hits (a source listed without words to look for). */
  private newest(
    wanted: (id: string) => boolean,
    page: { limit: number; offset: number },
    bodies?: (id: string) => Article | undefined,
  ): SearchHit[] {
    const t = this.headers;
    const picked = [...this.ordered.filter((row) => wanted(t.id(row))).subarray(page.offset, page.offset + page.limit)];
    return picked.map((row) => {
      const a = { id: t.id(row), title: t.title(row), date: t.date(row) };
      const hit = { articleId: a.id, title: a.title, score: 0, date: a.date } as SearchHit;
      let text: string | undefined;
      const cut = () => (text ??= ((b) => (b ? snippet(b, new Set()) : ''))(bodies?.(a.id)));
      return Object.defineProperty(hit, 'snippet', { enumerable: true, configurable: true, get: cut });
    });
  }

  sources(scope?: Scope): SourceCount[] {
    const counts = new Map<string, number>();
    for (const row of this.ordered) {
      const feed = this.headers.feed(row);
      if (scope && feed !== null && !scope.feeds.has(feed)) continue;
      const id = feed ?? FILES_SOURCE;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts.entries()].map(([id, articles]) => ({ id, articles })).sort((x, y) => y.articles - x.articles || (x.id < y.id ? -1 : 1));
  }

  storyMembers(articleId: string): string[] {
    return this.stories.membersOf(articleId);
  }

  async quotes(q: QuoteQuery = {}): Promise<QuoteHit[]> {
    const limit = q.limit ?? 10;
    if ((q.query ?? '').trim() || (q.speaker ?? '').trim()) {
      const refs = this.index.quoteRefs({ query: q.query, speaker: q.speaker, limit: this.overFetch(limit, q.scope) });
      const shown = refs.filter((r) => this.visible(r.articleId, q.scope)).slice(0, limit);
      const bodies = await this.bodies.many(shown.map((r) => r.articleId));
      return shown.flatMap((r) => {
        const quote = bodies.get(r.articleId)?.quotes[r.index];
        return quote ? [{ ...quote, articleTitle: r.articleTitle, date: r.date, score: r.score }] : [];
      });
    }
    // No words and no speaker: the latest articles' quotes, newest first (only those articles are read).
    const ids: string[] = [];
    let count = 0;
    const t = this.headers;
    for (const row of this.ordered) {
      if (count >= limit) break;
      if (t.quoteCount(row) === 0 || !this.visible(t.id(row), q.scope)) continue;
      ids.push(t.id(row));
      count += t.quoteCount(row);
    }
    const bodies = await this.bodies.many(ids);
    const out: QuoteHit[] = [];
    for (const id of ids)
      for (const quote of bodies.get(id)?.quotes ?? [])
        out.push({ ...quote, articleTitle: t.title(t.rowOf(id)), date: t.date(t.rowOf(id)), score: 0 });
    return out.slice(0, limit);
  }

  async summary(id: string, opts: { length?: keyof typeof SUMMARY_SENTENCES } = {}): Promise<Summary | undefined> {
    const article = await this.article(id);
    if (!article) return undefined;
    return { articleId: article.id, title: article.title, sentences: summarise(article, SUMMARY_SENTENCES[opts.length ?? 'medium']) };
  }

  async brief(opts: BriefOptions = {}): Promise<Briefing> {
    const limit = Math.max(1, opts.limit ?? DEFAULT_BRIEFING_SIZE);
    const topic = opts.topic?.trim() || null;
    const exclude = opts.excludeIds ?? new Set<string>();
    const header = (id: string) => this.headers.byId(id);
    // Backlog (feed items already old when first seen) is searchable but is not news.
    const isNews = (a: ArticleHeader) => !a.backlog && this.visible(a.id, opts.scope);
    const news = topic
      ? rankHits(this.hits(topic, { limit: BRIEF_CANDIDATES + exclude.size, scope: opts.scope }), header).filter(isNews)
      : this.newsByRecency(isNews);
    const picks = this.stories.onePerStory(news, limit, exclude, header, (id) => this.visible(id, opts.scope));
    const bodies = await this.bodies.many(picks.map((p) => p.article.id));
    const whole = picks.flatMap((p) => {
      const article = bodies.get(p.article.id);
      return article ? [{ article, alsoReportedBy: p.alsoReportedBy }] : [];
    });
    return composeBriefing(whole, { topic, length: opts.length ?? 'medium', now: this.now() });
  }

  /** Every header that passes, newest first, made one at a time as a briefing takes them (it stops at its size). */
  private *newsByRecency(pass: (a: ArticleHeader) => boolean): Generator<ArticleHeader> {
    for (const row of this.ordered) {
      const a = this.headers.header(row);
      if (pass(a)) yield a;
    }
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
      return [...this.ordered.filter((row) => this.visible(this.headers.id(row), scope)).subarray(0, n)].map((row) => ({
        label: label(this.headers.title(row)),
        value: this.headers.id(row),
      }));
    return this.mostQuoted()
      .slice(0, n)
      .map((name) => ({ label: label(name), value: name }));
  }

  private mostQuotedMemo: { version: string; names: string[] } | null = null;

  private mostQuoted(): string[] {
    const version = this.version();
    if (this.mostQuotedMemo?.version !== version) this.mostQuotedMemo = { version, names: this.index.speakersByQuotes(25).map((s) => s.name) };
    return this.mostQuotedMemo.names;
  }

  warnings(): LoadWarning[] {
    return [...(this.opts.extraWarnings?.() ?? []), ...this.storeWarnings];
  }

  stats(): LibraryStats {
    let quotes = 0;
    for (const row of this.ordered) quotes += this.headers.quoteCount(row);
    const newest = this.headers.newestStoredAt();
    return {
      articles: this.ordered.length,
      quotes,
      lastChanged: newest || null,
      loadedAt: this.loadedAt.toISOString(),
      version: this.version(),
    };
  }
}
