// The schedules table on Postgres: the same rows, rules and statements as ScheduleRepo (src/store/schedules.ts);
// writes add RETURNING * to read the row back in the same round trip.
import type { ScheduleStore } from '../ports';
import { failedDayValues, fromRaw, sameSchedule, upsertValues, type RawSchedule, type ScheduleInput, type ScheduleRow } from '../schedules';
import { SCHEDULE_SQL } from '../sql/schedules';
import type { PgDb } from './db';

export class PgScheduleStore implements ScheduleStore {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string): Promise<ScheduleRow | null> {
    const r = await this.db.one<RawSchedule>(SCHEDULE_SQL.get, [channelId]);
    return r ? fromRaw(r) : null;
  }

  async listForGuild(guildId: string): Promise<ScheduleRow[]> {
    return (await this.db.rows<RawSchedule>(SCHEDULE_SQL.listForGuild, [guildId])).map(fromRaw);
  }

  async listAll(): Promise<ScheduleRow[]> {
    return (await this.db.rows<RawSchedule>(SCHEDULE_SQL.listAll)).map(fromRaw);
  }

  async upsert(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    return fromRaw((await this.db.one<RawSchedule>(`${SCHEDULE_SQL.upsert} RETURNING *`, upsertValues(input, now)))!);
  }

  async ensure(input: ScheduleInput, now: Date): Promise<ScheduleRow> {
    const existing = await this.get(input.channelId);
    if (existing && sameSchedule(existing, input)) return existing;
    return this.upsert(input, now);
  }

  async remove(channelId: string): Promise<boolean> {
    return (await this.db.run(SCHEDULE_SQL.remove, [channelId])) === 1;
  }

  async removeGuild(guildId: string): Promise<number> {
    return this.db.run(SCHEDULE_SQL.removeGuild, [guildId]);
  }

  async recordSuccess(channelId: string): Promise<void> {
    await this.db.run(SCHEDULE_SQL.recordSuccess, [channelId]);
  }

  async recordFailedDay(channelId: string, reason: string, now: Date): Promise<ScheduleRow | null> {
    const r = await this.db.one<RawSchedule>(`${SCHEDULE_SQL.recordFailedDay} RETURNING *`, failedDayValues(channelId, reason, now));
    return r ? fromRaw(r) : null;
  }
}
