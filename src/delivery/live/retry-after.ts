// How long a 429 asks us to wait. Duck-typed on the shapes discord.js uses (RateLimitError.retryAfter in
// ms; a DiscordAPIError/HTTPError with status 429 and a body retry_after in seconds) and on a plain
// Retry-After header in seconds, so no discord.js import is needed and test doubles can throw them.
const DEFAULT_WAIT_MS = 1_000;
const MAX_WAIT_MS = 10 * 60_000;

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(ms)));
}

/** Milliseconds to wait before retrying, or null when the error is not a rate limit. */
export function retryAfterMs(error: unknown): number | null {
  const e = (error ?? {}) as {
    status?: unknown;
    name?: unknown;
    retryAfter?: unknown;
    rawError?: { retry_after?: unknown };
    headers?: Record<string, unknown>;
  };
  const limited = e.status === 429 || e.name === 'RateLimitError';
  if (!limited) return null;
  if (typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter)) return clamp(e.retryAfter);
  const body = e.rawError?.retry_after;
  if (typeof body === 'number' && Number.isFinite(body)) return clamp(body * 1000);
  const header = Number(e.headers?.['retry-after']);
  if (Number.isFinite(header) && header >= 0) return clamp(header * 1000);
  return DEFAULT_WAIT_MS;
}
