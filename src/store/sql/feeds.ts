// Feeds' statements (fetch state, lease, who follows what), as both databases run them: SQLite as written,
// Postgres with its `?` placeholders numbered (src/store/pg/db.ts). Where the dialects differ, the repository
// writes its own.

export const FEED_SQL = {
  get: 'SELECT * FROM feeds WHERE url = ?',
  /** Values: feedStateValues. */
  save: `INSERT INTO feeds (url, title, etag, last_modified, last_checked_at, last_success_at, next_due_at, failures,
                          first_failure_at, last_error, disabled_reason, warnings, seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
         last_checked_at = excluded.last_checked_at, last_success_at = excluded.last_success_at,
         next_due_at = excluded.next_due_at, failures = excluded.failures, first_failure_at = excluded.first_failure_at,
         last_error = excluded.last_error, disabled_reason = excluded.disabled_reason, warnings = excluded.warnings,
         seen = excluded.seen`,
  list: 'SELECT * FROM feeds ORDER BY url',
  /** Takes the lease when free, run out or already ours. Values: url, holder, until, now. */
  lease: `INSERT INTO feeds (url, lease_owner, lease_until) VALUES (?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
       WHERE feeds.lease_until IS NULL OR feeds.lease_until < ? OR feeds.lease_owner = excluded.lease_owner`,
  release: 'UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = ? AND lease_owner = ?',
  /** A source once per guild (or once shared, guild NULL): the unique index feed_sources_one decides. */
  addSource: 'INSERT INTO feed_sources (guild_id, feed_url, added_at, added_from) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  removeSource: 'DELETE FROM feed_sources WHERE guild_id = ? AND feed_url = ?',
  shared: 'SELECT feed_url, added_from FROM feed_sources WHERE guild_id IS NULL',
  removeShared: 'DELETE FROM feed_sources WHERE guild_id IS NULL AND feed_url = ?',
  sharedSources: 'SELECT * FROM feed_sources WHERE guild_id IS NULL ORDER BY added_at, feed_url',
  guildSources: 'SELECT * FROM feed_sources WHERE guild_id = ? ORDER BY added_at, feed_url',
  allSources: 'SELECT * FROM feed_sources ORDER BY added_at, feed_url',
  followedFeeds: 'SELECT DISTINCT feed_url FROM feed_sources ORDER BY feed_url',
  articleCount: "SELECT COUNT(*) AS n FROM articles WHERE source_kind = 'feed' AND source_id = ?",
} as const;
