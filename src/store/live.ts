// The live ledger: one row per (channel, key), the live-post twin of the deliveries ledger. The primary key
// is the claim: `INSERT … ON CONFLICT DO NOTHING` lets exactly one caller (of any process) create a row, and
// every later write applies only to a claim its caller holds. Implements src/delivery/live's LiveLedgerPort.
import type { ClaimRequest, LiveJob, LiveLedgerPort, LiveRecord, LiveStatus } from '../delivery/live';
import type { Db } from './open';
import { Statements } from './statements';

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

const HELD = `channel_id = ? AND key = ? AND status = 'claimed' AND owner = ?`;

export class SqliteLiveLedger implements LiveLedgerPort {
  private readonly statements: Statements;
  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  async get(channelId: string, key: string): Promise<LiveRecord | null> {
    const r = this.sql('SELECT * FROM live_posts WHERE channel_id = ? AND key = ?').get(channelId, key) as RawPost | undefined;
    return r ? fromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<boolean> {
    const info = this.sql(
      `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, job, owner, claimed_at)
       VALUES (?, ?, ?, ?, 'claimed', ?, ?, ?)
       ON CONFLICT (channel_id, key) DO NOTHING`,
    ).run(req.channelId, req.key, req.subscriptionId, req.storyId, JSON.stringify(req.job), req.owner, req.now.toISOString());
    return info.changes === 1;
  }

  async skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void> {
    this.sql(
      `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, reason, claimed_at)
       VALUES (?, ?, ?, ?, 'skipped', ?, ?)
       ON CONFLICT (channel_id, key) DO NOTHING`,
    ).run(req.channelId, req.key, req.subscriptionId, req.storyId, req.reason, req.now.toISOString());
  }

  async posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean> {
    const info = this.sql(`UPDATE live_posts SET status = 'posted', message_id = ?, posted_at = ? WHERE ${HELD}`).run(
      messageId,
      now.toISOString(),
      channelId,
      key,
      owner,
    );
    return info.changes === 1;
  }

  async failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean> {
    return this.sql(`UPDATE live_posts SET status = 'failed', reason = ? WHERE ${HELD}`).run(reason, channelId, key, owner).changes === 1;
  }

  async noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void> {
    this.sql(`UPDATE live_posts SET attempts = attempts + 1, reason = ? WHERE ${HELD}`).run(reason, channelId, key, owner);
  }

  /** Compare-and-swap on owner and claim time: of two processes racing for a stale claim, one wins. */
  async takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean> {
    const info = this.sql(
      `UPDATE live_posts SET owner = ?, claimed_at = ?, attempts = attempts + 1
       WHERE channel_id = ? AND key = ? AND status = 'claimed' AND owner IS ? AND claimed_at = ?`,
    ).run(owner, now.toISOString(), seen.channelId, seen.key, seen.owner, seen.claimedAt);
    return info.changes === 1;
  }

  async unfinished(): Promise<LiveRecord[]> {
    const rows = this.sql(`SELECT * FROM live_posts WHERE status = 'claimed' ORDER BY claimed_at, channel_id, key`).all() as RawPost[];
    return rows.map(fromRaw);
  }

  async edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean> {
    // One transaction: an edit recorded without the post's grown job would let the next edit drop its outlet.
    return this.db.transaction(() => {
      const done = this.sql(`UPDATE live_posts SET status = 'posted', message_id = ?, posted_at = ? WHERE ${HELD}`).run(
        messageId,
        now.toISOString(),
        channelId,
        key,
        owner,
      );
      if (done.changes !== 1) return false;
      this.sql('UPDATE live_posts SET job = ? WHERE channel_id = ? AND key = ?').run(JSON.stringify(target.job), channelId, target.key);
      return true;
    })();
  }

  async setJob(channelId: string, key: string, job: LiveJob): Promise<void> {
    this.sql('UPDATE live_posts SET job = ? WHERE channel_id = ? AND key = ?').run(JSON.stringify(job), channelId, key);
  }

  async storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null> {
    const r = this.sql(
      `SELECT * FROM live_posts WHERE channel_id = ? AND story_id = ? AND status IN ('claimed', 'posted') AND claimed_at >= ?
       ORDER BY claimed_at LIMIT 1`,
    ).get(channelId, storyId, since.toISOString()) as RawPost | undefined;
    return r ? fromRaw(r) : null;
  }
}
