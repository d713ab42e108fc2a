// Whether a schedule is owed a post right now: pure, so the clock rules can be tested on their own.
import type { ScheduleRow } from '../store/schedules';
import { instantOf, localDateOf, nextDueInstant } from './zoned-time';

/** A post more than this long after its time is marked late (caught up). */
export const LATE_AFTER_MS = 5 * 60_000;

// The guard asks every minute for every schedule; the answer changes once a day per (date, time, zone).
const dueMemo = new Map<string, Date>();
function dueInstant(localDate: string, time: string, timezone: string): Date {
  const key = `${localDate}|${time}|${timezone}`;
  let at = dueMemo.get(key);
  if (!at) {
    if (dueMemo.size > 50_000) dueMemo.clear();
    at = instantOf(localDate, time, timezone);
    dueMemo.set(key, at);
  }
  return at;
}

export interface DueSlot {
  localDate: string;
  dueAt: Date;
  late: boolean;
}

/**
 * Today's slot (in the schedule's zone) when its time has come. Only today's: a day missed entirely is
 * never posted on a later day, so a restart at 00:01 after a 23:59 schedule owes nothing.
 * Slots due before the schedule took effect are not owed (set at 10:00 for 08:00 → tomorrow).
 */
export function dueSlot(schedule: Pick<ScheduleRow, 'time' | 'timezone' | 'paused' | 'effectiveFrom'>, now: Date): DueSlot | null {
  if (schedule.paused) return null;
  const localDate = localDateOf(now, schedule.timezone);
  const dueAt = dueInstant(localDate, schedule.time, schedule.timezone);
  if (now.getTime() < dueAt.getTime()) return null;
  if (dueAt.getTime() < Date.parse(schedule.effectiveFrom)) return null;
  return { localDate, dueAt, late: now.getTime() - dueAt.getTime() > LATE_AFTER_MS };
}

/** When the schedule will next post, given whether today's slot is already used. */
export function nextPostAt(
  schedule: Pick<ScheduleRow, 'time' | 'timezone' | 'paused' | 'effectiveFrom'>,
  now: Date,
  todayUsed: boolean,
): Date | null {
  if (schedule.paused) return null;
  const today = localDateOf(now, schedule.timezone);
  const todayDue = instantOf(today, schedule.time, schedule.timezone);
  const notOwedToday = todayUsed || todayDue.getTime() < Date.parse(schedule.effectiveFrom);
  // Due but not yet handled (the next tick will post it): that is the next post.
  if (!notOwedToday && todayDue.getTime() <= now.getTime()) return now;
  return nextDueInstant(schedule.time, schedule.timezone, now, notOwedToday ? today : null);
}
