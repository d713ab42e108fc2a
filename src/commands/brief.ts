// /brief [topic] [length] [article] — a briefing on a topic, or one article's summary.
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { SummaryLength } from '../briefings';
import { renderArticleSummary, renderBriefing, renderNoArticleMatch } from '../discord/render';
import { deferOnce, sendMessages } from '../discord/interaction/respond';
import { respondWithSuggestions } from '../discord/interaction/suggestions';
import type { Command, CommandContext } from './types';

export const data = new SlashCommandBuilder()
  .setName('brief')
  .setDescription('A briefing: the most relevant recent articles, or one article’s summary')
  .addStringOption((o) => o.setName('topic').setDescription('What the briefing should be about').setMaxLength(100))
  .addStringOption((o) =>
    o
      .setName('length')
      .setDescription('How long each summary is')
      .addChoices(
        { name: 'short (1 sentence)', value: 'short' },
        { name: 'medium (3 sentences)', value: 'medium' },
        { name: 'long (5 sentences)', value: 'long' },
      ),
  )
  .addStringOption((o) => o.setName('article').setDescription('One article, by title').setAutocomplete(true).setMaxLength(200));

function lengthOption(interaction: ChatInputCommandInteraction): SummaryLength {
  const v = interaction.options.getString('length');
  return v === 'short' || v === 'long' ? v : 'medium';
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await deferOnce(interaction);
  const length = lengthOption(interaction);
  const wanted = interaction.options.getString('article')?.trim();
  if (wanted) {
    const article = await ctx.library.findArticle(wanted, ctx.scopeFor?.(interaction.guildId));
    const summary = article && (await ctx.library.summary(article.id, { length }));
    if (!article || !summary) {
      await sendMessages(interaction, [renderNoArticleMatch(wanted)]);
      return;
    }
    await sendMessages(interaction, renderArticleSummary(article, summary, length));
    return;
  }
  const topic = interaction.options.getString('topic')?.trim() || null;
  const briefing = await ctx.library.brief({ topic, length, scope: ctx.scopeFor?.(interaction.guildId) });
  await sendMessages(interaction, renderBriefing(briefing));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondWithSuggestions(interaction, ctx.library, 'article', 'title', ctx.scopeFor?.(interaction.guildId));
}

({ data, execute, autocomplete }) satisfies Command;
