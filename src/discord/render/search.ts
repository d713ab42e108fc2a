// A page of search results with Prev/Next buttons and a menu to open one article's summary.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, StringSelectMenuBuilder, StringSelectMenuOptionBuilder } from 'discord.js';
import type { SearchHit } from '../../briefings';
import { FOOTER_QUERY_MARK } from './search-state';
import { LIMITS } from './limits';
import { message, type RenderedMessage } from './message';
import { alsoLine, COLOUR, embedTitle, formatDate } from './parts';
import { neutraliseMentions, oneLine, safeMarkdown, safePlain, truncateWords } from './text';

const ENTRY_TITLE_MAX = 200;
const SNIPPET_MAX = 450;
/** A search page holds several hits: each one's "also reported by" stays short. */
const ALSO_MAX = 250;

export interface SearchPageView {
  /** The words searched for; empty when a source is listed newest first. */
  query: string;
  /** The source the search is narrowed to, by name; absent: every source. */
  source?: string;
  /** The hits on this page only. */
  hits: SearchHit[];
  /** 0-based. */
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** True when there may be more results than `total` (the search was capped). */
  capped: boolean;
  /** A line above the results, e.g. that the results changed. Trusted wording. */
  notice?: string;
  ids: { prev: string; next: string; open: string };
  /** Select value for a hit (the article id, or another short key when that is too long). */
  valueFor(hit: SearchHit, rank: number): string;
}

function entry(hit: SearchHit, rank: number): string {
  const title = truncateWords(safeMarkdown(oneLine(hit.title)), ENTRY_TITLE_MAX);
  const snippet = truncateWords(safeMarkdown(oneLine(hit.snippet)), SNIPPET_MAX);
  const also = alsoLine(hit.alsoReportedBy, ALSO_MAX);
  return `**${rank}. ${title}** · ${formatDate(hit.date)}${snippet ? `\n${snippet}` : ''}${also ? `\n${also}` : ''}`;
}

function noMatches(view: SearchPageView): string {
  const from = view.source ? ` from **${truncateWords(safeMarkdown(oneLine(view.source)), 100)}**` : '';
  if (!view.query.trim()) return `No articles${from} in the library yet.`;
  return `No articles${from} match “${safeMarkdown(oneLine(view.query))}”. Try other or fewer words.`;
}

function pageTitle(view: SearchPageView): string {
  const source = view.source ? oneLine(view.source) : '';
  if (!view.query.trim()) return embedTitle(source, 'Newest from ');
  return embedTitle(source ? `${view.query} · from ${source}` : view.query, 'Search: ');
}

export function renderSearchPage(view: SearchPageView): RenderedMessage {
  if (!view.hits.length) return message({ content: [view.notice, noMatches(view)].filter(Boolean).join('\n') });
  const first = view.page * view.pageSize;
  const total = `${view.total}${view.capped ? '+' : ''} result${view.total === 1 ? '' : 's'}`;
  const from = view.source ? ` · from ${neutraliseMentions(oneLine(view.source))}` : '';
  // A source listed without words has no query to read back.
  const query = view.query.trim() ? `${FOOTER_QUERY_MARK}${neutraliseMentions(oneLine(view.query))}` : '';
  const footer = `Page ${view.page + 1} of ${view.pageCount} · ${total}${from}${query}`;
  const embed = new EmbedBuilder()
    .setColor(COLOUR)
    .setTitle(pageTitle(view))
    .setDescription(truncateWords(view.hits.map((h, i) => entry(h, first + i + 1)).join('\n\n'), LIMITS.embedDescription))
    .setFooter({ text: truncateWords(footer, LIMITS.footer) });

  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(view.ids.prev)
      .setLabel('◀ Prev')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(view.page <= 0),
    new ButtonBuilder()
      .setCustomId(view.ids.next)
      .setLabel('Next ▶')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(view.page >= view.pageCount - 1),
  );
  const seen = new Set<string>();
  const options = view.hits.flatMap((hit, i) => {
    const value = view.valueFor(hit, first + i);
    if (!value || value.length > LIMITS.selectOptionText || seen.has(value)) return [];
    seen.add(value);
    const description = `${formatDate(hit.date)} · ${safePlain(hit.snippet)}`;
    return [
      new StringSelectMenuOptionBuilder()
        .setLabel(truncateWords(`${first + i + 1}. ${safePlain(hit.title)}`, LIMITS.selectOptionText))
        .setDescription(truncateWords(description, LIMITS.selectOptionText))
        .setValue(value),
    ];
  });
  const components: RenderedMessage['components'] = [buttons.toJSON()];
  if (options.length) {
    const select = new StringSelectMenuBuilder().setCustomId(view.ids.open).setPlaceholder('Open an article’s summary').addOptions(options);
    components.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON());
  }
  return message({ content: view.notice, embeds: [embed.toJSON()], components });
}
