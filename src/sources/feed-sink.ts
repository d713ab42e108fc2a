// Where the poller's new and changed items go: each new item's page is fetched (SSRF-safe, 3 MB cap) and
// read off the Discord thread (the analysis worker pool), the feed's own text standing in when the page
// can't be fetched or is a teaser; then every item of the batch is stored in one transaction. An item
// already stored never has its page requested again: a teaser is refreshed from the feed's new text, a
// full article stays as it was read.
import { analysisVersion, type AnalysedArticle, type ArticleWriter, type LoadWarning, type PageJob } from '../briefings';
import { decodeBytes } from './decode';
import type { FeedDescriptor, FeedItemSink, ItemChange, PollLogger } from './feeds';
import type { PageAnalyser } from './files/analyse-pool';
import { PAGE_MAX_BYTES, type Fetcher } from './http';

export interface StoredBatch {
  feed: FeedDescriptor;
  /** Ids of articles stored for the first time, oldest first. */
  newIds: string[];
  updatedIds: string[];
}

export interface FeedSinkOptions {
  fetcher: Fetcher;
  writer: ArticleWriter;
  analyser: PageAnalyser;
  /** The stored article of a feed item, if any. */
  storedItem(feedUrl: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null>;
  /** After a batch is in the store (the library catches up, live posts are told). */
  onStored?(batch: StoredBatch): void | Promise<void>;
  logger: PollLogger;
  /** Pages fetched and read at the same time (the fetcher still limits each host to two). */
  concurrency?: number;
  now?: () => number;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** Keeps the source's warnings short: the latest problems, not every teaser since the feed was added. */
const MAX_WARNINGS = 20;

interface Read {
  key: string;
  kind: ItemChange['kind'];
  article: AnalysedArticle | null;
  warnings: LoadWarning[];
}

export class ArticleSink implements FeedItemSink {
  private readonly now: () => number;

  constructor(private readonly opts: FeedSinkOptions) {
    this.now = opts.now ?? Date.now;
  }

  async onItems(feed: FeedDescriptor, changes: ItemChange[]): Promise<void> {
    const reads: Read[] = new Array(changes.length);
    let next = 0;
    const worker = async () => {
      while (next < changes.length) {
        const i = next++;
        reads[i] = await this.read(feed, changes[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency ?? 4, changes.length) }, worker));
    const kept = reads.filter((r) => r.article !== null);
    const warnings = reads.flatMap((r) => r.warnings).slice(-MAX_WARNINGS);
    for (const w of warnings) this.opts.logger.info({ feed: feed.url, item: w.file, reason: w.reason }, 'feed item read with a fallback');
    const source = {
      kind: 'feed' as const,
      root: '',
      id: feed.url,
      size: null,
      mtimeMs: null,
      contentHash: null,
      analysisVersion: analysisVersion(),
      warnings,
    };
    const ids = kept.length
      ? await this.opts.writer.upsertItems(
          source,
          kept.map((r) => ({ key: r.key, article: r.article! })),
        )
      : [];
    const batch: StoredBatch = { feed, newIds: [], updatedIds: [] };
    kept.forEach((r, i) => (r.kind === 'new' ? batch.newIds : batch.updatedIds).push(ids[i]));
    await this.opts.onStored?.(batch);
  }

  private async read(feed: FeedDescriptor, change: ItemChange): Promise<Read> {
    const { item } = change;
    const stored = await this.opts.storedItem(feed.url, item.id);
    // Already stored from its page: the page is not requested again, and the article stays as read.
    if (stored && !stored.teaser) return { key: item.id, kind: change.kind, article: null, warnings: [] };
    const link = item.canonicalUrl ?? item.url;
    const page = stored || !item.url ? { html: null, problem: stored ? 'already stored as a teaser' : null } : await this.fetchPage(item.url);
    const job: PageJob = {
      kind: 'page',
      url: link,
      html: page.html,
      fetchProblem: page.problem,
      item: {
        title: item.title,
        published: item.published ?? item.updated,
        author: item.author,
        contentHtml: item.contentHtml,
        summary: item.summary,
      },
      feedName: feed.title ?? new URL(feed.url).host,
      now: this.now(),
    };
    const read = await this.opts.analyser.analysePage(job);
    return { key: item.id, kind: stored ? 'updated' : change.kind, article: read.article, warnings: read.warnings };
  }

  private async fetchPage(url: string): Promise<{ html: string | null; problem: string | null }> {
    try {
      const res = await this.opts.fetcher.fetch({ url, maxBytes: PAGE_MAX_BYTES, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' });
      if (res.status !== 'ok') return { html: null, problem: 'the page answered "not modified" to a first request' };
      if (res.contentType && !HTML_TYPES.test(res.contentType.trim()))
        return { html: null, problem: `the page is ${res.contentType.split(';')[0]}, not HTML` };
      return { html: decodeBytes(res.body, res.contentType).text, problem: null };
    } catch (e) {
      return { html: null, problem: `the page could not be fetched (${e instanceof Error ? e.message : String(e)})` };
    }
  }
}
