// Puts a marker into a rendered message without breaking Discord's limits: in the last embed's footer when
// it fits, else as a small line of content. The renderer stays the only code that builds embeds; this only
// appends to a footer it made.
import type { APIEmbed } from 'discord.js';
import { embedLength, LIMITS } from './limits';
import type { RenderedMessage } from './message';

const SEPARATOR = ' · ';

export function stampMarker(message: RenderedMessage, marker: string): RenderedMessage {
  const embeds: APIEmbed[] = message.embeds.map((e) => ({ ...e }));
  if (embeds.length > 0) {
    const last = embeds[embeds.length - 1];
    const old = last.footer?.text ?? '';
    const text = old ? `${old}${SEPARATOR}${marker}` : marker;
    const total = embeds.reduce((n, e) => n + embedLength(e), 0) - old.length + text.length;
    if (text.length <= LIMITS.footer && total <= LIMITS.embedTotal) {
      embeds[embeds.length - 1] = { ...last, footer: { ...(last.footer ?? {}), text } };
      return { ...message, embeds };
    }
  }
  const content = message.content ?? '';
  const line = `-# ${marker}`;
  const stamped = content ? `${content}\n${line}` : line;
  if (stamped.length > LIMITS.content) throw new RangeError('No room for the briefing marker in a rendered message');
  return { ...message, content: stamped };
}

/** Text where a marker may be found: content and embed footers. */
export function markerText(message: { content?: string | null; embeds?: readonly { footer?: { text?: string } | null }[] }): string {
  return [message.content ?? '', ...(message.embeds ?? []).map((e) => e.footer?.text ?? '')].join('\n');
}
