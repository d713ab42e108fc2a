// Which new articles of a poll round a channel gets, and in what order. Reads the ledger, writes nothing:
// the poster records the skips and claims the posts.
import { applyFilter } from '../../briefings';
import type { LiveArticle, LiveLedgerPort, LiveRecord, LiveSubscription, OtherReport, StoryMembers, StoryOf } from './types';

export const DEFAULT_LIVE_MAX_AGE_MS = 24 * 3_600_000;
export const DEFAULT_BURST_CAP = 10;

/** The new articles one subscription's source brought in this round, oldest first. */
export interface PollBatch {
  subscription: LiveSubscription;
  articles: LiveArticle[];
}

export interface PlannedPost {
  subscriptionId: string;
  storyId: string | null;
  article: LiveArticle;
  alsoReportedBy: OtherReport[];
}

export interface PlannedSkip {
  subscriptionId: string;
  articleId: string;
  storyId: string | null;
  reason: string;
}

/** "and 180 more from X": the articles of one subscription past the burst cap. */
export interface BurstSummary {
  subscriptionId: string;
  sourceName: string;
  count: number;
  /** The first article left out: with the subscription, it names the summary in the ledger. */
  firstArticleId: string;
}

export interface ChannelPlan {
  channelId: string;
  posts: PlannedPost[];
  summaries: BurstSummary[];
  skips: PlannedSkip[];
  /** Subscriptions whose first poll this was (everything recorded, nothing posted). */
  firstPolls: string[];
}

export interface PlanOptions {
  ledger: Pick<LiveLedgerPort, 'get' | 'storyPostedSince'>;
  storyOf: StoryOf;
  /**
   * The story's members now. With it, "already posted" means a member of the story was posted (or claimed)
   * in this channel since LIVE_MAX_AGE, whatever story key it was recorded under: keys change as stories merge.
   */
  storyMembers?: StoryMembers;
  now: Date;
  maxAgeMs?: number;
  /** Posts per channel per round; the rest get one summary line per source. */
  burstCap?: number;
}

/** When an article came out: its own date, else when the poller first saw it; NaN when neither can be read. */
export function articleTime(a: LiveArticle): number {
  const published = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  return Number.isFinite(published) ? published : Date.parse(a.seenAt);
}

function sortTime(a: LiveArticle): number {
  const t = articleTime(a);
  return Number.isFinite(t) ? t : 0;
}

function inOrder(batches: PollBatch[]): { sub: LiveSubscription; article: LiveArticle }[] {
  const seen = new Set<string>();
  const all = batches.flatMap((b) => b.articles.map((article) => ({ sub: b.subscription, article })));
  return all
    .filter(({ article }) => !seen.has(article.id) && Boolean(seen.add(article.id)))
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => sortTime(a.article) - sortTime(b.article) || a.i - b.i);
}

/** Why an article will not be posted at all, or null when it may be. */
function skipReason(sub: LiveSubscription, article: LiveArticle, now: Date, maxAgeMs: number): string | null {
  if (!sub.firstPolledAt) return 'first poll of the subscription: recorded, not posted';
  const age = now.getTime() - articleTime(article);
  if (!Number.isFinite(age)) return 'no readable date: its age cannot be told';
  if (age > maxAgeMs) return 'older than LIVE_MAX_AGE';
  const verdict = applyFilter(sub.filter, article);
  return verdict.pass ? null : `filtered out: ${verdict.reason}`;
}

/** Whether a ledger row is a post (made or under way) of this channel since `since`. */
function postedSince(row: LiveRecord | null, since: Date): boolean {
  if (!row || (row.status !== 'posted' && row.status !== 'claimed')) return false;
  const at = Date.parse(row.postedAt ?? row.claimedAt);
  return Number.isFinite(at) && at >= since.getTime();
}

/** A story is posted in the channel when its key is in the ledger, or any of its other members is. */
async function storyPosted(channelId: string, articleId: string, storyId: string | null, since: Date, opts: PlanOptions): Promise<boolean> {
  if (storyId && (await opts.ledger.storyPostedSince(channelId, storyId, since))) return true;
  for (const m of opts.storyMembers?.(articleId) ?? []) {
    if (m !== articleId && postedSince(await opts.ledger.get(channelId, m), since)) return true;
  }
  return false;
}

/** Plans one channel's posts for one poll round (all its subscriptions together, so the burst cap is per channel). */
export async function planChannelRound(channelId: string, batches: PollBatch[], opts: PlanOptions): Promise<ChannelPlan> {
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_LIVE_MAX_AGE_MS;
  const cap = opts.burstCap ?? DEFAULT_BURST_CAP;
  const since = new Date(opts.now.getTime() - maxAgeMs);
  const plan: ChannelPlan = { channelId, posts: [], summaries: [], skips: [], firstPolls: [] };
  const live = batches.filter((b) => b.subscription.channelId === channelId && !b.subscription.stoppedReason);
  plan.firstPolls = [...new Set(live.filter((b) => !b.subscription.firstPolledAt).map((b) => b.subscription.id))];
  const byStory = new Map<string, PlannedPost>();
  /** This round's posts by article id: a later article finds its story's post through its members. */
  const byArticle = new Map<string, PlannedPost>();
  const overflow = new Map<string, BurstSummary>();
  for (const { sub, article } of inOrder(live)) {
    if (await opts.ledger.get(channelId, article.id)) continue;
    const storyId = opts.storyOf(article.id);
    const skip = (reason: string) => plan.skips.push({ subscriptionId: sub.id, articleId: article.id, storyId, reason });
    const why = skipReason(sub, article, opts.now, maxAgeMs);
    if (why) {
      skip(why);
      continue;
    }
    const sameStory =
      (storyId ? byStory.get(storyId) : undefined) ??
      (opts.storyMembers?.(article.id) ?? []).map((m) => byArticle.get(m)).find((p) => p !== undefined);
    if (sameStory) {
      if (sameStory.article.source !== article.source) sameStory.alsoReportedBy.push({ source: article.source, url: article.url });
      skip('same story as a post in this round');
      continue;
    }
    if (await storyPosted(channelId, article.id, storyId, since, opts)) {
      skip('story already posted in this channel');
      continue;
    }
    if (plan.posts.length >= cap) {
      const s = overflow.get(sub.id) ?? { subscriptionId: sub.id, sourceName: sub.sourceName, count: 0, firstArticleId: article.id };
      s.count++;
      overflow.set(sub.id, s);
      skip('burst: counted in the summary line');
      continue;
    }
    const post: PlannedPost = { subscriptionId: sub.id, storyId, article, alsoReportedBy: [] };
    plan.posts.push(post);
    if (storyId) byStory.set(storyId, post);
    byArticle.set(article.id, post);
  }
  plan.summaries = [...overflow.values()];
  return plan;
}
