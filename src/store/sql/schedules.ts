// The schedules table's statements, as both databases run them: SQLite as written, Postgres with its `?`
// placeholders numbered (src/store/pg/db.ts). Where the dialects differ, the repository writes its own.

export const SCHEDULE_SQL = {
  get: 'SELECT * FROM schedules WHERE channel_id = ?',
  listForGuild: 'SELECT * FROM schedules WHERE guild_id = ? ORDER BY channel_id',
  listAll: 'SELECT * FROM schedules ORDER BY guild_id, channel_id',
  /**
   * Creates or replaces a channel's schedule and resumes it. Values: channel, guild, time, zone, topic, articles,
   * announce_empty, then now three times. A changed clock (or a new row) owes no slot already due today.
   */
  upsert: `INSERT INTO schedules (channel_id, guild_id, time, timezone, topic, articles, announce_empty,
                              paused, pause_reason, failure_days, effective_from, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, 0, ?, ?, ?)
       ON CONFLICT (channel_id) DO UPDATE SET
         guild_id = excluded.guild_id, time = excluded.time, timezone = excluded.timezone, topic = excluded.topic,
         articles = excluded.articles, announce_empty = excluded.announce_empty,
         paused = 0, pause_reason = NULL, failure_days = 0,
         effective_from = CASE WHEN schedules.time <> excluded.time OR schedules.timezone <> excluded.timezone
                               THEN excluded.effective_from ELSE schedules.effective_from END,
         updated_at = excluded.updated_at`,
  remove: 'DELETE FROM schedules WHERE channel_id = ?',
  removeGuild: 'DELETE FROM schedules WHERE guild_id = ?',
  /** A posted day ends a run of failures. */
  recordSuccess: 'UPDATE schedules SET failure_days = 0 WHERE channel_id = ?',
  /** One more failed day, pausing at the limit. Values: limit, limit, reason, now, channel. */
  recordFailedDay: `UPDATE schedules SET failure_days = failure_days + 1,
           paused = CASE WHEN failure_days + 1 >= ? THEN 1 ELSE paused END,
           pause_reason = CASE WHEN failure_days + 1 >= ?
             THEN 'paused after ' || (failure_days + 1) || ' failed days: ' || ? ELSE pause_reason END,
           updated_at = ?
         WHERE channel_id = ?`,
} as const;
