// Live posts, end to end through ports: plan each channel's round, record what will never be posted, claim
// what will (claim before post: the claim is the durable queue), and send one message at a time per channel.
// A crash between claim and post leaves the row claimed; the next start looks for the post's marker before
// sending, as the daily briefing does, so nothing is lost and nothing is doubled.
import { runEdit } from './edit';
import { liveMarker, liveNonce } from './marker';
import { articleTime, DEFAULT_LIVE_MAX_AGE_MS, planChannelRound, type ChannelPlan, type PollBatch } from './plan';
import { findMarked, SendFailure, sendWithRetry, ShutdownError } from './send';
import type {
  ArticleLookup,
  ErrorClassifier,
  LiveChannelPort,
  LiveJob,
  LiveLedgerPort,
  LiveMessage,
  LiveRecord,
  StoryMembers,
  StoryOf,
  SubscriptionPort,
} from './types';

export interface LivePosterDeps {
  ledger: LiveLedgerPort;
  subscriptions: SubscriptionPort;
  port: LiveChannelPort;
  classify: ErrorClassifier;
  articles: ArticleLookup;
  storyOf: StoryOf;
  /** The story's members now (see PlanOptions.storyMembers); without it only story keys are compared. */
  storyMembers?: StoryMembers;
  owner: string;
  /** Whether another holder's claim may be taken over (src/schedule/owner.ts claimIsStale fits: holder gone, or lease run out). */
  claimIsStale: (holder: string, claimedAt: string, me: string, now: Date) => boolean;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  logger: { info(o: object, m: string): void; warn(o: object, m: string): void; error(o: object, m: string): void };
  maxAgeMs?: number;
  burstCap?: number;
  /** Pause between two posts in one channel: a burst goes out at a steady rate (Discord allows 5 per 5 s). */
  spacingMs?: number;
  backoffMs?: readonly number[];
}

export const DEFAULT_SPACING_MS = 1_500;
/** How long another process's library may lag behind the article it claimed a post for (it follows the store). */
export const LIBRARY_CATCH_UP_MS = 60_000;
/** How far back to look for a post's marker before its claim time (clock skew between processes). */
const SEARCH_SLACK_MS = 5 * 60_000;

interface Job {
  record: LiveRecord;
  searchFirst: boolean;
}

