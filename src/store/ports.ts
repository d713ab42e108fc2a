// The store as the rest of the bot sees it: one interface per repository, every method async so a networked
// database (Postgres) can stand behind it as well as the embedded one (SQLite, synchronous inside).
import type { ArticleReader, ArticleWriter } from '../briefings';
import type { LiveLedgerPort } from '../delivery/live';
import type { StoredFeedState, FeedSourceRow } from './feeds';
import type { ClaimRequest, Delivery, FailureKind } from './ledger';
import type { LiveSubscriptionRow, NewSubscription } from './live-subscriptions';
import type { ScheduleInput, ScheduleRow } from './schedules';

export interface ScheduleStore {
  get(channelId: string): Promise<ScheduleRow | null>;
  listForGuild(guildId: string): Promise<ScheduleRow[]>;
  listAll(): Promise<ScheduleRow[]>;
  /** Creates or replaces a channel's schedule and resumes it (a new clock is owed from `now` on). */
  upsert(input: ScheduleInput, now: Date): Promise<ScheduleRow>;
  /** Like upsert, but leaves an identical row untouched. */
  ensure(input: ScheduleInput, now: Date): Promise<ScheduleRow>;
  remove(channelId: string): Promise<boolean>;
  removeGuild(guildId: string): Promise<number>;
  recordSuccess(channelId: string): Promise<void>;
  /** Counts one more failed day; pauses the schedule at the limit. Returns the row after. */
  recordFailedDay(channelId: string, reason: string, now: Date): Promise<ScheduleRow | null>;
}

export interface FinishOutcome {
  status: 'posted' | 'empty';
  messageIds: string[];
  articleIds: string[];
  now: Date;
  detail?: string | null;
}

export interface DeliveryLedgerStore {
  get(channelId: string, localDate: string): Promise<Delivery | null>;
  latest(channelId: string): Promise<Delivery | null>;
  /** Takes the (channel, date) slot: exactly one caller, of any process, gets the row. */
  claim(req: ClaimRequest): Promise<Delivery | null>;
  /** Compare-and-swap takeover of a row seen in state `seen`. */
  takeOver(seen: Delivery, req: Pick<ClaimRequest, 'owner' | 'now' | 'trigger'> & { late?: boolean }): Promise<Delivery | null>;
  noteAttempt(channelId: string, localDate: string, owner: string, error: string): Promise<void>;
  notePlan(channelId: string, localDate: string, owner: string, articleIds: string[]): Promise<void>;
  addMessageIds(channelId: string, localDate: string, owner: string, ids: string[]): Promise<void>;
  finish(channelId: string, localDate: string, owner: string, outcome: FinishOutcome): Promise<boolean>;
  fail(channelId: string, localDate: string, owner: string, kind: FailureKind, error: string): Promise<{ newFailedDay: boolean }>;
  unfinished(): Promise<Delivery[]>;
  briefedIn(channelId: string): Promise<Set<string>>;
  all(channelId: string): Promise<Delivery[]>;
}

export interface LiveSubscriptionStore {
  upsert(sub: NewSubscription, now: Date): Promise<{ row: LiveSubscriptionRow; created: boolean }>;
  find(channelId: string, feedUrl: string): Promise<LiveSubscriptionRow | null>;
  get(id: string): Promise<LiveSubscriptionRow | null>;
  remove(guildId: string, channelId: string, feedUrl: string): Promise<boolean>;
  removeFeed(guildId: string, feedUrl: string): Promise<number>;
  forGuild(guildId: string): Promise<LiveSubscriptionRow[]>;
  forFeed(feedUrl: string): Promise<LiveSubscriptionRow[]>;
  inChannel(channelId: string): Promise<LiveSubscriptionRow[]>;
  markFirstPoll(id: string, now: Date): Promise<void>;
  stop(id: string, kind: string, reason: string): Promise<void>;
}

export interface FeedStore {
  get(url: string): Promise<StoredFeedState | null>;
  save(state: StoredFeedState): Promise<void>;
  list(): Promise<StoredFeedState[]>;
  /** Takes the feed's fetch lease until now + ms if free, run out or ours; false when another holds it. */
  lease(url: string, holder: string, now: Date, ms: number): Promise<boolean>;
  release(url: string, holder: string): Promise<void>;
  addSource(guildId: string | null, url: string, addedFrom?: string | null): Promise<boolean>;
  removeSource(guildId: string, url: string): Promise<boolean>;
  setShared(urls: string[]): Promise<void>;
  replaceShared(pageUrl: string, feedUrl: string): Promise<void>;
  sources(guildId: string | null): Promise<FeedSourceRow[]>;
  /** Every source row: the shared ones (guildId null) and every guild's. */
  allSources(): Promise<FeedSourceRow[]>;
  followedFeeds(): Promise<string[]>;
  articleCount(url: string): Promise<number>;
  storedItem(url: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null>;
}

export interface Meta {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export type ArticleStore = ArticleReader & ArticleWriter;

export interface Store {
  /** Which database stands behind the store. */
  readonly backend: 'sqlite' | 'postgres';
  schedules: ScheduleStore;
  ledger: DeliveryLedgerStore;
  /** Live posts: subscriptions per channel and feed, and their exactly-once ledger. */
  live: { subscriptions: LiveSubscriptionStore; ledger: LiveLedgerPort };
  meta: Meta;
  articles: ArticleStore;
  /** Feeds, their fetch state and who follows them. */
  feeds: FeedStore;
  /** Null while the database is the one opened; otherwise what happened to it (a SQLite file deleted, replaced). */
  fileProblem(): string | null;
  close(): Promise<void>;
}
