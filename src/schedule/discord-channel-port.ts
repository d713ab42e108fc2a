// The ChannelPort on a discord.js Client: permission checks, sending, reading back our recent messages.
import { PermissionFlagsBits, type Client, type GuildTextBasedChannel, type MessageCreateOptions } from 'discord.js';
import type { ChannelCheck, ChannelPort, FoundMessage } from './channel-port';
import { classifyError } from './classify-error';
import { markerText } from './stamp';

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
    const channel = this.client.channels.cache.get(channelId) ?? (await this.client.channels.fetch(channelId));
    if (!channel) throw new PortError('Unknown Channel', 404, 10003);
    if (!channel.isTextBased() || channel.isDMBased() || !channel.isSendable()) {
      throw new PortError('The briefing channel is not a server text channel the bot can post in.', 404, 0);
    }
    return channel;
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

  async send(channelId: string, message: MessageCreateOptions): Promise<{ id: string }> {
    const channel = await this.channel(channelId);
    const sent = await channel.send(message);
    return { id: sent.id };
  }

  async recentOwnMessages(channelId: string, limit: number): Promise<FoundMessage[]> {
    const channel = await this.channel(channelId);
    const me = this.client.user?.id;
    const messages = await channel.messages.fetch({ limit: Math.min(100, limit), cache: false });
    return [...messages.values()]
      .filter((m) => m.author.id === me)
      .sort((a, b) => b.createdTimestamp - a.createdTimestamp || (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .map((m) => ({ id: m.id, text: markerText({ content: m.content, embeds: m.embeds.map((e) => ({ footer: e.footer ? { text: e.footer.text } : null })) }) }));
  }

  classify(error: unknown) {
    return classifyError(error);
  }
}
