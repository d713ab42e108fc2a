// One message to one channel, tried until it lands or cannot: a 429 waits as long as Discord says (it was
// not processed, so it is simply sent again); a 5xx or timeout waits with backoff and then looks for the
// message first, since the failed request may have landed after all.
import { retryAfterMs } from './retry-after';
import type { ErrorClassifier, LiveChannelPort, LiveFailureKind, LiveMessage } from './types';

export const DEFAULT_BACKOFF_MS = [2_000, 10_000, 60_000] as const;
/** A channel that keeps answering 429 after this many waits is left for the next round. */
export const MAX_RATE_LIMIT_WAITS = 8;
export const SEARCH_DEPTH = 100;

/** Thrown when a send cannot succeed now: `kind` says whether to stop the subscription or try next round. */
export class SendFailure extends Error {
  constructor(
    readonly kind: LiveFailureKind,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'SendFailure';
  }
}

export class ShutdownError extends Error {
  constructor() {
    super('shutting down');
    this.name = 'ShutdownError';
  }
}

export interface SendDeps {
  port: LiveChannelPort;
  classify: ErrorClassifier;
  sleep: (ms: number) => Promise<void>;
  isShuttingDown: () => boolean;
  backoffMs?: readonly number[];
  onRetry?: (info: { attempt: number; reason: string; waitMs: number }) => void | Promise<void>;
}

/** The id of our message carrying `marker` in the channel since `since`, or null. */
export async function findMarked(port: LiveChannelPort, channelId: string, marker: string, since: Date): Promise<string | null> {
  const messages = await port.ownMessagesSince(channelId, since, SEARCH_DEPTH);
  return messages.find((m) => m.text.includes(marker))?.id ?? null;
}

async function pause(deps: SendDeps, ms: number): Promise<void> {
  await deps.sleep(ms);
  if (deps.isShuttingDown()) throw new ShutdownError();
}

export async function sendWithRetry(deps: SendDeps, channelId: string, message: LiveMessage, since: Date): Promise<string> {
  const backoff = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  let attempt = 0;
  let rateWaits = 0;
  for (;;) {
    try {
      return (await deps.port.send(channelId, message)).id;
    } catch (error) {
      const wait = retryAfterMs(error);
      if (wait !== null) {
        if (++rateWaits > MAX_RATE_LIMIT_WAITS) throw new SendFailure('transient', 'still rate limited after waiting');
        await deps.onRetry?.({ attempt: rateWaits, reason: 'rate limited (429)', waitMs: wait });
        await pause(deps, wait);
        continue;
      }
      const { kind, reason } = deps.classify(error);
      if (kind !== 'transient' || attempt >= backoff.length) throw new SendFailure(kind, reason);
      await deps.onRetry?.({ attempt: attempt + 1, reason, waitMs: backoff[attempt] });
      await pause(deps, backoff[attempt++]);
      const landed = await findMarked(deps.port, channelId, message.marker, since).catch(() => null);
      if (landed) return landed;
    }
  }
}
