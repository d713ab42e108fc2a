// Briefings: on demand (/brief) and the daily post. One embed run per article: summary, then a telling quote.
import { asSentence, type Briefing, type BriefingItem, type Quote } from '../../briefings';
import { LIMITS } from './limits';
import { packEmbeds, type RenderedMessage } from './message';
import { alsoLine, fitList, footerText, formatDate, longEmbeds, safeUrl } from './parts';
import { oneLine, safeMarkdown, safeSentences, truncateWords } from './text';

export function quoteAttribution(quote: Pick<Quote, 'speaker' | 'role'>): string {
  const who = quote.speaker?.trim() || 'unknown';
  const role = quote.role?.trim();
  return role ? `${who}, ${role}` : who;
}

/** A fragment that stops mid-sentence gets an ellipsis before the closing mark; one that ends a sentence does not. */
export function closeQuote(lastSentence: string, partial: boolean): string {
  return partial && !/[.!?…]$/.test(lastSentence) ? '…”' : '”';
}

/** The quote as safe sentences (so a long quote splits between them), quote marks and attribution around. */
function quoteLines(quote: Quote): string[] {
  const sentences = safeSentences(quote.text);
  if (!sentences.length) return [];
  const open = quote.partial ? '> “…' : '> “';
  const attribution = ` — ${safeMarkdown(oneLine(quoteAttribution(quote)))}`;
  sentences[0] = open + sentences[0];
  sentences[sentences.length - 1] += closeQuote(sentences[sentences.length - 1], quote.partial) + attribution;
  return sentences;
}

function itemEmbeds(item: BriefingItem, index: number) {
  const summary = item.summary.map((s) => safeMarkdown(oneLine(asSentence(s))));
  const paragraphs = [summary.length ? summary : ['(no summary)']];
  if (item.quote) paragraphs.push(quoteLines(item.quote));
  const also = alsoLine(item.alsoReportedBy);
  if (also) paragraphs.push([also]);
  return longEmbeds({
    title: item.title,
    titlePrefix: `${index + 1}. `,
    url: safeUrl(item.url),
    paragraphs,
    footer: footerText(formatDate(item.date), item.source),
  });
}

function speakersLine(briefing: Briefing): string {
  if (!briefing.speakers.length) return '';
  const names = briefing.speakers.map((s) => safeMarkdown(oneLine(s.role ? `${s.name} (${s.role})` : s.name)));
  return `Quoted: ${fitList(names, 600)}`;
}

export interface BriefingRenderOptions {
  /** First line, already safe (e.g. "**Briefing: Ukraine**"). */
  heading: string;
  /** Shown when there are no items. */
  emptyText: string;
}

export function renderBriefingMessages(briefing: Briefing, opts: BriefingRenderOptions): RenderedMessage[] {
  if (!briefing.items.length) return packEmbeds(truncateWords(`${opts.heading}\n${opts.emptyText}`, LIMITS.content), []);
  const header = [opts.heading, speakersLine(briefing)].filter(Boolean).join('\n');
  const embeds = briefing.items.flatMap((item, i) => itemEmbeds(item, i));
  return packEmbeds(truncateWords(header, LIMITS.content - 200), embeds);
}

/** /brief without an article: the most relevant recent articles on a topic (or overall). */
export function renderBriefing(briefing: Briefing): RenderedMessage[] {
  const topic = briefing.topic ? safeMarkdown(oneLine(briefing.topic)) : null;
  const count = briefing.items.length;
  return renderBriefingMessages(briefing, {
    heading: truncateWords(`**Briefing${topic ? `: ${topic}` : ''}** — ${count} article${count === 1 ? '' : 's'}`, LIMITS.content - 400),
    emptyText: topic ? `No articles about “${topic}” yet. Try another topic or /search.` : 'The library has no articles yet.',
  });
}

export interface BriefingPostOptions {
  /** The local date the post is for, e.g. "3 Dec 2025". */
  dateLabel: string;
  /** Posted after the scheduled time (the bot was down then). */
  late?: boolean;
}

/** The scheduled daily post for a channel. */
/** Plain RenderedMessages, which are valid MessageCreateOptions for channel.send. */
export function renderBriefingPost(briefing: Briefing, opts: BriefingPostOptions): RenderedMessage[] {
  const topic = briefing.topic ? ` — ${safeMarkdown(oneLine(briefing.topic))}` : '';
  const late = opts.late ? '\n_Posted late: the bot was offline at the scheduled time._' : '';
  return renderBriefingMessages(briefing, {
    heading: truncateWords(`**Daily briefing for ${safeMarkdown(oneLine(opts.dateLabel))}${topic}**`, 300) + late,
    emptyText: 'No new articles since the last briefing.',
  });
}
