// Retention: feed articles older than RETENTION_DAYS leave the store, then the index. Files in the content
// folder are not touched: they stay as long as the files do.
import type { ArticleWriter } from '../briefings';

export interface RetentionTarget {
  writer: Pick<ArticleWriter, 'pruneFeedArticles'>;
  /** The library to bring in step after a prune. */
  catchUp: () => unknown;
}

export async function pruneOnce(target: RetentionTarget, days: number, now: Date): Promise<number> {
  const removed = await target.writer.pruneFeedArticles(new Date(now.getTime() - days * 86_400_000));
  if (removed > 0) await target.catchUp();
  return removed;
}

/** Prunes now and then every `everyMs` (default hourly). Returns a stop function. */
export function startRetention(
  target: RetentionTarget,
  days: number,
  opts: { now?: () => Date; everyMs?: number; onPruned?: (removed: number) => void; onError?: (err: Error) => void } = {},
): () => void {
  const now = opts.now ?? (() => new Date());
  const run = async () => {
    try {
      const removed = await pruneOnce(target, days, now());
      if (removed > 0) opts.onPruned?.(removed);
    } catch (err) {
      opts.onError?.(err as Error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), opts.everyMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
