// What the poller hands on. The page reader and the article store plug in here later; tests collect in memory.
import type { ItemChange } from './diff';
import type { FeedFormat } from './types';

export type { ItemChange } from './diff';

export interface FeedDescriptor {
  /** The URL subscribed to (the key of its state). */
  url: string;
  /** Where the feed answered from after redirects (the base for its links). */
  finalUrl: string;
  title: string | null;
  homeUrl: string | null;
  format: FeedFormat;
}

/** Receives new and changed items, oldest first. If it throws, the items are offered again on the next poll. */
export interface FeedItemSink {
  onItems(feed: FeedDescriptor, changes: ItemChange[]): Promise<void>;
}

export class CollectingSink implements FeedItemSink {
  readonly batches: Array<{ feed: FeedDescriptor; changes: ItemChange[] }> = [];

  async onItems(feed: FeedDescriptor, changes: ItemChange[]): Promise<void> {
    this.batches.push({ feed, changes });
  }

  /** Every change received, in order. */
  get changes(): ItemChange[] {
    return this.batches.flatMap((b) => b.changes);
  }
}

/** The slice of a pino logger the poller uses. */
export interface PollLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
