// Live posts: one embed per new article (title linked, source and time, a short summary, the telling quote,
// a teaser mark, "also reported by"), and the one-line summary of a burst. The marker a restart looks for
// goes in the footer (or the last line of a summary line).
import type { APIEmbed } from 'discord.js';
import { asSentence } from '../../briefings';
import { closeQuote, quoteAttribution } from './briefing';
import { LIMITS } from './limits';
import { message, type RenderedMessage } from './message';
import { alsoLine, COLOUR, embedTitle, footerText, safeUrl } from './parts';
import { oneLine, safeMarkdown, safePlain, truncateWords } from './text';

/** What a live post shows of an article (a LiveArticle fits). */
export interface LivePostArticle {
  title: string;
  url?: string;
  source: string;
  publishedAt: string | null;
  summary: readonly string[];
  quote: { text: string; speaker: string | null; role: string | null; partial: boolean } | null;
  teaser: boolean;
}

export interface LivePostOptions {
  alsoReportedBy?: readonly { source: string; url?: string }[];
  /** Our own marker text (e.g. "bb-live:…"), put in the footer. */
  marker?: string;
}

export const LIVE_SUMMARY_SENTENCES = 2;
const SENTENCE_MAX = 400;
const QUOTE_MAX = 700;
export const TEASER_NOTE = '_Teaser only: the page could not be read._';

/** "29 Nov 2026, 14:05 UTC", or null for a missing or broken date. */
export function formatTime(iso: string | null | undefined): string | null {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });
  return `${date}, ${time} UTC`;
}

function summaryLines(article: LivePostArticle): string {
  const sentences = article.summary
    .slice(0, LIVE_SUMMARY_SENTENCES)
    .map((s) => truncateWords(safeMarkdown(oneLine(asSentence(s))), SENTENCE_MAX))
    .filter(Boolean);
  return sentences.join(' ');
}

function quoteLine(quote: LivePostArticle['quote']): string {
  const text = quote ? oneLine(quote.text) : '';
  if (!quote || !text) return '';
  const body = truncateWords(safeMarkdown(text), QUOTE_MAX);
  const cut = body !== safeMarkdown(text);
  const who = truncateWords(safeMarkdown(oneLine(quoteAttribution(quote))), 200);
  const close = cut ? '”' : closeQuote(body, quote.partial);
  return `> “${quote.partial ? '…' : ''}${body}${close} — ${who}`;
}

/** One new article as one message with one embed. */
export function renderLivePost(article: LivePostArticle, opts: LivePostOptions = {}): RenderedMessage {
  const parts = [
    article.teaser ? TEASER_NOTE : '',
    summaryLines(article) || (article.teaser ? '' : '(no summary)'),
    quoteLine(article.quote),
    alsoLine(opts.alsoReportedBy),
  ].filter(Boolean);
  const embed: APIEmbed = {
    color: COLOUR,
    title: embedTitle(article.title),
    description: truncateWords(parts.join('\n\n'), LIMITS.embedDescription - 96),
    footer: {
      text: [footerText(article.source, formatTime(article.publishedAt)), opts.marker ? safePlain(opts.marker) : ''].filter(Boolean).join(' · '),
    },
  };
  const url = safeUrl(article.url);
  if (url) embed.url = url;
  const when = article.publishedAt ? new Date(article.publishedAt) : null;
  if (when && !Number.isNaN(when.getTime())) embed.timestamp = when.toISOString();
  return message({ embeds: [embed] });
}

/**
 * "…and 180 more from X": the rest of a burst, in one line, with the command that lists them (/search's source
 * option resolves the name shown here: the feed's title, else its host).
 */
export function renderBurstSummary(view: { sourceName: string; count: number; marker?: string }): RenderedMessage {
  const name = truncateWords(safeMarkdown(oneLine(view.sourceName)), 100);
  const line = `…and ${view.count} more from **${name}** (too many to post one by one) — /search source:${name}`;
  return message({ content: view.marker ? `${line}\n-# ${safePlain(view.marker)}` : line });
}
