// Live posts at run time: each batch of new articles the feed sources announce becomes one poll round for
// every channel subscribed to that feed (planner + poster from src/delivery/live, over the SQL ledger). A 429
// waits as Discord says, a 5xx retries with backoff, a 403/404 stops the channel's subscriptions with the reason.
import type { Article, Library } from '../../briefings';
import {
  LivePoster,
  StoryKeys,
  liveStoryPorts,
  type LiveArticle,
  type LiveChannelPort,
  type LiveLedgerPort,
  type PollBatch,
  type StoryOf,
  type SubscriptionPort,
} from '../../delivery/live';
import { CLAIM_LEASE_MS, claimIsStale } from '../../schedule/owner';
import type { NewArticles, SourcesService } from '../../sources/service-types';
import type { LiveSubscriptionStore } from '../../store/ports';
import { classifyError } from '../schedule/classify-error';
import { subscriptionOf } from './live-admin';
import { liveArticleOf } from './live-articles';

type Log = (o: object, m: string) => void;

export interface LiveServiceDeps {
  sources: Pick<SourcesService, 'onNewArticles'>;
  subscriptions: LiveSubscriptionStore;
  ledger: LiveLedgerPort;
  port: LiveChannelPort;
  library: Pick<Library, 'article' | 'summary' | 'articles'>;
  owner: string;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  logger: { info: Log; warn: Log; error: Log };
  /** The story an article belongs to; by default the core's story grouping over the library, built at start. */
  storyOf?: StoryOf;
  maxAgeMs?: number;
  /** How long another process's claim holds before this one may take it over; 10 minutes by default. */
  claimLeaseMs?: number;
  burstCap?: number;
  spacingMs?: number;
  backoffMs?: readonly number[];
}

/** Source names remembered for resuming claims; older ones fall back to the article's site. */
const MAX_NAMES = 10_000;
/** How long stop waits for a send in flight before leaving its claim to the next start. */
const STOP_WAIT_MS = 2_000;

/** A library that groups its own articles into stories (the loaded library does; test doubles may not). */
function hasStories(library: object): library is { storyMembers(articleId: string): string[] } {
  return typeof (library as { storyMembers?: unknown }).storyMembers === 'function';
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class LiveService {
  readonly poster: LivePoster;
  private unsubscribe: (() => void) | null = null;
  /** Source names of the articles this process was handed, for resuming a claim without its batch. */
  private readonly names = new Map<string, string>();
  private stories: StoryKeys | null = null;
  private storiesReady: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LiveServiceDeps) {
    const repo = deps.subscriptions;
    const subscriptions: SubscriptionPort = {
      markFirstPoll: (id, now) => repo.markFirstPoll(id, now),
      stop: (id, kind, reason) => repo.stop(id, kind, reason),
      inChannel: async (channelId) => (await repo.inChannel(channelId)).map(subscriptionOf),
    };
    this.poster = new LivePoster({
      ledger: deps.ledger,
      subscriptions,
      port: deps.port,
      classify: classifyError,
      articles: (id) => liveArticleOf(deps.library, id, this.names.get(id) ?? null, deps.now()),
      // The library keeps its stories in step with every article (files too): compare a story's members now.
      ...(deps.storyOf
        ? { storyOf: deps.storyOf }
        : hasStories(deps.library)
          ? liveStoryPorts(deps.library)
          : { storyOf: (id: string) => this.stories?.keyOf(id) ?? null }),
      owner: deps.owner,
      claimIsStale: (holder, claimedAt, me, now) => claimIsStale(holder, claimedAt, me, now, deps.claimLeaseMs ?? CLAIM_LEASE_MS),
      now: deps.now,
      sleep: deps.sleep ?? realSleep,
      logger: deps.logger,
      maxAgeMs: deps.maxAgeMs,
      burstCap: deps.burstCap,
      spacingMs: deps.spacingMs,
      backoffMs: deps.backoffMs,
    });
  }

  /** Listens for new articles and picks up claims a crash left behind. */
  start(): void {
    if (this.unsubscribe) return;
    if (!this.deps.storyOf && !hasStories(this.deps.library)) this.storiesReady = this.groupLibrary();
    this.unsubscribe = this.deps.sources.onNewArticles((batch) => this.onNewArticles(batch));
    this.poster
      .resumeUnfinished()
      .catch((error: unknown) => this.deps.logger.error({ error: String(error) }, 'unfinished live posts could not be read'));
  }

  /** A library without stories of its own (an adapter's): its articles grouped here, read whole once. */
  private async groupLibrary(): Promise<void> {
    const whole: Article[] = [];
    for (const h of this.deps.library.articles()) {
      const article = await this.deps.library.article(h.id);
      if (article) whole.push(article);
    }
    this.stories = StoryKeys.over(whole);
  }

  /** Plans and queues the posts of one batch (the sends run on per-channel queues; `idle` waits for them). */
  async onNewArticles(batch: NewArticles): Promise<void> {
    try {
      const rounds = await this.batchesFor(batch);
      if (rounds.length === 0) return;
      const plans = await this.poster.round(rounds);
      const posts = plans.reduce((n, p) => n + p.posts.length, 0);
      // A poll with nothing new only starts waiting subscriptions: not worth a line every interval.
      if (batch.articleIds.length === 0 && posts === 0) return;
      this.deps.logger.info({ feedUrl: batch.feedUrl, articles: batch.articleIds.length, channels: plans.length, posts }, 'live posts planned');
    } catch (error) {
      // The feed poller must not fail because a channel's posting did: log with context and carry on.
      this.deps.logger.error({ feedUrl: batch.feedUrl, error: String(error) }, 'live posts for a batch failed');
    }
  }

  private async batchesFor(batch: NewArticles): Promise<PollBatch[]> {
    const now = this.deps.now();
    // Every subscription of the feed, whichever shard or host holds its server: only the process that fetched
    // the feed hears of its new articles, posting goes through REST (any process can post anywhere), and the
    // ledger's claim keeps each post to one process.
    const rows = await this.deps.subscriptions.forFeed(batch.feedUrl);
    await this.storiesReady;
    const out: PollBatch[] = [];
    for (const row of rows) {
      const subscription = subscriptionOf(row);
      // The feed's first poll ever posts nothing, whatever the subscription's own state says.
      if (batch.firstPoll) subscription.firstPolledAt = null;
      const articles: LiveArticle[] = [];
      for (const id of batch.articleIds) {
        this.remember(id, row.sourceName);
        const article = await this.deps.library.article(id);
        if (article && this.stories && this.stories.keyOf(id) === null) this.stories.add(article);
        const live = await liveArticleOf(this.deps.library, id, row.sourceName, now);
        if (live) articles.push(live);
      }
      out.push({ subscription, articles });
    }
    return out;
  }

  private remember(articleId: string, sourceName: string): void {
    this.names.delete(articleId);
    this.names.set(articleId, sourceName);
    if (this.names.size > MAX_NAMES) this.names.delete(this.names.keys().next().value as string);
  }

  idle(): Promise<void> {
    return this.poster.idle();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.poster.shutdown();
    // Waits end at once on shutdown; a send in flight gets a moment, then its claim is the next start's.
    await Promise.race([this.poster.idle(), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }
}
