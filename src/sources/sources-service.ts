// The feed sources as the bot sees them: which feeds each server follows (the shared FEEDS plus its own),
// adding one (a home page works: its feed is found), removing, listing with a status line, and the poller
// that fetches each followed feed once, however many servers follow it, storing what is new.
import type { Scope } from '../briefings';
import { ArticleSink, type StoredBatch } from './feed-sink';
import {
  DEFAULT_FEED_LEASE_MS,
  describeFeedState,
  feedKey,
  FeedPoller,
  freshState,
  resolveFeed,
  type FeedStateStore,
  type PollLogger,
  type PollOutcome,
} from './feeds';
import type { PageAnalyser } from './files/analyse-pool';
import type { Fetcher } from './http';
import type { AddSourceResult, NewArticles, SourcesService, SourceView } from './service-types';

/** Where feeds, their state and who follows them are kept (src/store's SqliteFeedStore in the bot). */
export interface FeedRegistry extends FeedStateStore {
  addSource(guildId: string | null, url: string, addedFrom?: string | null): Promise<boolean>;
  removeSource(guildId: string, url: string): Promise<boolean>;
  setShared(urls: string[]): Promise<void>;
  replaceShared(pageUrl: string, feedUrl: string): Promise<void>;
  sources(guildId: string | null): Promise<{ url: string; addedFrom: string | null }[]>;
  /** Every guild's sources and the shared ones (guildId null). */
  allSources(): Promise<{ guildId: string | null; url: string }[]>;
  followedFeeds(): Promise<string[]>;
  articleCount(url: string): Promise<number>;
  storedItem(url: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null>;
}

/** Who follows which feed, as last read from the store: what scopes are answered from, without a query. */
interface Followed {
  shared: string[];
  byGuild: Map<string, string[]>;
}

export interface FeedSourcesOptions {
  feeds: FeedRegistry;
  writer: ConstructorParameters<typeof ArticleSink>[0]['writer'];
  fetcher: Fetcher;
  analyser: PageAnalyser;
  logger: PollLogger;
  /** FEED_INTERVAL_SECONDS. */
  intervalSeconds: number;
  /** The FEEDS setting: every server sees these. Absent: the shared list stored last time stays. */
  shared?: string[];
  /** Brings the library in step with the store after new articles were stored. */
  catchUp: () => unknown;
  now?: () => number;
  /** Who this process is when it takes a feed's fetch lease (several processes sharing the store fetch each feed once). */
  owner?: string;
  leaseMs?: number;
}

function ago(iso: string, nowMs: number): string {
  const mins = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 60_000));
  return mins < 60 ? `${mins} min ago` : mins < 2880 ? `${Math.round(mins / 60)} h ago` : `${Math.round(mins / 1440)} days ago`;
}

/** What went wrong adding a source, in words a server admin can act on. */
function addFailure(url: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `Could not add ${url}: ${message}`;
}

export class FeedSources implements SourcesService {
  readonly poller: FeedPoller;
  private readonly listeners = new Set<(batch: NewArticles) => void | Promise<void>>();
  /** Feeds whose poll in progress has already told the listeners about its new articles. */
  private readonly announced = new Set<string>();
  private readonly now: () => number;
  private starting: Promise<void> = Promise.resolve();
  private stopped = false;
  private followed: Followed = { shared: [], byGuild: new Map() };
  private readonly loaded: Promise<void>;

  constructor(private readonly opts: FeedSourcesOptions) {
    this.now = opts.now ?? Date.now;
    this.loaded = this.load(opts.shared);
    this.loaded.catch(() => undefined); // awaited by ready() and every operation, which report it
    const sink = new ArticleSink({
      fetcher: opts.fetcher,
      writer: opts.writer,
      analyser: opts.analyser,
      storedItem: (feed, key) => opts.feeds.storedItem(feed, key),
      onStored: (batch) => this.stored(batch),
      logger: opts.logger,
      now: this.now,
    });
    this.poller = new FeedPoller({
      fetcher: opts.fetcher,
      states: opts.feeds,
      sink,
      logger: opts.logger,
      intervalSeconds: opts.intervalSeconds,
      clock: this.now,
      onPolled: (url) => this.polled(url),
      owner: opts.owner,
      leaseMs: opts.leaseMs,
    });
  }

