// Feeds in SQL: each feed once with its fetch state (what the poller remembers), and who follows it — a
// server, or everyone through the FEEDS setting (guild_id NULL). The shapes mirror src/sources/feeds'
// FeedState, so this class is that port's SQLite implementation without the store importing the poller.
import type { Db } from './open';
import type { FeedStore } from './ports';
import { FEED_SQL } from './sql/feeds';
import { preparedOn, type Prepare } from './statements';

export interface StoredFeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  nextDueAt: string | null;
  failures: number;
  firstFailureAt: string | null;
  lastError: string | null;
  disabledReason: string | null;
  warnings: string[];
  seen: Record<string, { hash: string; link: string | null }>;
}

export interface FeedSourceRow {
  /** Null: shared (the FEEDS setting). */
  guildId: string | null;
  url: string;
  addedAt: string;
  addedFrom: string | null;
}

export interface FeedRow {
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  next_due_at: string | null;
  failures: number;
  first_failure_at: string | null;
  last_error: string | null;
  disabled_reason: string | null;
  warnings: string;
  seen: string;
}

/** A feed's state as the columns of its row, in the order both stores insert them. */
export function feedStateValues(s: StoredFeedState): (string | number | null)[] {
  return [
    s.url,
    s.title,
    s.etag,
    s.lastModified,
    s.lastCheckedAt,
    s.lastSuccessAt,
    s.nextDueAt,
    s.failures,
    s.firstFailureAt,
    s.lastError,
    s.disabledReason,
    JSON.stringify(s.warnings),
    JSON.stringify(s.seen),
  ];
}

export function fromRow(r: FeedRow): StoredFeedState {
  return {
    url: r.url,
    title: r.title,
    etag: r.etag,
    lastModified: r.last_modified,
    lastCheckedAt: r.last_checked_at,
    lastSuccessAt: r.last_success_at,
    nextDueAt: r.next_due_at,
    failures: r.failures,
    firstFailureAt: r.first_failure_at,
    lastError: r.last_error,
    disabledReason: r.disabled_reason,
    warnings: JSON.parse(r.warnings) as string[],
    seen: JSON.parse(r.seen) as StoredFeedState['seen'],
  };
}

export interface SourceRowRaw {
  guild_id: string | null;
  feed_url: string;
  added_at: string;
  added_from: string | null;
}

export function sourceFromRow(r: SourceRowRaw): FeedSourceRow {
  return { guildId: r.guild_id, url: r.feed_url, addedAt: r.added_at, addedFrom: r.added_from };
}

/** FEED_SQL.lease's values: the lease runs until now + ms. */
export function leaseValues(url: string, holder: string, now: Date, ms: number): string[] {
  return [url, holder, new Date(now.getTime() + ms).toISOString(), now.toISOString()];
}

/**
 * Of the shared sources (guild NULL), the ones `urls` (the FEEDS setting) no longer names, and the URLs it names
 * that have no row yet. A row is named as the feed itself or as the home page it was discovered from.
 */
export function sharedChanges(rows: { feed_url: string; added_from: string | null }[], urls: string[]): { drop: string[]; add: string[] } {
  const keep = new Set(urls);
  const named = new Set<string>();
  const drop: string[] = [];
  for (const r of rows) {
    if (keep.has(r.feed_url) || (r.added_from !== null && keep.has(r.added_from))) named.add(r.added_from ?? r.feed_url).add(r.feed_url);
    else drop.push(r.feed_url);
  }
  return { drop, add: urls.filter((url) => !named.has(url)) };
}

