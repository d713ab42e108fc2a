// The core's facade: the articles of one view of the store. Headers (id, title, date, source, flags, quote count)
// and the search index stay in memory; an article's text is read from the store when an answer shows it (issue 13).
// Opening (library.ts) restores the index from the store's saved copy, or builds it; the library then follows
// the store's change log: whoever writes (the folder sync, a feed poller, another process) it follows with catchUp().
import * as crypto from 'node:crypto';
import { withLazySentences } from './analyse';
import type { ArticleReader, ArticleView, StoredArticle } from './article-store';
import { articleTime, composeBriefing, rankHits } from './briefing';
import { Bodies, headerOf } from './library-bodies';
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

/** An article as the library keeps it: its header, when it was stored and its feed (null for a file's). */
export interface KeptHeader {
  header: ArticleHeader;
  storedAt: string;
  feed: string | null;
}

export function feedOf(s: Pick<StoredArticle, 'sourceKind' | 'sourceId'>): string | null {
  return s.sourceKind === 'feed' ? s.sourceId : null;
}

/** Whether a stored article belongs to the view: every feed article, and the files of the view's folder. */
export function inView(view: ArticleView, s: Pick<StoredArticle, 'sourceKind' | 'sourceRoot'>): boolean {
  if (s.sourceKind !== 'file') return true;
  return view.fileRoot !== null && s.sourceRoot === view.fileRoot;
}

export class ArticleLibrary implements Library {
  private readonly byId = new Map<string, ArticleHeader>();
  /** When each article was stored: the newest is the library's "last changed"; saved as the index's stamps. */
  private readonly storedAt = new Map<string, string>();
  /** The feed each feed article came from (what a Scope names); file articles are not in it. */
  private readonly feedOf = new Map<string, string>();
  private ordered: ArticleHeader[] = [];
  private readonly bodies: Bodies;
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
    loaded: KeptHeader[],
    counters: { seq: number; savedSeq: number },
    readonly loadReport: LoadReport,
    storeWarnings: LoadWarning[],
  ) {
    this.storeWarnings = storeWarnings;
    this.bodies = new Bodies(opts.reader, (s) => inView(opts.view, s));
    for (const k of loaded) this.remember(k);
    this.seq = counters.seq;
    this.savedSeq = counters.savedSeq;
    this.reorder();
    this.loadedAt = this.now();
  }

  private now(): Date {
    return (this.opts.now ?? (() => new Date()))();
  }

  private remember({ header, storedAt, feed }: KeptHeader): void {
    this.byId.set(header.id, header);
    this.storedAt.set(header.id, storedAt);
    if (feed === null) this.feedOf.delete(header.id);
    else this.feedOf.set(header.id, feed);
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
    // byRecency of the headers in id order, in one sort (ids are unique): newest first, then by id.
    const keyed = [...this.byId.values()].map((a) => ({ a, t: articleTime(a) }));
    keyed.sort((x, y) => y.t - x.t || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
    this.ordered = keyed.map((x) => x.a);
    // The same bytes as hashing each id and stamp in turn, in a few large updates (400,000 small ones at 100k).
    const h = crypto.createHash('sha1');
    let chunk = '';
    for (const a of this.ordered) {
      chunk += `${a.id}\0${this.storedAt.get(a.id) ?? ''}\0`;
      if (chunk.length > 1 << 16) {
        h.update(chunk);
        chunk = '';
      }
    }
    this.versionStamp = h.update(chunk).digest('hex').slice(0, 10);
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
      this.bodies.forget(id);
      if (s === null || !inView(this.opts.view, s)) {
        if (this.byId.delete(id)) {
          this.storedAt.delete(id);
          this.feedOf.delete(id);
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
    const stories = this.stories.toSnapshot((id) => this.byId.get(id));
    await writeSnapshot(this.opts.reader, this.opts.view, seq, { search: this.index.toBinary(), stories, stamps: new Map(this.storedAt) });
    this.savedSeq = seq;
    return true;
  }

  articles(): ArticleHeader[] {
    return this.ordered.slice();
  }

  async article(id: string): Promise<Article | undefined> {
    return this.byId.has(id) ? this.bodies.get(id) : undefined;
  }

  async findArticle(idOrWords: string, scope?: Scope): Promise<Article | undefined> {
    const key = idOrWords.trim();
    if (!key) return undefined;
    const seen = (id: string) => this.byId.has(id) && this.visible(id, scope);
    const exact = [key, key.toLowerCase()].find(seen);
    if (exact) return this.bodies.get(exact);
    const lower = key.toLowerCase();
    const byTitle = this.ordered.find((a) => a.title.toLowerCase() === lower && this.visible(a.id, scope));
    if (byTitle) return this.bodies.get(byTitle.id);
    const hit = this.hits(key, { limit: 1, scope })[0];
    return hit ? this.bodies.get(hit.articleId) : undefined;
  }

  private sourceOf(id: string): string {
    return this.feedOf.get(id) ?? FILES_SOURCE;
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
    const picked = this.ordered.filter((a) => wanted(a.id)).slice(page.offset, page.offset + page.limit);
    return picked.map((a) => {
      const hit = { articleId: a.id, title: a.title, score: 0, date: a.date } as SearchHit;
      let text: string | undefined;
      const cut = () => (text ??= ((b) => (b ? snippet(b, new Set()) : ''))(bodies?.(a.id)));
      return Object.defineProperty(hit, 'snippet', { enumerable: true, configurable: true, get: cut });
    });
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
    for (const a of this.ordered) {
      if (count >= limit) break;
      if (a.quoteCount === 0 || !this.visible(a.id, q.scope)) continue;
      ids.push(a.id);
      count += a.quoteCount;
    }
    const bodies = await this.bodies.many(ids);
    const out: QuoteHit[] = [];
    for (const id of ids)
      for (const quote of bodies.get(id)?.quotes ?? [])
        out.push({ ...quote, articleTitle: this.byId.get(id)!.title, date: this.byId.get(id)!.date, score: 0 });
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
    const header = (id: string) => this.byId.get(id);
    const pool = topic ? rankHits(this.hits(topic, { limit: BRIEF_CANDIDATES + exclude.size, scope: opts.scope }), header) : this.ordered;
    // Backlog (feed items already old when first seen) is searchable but is not news.
    const news = pool.filter((a) => !a.backlog && this.visible(a.id, opts.scope));
    const picks = this.stories.onePerStory(news, limit, exclude, header, (id) => this.visible(id, opts.scope));
    const bodies = await this.bodies.many(picks.map((p) => p.article.id));
    const whole = picks.flatMap((p) => {
      const article = bodies.get(p.article.id);
      return article ? [{ article, alsoReportedBy: p.alsoReportedBy }] : [];
    });
    return composeBriefing(whole, { topic, length: opts.length ?? 'medium', now: this.now() });
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
    if (this.mostQuotedMemo?.version !== this.versionStamp)
      this.mostQuotedMemo = { version: this.versionStamp, names: this.index.speakersByQuotes(25).map((s) => s.name) };
    return this.mostQuotedMemo.names;
  }

  warnings(): LoadWarning[] {
    return [...(this.opts.extraWarnings?.() ?? []), ...this.storeWarnings];
  }

  stats(): LibraryStats {
    let quotes = 0;
    for (const a of this.ordered) quotes += a.quoteCount;
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
