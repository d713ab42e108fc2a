// /search query — matching articles with date and snippet, Prev/Next paging and a menu to open one.
// Paging state lives in the custom ids (see discord/render/search-state.ts), so buttons survive a restart.
import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type MessageComponentInteraction,
} from 'discord.js';
import type { Article } from '../briefings';
import { deferOnce, sendMessages } from '../discord/interaction/respond';
import {
  renderArticleGone,
  renderArticleSummary,
  renderEmptySearch,
  renderSearchChoices,
  renderSearchPage,
  renderStaleSearch,
  SEARCH_CHANGED_NOTICE,
  SEARCH_TITLE_SUGGESTIONS,
  type SearchPageView,
} from '../discord/render';
import { decodeSearchId, encodeSearchId, queryFromFooter, shortHash, shortVersion } from '../discord/render/search-state';
import type { Command, CommandContext } from './types';

export const PAGE_SIZE = 5;
/** Results fetched per search: ten pages is as far as anyone pages. */
export const MAX_RESULTS = 50;

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Find articles by words; page through them and open one')
  .addStringOption((o) => o.setName('query').setDescription('Words to look for').setRequired(true).setAutocomplete(true).setMaxLength(200));

function pageView(ctx: CommandContext, guildId: string | null, query: string, page: number, notice?: string): SearchPageView {
  const hits = ctx.library.search(query, { limit: MAX_RESULTS, scope: ctx.scopeFor?.(guildId) });
  const version = ctx.library.stats().version;
  const pageCount = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pageCount - 1);
  return {
    query,
    hits: hits.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    page: p,
    pageSize: PAGE_SIZE,
    pageCount,
    total: hits.length,
    capped: hits.length >= MAX_RESULTS,
    notice,
    ids: {
      prev: encodeSearchId('prev', Math.max(0, p - 1), version, query),
      next: encodeSearchId('next', p + 1, version, query),
      open: encodeSearchId('open', p, version, query),
    },
    // Ids are short slugs; a rank (re-resolved by searching again) stands in if one is ever too long.
    valueFor: (hit, rank) => (hit.articleId.length <= 100 ? hit.articleId : `#${rank}`),
  };
}

/** The query a long-query button refers to, read back from the page's footer and checked against the id's hash. */
function recoverQuery(message: Message | null | undefined, hash: string): string | null {
  const q = queryFromFooter(message?.embeds?.[0]?.footer?.text);
  return q !== null && shortHash(q) === hash ? q : null;
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await deferOnce(interaction);
  const query = interaction.options.getString('query', true).trim();
  if (!query) {
    await sendMessages(interaction, [renderEmptySearch()]);
    return;
  }
  await sendMessages(interaction, [renderSearchPage(pageView(ctx, interaction.guildId, query, 0))]);
}

async function openArticle(interaction: MessageComponentInteraction, ctx: CommandContext, query: string | null): Promise<void> {
  const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  await deferOnce(interaction, { ephemeral: true });
  let article: Article | undefined;
  if (value?.startsWith('#') && query !== null) {
    const hit = ctx.library.search(query, { limit: MAX_RESULTS, scope: ctx.scopeFor?.(interaction.guildId) })[Number(value.slice(1))];
    article = hit && ctx.library.article(hit.articleId);
  } else if (value) {
    article = ctx.library.article(value);
  }
  const summary = article && ctx.library.summary(article.id, { length: 'medium' });
  if (!article || !summary) {
    await sendMessages(interaction, [renderArticleGone()], { ephemeral: true });
    return;
  }
  await sendMessages(interaction, renderArticleSummary(article, summary, 'medium'), { ephemeral: true });
}

export async function component(interaction: MessageComponentInteraction, ctx: CommandContext): Promise<void> {
  const state = decodeSearchId(interaction.customId);
  const query = state ? (state.query ?? recoverQuery(interaction.message, state.queryHash)) : null;
  if (state?.action === 'open') {
    await openArticle(interaction, ctx, query);
    return;
  }
  if (!state || query === null) {
    await interaction.reply({ ...renderStaleSearch(), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const changed = shortVersion(ctx.library.stats().version) !== state.version;
  const view = changed ? pageView(ctx, interaction.guildId, query, 0, SEARCH_CHANGED_NOTICE) : pageView(ctx, interaction.guildId, query, state.page);
  await sendMessages(interaction, [renderSearchPage(view)]);
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim();
  const titles = ctx.library.suggest('title', typed, SEARCH_TITLE_SUGGESTIONS, ctx.scopeFor?.(interaction.guildId)).map((s) => s.label);
  await interaction.respond(renderSearchChoices(typed, titles));
}

({ data, execute, autocomplete, component }) satisfies Command;