export class SqliteFeedStore implements FeedStore {
  private readonly sql: Prepare;
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sql = preparedOn(db);
  }

  // ── fetch state (the poller's FeedStateStore port; async so a networked database can stand behind it) ──

  async get(url: string): Promise<StoredFeedState | null> {
    const r = this.sql(FEED_SQL.get).get(url) as FeedRow | undefined;
    return r ? fromRow(r) : null;
  }

  async save(s: StoredFeedState): Promise<void> {
    this.sql(FEED_SQL.save).run(...feedStateValues(s));
  }

  async list(): Promise<StoredFeedState[]> {
    return (this.sql(FEED_SQL.list).all() as FeedRow[]).map(fromRow);
  }

  /**
   * Takes the feed's lease until `now + ms` when it is free, run out, or already ours: of several processes
   * sharing the store, one fetches the feed; a holder that dies lets the lease run out.
   */
  async lease(url: string, holder: string, now: Date, ms: number): Promise<boolean> {
    return this.sql(FEED_SQL.lease).run(...leaseValues(url, holder, now, ms)).changes > 0;
  }

  async release(url: string, holder: string): Promise<void> {
    this.sql(FEED_SQL.release).run(url, holder);
  }

  // ── who follows what ──

  /** Adds a source; false when this guild (or the shared list) already had it. */
  async addSource(guildId: string | null, url: string, addedFrom: string | null = null): Promise<boolean> {
    return this.add(guildId, url, addedFrom);
  }

  private add(guildId: string | null, url: string, addedFrom: string | null = null): boolean {
    return this.sql(FEED_SQL.addSource).run(guildId, url, this.clock().toISOString(), addedFrom).changes > 0;
  }

  /** Removes a guild's source; false when it had none such. The feed's articles stay (others may follow it). */
  async removeSource(guildId: string, url: string): Promise<boolean> {
    return this.sql(FEED_SQL.removeSource).run(guildId, url).changes > 0;
  }

  /**
   * Makes the shared list what `urls` (the FEEDS setting at start-up) names: a URL is kept as the feed itself or
   * as the home page a feed was discovered from; a URL no longer named goes.
   */
  async setShared(urls: string[]): Promise<void> {
    this.db
      .transaction(() => {
        const rows = this.sql(FEED_SQL.shared).all() as { feed_url: string; added_from: string | null }[];
        const { drop, add } = sharedChanges(rows, urls);
        for (const url of drop) this.sql(FEED_SQL.removeShared).run(url);
        for (const url of add) this.add(null, url);
      })
      .immediate();
  }

  /** A shared home page turned out to name a feed: follow the feed, remembering the page it came from. */
  async replaceShared(pageUrl: string, feedUrl: string): Promise<void> {
    this.db
      .transaction(() => {
        this.sql(FEED_SQL.removeShared).run(pageUrl);
        this.add(null, feedUrl, pageUrl);
      })
      .immediate();
  }

  /** A guild's sources (or, for null, the shared ones), oldest first. */
  async sources(guildId: string | null): Promise<FeedSourceRow[]> {
    const rows = (guildId === null ? this.sql(FEED_SQL.sharedSources).all() : this.sql(FEED_SQL.guildSources).all(guildId)) as SourceRowRaw[];
    return rows.map(sourceFromRow);
  }

  async allSources(): Promise<FeedSourceRow[]> {
    return (this.sql(FEED_SQL.allSources).all() as SourceRowRaw[]).map(sourceFromRow);
  }

  /** Every feed someone follows, each once: what the poller polls. */
  async followedFeeds(): Promise<string[]> {
    return (this.sql(FEED_SQL.followedFeeds).all() as { feed_url: string }[]).map((r) => r.feed_url);
  }

  /** How many articles of this feed the store holds. */
  async articleCount(url: string): Promise<number> {
    return (this.sql(FEED_SQL.articleCount).get(url) as { n: number }).n;
  }

  /** The stored article of this feed item, if any (then its page is not fetched again), and whether it is a teaser. */
  async storedItem(url: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null> {
    const r = this.sql(
      `SELECT id, json_extract(body, '$.teaser') AS teaser FROM articles
       WHERE source_kind = 'feed' AND source_root = '' AND source_id = ? AND item_key = ?`,
    ).get(url, itemKey) as { id: string; teaser: number | null } | undefined;
    return r ? { id: r.id, teaser: r.teaser === 1 } : null;
  }
}
