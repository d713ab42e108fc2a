// The live posts' channel port on a discord.js Client: render, stamp the marker, send with an enforced nonce
// (a retried request that landed returns the same message), and read back our recent messages. Channel
// lookup and reading back are the daily briefing's (src/discord/schedule/discord-channel-port.ts).
import type { Client } from 'discord.js';
import type { FoundMessage, LiveChannelPort, LiveMessage } from '../../delivery/live';
import { renderBurstSummary, renderLivePost, type RenderedMessage } from '../render';
import { DiscordChannelPort } from '../schedule/discord-channel-port';

/** The message a live post is, marker included (footer of the embed, or the last line of a summary). */
export function renderLiveMessage(message: LiveMessage): RenderedMessage {
  if (message.kind === 'summary') return renderBurstSummary({ sourceName: message.sourceName, count: message.count, marker: message.marker });
  return renderLivePost(message.article, { alsoReportedBy: message.alsoReportedBy, marker: message.marker });
}

export class DiscordLiveChannelPort implements LiveChannelPort {
  private readonly channels: DiscordChannelPort;
  constructor(client: Client) {
    this.channels = new DiscordChannelPort(client);
  }

  send(channelId: string, message: LiveMessage): Promise<{ id: string }> {
    return this.channels.send(channelId, renderLiveMessage(message), message.nonce);
  }

  edit(channelId: string, messageId: string, message: LiveMessage): Promise<void> {
    return this.channels.edit(channelId, messageId, renderLiveMessage(message));
  }

  ownMessagesSince(channelId: string, since: Date, max: number): Promise<FoundMessage[]> {
    return this.channels.ownMessagesSince(channelId, since, max);
  }
}
