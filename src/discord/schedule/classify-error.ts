// What an error from Discord means for a scheduled post. Duck-typed on DiscordAPIError / HTTPError shapes
// ({ status, code }), so it needs no discord.js import and also reads errors from test doubles.
import type { FailureKind } from '../../store/ledger';

const PERMANENT_CODES: Record<number, { kind: FailureKind; reason: string }> = {
  50001: { kind: 'permissions', reason: 'Missing Access: the bot cannot see this channel. Give it View Channel here.' },
  50013: {
    kind: 'permissions',
    reason: 'Missing Permissions: the bot needs View Channel, Send Messages and Embed Links in this channel.',
  },
  10003: { kind: 'gone', reason: 'Unknown Channel: the channel was deleted. Set the briefing in another channel.' },
};

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

export function classifyError(error: unknown): { kind: FailureKind; reason: string } {
  const e = (error ?? {}) as { status?: unknown; code?: unknown; name?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.code === 'number' && PERMANENT_CODES[e.code]) return PERMANENT_CODES[e.code];
  const status = typeof e.status === 'number' ? e.status : null;
  if (status === 403) return { kind: 'permissions', reason: `Forbidden (403): ${message}` };
  if (status === 404) return { kind: 'gone', reason: `Not found (404): the channel is gone. ${message}` };
  if (status !== null && status >= 500) return { kind: 'transient', reason: `Discord answered ${status}: ${message}` };
  if (status === 429 || e.name === 'RateLimitError') return { kind: 'transient', reason: `Rate limited: ${message}` };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return { kind: 'transient', reason: `Request timed out: ${message}` };
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return { kind: 'transient', reason: `Network error ${e.code}: ${message}` };
  return { kind: 'unknown', reason: message };
}
