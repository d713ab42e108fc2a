// Following feeds: read (four formats → FeedItem), discover (home page → feed), poll (state, backoff, reasons).
export type { FeedItem, FeedFormat, ParsedFeed } from './types';
export { parseFeedBytes, parseFeedText, FeedParseError } from './parse';
export { resolveFeed, feedLinksInHtml } from './discover';
export type { ResolvedFeed, FeedLink } from './discover';
export { DEFAULT_FEED_LEASE_MS, FeedPoller, feedKey } from './poller';
export type { PollerOptions, PollOutcome, PollStatus } from './poller';
export { CollectingSink } from './ports';
export type { FeedDescriptor, FeedItemSink, ItemChange, PollLogger } from './ports';
export { InMemoryFeedStateStore, freshState } from './state';
export type { FeedState, FeedStateStore, SeenItem } from './state';
export { describeFeedState } from './status';
export { canonicalLink } from './links';
