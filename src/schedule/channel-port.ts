// What delivering a briefing needs from Discord, and nothing more. The discord.js implementation lives in
// src/discord/schedule/discord-channel-port.ts; tests of the ledger and scheduler use an in-memory one.
import type { RenderedMessage } from '../discord/render/message';
import type { FailureKind } from '../store/ledger';

export type ChannelCheck = { ok: true } | { ok: false; kind: FailureKind; reason: string };

export interface FoundMessage {
  id: string;
  /** Content and embed footers, where the marker lives. */
  text: string;
}

/** Where a channel is: its server (null outside one) and whether it is a text or announcement channel. */
export interface ChannelPlace {
  guildId: string | null;
  holdsMessages: boolean;
}

export interface ChannelPort {
  /** Where the channel is, or null when the bot cannot see it at all. */
  locate(channelId: string): Promise<ChannelPlace | null>;
  /** Whether the bot can post a briefing in the channel (view, send, embed links). */
  check(channelId: string): Promise<ChannelCheck>;
  /**
   * Sends one message; throws (anything) on failure — classify() says what kind. `nonce` is enforced, so a
   * retry of a request that in fact landed returns the first message instead of posting a second.
   */
  send(channelId: string, message: RenderedMessage, nonce: string): Promise<{ id: string }>;
  /** Deletes one of the bot's own messages; a message already gone counts as deleted. */
  deleteOwn(channelId: string, messageId: string): Promise<void>;
  /** The bot's own messages in the channel posted since `since` (newest first, at most `max` messages read). */
  ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]>;
  /** What a thrown send/fetch error means for retrying. */
  classify(error: unknown): { kind: FailureKind; reason: string };
}

/** Errors worth retrying (5xx, timeouts); anything else stops the day's attempt at once. */
export function isRetryable(kind: FailureKind): boolean {
  return kind === 'transient';
}
