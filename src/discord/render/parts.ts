// Small building blocks shared by the result renderers: dates, links, titles, long descriptions.
import { EmbedBuilder, type APIEmbed } from 'discord.js';
import { LIMITS } from './limits';
import { oneLine, packSentences, safeMarkdown, safePlain, truncateWords } from './text';

/** Descriptions stay well under 4,096 so that title, fields and footer still fit the 6,000 shared per message. */
export const DESCRIPTION_CHUNK = 3800;
export const FOOTER_MAX = 200;
export const COLOUR = 0x2f6f9f;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'undated';
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Only http(s) links are accepted by Discord embeds; anything else is left out. */
export function safeUrl(url: string | undefined | null): string | undefined {
  if (!url || url.length > 2000) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** An embed title from article text; `prefix` is our own (already safe) wording such as "2. ". */
export function embedTitle(text: string, prefix = ''): string {
  // Escaping never shortens text, so a generous raw prefix is enough for the truncation to see the cut.
  const raw = text.length > 4 * LIMITS.embedTitle ? text.slice(0, 4 * LIMITS.embedTitle) : text;
  return truncateWords(prefix + (safeMarkdown(raw.replace(/\s+/g, ' ').trim()) || 'Untitled'), LIMITS.embedTitle);
}

export function footerText(...parts: (string | null | undefined)[]): string {
  return truncateWords(safePlain(parts.filter(Boolean).join(' · ')), FOOTER_MAX);
}

export interface LongEmbedSpec {
  title?: string;
  /** Safe text put before the title, e.g. "2. ". */
  titlePrefix?: string;
  url?: string;
  author?: string;
  /** Paragraphs of safe sentences. */
  paragraphs: string[][];
  footer?: string;
  /** Fields go on the last embed of the run. */
  fields?: { name: string; value: string; inline?: boolean }[];
}

/**
 * One logical item as one or more embeds: the description is split between sentences; continuation
 * embeds repeat nothing but the text, and the last carries the fields and footer.
 */
export function longEmbeds(spec: LongEmbedSpec): APIEmbed[] {
  const chunks = packSentences(spec.paragraphs, DESCRIPTION_CHUNK);
  if (!chunks.length) chunks.push('');
  return chunks.map((chunk, i) => {
    const e = new EmbedBuilder().setColor(COLOUR);
    const first = i === 0;
    const last = i === chunks.length - 1;
    if (first && spec.title) e.setTitle(embedTitle(spec.title, spec.titlePrefix));
    if (first && spec.url) e.setURL(spec.url);
    const author = spec.author ? truncateWords(safePlain(spec.author), LIMITS.author) : '';
    if (first && author) e.setAuthor({ name: author });
    if (chunk) e.setDescription(chunk);
    if (last && spec.fields?.length) {
      e.addFields(
        spec.fields.slice(0, LIMITS.embedFields).map((f) => ({
          name: truncateWords(f.name, LIMITS.fieldName),
          value: truncateWords(f.value, LIMITS.fieldValue) || '—',
          inline: f.inline ?? false,
        })),
      );
    }
    if (last && spec.footer?.trim()) e.setFooter({ text: spec.footer });
    const json = e.toJSON();
    // Discord refuses an empty embed.
    if (!json.title && !json.description && !json.fields?.length && !json.author && !json.footer) {
      return e.setDescription('(no text)').toJSON();
    }
    return json;
  });
}

/** Joins names into a list that fits `max`, ending "and N more" when some are left out. */
export function fitList(items: string[], max: number, sep = ', '): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const next = out ? `${out}${sep}${items[i]}` : items[i];
    const remaining = items.length - i - 1;
    const tail = remaining ? ` and ${remaining} more` : '';
    if (next.length + tail.length > max) {
      const more = ` and ${items.length - i} more`;
      return out ? `${out}${more}` : truncateWords(items[i], max - more.length) + more;
    }
    out = next;
  }
  return out;
}

/** How long an "also reported by" line may grow (a search page's entries pass less). */
const ALSO_MAX = 600;

/** A masked link's label may not hold brackets, nor its target parentheses, or the link breaks. */
function link(label: string, url: string | undefined): string {
  const text = safeMarkdown(oneLine(label).replace(/[[\]]/g, '')) || 'source';
  const target = safeUrl(url)?.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return target ? `[${text}](${target})` : text;
}

/** "Also reported by [cnbc.com](…), [bbc.co.uk](…)": a story's other versions (live posts, briefings, search). */
export function alsoLine(others: readonly { source: string; url?: string }[] | undefined, max = ALSO_MAX): string {
  if (!others?.length) return '';
  return `Also reported by ${fitList(
    others.map((o) => link(o.source, o.url)),
    max,
  )}`;
}
