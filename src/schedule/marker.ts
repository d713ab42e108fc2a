// How a posted briefing recognises itself later: a marker text in every message, and a Discord nonce.
import { createHash } from 'node:crypto';

/** Marker of one day's briefing in one channel: `briefbot:<channel>:<date>`. */
export function dayMarker(channelId: string, localDate: string): string {
  return `briefbot:${channelId}:${localDate}`;
}

/** Marker of one message of that briefing: `briefbot:<channel>:<date>#<part>/<parts>`. */
export function partMarker(channelId: string, localDate: string, part: number, parts: number): string {
  return `${dayMarker(channelId, localDate)}#${part}/${parts}`;
}

/** Finds `part/parts` after a day marker in a text, or null. */
export function readPart(text: string, channelId: string, localDate: string): { part: number; parts: number } | null {
  const at = text.indexOf(dayMarker(channelId, localDate));
  if (at < 0) return null;
  const rest = text.slice(at + dayMarker(channelId, localDate).length);
  const m = /^#(\d+)\/(\d+)/.exec(rest);
  return m ? { part: Number(m[1]), parts: Number(m[2]) } : { part: 1, parts: 1 };
}

/**
 * Discord nonce for one message of one briefing (≤ 25 characters). With enforce_nonce, Discord returns the
 * message already created with the same nonce in the last few minutes instead of creating a second one —
 * which covers a retry after a 5xx whose request in fact succeeded. `round` is the claim's attempt: a
 * briefing posted whole again after its partial parts were deleted must not be answered with those.
 */
export function nonceFor(channelId: string, localDate: string, part: number, round = 1): string {
  const key = round <= 1 ? `${channelId}:${localDate}:${part}` : `${channelId}:${localDate}:${part}:${round}`;
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}
