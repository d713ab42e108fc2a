// Interaction payloads shaped as Discord sends them over the gateway (INTERACTION_CREATE's d).
// Option types come from the commands the bot registered, so a test writes { topic: 'climate' }
// and gets the type, subcommand nesting and resolved data Discord would send.
import { toBits } from './permissions';
import { isoTimestamp, snowflake } from './snowflake';
import type { StandInState, StoredCommand } from './state';
import type { Json, PermissionsInput } from './types';
import { DEFAULT_EVERYONE, GuildState, memberChannelPermissions } from './world';

export type OptionValue = string | number | boolean;

export interface UserInput {
  id?: string;
  username?: string;
  globalName?: string;
}

export interface InteractionContextInput {
  /** Default: the first guild; null sends it from a DM. */
  guildId?: string | null;
  /** Default: the guild's first text channel. */
  channelId?: string;
  user?: UserInput;
  /** The invoking member's permissions as Discord computes them (member.permissions). Default: @everyone's in the channel. */
  memberPermissions?: PermissionsInput;
  roles?: string[];
  locale?: string;
}

export interface CommandInput extends InteractionContextInput {
  /** Command name, with subcommands separated by spaces: 'briefing set'. */
  name: string;
  /** Values by option name, or raw Discord option objects. */
  options?: Record<string, OptionValue> | Json[];
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed into; its value is sent as the partial text. */
  focused: string;
}

export interface ComponentInput extends InteractionContextInput {
  /** The message carrying the component; default: the newest message the stand-in knows with that custom id. */
  message?: Json;
}

const DEFAULT_USER = { id: '100000000000000001', username: 'tester', globalName: 'Tester' };

export class PayloadBuilder {
  constructor(
    private readonly state: StandInState,
    private readonly knownMessages: () => Json[],
  ) {}

  command(input: CommandInput): Json {
    const base = this.base(2, input);
    const { command, path } = this.resolveCommand(input.name, base.guild_id ?? null);
    const leafDefs = this.leafOptionDefs(command, path);
    const resolved: Json = {};
    const leafOptions = Array.isArray(input.options)
      ? input.options
      : this.typedOptions(input.name, input.options ?? {}, leafDefs, resolved, base, null);
    base.data = {
      id: command?.id ?? snowflake(),
      name: path[0],
      type: 1,
      options: nest(path.slice(1), leafOptions, command),
      ...(Object.keys(resolved).length ? { resolved } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return base;
  }

  autocomplete(input: AutocompleteInput): Json {
    const base = this.base(4, input);
    const { command, path } = this.resolveCommand(input.name, base.guild_id ?? null);
    const leafDefs = this.leafOptionDefs(command, path);
    const values = { ...(Array.isArray(input.options) ? {} : (input.options ?? {})) };
    if (!(input.focused in values)) values[input.focused] = '';
    const leafOptions = this.typedOptions(input.name, values, leafDefs, {}, base, input.focused);
    base.data = {
      id: command?.id ?? snowflake(),
      name: path[0],
      type: 1,
      options: nest(path.slice(1), leafOptions, command),
    };
    return base;
  }

  button(customId: string, input: ComponentInput = {}): Json {
    const message = input.message ?? this.findMessageWith(customId);
    const base = this.base(3, { ...input, channelId: input.channelId ?? message.channel_id, guildId: input.guildId ?? message.guild_id ?? null });
    base.message = message;
    base.data = { custom_id: customId, component_type: 2 };
    return base;
  }

  select(customId: string, values: string[], input: ComponentInput = {}): Json {
    const message = input.message ?? this.findMessageWith(customId);
    const base = this.base(3, { ...input, channelId: input.channelId ?? message.channel_id, guildId: input.guildId ?? message.guild_id ?? null });
    base.message = message;
    const component = findComponent(message, customId);
    base.data = { custom_id: customId, component_type: component?.type ?? 3, values };
    return base;
  }

  modalSubmit(customId: string, fields: Record<string, string>, input: ComponentInput = {}): Json {
    const base = this.base(5, { ...input, channelId: input.channelId ?? input.message?.channel_id });
    if (input.message) base.message = input.message;
    base.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({ type: 1, id: 0, components: [{ type: 4, id: 0, custom_id: id, value }] })),
    };
    return base;
  }

