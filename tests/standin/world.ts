// The guilds, channels, roles and members the stand-in serves, in Discord's API shapes.
import { ALL_PERMISSIONS, computeChannelPermissions, Flags, Overwrite, toBits } from './permissions';
import { isoTimestamp, snowflake } from './snowflake';
import type { ChannelSpec, GuildSpec, Json, OverwriteSpec } from './types';

export const DEFAULT_EVERYONE =
  Flags.ViewChannel |
  Flags.SendMessages |
  Flags.ReadMessageHistory |
  Flags.EmbedLinks |
  Flags.AttachFiles |
  Flags.AddReactions |
  Flags.UseApplicationCommands |
  Flags.ChangeNickname |
  Flags.CreateInstantInvite;
export const DEFAULT_BOT = Flags.ViewChannel | Flags.SendMessages | Flags.EmbedLinks | Flags.AttachFiles | Flags.ReadMessageHistory;

export interface BotIdentity {
  id: string;
  username: string;
}

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  botRoleId: string;
  roles: Json[];
  channels: Json[];
  botMember: Json;
  /** Other members the stand-in knows (interaction users are added here). */
  members: Map<string, Json>;
  joinedAt: string;
}

export function botUser(bot: BotIdentity): Json {
  return {
    id: bot.id,
    username: bot.username,
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
    system: false,
    flags: 0,
    public_flags: 0,
    mfa_enabled: false,
    verified: true,
    email: null,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
  };
}

export function buildGuild(spec: GuildSpec, bot: BotIdentity): GuildState {
  const id = spec.id ?? snowflake();
  const botRoleId = snowflake();
  const ownerId = spec.ownerId ?? snowflake();
  const roles = [
    role(id, '@everyone', toBits(spec.everyonePermissions, DEFAULT_EVERYONE), 0),
    { ...role(botRoleId, bot.username, toBits(spec.botPermissions, DEFAULT_BOT), 1), managed: true, tags: { bot_id: bot.id } },
  ];
  const joinedAt = isoTimestamp();
  const guild: GuildState = {
    id,
    name: spec.name ?? `Guild ${id.slice(-4)}`,
    ownerId,
    preferredLocale: spec.preferredLocale ?? 'en-US',
    botRoleId,
    roles,
    channels: [],
    joinedAt,
    members: new Map(),
    botMember: {
      user: botUser(bot),
      nick: null,
      avatar: null,
      banner: null,
      roles: [botRoleId],
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    },
  };
  const specs = spec.channels ?? [{ name: 'general' }];
  guild.channels = specs.map((c, i) => buildChannel(guild, c, i, bot));
  return guild;
}

function role(id: string, name: string, permissions: bigint, position: number): Json {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function buildChannel(guild: GuildState, spec: ChannelSpec, position: number, bot: BotIdentity): Json {
  const type = spec.type ?? 0;
  return {
    id: spec.id ?? snowflake(),
    type,
    guild_id: guild.id,
    name: spec.name,
    position,
    permission_overwrites: (spec.overwrites ?? []).map((o) => overwrite(o, guild, bot)),
    parent_id: spec.parentId ?? null,
    topic: spec.topic ?? null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function overwrite(o: OverwriteSpec, guild: GuildState, bot: BotIdentity): Overwrite {
  const id = o.id === 'everyone' ? guild.id : o.id === 'bot' ? bot.id : o.id === 'botRole' ? guild.botRoleId : o.id;
  const type: 0 | 1 = o.id === 'bot' || o.type === 'member' ? 1 : 0;
  return { id, type, allow: toBits(o.allow).toString(), deny: toBits(o.deny).toString() };
}

/** What GUILD_CREATE carries (and GET /guilds/:id, without the gateway-only fields). */
export function guildPayload(g: GuildState, gatewayFields: boolean): Json {
  const base: Json = {
    id: g.id,
    name: g.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: g.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: g.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: g.preferredLocale,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    nsfw: false,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
  };
  if (!gatewayFields) return base;
  return {
    ...base,
    joined_at: g.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    lazy: true,
    voice_states: [],
    members: [g.botMember],
    channels: g.channels.map((c) => withoutGuildId(c)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    activity_instances: [],
    version: Date.now(),
  };
}

// GUILD_CREATE's channels omit guild_id, like Discord's.
function withoutGuildId(c: Json): Json {
  const { guild_id: _omit, ...rest } = c;
  return rest;
}

export function rolePermissionMap(g: GuildState): Map<string, bigint> {
  return new Map(g.roles.map((r: Json) => [r.id as string, BigInt(r.permissions)]));
}

export function botChannelPermissions(g: GuildState, channel: Json, botId: string): bigint {
  return computeChannelPermissions({
    guildId: g.id,
    ownerId: g.ownerId,
    userId: botId,
    memberRoleIds: g.botMember.roles,
    rolePermissions: rolePermissionMap(g),
    overwrites: channel.permission_overwrites ?? [],
  });
}

export function memberChannelPermissions(g: GuildState, channel: Json, userId: string, roleIds: string[], extra: bigint): bigint {
  const roles = rolePermissionMap(g);
  const extraRole = '__member_base__';
  roles.set(extraRole, extra);
  return computeChannelPermissions({
    guildId: g.id,
    ownerId: g.ownerId,
    userId,
    memberRoleIds: [...roleIds, extraRole],
    rolePermissions: roles,
    overwrites: channel.permission_overwrites ?? [],
  });
}

export { ALL_PERMISSIONS };
