// Feeds in SQL: each feed once with its fetch state (what the poller remembers), and who follows it — a
// server, or everyone through the FEEDS setting (guild_id NULL). The shapes mirror src/sources/feeds'
// FeedState, so this class is that port's SQLite implementation without the store importing the poller.
import type { Db } from './open';
import type { FeedStore } from './ports';
import { Statements } from './statements';

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

export class SqliteFeedStore implements FeedStore {
  private readonly statements: Statements;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.statements = new Statements(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  // ── fetch state (the poller's FeedStateStore port; async so a networked database can stand behind it) ──

  async get(url: string): Promise<StoredFeedState | null> {
    const r = this.sql('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return r ? fromRow(r) : null;
  }

  async save(s: StoredFeedState): Promise<void> {
    this.sql(
      `INSERT INTO feeds (url, title, etag, last_modified, last_checked_at, last_success_at, next_due_at, failures,
                          first_failure_at, last_error, disabled_reason, warnings, seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
         last_checked_at = excluded.last_checked_at, last_success_at = excluded.last_success_at,
         next_due_at = excluded.next_due_at, failures = excluded.failures, first_failure_at = excluded.first_failure_at,
         last_error = excluded.last_error, disabled_reason = excluded.disabled_reason, warnings = excluded.warnings,
         seen = excluded.seen`,
    ).run(...feedStateValues(s));
  }

  async list(): Promise<StoredFeedState[]> {
    return (this.sql('SELECT * FROM feeds ORDER BY url').all() as FeedRow[]).map(fromRow);
  }

  /**
   * Takes the feed's lease until `now + ms` when it is free, run out, or already ours: of several processes
   * sharing the store, one fetches the feed; a holder that dies lets the lease run out.
   */
  async lease(url: string, holder: string, now: Date, ms: number): Promise<boolean> {
    const r = this.sql(
      `INSERT INTO feeds (url, lease_owner, lease_until) VALUES (?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
       WHERE feeds.lease_until IS NULL OR feeds.lease_until < ? OR feeds.lease_owner = excluded.lease_owner`,
    ).run(url, holder, new Date(now.getTime() + ms).toISOString(), now.toISOString());
    return r.changes > 0;
  }

  async release(url: string, holder: string): Promise<void> {
    this.sql('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = ? AND lease_owner = ?').run(url, holder);
  }

  // ── who follows what ──

  /** Adds a source; false when this guild (or the shared list) already had it. */
  async addSource(guildId: string | null, url: string, addedFrom: string | null = null): Promise<boolean> {
    return this.add(guildId, url, addedFrom);
  }

  private add(guildId: string | null, url: string, addedFrom: string | null = null): boolean {
    const r = this.sql('INSERT OR IGNORE INTO feed_sources (guild_id, feed_url, added_at, added_from) VALUES (?, ?, ?, ?)').run(
      guildId,
      url,
      this.clock().toISOString(),
      addedFrom,
    );
    return r.changes > 0;
  }

  /** Removes a guild's source; false when it had none such. The feed's articles stay (others may follow it). */
  async removeSource(guildId: string, url: string): Promise<boolean> {
    return this.sql('DELETE FROM feed_sources WHERE guild_id = ? AND feed_url = ?').run(guildId, url).changes > 0;
  }

  /**
   * Makes the shared list what `urls` (the FEEDS setting at start-up) names: a URL is kept as the feed itself or
   * as the home page a feed was discovered from; a URL no longer named goes.
   */
  async setShared(urls: string[]): Promise<void> {
    this.db
      .transaction(() => {
        const keep = new Set(urls);
        const rows = this.sql('SELECT feed_url, added_from FROM feed_sources WHERE guild_id IS NULL').all() as {
          feed_url: string;
          added_from: string | null;
        }[];
        const named = new Set<string>();
        for (const r of rows) {
          if (keep.has(r.feed_url) || (r.added_from !== null && keep.has(r.added_from))) named.add(r.added_from ?? r.feed_url).add(r.feed_url);
          else this.sql('DELETE FROM feed_sources WHERE guild_id IS NULL AND feed_url = ?').run(r.feed_url);
        }
        for (const url of urls) if (!named.has(url)) this.add(null, url);
      })
      .immediate();
  }

  /** A shared home page turned out to name a feed: follow the feed, remembering the page it came from. */
  async replaceShared(pageUrl: string, feedUrl: string): Promise<void> {
    this.db
      .transaction(() => {
        this.sql('DELETE FROM feed_sources WHERE guild_id IS NULL AND feed_url = ?').run(pageUrl);
        this.add(null, feedUrl, pageUrl);
      })
      .immediate();
  }

  /** A guild's sources (or, for null, the shared ones), oldest first. */
  async sources(guildId: string | null): Promise<FeedSourceRow[]> {
    const rows = (
      guildId === null
        ? this.sql('SELECT * FROM feed_sources WHERE guild_id IS NULL ORDER BY added_at, feed_url').all()
        : this.sql('SELECT * FROM feed_sources WHERE guild_id = ? ORDER BY added_at, feed_url').all(guildId)
    ) as SourceRowRaw[];
    return rows.map(sourceFromRow);
  }

  async allSources(): Promise<FeedSourceRow[]> {
    const rows = this.sql('SELECT * FROM feed_sources ORDER BY added_at, feed_url').all() as SourceRowRaw[];
    return rows.map(sourceFromRow);
  }

  /** Every feed someone follows, each once: what the poller polls. */
  async followedFeeds(): Promise<string[]> {
    return (this.sql('SELECT DISTINCT feed_url FROM feed_sources ORDER BY feed_url').all() as { feed_url: string }[]).map((r) => r.feed_url);
  }

  /** How many articles of this feed the store holds. */
  async articleCount(url: string): Promise<number> {
    return (this.sql("SELECT COUNT(*) AS n FROM articles WHERE source_kind = 'feed' AND source_id = ?").get(url) as { n: number }).n;
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
