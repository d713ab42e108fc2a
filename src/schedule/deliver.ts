// One day's briefing in one channel: claim the slot, check, compose, send, record. The ledger row is taken
// before anything is sent, so whatever happens afterwards, a second post for the same day cannot start.
import type { Logger } from 'pino';
import type { Library, Scope } from '../briefings';
import type { RenderedMessage } from '../discord/render/message';
import type { Delivery, DeliveryTrigger, FailureKind } from '../store/ledger';
import type { ScheduleRow } from '../store/schedules';
import type { Store } from '../store/store';
import { isRetryable, type ChannelPort } from './channel-port';
import { dayMarker, nonceFor, partMarker, readPart } from './marker';
import { dateLabel, type PostRenderer } from './post-renderer';
import { instantOf } from './zoned-time';

export interface DelivererDeps {
  store: Store;
  library: Pick<Library, 'brief'>;
  /** What a server's briefing may include (its shared and own feeds); absent: every article. */
  scopeFor?: (guildId: string) => Scope;
  port: ChannelPort;
  render: PostRenderer;
  /** Who holds claims made by this process (see owner.ts). */
  owner: string;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Waits between attempts after a 5xx or timeout (discord.js has already retried each request itself). */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** How many channel messages to read at most when looking for a marker. */
  searchDepth?: number;
}

export type DeliveryOutcome =
  | { status: 'posted'; messageIds: string[]; articleIds: string[]; recovered: boolean }
  | { status: 'empty' }
  | { status: 'failed'; kind: FailureKind; reason: string; paused: boolean }
  | { status: 'skipped'; reason: string; existing: Delivery | null }
  /** The work threw (logged by the scheduler); for a database failure, `storage` says what went wrong. */
  | { status: 'crashed'; error: unknown; storage: string | null };

export const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000] as const;

