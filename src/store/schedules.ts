// The schedules table: one row per channel that gets a daily briefing.
import type { Db } from './open';
import type { ScheduleStore } from './ports';
import { Statements } from './statements';

/** What an admin chooses for a channel's daily briefing (the store keeps it; /briefing set writes it). */
export interface ScheduleSettings {
  guildId: string;
  channelId: string;
  /** Local wall-clock time, HH:MM (24 h). */
  time: string;
  /** IANA time zone name. */
  timezone: string;
  topic: string | null;
  articles: number;
  /** Post a short "no new articles" line when nothing is new (else stay silent). */
  announceEmpty: boolean;
  paused: boolean;
}

/** A stored schedule: the settings an admin chose, plus the scheduler's own bookkeeping. */
export interface ScheduleRow extends ScheduleSettings {
  pauseReason: string | null;
  failureDays: number;
  effectiveFrom: string;
  createdAt: string;
  updatedAt: string;
}

export type ScheduleInput = Pick<ScheduleRow, 'guildId' | 'channelId' | 'time' | 'timezone' | 'topic' | 'articles' | 'announceEmpty'>;

export interface RawSchedule {
  guild_id: string;
  channel_id: string;
  time: string;
  timezone: string;
  topic: string | null;
  articles: number;
  announce_empty: number;
  paused: number;
  pause_reason: string | null;
  failure_days: number;
  effective_from: string;
  created_at: string;
  updated_at: string;
}

export function fromRaw(r: RawSchedule): ScheduleRow {
  return {
    guildId: r.guild_id,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    topic: r.topic,
    articles: r.articles,
    announceEmpty: r.announce_empty === 1,
    paused: r.paused === 1,
    pauseReason: r.pause_reason,
    failureDays: r.failure_days,
    effectiveFrom: r.effective_from,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const PAUSE_AFTER_FAILED_DAYS = 3;

/** Whether a stored schedule already says what this input says (then re-applying it changes nothing). */
export function sameSchedule(existing: ScheduleRow, input: ScheduleInput): boolean {
  return (
    existing.guildId === input.guildId &&
    existing.time === input.time &&
    existing.timezone === input.timezone &&
    existing.topic === input.topic &&
    existing.articles === input.articles &&
    existing.announceEmpty === input.announceEmpty
  );
}

export class ScheduleRepo implements ScheduleStore {
  private readonly statements: Statements;
  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  async get(channelId: string): Promise<ScheduleRow | null> {
    return this.row(channelId);
  }

  private row(channelId: string): ScheduleRow | null {
    const r = this.sql('SELECT * FROM schedules WHERE channel_id = ?').get(channelId) as RawSchedule | undefined;
    return r ? fromRaw(r) : null;
  }

  async listForGuild(guildId: string): Promise<ScheduleRow[]> {
    return (this.sql('SELECT * FROM schedules WHERE guild_id = ? ORDER BY channel_id').all(guildId) as RawSchedule[]).map(fromRaw);
  }

  async listAll(): Promise<ScheduleRow[]> {
    return (this.sql('SELECT * FROM schedules ORDER BY guild_id, channel_id').all() as RawSchedule[]).map(fromRaw);
  }

  /**
   * Creates or replaces a channel's schedule and resumes it. When the time or zone changes (or the row is new),
   * slots already due today are not owed: a schedule set at 10:00 for 08:00 starts tomorrow.
   */
  async upsert(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    return this.upsertNow(input, now);
  }

  private upsertNow(input: ScheduleInput, now: Date): ScheduleRow {
    const iso = now.toISOString();
    const existing = this.row(input.channelId);
    const clockChanged = !existing || existing.time !== input.time || existing.timezone !== input.timezone;
    this.sql(
      `INSERT INTO schedules (channel_id, guild_id, time, timezone, topic, articles, announce_empty,
                                paused, pause_reason, failure_days, effective_from, created_at, updated_at)
         VALUES (@channelId, @guildId, @time, @timezone, @topic, @articles, @announceEmpty, 0, NULL, 0, @iso, @iso, @iso)
         ON CONFLICT (channel_id) DO UPDATE SET
           guild_id = excluded.guild_id, time = excluded.time, timezone = excluded.timezone, topic = excluded.topic,
           articles = excluded.articles, announce_empty = excluded.announce_empty,
           paused = 0, pause_reason = NULL, failure_days = 0,
           effective_from = CASE WHEN @clockChanged = 1 THEN excluded.effective_from ELSE schedules.effective_from END,
           updated_at = excluded.updated_at`,
    ).run({ ...input, announceEmpty: input.announceEmpty ? 1 : 0, iso, clockChanged: clockChanged ? 1 : 0 });
    return this.row(input.channelId)!;
  }

  /** Like upsert, but leaves an identical row untouched (the env default schedule is re-applied on every start). */
  async ensure(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    const existing = this.row(input.channelId);
    if (existing && sameSchedule(existing, input)) return existing;
    return this.upsertNow(input, now);
  }

  async remove(channelId: string): Promise<boolean> {
    return this.sql('DELETE FROM schedules WHERE channel_id = ?').run(channelId).changes === 1;
  }

  async removeGuild(guildId: string): Promise<number> {
    return this.sql('DELETE FROM schedules WHERE guild_id = ?').run(guildId).changes;
  }

  /** A posted day ends a run of failures. */
  async recordSuccess(channelId: string): Promise<void> {
    this.sql('UPDATE schedules SET failure_days = 0 WHERE channel_id = ?').run(channelId);
  }

  /** Counts one more failed day; pauses the schedule at the limit. Returns the row after. */
  async recordFailedDay(channelId: string, reason: string, now: Date): Promise<ScheduleRow | null> {
    this.sql(
      `UPDATE schedules SET failure_days = failure_days + 1,
           paused = CASE WHEN failure_days + 1 >= @limit THEN 1 ELSE paused END,
           pause_reason = CASE WHEN failure_days + 1 >= @limit
             THEN 'paused after ' || (failure_days + 1) || ' failed days: ' || @reason ELSE pause_reason END,
           updated_at = @iso
         WHERE channel_id = @channelId`,
    ).run({ channelId, reason, limit: PAUSE_AFTER_FAILED_DAYS, iso: now.toISOString() });
    return this.row(channelId);
  }
}
