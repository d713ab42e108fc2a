// REST routes for channels, their messages, and guilds; permission checks as Discord makes them.
import type { Gateway } from './gateway';
import type { Reply, Router } from './http';
import { applyEdit, createMessage } from './messages';
import { Flags } from './permissions';
import type { StandInState } from './state';
import type { Json } from './types';
import { validateMessageBody } from './validate';
import { guildPayload } from './world';

const GUILD_MESSAGES_INTENT = 1 << 9;
const DIRECT_MESSAGES_INTENT = 1 << 12;

export const errors = {
  unknownChannel: (): Reply => ({ status: 404, body: { message: 'Unknown Channel', code: 10003 } }),
  unknownMessage: (): Reply => ({ status: 404, body: { message: 'Unknown Message', code: 10008 } }),
  unknownGuild: (): Reply => ({ status: 404, body: { message: 'Unknown Guild', code: 10004 } }),
  unknownMember: (): Reply => ({ status: 404, body: { message: 'Unknown Member', code: 10007 } }),
  missingAccess: (): Reply => ({ status: 403, body: { message: 'Missing Access', code: 50001 } }),
  missingPermissions: (): Reply => ({ status: 403, body: { message: 'Missing Permissions', code: 50013 } }),
  notAuthor: (): Reply => ({ status: 403, body: { message: 'Cannot edit a message authored by another user', code: 50005 } }),
};

