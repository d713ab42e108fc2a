// The schedules table on Postgres: the same rows and rules as ScheduleRepo (src/store/schedules.ts).
import type { ScheduleStore } from '../ports';
import { fromRaw, PAUSE_AFTER_FAILED_DAYS, sameSchedule, type RawSchedule, type ScheduleInput, type ScheduleRow } from '../schedules';
import type { PgDb } from './db';

export class PgScheduleStore implements ScheduleStore {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string): Promise<ScheduleRow | null> {
    const r = await this.db.one<RawSchedule>('SELECT * FROM schedules WHERE channel_id = $1', [channelId]);
    return r ? fromRaw(r) : null;
  }

  async listForGuild(guildId: string): Promise<ScheduleRow[]> {
    return (await this.db.rows<RawSchedule>('SELECT * FROM schedules WHERE guild_id = $1 ORDER BY channel_id', [guildId])).map(fromRaw);
  }

  async listAll(): Promise<ScheduleRow[]> {
    return (await this.db.rows<RawSchedule>('SELECT * FROM schedules ORDER BY guild_id, channel_id')).map(fromRaw);
  }

  async upsert(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    const iso = now.toISOString();
    // The clock changed (or the row is new): slots already due today are not owed.
    const r = await this.db.one<RawSchedule>(
      `INSERT INTO schedules (channel_id, guild_id, time, timezone, topic, articles, announce_empty,
                              paused, pause_reason, failure_days, effective_from, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, NULL, 0, $8, $8, $8)
       ON CONFLICT (channel_id) DO UPDATE SET
         guild_id = excluded.guild_id, time = excluded.time, timezone = excluded.timezone, topic = excluded.topic,
         articles = excluded.articles, announce_empty = excluded.announce_empty,
         paused = 0, pause_reason = NULL, failure_days = 0,
         effective_from = CASE WHEN schedules.time <> excluded.time OR schedules.timezone <> excluded.timezone
                               THEN excluded.effective_from ELSE schedules.effective_from END,
         updated_at = excluded.updated_at
       RETURNING *`,
      [input.channelId, input.guildId, input.time, input.timezone, input.topic, input.articles, input.announceEmpty ? 1 : 0, iso],
    );
    return fromRaw(r!);
  }

  async ensure(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    const existing = await this.get(input.channelId);
    if (existing && sameSchedule(existing, input)) return existing;
    return this.upsert(input, now);
  }

  async remove(channelId: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM schedules WHERE channel_id = $1', [channelId])) === 1;
  }

  async removeGuild(guildId: string): Promise<number> {
    return this.db.run('DELETE FROM schedules WHERE guild_id = $1', [guildId]);
  }

  async recordSuccess(channelId: string): Promise<void> {
    await this.db.run('UPDATE schedules SET failure_days = 0 WHERE channel_id = $1', [channelId]);
  }

  async recordFailedDay(channelId: string, reason: string, now: Date): Promise<ScheduleRow | null> {
    const r = await this.db.one<RawSchedule>(
      `UPDATE schedules SET failure_days = failure_days + 1,
           paused = CASE WHEN failure_days + 1 >= $2 THEN 1 ELSE paused END,
           pause_reason = CASE WHEN failure_days + 1 >= $2
             THEN 'paused after ' || (failure_days + 1) || ' failed days: ' || $3 ELSE pause_reason END,
           updated_at = $4
         WHERE channel_id = $1 RETURNING *`,
      [channelId, PAUSE_AFTER_FAILED_DAYS, reason, now.toISOString()],
    );
    return r ? fromRaw(r) : null;
  }
}
