// Polls each due feed once per interval: conditional request, parse, diff against what was seen, hand new and
// changed items to the sink, and remember the outcome — including, for every failure, a reason in words.
import { FEED_MAX_BYTES, type Fetcher, type FetchResponse } from '../http/fetcher';
import { isFetchError } from '../http/errors';
import { decodeBytes } from '../decode';
import { feedLinksInHtml } from './discover';
import { diffItems, type ItemChange } from './diff';
import { FeedParseError, parseFeedBytes } from './parse';
import type { FeedDescriptor, FeedItemSink, PollLogger } from './ports';
import { delayAfterFailure, delayAfterSuccess, shouldDisable } from './schedule';
import { freshState, type FeedState, type FeedStateStore } from './state';

export interface PollerOptions {
  fetcher: Fetcher;
  states: FeedStateStore;
  sink: FeedItemSink;
  logger: PollLogger;
  /** FEED_INTERVAL_SECONDS; default 900. */
  intervalSeconds?: number;
  /** Feeds polled at the same time (the fetcher still limits each host to two). */
  concurrency?: number;
  clock?: () => number;
  random?: () => number;
  /** After every successful poll (a 304 too), once its items are stored and its success recorded. */
  onPolled?: (url: string) => void | Promise<void>;
  /** Who this poller is when it takes a feed's lease (the store has leases when several processes share it). */
  owner?: string;
  /** How long a lease holds; a poller that dies mid-fetch leaves the feed to another after this. Default 10 min. */
  leaseMs?: number;
}

export const DEFAULT_FEED_LEASE_MS = 10 * 60_000;

export type PollStatus = 'ok' | 'not-modified' | 'failed' | 'disabled' | 'not-due';

export interface PollOutcome {
  url: string;
  status: PollStatus;
  new: number;
  updated: number;
  unchanged: number;
  /** Why it failed or is disabled, in words; null otherwise. */
  reason: string | null;
  warnings: string[];
}

/** The same feed named twice (trailing spaces, host case) is one feed. */
export function feedKey(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}

const outcome = (url: string, status: PollStatus, extra: Partial<PollOutcome> = {}): PollOutcome => ({
  url,
  status,
  new: 0,
  updated: 0,
  unchanged: 0,
  reason: null,
  warnings: [],
  ...extra,
});

/** Oldest first, so a channel reads in order; undated items keep the feed's order (usually newest first, reversed). */
function oldestFirst(changes: ItemChange[]): ItemChange[] {
  return [...changes].reverse().sort((a, b) => {
    const x = a.item.published;
    const y = b.item.published;
    return x && y ? x.localeCompare(y) : 0;
  });
}

