// Every answer /sources gives: the feed list with each source's status, scope and the channels it posts to
// (their filters, a stopped subscription's reason), confirmations, and the clear refusals. The services'
// types have these shapes; the renderer declares only what it reads.
import type { APIEmbed } from 'discord.js';
import { describeFilter, type SubscriptionFilter } from '../../briefings';
import { LIMITS } from './limits';
import { packEmbeds, type RenderedMessage } from './message';
import { renderNotice } from './notice';
import { COLOUR, embedTitle, fitList, safeUrl } from './parts';
import { channelRef } from './schedule';
import { oneLine, safeMarkdown, truncateWords } from './text';

export interface SourceListView {
  url: string;
  title: string | null;
  scope: 'shared' | 'server';
  status: string;
  disabledReason: string | null;
}

export interface SubscriptionListView {
  channelId: string;
  feedUrl: string;
  filter: SubscriptionFilter;
  firstPolledAt: string | null;
  stoppedReason: string | null;
}

export type SourcesRefusal = 'not-in-server' | 'needs-manage-server' | 'no-sources' | 'unknown-subcommand';

const REFUSALS: Record<SourcesRefusal, string> = {
  'not-in-server': 'Feed sources belong to a server: use /sources in a server channel.',
  'needs-manage-server': 'Only members with the **Manage Server** permission can manage feed sources and live posts.',
  'no-sources': 'Feed sources are not available: this bot runs without its feed reader or its database.',
  'unknown-subcommand': 'Unknown /sources subcommand.',
};

export function renderSourcesRefusal(why: SourcesRefusal): RenderedMessage {
  return renderNotice(REFUSALS[why]);
}

const text = (s: string, max = 300) => truncateWords(safeMarkdown(oneLine(s)), max);

export function renderBadSourceUrl(url: string): RenderedMessage {
  return renderNotice(
    `“${text(url, 200)}” is not a web address I can follow. Give a full http:// or https:// URL of a feed or of a site's home page.`,
  );
}

/** A filter option the core could not read, in its words (they name the option and the fix). */
export function renderFilterError(message: string): RenderedMessage {
  return renderNotice(
    `That filter does not work: ${text(message, 600)}\nWords are whole and case-insensitive; put a phrase in "double quotes"; separate words with commas or spaces.`,
  );
}

export function renderAddRefused(url: string, reason: string): RenderedMessage {
  return renderNotice(`Could not add ${text(url, 200)}: ${text(reason, 600)}`);
}

export function renderUnknownSource(url: string): RenderedMessage {
  return renderNotice(`${text(url, 200)} is not one of this server's sources. Add it with /sources add, or pick one from the suggestions.`);
}

export type ChannelProblemView = 'not-in-server' | 'cannot-hold-posts';

export function renderLiveChannelProblem(problem: ChannelProblemView): RenderedMessage {
  return renderNotice(
    problem === 'not-in-server'
      ? 'That channel is not in this server. Pick a text channel of this server.'
      : 'Live posts need a text or announcement channel; that channel cannot hold them (voice, stage, forum or category).',
  );
}

function sourceName(s: { url: string; title: string | null }): string {
  return s.title ? text(s.title, 200) : text(s.url, 200);
}

function filterLine(filter: SubscriptionFilter): string {
  const described = describeFilter(filter);
  return described ? text(described, 500) : 'every new article';
}

/** What /sources add or watch did, in one notice. */
export function renderSourceAdded(view: {
  source: SourceListView;
  discoveredFrom?: string;
  alreadyAdded?: boolean;
  watch?: { channelId: string; filter: SubscriptionFilter; created: boolean; restarted: boolean };
}): RenderedMessage {
  const lines = [view.alreadyAdded ? `${sourceName(view.source)} is already one of this server's sources.` : `Added ${sourceName(view.source)}.`];
  if (view.discoveredFrom) lines.push(`Found its feed on ${text(view.discoveredFrom, 200)}: ${text(view.source.url, 300)}`);
  if (view.watch) lines.push(watchLine(view.watch));
  lines.push(`Status: ${text(view.source.status)}`);
  return renderNotice(lines.join('\n'));
}

function watchLine(w: { channelId: string; filter: SubscriptionFilter; created: boolean; restarted: boolean }): string {
  const where = channelRef(w.channelId);
  if (!w.created) {
    return `${where} already gets its new articles; filter now: ${filterLine(w.filter)}.${w.restarted ? ' Posting there again.' : ''}`;
  }
  return `New articles will be posted in ${where} (${filterLine(w.filter)}). The next poll only records what is there, so the channel is not flooded; live posts start after it.`;
}

export function renderWatched(view: {
  source: SourceListView;
  channelId: string;
  filter: SubscriptionFilter;
  created: boolean;
  restarted: boolean;
}): RenderedMessage {
  return renderNotice(`${sourceName(view.source)}: ${watchLine(view)}`);
}

export function renderUnwatched(url: string, channelId: string, found: boolean): RenderedMessage {
  return renderNotice(
    found
      ? `${channelRef(channelId)} no longer gets live posts from ${text(url, 200)}.`
      : `${channelRef(channelId)} had no live posts from ${text(url, 200)}; nothing changed.`,
  );
}

export function renderSourceRemoved(url: string, removed: boolean, unwatched: number): RenderedMessage {
  if (!removed) return renderUnknownSource(url);
  const also = unwatched ? ` Its live posts stopped in ${unwatched} channel${unwatched === 1 ? '' : 's'}.` : '';
  return renderNotice(`Removed ${text(url, 200)} from this server's sources.${also}`);
}

function subscriptionLine(s: SubscriptionListView): string {
  const state = s.stoppedReason ? `⏹ stopped: ${text(s.stoppedReason)}` : s.firstPolledAt ? '▶ posting' : '⏳ starts after the next poll';
  return `${channelRef(s.channelId)} — ${filterLine(s.filter)} — ${state}`;
}

function sourceEmbed(source: SourceListView, subs: readonly SubscriptionListView[]): APIEmbed {
  const lines = [
    `**${source.scope === 'shared' ? 'Shared' : 'This server'}** · ${text(source.status)}`,
    source.disabledReason ? `⚠ Disabled: ${text(source.disabledReason)}` : '',
    subs.length ? `Live posts:\n${fitList(subs.map(subscriptionLine), LIMITS.embedDescription - 800, '\n')}` : 'Live posts: none (/sources watch)',
  ].filter(Boolean);
  const embed: APIEmbed = { color: COLOUR, title: embedTitle(source.title ?? source.url), description: lines.join('\n') };
  const url = safeUrl(source.url);
  if (url) embed.url = url;
  return embed;
}

/** /sources list: one embed per source, shared ones first (the service's order), with their subscriptions. */
export function renderSourcesList(sources: readonly SourceListView[], subscriptions: readonly SubscriptionListView[]): RenderedMessage[] {
  if (!sources.length) return packEmbeds('This server follows no feeds yet. Add one with /sources add url:…', []);
  const embeds = sources.map((s) =>
    sourceEmbed(
      s,
      subscriptions.filter((x) => x.feedUrl === s.url),
    ),
  );
  return packEmbeds(`${sources.length} feed source${sources.length === 1 ? '' : 's'} — only you can see this.`, embeds);
}
