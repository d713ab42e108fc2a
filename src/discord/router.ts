// Routes each interaction to its command; answers unknown commands and stale buttons politely; turns a
// handler's error into a log line (command, options, guild) and a short ephemeral apology.
import { MessageFlags, type AutocompleteInteraction, type CommandInteractionOption, type Interaction } from 'discord.js';
import type { Command, CommandContext } from '../commands/types';
import { renderApology, renderNotice } from './render';
import type { Answerable } from './interaction/respond';

export const UNKNOWN_COMMAND = 'I don’t know that command any more — it may have been removed. Try **/help** to see what I can do.';
export const STALE_COMPONENT = 'This button or menu is no longer in use. Please run the command again.';

/** Options as plain name → value pairs for the log (subcommands flattened as "group sub option"). */
export function describeOptions(options: readonly CommandInteractionOption[], prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of options) {
    const key = prefix ? `${prefix} ${o.name}` : o.name;
    if (o.options?.length) Object.assign(out, describeOptions(o.options, key));
    else out[key] = o.value ?? true;
  }
  return out;
}

async function apologise(interaction: Answerable, ctx: CommandContext): Promise<void> {
  try {
    const reply = { ...renderApology(), flags: MessageFlags.Ephemeral as const };
    if (interaction.deferred || interaction.replied) await interaction.followUp(reply);
    else await interaction.reply(reply);
  } catch (err) {
    // The interaction may have expired; nothing more can be said to the user.
    ctx.logger.warn({ err }, 'could not send the apology');
  }
}

async function politely(interaction: Answerable, text: string, ctx: CommandContext): Promise<void> {
  try {
    await interaction.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  } catch (err) {
    ctx.logger.warn({ err }, 'could not answer an unknown interaction');
  }
}

async function autocomplete(interaction: AutocompleteInteraction, command: Command | undefined, ctx: CommandContext): Promise<void> {
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, ctx);
    else await interaction.respond([]);
  } catch (err) {
    ctx.logger.error(
      { err, command: interaction.commandName, options: describeOptions(interaction.options.data), guild: interaction.guildId },
      'autocomplete failed',
    );
    // Autocomplete must never leave the user with a spinner: an empty list is an answer.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

export function createInteractionHandler(commands: ReadonlyMap<string, Command>, ctx: CommandContext): InteractionHandler {
  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      await autocomplete(interaction, commands.get(interaction.commandName), ctx);
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = commands.get(interaction.commandName);
      const where = { command: interaction.commandName, options: describeOptions(interaction.options.data), guild: interaction.guildId };
      if (!command) {
        ctx.logger.warn(where, 'unknown command');
        await politely(interaction, UNKNOWN_COMMAND, ctx);
        return;
      }
      const started = Date.now();
      try {
        await command.execute(interaction, ctx);
        ctx.logger.debug({ ...where, ms: Date.now() - started }, 'command answered');
      } catch (err) {
        ctx.logger.error({ err, ...where, ms: Date.now() - started }, 'command failed');
        await apologise(interaction, ctx);
      }
      return;
    }
    if (interaction.isMessageComponent()) {
      const name = interaction.customId.split(':', 1)[0];
      const command = commands.get(name);
      const where = { command: name, customId: interaction.customId, guild: interaction.guildId };
      if (!command?.component) {
        ctx.logger.info(where, 'stale or unknown component');
        await politely(interaction, STALE_COMPONENT, ctx);
        return;
      }
      try {
        await command.component(interaction, ctx);
      } catch (err) {
        ctx.logger.error({ err, ...where }, 'component failed');
        await apologise(interaction, ctx);
      }
    }
  };
}
