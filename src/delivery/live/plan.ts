// Which new articles of a poll round a channel gets, and in what order. Reads the ledger, writes nothing:
// the poster records the skips and claims the posts.
import { applyFilter } from '../../briefings';
import type { ArticleJob, LiveArticle, LiveLedgerPort, LiveRecord, LiveSubscription, OtherReport, StoryMembers, StoryOf } from './types';

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

/** Later versions of a story posted in an earlier round: its post is edited to add their outlets. */
export interface PlannedEdit {
  subscriptionId: string;
  storyId: string | null;
  /** The first of them: the edit's ledger key. The others are recorded as skips. */
  article: LiveArticle;
  /** The ledger key of the post to edit. */
  targetKey: string;
  reports: OtherReport[];
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
  edits: PlannedEdit[];
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

/** A story is posted in the channel when its key is in the ledger, or any of its other members is: that row, or null. */
async function storyPosted(channelId: string, articleId: string, storyId: string | null, since: Date, opts: PlanOptions): Promise<LiveRecord | null> {
  const byKey = storyId ? await opts.ledger.storyPostedSince(channelId, storyId, since) : null;
  if (byKey) return byKey;
  for (const m of opts.storyMembers?.(articleId) ?? []) {
    if (m === articleId) continue;
    const row = await opts.ledger.get(channelId, m);
    if (row && postedSince(row, since)) return row;
  }
  return null;
}

/** The post a story's row stands for: itself, or the post an edit row edited (null when that row is gone). */
async function postOf(channelId: string, row: LiveRecord, opts: PlanOptions): Promise<LiveRecord | null> {
  return row.job?.kind === 'edit' ? opts.ledger.get(channelId, row.job.targetKey) : row;
}

/** The post's key and job when it can still be edited. */
function editable(post: LiveRecord | null): { key: string; job: ArticleJob } | null {
  const job = post?.job;
  if (!post || job?.kind !== 'article' || job.messageGone || post.status === 'failed') return null;
  return { key: post.key, job };
}

/** Whether the post already names this outlet (as its own source or in "also reported by"). */
function names(job: ArticleJob, source: string): boolean {
  return job.source === source || job.alsoReportedBy.some((r) => r.source === source);
}

/** Plans one channel's posts for one poll round (all its subscriptions together, so the burst cap is per channel). */
export async function planChannelRound(channelId: string, batches: PollBatch[], opts: PlanOptions): Promise<ChannelPlan> {
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_LIVE_MAX_AGE_MS;
  const cap = opts.burstCap ?? DEFAULT_BURST_CAP;
  const since = new Date(opts.now.getTime() - maxAgeMs);
  const plan: ChannelPlan = { channelId, posts: [], edits: [], summaries: [], skips: [], firstPolls: [] };
  const live = batches.filter((b) => b.subscription.channelId === channelId && !b.subscription.stoppedReason);
  plan.firstPolls = [...new Set(live.filter((b) => !b.subscription.firstPolledAt).map((b) => b.subscription.id))];
  const byStory = new Map<string, PlannedPost>();
  /** This round's posts by article id: a later article finds its story's post through its members. */
  const byArticle = new Map<string, PlannedPost>();
  const overflow = new Map<string, BurstSummary>();
  /** This round's edits by the post they edit: a story's later versions in one round make one edit. */
  const edits = new Map<string, PlannedEdit>();
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
    const posted = await storyPosted(channelId, article.id, storyId, since, opts);
    const earlier = posted && (await postOf(channelId, posted, opts));
    // An edit made lately does not make its post, older than LIVE_MAX_AGE, recent: the story is posted anew.
    if (posted && (!earlier || postedSince(earlier, since))) {
      const reason = planEdit(editable(earlier), { sub, article, storyId }, edits);
      if (reason) skip(reason);
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
  plan.edits = [...edits.values()];
  return plan;
}

/**
 * A later version of a posted story: adds its outlet to this round's edit of that post (made on first need).
 * Returns the reason the article is recorded as skipped with, or null when it leads the edit (its claim).
 */
function planEdit(
  target: { key: string; job: ArticleJob } | null,
  next: { sub: LiveSubscription; article: LiveArticle; storyId: string | null },
  edits: Map<string, PlannedEdit>,
): string | null {
  if (!target) return 'story already posted in this channel (its post cannot be edited)';
  const { article } = next;
  const edit = edits.get(target.key);
  if (names(target.job, article.source) || edit?.reports.some((r) => r.source === article.source)) {
    return 'story already posted in this channel (its post names this outlet)';
  }
  const report: OtherReport = { source: article.source, ...(article.url ? { url: article.url } : {}) };
  if (edit) {
    edit.reports.push(report);
    return 'story already posted in this channel: added to the edit of its post';
  }
  edits.set(target.key, { subscriptionId: next.sub.id, storyId: next.storyId, article, targetKey: target.key, reports: [report] });
  return null;
}
