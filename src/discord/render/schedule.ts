// Daily-briefing schedules as /briefing shows them.
import type { ScheduleStatus } from '../../schedule/service-types';
import { LIMITS } from './limits';
import { packEmbeds, type RenderedMessage } from './message';
import { fitList, footerText, longEmbeds } from './parts';
import { oneLine, safeMarkdown } from './text';

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

function statusEmbeds(s: ScheduleStatus) {
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
    fields.push({ name: '⚠ Problems', value: fitList(s.problems.map((p) => safeMarkdown(oneLine(p))), LIMITS.fieldValue, '\n'), inline: false });
  }
  return longEmbeds({ title: 'Daily briefing', paragraphs: [lines], fields, footer: footerText(`server ${s.guildId}`) });
}

export function renderScheduleStatus(statuses: ScheduleStatus[]): RenderedMessage[] {
  if (!statuses.length) return packEmbeds('No daily briefings are scheduled in this server yet.', []);
  return packEmbeds(undefined, statuses.flatMap(statusEmbeds));
}
