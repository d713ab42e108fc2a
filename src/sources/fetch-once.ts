// `briefbot fetch`: every followed feed (FEEDS and the servers' own) polled once into the store, exactly as
// the bot polls them, with the outcome of each. The CLI's entry point opens the store and wires this in.
import type { ArticleWriter } from '../briefings';
import { inlineAnalyser } from './files/analyse-pool';
import type { PollOutcome } from './feeds';
import { HttpFetcher } from './http';
import { FeedSources, type FeedRegistry } from './sources-service';

export interface FetchOnceSettings {
  /** FEEDS; null when unset (the shared list stored by the bot stays as it is). */
  feeds: string[] | null;
  feedIntervalSeconds: number;
  allowPrivateNetwork: boolean;
}

export async function fetchFeedsOnce(
  store: { feeds: FeedRegistry; articles: ArticleWriter },
  settings: FetchOnceSettings,
  onError: (message: string) => void = () => undefined,
): Promise<PollOutcome[]> {
  const analyser = inlineAnalyser();
  try {
    const sources = new FeedSources({
      feeds: store.feeds,
      writer: store.articles,
      fetcher: new HttpFetcher({ allowPrivateNetwork: settings.allowPrivateNetwork }),
      analyser,
      logger: { info: () => undefined, warn: () => undefined, error: (_obj, msg) => onError(msg) },
      intervalSeconds: settings.feedIntervalSeconds,
      shared: settings.feeds ?? undefined,
      catchUp: () => undefined,
    });
    return await sources.pollAll();
  } finally {
    await analyser.close();
  }
}
