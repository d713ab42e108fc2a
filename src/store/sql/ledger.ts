// The deliveries ledger's statements, as both databases run them: SQLite as written, Postgres with its `?`
// placeholders numbered (src/store/pg/db.ts). Where the dialects differ, the repository writes its own.

export const LEDGER_SQL = {
  get: 'SELECT * FROM deliveries WHERE channel_id = ? AND local_date = ?',
  latest: 'SELECT * FROM deliveries WHERE channel_id = ? ORDER BY local_date DESC LIMIT 1',
  /** The row's existence is the claim: of any number of callers, one inserts it. */
  claim: `INSERT INTO deliveries (channel_id, guild_id, local_date, status, trigger, late, claimed_by, claimed_at)
         VALUES (?, ?, ?, 'claimed', ?, ?, ?, ?)
         ON CONFLICT (channel_id, local_date) DO NOTHING`,
  /** Compare-and-swap on status, owner and claim time (values: takeOverValues). */
  takeOver: `UPDATE deliveries SET status = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1,
                               trigger = ?, late = ?, error = NULL, error_kind = NULL
         WHERE channel_id = ? AND local_date = ? AND status = ? AND claimed_by = ? AND claimed_at = ?`,
  noteAttempt: `UPDATE deliveries SET attempts = attempts + 1, error = ?
         WHERE channel_id = ? AND local_date = ? AND status = 'claimed' AND claimed_by = ?`,
  notePlan: `UPDATE deliveries SET article_ids = ?
       WHERE channel_id = ? AND local_date = ? AND status = 'claimed' AND claimed_by = ?`,
  /** Values: finishValues. */
  finish: `UPDATE deliveries SET status = ?, posted_at = ?, message_ids = ?, article_ids = ?, error = ?, error_kind = NULL
           WHERE channel_id = ? AND local_date = ? AND status = 'claimed' AND claimed_by = ?`,
  fail: `UPDATE deliveries SET status = 'failed', error = ?, error_kind = ?, failure_counted = 1
           WHERE channel_id = ? AND local_date = ? AND claimed_by = ?`,
  unfinished: "SELECT * FROM deliveries WHERE status = 'claimed' ORDER BY claimed_at",
  briefedIn: 'SELECT article_id FROM briefed_articles WHERE channel_id = ?',
  all: 'SELECT * FROM deliveries WHERE channel_id = ? ORDER BY local_date',
} as const;
