// /help — what the bot does, its commands, how many articles it holds and when the library last changed.
import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { renderHelp } from '../discord/render';
import { loadCommands } from './index';
import type { Command, CommandContext } from './types';

export const data = new SlashCommandBuilder().setName('help').setDescription('What briefbot does and how to use it');

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const commands = [...loadCommands().values()].map((c) => ({ name: c.data.name, description: c.data.description }));
  await interaction.reply({ ...renderHelp(ctx.library.stats(), commands), flags: MessageFlags.Ephemeral });
}

({ data, execute }) satisfies Command;
