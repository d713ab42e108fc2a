// What the /briefing command needs from the scheduler. The scheduler implements it; commands depend on this only.
import type { Briefing } from '../briefings/types';
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
  preview(guildId: string, channelId: string): Promise<Briefing>;
  postNow(guildId: string, channelId: string): Promise<{ posted: boolean; reason: string | null }>;
  off(guildId: string, channelId: string | null): Promise<number>;
}
