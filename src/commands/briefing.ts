// /briefing set|show|preview|now|off — daily briefings per channel. Changing anything needs Manage Server
// (the command's default permission, checked again here because server admins can override defaults).
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { channelRef, renderBriefingPost, renderNotice, renderScheduleStatus, safeMarkdown, truncateWords } from '../discord/render';
import { renderChoices } from '../discord/render/choices';
import type { RenderedMessage } from '../discord/render/message';
import { deferOnce, sendMessages } from '../discord/interaction/respond';
import { dateLabel } from '../schedule/post-renderer';
import { DEFAULT_ARTICLES, MAX_ARTICLES, MIN_ARTICLES, ScheduleInputError } from '../schedule/service';
import { suggestTimeZones } from '../schedule/timezones';
import { localDateOf } from '../schedule/zoned-time';
import type { Command, CommandContext } from './types';

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export const data = new SlashCommandBuilder()
  .setName('briefing')
  .setDescription('Daily briefings posted in a channel at a set time')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('set')
      .setDescription('Post a briefing in a channel every day at a time in a time zone')
      .addChannelOption((o) => o.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(...TEXT_CHANNELS))
      .addStringOption((o) => o.setName('time').setDescription('24-hour time, e.g. 08:00').setRequired(true).setMaxLength(8))
      .addStringOption((o) =>
        o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(100),
      )
      .addStringOption((o) => o.setName('topic').setDescription('Only articles about this (default: all news)').setMaxLength(100))
      .addIntegerOption((o) =>
        o
          .setName('articles')
          .setDescription(`How many articles (default ${DEFAULT_ARTICLES})`)
          .setMinValue(MIN_ARTICLES)
          .setMaxValue(MAX_ARTICLES),
      )
      .addBooleanOption((o) => o.setName('announce_empty').setDescription('Say so when nothing is new (default: stay silent)')),
  )
  .addSubcommand((s) => s.setName('show').setDescription('Settings, next post, last post and any problem, for every channel'))
  .addSubcommand((s) =>
    s
      .setName('preview')
      .setDescription('Only you see what the next briefing would be now')
      .addChannelOption((o) => o.setName('channel').setDescription('Default: this channel').addChannelTypes(...TEXT_CHANNELS)),
  )
  .addSubcommand((s) =>
    s
      .setName('now')
      .setDescription("Post the briefing now (counts as today's)")
      .addChannelOption((o) => o.setName('channel').setDescription('Default: this channel').addChannelTypes(...TEXT_CHANNELS)),
  )
  .addSubcommand((s) =>
    s
      .setName('off')
      .setDescription('Stop daily briefings in a channel (or in every channel)')
      .addChannelOption((o) => o.setName('channel').setDescription('Default: this channel').addChannelTypes(...TEXT_CHANNELS))
      .addBooleanOption((o) => o.setName('all').setDescription('Stop them in every channel of this server')),
  );

const CHANGES = new Set(['set', 'now', 'off']);

function targetChannel(interaction: ChatInputCommandInteraction): string {
  return interaction.options.getChannel('channel')?.id ?? interaction.channelId;
}

function whenText(iso: string | null): string {
  if (!iso) return 'not scheduled';
  const t = Math.floor(Date.parse(iso) / 1000);
  return `<t:${t}:f> (<t:${t}:R>)`;
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const reply = (text: string) => sendMessages(interaction, [renderNotice(text)], { ephemeral: true });
  if (!interaction.inGuild()) return reply('Daily briefings belong to a server: use /briefing in a server channel.');
  const sub = interaction.options.getSubcommand();
  if (CHANGES.has(sub) && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    return reply('Only members with the **Manage Server** permission can change daily briefings. /briefing show and preview are open to you.');
  }
  const briefings = ctx.briefings;
  if (!briefings) return reply('Daily briefings are not available: this bot runs without its database.');
  await deferOnce(interaction, { ephemeral: true });
  const guildId = interaction.guildId;
  try {
    switch (sub) {
      case 'set': {
        const channelId = interaction.options.getChannel('channel', true).id;
        const status = await briefings.set({
          guildId,
          channelId,
          time: interaction.options.getString('time', true),
          timezone: interaction.options.getString('timezone', true),
          topic: interaction.options.getString('topic'),
          articles: interaction.options.getInteger('articles') ?? DEFAULT_ARTICLES,
          announceEmpty: interaction.options.getBoolean('announce_empty') ?? false,
        });
        const lead = `Daily briefing set: ${channelRef(channelId)} every day at **${status.time}** (${safeMarkdown(status.timezone)}). Next post: ${whenText(status.nextPostAt)}.`;
        await sendMessages(interaction, [renderNotice(lead), ...renderScheduleStatus([status])], { ephemeral: true });
        return;
      }
      case 'show':
        await sendMessages(interaction, renderScheduleStatus(await briefings.show(guildId)), { ephemeral: true });
        return;
      case 'preview': {
        const channelId = targetChannel(interaction);
        const schedule = (await briefings.show(guildId)).find((s) => s.channelId === channelId);
        const briefing = await briefings.preview(guildId, channelId);
        const zone = schedule?.timezone ?? 'UTC';
        // renderBriefingPost builds RenderedMessages but is typed for channel.send.
        const messages = renderBriefingPost(briefing, { dateLabel: dateLabel(localDateOf(ctx.now(), zone)) }) as RenderedMessage[];
        const note = schedule
          ? `Preview for ${channelRef(channelId)} — only you can see this.`
          : `${channelRef(channelId)} has no daily briefing yet; this is what one would look like. Only you can see this.`;
        await sendMessages(interaction, [renderNotice(note), ...messages], { ephemeral: true });
        return;
      }
      case 'now': {
        const channelId = targetChannel(interaction);
        const result = await briefings.postNow(guildId, channelId);
        await reply(
          result.posted
            ? `Posted today's briefing in ${channelRef(channelId)}. The scheduled post will not repeat it today.`
            : `Nothing posted in ${channelRef(channelId)}: ${truncateWords(safeMarkdown(result.reason ?? 'unknown reason'), 1500)}`,
        );
        return;
      }
      case 'off': {
        const all = interaction.options.getBoolean('all') ?? false;
        const channelId = all ? null : targetChannel(interaction);
        const removed = await briefings.off(guildId, channelId);
        const where = channelId ? channelRef(channelId) : 'this server';
        await reply(
          removed > 0
            ? `Stopped ${removed} daily briefing${removed === 1 ? '' : 's'} in ${where}.`
            : `There was no daily briefing in ${where}. /briefing show lists them.`,
        );
        return;
      }
      default:
        await reply('Unknown /briefing subcommand.');
    }
  } catch (error) {
    if (error instanceof ScheduleInputError) return reply(error.message);
    throw error;
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, _ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'timezone') {
    await interaction.respond([]);
    return;
  }
  await interaction.respond(renderChoices(suggestTimeZones(String(focused.value)).map((z) => ({ name: z, value: z }))));
}

({ data, execute, autocomplete }) satisfies Command;
