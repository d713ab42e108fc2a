// Live posts: planning (plan.ts), sending with retries (send.ts) and the per-channel queue over the ledger (poster.ts).
export { liveMarker, liveNonce } from './marker';
export {
  articleTime,
  DEFAULT_BURST_CAP,
  DEFAULT_LIVE_MAX_AGE_MS,
  planChannelRound,
  type BurstSummary,
  type ChannelPlan,
  type PlannedPost,
  type PlannedSkip,
  type PollBatch,
} from './plan';
export { DEFAULT_SPACING_MS, LivePoster, type LivePosterDeps } from './poster';
export { liveStoryPorts, type LiveStoryPorts } from './stories';
export { retryAfterMs } from './retry-after';
export { StoryKeys } from './story-keys';
export { DEFAULT_BACKOFF_MS, MAX_RATE_LIMIT_WAITS, SendFailure } from './send';
export type * from './types';
