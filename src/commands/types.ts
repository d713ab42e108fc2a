// The shape every slash command module exports, and what the router hands it.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  SlashCommandBuilder,
  SlashCommandOptionsOnlyBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Library, Scope } from '../briefings';
import type { CommandSummary } from '../discord/render';
import type { LiveAdmin } from '../delivery/live/service-types';
import type { BriefingService } from '../schedule/service-types';
import type { SourcesService } from '../sources/service-types';

export interface CommandContext {
  library: Library;
  logger: Logger;
  now: () => Date;
  /** Every loaded command's name and description (what /help lists). */
  commands: readonly CommandSummary[];
  /** Daily-briefing schedules; absent when the bot runs without a database. */
  briefings?: BriefingService;
  /** Which feed articles a server may see (its shared and own feeds); absent: every article (no feeds wired). */
  scopeFor?: (guildId: string | null) => Scope;
  /** Feed sources per server; absent until the feed reader runs. */
  sources?: SourcesService;
  /** Live posts (channel subscriptions to feeds); absent without the feed reader and the database. */
  live?: LiveAdmin;
}

export interface Command {
  data: SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  /** Answers from memory at once: autocomplete cannot be deferred. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Buttons and selects whose custom id starts with `${data.name}:`. */
  component?(interaction: MessageComponentInteraction, ctx: CommandContext): Promise<void>;
}
