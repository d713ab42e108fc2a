// What /sources asks of live posts: subscribe a channel to a feed (with a filter), unsubscribe, list. The
// Discord side implements it (src/discord/live/live-service.ts); commands depend on this only.
import type { FilterInput, SubscriptionFilter } from '../../briefings';

export interface SubscriptionView {
  id: string;
  channelId: string;
  feedUrl: string;
  sourceName: string;
  filter: SubscriptionFilter;
  createdAt: string;
  /** Null until the first poll after subscribing (which posts nothing). */
  firstPolledAt: string | null;
  stoppedReason: string | null;
}

export interface WatchRequest {
  guildId: string;
  channelId: string;
  feedUrl: string;
  sourceName: string;
  /** As typed; parsed (and refused with FilterInputError) before anything is stored. */
  filter: FilterInput;
}

/** Why a channel cannot take live posts: another server's (or unseen), or not a text/announcement channel. */
export type ChannelProblem = 'not-in-server' | 'cannot-hold-posts';

export type WatchResult = { ok: true; subscription: SubscriptionView; created: boolean; restarted: boolean } | { ok: false; problem: ChannelProblem };

export interface LiveAdmin {
  /** Checks the channel with Discord, parses the filter (throws FilterInputError), then subscribes or updates. */
  watch(req: WatchRequest): Promise<WatchResult>;
  /** False: the channel had no subscription to that feed in this server. */
  unwatch(guildId: string, channelId: string, feedUrl: string): Promise<boolean>;
  /** Every subscription of the guild to the feed goes (the feed left the guild's sources). */
  unwatchFeed(guildId: string, feedUrl: string): Promise<number>;
  list(guildId: string): Promise<SubscriptionView[]>;
}
