// The messages a scheduled post consists of. The production implementation delegates to the bot's renderer
// (src/discord/schedule/discord-renderer.ts); the scheduler only needs this shape and never looks inside.
import type { Briefing } from '../briefings';
import type { RenderedMessage } from '../discord/render/message';

export interface PostOptions {
  /** The day in the schedule's zone, written for people ("Sunday 29 March 2026"). */
  dateLabel: string;
  /** Posted after its time (caught up on start). */
  late: boolean;
}

export interface PostRenderer {
  /** One or a few messages; empty briefings go to nothingNew. */
  briefing(briefing: Briefing, opts: PostOptions): RenderedMessage[];
  /** The short "no new articles" line. */
  nothingNew(opts: PostOptions): RenderedMessage[];
  /** The message with `marker` written where it can be read back later, within Discord's limits. */
  stamp(message: RenderedMessage, marker: string): RenderedMessage;
}

/** 'YYYY-MM-DD' → 'Sunday 29 March 2026'. */
export function dateLabel(localDate: string, locale = 'en-GB'): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .format(new Date(Date.UTC(y, m - 1, d)))
    .replace(',', '');
}