/** Thrown into a waiting retry when the process shuts down: the claim stays for the next start to settle. */
export class ShutdownError extends Error {
  constructor() {
    super('shutting down');
    this.name = 'ShutdownError';
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ShutdownError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ShutdownError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export class Deliverer {
  private readonly retryDelays: readonly number[];
  private readonly searchDepth: number;
  private readonly shutdown = new AbortController();

  constructor(private readonly deps: DelivererDeps) {
    this.retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.searchDepth = deps.searchDepth ?? 1000;
  }

  /** Ends waits between retries; interrupted claims stay claimed and are settled on the next start. */
  abort(): void {
    this.shutdown.abort();
  }

  private async sleep(ms: number): Promise<void> {
    if (this.deps.sleep) {
      await this.deps.sleep(ms);
      if (this.shutdown.signal.aborted) throw new ShutdownError();
      return;
    }
    await abortableSleep(ms, this.shutdown.signal);
  }

  /**
   * Posts `localDate`'s briefing unless the slot is taken. `retryFailed` (for /briefing now) lets a day that
   * failed be tried again by taking over its row.
   */
  async deliver(
    schedule: ScheduleRow,
    localDate: string,
    opts: { trigger: DeliveryTrigger; late: boolean; retryFailed?: boolean },
  ): Promise<DeliveryOutcome> {
    const { ledger } = this.deps.store;
    const request = {
      channelId: schedule.channelId,
      guildId: schedule.guildId,
      localDate,
      trigger: opts.trigger,
      late: opts.late,
      owner: this.deps.owner,
      now: this.deps.now(),
    };
    let claim = await ledger.claim(request);
    if (!claim) {
      const existing = await ledger.get(schedule.channelId, localDate);
      if (existing && existing.status === 'failed' && opts.retryFailed) {
        claim = await ledger.takeOver(existing, request);
      }
      if (!claim) return { status: 'skipped', reason: describeTaken(existing), existing };
    }
    return this.run(schedule, claim, { searchFirst: claim.attempts > 1 });
  }

  /**
   * Finishes a claim this process has taken over from one left unfinished. The earlier holder may have
   * posted some or all of it: look for our marker before sending anything. A claim for a day that is no
   * longer today is only resolved, never posted.
   */
  async resume(schedule: ScheduleRow | null, claim: Delivery, isStillToday: boolean): Promise<DeliveryOutcome> {
    const found = await this.findPosted(claim).catch((e: unknown) => ({ error: e }));
    if ('error' in found) return this.recordFailure(schedule, claim, found.error);
    if (found.complete) return await this.finishFound(claim, found.ids);
    if (!schedule || schedule.paused || !isStillToday) {
      const partly = found.ids.length > 0 ? `; ${found.ids.length} part(s) had been posted` : '';
      const reason = !schedule
        ? 'schedule removed while a post was unfinished'
        : schedule.paused
          ? 'schedule paused while a post was unfinished'
          : `interrupted on ${claim.localDate} and not posted on a later day`;
      await this.deps.store.ledger.fail(claim.channelId, claim.localDate, this.deps.owner, 'interrupted', reason + partly);
      return { status: 'failed', kind: 'interrupted', reason: reason + partly, paused: false };
    }
    return this.run(schedule, claim, { searchFirst: false, partial: found.ids });
  }

  /**
   * Posts the claim's briefing. A briefing found complete in the channel is only recorded; one found partly
   * posted (a crash or a refused part) has its parts deleted and is posted whole, so the channel ends up with
   * exactly one complete briefing for the day.
   */
  private async run(schedule: ScheduleRow, claim: Delivery, opts: { searchFirst: boolean; partial?: readonly string[] }): Promise<DeliveryOutcome> {
    const { ledger } = this.deps.store;
    const { port, logger } = this.deps;
    try {
      let partial = opts.partial ?? [];
      if (opts.searchFirst) {
        const found = await this.findPosted(claim);
        if (found.complete) return await this.finishFound(claim, found.ids);
        partial = found.ids;
      }
      if (partial.length > 0) await this.deletePartial(claim, partial);
      const check = await port.check(schedule.channelId);
      if (!check.ok) return await this.fail(schedule, claim, check.kind, check.reason);

      const briefing = await this.deps.library.brief({
        topic: schedule.topic,
        limit: schedule.articles,
        excludeIds: await ledger.briefedIn(schedule.channelId),
        scope: this.deps.scopeFor?.(schedule.guildId),
      });
      const articleIds = briefing.items.map((i) => i.articleId);
      const postOpts = { dateLabel: dateLabel(claim.localDate), late: claim.late };
      if (articleIds.length === 0 && !schedule.announceEmpty) {
        await ledger.finish(claim.channelId, claim.localDate, this.deps.owner, {
          status: 'empty',
          messageIds: [],
          articleIds: [],
          now: this.deps.now(),
          detail: 'nothing new; stayed silent',
        });
        return { status: 'empty' };
      }
      await ledger.notePlan(claim.channelId, claim.localDate, this.deps.owner, articleIds);
      const messages = articleIds.length === 0 ? this.deps.render.nothingNew(postOpts) : this.deps.render.briefing(briefing, postOpts);
      const ids: string[] = [];
      for (let part = 1; part <= messages.length; part++) {
        const marker = partMarker(claim.channelId, claim.localDate, part, messages.length);
        const message = this.deps.render.stamp(messages[part - 1], marker);
        const id = await this.sendWithRetry(claim, part, message);
        ids.push(id);
        await ledger.addMessageIds(claim.channelId, claim.localDate, this.deps.owner, [id]);
      }
      await ledger.finish(claim.channelId, claim.localDate, this.deps.owner, {
        status: articleIds.length === 0 ? 'empty' : 'posted',
        messageIds: ids,
        articleIds,
        now: this.deps.now(),
        detail: articleIds.length === 0 ? 'nothing new; announced' : partial.length > 0 ? 'posted whole again after a partial post' : null,
      });
      logger.info({ channelId: claim.channelId, localDate: claim.localDate, messages: ids.length, late: claim.late }, 'briefing posted');
      return { status: 'posted', messageIds: ids, articleIds, recovered: false };
    } catch (error) {
      if (error instanceof ShutdownError) {
        return { status: 'skipped', reason: 'shutting down; left for the next start', existing: claim };
      }
      return await this.recordFailure(schedule, claim, error);
    }
  }

  private async sendWithRetry(claim: Delivery, part: number, message: RenderedMessage): Promise<string> {
    const { port, store, logger } = this.deps;
    const nonce = nonceFor(claim.channelId, claim.localDate, part, claim.attempts);
    for (let attempt = 0; ; attempt++) {
      try {
        return (await port.send(claim.channelId, message, nonce)).id;
      } catch (error) {
        const { kind, reason } = port.classify(error);
        if (!isRetryable(kind) || attempt >= this.retryDelays.length) throw error;
        await store.ledger.noteAttempt(claim.channelId, claim.localDate, this.deps.owner, reason);
        logger.warn({ channelId: claim.channelId, localDate: claim.localDate, part, attempt: attempt + 1, reason }, 'briefing send failed; retrying');
        await this.sleep(this.retryDelays[attempt]);
        // The failed request may have landed after all: look before sending again.
        const landed = await this.findPart(claim, part).catch(() => null);
        if (landed) return landed;
      }
    }
  }

  /**
   * Where to start looking for a day's post: the start of that local day (an hour earlier for safety), or,
   * without the schedule's zone, a day and a half before the claim.
   */
  private async searchSince(claim: Delivery): Promise<Date> {
    const schedule = await this.deps.store.schedules.get(claim.channelId);
    if (schedule) return new Date(instantOf(claim.localDate, '00:00', schedule.timezone).getTime() - 3_600_000);
    return new Date(Date.parse(claim.claimedAt) - 36 * 3_600_000);
  }

  private async findPart(claim: Delivery, part: number): Promise<string | null> {
    const messages = await this.deps.port.ownMessagesSince(claim.channelId, await this.searchSince(claim), this.searchDepth);
    for (const m of messages) {
      const found = readPart(m.text, claim.channelId, claim.localDate);
      if (found && found.part === part) return m.id;
    }
    return null;
  }

  /** Our messages for the claim's day, oldest first, and whether every part is there (none found: not complete). */
  private async findPosted(claim: Delivery): Promise<{ ids: string[]; complete: boolean }> {
    const messages = await this.deps.port.ownMessagesSince(claim.channelId, await this.searchSince(claim), this.searchDepth);
    const marker = dayMarker(claim.channelId, claim.localDate);
    const hits = messages.filter((m) => m.text.includes(marker)).reverse();
    const parts = hits.map((m) => readPart(m.text, claim.channelId, claim.localDate)!);
    const complete = parts.length > 0 && new Set(parts.map((p) => p.part)).size >= parts[0].parts;
    return { ids: hits.map((m) => m.id), complete };
  }

  private async finishFound(claim: Delivery, ids: string[]): Promise<DeliveryOutcome> {
    await this.deps.store.ledger.finish(claim.channelId, claim.localDate, this.deps.owner, {
      status: 'posted',
      messageIds: ids,
      articleIds: claim.articleIds,
      now: this.deps.now(),
      detail: 'found already posted after a restart',
    });
    this.deps.logger.info({ channelId: claim.channelId, localDate: claim.localDate, ids }, 'briefing found already posted');
    return { status: 'posted', messageIds: ids, articleIds: claim.articleIds, recovered: true };
  }

  /** Removes the parts of a briefing that was cut off, before it is posted whole. */
  private async deletePartial(claim: Delivery, ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.deps.port.deleteOwn(claim.channelId, id);
    this.deps.logger.info(
      { channelId: claim.channelId, localDate: claim.localDate, deleted: ids.length },
      'partly posted briefing deleted; posting it whole',
    );
  }

  private recordFailure(schedule: ScheduleRow | null, claim: Delivery, error: unknown): Promise<DeliveryOutcome> {
    const { kind, reason } = this.deps.port.classify(error);
    this.deps.logger.error({ channelId: claim.channelId, localDate: claim.localDate, kind, reason }, 'briefing failed');
    return this.fail(schedule, claim, kind, reason);
  }

  private async fail(schedule: ScheduleRow | null, claim: Delivery, kind: FailureKind, reason: string): Promise<DeliveryOutcome> {
    const { store, owner, now } = this.deps;
    const { newFailedDay } = await store.ledger.fail(claim.channelId, claim.localDate, owner, kind, reason);
    let paused = false;
    if (newFailedDay && schedule) {
      const after = await store.schedules.recordFailedDay(schedule.channelId, reason, now());
      paused = Boolean(after?.paused);
      if (paused) this.deps.logger.warn({ channelId: schedule.channelId, reason: after?.pauseReason }, 'briefing schedule paused');
    }
    return { status: 'failed', kind, reason, paused };
  }
}

function describeTaken(existing: Delivery | null): string {
  if (!existing) return 'slot taken';
  switch (existing.status) {
    case 'posted':
      return `already posted today (${existing.postedAt ?? existing.claimedAt})`;
    case 'empty':
      return 'already done today: nothing new to post';
    case 'claimed':
      return 'a post for today is already in progress';
    case 'failed':
      return `today's post failed: ${existing.error ?? 'unknown error'}`;
  }
}
