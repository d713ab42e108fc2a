// Live subscriptions: a feed posting its new articles to a channel, with the filter an admin typed (stored
// as its canonical text, which parses back to the same filter), the first-poll marker and why it stopped.
import type { Db } from './open';
import type { LiveSubscriptionStore } from './ports';
import { LIVE_SUBSCRIPTION_SQL as SQL } from './sql/live';
import { preparedOn, type Prepare } from './statements';

export interface StoredFilter {
  include: string;
  exclude: string;
  topic: string;
}

export interface LiveSubscriptionRow {
  id: string;
  guildId: string;
  channelId: string;
  feedUrl: string;
  sourceName: string;
  filter: StoredFilter;
  createdAt: string;
  firstPolledAt: string | null;
  stoppedKind: string | null;
  stoppedReason: string | null;
}

export interface NewSubscription {
  guildId: string;
  channelId: string;
  feedUrl: string;
  sourceName: string;
  filter: StoredFilter;
}

export interface RawSubscription {
  id: number;
  guild_id: string;
  channel_id: string;
  feed_url: string;
  source_name: string;
  filter_include: string;
  filter_exclude: string;
  filter_topic: string;
  created_at: string;
  first_polled_at: string | null;
  stopped_kind: string | null;
  stopped_reason: string | null;
}

export function fromRaw(r: RawSubscription): LiveSubscriptionRow {
  return {
    id: String(r.id),
    guildId: r.guild_id,
    channelId: r.channel_id,
    feedUrl: r.feed_url,
    sourceName: r.source_name,
    filter: { include: r.filter_include, exclude: r.filter_exclude, topic: r.filter_topic },
    createdAt: r.created_at,
    firstPolledAt: r.first_polled_at,
    stoppedKind: r.stopped_kind,
    stoppedReason: r.stopped_reason,
  };
}

/** LIVE_SUBSCRIPTION_SQL.upsert's values. */
export function upsertValues(sub: NewSubscription, now: Date): string[] {
  const { guildId, channelId, feedUrl, sourceName, filter } = sub;
  return [guildId, channelId, feedUrl, sourceName, filter.include, filter.exclude, filter.topic, now.toISOString()];
}

export class LiveSubscriptionRepo implements LiveSubscriptionStore {
  private readonly sql: Prepare;
  constructor(db: Db) {
    this.sql = preparedOn(db);
  }

  /**
   * Subscribes a channel to a feed, or changes the filter of the subscription it has. Watching again restarts
   * a stopped subscription (the admin fixed the channel) without a new first poll: what came in meanwhile is
   * recorded by the ledger's age rule, not posted in a flood.
   */
  async upsert(sub: NewSubscription, now: Date): Promise<{ row: LiveSubscriptionRow; created: boolean }> {
    const before = this.findNow(sub.channelId, sub.feedUrl);
    this.sql(SQL.upsert).run(...upsertValues(sub, now));
    const row = this.findNow(sub.channelId, sub.feedUrl);
    if (!row) throw new Error(`live subscription for ${sub.feedUrl} in ${sub.channelId} vanished after being written`);
    return { row, created: !before };
  }

  async find(channelId: string, feedUrl: string): Promise<LiveSubscriptionRow | null> {
    return this.findNow(channelId, feedUrl);
  }

  private findNow(channelId: string, feedUrl: string): LiveSubscriptionRow | null {
    const r = this.sql(SQL.find).get(channelId, feedUrl) as RawSubscription | undefined;
    return r ? fromRaw(r) : null;
  }

  async get(id: string): Promise<LiveSubscriptionRow | null> {
    const r = this.sql(SQL.get).get(Number(id)) as RawSubscription | undefined;
    return r ? fromRaw(r) : null;
  }

  /** A guild's subscriptions: removing one needs the guild, so one server never touches another's. */
  async remove(guildId: string, channelId: string, feedUrl: string): Promise<boolean> {
    return this.sql(SQL.remove).run(guildId, channelId, feedUrl).changes === 1;
  }

  /** Every subscription of a guild to a feed (the feed left the guild's sources). */
  async removeFeed(guildId: string, feedUrl: string): Promise<number> {
    return this.sql(SQL.removeFeed).run(guildId, feedUrl).changes;
  }

  async forGuild(guildId: string): Promise<LiveSubscriptionRow[]> {
    return (this.sql(SQL.forGuild).all(guildId) as RawSubscription[]).map(fromRaw);
  }

  async forFeed(feedUrl: string): Promise<LiveSubscriptionRow[]> {
    return (this.sql(SQL.forFeed).all(feedUrl) as RawSubscription[]).map(fromRaw);
  }

  async inChannel(channelId: string): Promise<LiveSubscriptionRow[]> {
    return (this.sql(SQL.inChannel).all(channelId) as RawSubscription[]).map(fromRaw);
  }

  async markFirstPoll(id: string, now: Date): Promise<void> {
    this.sql(SQL.markFirstPoll).run(now.toISOString(), Number(id));
  }

  async stop(id: string, kind: string, reason: string): Promise<void> {
    this.sql(SQL.stop).run(kind, reason, Number(id));
  }
}
