// Live subscriptions and the live ledger on Postgres: the same rows, rules and statements as src/store/live*.ts
// (src/store/sql/live.ts). The ledger's primary key (channel_id, key) is the claim, so exactly one caller of any
// host creates a row.
import type { ClaimRequest, LiveJob, LiveLedgerPort, LiveRecord } from '../../delivery/live';
import { claimValues, fromRaw as postFromRaw, skipValues, takeOverValues, type RawPost } from '../live';
import { fromRaw, upsertValues, type LiveSubscriptionRow, type NewSubscription, type RawSubscription } from '../live-subscriptions';
import type { LiveSubscriptionStore } from '../ports';
import { LIVE_LEDGER_SQL, LIVE_SUBSCRIPTION_SQL } from '../sql/live';
import type { PgDb } from './db';

export class PgLiveLedger implements LiveLedgerPort {
  constructor(private readonly db: PgDb) {}

  async get(channelId: string, key: string): Promise<LiveRecord | null> {
    const r = await this.db.one<RawPost>(LIVE_LEDGER_SQL.get, [channelId, key]);
    return r ? postFromRaw(r) : null;
  }

  async claim(req: ClaimRequest): Promise<boolean> {
    return (await this.db.run(LIVE_LEDGER_SQL.claim, claimValues(req))) === 1;
  }

  async skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void> {
    await this.db.run(LIVE_LEDGER_SQL.skip, skipValues(req));
  }

  async posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean> {
    return (await this.db.run(LIVE_LEDGER_SQL.posted, [messageId, now.toISOString(), channelId, key, owner])) === 1;
  }

  async failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean> {
    return (await this.db.run(LIVE_LEDGER_SQL.failed, [reason, channelId, key, owner])) === 1;
  }

  async noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void> {
    await this.db.run(LIVE_LEDGER_SQL.noteAttempt, [reason, channelId, key, owner]);
  }

  async takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean> {
    return (await this.db.run(LIVE_LEDGER_SQL.takeOver, takeOverValues(seen, owner, now))) === 1;
  }

  async unfinished(): Promise<LiveRecord[]> {
    return (await this.db.rows<RawPost>(LIVE_LEDGER_SQL.unfinished)).map(postFromRaw);
  }

  async edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean> {
    // One transaction, as on SQLite: the edit's row and the post's grown job land together or not at all.
    return this.db.tx(async (q) => {
      if ((await q.run(LIVE_LEDGER_SQL.posted, [messageId, now.toISOString(), channelId, key, owner])) !== 1) return false;
      await q.run(LIVE_LEDGER_SQL.setJob, [JSON.stringify(target.job), channelId, target.key]);
      return true;
    });
  }

  async setJob(channelId: string, key: string, job: LiveJob): Promise<void> {
    await this.db.run(LIVE_LEDGER_SQL.setJob, [JSON.stringify(job), channelId, key]);
  }

  async storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null> {
    const r = await this.db.one<RawPost>(LIVE_LEDGER_SQL.storyPostedSince, [channelId, storyId, since.toISOString()]);
    return r ? postFromRaw(r) : null;
  }
}

export class PgLiveSubscriptions implements LiveSubscriptionStore {
  constructor(private readonly db: PgDb) {}

  private async list(sql: string, value: string): Promise<LiveSubscriptionRow[]> {
    return (await this.db.rows<RawSubscription>(sql, [value])).map(fromRaw);
  }

  async upsert(sub: NewSubscription, now: Date): Promise<{ row: LiveSubscriptionRow; created: boolean }> {
    const before = await this.find(sub.channelId, sub.feedUrl);
    const r = await this.db.one<RawSubscription>(`${LIVE_SUBSCRIPTION_SQL.upsert} RETURNING *`, upsertValues(sub, now));
    return { row: fromRaw(r!), created: !before };
  }

  async find(channelId: string, feedUrl: string): Promise<LiveSubscriptionRow | null> {
    const r = await this.db.one<RawSubscription>(LIVE_SUBSCRIPTION_SQL.find, [channelId, feedUrl]);
    return r ? fromRaw(r) : null;
  }

  async get(id: string): Promise<LiveSubscriptionRow | null> {
    // The id column is a number: text that is not one would be a Postgres error, not "no such subscription".
    if (!/^\d+$/.test(id)) return null;
    const r = await this.db.one<RawSubscription>(LIVE_SUBSCRIPTION_SQL.get, [id]);
    return r ? fromRaw(r) : null;
  }

  async remove(guildId: string, channelId: string, feedUrl: string): Promise<boolean> {
    return (await this.db.run(LIVE_SUBSCRIPTION_SQL.remove, [guildId, channelId, feedUrl])) === 1;
  }

  async removeFeed(guildId: string, feedUrl: string): Promise<number> {
    return this.db.run(LIVE_SUBSCRIPTION_SQL.removeFeed, [guildId, feedUrl]);
  }

  forGuild(guildId: string): Promise<LiveSubscriptionRow[]> {
    return this.list(LIVE_SUBSCRIPTION_SQL.forGuild, guildId);
  }

  forFeed(feedUrl: string): Promise<LiveSubscriptionRow[]> {
    return this.list(LIVE_SUBSCRIPTION_SQL.forFeed, feedUrl);
  }

  inChannel(channelId: string): Promise<LiveSubscriptionRow[]> {
    return this.list(LIVE_SUBSCRIPTION_SQL.inChannel, channelId);
  }

  async markFirstPoll(id: string, now: Date): Promise<void> {
    await this.db.run(LIVE_SUBSCRIPTION_SQL.markFirstPoll, [now.toISOString(), id]);
  }

  async stop(id: string, kind: string, reason: string): Promise<void> {
    await this.db.run(LIVE_SUBSCRIPTION_SQL.stop, [kind, reason, id]);
  }
}