export class FeedPoller {
  private readonly intervalMs: number;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly inFlight = new Map<string, Promise<PollOutcome>>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(private readonly opts: PollerOptions) {
    this.intervalMs = (opts.intervalSeconds ?? 900) * 1000;
    this.clock = opts.clock ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  /** Polls every due feed once; the same URL listed by several servers is fetched once. */
  async pollDue(urls: string[]): Promise<PollOutcome[]> {
    const unique = [...new Set(urls.map(feedKey))];
    const results: PollOutcome[] = new Array(unique.length);
    let next = 0;
    const worker = async () => {
      while (next < unique.length) {
        const i = next++;
        results[i] = await this.pollFeed(unique[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 4, unique.length) }, worker));
    return results;
  }

  /** Polls one feed if it is due (or `force`); a poll already running for the URL is joined, not repeated. */
  pollFeed(url: string, options: { force?: boolean } = {}): Promise<PollOutcome> {
    const key = feedKey(url);
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.pollNow(key, options.force ?? false).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  /** Clears a disabled feed's failures so the next poll tries it again (what re-adding a source does). */
  async enable(url: string): Promise<void> {
    const key = feedKey(url);
    const state = (await this.opts.states.get(key)) ?? freshState(key);
    await this.opts.states.save({ ...state, disabledReason: null, failures: 0, firstFailureAt: null, nextDueAt: null });
  }

  /** Polls due feeds now and then every `tickMs` until stop(); listFeeds is asked each time (sources change). */
  start(listFeeds: () => string[] | Promise<string[]>, tickMs = 30_000): void {
    this.stopped = false;
    const tick = async () => {
      try {
        await this.pollDue(await listFeeds());
      } catch (e) {
        this.opts.logger.error({ err: e }, 'feed polling round failed; trying again next round');
      }
      if (!this.stopped) this.timer = setTimeout(() => (this.round = tick()), tickMs);
    };
    this.round = tick();
  }

  /** Stops the timer; resolves when the round in progress (if any) has finished, so shutdown loses nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  /**
   * A due poll takes the feed's lease first (when the store has leases): another process holding it is fetching
   * the feed now, and the state read after the lease says whether one already did so this interval.
   */
  private async pollNow(url: string, force: boolean): Promise<PollOutcome> {
    const { states, owner } = this.opts;
    if (force || !states.lease || !owner) return this.pollLeased(url, force);
    if (!(await states.lease(url, owner, new Date(this.clock()), this.opts.leaseMs ?? DEFAULT_FEED_LEASE_MS))) return outcome(url, 'not-due');
    try {
      return await this.pollLeased(url, force);
    } finally {
      await states.release?.(url, owner).catch(() => undefined); // a lease left behind runs out by itself
    }
  }

  private async pollLeased(url: string, force: boolean): Promise<PollOutcome> {
    const state = (await this.opts.states.get(url)) ?? freshState(url);
    if (state.disabledReason) return outcome(url, 'disabled', { reason: state.disabledReason });
    const now = this.clock();
    if (!force && state.nextDueAt && Date.parse(state.nextDueAt) > now) return outcome(url, 'not-due');
    let response: FetchResponse;
    try {
      response = await this.opts.fetcher.fetch({
        url,
        maxBytes: FEED_MAX_BYTES,
        etag: state.etag,
        lastModified: state.lastModified,
      });
    } catch (e) {
      return this.failed(state, e);
    }
    if (response.status === 'not-modified') {
      await this.succeeded(state, response, state.warnings);
      return outcome(url, 'not-modified', { warnings: state.warnings });
    }
    return this.readFeed(state, response);
  }

  private async readFeed(state: FeedState, response: Extract<FetchResponse, { status: 'ok' }>): Promise<PollOutcome> {
    let feed;
    try {
      feed = parseFeedBytes(response.body, response.contentType, response.url);
    } catch (e) {
      return this.failed(state, withDiscoveryHint(e, response));
    }
    const diff = diffItems(feed.items, state.seen);
    const warnings = [...feed.warnings];
    if (diff.reidentified) warnings.push(`${diff.reidentified} item(s) changed their guid but kept their link; kept as the same articles`);
    if (!feed.items.length) warnings.push('the feed has no items');
    const descriptor: FeedDescriptor = {
      url: state.url,
      finalUrl: response.url,
      title: feed.title,
      homeUrl: feed.homeUrl,
      format: feed.format,
    };
    if (diff.changes.length) {
      try {
        await this.opts.sink.onItems(descriptor, oldestFirst(diff.changes));
      } catch (e) {
        return this.sinkFailed(state, e);
      }
    }
    await this.succeeded({ ...state, title: feed.title ?? state.title, seen: diff.seen }, response, warnings);
    const news = diff.changes.filter((c) => c.kind === 'new').length;
    const counts = { new: news, updated: diff.changes.length - news, unchanged: diff.unchanged };
    this.opts.logger.info({ feed: state.url, ...counts, warnings }, 'feed polled');
    return outcome(state.url, 'ok', { ...counts, warnings });
  }

  private async succeeded(state: FeedState, response: FetchResponse, warnings: string[]): Promise<void> {
    const now = this.clock();
    const iso = new Date(now).toISOString();
    for (const w of warnings) if (!state.warnings.includes(w)) this.opts.logger.warn({ feed: state.url, warning: w }, `feed ${state.url}: ${w}`);
    await this.opts.states.save({
      ...state,
      // Validators only from a good answer; a 304 that omits them keeps the previous ones.
      etag: response.etag ?? (response.status === 'not-modified' ? state.etag : null),
      lastModified: response.lastModified ?? (response.status === 'not-modified' ? state.lastModified : null),
      lastCheckedAt: iso,
      lastSuccessAt: iso,
      nextDueAt: new Date(now + delayAfterSuccess(this.intervalMs, response.maxAgeSeconds)).toISOString(),
      failures: 0,
      firstFailureAt: null,
      lastError: null,
      warnings,
    });
    await this.opts.onPolled?.(state.url);
  }

  private async failed(state: FeedState, error: unknown): Promise<PollOutcome> {
    const now = this.clock();
    const reason = reasonOf(error);
    const failures = state.failures + 1;
    const firstFailureAt = state.firstFailureAt ?? new Date(now).toISOString();
    const status = isFetchError(error) ? error.status : undefined;
    const disable = shouldDisable(Date.parse(firstFailureAt), now, status);
    const disabledReason = disable
      ? status === 410
        ? `disabled: ${reason}`
        : `disabled after ${failures} failed polls over 3 days: ${reason}`
      : null;
    const retryAfter = isFetchError(error) ? (error.details.retryAfterSeconds ?? null) : null;
    const nextDueAt = new Date(now + delayAfterFailure(failures, retryAfter, this.random)).toISOString();
    await this.opts.states.save({
      ...state,
      lastCheckedAt: new Date(now).toISOString(),
      failures,
      firstFailureAt,
      lastError: reason,
      disabledReason,
      nextDueAt,
    });
    const log = { feed: state.url, reason, failures, nextDueAt: disable ? null : nextDueAt };
    if (disable) this.opts.logger.warn(log, `feed ${state.url} disabled: ${reason}`);
    else this.opts.logger.warn(log, `feed ${state.url} failed: ${reason}`);
    return outcome(state.url, disable ? 'disabled' : 'failed', { reason: disabledReason ?? reason });
  }

  /** Our own failure to take the items: not the feed's fault, so no backoff; the items come again next poll. */
  private async sinkFailed(state: FeedState, error: unknown): Promise<PollOutcome> {
    const now = this.clock();
    const reason = 'the new items could not be stored; they will be tried again on the next poll';
    this.opts.logger.error({ feed: state.url, err: error }, `feed ${state.url}: ${reason}`);
    await this.opts.states.save({
      ...state,
      lastCheckedAt: new Date(now).toISOString(),
      lastError: reason,
      nextDueAt: new Date(now + this.intervalMs).toISOString(),
    });
    return outcome(state.url, 'failed', { reason });
  }
}

function reasonOf(error: unknown): string {
  if (isFetchError(error) || error instanceof FeedParseError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

/** A page served where a feed was expected: say which feed it links to, if any (the fix is to use that URL). */
function withDiscoveryHint(error: unknown, response: Extract<FetchResponse, { status: 'ok' }>): unknown {
  if (!(error instanceof FeedParseError) || error.problem !== 'html') return error;
  const links = feedLinksInHtml(decodeBytes(response.body, response.contentType).text, response.url);
  return links.length ? new FeedParseError('html', `${error.message}; the page links to the feed ${links[0].url}`) : error;
}
