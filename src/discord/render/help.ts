// /help: what the bot does, its commands, how many articles it holds and when the library last changed.
import { EmbedBuilder } from 'discord.js';
import type { LibraryStats } from '../../briefings';
import { LIMITS } from './limits';
import { message, type RenderedMessage } from './message';
import { COLOUR, fitList } from './parts';
import { truncateWords } from './text';

export interface CommandSummary {
  name: string;
  description: string;
}

function discordTime(iso: string | null): string {
  if (!iso) return 'never';
  const t = Math.floor(new Date(iso).getTime() / 1000);
  return Number.isFinite(t) ? `<t:${t}:f> (<t:${t}:R>)` : 'unknown';
}

export function renderHelp(stats: LibraryStats, commands: readonly CommandSummary[]): RenderedMessage {
  const list = commands
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `**/${c.name}** — ${c.description}`);
  const n = stats.articles;
  const embed = new EmbedBuilder()
    .setColor(COLOUR)
    .setTitle('briefbot — news briefings from a library of articles')
    .setDescription(
      'I read the articles in my library and answer with short summaries, briefings on a topic, quotations ' +
        'and who said them, and search. Start with **/brief**, or **/brief topic:** followed by a subject.',
    )
    .addFields(
      { name: 'Commands', value: fitList(list, LIMITS.fieldValue, '\n') || '—' },
      {
        name: 'Library',
        value: `${n.toLocaleString('en-GB')} article${n === 1 ? '' : 's'} · ${stats.quotes.toLocaleString('en-GB')} quote${stats.quotes === 1 ? '' : 's'}`,
        inline: true,
      },
      { name: 'Last change', value: discordTime(stats.lastChanged), inline: true },
    )
    .setFooter({ text: truncateWords(`Library loaded ${new Date(stats.loadedAt).toUTCString()}`, 200) });
  return message({ embeds: [embed.toJSON()] });
}
