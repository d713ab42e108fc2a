// Live posts: the data they are planned from and the ports they reach the outside through. Nothing here
// knows discord.js or SQL; the adapters (a Discord channel port, a SQLite ledger) plug in later.
import type { FilterableArticle, SubscriptionFilter } from '../../briefings';

export type LiveFailureKind = 'permissions' | 'gone' | 'transient' | 'interrupted' | 'unknown';

/** An article as a live post needs it: what the filter reads and what the embed shows. */
export interface LiveArticle extends FilterableArticle {
  id: string;
  url?: string;
  /** Display name of the source ("BBC News"). */
  source: string;
  /** ISO date the source gives, or null. */
  publishedAt: string | null;
  /** ISO date the poller first saw it: the age of an undated article. */
  seenAt: string;
  summary: string[];
  quote: { text: string; speaker: string | null; role: string | null; partial: boolean } | null;
  /** The page could not be read: only the feed's teaser is known. */
  teaser: boolean;
}

export interface LiveSubscription {
  id: string;
  channelId: string;
  guildId: string;
  sourceId: string;
  sourceName: string;
  filter: SubscriptionFilter;
  createdAt: string;
  /** Null until the first poll after the subscription was made: that poll posts nothing. */
  firstPolledAt: string | null;
  /** Why the subscription was stopped (403/404), or null while it runs. */
  stoppedReason: string | null;
}

export interface OtherReport {
  source: string;
  url?: string;
}

/** A post of an article; its "also reported by" grows as edits land. */
export interface ArticleJob {
  kind: 'article';
  articleId: string;
  alsoReportedBy: OtherReport[];
  /** The outlet the post shows (absent on rows made before edits): a later version from it adds nothing. */
  source?: string;
  /** The post was deleted (an edit met 404): later versions of its story are not edited into it. */
  messageGone?: boolean;
}

/** A later version of an already-posted story: edit that post (the ledger row `targetKey`) to add the outlets. */
export interface EditJob {
  kind: 'edit';
  articleId: string;
  targetKey: string;
  reports: OtherReport[];
}

/** What a claim is for, kept with it so a restart can finish the job. */
export type LiveJob = ArticleJob | EditJob | { kind: 'summary'; sourceName: string; count: number };

export type LiveStatus = 'claimed' | 'posted' | 'skipped' | 'failed';

export interface LiveRecord {
  channelId: string;
  /** The article id, or `summary:<subscription>:<first article left out>` for a burst's summary line. */
  key: string;
  subscriptionId: string;
  storyId: string | null;
  status: LiveStatus;
  job: LiveJob | null;
  reason: string | null;
  owner: string | null;
  claimedAt: string;
  postedAt: string | null;
  messageId: string | null;
  attempts: number;
}

export interface ClaimRequest {
  channelId: string;
  key: string;
  subscriptionId: string;
  storyId: string | null;
  job: LiveJob;
  owner: string;
  now: Date;
}

/**
 * The ledger of live posts, one row per (channel, key). The row's existence is the claim: exactly one
 * caller ever creates it. Every write but `claim` and `skip` applies only to a claim the caller holds.
 */
export interface LiveLedgerPort {
  get(channelId: string, key: string): Promise<LiveRecord | null>;
  /** Creates a claimed row; true only for the one caller that created it. */
  claim(req: ClaimRequest): Promise<boolean>;
  /** Records an item that will never be posted (first poll, too old, filtered, repeat story, burst), unless a row exists. */
  skip(req: Omit<ClaimRequest, 'owner' | 'job'> & { reason: string }): Promise<void>;
  posted(channelId: string, key: string, owner: string, messageId: string, now: Date): Promise<boolean>;
  failed(channelId: string, key: string, owner: string, reason: string): Promise<boolean>;
  /** Notes a failed attempt on a claim we hold (it stays claimed). */
  noteAttempt(channelId: string, key: string, owner: string, reason: string): Promise<void>;
  /** Compare-and-swap takeover of a claim left by another (crashed) process. */
  takeOver(seen: LiveRecord, owner: string, now: Date): Promise<boolean>;
  /** Rows still claimed, oldest first. */
  unfinished(): Promise<LiveRecord[]>;
  /** A post (claimed or posted) of this story in the channel since `since`. */
  storyPostedSince(channelId: string, storyId: string, since: Date): Promise<LiveRecord | null>;
  /**
   * An edit claim we hold is done: the row records the edited message, and the post it edited (`target`) gets
   * its new job (its grown "also reported by"), both at once.
   */
  edited(channelId: string, key: string, owner: string, messageId: string, target: { key: string; job: LiveJob }, now: Date): Promise<boolean>;
  /** Rewrites a row's job (a post whose message was deleted is marked so). */
  setJob(channelId: string, key: string, job: LiveJob): Promise<void>;
}

export interface SubscriptionPort {
  markFirstPoll(subscriptionId: string, now: Date): Promise<void>;
  stop(subscriptionId: string, kind: LiveFailureKind, reason: string): Promise<void>;
  /** Subscriptions posting to a channel (to stop them all when the channel is gone). */
  inChannel(channelId: string): Promise<LiveSubscription[]>;
}

/** One message the Discord side renders (src/discord/render/live-post.ts) and stamps with the marker. */
export type LiveMessage =
  | { kind: 'article'; marker: string; nonce: string; article: LiveArticle; alsoReportedBy: OtherReport[] }
  | { kind: 'summary'; marker: string; nonce: string; sourceName: string; count: number };

export interface FoundMessage {
  id: string;
  /** Content and embed footers, where the marker lives. */
  text: string;
}

export interface LiveChannelPort {
  /** Sends one message; throws (anything) on failure. */
  send(channelId: string, message: LiveMessage): Promise<{ id: string }>;
  /** Replaces one of our messages (PATCH); throws (anything) on failure, e.g. 404 when it was deleted. */
  edit(channelId: string, messageId: string, message: LiveMessage): Promise<void>;
  /** The bot's own messages in the channel since `since`, newest first, at most `max` read. */
  ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]>;
}

/** What a thrown send error means: src/discord/schedule/classify-error.ts fits. */
export type ErrorClassifier = (error: unknown) => { kind: LiveFailureKind; reason: string };

/** Looks up an article again when a restart resumes a claim. */
export type ArticleLookup = (articleId: string) => Promise<LiveArticle | null>;

/**
 * The story an article belongs to (the stories grouping); null when it stands alone. The key is a hint
 * for the ledger only: it changes when stories merge (it is the smallest member id), so the planner
 * does not rely on it alone to tell a story was posted. StoryMembers answers that.
 */
export type StoryOf = (articleId: string) => string | null;

/** Every article in the article's story, itself included, as grouped now (lead first); [] when unknown. */
export type StoryMembers = (articleId: string) => readonly string[];
