// /sources add|remove|list|watch|unwatch — a server's feeds and the channels they post to live. Manage Server
// only (the command's default permission, checked again here because admins can override defaults); every
// answer is ephemeral, seen only by the admin who asked.
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { FilterInputError, parseFilter, type FilterInput } from '../briefings';
import type { LiveAdmin } from '../delivery/live/service-types';
import { answerPrivately, sendMessages } from '../discord/interaction/respond';
import {
  LIMITS,
  renderAddRefused,
  renderBadSourceUrl,
  renderChoices,
  renderFilterError,
  renderLiveChannelProblem,
  renderSourceAdded,
  renderSourceRemoved,
  renderSourcesList,
  renderSourcesRefusal,
  renderUnknownSource,
  renderUnwatched,
  renderWatched,
  type RenderedMessage,
  type SourcesRefusal,
} from '../discord/render';
import type { SourcesService, SourceView } from '../sources/service-types';
import type { Command, CommandContext } from './types';

const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;
const MAX_URL = 500;

function withFilter(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return s
    .addStringOption((o) => o.setName('include').setDescription('Only articles with one of these words ("quoted phrases" work)').setMaxLength(500))
    .addStringOption((o) => o.setName('exclude').setDescription('Never articles with any of these words').setMaxLength(500))
    .addStringOption((o) => o.setName('topic').setDescription('Only articles about this, as /search reads it').setMaxLength(200));
}

const urlOption = (autocomplete: boolean) => (o: import('discord.js').SlashCommandStringOption) =>
  o
    .setName('url')
    .setDescription('Feed URL, or a site whose home page links its feed')
    .setRequired(true)
    .setMaxLength(MAX_URL)
    .setAutocomplete(autocomplete);

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('Feeds this server follows, and channels that get their new articles live')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    withFilter(
      s
        .setName('add')
        .setDescription('Follow a feed (RSS, Atom, JSON Feed); optionally post its new articles in a channel')
        .addStringOption(urlOption(false))
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Post new articles here as they come')
            .addChannelTypes(...TEXT_CHANNELS),
        ),
    ),
  )
  .addSubcommand((s) => s.setName('remove').setDescription("Stop following one of this server's feeds").addStringOption(urlOption(true)))
  .addSubcommand((s) => s.setName('list').setDescription('Every feed, its status, and where it posts'))
  .addSubcommand((s) =>
    withFilter(
      s
        .setName('watch')
        .setDescription('Post new articles of a source in a channel (or change its filter there)')
        .addStringOption(urlOption(true))
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setDescription('Where to post')
            .setRequired(true)
            .addChannelTypes(...TEXT_CHANNELS),
        ),
    ),
  )
  .addSubcommand((s) =>
    s
      .setName('unwatch')
      .setDescription('Stop posting a source in a channel')
      .addStringOption(urlOption(true))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where it posts')
          .setRequired(true)
          .addChannelTypes(...TEXT_CHANNELS),
      ),
  );

type Interaction = ChatInputCommandInteraction<'cached' | 'raw'>;
interface Services {
  sources: SourcesService;
  live?: LiveAdmin;
}
type Subcommand = (interaction: Interaction, services: Services) => Promise<RenderedMessage[]>;

/** An http(s) URL as typed, or null: anything else is refused before the feed reader sees it. */
export function feedUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function filterOf(interaction: Interaction): FilterInput {
  const o = interaction.options;
  return { include: o.getString('include'), exclude: o.getString('exclude'), topic: o.getString('topic') };
}

function displayName(source: SourceView): string {
  try {
    return source.title?.trim() || new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    return source.url;
  }
}

/** The guild's source by URL as typed or as stored (a trailing slash or case of the host aside). */
async function findSource(sources: SourcesService, guildId: string, raw: string): Promise<SourceView | null> {
  const wanted = feedUrl(raw) ?? raw.trim();
  const all = await sources.list(guildId);
  return all.find((s) => s.url === raw.trim() || s.url === wanted || feedUrl(s.url) === wanted) ?? null;
}

