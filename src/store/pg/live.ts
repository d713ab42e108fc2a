// Live subscriptions and the live ledger on Postgres: the same rows and rules as src/store/live*.ts. The
// ledger's primary key (channel_id, key) is the claim, so exactly one caller of any host creates a row.
import type { ClaimRequest, LiveJob, LiveLedgerPort, LiveRecord } from '../../delivery/live';
import { fromRaw as postFromRaw, type RawPost } from '../live';
import { fromRaw, type LiveSubscriptionRow, type NewSubscription, type RawSubscription } from '../live-subscriptions';
import type { LiveSubscriptionStore } from '../ports';
import type { PgDb } from './db';

const HELD = `channel_id = $1 AND key = $2 AND status = 'claimed' AND owner = $3`;

export class PgLiveLedger implements LiveLedgerPort {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string, key: string): Promise<LiveRecord | null> {
    const r = await this.db.one<RawPost>('SELECT * FROM live_posts WHERE channel_id = $1 AND key = $2', [channelId, key]);
    return r ? postFromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<boolean> {
    const n = await this.db.run(
      `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, job, owner, claimed_at)
       VALUES ($1, $2, $3, $4, 'claimed', $5, $6, $7) ON CONFLICT (channel_id, key) DO NOTHING`,
      [req.channelId, req.key, req.subscriptionId, req.storyId, JSON.stringify(req.job), req.owner, req.now.toISOString()],
    );
    return n === 1;
  }

  async skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void> {
    await this.db.run(
      `INSERT INTO live_posts (channel_id, key, subscription_id, story_id, status, reason, claimed_at)
       VALUES ($1, $2, $3, $4, 'skipped', $5, $6) ON CONFLICT (channel_id, key) DO NOTHING`,
      [req.channelId, req.key, req.subscriptionId, req.storyId, req.reason, req.now.toISOString()],
    );
  }

  async posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean> {
    const n = await this.db.run(`UPDATE live_posts SET status = 'posted', message_id = $4, posted_at = $5 WHERE ${HELD}`, [
      channelId,
      key,
      owner,
      messageId,
      now.toISOString(),
    ]);
    return n === 1;
  }

  async failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean> {
    return (await this.db.run(`UPDATE live_posts SET status = 'failed', reason = $4 WHERE ${HELD}`, [channelId, key, owner, reason])) === 1;
  }

  async noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void> {
    await this.db.run(`UPDATE live_posts SET attempts = attempts + 1, reason = $4 WHERE ${HELD}`, [channelId, key, owner, reason]);
  }

  async takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean> {
    const n = await this.db.run(
      `UPDATE live_posts SET owner = $1, claimed_at = $2, attempts = attempts + 1
       WHERE channel_id = $3 AND key = $4 AND status = 'claimed' AND owner IS NOT DISTINCT FROM $5 AND claimed_at = $6`,
      [owner, now.toISOString(), seen.channelId, seen.key, seen.owner, seen.claimedAt],
    );
    return n === 1;
  }

  async unfinished(): Promise<LiveRecord[]> {
    return (await this.db.rows<RawPost>(`SELECT * FROM live_posts WHERE status = 'claimed' ORDER BY claimed_at, channel_id, key`)).map(postFromRaw);
  }

  async edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean> {
    // One transaction, as on SQLite: the edit's row and the post's grown job land together or not at all.
    return this.db.tx(async (c) => {
      const done = await c.query(`UPDATE live_posts SET status = 'posted', message_id = $4, posted_at = $5 WHERE ${HELD}`, [
        channelId,
        key,
        owner,
        messageId,
        now.toISOString(),
      ]);
      if (done.rowCount !== 1) return false;
      await c.query('UPDATE live_posts SET job = $1 WHERE channel_id = $2 AND key = $3', [JSON.stringify(target.job), channelId, target.key]);
      return true;
    });
  }

  async setJob(channelId: string, key: string, job: LiveJob): Promise<void> {
    await this.db.run('UPDATE live_posts SET job = $1 WHERE channel_id = $2 AND key = $3', [JSON.stringify(job), channelId, key]);
  }

