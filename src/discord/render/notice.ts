// Short text answers: notices, apologies, confirmations. Our own words, so only length and mentions matter.
import { LIMITS } from './limits';
import { message, type RenderedMessage } from './message';
import { truncateWords } from './text';

/**
 * A one-message text answer. `text` is trusted wording (it may contain our markdown and channel mentions);
 * user input inside it must be passed through safeMarkdown by the caller. allowedMentions still stops pings.
 */
export function renderNotice(text: string): RenderedMessage {
  return message({ content: truncateWords(text.trim() || '…', LIMITS.content) });
}

export const APOLOGY = 'Sorry — something went wrong while answering that. It has been logged; please try again in a moment.';

export function renderApology(): RenderedMessage {
  return renderNotice(APOLOGY);
}
