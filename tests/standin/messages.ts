// Turning a create/edit body into the message Discord would store, including who it would ping.
import { Flags } from './permissions';
import { isoTimestamp, snowflake } from './snowflake';
import type { Json } from './types';

export interface MessageContext {
  channelId: string;
  guildId: string | null;
  author: Json;
  /** The bot's permissions in the channel (decides @everyone and embed links). */
  permissions: bigint;
  files: string[];
  webhookId?: string;
  applicationId?: string;
  interaction?: { id: string; type: number; user: Json; name?: string };
}

export function createMessage(body: Json, ctx: MessageContext): Json {
  const message: Json = {
    id: snowflake(),
    type: 0,
    channel_id: ctx.channelId,
    author: ctx.author,
    content: '',
    tts: Boolean(body.tts),
    timestamp: isoTimestamp(),
    edited_timestamp: null,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
  };
  if (ctx.guildId) message.guild_id = ctx.guildId;
  if (ctx.webhookId) message.webhook_id = ctx.webhookId;
  if (ctx.applicationId) message.application_id = ctx.applicationId;
  if (ctx.interaction) {
    message.type = ctx.interaction.type === 2 ? 20 : 0;
    message.interaction_metadata = {
      id: ctx.interaction.id,
      type: ctx.interaction.type,
      user: ctx.interaction.user,
      authorizing_integration_owners: ctx.guildId ? { '0': ctx.guildId } : { '1': ctx.interaction.user.id },
      ...(ctx.interaction.name ? { name: ctx.interaction.name } : {}),
    };
  }
  if (body.message_reference) message.message_reference = body.message_reference;
  if (body.nonce !== undefined) message.nonce = body.nonce;
  return applyEdit(message, body, ctx, false);
}

/** Applies a create or PATCH body; fields absent from an edit keep their value, as on Discord. */
export function applyEdit(message: Json, body: Json, ctx: MessageContext, isEdit = true): Json {
  if ('content' in body) message.content = body.content ?? '';
  if ('embeds' in body) {
    // Without Embed Links, Discord drops the bot's embeds silently rather than refusing the message.
    message.embeds = ctx.permissions & Flags.EmbedLinks ? (body.embeds ?? []).map(normaliseEmbed) : [];
  }
  if ('components' in body) message.components = body.components ?? [];
  if ('flags' in body && body.flags != null) {
    // EPHEMERAL (64) and SUPPRESS_EMBEDS (4) and SUPPRESS_NOTIFICATIONS (4096) are the ones a bot may set.
    message.flags = (isEdit ? message.flags & 64 : 0) | (Number(body.flags) & (64 | 4 | 4096 | 32768));
  }
  if ('attachments' in body || ctx.files.length) {
    message.attachments = ctx.files.map((filename, i) => ({
      id: snowflake(),
      filename,
      size: 0,
      url: `https://cdn.standin.invalid/${message.id}/${i}/${filename}`,
      proxy_url: `https://media.standin.invalid/${message.id}/${i}/${filename}`,
    }));
  }
  if (isEdit) message.edited_timestamp = isoTimestamp();
  computeMentions(message, body.allowed_mentions, ctx);
  return message;
}

function normaliseEmbed(e: Json): Json {
  return { type: 'rich', ...e, content_scan_version: 0 };
}

// Discord's rules: no allowed_mentions → every mention in the text pings; with it, only what parse
// (or the users/roles lists) allows. @everyone/@here also need the Mention Everyone permission in a guild.
function computeMentions(message: Json, allowed: Json, ctx: MessageContext): void {
  const content: string = message.content ?? '';
  const parse: string[] | null = allowed ? (allowed.parse ?? []) : null;
  const canUsers = (id: string) => parse === null || parse.includes('users') || (allowed?.users ?? []).includes(id);
  const canRoles = (id: string) => parse === null || parse.includes('roles') || (allowed?.roles ?? []).includes(id);
  const everyoneText = /@(everyone|here)/.test(content);
  const everyoneAllowed = parse === null || parse.includes('everyone');
  const hasPermission = ctx.guildId === null || Boolean(ctx.permissions & Flags.MentionEveryone);
  message.mention_everyone = everyoneText && everyoneAllowed && hasPermission;
  const userIds = [...content.matchAll(/<@!?(\d{15,21})>/g)].map((m) => m[1]).filter(canUsers);
  message.mentions = [...new Set(userIds)].map((id) => ({
    id,
    username: `user${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
  }));
  message.mention_roles = [...new Set([...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1]).filter(canRoles))];
}

/** True when a message would notify anyone: @everyone/@here, a user or a role. */
export function pingsAnyone(message: Json): boolean {
  return Boolean(message.mention_everyone) || (message.mentions?.length ?? 0) > 0 || (message.mention_roles?.length ?? 0) > 0;
}