export function registerChannelRoutes(router: Router, state: StandInState, gateway: Gateway): void {
  const visible = (channelId: string): { channel: Json; perms: bigint } | Reply => {
    const channel = state.channels.get(channelId);
    if (!channel) return errors.unknownChannel();
    const perms = state.botPermissions(channel);
    if (!(perms & Flags.ViewChannel)) return errors.missingAccess();
    return { channel, perms };
  };
  const isReply = (x: unknown): x is Reply => typeof (x as Reply).status === 'number';
  const announce = (t: string, message: Json) => {
    const intent = message.guild_id ? GUILD_MESSAGES_INTENT : DIRECT_MESSAGES_INTENT;
    for (const s of gateway.liveSessions()) {
      if (!(s.intents & intent)) continue;
      if (message.guild_id && gateway.sessionFor(message.guild_id, s.shard[0]) !== s) continue;
      gateway.dispatchTo(s, t, message);
    }
  };

  router.add('GET', '/channels/:channel', ({ params }) => {
    const v = visible(params.channel);
    return isReply(v) ? v : { status: 200, body: v.channel };
  });

  router.add('GET', '/channels/:channel/messages', ({ params, query }) => {
    const v = visible(params.channel);
    if (isReply(v)) return v;
    if (!(v.perms & Flags.ReadMessageHistory)) return { status: 200, body: [] };
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50)));
    let list = [...state.channelMessages(params.channel)].reverse(); // newest first, as Discord answers
    if (query.before) list = list.filter((m) => BigInt(m.id) < BigInt(query.before));
    if (query.after)
      list = list
        .filter((m) => BigInt(m.id) > BigInt(query.after))
        .reverse()
        .slice(0, limit)
        .reverse();
    if (query.around) {
      const i = list.findIndex((m) => m.id === query.around);
      const start = Math.max(0, i - Math.floor(limit / 2));
      list = i < 0 ? [] : list.slice(start, start + limit);
    }
    return { status: 200, body: list.slice(0, limit) };
  });

  router.add('POST', '/channels/:channel/messages', ({ params, body, files }) => {
    const v = visible(params.channel);
    if (isReply(v)) return v;
    if (!(v.perms & Flags.SendMessages)) return errors.missingPermissions();
    if (files.length && !(v.perms & Flags.AttachFiles)) return errors.missingPermissions();
    const problem = validateMessageBody(body, { requireSomething: true, hasFiles: files.length > 0 });
    if (problem) return { status: 400, body: problem };
    // enforce_nonce: a message of ours with the same nonce in the last few minutes is answered again, not repeated.
    const same = body.enforce_nonce && body.nonce != null ? recentWithNonce(state.channelMessages(params.channel), state.bot.id, body.nonce) : null;
    if (same) return { status: 200, body: same };
    const message = createMessage(body, {
      channelId: params.channel,
      guildId: v.channel.guild_id ?? null,
      author: state.botUser(),
      permissions: v.perms,
      files,
    });
    state.channelMessages(params.channel).push(message);
    v.channel.last_message_id = message.id;
    announce('MESSAGE_CREATE', message);
    state.signal.notify();
    return { status: 200, body: message };
  });

  const ownMessage = (channelId: string, messageId: string) => {
    const v = visible(channelId);
    if (isReply(v)) return v;
    const message = state.channelMessages(channelId).find((m) => m.id === messageId);
    return message ? { ...v, message } : errors.unknownMessage();
  };

  router.add('GET', '/channels/:channel/messages/:message', ({ params }) => {
    const r = ownMessage(params.channel, params.message);
    if (isReply(r)) return r;
    return r.perms & Flags.ReadMessageHistory ? { status: 200, body: r.message } : errors.missingAccess();
  });

  router.add('PATCH', '/channels/:channel/messages/:message', ({ params, body, files }) => {
    const r = ownMessage(params.channel, params.message);
    if (isReply(r)) return r;
    if (r.message.author.id !== state.bot.id) return errors.notAuthor();
    const problem = validateMessageBody(body, { requireSomething: false, hasFiles: files.length > 0 });
    if (problem) return { status: 400, body: problem };
    applyEdit(r.message, body, {
      channelId: params.channel,
      guildId: r.channel.guild_id ?? null,
      author: r.message.author,
      permissions: r.perms,
      files,
    });
    announce('MESSAGE_UPDATE', r.message);
    state.signal.notify();
    return { status: 200, body: r.message };
  });

  router.add('DELETE', '/channels/:channel/messages/:message', ({ params }) => {
    const r = ownMessage(params.channel, params.message);
    if (isReply(r)) return r;
    if (r.message.author.id !== state.bot.id && !(r.perms & Flags.ManageMessages)) return errors.missingPermissions();
    const list = state.channelMessages(params.channel);
    list.splice(list.indexOf(r.message), 1);
    announce('MESSAGE_DELETE', { id: r.message.id, channel_id: params.channel, guild_id: r.channel.guild_id });
    state.signal.notify();
    return { status: 204 };
  });

  router.add('GET', '/users/@me/guilds', () => ({
    status: 200,
    body: [...state.guilds.values()].map((g) => ({
      id: g.id,
      name: g.name,
      icon: null,
      banner: null,
      owner: false,
      features: [],
      permissions: g.roles
        .reduce((acc: bigint, r: Json) => (g.botMember.roles.includes(r.id) || r.id === g.id ? acc | BigInt(r.permissions) : acc), 0n)
        .toString(),
    })),
  }));

  const guild = (id: string) => state.guilds.get(id);
  router.add('GET', '/guilds/:guild', ({ params, query }) => {
    const g = guild(params.guild);
    if (!g) return errors.unknownGuild();
    const body = guildPayload(g, false);
    if (query.with_counts === 'true') Object.assign(body, { approximate_member_count: 2, approximate_presence_count: 1 });
    return { status: 200, body };
  });
  router.add('GET', '/guilds/:guild/channels', ({ params }) => {
    const g = guild(params.guild);
    return g ? { status: 200, body: g.channels } : errors.unknownGuild();
  });
  router.add('GET', '/guilds/:guild/roles', ({ params }) => {
    const g = guild(params.guild);
    return g ? { status: 200, body: g.roles } : errors.unknownGuild();
  });
  router.add('GET', '/guilds/:guild/members/:user', ({ params }) => {
    const g = guild(params.guild);
    if (!g) return errors.unknownGuild();
    const id = params.user === '@me' ? state.bot.id : params.user;
    const member = id === state.bot.id ? g.botMember : g.members.get(id);
    return member ? { status: 200, body: member } : errors.unknownMember();
  });
}

/** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

function recentWithNonce(messages: readonly Json[], authorId: string, nonce: unknown): Json | null {
  const since = Date.now() - NONCE_WINDOW_MS;
  return messages.find((m) => m.author?.id === authorId && m.nonce === nonce && Date.parse(m.timestamp) >= since) ?? null;
}
