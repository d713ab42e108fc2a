// Sending rendered messages in answer to an interaction: the first as the reply (or the edit of a
// deferral), the rest as follow-ups with the same visibility.
import { MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import type { RenderedMessage } from '../render/message';

/** Anything the bot can answer: slash commands, buttons, select menus. */
export type Answerable = RepliableInteraction | MessageComponentInteraction;

export interface SendOptions {
  ephemeral?: boolean;
}

export async function sendMessages(interaction: Answerable, messages: RenderedMessage[], opts: SendOptions = {}): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  const flags = opts.ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred) {
    // Visibility was fixed by the deferral; an edit cannot change it.
    await interaction.editReply({ ...first, content: first.content ?? '' });
  } else if (interaction.replied) {
    await interaction.followUp({ ...first, flags });
  } else {
    await interaction.reply({ ...first, flags });
  }
  for (const msg of rest) await interaction.followUp({ ...msg, flags });
}

/** Defers unless already answered; long work (search over thousands of articles) then has 15 minutes. */
export async function deferOnce(interaction: Answerable, opts: SendOptions = {}): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  await interaction.deferReply(opts.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * An admin command's work, answered only to the admin: defer, run it, and answer with what it rendered. An error
 * of the kind `userError` (a mistake in what the admin typed) is answered by `renderUserError`; any other
 * error goes up to the router, which logs it and apologises.
 */
export async function answerPrivately(
  interaction: Answerable,
  work: () => Promise<RenderedMessage[]>,
  userError: new (...args: never[]) => Error,
  renderUserError: (message: string) => RenderedMessage,
): Promise<void> {
  await deferOnce(interaction, { ephemeral: true });
  let messages: RenderedMessage[];
  try {
    messages = await work();
  } catch (error) {
    if (!(error instanceof userError)) throw error;
    messages = [renderUserError(error.message)];
  }
  await sendMessages(interaction, messages, { ephemeral: true });
}
