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
import { matchSources, resolveSource, type Article, type SourceChoice } from '../briefings';
import { deferOnce, sendMessages } from '../discord/interaction/respond';
import {
  renderArticleGone,
  renderArticleSummary,
  renderEmptySearch,
  renderSearchChoices,
  renderSearchPage,
  renderSourceChoices,
  renderStaleSearch,
  renderNoSuchSearchSource,
  SEARCH_CHANGED_NOTICE,
  SEARCH_TITLE_SUGGESTIONS,
  type SearchPageView,
} from '../discord/render';
import { decodeSearchId, encodeSearchId, queryFromFooter, shortHash, shortVersion } from '../discord/render/search-state';
import { sourceByKey, sourceKey, sourcesFor } from './search-sources';
import type { Command, CommandContext } from './types';

export const PAGE_SIZE = 5;
/** Results fetched per search: ten pages is as far as anyone pages. */
export const MAX_RESULTS = 50;

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Find articles by words; page through them and open one')
  .addStringOption((o) => o.setName('query').setDescription('Words to look for').setAutocomplete(true).setMaxLength(200))
  .addStringOption((o) =>
    o
      .setName('source')
      .setDescription('Only articles from this source (a feed, or files); alone: its newest')
      .setAutocomplete(true)
      .setMaxLength(200),
  );

/** What one search asks: the words (maybe none) and the source it is narrowed to (maybe none). */
interface SearchAsk {
  query: string;
  source: SourceChoice | null;
}

function hitsFor(ctx: CommandContext, guildId: string | null, ask: SearchAsk) {
  return ctx.library.search(ask.query, { limit: MAX_RESULTS, scope: ctx.scopeFor?.(guildId), source: ask.source?.id });
}

async function pageView(ctx: CommandContext, guildId: string | null, ask: SearchAsk, page: number, notice?: string): Promise<SearchPageView> {
  const { query } = ask;
  const hits = await hitsFor(ctx, guildId, ask);
  const version = ctx.library.stats().version;
  const pageCount = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pageCount - 1);
  const key = sourceKey(ask.source);
  return {
    query,
    source: ask.source?.name,
    hits: hits.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    page: p,
    pageSize: PAGE_SIZE,
    pageCount,
    total: hits.length,
    capped: hits.length >= MAX_RESULTS,
    notice,
    ids: {
      prev: encodeSearchId('prev', Math.max(0, p - 1), version, query, key),
      next: encodeSearchId('next', p + 1, version, query, key),
      open: encodeSearchId('open', p, version, query, key),
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
  const query = (interaction.options.getString('query') ?? '').trim();
  const typedSource = (interaction.options.getString('source') ?? '').trim();
  const source = typedSource ? resolveSource(typedSource, await sourcesFor(ctx, interaction.guildId)) : null;
  if (typedSource && !source) {
    await sendMessages(interaction, [renderNoSuchSearchSource(typedSource)]);
    return;
  }
  if (!query && !source) {
    await sendMessages(interaction, [renderEmptySearch()]);
    return;
  }
  await sendMessages(interaction, [renderSearchPage(await pageView(ctx, interaction.guildId, { query, source }, 0))]);
}

async function openArticle(interaction: MessageComponentInteraction, ctx: CommandContext, ask: SearchAsk | null): Promise<void> {
  const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  await deferOnce(interaction, { ephemeral: true });
  let article: Article | undefined;
  if (value?.startsWith('#') && ask !== null) {
    const hit = (await hitsFor(ctx, interaction.guildId, ask))[Number(value.slice(1))];
    article = hit && (await ctx.library.article(hit.articleId));
  } else if (value) {
    article = await ctx.library.article(value);
  }
  const summary = article && (await ctx.library.summary(article.id, { length: 'medium' }));
  if (!article || !summary) {
    await sendMessages(interaction, [renderArticleGone()], { ephemeral: true });
    return;
  }
  await sendMessages(interaction, renderArticleSummary(article, summary, 'medium'), { ephemeral: true });
}

/** The search a button belongs to: its query (inline or read back from the page) and its source; null: stale. */
async function askOf(interaction: MessageComponentInteraction, ctx: CommandContext): Promise<SearchAsk | null> {
  const state = decodeSearchId(interaction.customId);
  const query = state ? (state.query ?? recoverQuery(interaction.message, state.queryHash)) : null;
  if (!state || query === null) return null;
  if (state.sourceKey === null) return { query, source: null };
  // A source no longer seen here (removed since) makes the page stale rather than silently unfiltered.
  const source = sourceByKey(await sourcesFor(ctx, interaction.guildId), state.sourceKey);
  return source ? { query, source } : null;
}

export async function component(interaction: MessageComponentInteraction, ctx: CommandContext): Promise<void> {
  const state = decodeSearchId(interaction.customId);
  const ask = await askOf(interaction, ctx);
  if (state?.action === 'open') {
    await openArticle(interaction, ctx, ask);
    return;
  }
  if (!state || ask === null) {
    await interaction.reply({ ...renderStaleSearch(), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const changed = shortVersion(ctx.library.stats().version) !== state.version;
  const view = await (changed
    ? pageView(ctx, interaction.guildId, ask, 0, SEARCH_CHANGED_NOTICE)
    : pageView(ctx, interaction.guildId, ask, state.page));
  await sendMessages(interaction, [renderSearchPage(view)]);
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'source') {
    const choices = matchSources(String(focused.value), await sourcesFor(ctx, interaction.guildId), SEARCH_TITLE_SUGGESTIONS + 1);
    await interaction.respond(renderSourceChoices(choices));
    return;
  }
  const typed = String(focused.value).trim();
  const titles = ctx.library.suggest('title', typed, SEARCH_TITLE_SUGGESTIONS, ctx.scopeFor?.(interaction.guildId)).map((s) => s.label);
  await interaction.respond(renderSearchChoices(typed, titles));
}

({ data, execute, autocomplete, component }) satisfies Command;
