// /help — what the bot does, its commands, how many articles it holds and when the library last changed.
// The command list comes from the context (the loader fills it), so this file does not import the loader
// that requires it.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { renderHelp } from '../discord/render';
import type { Command, CommandContext } from './types';

export const data = new SlashCommandBuilder().setName('help').setDescription('What briefbot does and how to use it');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await interaction.reply({ ...renderHelp(ctx.library.stats(), ctx.commands), flags: MessageFlags.Ephemeral });
}

({ data, execute }) satisfies Command;
