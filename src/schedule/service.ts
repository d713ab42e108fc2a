// The /briefing command's view of schedules: settings in, statuses out, with clear errors for bad input.
import { DEFAULT_BRIEFING_SIZE, type Library, type Scope } from '../briefings';
import type { ScheduleRow } from '../store/schedules';
import type { Store } from '../store/store';
import type { ChannelPort } from './channel-port';
import type { Deliverer } from './deliver';
import { nextPostAt } from './planner';
import { dateLabel } from './post-renderer';
import type { BriefingScheduler } from './scheduler';
import type { BriefingService, PostNowResult, PreviewResult, ScheduleSettings, ScheduleStatus } from './service-types';
import { canonicalTimeZone } from './timezones';
import { localDateOf, parseLocalTime } from './zoned-time';

export const MIN_ARTICLES = 1;
export const MAX_ARTICLES = 10;
/** The core's default briefing size, under the name /briefing set uses for its option. */
export const DEFAULT_ARTICLES = DEFAULT_BRIEFING_SIZE;

/** Input an admin can fix; the message is meant to be shown to them as is. */
export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

export interface ServiceDeps {
  store: Store;
  library: Pick<Library, 'brief'>;
  scopeFor?: (guildId: string) => Scope;
  port: ChannelPort;
  deliverer: Deliverer;
  scheduler: BriefingScheduler;
  now: () => Date;
}

export function validateSettings(settings: Omit<ScheduleSettings, 'paused'>): Omit<ScheduleSettings, 'paused'> {
  const time = parseLocalTime(settings.time);
  if (!time) {
    throw new ScheduleInputError(`"${settings.time}" is not a time of day. Use 24-hour HH:MM, for example 08:00 or 17:30.`);
  }
  const timezone = canonicalTimeZone(settings.timezone);
  if (!timezone) {
    throw new ScheduleInputError(
      `"${settings.timezone}" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC (pick one from the suggestions).`,
    );
  }
  const articles = settings.articles;
  if (!Number.isInteger(articles) || articles < MIN_ARTICLES || articles > MAX_ARTICLES) {
    throw new ScheduleInputError(`articles must be a whole number from ${MIN_ARTICLES} to ${MAX_ARTICLES}, got ${articles}.`);
  }
  const topic = settings.topic?.trim() ? settings.topic.trim().slice(0, 100) : null;
  return { ...settings, time, timezone, topic, articles };
}

export class ScheduleService implements BriefingService {
  constructor(private readonly deps: ServiceDeps) {}

  async set(settings: Omit<ScheduleSettings, 'paused'>): Promise<ScheduleStatus> {
    const valid = validateSettings(settings);
    await this.assertBriefingChannel(valid.guildId, valid.channelId);
    const row = await this.deps.store.schedules.upsert(valid, this.deps.now());
    await this.deps.scheduler.refresh();
    return this.status(row, { live: true });
  }

  async show(guildId: string): Promise<ScheduleStatus[]> {
    const rows = await this.deps.store.schedules.listForGuild(guildId);
    return Promise.all(rows.map((row) => this.status(row, { live: true })));
  }

  async preview(guildId: string, channelId: string): Promise<PreviewResult> {
    await this.assertBriefingChannel(guildId, channelId);
    const row = await this.deps.store.schedules.get(channelId);
    const schedule = row && row.guildId === guildId ? row : null;
    const briefing = await this.deps.library.brief({
      topic: schedule?.topic ?? null,
      limit: schedule?.articles ?? DEFAULT_ARTICLES,
      excludeIds: await this.deps.store.ledger.briefedIn(channelId),
      scope: this.deps.scopeFor?.(guildId),
    });
    const today = localDateOf(this.deps.now(), schedule?.timezone ?? 'UTC');
    return { channelId, scheduled: schedule !== null, dateLabel: dateLabel(today), briefing };
  }

  async postNow(guildId: string, channelId: string): Promise<PostNowResult> {
    const schedule = await this.deps.store.schedules.get(channelId);
    if (!schedule || schedule.guildId !== guildId) return { status: 'no-schedule' };
    await this.assertBriefingChannel(guildId, channelId);
    const localDate = localDateOf(this.deps.now(), schedule.timezone);
    const outcome = await this.deps.scheduler.exclusive(channelId, () =>
      this.deps.deliverer.deliver(schedule, localDate, { trigger: 'now', late: false, retryFailed: true }),
    );
    if (!outcome) return { status: 'busy' };
    switch (outcome.status) {
      case 'posted':
        return { status: 'posted' };
      case 'empty':
        return { status: 'empty' };
      case 'failed':
        return { status: 'failed', reason: outcome.reason };
      case 'skipped':
        return { status: 'done-already', reason: outcome.reason };
      case 'crashed':
        return outcome.storage
          ? { status: 'storage-error', reason: outcome.storage }
          : { status: 'failed', reason: 'something went wrong on our side; it has been logged' };
    }
  }

  /**
   * Refuses a channel of another server (a forged interaction can name any channel id) and one that cannot
   * hold a briefing (voice, stage, forum, category). Asks Discord, not the interaction payload.
   */
  private async assertBriefingChannel(guildId: string, channelId: string): Promise<void> {
    const place = await this.deps.port.locate(channelId).catch(() => null);
    if (!place || place.guildId !== guildId) {
      throw new ScheduleInputError('That channel is not in this server. Pick a text channel of this server.');
    }
    if (!place.holdsMessages) {
      throw new ScheduleInputError(
        'Daily briefings need a text or announcement channel; that channel cannot hold them (voice, stage, forum or category).',
      );
    }
  }

  async off(guildId: string, channelId: string | null): Promise<number> {
    const { schedules } = this.deps.store;
    let removed = 0;
    if (channelId === null) removed = await schedules.removeGuild(guildId);
    else if ((await schedules.get(channelId))?.guildId === guildId) removed = (await schedules.remove(channelId)) ? 1 : 0;
    await this.deps.scheduler.refresh();
    return removed;
  }

  private async status(row: ScheduleRow, opts: { live: boolean }): Promise<ScheduleStatus> {
    const now = this.deps.now();
    const today = localDateOf(now, row.timezone);
    const { ledger } = this.deps.store;
    const todayRow = await ledger.get(row.channelId, today);
    const latest = await ledger.latest(row.channelId);
    const problems: string[] = [];
    if (row.paused) problems.push(row.pauseReason ?? 'Paused. Run /briefing set again to resume.');
    if (opts.live) {
      const check = await this.deps.port.check(row.channelId).catch((e: unknown) => {
        const { kind, reason } = this.deps.port.classify(e);
        return { ok: false as const, kind, reason };
      });
      if (!check.ok) problems.push(check.reason);
    }
    if (latest?.status === 'failed' && latest.error && !problems.includes(latest.error)) {
      problems.push(`Last attempt (${latest.localDate}) failed: ${latest.error}`);
    }
    const next = nextPostAt(row, now, todayRow !== null);
    return {
      guildId: row.guildId,
      channelId: row.channelId,
      time: row.time,
      timezone: row.timezone,
      topic: row.topic,
      articles: row.articles,
      announceEmpty: row.announceEmpty,
      paused: row.paused,
      nextPostAt: next ? next.toISOString() : null,
      lastPost: latest
        ? {
            localDate: latest.localDate,
            outcome: latest.late && latest.status === 'posted' ? 'posted (late)' : latest.status,
            at: latest.postedAt ?? latest.claimedAt,
            detail: latest.error,
          }
        : null,
      problems,
    };
  }
}
