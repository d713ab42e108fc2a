// /sources watch|unwatch|list over the SQL subscriptions: the channel is checked with Discord (never the
// interaction payload), the filter parsed before anything is stored, and one server never sees another's.
import { filterInput, parseFilter } from '../../briefings';
import type { LiveSubscription } from '../../delivery/live';
import type { LiveAdmin, SubscriptionView, WatchRequest, WatchResult } from '../../delivery/live/service-types';
import type { ChannelPlace } from '../../schedule/channel-port';
import type { LiveSubscriptionRow } from '../../store/live-subscriptions';
import type { LiveSubscriptionStore } from '../../store/ports';

export interface LiveAdminDeps {
  subscriptions: LiveSubscriptionStore;
  /** Where Discord says the channel is (the scheduler's ChannelPort.locate). */
  locate: (channelId: string) => Promise<ChannelPlace | null>;
  now: () => Date;
}

/** A stored row as the poster plans with it. A stored filter always parses back (it was stored parsed). */
export function subscriptionOf(row: LiveSubscriptionRow): LiveSubscription {
  return {
    id: row.id,
    channelId: row.channelId,
    guildId: row.guildId,
    sourceId: row.feedUrl,
    sourceName: row.sourceName,
    filter: parseFilter(row.filter),
    createdAt: row.createdAt,
    firstPolledAt: row.firstPolledAt,
    stoppedReason: row.stoppedReason,
  };
}

function viewOf(row: LiveSubscriptionRow): SubscriptionView {
  const { id, channelId, feedUrl, sourceName, createdAt, firstPolledAt, stoppedReason } = row;
  return { id, channelId, feedUrl, sourceName, filter: parseFilter(row.filter), createdAt, firstPolledAt, stoppedReason };
}

export class StoreLiveAdmin implements LiveAdmin {
  constructor(private readonly deps: LiveAdminDeps) {}

  async watch(req: WatchRequest): Promise<WatchResult> {
    const filter = parseFilter(req.filter);
    const place = await this.deps.locate(req.channelId).catch(() => null);
    if (!place || place.guildId !== req.guildId) return { ok: false, problem: 'not-in-server' };
    if (!place.holdsMessages) return { ok: false, problem: 'cannot-hold-posts' };
    const before = await this.deps.subscriptions.find(req.channelId, req.feedUrl);
    if (before && before.guildId !== req.guildId) return { ok: false, problem: 'not-in-server' };
    const { row, created } = await this.deps.subscriptions.upsert(
      { guildId: req.guildId, channelId: req.channelId, feedUrl: req.feedUrl, sourceName: req.sourceName, filter: filterInput(filter) },
      this.deps.now(),
    );
    return { ok: true, subscription: viewOf(row), created, restarted: Boolean(before?.stoppedReason) };
  }

  unwatch(guildId: string, channelId: string, feedUrl: string): Promise<boolean> {
    return this.deps.subscriptions.remove(guildId, channelId, feedUrl);
  }

  unwatchFeed(guildId: string, feedUrl: string): Promise<number> {
    return this.deps.subscriptions.removeFeed(guildId, feedUrl);
  }

  async list(guildId: string): Promise<SubscriptionView[]> {
    return (await this.deps.subscriptions.forGuild(guildId)).map(viewOf);
  }
}