  async storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null> {
    const r = await this.db.one<RawPost>(
      `SELECT * FROM live_posts WHERE channel_id = $1 AND story_id = $2 AND status IN ('claimed', 'posted') AND claimed_at >= $3
       ORDER BY claimed_at LIMIT 1`,
      [channelId, storyId, since.toISOString()],
    );
    return r ? postFromRaw(r) : null;
  }
}

export class PgLiveSubscriptions implements LiveSubscriptionStore {
  constructor(private readonly db: PgDb) {}

  async upsert(sub: NewSubscription, now: Date): Promise<{ row: LiveSubscriptionRow; created: boolean }> {
    const before = await this.find(sub.channelId, sub.feedUrl);
    const r = await this.db.one<RawSubscription>(
      `INSERT INTO live_subscriptions (guild_id, channel_id, feed_url, source_name, filter_include, filter_exclude, filter_topic, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (channel_id, feed_url) DO UPDATE SET
         source_name = excluded.source_name, filter_include = excluded.filter_include,
         filter_exclude = excluded.filter_exclude, filter_topic = excluded.filter_topic,
         stopped_kind = NULL, stopped_reason = NULL
       RETURNING *`,
      [sub.guildId, sub.channelId, sub.feedUrl, sub.sourceName, sub.filter.include, sub.filter.exclude, sub.filter.topic, now.toISOString()],
    );
    return { row: fromRaw(r!), created: !before };
  }

  async find(channelId: string, feedUrl: string): Promise<LiveSubscriptionRow | null> {
    const r = await this.db.one<RawSubscription>('SELECT * FROM live_subscriptions WHERE channel_id = $1 AND feed_url = $2', [channelId, feedUrl]);
    return r ? fromRaw(r) : null;
  }

  async get(id: string): Promise<LiveSubscriptionRow | null> {
    if (!/^\d+$/.test(id)) return null;
    const r = await this.db.one<RawSubscription>('SELECT * FROM live_subscriptions WHERE id = $1', [id]);
    return r ? fromRaw(r) : null;
  }

  async remove(guildId: string, channelId: string, feedUrl: string): Promise<boolean> {
    return (
      (await this.db.run('DELETE FROM live_subscriptions WHERE guild_id = $1 AND channel_id = $2 AND feed_url = $3', [
        guildId,
        channelId,
        feedUrl,
      ])) === 1
    );
  }

  async removeFeed(guildId: string, feedUrl: string): Promise<number> {
    return this.db.run('DELETE FROM live_subscriptions WHERE guild_id = $1 AND feed_url = $2', [guildId, feedUrl]);
  }

  async forGuild(guildId: string): Promise<LiveSubscriptionRow[]> {
    return (await this.db.rows<RawSubscription>('SELECT * FROM live_subscriptions WHERE guild_id = $1 ORDER BY feed_url, channel_id', [guildId])).map(
      fromRaw,
    );
  }

  async forFeed(feedUrl: string): Promise<LiveSubscriptionRow[]> {
    return (await this.db.rows<RawSubscription>('SELECT * FROM live_subscriptions WHERE feed_url = $1 ORDER BY id', [feedUrl])).map(fromRaw);
  }

  async inChannel(channelId: string): Promise<LiveSubscriptionRow[]> {
    return (await this.db.rows<RawSubscription>('SELECT * FROM live_subscriptions WHERE channel_id = $1 ORDER BY id', [channelId])).map(fromRaw);
  }

  async markFirstPoll(id: string, now: Date): Promise<void> {
    await this.db.run('UPDATE live_subscriptions SET first_polled_at = $1 WHERE id = $2 AND first_polled_at IS NULL', [now.toISOString(), id]);
  }

  async stop(id: string, kind: string, reason: string): Promise<void> {
    await this.db.run('UPDATE live_subscriptions SET stopped_kind = $1, stopped_reason = $2 WHERE id = $3', [kind, reason, id]);
  }
}