  private async load(shared: string[] | undefined): Promise<void> {
    if (shared) await this.opts.feeds.setShared([...new Set(shared.map(feedKey))]);
    await this.refresh();
  }

  /** Resolves once the shared list is stored and who follows what is read (scopes are empty before). */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** Re-reads who follows what (another host, or this one, may have changed it). */
  private async refresh(): Promise<void> {
    const shared: string[] = [];
    const byGuild = new Map<string, string[]>();
    for (const s of await this.opts.feeds.allSources()) {
      if (s.guildId === null) shared.push(s.url);
      else byGuild.set(s.guildId, [...(byGuild.get(s.guildId) ?? []), s.url]);
    }
    this.followed = { shared, byGuild };
  }

  /** Finds the feeds of shared home pages, then polls due feeds now and on a timer until stop(). */
  start(): void {
    const tickMs = Math.min(30_000, Math.max(200, this.opts.intervalSeconds * 1000));
    this.starting = this.discoverShared().then(() => {
      if (!this.stopped)
        this.poller.start(async () => {
          await this.refresh();
          return this.opts.feeds.followedFeeds();
        }, tickMs);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.poller.stop();
  }

  /**
   * FEEDS may name a site's home page: before its first poll, look for the feed it links to and follow that
   * instead. A page that cannot be read is left for the poller, whose failure then says why.
   */
  private async discoverShared(): Promise<void> {
    await this.loaded;
    for (const source of await this.opts.feeds.sources(null)) {
      if (source.addedFrom !== null || (await this.opts.feeds.get(source.url))?.lastSuccessAt) continue;
      // Under the feed's lease where processes share the store: one of them reads the address, not each.
      const { owner } = this.opts;
      const { lease, release } = this.opts.feeds;
      if (owner && lease && !(await lease.call(this.opts.feeds, source.url, owner, new Date(this.now()), this.opts.leaseMs ?? DEFAULT_FEED_LEASE_MS)))
        continue;
      try {
        // Another process may have polled it between the look above and the lease: then it is a feed, known.
        if (owner && lease && (await this.opts.feeds.get(source.url))?.lastSuccessAt) continue;
        const followed = await this.discoverOne(source.url);
        // And polls it before letting go: released unpolled, another process would read the address again.
        if (owner && lease && followed === source.url) await this.poller.pollFeed(followed, { force: true });
      } finally {
        if (owner) await release?.call(this.opts.feeds, source.url, owner).catch(() => undefined);
      }
    }
  }

  /** The address followed from now on: the feed a page links to, or the address itself. */
  private async discoverOne(url: string): Promise<string> {
    try {
      const resolved = await resolveFeed(this.opts.fetcher, url);
      const feedUrl = feedKey(resolved.feedUrl);
      if (resolved.discovered && feedUrl !== url) {
        await this.opts.feeds.replaceShared(url, feedUrl);
        await this.refresh();
        this.opts.logger.info({ page: url, feed: feedUrl }, 'FEEDS names a web page: following the feed it links to');
        return feedUrl;
      }
    } catch {
      // The poll that follows records the reason.
    }
    return url;
  }

  /** Polls every followed feed once now, due or not (`briefbot fetch`). */
  async pollAll(concurrency = 4): Promise<PollOutcome[]> {
    await this.discoverShared();
    const urls = await this.opts.feeds.followedFeeds();
    const out: PollOutcome[] = new Array(urls.length);
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const i = next++;
        out[i] = await this.poller.pollFeed(urls[i], { force: true });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
    return out;
  }

  private async stored(batch: StoredBatch): Promise<void> {
    // Before the poller records this poll's success: no success yet means this is the feed's first.
    const firstPoll = !(await this.opts.feeds.get(batch.feed.url))?.lastSuccessAt;
    await this.opts.catchUp();
    if (!batch.newIds.length) return;
    this.announced.add(batch.feed.url);
    await this.tell({ feedUrl: batch.feed.url, articleIds: batch.newIds, firstPoll });
  }

  /**
   * A poll that stored nothing new is still a poll: listeners hear of it with no articles, so a live
   * subscription waiting for its first poll starts then, not at the first poll that happens to bring news
   * (whose items it would record unposted).
   */
  private async polled(url: string): Promise<void> {
    if (this.announced.delete(url)) return;
    await this.tell({ feedUrl: url, articleIds: [], firstPoll: false });
  }

  private async tell(event: NewArticles): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (err) {
        this.opts.logger.error({ err, feed: event.feedUrl }, 'a new-articles listener failed; the articles are stored');
      }
    }
  }