  private base(type: number, input: InteractionContextInput): Json {
    const guild = this.pickGuild(input.guildId);
    const channel = this.pickChannel(guild, input.channelId);
    const user = {
      id: input.user?.id ?? DEFAULT_USER.id,
      username: input.user?.username ?? DEFAULT_USER.username,
      global_name: input.user?.globalName ?? DEFAULT_USER.globalName,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    const payload: Json = {
      id: snowflake(),
      application_id: this.state.applicationId,
      type,
      token: interactionToken(),
      version: 1,
      locale: input.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      app_permissions: this.state.botPermissions(channel).toString(),
      channel_id: channel.id,
    };
    if (guild) {
      const roles = input.roles ?? [];
      const permissions =
        input.memberPermissions !== undefined ? toBits(input.memberPermissions) : memberChannelPermissions(guild, channel, user.id, roles, 0n);
      const member = {
        user,
        roles,
        permissions: permissions.toString(),
        joined_at: isoTimestamp(Date.now() - 86_400_000),
        nick: null,
        avatar: null,
        banner: null,
        flags: 0,
        pending: false,
        premium_since: null,
        deaf: false,
        mute: false,
        communication_disabled_until: null,
        unusual_dm_activity_until: null,
      };
      guild.members.set(user.id, member);
      Object.assign(payload, {
        guild_id: guild.id,
        guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
        guild_locale: guild.preferredLocale,
        member,
        context: 0,
        authorizing_integration_owners: { '0': guild.id },
        channel: { ...channelForInteraction(channel), permissions: permissions.toString() },
      });
    } else {
      Object.assign(payload, {
        user,
        context: 1,
        authorizing_integration_owners: { '0': '0' },
        channel: { id: channel.id, type: 1, last_message_id: null, flags: 0, recipients: [user] },
      });
    }
    return payload;
  }

  private pickGuild(guildId: string | null | undefined): GuildState | null {
    if (guildId === null) return null;
    if (guildId === undefined) {
      const first = this.state.guilds.values().next().value;
      if (!first) throw new Error('The stand-in has no guild; pass guildId: null for a DM');
      return first;
    }
    const g = this.state.guilds.get(guildId);
    if (!g) throw new Error(`Unknown guild ${guildId}`);
    return g;
  }

  private pickChannel(guild: GuildState | null, channelId: string | undefined): Json {
    if (!guild) {
      const id = channelId ?? snowflake();
      let dm = this.state.channels.get(id);
      if (!dm) this.state.channels.set(id, (dm = { id, type: 1, last_message_id: null, flags: 0, recipients: [] }));
      return dm;
    }
    const channel = channelId ? this.state.channels.get(channelId) : guild.channels.find((c) => c.type === 0);
    if (!channel) throw new Error(`Unknown channel ${channelId ?? '(no text channel in guild)'}`);
    return channel;
  }

  private resolveCommand(fullName: string, guildId: string | null): { command: StoredCommand | undefined; path: string[] } {
    const path = fullName.trim().split(/\s+/);
    const command = this.state.commandsFor(guildId).find((c) => c.name === path[0] && c.type === 1);
    return { command, path };
  }

  private leafOptionDefs(command: StoredCommand | undefined, path: string[]): Json[] | null {
    if (!command) return null;
    let defs: Json[] = command.options ?? [];
    for (const part of path.slice(1)) {
      const sub = defs.find((o) => o.name === part && (o.type === 1 || o.type === 2));
      if (!sub) throw new Error(`/${command.name} has no subcommand "${part}"`);
      defs = sub.options ?? [];
    }
    return defs;
  }

  private typedOptions(
    commandName: string,
    values: Record<string, OptionValue>,
    defs: Json[] | null,
    resolved: Json,
    base: Json,
    focused: string | null,
  ): Json[] {
    if (defs) {
      for (const d of defs) {
        if (d.required && !(d.name in values) && focused === null) throw new Error(`/${commandName}: required option "${d.name}" is missing`);
      }
    }
    return Object.entries(values).map(([name, value]) => {
      const def = defs?.find((d) => d.name === name);
      if (defs && !def) throw new Error(`/${commandName} has no option "${name}" (registered: ${defs.map((d) => d.name).join(', ') || 'none'})`);
      if (name === focused) return { name, type: def?.type ?? 3, value: String(value), focused: true };
      const type: number = def?.type ?? inferType(value);
      if (def?.choices && !def.choices.some((c: Json) => c.value === value)) {
        throw new Error(`/${commandName}: ${JSON.stringify(value)} is not a choice of "${name}"`);
      }
      this.addResolved(type, String(value), resolved, base);
      return { name, type, value: type === 4 || type === 10 ? Number(value) : type === 5 ? Boolean(value) : String(value) };
    });
  }

  private addResolved(type: number, id: string, resolved: Json, base: Json): void {
    if (type === 7) {
      const c = this.state.channels.get(id);
      if (!c) throw new Error(`Channel option refers to unknown channel ${id}`);
      const g = this.state.guildOfChannel(c);
      const perms = g ? memberChannelPermissions(g, c, base.member?.user.id ?? '', base.member?.roles ?? [], 0n) : 0n;
      (resolved.channels ??= {})[id] = {
        id: c.id,
        name: c.name,
        type: c.type,
        permissions: perms.toString(),
        parent_id: c.parent_id ?? null,
        guild_id: c.guild_id,
        flags: 0,
        position: c.position,
        topic: c.topic,
        nsfw: false,
        last_message_id: c.last_message_id,
        rate_limit_per_user: 0,
        permission_overwrites: c.permission_overwrites,
      };
    } else if (type === 6 || type === 9) {
      const g = base.guild_id ? this.state.guilds.get(base.guild_id) : undefined;
      const role = g?.roles.find((r: Json) => r.id === id);
      if (role) (resolved.roles ??= {})[id] = role;
      else {
        (resolved.users ??= {})[id] = { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
        if (g)
          (resolved.members ??= {})[id] = {
            roles: [],
            joined_at: isoTimestamp(),
            nick: null,
            avatar: null,
            flags: 0,
            pending: false,
            premium_since: null,
            permissions: DEFAULT_EVERYONE.toString(),
            communication_disabled_until: null,
          };
      }
    } else if (type === 8) {
      const g = base.guild_id ? this.state.guilds.get(base.guild_id) : undefined;
      const role = g?.roles.find((r: Json) => r.id === id);
      if (!role) throw new Error(`Role option refers to unknown role ${id}`);
      (resolved.roles ??= {})[id] = role;
    }
  }

  private findMessageWith(customId: string): Json {
    const candidates = this.knownMessages().filter((m) => findComponent(m, customId));
    const newest = candidates.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1))[0];
    if (!newest) throw new Error(`No message the stand-in knows carries a component with custom id "${customId}"`);
    return newest;
  }
}

