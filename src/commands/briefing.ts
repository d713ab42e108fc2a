// /briefing set|show|preview|now|off — daily briefings per channel. Changing anything needs Manage Server
// (the command's default permission, checked again here because server admins can override defaults).
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { answerPrivately, sendMessages } from '../discord/interaction/respond';
import {
  renderBriefingRefusal,
  renderChoices,
  LIMITS,
  renderPostNow,
  renderScheduleInputError,
  renderScheduleOff,
  renderSchedulePreview,
  renderScheduleSet,
  renderScheduleStatus,
  type BriefingRefusal,
  type RenderedMessage,
} from '../discord/render';
import { DEFAULT_ARTICLES, MAX_ARTICLES, MIN_ARTICLES, ScheduleInputError } from '../schedule/service';
import type { BriefingService } from '../schedule/service-types';
import { suggestTimeZones } from '../schedule/timezones';
import type { Command, CommandContext } from './types';

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** The channel option of preview, now and off: the channel the command is used in when left out. */
const thisChannelByDefault = (o: SlashCommandChannelOption) =>
  o
    .setName('channel')
    .setDescription('Default: this channel')
    .addChannelTypes(...TEXT_CHANNELS);

export const data = new SlashCommandBuilder()
  .setName('briefing')
  .setDescription('Daily briefings posted in a channel at a set time')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Post a briefing in a channel every day at a time in a time zone')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where to post')
          .setRequired(true)
          .addChannelTypes(...TEXT_CHANNELS),
      )
      .addStringOption((o) => o.setName('time').setDescription('24-hour time, e.g. 08:00').setRequired(true).setMaxLength(8))
      .addStringOption((o) =>
        o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(100),
      )
      .addStringOption((o) => o.setName('topic').setDescription('Only articles about this (default: all news)').setMaxLength(100))
      .addIntegerOption((o) =>
        o.setName('articles').setDescription(`How many articles (default ${DEFAULT_ARTICLES})`).setMinValue(MIN_ARTICLES).setMaxValue(MAX_ARTICLES),
      )
      .addBooleanOption((o) => o.setName('announce_empty').setDescription('Say so when nothing is new (default: stay silent)')),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Settings, next post, last post and any problem, for every channel'))
  .addSubcommand((s) =>
    s.setName('preview').setDescription('Only you see what the next briefing would be now').addChannelOption(thisChannelByDefault),
  )
  .addSubcommand((s) => s.setName('now').setDescription("Post the briefing now (counts as today's)").addChannelOption(thisChannelByDefault))
  .addSubcommand((s) =>
    s
      .setName('off')
      .setDescription('Stop daily briefings in a channel (or in every channel)')
      .addChannelOption(thisChannelByDefault)
      .addBooleanOption((o) => o.setName('all').setDescription('Stop them in every channel of this server')),
  );

type Subcommand = (interaction: ChatInputCommandInteraction<'cached' | 'raw'>, briefings: BriefingService) => Promise<RenderedMessage[]>;

/** Subcommands that change schedules: they need Manage Server. */
const CHANGES = new Set(['set', 'now', 'off']);

function targetChannel(interaction: ChatInputCommandInteraction): string {
  return interaction.options.getChannel('channel')?.id ?? interaction.channelId;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  async set(interaction, briefings) {
    const status = await briefings.set({
      guildId: interaction.guildId,
      channelId: interaction.options.getChannel('channel', true).id,
      time: interaction.options.getString('time', true),
      timezone: interaction.options.getString('timezone', true),
      topic: interaction.options.getString('topic'),
      articles: interaction.options.getInteger('articles') ?? DEFAULT_ARTICLES,
      announceEmpty: interaction.options.getBoolean('announce_empty') ?? false,
    });
    return renderScheduleSet(status);
  },
  async show(interaction, briefings) {
    return renderScheduleStatus(await briefings.show(interaction.guildId));
  },
  async preview(interaction, briefings) {
    return renderSchedulePreview(await briefings.preview(interaction.guildId, targetChannel(interaction)));
  },
  async now(interaction, briefings) {
    const channelId = targetChannel(interaction);
    return [renderPostNow(channelId, await briefings.postNow(interaction.guildId, channelId))];
  },
  async off(interaction, briefings) {
    const channelId = interaction.options.getBoolean('all') ? null : targetChannel(interaction);
    return [renderScheduleOff(await briefings.off(interaction.guildId, channelId), channelId)];
  },
};

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const refuse = (why: BriefingRefusal) => sendMessages(interaction, [renderBriefingRefusal(why)], { ephemeral: true });
  if (!interaction.inGuild()) return refuse('not-in-server');
  const sub = interaction.options.getSubcommand();
  if (CHANGES.has(sub) && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return refuse('needs-manage-server');
  if (!ctx.briefings) return refuse('no-database');
  const run = SUBCOMMANDS[sub];
  if (!run) return refuse('unknown-subcommand');
  const briefings = ctx.briefings;
  await answerPrivately(interaction, () => run(interaction, briefings), ScheduleInputError, renderScheduleInputError);
}

export async function autocomplete(interaction: AutocompleteInteraction, _ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'timezone') {
    await interaction.respond([]);
    return;
  }
  await interaction.respond(renderChoices(suggestTimeZones(String(focused.value), LIMITS.autocompleteChoices).map((z) => ({ name: z, value: z }))));
}

({ data, execute, autocomplete }) satisfies Command;
