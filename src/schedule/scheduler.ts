// The clock side: node-cron wakes us (one task per schedule at its time in its zone, plus a guard every
// minute); the ledger decides. The guard catches what cron alone misses: a time inside a spring-forward gap
// (node-cron skips that day), a tick lost to a busy event loop, and claims left by a crashed process.
import { schedule as cronSchedule, type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { ScheduleRow } from '../store/schedules';
import { describeStorageError } from '../store/errors';
import type { Store } from '../store/store';
import type { Deliverer, DeliveryOutcome } from './deliver';
import { claimIsStale, CLAIM_LEASE_MS } from './owner';
import { dueSlot } from './planner';
import { localDateOf } from './zoned-time';

export interface SchedulerDeps {
  store: Store;
  deliverer: Deliverer;
  owner: string;
  /** Whether this process (shard) is responsible for a guild. */
  ownsGuild: (guildId: string) => boolean;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  leaseMs?: number;
  /** Cron expression of the guard; default every minute. */
  guardCron?: string;
}

export type Wake = 'cron' | 'guard' | 'start';

export class BriefingScheduler {
  private readonly tasks = new Map<string, { key: string; task: ScheduledTask }>();
  private guard: ScheduledTask | null = null;
  private readonly inFlight = new Map<string, Promise<DeliveryOutcome | null>>();
  private stopped = false;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SchedulerDeps) {}

  /** Starts the cron tasks. Call tick('start') once the Discord client is ready to recover and catch up. */
  start(): void {
    this.stopped = false;
    this.refresh().catch(() => undefined); // logged by refresh
    this.guard = cronSchedule(this.deps.guardCron ?? '0 * * * * *', () => this.tick('guard'), { name: 'briefing-guard' });
  }

  /** One pass: sync cron tasks with the table, resolve stale claims, post what is owed today. */
  async tick(wake: Wake): Promise<void> {
    if (this.stopped) return;
    try {
      await this.refresh();
      await this.recover();
      await this.sweep(wake);
    } catch (error) {
      this.deps.logger.error({ err: error, wake }, 'briefing tick failed');
    }
  }

  /** Keeps exactly one cron task per active schedule of the guilds this process holds (one refresh at a time). */
  refresh(): Promise<void> {
    const next = this.refreshing.then(() => this.syncTasks());
    this.refreshing = next.catch((error: unknown) => this.deps.logger.error({ err: error }, 'briefing schedules could not be read'));
    return next;
  }

  private async syncTasks(): Promise<void> {
    if (this.stopped) return;
    const rows = await this.deps.store.schedules.listAll();
    if (this.stopped) return;
    const wanted = new Map<string, ScheduleRow>();
    for (const s of rows) {
      if (!s.paused && this.deps.ownsGuild(s.guildId)) wanted.set(s.channelId, s);
    }
    for (const [channelId, entry] of this.tasks) {
      const s = wanted.get(channelId);
      if (!s || taskKey(s) !== entry.key) {
        void entry.task.destroy();
        this.tasks.delete(channelId);
      }
    }
    for (const [channelId, s] of wanted) {
      if (this.tasks.has(channelId)) continue;
      const [hh, mm] = s.time.split(':').map(Number);
      const task = cronSchedule(`0 ${mm} ${hh} * * *`, () => void this.considerChannel(channelId, 'cron'), {
        timezone: s.timezone,
        name: `briefing:${channelId}`,
      });
      this.tasks.set(channelId, { key: taskKey(s), task });
    }
  }

  /** Channels with a cron task in this process. */
  scheduledChannels(): string[] {
    return [...this.tasks.keys()];
  }

  /** Takes over claims whose holder is gone and settles them (our marker found → posted; else post once, today only). */
  async recover(): Promise<void> {
    const now = this.deps.now();
    const work: Promise<unknown>[] = [];
    for (const claim of await this.deps.store.ledger.unfinished()) {
      if (!this.deps.ownsGuild(claim.guildId) || this.inFlight.has(claim.channelId)) continue;
      if (!claimIsStale(claim.claimedBy, claim.claimedAt, this.deps.owner, now, this.deps.leaseMs ?? CLAIM_LEASE_MS)) continue;
      const mine = await this.deps.store.ledger.takeOver(claim, { owner: this.deps.owner, now, trigger: 'recovery' });
      if (!mine) continue; // another process took it first
      const schedule = await this.deps.store.schedules.get(claim.channelId);
      const stillToday = schedule ? localDateOf(now, schedule.timezone) === claim.localDate : false;
      this.deps.logger.info(
        { channelId: claim.channelId, localDate: claim.localDate, previous: claim.claimedBy },
        'resolving unfinished briefing claim',
      );
      work.push(this.exclusive(claim.channelId, () => this.deps.deliverer.resume(schedule, mine, stillToday)));
    }
    await Promise.all(work);
  }

  /** Posts every slot owed now in the guilds this process holds. */
  async sweep(wake: Wake): Promise<void> {
    const work: Promise<unknown>[] = [];
    const now = this.deps.now();
    for (const s of await this.deps.store.schedules.listAll()) {
      if (!this.deps.ownsGuild(s.guildId) || !dueSlot(s, now)) continue;
      work.push(this.considerChannel(s.channelId, wake));
    }
    await Promise.all(work);
  }

  /** Posts a channel's briefing if today's slot is due and free. */
  considerChannel(channelId: string, wake: Wake): Promise<DeliveryOutcome | null> {
    if (this.stopped) return Promise.resolve(null);
    const running = this.inFlight.get(channelId);
    if (running) return running.then(() => null);
    // Marked in flight before the first read, so a second wake meanwhile waits instead of reading too.
    return this.exclusive(channelId, async () => {
      const schedule = await this.deps.store.schedules.get(channelId);
      if (!schedule || !this.deps.ownsGuild(schedule.guildId)) return null;
      const slot = dueSlot(schedule, this.deps.now());
      if (!slot || (await this.deps.store.ledger.get(channelId, slot.localDate))) return null;
      this.deps.logger.debug({ channelId, wake, localDate: slot.localDate, late: slot.late }, 'briefing due');
      return this.deps.deliverer.deliver(schedule, slot.localDate, { trigger: slot.late ? 'catch-up' : 'schedule', late: slot.late });
    });
  }

  /** Runs `fn` as the only delivery work for a channel in this process; null when other work already runs. */
  exclusive(channelId: string, fn: () => Promise<DeliveryOutcome | null>): Promise<DeliveryOutcome | null> {
    const running = this.inFlight.get(channelId);
    if (running) return running.then(() => null);
    const p = fn()
      .catch((error: unknown): DeliveryOutcome => {
        this.deps.logger.error({ err: error, channelId }, 'briefing delivery crashed');
        return { status: 'crashed', error, storage: describeStorageError(error) };
      })
      .finally(() => this.inFlight.delete(channelId));
    this.inFlight.set(channelId, p);
    return p;
  }

  /** Stops every cron task and waits for deliveries under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.deps.deliverer.abort();
    const tasks = [...this.tasks.values()].map((t) => t.task);
    if (this.guard) tasks.push(this.guard);
    this.tasks.clear();
    this.guard = null;
    await Promise.all(tasks.map((t) => t.destroy()));
    await this.refreshing;
    await Promise.all([...this.inFlight.values()]);
  }
}

function taskKey(s: ScheduleRow): string {
  return `${s.time}|${s.timezone}`;
}
