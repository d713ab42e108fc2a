// What the /briefing command needs from the scheduler. The scheduler implements it; commands depend on this only.
import type { Briefing } from '../briefings/types';

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