function nest(subPath: string[], leaf: Json[], command: StoredCommand | undefined): Json[] {
  if (subPath.length === 0) return leaf;
  // Two levels: a group (type 2) holding a subcommand (type 1), or a subcommand alone.
  if (subPath.length === 2) return [{ name: subPath[0], type: 2, options: [{ name: subPath[1], type: 1, options: leaf }] }];
  const def = command?.options?.find((o: Json) => o.name === subPath[0]);
  return [{ name: subPath[0], type: def?.type ?? 1, options: leaf }];
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

export function findComponent(message: Json, customId: string): Json | undefined {
  const walk = (components: Json[] | undefined): Json | undefined => {
    for (const c of components ?? []) {
      if (c.custom_id === customId) return c;
      const inner = walk(c.components) ?? (c.accessory ? walk([c.accessory]) : undefined);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(message?.components);
}

function channelForInteraction(c: Json): Json {
  return {
    id: c.id,
    type: c.type,
    guild_id: c.guild_id,
    name: c.name,
    position: c.position,
    parent_id: c.parent_id,
    topic: c.topic,
    nsfw: c.nsfw,
    last_message_id: c.last_message_id,
    rate_limit_per_user: c.rate_limit_per_user,
    flags: c.flags ?? 0,
  };
}

function interactionToken(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let t = 'aW50ZXJhY3Rpb246';
  for (let i = 0; i < 160; i++) t += chars[Math.floor(Math.random() * chars.length)];
  return t;
}
