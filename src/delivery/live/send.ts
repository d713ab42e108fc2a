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

/**
 * Runs `attempt` until it succeeds or cannot: a 429 waits as Discord says; a transient failure waits with
 * backoff, then asks `landed` (when given) whether the failed try took effect after all.
 */
async function retrying<T>(deps: SendDeps, attempt: () => Promise<T>, landed?: () => Promise<T | null>): Promise<T> {
  const backoff = deps.backoffMs ?? DEFAULT_BACKOFF_MS;
  let tries = 0;
  let rateWaits = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const wait = retryAfterMs(error);
      if (wait !== null) {
        if (++rateWaits > MAX_RATE_LIMIT_WAITS) throw new SendFailure('transient', 'still rate limited after waiting');
        await deps.onRetry?.({ attempt: rateWaits, reason: 'rate limited (429)', waitMs: wait });
        await pause(deps, wait);
        continue;
      }
      const { kind, reason } = deps.classify(error);
      if (kind !== 'transient' || tries >= backoff.length) throw new SendFailure(kind, reason);
      await deps.onRetry?.({ attempt: tries + 1, reason, waitMs: backoff[tries] });
      await pause(deps, backoff[tries++]);
      const found = landed ? await landed() : null;
      if (found !== null) return found;
    }
  }
}

export function sendWithRetry(deps: SendDeps, channelId: string, message: LiveMessage, since: Date): Promise<string> {
  return retrying(
    deps,
    async () => (await deps.port.send(channelId, message)).id,
    () => findMarked(deps.port, channelId, message.marker, since).catch(() => null),
  );
}

/** Edits one of our messages, with the same waits as a post; an edit is the same whole message each time, so a retry is safe. */
export function editWithRetry(deps: SendDeps, channelId: string, messageId: string, message: LiveMessage): Promise<void> {
  return retrying(deps, () => deps.port.edit(channelId, messageId, message));
}
