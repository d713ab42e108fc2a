// The live ledger: one row per (channel, key), the live-post twin of the deliveries ledger. The primary key
// is the claim: `INSERT … ON CONFLICT DO NOTHING` lets exactly one caller (of any process) create a row, and
// every later write applies only to a claim its caller holds. Implements src/delivery/live's LiveLedgerPort.
import type { ClaimRequest, LiveJob, LiveLedgerPort, LiveRecord, LiveStatus } from '../delivery/live';
import type { Db } from './open';
import { LIVE_LEDGER_SQL as SQL } from './sql/live';
import { preparedOn, type Prepare } from './statements';

export interface RawPost {
  channel_id: string;
  key: string;
  subscription_id: string;
  story_id: string | null;
  status: LiveStatus;
  job: string | null;
  reason: string | null;
  owner: string | null;
  claimed_at: string;
  posted_at: string | null;
  message_id: string | null;
  attempts: number;
}

export function fromRaw(r: RawPost): LiveRecord {
  return {
    channelId: r.channel_id,
    key: r.key,
    subscriptionId: r.subscription_id,
    storyId: r.story_id,
    status: r.status,
    job: r.job ? (JSON.parse(r.job) as LiveJob) : null,
    reason: r.reason,
    owner: r.owner,
    claimedAt: r.claimed_at,
    postedAt: r.posted_at,
    messageId: r.message_id,
    attempts: r.attempts,
  };
}

/** LIVE_LEDGER_SQL.claim's values. */
export function claimValues(req: ClaimRequest): (string | null)[] {
  return [req.channelId, req.key, req.subscriptionId, req.storyId, JSON.stringify(req.job), req.owner, req.now.toISOString()];
}

/** LIVE_LEDGER_SQL.skip's values. */
export function skipValues(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): (string | null)[] {
  return [req.channelId, req.key, req.subscriptionId, req.storyId, req.reason, req.now.toISOString()];
}

/** LIVE_LEDGER_SQL.takeOver's values. */
export function takeOverValues(seen: LiveRecord, owner: string, now: Date): (string | null)[] {
  return [owner, now.toISOString(), seen.channelId, seen.key, seen.owner, seen.claimedAt];
}

export class SqliteLiveLedger implements LiveLedgerPort {
  private readonly sql: Prepare;
  constructor(private readonly db: Db) {
    this.sql = preparedOn(db);
  }

  async get(channelId: string, key: string): Promise<LiveRecord | null> {
    const r = this.sql(SQL.get).get(channelId, key) as RawPost | undefined;
    return r ? fromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<boolean> {
    return this.sql(SQL.claim).run(...claimValues(req)).changes === 1;
  }

  async skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void> {
    this.sql(SQL.skip).run(...skipValues(req));
  }

  async posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean> {
    return this.sql(SQL.posted).run(messageId, now.toISOString(), channelId, key, owner).changes === 1;
  }

  async failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean> {
    return this.sql(SQL.failed).run(reason, channelId, key, owner).changes === 1;
  }

  async noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void> {
    this.sql(SQL.noteAttempt).run(reason, channelId, key, owner);
  }

  /** Compare-and-swap on owner and claim time: of two processes racing for a stale claim, one wins. */
  async takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean> {
    return this.sql(SQL.takeOver).run(...takeOverValues(seen, owner, now)).changes === 1;
  }

  async unfinished(): Promise<LiveRecord[]> {
    return (this.sql(SQL.unfinished).all() as RawPost[]).map(fromRaw);
  }

  async edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean> {
    // One transaction: an edit recorded without the post's grown job would let the next edit drop its outlet.
    return this.db.transaction(() => {
      if (this.sql(SQL.posted).run(messageId, now.toISOString(), channelId, key, owner).changes !== 1) return false;
      this.sql(SQL.setJob).run(JSON.stringify(target.job), channelId, target.key);
      return true;
    })();
  }

  async setJob(channelId: string, key: string, job: LiveJob): Promise<void> {
    this.sql(SQL.setJob).run(JSON.stringify(job), channelId, key);
  }

  async storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null> {
    const r = this.sql(SQL.storyPostedSince).get(channelId, storyId, since.toISOString()) as RawPost | undefined;
    return r ? fromRaw(r) : null;
  }
}
