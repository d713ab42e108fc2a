// Daily-briefing schedules as /briefing shows them, and every answer /briefing gives.
import type { Briefing } from '../../briefings';
import { renderBriefingPost } from './briefing';
import { LIMITS } from './limits';
import { packEmbeds, type RenderedMessage } from './message';
import { renderNotice } from './notice';
import { fitList, footerText, longEmbeds } from './parts';
import { oneLine, safeMarkdown, truncateWords } from './text';

/**
 * What /briefing shows about one channel's schedule. The scheduler's ScheduleStatus has this shape; the
 * renderer declares only what it reads, so it depends on no scheduler code.
 */
export interface ScheduleView {
  guildId: string;
  channelId: string;
  time: string;
  timezone: string;
  topic: string | null;
  articles: number;
  announceEmpty: boolean;
  paused: boolean;
  /** Next post time as an ISO instant. */
  nextPostAt: string | null;
  lastPost: { localDate: string; outcome: string; detail: string | null } | null;
  problems: readonly string[];
}

/** A channel mention only for a real snowflake; anything else is shown as plain text. */
export function channelRef(id: string): string {
  // Always shown in markdown (content, descriptions), so anything but a snowflake is escaped as article text is.
  return /^\d{17,20}$/.test(id) ? `<#${id}>` : `#${safeMarkdown(oneLine(id))}`;
}

function when(iso: string | null): string {
  if (!iso) return 'not scheduled';
  const t = Math.floor(new Date(iso).getTime() / 1000);
  return Number.isFinite(t) ? `<t:${t}:f> (<t:${t}:R>)` : 'unknown';
}

function statusEmbeds(s: ScheduleView) {
  const state = s.paused ? '⏸ paused' : '▶ active';
  const lines = [`${channelRef(s.channelId)} every day at **${safeMarkdown(s.time)}** (${safeMarkdown(s.timezone)}) — ${state}`];
  const fields = [
    { name: 'Topic', value: s.topic ? safeMarkdown(oneLine(s.topic)) : 'latest news', inline: true },
    { name: 'Articles', value: String(s.articles), inline: true },
    { name: 'When nothing is new', value: s.announceEmpty ? 'says so' : 'stays silent', inline: true },
    { name: 'Next post', value: s.paused ? 'paused' : when(s.nextPostAt), inline: true },
    {
      name: 'Last post',
      value: s.lastPost
        ? `${safeMarkdown(s.lastPost.localDate)}: ${safeMarkdown(oneLine(s.lastPost.outcome))}` +
          (s.lastPost.detail ? ` — ${safeMarkdown(oneLine(s.lastPost.detail))}` : '')
        : 'none yet',
      inline: true,
    },
  ];
  if (s.problems.length) {
    fields.push({
      name: '⚠ Problems',
      value: fitList(
        s.problems.map((p) => safeMarkdown(oneLine(p))),
        LIMITS.fieldValue,
        '\n',
      ),
      inline: false,
    });
  }
  return longEmbeds({ title: 'Daily briefing', paragraphs: [lines], fields, footer: footerText(`server ${s.guildId}`) });
}

export function renderScheduleStatus(statuses: readonly ScheduleView[]): RenderedMessage[] {
  if (!statuses.length) return packEmbeds('No daily briefings are scheduled in this server yet.', []);
  return packEmbeds(undefined, statuses.flatMap(statusEmbeds));
}

/** Why /briefing answers without doing anything: each situation has its own words. */
export type BriefingRefusal = 'not-in-server' | 'needs-manage-server' | 'no-database' | 'unknown-subcommand';

const REFUSALS: Record<BriefingRefusal, string> = {
  'not-in-server': 'Daily briefings belong to a server: use /briefing in a server channel.',
  'needs-manage-server': 'Only members with the **Manage Server** permission can change daily briefings. /briefing show and preview are open to you.',
  'no-database': 'Daily briefings are not available: this bot runs without its database.',
  'unknown-subcommand': 'Unknown /briefing subcommand.',
};

export function renderBriefingRefusal(why: BriefingRefusal): RenderedMessage {
  return renderNotice(REFUSALS[why]);
}

/** An admin's input the service refused, in the service's words (they name the option and the fix). */
export function renderScheduleInputError(text: string): RenderedMessage {
  return renderNotice(text);
}

/** /briefing set: a one-line confirmation, then the schedule as /briefing show shows it. */
export function renderScheduleSet(status: ScheduleView): RenderedMessage[] {
  const lead =
    `Daily briefing set: ${channelRef(status.channelId)} every day at **${safeMarkdown(status.time)}** ` +
    `(${safeMarkdown(status.timezone)}). Next post: ${when(status.nextPostAt)}.`;
  return [renderNotice(lead), ...renderScheduleStatus([status])];
}

/** What /briefing preview shows: whose preview it is, then the post as it would be sent. */
export interface PreviewView {
  channelId: string;
  /** Whether the channel has a schedule (else the preview shows what one would look like). */
  scheduled: boolean;
  dateLabel: string;
  briefing: Briefing;
}

export function renderSchedulePreview(preview: PreviewView): RenderedMessage[] {
  const where = channelRef(preview.channelId);
  const note = preview.scheduled
    ? `Preview for ${where} — only you can see this.`
    : `${where} has no daily briefing yet; this is what one would look like. Only you can see this.`;
  return [renderNotice(note), ...renderBriefingPost(preview.briefing, { dateLabel: preview.dateLabel })];
}

/** What /briefing now did; the scheduler's PostNowResult has this shape. */
export type PostNowView =
  | { status: 'posted' }
  | { status: 'no-schedule' }
  | { status: 'busy' }
  | { status: 'empty' }
  | { status: 'done-already'; reason: string }
  | { status: 'failed'; reason: string }
  | { status: 'storage-error'; reason: string };

function postNowReason(result: Exclude<PostNowView, { status: 'posted' }>): string {
  switch (result.status) {
    case 'no-schedule':
      return 'This channel has no daily briefing. Set one with /briefing set first.';
    case 'busy':
      return 'A post for this channel is already under way.';
    case 'empty':
      return 'Nothing new to post: every recent article was already briefed here (today counts as done).';
    case 'done-already':
      return `Today's briefing is done already: ${result.reason}.`;
    case 'failed':
      return result.reason;
    case 'storage-error':
      return `The bot's database could not be written (${result.reason}). Nothing was posted; ask the bot's operator to free disk space or check the database file, then try again.`;
  }
}

export function renderPostNow(channelId: string, result: PostNowView): RenderedMessage {
  if (result.status === 'posted') {
    return renderNotice(`Posted today's briefing in ${channelRef(channelId)}. The scheduled post will not repeat it today.`);
  }
  return renderNotice(`Nothing posted in ${channelRef(channelId)}: ${truncateWords(safeMarkdown(postNowReason(result)), 1500)}`);
}

/** /briefing off: how many schedules stopped, in one channel (channelId) or the whole server (null). */
export function renderScheduleOff(removed: number, channelId: string | null): RenderedMessage {
  const where = channelId ? channelRef(channelId) : 'this server';
  return renderNotice(
    removed > 0
      ? `Stopped ${removed} daily briefing${removed === 1 ? '' : 's'} in ${where}.`
      : `There was no daily briefing in ${where}. /briefing show lists them.`,
  );
}
