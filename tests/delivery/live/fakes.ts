// In-memory ports for the live-post tests: a ledger with the SQL ledger's rules, subscriptions, a fake
// clock whose sleeps move time, and a channel stand-in that keeps what was posted and can be told to fail.
import { parseFilter, type FilterInput } from '../../../src/briefings/filters';
import type {
  ClaimRequest,
  FoundMessage,
  LiveArticle,
  LiveChannelPort,
  LiveFailureKind,
  LiveJob,
  LiveLedgerPort,
  LiveMessage,
  LiveRecord,
  LiveSubscription,
  SubscriptionPort,
} from '../../../src/delivery/live';

export class MemoryLedger implements LiveLedgerPort {
  readonly rows = new Map<string, LiveRecord>();
  private k = (channelId: string, key: string) => `${channelId}|${key}`;

  async get(channelId: string, key: string): Promise<LiveRecord | null> {
    const r = this.rows.get(this.k(channelId, key));
    return r ? structuredClone(r) : null;
  }
  async claim(req: ClaimRequest): Promise<boolean> {
    if (this.rows.has(this.k(req.channelId, req.key))) return false;
    this.rows.set(this.k(req.channelId, req.key), {
      channelId: req.channelId,
      key: req.key,
      subscriptionId: req.subscriptionId,
      storyId: req.storyId,
      status: 'claimed',
      job: structuredClone(req.job),
      reason: null,
      owner: req.owner,
      claimedAt: req.now.toISOString(),
      postedAt: null,
      messageId: null,
      attempts: 0,
    });
    return true;
  }
  async skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void> {
    if (this.rows.has(this.k(req.channelId, req.key))) return;
    this.rows.set(this.k(req.channelId, req.key), {
      channelId: req.channelId,
      key: req.key,
      subscriptionId: req.subscriptionId,
      storyId: req.storyId,
      status: 'skipped',
      job: null,
      reason: req.reason,
      owner: null,
      claimedAt: req.now.toISOString(),
      postedAt: null,
      messageId: null,
      attempts: 0,
    });
  }
  private held(channelId: string, key: string, owner: string): LiveRecord | null {
    const r = this.rows.get(this.k(channelId, key));
    return r && r.status === 'claimed' && r.owner === owner ? r : null;
  }
  async posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean> {
    const r = this.held(channelId, key, owner);
    if (!r) return false;
    Object.assign(r, { status: 'posted', messageId, postedAt: now.toISOString() });
    return true;
  }
  async failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean> {
    const r = this.held(channelId, key, owner);
    if (!r) return false;
    Object.assign(r, { status: 'failed', reason });
    return true;
  }
  async noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void> {
    const r = this.held(channelId, key, owner);
    if (r) Object.assign(r, { attempts: r.attempts + 1, reason });
  }
  async takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean> {
    const r = this.rows.get(this.k(seen.channelId, seen.key));
    if (!r || r.status !== 'claimed' || r.owner !== seen.owner || r.claimedAt !== seen.claimedAt) return false;
    Object.assign(r, { owner, claimedAt: now.toISOString(), attempts: r.attempts + 1 });
    return true;
  }
  async unfinished(): Promise<LiveRecord[]> {
    return [...this.rows.values()].filter((r) => r.status === 'claimed').map((r) => structuredClone(r));
  }
  async storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null> {
    const r = [...this.rows.values()].find(
      (x) =>
        x.channelId === channelId &&
        x.storyId === storyId &&
        (x.status === 'posted' || x.status === 'claimed') &&
        Date.parse(x.claimedAt) >= since.getTime(),
    );
    return r ? structuredClone(r) : null;
  }
  async edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean> {
    const r = this.held(channelId, key, owner);
    if (!r) return false;
    Object.assign(r, { status: 'posted', messageId, postedAt: now.toISOString() });
    const t = this.rows.get(this.k(channelId, target.key));
    if (t) t.job = structuredClone(target.job);
    return true;
  }
  async setJob(channelId: string, key: string, job: LiveJob): Promise<void> {
    const r = this.rows.get(this.k(channelId, key));
    if (r) r.job = structuredClone(job);
  }
  statusOf(channelId: string, key: string): string | undefined {
    return this.rows.get(this.k(channelId, key))?.status;
  }
}

