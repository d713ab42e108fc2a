// Live subscriptions: a feed posting its new articles to a channel, with the filter an admin typed (stored
// as its canonical text, which parses back to the same filter), the first-poll marker and why it stopped.
import type { Db } from './open';
import type { LiveSubscriptionStore } from './ports';
import { Statements } from './statements';

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

export class LiveSubscriptionRepo implements LiveSubscriptionStore {
  private readonly statements: Statements;
  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  /**
   * Subscribes a channel to a feed, or changes the filter of the subscription it has. Watching again restarts
   * a stopped subscription (the admin fixed the channel) without a new first poll: what came in meanwhile is
   * recorded by the ledger's age rule, not posted in a flood.
   */
  async upsert(sub: NewSubscription, now: Date): Promise<{ row: LiveSubscriptionRow; created: boolean }> {
    const before = this.findNow(sub.channelId, sub.feedUrl);
    this.sql(
      `INSERT INTO live_subscriptions (guild_id, channel_id, feed_url, source_name, filter_include, filter_exclude, filter_topic, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, feed_url) DO UPDATE SET
         source_name = excluded.source_name, filter_include = excluded.filter_include,
         filter_exclude = excluded.filter_exclude, filter_topic = excluded.filter_topic,
         stopped_kind = NULL, stopped_reason = NULL`,
    ).run(sub.guildId, sub.channelId, sub.feedUrl, sub.sourceName, sub.filter.include, sub.filter.exclude, sub.filter.topic, now.toISOString());
    const row = this.findNow(sub.channelId, sub.feedUrl);
    if (!row) throw new Error(`live subscription for ${sub.feedUrl} in ${sub.channelId} vanished after being written`);
    return { row, created: !before };
  }

  async find(channelId: string, feedUrl: string): Promise<LiveSubscriptionRow | null> {
    return this.findNow(channelId, feedUrl);
  }

  private findNow(channelId: string, feedUrl: string): LiveSubscriptionRow | null {
    const r = this.sql('SELECT * FROM live_subscriptions WHERE channel_id = ? AND feed_url = ?').get(channelId, feedUrl) as
      RawSubscription | undefined;
    return r ? fromRaw(r) : null;
  }

  async get(id: string): Promise<LiveSubscriptionRow | null> {
    const r = this.sql('SELECT * FROM live_subscriptions WHERE id = ?').get(Number(id)) as RawSubscription | undefined;
    return r ? fromRaw(r) : null;
  }

  /** A guild's subscriptions: removing one needs the guild, so one server never touches another's. */
  async remove(guildId: string, channelId: string, feedUrl: string): Promise<boolean> {
    return (
      this.sql('DELETE FROM live_subscriptions WHERE guild_id = ? AND channel_id = ? AND feed_url = ?').run(guildId, channelId, feedUrl).changes === 1
    );
  }

  /** Every subscription of a guild to a feed (the feed left the guild's sources). */
  async removeFeed(guildId: string, feedUrl: string): Promise<number> {
    return this.sql('DELETE FROM live_subscriptions WHERE guild_id = ? AND feed_url = ?').run(guildId, feedUrl).changes;
  }

  async forGuild(guildId: string): Promise<LiveSubscriptionRow[]> {
    const rows = this.sql('SELECT * FROM live_subscriptions WHERE guild_id = ? ORDER BY feed_url, channel_id').all(guildId) as RawSubscription[];
    return rows.map(fromRaw);
  }

  async forFeed(feedUrl: string): Promise<LiveSubscriptionRow[]> {
    const rows = this.sql('SELECT * FROM live_subscriptions WHERE feed_url = ? ORDER BY id').all(feedUrl) as RawSubscription[];
    return rows.map(fromRaw);
  }

  async inChannel(channelId: string): Promise<LiveSubscriptionRow[]> {
    const rows = this.sql('SELECT * FROM live_subscriptions WHERE channel_id = ? ORDER BY id').all(channelId) as RawSubscription[];
    return rows.map(fromRaw);
  }

  async markFirstPoll(id: string, now: Date): Promise<void> {
    this.sql('UPDATE live_subscriptions SET first_polled_at = ? WHERE id = ? AND first_polled_at IS NULL').run(now.toISOString(), Number(id));
  }

  async stop(id: string, kind: string, reason: string): Promise<void> {
    this.sql('UPDATE live_subscriptions SET stopped_kind = ?, stopped_reason = ? WHERE id = ?').run(kind, reason, Number(id));
  }
}