export class LivePoster {
  private readonly queues = new Map<string, Promise<void>>();
  /** Keys queued in this process, so resuming does not queue them twice. */
  private readonly queued = new Set<string>();
  /** Channels that stopped taking posts this round (permissions, gone, Discord down). */
  private readonly halted = new Map<string, SendFailure>();
  private shuttingDown = false;
  /** Rounds and resumes run one at a time: a round's claims are in the ledger before the next round plans. */
  private rounds: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LivePosterDeps) {}

  private get maxAgeMs(): number {
    return this.deps.maxAgeMs ?? DEFAULT_LIVE_MAX_AGE_MS;
  }

  /** Ends waits; claims not yet sent stay claimed for the next start. */
  shutdown(): void {
    this.shuttingDown = true;
  }

  /** Waits until every queued post has been sent or given up. */
  async idle(): Promise<void> {
    await this.rounds;
    while (this.queues.size) await Promise.all([...this.queues.values()]);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.rounds.then(fn);
    this.rounds = next.catch(() => undefined);
    return next;
  }

  /** One poll round: every channel's new articles. Returns the plans (for logs and tests). */
  round(batches: PollBatch[]): Promise<ChannelPlan[]> {
    return this.serial(async () => {
      this.halted.clear();
      await this.resumeNow();
      const plans: ChannelPlan[] = [];
      for (const channelId of new Set(batches.map((b) => b.subscription.channelId))) plans.push(await this.planAndRecord(channelId, batches));
      return plans;
    });
  }

  private async planAndRecord(channelId: string, batches: PollBatch[]): Promise<ChannelPlan> {
    const now = this.deps.now();
    const plan = await planChannelRound(channelId, batches, {
      ledger: this.deps.ledger,
      storyOf: this.deps.storyOf,
      storyMembers: this.deps.storyMembers,
      now,
      maxAgeMs: this.maxAgeMs,
      burstCap: this.deps.burstCap,
    });
    await this.record(plan, now);
    return plan;
  }

  private async record(plan: ChannelPlan, now: Date): Promise<void> {
    const { ledger, owner } = this.deps;
    for (const s of plan.skips) {
      await ledger.skip({ channelId: plan.channelId, key: s.articleId, subscriptionId: s.subscriptionId, storyId: s.storyId, reason: s.reason, now });
    }
    for (const id of plan.firstPolls) await this.deps.subscriptions.markFirstPoll(id, now);
    const claims: { key: string; subscriptionId: string; storyId: string | null; job: LiveJob }[] = [
      ...plan.posts.map((p) => ({
        key: p.article.id,
        subscriptionId: p.subscriptionId,
        storyId: p.storyId,
        job: { kind: 'article' as const, articleId: p.article.id, alsoReportedBy: p.alsoReportedBy, source: p.article.source },
      })),
      ...plan.edits.map((e) => ({
        key: e.article.id,
        subscriptionId: e.subscriptionId,
        storyId: e.storyId,
        job: { kind: 'edit' as const, articleId: e.article.id, targetKey: e.targetKey, reports: e.reports },
      })),
      ...plan.summaries.map((s) => ({
        key: `summary:${s.subscriptionId}:${s.firstArticleId}`,
        subscriptionId: s.subscriptionId,
        storyId: null,
        job: { kind: 'summary' as const, sourceName: s.sourceName, count: s.count },
      })),
    ];
    for (const c of claims) {
      if (!(await ledger.claim({ channelId: plan.channelId, ...c, owner, now }))) continue;
      const record = await ledger.get(plan.channelId, c.key);
      if (record) this.enqueue({ record, searchFirst: false });
    }
  }

  /**
   * Claims left by a crashed process (or by a round that Discord cut short) go back in the queue, marker
   * check first. A claim another live process is working on is left alone until its lease runs out.
   */
  resumeUnfinished(): Promise<void> {
    return this.serial(() => this.resumeNow());
  }

  private async resumeNow(): Promise<void> {
    const { ledger, owner } = this.deps;
    const now = this.deps.now();
    for (const record of await ledger.unfinished()) {
      if (this.queued.has(queueKey(record.channelId, record.key))) continue;
      if (record.owner !== owner) {
        if (!record.owner || !this.deps.claimIsStale(record.owner, record.claimedAt, owner, now)) continue;
        if (await this.notHereYet(record, now)) continue;
        if (!(await ledger.takeOver(record, owner, now))) continue; // another process took it first
      }
      const mine = await ledger.get(record.channelId, record.key);
      if (mine) this.enqueue({ record: mine, searchFirst: true });
    }
  }

  /**
   * Another process's fresh claim on an article this process's library has not read from the shared store yet
   * (libraries follow the store's changes a few seconds behind): taking it now would fail it as gone, so a
   * later round takes it. After LIBRARY_CATCH_UP_MS the article really is gone, and the claim is failed.
   */
  private async notHereYet(record: LiveRecord, now: Date): Promise<boolean> {
    if (record.job?.kind !== 'article' || (await this.deps.articles(record.job.articleId))) return false;
    return now.getTime() - Date.parse(record.claimedAt) < LIBRARY_CATCH_UP_MS;
  }

  private enqueue(job: Job): void {
    const { channelId, key } = job.record;
    this.queued.add(queueKey(channelId, key));
    const before = this.queues.get(channelId) ?? Promise.resolve();
    const next = before
      .then(() => this.run(job))
      .catch((error: unknown) => this.deps.logger.error({ channelId, key, error: String(error) }, 'live post job crashed'))
      .finally(() => this.queued.delete(queueKey(channelId, key)));
    this.queues.set(channelId, next);
    void next.then(() => {
      if (this.queues.get(channelId) === next) this.queues.delete(channelId);
    });
  }

  private async run(job: Job): Promise<void> {
    const { record } = job;
    const halt = this.halted.get(record.channelId);
    if (halt) {
      // The channel refused us this round: a permanent reason fails the claim; a transient one leaves it claimed for the next round.
      if (halt.kind !== 'transient') await this.deps.ledger.failed(record.channelId, record.key, this.deps.owner, halt.reason);
      return;
    }
    if (this.shuttingDown) return;
    if (record.job?.kind === 'edit') {
      if ((await runEdit(this.deps, this.sendDeps(record), record, record.job)) === 'edited')
        await this.deps.sleep(this.deps.spacingMs ?? DEFAULT_SPACING_MS);
      return;
    }
    const message = await this.messageFor(record);
    if (!message) return;
    try {
      const since = new Date(Date.parse(record.claimedAt) - SEARCH_SLACK_MS);
      const found = job.searchFirst ? await findMarked(this.deps.port, record.channelId, message.marker, since) : null;
      if (found) return await this.finish(record, found, true);
      if (job.searchFirst && message.kind === 'article' && this.deps.now().getTime() - articleTime(message.article) > this.maxAgeMs) {
        await this.deps.ledger.failed(record.channelId, record.key, this.deps.owner, 'interrupted, and older than LIVE_MAX_AGE when resumed');
        return;
      }
      const id = await sendWithRetry(this.sendDeps(record), record.channelId, message, since);
      await this.finish(record, id, false);
      await this.deps.sleep(this.deps.spacingMs ?? DEFAULT_SPACING_MS);
    } catch (error) {
      await this.onError(record, error);
    }
  }

  private sendDeps(record: LiveRecord) {
    return {
      port: this.deps.port,
      classify: this.deps.classify,
      sleep: this.deps.sleep,
      isShuttingDown: () => this.shuttingDown,
      backoffMs: this.deps.backoffMs,
      onRetry: async (info: { attempt: number; reason: string; waitMs: number }) => {
        await this.deps.ledger.noteAttempt(record.channelId, record.key, this.deps.owner, info.reason);
        this.deps.logger.warn({ channelId: record.channelId, key: record.key, ...info }, 'live post send failed; retrying');
      },
    };
  }

  /** The message a claim stands for, rebuilt from its job; null (and the claim failed) when that is impossible. */
  private async messageFor(record: LiveRecord): Promise<LiveMessage | null> {
    const marker = liveMarker(record.channelId, record.key);
    const nonce = liveNonce(record.channelId, record.key);
    const job = record.job?.kind === 'edit' ? null : record.job;
    if (job?.kind === 'summary') return { kind: 'summary', marker, nonce, sourceName: job.sourceName, count: job.count };
    const article = job ? await this.deps.articles(job.articleId) : null;
    if (job && article) return { kind: 'article', marker, nonce, article, alsoReportedBy: job.alsoReportedBy };
    await this.deps.ledger.failed(record.channelId, record.key, this.deps.owner, 'article no longer in the library');
    return null;
  }

  private async finish(record: LiveRecord, messageId: string, recovered: boolean): Promise<void> {
    await this.deps.ledger.posted(record.channelId, record.key, this.deps.owner, messageId, this.deps.now());
    this.deps.logger.info({ channelId: record.channelId, key: record.key, messageId, recovered }, 'live post sent');
  }

  private async onError(record: LiveRecord, error: unknown): Promise<void> {
    const { ledger, owner, logger } = this.deps;
    if (error instanceof ShutdownError) return;
    const failure = error instanceof SendFailure ? error : new SendFailure('unknown', String(error));
    if (failure.kind === 'transient') {
      // Discord is unwell: keep the claim (the next round resumes it, marker check first) and rest this channel.
      await ledger.noteAttempt(record.channelId, record.key, owner, failure.reason);
      this.halted.set(record.channelId, failure);
      logger.warn({ channelId: record.channelId, key: record.key, reason: failure.reason }, 'live post deferred to the next round');
      return;
    }
    await ledger.failed(record.channelId, record.key, owner, failure.reason);
    if (failure.kind === 'permissions' || failure.kind === 'gone') {
      this.halted.set(record.channelId, failure);
      for (const sub of await this.deps.subscriptions.inChannel(record.channelId)) {
        await this.deps.subscriptions.stop(sub.id, failure.kind, failure.reason);
      }
      logger.warn({ channelId: record.channelId, reason: failure.reason }, 'live subscriptions stopped: cannot post in channel');
      return;
    }
    logger.error({ channelId: record.channelId, key: record.key, reason: failure.reason }, 'live post failed');
  }
}

function queueKey(channelId: string, key: string): string {
  return `${channelId}\u0000${key}`;
}