  async add(guildId: string, url: string): Promise<AddSourceResult> {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      return { ok: false, reason: `"${url}" is not a web address. Give the full address, starting with https://` };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'Only http and https addresses can be followed.' };
    const given = feedKey(parsed.href);
    await this.loaded;
    if (this.followsOrShared(guildId, given)) return { ok: true, source: await this.view(given, this.scopeOf(given)), alreadyAdded: true };
    let resolved;
    try {
      resolved = await resolveFeed(this.opts.fetcher, given);
    } catch (e) {
      return { ok: false, reason: addFailure(given, e) };
    }
    const feedUrl = feedKey(resolved.feedUrl);
    const discoveredFrom = resolved.discovered ? given : undefined;
    if (this.followsOrShared(guildId, feedUrl))
      return { ok: true, source: await this.view(feedUrl, this.scopeOf(feedUrl)), discoveredFrom, alreadyAdded: true };
    await this.opts.feeds.addSource(guildId, feedUrl, discoveredFrom ?? null);
    await this.refresh();
    // Re-adding a disabled feed tries it again; a feed new to the store starts with its title.
    await this.poller.enable(feedUrl);
    const state = (await this.opts.feeds.get(feedUrl)) ?? freshState(feedUrl);
    await this.opts.feeds.save({ ...state, title: state.title ?? resolved.feed.title });
    // The first poll stores its items now rather than at the next tick.
    void this.poller.pollFeed(feedUrl, { force: true }).catch((err: unknown) => this.opts.logger.error({ err, feed: feedUrl }, 'first poll failed'));
    return { ok: true, source: await this.view(feedUrl, 'server'), discoveredFrom };
  }

  async remove(guildId: string, url: string): Promise<boolean> {
    await this.loaded;
    const key = feedKey(url);
    const removed =
      (await this.opts.feeds.removeSource(guildId, key)) || (key !== url.trim() && (await this.opts.feeds.removeSource(guildId, url.trim())));
    await this.refresh();
    return removed;
  }

  async list(guildId: string): Promise<SourceView[]> {
    await this.loaded;
    const sharedUrls = (await this.opts.feeds.sources(null)).map((s) => s.url);
    const own = (await this.opts.feeds.sources(guildId)).filter((s) => !sharedUrls.includes(s.url));
    return Promise.all([...sharedUrls.map((u) => this.view(u, 'shared')), ...own.map((s) => this.view(s.url, 'server'))]);
  }

  visibleFeeds(guildId: string | null): ReadonlySet<string> {
    const urls = [...this.followed.shared];
    if (guildId !== null) urls.push(...(this.followed.byGuild.get(guildId) ?? []));
    return new Set(urls);
  }

  /** What a server may see (the library filters by it); null guild (a DM): the shared feeds only. */
  scopeFor(guildId: string | null): Scope {
    return { feeds: this.visibleFeeds(guildId) };
  }

  onNewArticles(listener: (batch: NewArticles) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private followsOrShared(guildId: string, url: string): boolean {
    return this.visibleFeeds(guildId).has(url);
  }

  private scopeOf(url: string): SourceView['scope'] {
    return this.followed.shared.includes(url) ? 'shared' : 'server';
  }

  private async view(url: string, scope: SourceView['scope']): Promise<SourceView> {
    const state = (await this.opts.feeds.get(url)) ?? freshState(url);
    const articleCount = await this.opts.feeds.articleCount(url);
    const now = this.now();
    const healthy = !state.disabledReason && !state.lastError && state.lastSuccessAt;
    const status = healthy
      ? `ok · ${articleCount} article${articleCount === 1 ? '' : 's'} · fetched ${ago(state.lastSuccessAt!, now)}${state.warnings.length ? ` (${state.warnings.join('; ')})` : ''}`
      : describeFeedState(state, now);
    return { url, title: state.title, scope, status, disabledReason: state.disabledReason, lastFetchedAt: state.lastSuccessAt, articleCount };
  }
}
