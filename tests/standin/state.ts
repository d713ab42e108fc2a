// The stand-in's memory: who the bot is, its guilds, channels, messages, commands and interactions.
import { botChannelPermissions, BotIdentity, botUser, GuildState } from './world';
import type { Json } from './types';
import { ChangeSignal } from './waiter';

export interface StoredCommand extends Json {
  id: string;
  name: string;
  type: number;
}

export class StandInState {
  readonly guilds = new Map<string, GuildState>();
  /** Channel id → channel object (guild channels and DM channels). */
  readonly channels = new Map<string, Json>();
  /** Channel id → messages, oldest first. */
  readonly messages = new Map<string, Json[]>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  readonly signal = new ChangeSignal();

  constructor(
    readonly bot: BotIdentity,
    readonly applicationId: string,
    public token: string,
    readonly callbackDeadlineMs: number,
  ) {}

  botUser(): Json {
    return botUser(this.bot);
  }

  addGuild(g: GuildState): void {
    this.guilds.set(g.id, g);
    for (const c of g.channels) this.channels.set(c.id, c);
  }

  guildOfChannel(channel: Json): GuildState | null {
    return channel.guild_id ? (this.guilds.get(channel.guild_id) ?? null) : null;
  }

  /** The bot's permissions in a channel; in DMs everything a DM allows. */
  botPermissions(channel: Json): bigint {
    const g = this.guildOfChannel(channel);
    if (!g) return (1n << 0n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n);
    return botChannelPermissions(g, channel, this.bot.id);
  }

  channelMessages(channelId: string): Json[] {
    let list = this.messages.get(channelId);
    if (!list) this.messages.set(channelId, (list = []));
    return list;
  }

  findMessage(messageId: string): Json | undefined {
    for (const list of this.messages.values()) {
      const m = list.find((x) => x.id === messageId);
      if (m) return m;
    }
    return undefined;
  }

  commandsFor(guildId: string | null): StoredCommand[] {
    const guildList = guildId ? (this.guildCommands.get(guildId) ?? []) : [];
    return [...guildList, ...this.globalCommands];
  }
}
