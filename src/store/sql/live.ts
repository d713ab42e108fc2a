// Live posts' statements (the live ledger and the subscriptions), as both databases run them: SQLite as written,
// Postgres with its `?` placeholders numbered (src/store/pg/db.ts). Where the dialects differ, the repository
// writes its own.

/** A claim its caller holds: channel, key, owner (the last three values of a statement that ends with it). */
const HELD = `channel_id = ? AND key = ? AND status = 'claimed' AND owner = ?`;

export const LIVE_LEDGER_SQL = {
  get: 'SELECT * FROM live_posts WHERE channel_id = ? AND key = ?',
  /** The primary key is the claim: of any number of callers, one inserts the row. */
  claim: `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, job, owner, claimed_at)
       VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?)
       ON CONFLICT (channel_id, key) DO NOTHING`,
  skip: `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, reason, claimed_at)
       VALUES (?, ?, ?, ?, 'skipped', ?, ?)
       ON CONFLICT (channel_id, key) DO NOTHING`,
  /** Values: message id, now, then the held claim. */
  posted: `UPDATE live_posts SET status = 'posted', message_id = ?, posted_at = ? WHERE ${HELD}`,
  failed: `UPDATE live_posts SET status = 'failed', reason = ? WHERE ${HELD}`,
  noteAttempt: `UPDATE live_posts SET attempts = attempts + 1, reason = ? WHERE ${HELD}`,
  /** Compare-and-swap on owner (which may be null) and claim time. */
  takeOver: `UPDATE live_posts SET owner = ?, claimed_at = ?, attempts = attempts + 1
       WHERE channel_id = ? AND key = ? AND status = 'claimed' AND owner IS NOT DISTINCT FROM ? AND claimed_at = ?`,
  unfinished: `SELECT * FROM live_posts WHERE status = 'claimed' ORDER BY claimed_at, channel_id, key`,
  setJob: 'UPDATE live_posts SET job = ? WHERE channel_id = ? AND key = ?',
  storyPostedSince: `SELECT * FROM live_posts WHERE channel_id = ? AND story_id = ? AND status IN ('claimed', 'posted') AND claimed_at >= ?
       ORDER BY claimed_at LIMIT 1`,
} as const;

export const LIVE_SUBSCRIPTION_SQL = {
  /** Subscribes, or changes the filter and restarts a stopped subscription (see LiveSubscriptionRepo.upsert). */
  upsert: `INSERT INTO live_subscriptions (guild_id, channel_id, feed_url, source_name, filter_include, filter_exclude, filter_topic, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, feed_url) DO UPDATE SET
         source_name = excluded.source_name, filter_include = excluded.filter_include,
         filter_exclude = excluded.filter_exclude, filter_topic = excluded.filter_topic,
         stopped_kind = NULL, stopped_reason = NULL`,
  find: 'SELECT * FROM live_subscriptions WHERE channel_id = ? AND feed_url = ?',
  get: 'SELECT * FROM live_subscriptions WHERE id = ?',
  remove: 'DELETE FROM live_subscriptions WHERE guild_id = ? AND channel_id = ? AND feed_url = ?',
  removeFeed: 'DELETE FROM live_subscriptions WHERE guild_id = ? AND feed_url = ?',
  forGuild: 'SELECT * FROM live_subscriptions WHERE guild_id = ? ORDER BY feed_url, channel_id',
  forFeed: 'SELECT * FROM live_subscriptions WHERE feed_url = ? ORDER BY id',
  inChannel: 'SELECT * FROM live_subscriptions WHERE channel_id = ? ORDER BY id',
  markFirstPoll: 'UPDATE live_subscriptions SET first_polled_at = ? WHERE id = ? AND first_polled_at IS NULL',
  stop: 'UPDATE live_subscriptions SET stopped_kind = ?, stopped_reason = ? WHERE id = ?',
} as const;
