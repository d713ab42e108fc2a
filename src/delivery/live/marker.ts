// How a live post recognises itself after a crash: a short marker in the footer, and a Discord nonce
// (with enforce_nonce, a retried request whose first try landed returns the same message).
import { createHash } from 'node:crypto';

function digest(channelId: string, key: string): string {
  return createHash('sha256').update(`live:${channelId}:${key}`).digest('base64url');
}

/** `bb-live:<16 characters>`: unique per (channel, key), short enough for any footer. */
export function liveMarker(channelId: string, key: string): string {
  return `bb-live:${digest(channelId, key).slice(0, 16)}`;
}

/** A nonce (≤ 25 characters) per (channel, key). */
export function liveNonce(channelId: string, key: string): string {
  return digest(channelId, key).slice(-25);
}
