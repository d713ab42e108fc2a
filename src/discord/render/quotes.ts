// Quotations: the words, who said them (and as what), the article and its date.
import type { QuoteHit } from '../../briefings';
import { closeQuote, quoteAttribution } from './briefing';
import { packEmbeds, type RenderedMessage } from './message';
import { footerText, formatDate, longEmbeds } from './parts';
import { oneLine, safeMarkdown, safeSentences } from './text';

export interface QuoteRequest {
  words?: string | null;
  speaker?: string | null;
}

function heading(req: QuoteRequest, count: number): string {
  const words = req.words ? ` matching “${safeMarkdown(oneLine(req.words))}”` : '';
  const speaker = req.speaker ? ` by ${safeMarkdown(oneLine(req.speaker))}` : '';
  if (!words && !speaker) return count === 1 ? '**A quote from the latest articles**' : '**Quotes from the latest articles**';
  return `**Quote${count === 1 ? '' : 's'}${words}${speaker}**`;
}

export function renderQuotes(hits: QuoteHit[], req: QuoteRequest): RenderedMessage[] {
  if (!hits.length) {
    const what = [req.words && `“${safeMarkdown(oneLine(req.words))}”`, req.speaker && `by ${safeMarkdown(oneLine(req.speaker))}`]
      .filter(Boolean)
      .join(' ');
    return packEmbeds(what ? `No quotes ${what} found. Try fewer words or another spelling.` : 'No quotes in the library yet.', []);
  }
  const embeds = hits.flatMap((hit) => {
    const sentences = safeSentences(hit.text);
    if (sentences.length) {
      sentences[0] = (hit.partial ? '“…' : '“') + sentences[0];
      sentences[sentences.length - 1] += closeQuote(sentences[sentences.length - 1], hit.partial);
    }
    return longEmbeds({
      author: quoteAttribution(hit),
      paragraphs: [sentences.length ? sentences : ['(empty quote)']],
      footer: footerText(hit.articleTitle, formatDate(hit.date)),
    });
  });
  return packEmbeds(heading({ words: req.words, speaker: req.speaker }, hits.length), embeds);
}
