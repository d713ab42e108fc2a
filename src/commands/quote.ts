// /quote [words] [speaker] — quotations with who said them; no options → a quote from the latest articles.
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { renderQuotes } from '../discord/render';
import { deferOnce, sendMessages } from '../discord/interaction/respond';
import { respondWithSuggestions } from '../discord/interaction/suggestions';
import type { Command, CommandContext } from './types';

const MATCHES = 5;

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Quotations from the articles, with who said them')
  .addStringOption((o) => o.setName('words').setDescription('Words from the quote').setMaxLength(200))
  .addStringOption((o) => o.setName('speaker').setDescription('Who said it').setAutocomplete(true).setMaxLength(100));

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await deferOnce(interaction);
  const words = interaction.options.getString('words')?.trim() || null;
  const speaker = interaction.options.getString('speaker')?.trim() || null;
  const hits = await ctx.library.quotes({
    scope: ctx.scopeFor?.(interaction.guildId),
    query: words ?? undefined,
    speaker: speaker ?? undefined,
    limit: words || speaker ? MATCHES : 1,
  });
  await sendMessages(interaction, renderQuotes(hits, { words, speaker }));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  await respondWithSuggestions(interaction, ctx.library, 'speaker', 'speaker');
}

({ data, execute, autocomplete }) satisfies Command;
