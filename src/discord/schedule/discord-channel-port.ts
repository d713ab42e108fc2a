// The ChannelPort on a discord.js Client: permission checks, sending, reading back our recent messages.
import { ChannelType, PermissionFlagsBits, SnowflakeUtil, type Client, type GuildTextBasedChannel } from 'discord.js';
import type { RenderedMessage } from '../render/message';
import { markerText } from '../render/stamp';
import type { ChannelCheck, ChannelPlace, ChannelPort, FoundMessage } from '../../schedule/channel-port';
import { classifyError } from './classify-error';

/** Channels a briefing can go to: the same types /briefing's channel options offer. */
const BRIEFING_CHANNEL_TYPES: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

const NEEDED: [bigint, string][] = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

class PortError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
  ) {
    super(message);
  }
}

export class DiscordChannelPort implements ChannelPort {
  constructor(private readonly client: Client) {}

  private async channel(channelId: string): Promise<GuildTextBasedChannel> {
    // A server another shard (or host) holds is not in this client's cache, yet its channels take posts through
    // REST all the same (a live post for a feed this process fetched): without allowUnknownGuild discord.js
    // returns null for them, which would read as a deleted channel.
    const channel = this.client.channels.cache.get(channelId) ?? (await this.client.channels.fetch(channelId, { allowUnknownGuild: true }));
    if (!channel) throw new PortError('Unknown Channel', 404, 10003);
    if (!channel.isTextBased() || channel.isDMBased() || !channel.isSendable()) {
      throw new PortError('The briefing channel is not a server text channel the bot can post in.', 404, 0);
    }
    return channel;
  }

  /** From the client's cache or the API, never from the interaction payload (which a client can forge). */
  async locate(channelId: string): Promise<ChannelPlace | null> {
    const channel = this.client.channels.cache.get(channelId) ?? (await this.client.channels.fetch(channelId).catch(() => null));
    if (!channel) return null;
    const guildId = 'guildId' in channel && typeof channel.guildId === 'string' ? channel.guildId : null;
    return { guildId, holdsMessages: BRIEFING_CHANNEL_TYPES.has(channel.type) };
  }

  async check(channelId: string): Promise<ChannelCheck> {
    let channel: GuildTextBasedChannel;
    try {
      channel = await this.channel(channelId);
    } catch (error) {
      const { kind, reason } = classifyError(error);
      return { ok: false, kind, reason };
    }
    const me = this.client.user;
    const perms = me ? channel.permissionsFor(me) : null;
    const missing = NEEDED.filter(([flag]) => !perms?.has(flag)).map(([, name]) => name);
    if (missing.length === 0) return { ok: true };
    return {
      ok: false,
      kind: 'permissions',
      reason: `Missing permissions in #${channel.name}: ${missing.join(', ')}. Give the bot View Channel, Send Messages and Embed Links there.`,
    };
  }

  async send(channelId: string, message: RenderedMessage, nonce: string): Promise<{ id: string }> {
    const channel = await this.channel(channelId);
    const sent = await channel.send({ ...message, nonce, enforceNonce: true });
    return { id: sent.id };
  }

  /** Replaces one of our messages in place (a live post's "also reported by" grows); 404 when it was deleted. */
  async edit(channelId: string, messageId: string, message: RenderedMessage): Promise<void> {
    const channel = await this.channel(channelId);
    await channel.messages.edit(messageId, message);
  }

  async deleteOwn(channelId: string, messageId: string): Promise<void> {
    const channel = await this.channel(channelId);
    try {
      await channel.messages.delete(messageId);
    } catch (error) {
      // 10008 Unknown Message: someone deleted it already, which is what we wanted.
      if ((error as { code?: unknown }).code !== 10008) throw error;
    }
  }

  async ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]> {
    const channel = await this.channel(channelId);
    const me = this.client.user?.id;
    const found: FoundMessage[] = [];
    // Page forwards from a snowflake made of `since`: every message after it, however busy the channel.
    let after = SnowflakeUtil.generate({ timestamp: since.getTime() }).toString();
    for (let read = 0; read < max;) {
      const page = await channel.messages.fetch({ after, limit: 100, cache: false });
      if (page.size === 0) break;
      read += page.size;
      for (const m of page.values()) {
        if (m.author.id !== me) continue;
        const embeds = m.embeds.map((e) => ({ footer: e.footer ? { text: e.footer.text } : null }));
        found.push({ id: m.id, text: markerText({ content: m.content, embeds }) });
      }
      after = [...page.keys()].reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
      if (page.size < 100) break;
    }
    return found.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0));
  }

  classify(error: unknown) {
    return classifyError(error);
  }
}
