// The one message shape the renderer hands out, and packing embeds into as few messages as the limits allow.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { embedLength, LIMITS } from './limits';
import { stripBidiControls, truncateWords } from './text';

/** Nobody is ever pinged by the bot: not @everyone, not roles, not users, not the replied-to author. */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[], repliedUser: false });

/**
 * A message ready for reply, editReply, followUp, update or channel.send: plain data, always with
 * allowedMentions set to none.
 */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: { parse: never[]; repliedUser: false };
}

/** Past this many messages a result is cut short with a note rather than flooding the channel. */
export const MAX_MESSAGES = 6;

export function message(parts: { content?: string; embeds?: APIEmbed[]; components?: RenderedMessage['components'] }): RenderedMessage {
  const msg: RenderedMessage = {
    embeds: (parts.embeds ?? []).map(withoutBidiControls),
    components: (parts.components ?? []).map(rowWithoutBidiControls),
    allowedMentions: { parse: [], repliedUser: false },
  };
  const content = parts.content ? stripBidiControls(parts.content) : '';
  if (content) msg.content = truncateWords(content, LIMITS.content);
  else if (parts.content && !msg.embeds.length) msg.content = '…';
  return msg;
}

/**
 * The last sweep for bidi controls over every text a message shows (article text is already stripped by
 * safeMarkdown and safePlain; this also covers our own wording). Stripping only shortens, so limits hold;
 * a text left blank gets a dash or goes, as Discord refuses blank fields and empty embeds.
 */
function withoutBidiControls(embed: APIEmbed): APIEmbed {
  const strip = (t: string): string => stripBidiControls(t);
  const orDash = (t: string): string => (strip(t).trim() ? strip(t) : '—');
  const out: APIEmbed = { ...embed };
  for (const key of ['title', 'description'] as const) {
    const text = out[key] === undefined ? '' : strip(out[key]);
    if (text) out[key] = text;
    else delete out[key];
  }
  if (out.footer) out.footer = { ...out.footer, text: orDash(out.footer.text) };
  if (out.author) out.author = { ...out.author, name: orDash(out.author.name) };
  if (out.fields) out.fields = out.fields.map((f) => ({ ...f, name: orDash(f.name), value: orDash(f.value) }));
  if (!out.title && !out.description && !out.fields?.length && !out.author && !out.footer) out.description = '—';
  return out;
}

type Row = RenderedMessage['components'][number];

function rowWithoutBidiControls(row: Row): Row {
  const components = row.components.map((c) => {
    const out = { ...c } as Record<string, unknown>;
    for (const key of ['label', 'placeholder'] as const) if (typeof out[key] === 'string') out[key] = stripBidiControls(out[key] as string);
    if (Array.isArray(out.options)) {
      out.options = (out.options as { label: string; description?: string }[]).map((o) => ({
        ...o,
        label: stripBidiControls(o.label) || '—',
        ...(o.description !== undefined ? { description: stripBidiControls(o.description) } : {}),
      }));
    }
    return out as unknown as typeof c;
  });
  return { ...row, components };
}

/**
 * Spreads embeds over messages: at most 10 per message and 6,000 characters across them. The header goes
 * on the first message. Beyond MAX_MESSAGES the rest is left out and the last message says so.
 */
export function packEmbeds(header: string | undefined, embeds: APIEmbed[], maxMessages = MAX_MESSAGES): RenderedMessage[] {
  const groups: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const len = embedLength(embed);
    if (group.length && (group.length >= LIMITS.embeds || total + len > LIMITS.embedTotal)) {
      groups.push(group);
      group = [];
      total = 0;
    }
    group.push(embed);
    total += len;
  }
  if (group.length) groups.push(group);
  if (!groups.length) return [message({ content: header || '\u200b' })];

  const kept = groups.slice(0, maxMessages);
  const leftOut = groups.slice(maxMessages).reduce((n, g) => n + g.length, 0);
  return kept.map((g, i) => {
    const notes: string[] = [];
    if (i === 0 && header) notes.push(header);
    if (i === kept.length - 1 && leftOut) {
      notes.push(`(${leftOut} more section${leftOut === 1 ? '' : 's'} left out: too long to post in full.)`);
    }
    return message({ content: notes.join('\n') || undefined, embeds: g });
  });
}
