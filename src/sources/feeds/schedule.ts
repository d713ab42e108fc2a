// When to poll a feed next: after a good poll, the interval (or the server's max-age, up to an hour, if longer);
// after a failure, 5 min × 2^(failures−1) with ±20 % jitter (at least any Retry-After), capped at 12 h.
// After 3 days of failures in a row — or a 410 Gone — the feed is disabled with its reason.

export const BACKOFF_BASE_MS = 5 * 60_000;
export const BACKOFF_CAP_MS = 12 * 3600_000;
export const DISABLE_AFTER_MS = 3 * 24 * 3600_000;
const MAX_AGE_CAP_MS = 3600_000;

export function delayAfterSuccess(intervalMs: number, maxAgeSeconds: number | null): number {
  const maxAgeMs = maxAgeSeconds === null ? 0 : Math.min(maxAgeSeconds * 1000, MAX_AGE_CAP_MS);
  return Math.max(intervalMs, maxAgeMs);
}

/** failures counts this one (1 after the first failure); random() in [0,1) gives the jitter. */
export function delayAfterFailure(failures: number, retryAfterSeconds: number | null, random: () => number): number {
  const exp = BACKOFF_BASE_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20);
  const jittered = Math.min(exp, BACKOFF_CAP_MS) * (0.8 + 0.4 * random());
  const retryAfter = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds * 1000, 24 * 3600_000);
  return Math.round(Math.max(jittered, retryAfter));
}

export function shouldDisable(firstFailureAtMs: number, nowMs: number, status: number | undefined): boolean {
  return status === 410 || nowMs - firstFailureAtMs >= DISABLE_AFTER_MS;
}
