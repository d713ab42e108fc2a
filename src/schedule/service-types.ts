// What the /briefing command needs from the scheduler. The scheduler implements it; commands depend on this only.
import type { Briefing } from '../briefings';
import type { ScheduleSettings } from '../store/schedules';

export type { ScheduleSettings };

export interface ScheduleStatus extends ScheduleSettings {
  /** Next post time as an ISO instant. */
  nextPostAt: string | null;
  lastPost: { localDate: string; outcome: string; at: string; detail: string | null } | null;
  /** Problems an admin should fix (missing permissions, channel gone, paused after failures). */
  problems: string[];
}

export interface BriefingService {
  set(settings: Omit<ScheduleSettings, 'paused'>): Promise<ScheduleStatus>;
  show(guildId: string): Promise<ScheduleStatus[]>;
  /** The briefing the channel would get now, with the day it would be for. */
  preview(guildId: string, channelId: string): Promise<PreviewResult>;
  postNow(guildId: string, channelId: string): Promise<PostNowResult>;
  off(guildId: string, channelId: string | null): Promise<number>;
}

export interface PreviewResult {
  channelId: string;
  /** Whether the channel has a schedule (else the preview shows what one would look like, in UTC). */
  scheduled: boolean;
  /** Today in the schedule's zone, written for people ("Sunday 29 March 2026"). */
  dateLabel: string;
  briefing: Briefing;
}

/** What /briefing now did; the renderer words each case. */
export type PostNowResult =
  | { status: 'posted' }
  | { status: 'no-schedule' }
  /** Another post for the channel is running in this process. */
  | { status: 'busy' }
  /** Nothing new; today counts as done. */
  | { status: 'empty' }
  | { status: 'done-already'; reason: string }
  | { status: 'failed'; reason: string }
  /** The database could not be written (disk full, read-only, gone): nothing was posted. */
  | { status: 'storage-error'; reason: string };