async function watch(interaction: Interaction, live: LiveAdmin, source: SourceView, channelId: string) {
  const filter = filterOf(interaction);
  return live.watch({ guildId: interaction.guildId, channelId, feedUrl: source.url, sourceName: displayName(source), filter });
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  async add(interaction, { sources, live }) {
    const raw = interaction.options.getString('url', true);
    const url = feedUrl(raw);
    if (!url) return [renderBadSourceUrl(raw)];
    const channelId = interaction.options.getChannel('channel')?.id ?? null;
    if (channelId && !live) return [renderSourcesRefusal('no-sources')];
    const filter = parseFilter(filterOf(interaction)); // a bad filter is refused before the source is added
    const added = await sources.add(interaction.guildId, url);
    if (!added.ok) return [renderAddRefused(url, added.reason)];
    const view = { source: added.source, discoveredFrom: added.discoveredFrom, alreadyAdded: added.alreadyAdded };
    if (!channelId || !live) return [renderSourceAdded(view)];
    const watched = await watch(interaction, live, added.source, channelId);
    if (!watched.ok) return [renderSourceAdded(view), renderLiveChannelProblem(watched.problem)];
    const { created, restarted } = watched;
    return [renderSourceAdded({ ...view, watch: { channelId, filter, created, restarted } })];
  },
  async remove(interaction, { sources, live }) {
    const raw = interaction.options.getString('url', true);
    const source = await findSource(sources, interaction.guildId, raw);
    const url = source?.url ?? raw.trim();
    const removed = await sources.remove(interaction.guildId, url);
    const unwatched = removed ? ((await live?.unwatchFeed(interaction.guildId, url)) ?? 0) : 0;
    return [renderSourceRemoved(url, removed, unwatched)];
  },
  async list(interaction, { sources, live }) {
    return renderSourcesList(await sources.list(interaction.guildId), (await live?.list(interaction.guildId)) ?? []);
  },
  async watch(interaction, { sources, live }) {
    if (!live) return [renderSourcesRefusal('no-sources')];
    const raw = interaction.options.getString('url', true);
    const source = await findSource(sources, interaction.guildId, raw);
    if (!source) return [renderUnknownSource(raw)];
    const channelId = interaction.options.getChannel('channel', true).id;
    const watched = await watch(interaction, live, source, channelId);
    if (!watched.ok) return [renderLiveChannelProblem(watched.problem)];
    return [renderWatched({ source, channelId, filter: watched.subscription.filter, created: watched.created, restarted: watched.restarted })];
  },
  async unwatch(interaction, { sources, live }) {
    if (!live) return [renderSourcesRefusal('no-sources')];
    const raw = interaction.options.getString('url', true);
    const url = (await findSource(sources, interaction.guildId, raw))?.url ?? raw.trim();
    const channelId = interaction.options.getChannel('channel', true).id;
    return [renderUnwatched(url, channelId, await live.unwatch(interaction.guildId, channelId, url))];
  },
};

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const refuse = (why: SourcesRefusal) => sendMessages(interaction, [renderSourcesRefusal(why)], { ephemeral: true });
  if (!interaction.inGuild()) return refuse('not-in-server');
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return refuse('needs-manage-server');
  if (!ctx.sources) return refuse('no-sources');
  const run = SUBCOMMANDS[interaction.options.getSubcommand()];
  if (!run) return refuse('unknown-subcommand');
  const sources = ctx.sources;
  await answerPrivately(interaction, () => run(interaction, { sources, live: ctx.live }), FilterInputError, renderFilterError);
}

/** URLs of the server's sources (its own for remove; every visible one for watch/unwatch), matching what is typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'url' || !ctx.sources || !interaction.guildId || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.respond([]);
    return;
  }
  const own = interaction.options.getSubcommand() === 'remove';
  const typed = String(focused.value).toLowerCase();
  const matches = (await ctx.sources.list(interaction.guildId))
    // A value over Discord's 100 characters could not be sent back intact: such a URL is typed, not picked.
    .filter((s) => s.url.length <= LIMITS.choiceText && (!own || s.scope === 'server') && `${s.url} ${s.title ?? ''}`.toLowerCase().includes(typed))
    .slice(0, LIMITS.autocompleteChoices);
  await interaction.respond(renderChoices(matches.map((s) => ({ name: s.title ? `${s.title} — ${s.url}` : s.url, value: s.url }))));
}

({ data, execute, autocomplete }) satisfies Command;