export class MemorySubscriptions implements SubscriptionPort {
  readonly subs = new Map<string, LiveSubscription>();
  add(sub: LiveSubscription): LiveSubscription {
    this.subs.set(sub.id, sub);
    return sub;
  }
  async markFirstPoll(id: string, now: Date): Promise<void> {
    const s = this.subs.get(id);
    if (s && !s.firstPolledAt) s.firstPolledAt = now.toISOString();
  }
  async stop(id: string, _kind: LiveFailureKind, reason: string): Promise<void> {
    const s = this.subs.get(id);
    if (s) s.stoppedReason = reason;
  }
  async inChannel(channelId: string): Promise<LiveSubscription[]> {
    return [...this.subs.values()].filter((s) => s.channelId === channelId);
  }
}

/** Time that moves only when someone sleeps (or the test says so); every wait is kept. */
export class FakeClock {
  readonly waits: number[] = [];
  constructor(private ms = Date.parse('2026-11-29T12:00:00Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  sleep = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.ms += ms;
  };
}

export interface Posted {
  id: string;
  channelId: string;
  message: LiveMessage;
  at: number;
}

export interface Edit {
  channelId: string;
  messageId: string;
  message: LiveMessage;
}

type Fault = (message: LiveMessage) => { throw: unknown; landed?: boolean } | 'hang' | 'post-then-hang' | null;

/** The channel side: messages posted, with the marker as their footer text; faults injected per send. */
export class FakeChannels implements LiveChannelPort {
  readonly posted: Posted[] = [];
  readonly faults: Fault[] = [];
  /** Every edit that landed, and faults for the next edits (an error to throw, or a hang with or without the edit landing). */
  readonly edits: Edit[] = [];
  readonly editFaults: unknown[] = [];
  sends = 0;
  private next = 1;
  constructor(private readonly clock: FakeClock) {}

  async send(channelId: string, message: LiveMessage): Promise<{ id: string }> {
    this.sends++;
    const fault = this.faults.shift()?.(message) ?? null;
    if (fault === 'hang') return new Promise(() => undefined);
    if (fault === 'post-then-hang') {
      this.store(channelId, message);
      return new Promise(() => undefined);
    }
    if (fault) {
      if (fault.landed) this.store(channelId, message);
      throw fault.throw;
    }
    return { id: this.store(channelId, message) };
  }
  async edit(channelId: string, messageId: string, message: LiveMessage): Promise<void> {
    const fault = this.editFaults.shift();
    if (fault === 'hang') return new Promise(() => undefined);
    if (fault !== undefined && fault !== 'edit-then-hang') throw fault;
    const post = this.posted.find((p) => p.channelId === channelId && p.id === messageId);
    if (!post) throw discordError(404, { code: 10008, message: 'Unknown Message' });
    post.message = message;
    this.edits.push({ channelId, messageId, message });
    if (fault === 'edit-then-hang') return new Promise(() => undefined);
  }
  /** Someone deleted one of our messages. */
  deleteMessage(messageId: string): void {
    this.posted.splice(
      this.posted.findIndex((p) => p.id === messageId),
      1,
    );
  }
  private store(channelId: string, message: LiveMessage): string {
    const id = `m${this.next++}`;
    this.posted.push({ id, channelId, message, at: this.clock.now().getTime() });
    return id;
  }
  async ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]> {
    return this.posted
      .filter((p) => p.channelId === channelId && p.at >= since.getTime())
      .reverse()
      .slice(0, max)
      .map((p) => ({ id: p.id, text: p.message.marker }));
  }
  articleIdsIn(channelId: string): string[] {
    return this.posted
      .filter((p) => p.channelId === channelId && p.message.kind === 'article')
      .map((p) => (p.message as { article: LiveArticle }).article.id);
  }
}

export function discordError(status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, ...extra });
}

let n = 0;
export function makeArticle(clock: FakeClock, over: Partial<LiveArticle> & { minutesAgo?: number } = {}): LiveArticle {
  n++;
  const { minutesAgo = 5, ...rest } = over;
  return {
    id: `article-${n}`,
    title: `Headline number ${n}`,
    url: `https://news.example/${n}`,
    source: 'Example News',
    publishedAt: new Date(clock.now().getTime() - minutesAgo * 60_000).toISOString(),
    seenAt: clock.now().toISOString(),
    summary: ['Something happened.'],
    quote: null,
    teaser: false,
    paragraphs: [],
    ...rest,
  };
}

export function makeSubscription(
  clock: FakeClock,
  over: Partial<Omit<LiveSubscription, 'filter'>> & { filter?: FilterInput } = {},
): LiveSubscription {
  const { filter, ...rest } = over;
  return {
    id: 'sub-1',
    channelId: '100000000000000001',
    guildId: '200000000000000001',
    sourceId: 'src-1',
    sourceName: 'Example News',
    filter: parseFilter(filter ?? {}),
    createdAt: clock.now().toISOString(),
    firstPolledAt: clock.now().toISOString(),
    stoppedReason: null,
    ...rest,
  };
}
