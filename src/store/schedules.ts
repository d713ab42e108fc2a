// The schedules table: one row per channel that gets a daily briefing.
import type { Db } from './open';
import type { ScheduleStore } from './ports';
import { SCHEDULE_SQL } from './sql/schedules';
import { preparedOn, type Prepare } from './statements';

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

/** SCHEDULE_SQL.upsert's values. */
export function upsertValues(input: ScheduleInput, now: Date): (string | number | null)[] {
  const iso = now.toISOString();
  const { channelId, guildId, time, timezone, topic, articles, announceEmpty } = input;
  return [channelId, guildId, time, timezone, topic, articles, announceEmpty ? 1 : 0, iso, iso, iso];
}

/** SCHEDULE_SQL.recordFailedDay's values. */
export function failedDayValues(channelId: string, reason: string, now: Date): (string | number)[] {
  return [PAUSE_AFTER_FAILED_DAYS, PAUSE_AFTER_FAILED_DAYS, reason, now.toISOString(), channelId];
}

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
  private readonly sql: Prepare;
  constructor(private readonly db: Db) {
    this.sql = preparedOn(db);
  }

  async get(channelId: string): Promise<ScheduleRow | null> {
    return this.row(channelId);
  }

  private row(channelId: string): ScheduleRow | null {
    const r = this.sql(SCHEDULE_SQL.get).get(channelId) as RawSchedule | undefined;
    return r ? fromRaw(r) : null;
  }

  async listForGuild(guildId: string): Promise<ScheduleRow[]> {
    return (this.sql(SCHEDULE_SQL.listForGuild).all(guildId) as RawSchedule[]).map(fromRaw);
  }

  async listAll(): Promise<ScheduleRow[]> {
    return (this.sql(SCHEDULE_SQL.listAll).all() as RawSchedule[]).map(fromRaw);
  }

  /**
   * Creates or replaces a channel's schedule and resumes it. When the time or zone changes (or the row is new),
   * slots already due today are not owed: a schedule set at 10:00 for 08:00 starts tomorrow.
   */
  async upsert(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    return this.upsertNow(input, now);
  }

  private upsertNow(input: ScheduleInput, now: Date): ScheduleRow {
    this.sql(SCHEDULE_SQL.upsert).run(...upsertValues(input, now));
    return this.row(input.channelId)!;
  }

  /** Like upsert, but leaves an identical row untouched (the env default schedule is re-applied on every start). */
  async ensure(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    const existing = this.row(input.channelId);
    if (existing && sameSchedule(existing, input)) return existing;
    return this.upsertNow(input, now);
  }

  async remove(channelId: string): Promise<boolean> {
    return this.sql(SCHEDULE_SQL.remove).run(channelId).changes === 1;
  }

  async removeGuild(guildId: string): Promise<number> {
    return this.sql(SCHEDULE_SQL.removeGuild).run(guildId).changes;
  }

  /** A posted day ends a run of failures. */
  async recordSuccess(channelId: string): Promise<void> {
    this.sql(SCHEDULE_SQL.recordSuccess).run(channelId);
  }

  /** Counts one more failed day; pauses the schedule at the limit. Returns the row after. */
  async recordFailedDay(channelId: string, reason: string, now: Date): Promise<ScheduleRow | null> {
    this.sql(SCHEDULE_SQL.recordFailedDay).run(...failedDayValues(channelId, reason, now));
    return this.row(channelId);
  }
}
