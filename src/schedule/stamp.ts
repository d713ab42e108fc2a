// Puts a marker into a rendered message without breaking Discord's limits: in the last embed's footer when
// it fits, else as a small line of content. The renderer stays the only code that builds embeds; this only
// appends to a footer it made.
import type { APIEmbed, MessageCreateOptions } from 'discord.js';

const FOOTER_MAX = 2048;
const EMBEDS_TOTAL_MAX = 6000;
const CONTENT_MAX = 2000;
const SEPARATOR = ' · ';

function toJson(embed: unknown): APIEmbed {
  const e = embed as { toJSON?: () => APIEmbed };
  return typeof e.toJSON === 'function' ? e.toJSON() : { ...(embed as APIEmbed) };
}

function embedChars(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function stampMarker(message: MessageCreateOptions, marker: string): MessageCreateOptions {
  const embeds = (message.embeds ?? []).map(toJson);
  if (embeds.length > 0) {
    const last = embeds[embeds.length - 1];
    const old = last.footer?.text ?? '';
    const text = old ? `${old}${SEPARATOR}${marker}` : marker;
    const total = embeds.reduce((n, e) => n + embedChars(e), 0) - old.length + text.length;
    if (text.length <= FOOTER_MAX && total <= EMBEDS_TOTAL_MAX) {
      embeds[embeds.length - 1] = { ...last, footer: { ...(last.footer ?? {}), text } };
      return { ...message, embeds };
    }
  }
  const content = message.content ?? '';
  const line = `-# ${marker}`;
  const stamped = content ? `${content}\n${line}` : line;
  if (stamped.length > CONTENT_MAX) throw new RangeError('No room for the briefing marker in a rendered message');
  return { ...message, content: stamped };
}

/** Text where a marker may be found: content and embed footers. */
export function markerText(message: { content?: string | null; embeds?: readonly { footer?: { text?: string } | null }[] }): string {
  return [message.content ?? '', ...(message.embeds ?? []).map((e) => e.footer?.text ?? '')].join('\n');
}
