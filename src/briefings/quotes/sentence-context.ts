// A paragraph's sentences as the attribution rules need them: never split inside a quote or
// between a quote and its cue, with each quote masked as one placeholder token.
import { sentenceStarts } from '../text/sentences';
import { tokenize, type Token } from '../text/names';
import { QUOTE_TOKEN } from './attribution';
import type { QuoteSpan } from './marks';

/** Sentence ranges of one paragraph, never breaking inside a quote. */
export function sentenceRanges(text: string, spans: readonly QuoteSpan[]): [number, number][] {
  const starts = sentenceStarts(text);
  if (starts.length === 0 || starts[0] !== 0) starts.unshift(0);
  // Boundaries come in order, and so do spans: one pointer walks both (a span list can be long).
  let span = 0;
  const inside = (b: number): boolean => {
    while (span < spans.length && (spans[span].close < 0 ? text.length : spans[span].close) < b) span++;
    for (let k = span; k < spans.length && spans[k].open < b; k++) if (b <= (spans[k].close < 0 ? text.length : spans[k].close)) return true;
    return false;
  };
  // "“Have I started …?” Sanders replied." is one sentence, whatever the splitter thought; so is
  // "“… the emails.” Trump said." when a plain speech verb follows the name.
  const cueNext = (b: number) =>
    (/[?!]['’"”]\s*$/.test(text.slice(Math.max(0, b - 4), b)) || plainCueAfterFullStop(text, b)) &&
    (/^(?:(?:\p{Lu}[\p{L}.'’-]*|he|she|they|we|I)\s+){1,4}(?:said|says|asked|asks|replied|added|told|wrote|continued|explained|tweeted|[a-z]{3,}ed)\b/u.test(
      text.slice(b, b + 80),
    ) ||
      /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},[^.!?“”"]{1,90}?,\s+(?:said|says|asked|added|told|wrote)\b/u.test(text.slice(b, b + 140)));
  // "“…” ― Krystal Correa": a signature belongs to the quote before it.
  const signature = (b: number) => /^[\u2015\u2014\u2013-]\s*\p{Lu}/u.test(text.slice(b, b + 4));
  // "Oscar P. Quintero": an initial never ends a sentence here.
  const initial = (b: number) => /(?:^|\s)\p{Lu}\.\s*$/u.test(text.slice(Math.max(0, b - 4), b));
  // inside() is called with rising b only: filter visits starts in order and calls it first.
  const kept = starts.filter((b, i) => i === 0 || (!inside(b) && !cueNext(b) && !signature(b) && !initial(b)));
  return kept.map((b, i) => [b, i + 1 < kept.length ? kept[i + 1] : text.length]);
}

/** The quote is the whole paragraph (bar a trailing mark). */
export function wholeParagraphQuote(text: string, span: QuoteSpan): boolean {
  // Scans stop at the first visible character, so a long paragraph costs nothing here.
  for (let i = 0; i < span.open; i++) if (!/\s/.test(text[i])) return false;
  if (span.close < 0) return true;
  // At most one visible character after the closing mark (a full stop).
  let seen = 0;
  for (let i = span.close + 1; i < text.length; i++) if (!/\s/.test(text[i]) && ++seen > 1) return false;
  return true;
}

/** The masked tokens of a paragraph's last sentence. */
export function lastSentenceTokens(text: string, spans: readonly QuoteSpan[]): Token[] {
  const ranges = sentenceRanges(text, spans);
  const [from, to] = ranges[ranges.length - 1] ?? [0, text.length];
  return maskedTokens(
    tokenize(text.slice(from, to), from),
    spans.filter((s) => s.open >= from && s.open < to),
    text.length,
  );
}

/** The sentence's tokens with each quote replaced by one placeholder token. */
export function maskedTokens(tokens: readonly Token[], spans: readonly QuoteSpan[], paragraphLength: number): Token[] {
  if (spans.length === 0) return tokens as Token[];
  const out: Token[] = [];
  let k = 0;
  for (const s of spans) {
    const close = s.close < 0 ? paragraphLength : s.close + 1;
    while (k < tokens.length && tokens[k].start < s.open) out.push(tokens[k++]);
    out.push({ text: QUOTE_TOKEN, start: s.open, end: close });
    while (k < tokens.length && tokens[k].start < close) k++;
  }
  while (k < tokens.length) out.push(tokens[k++]);
  return out;
}

/** A full stop closing a quote, then "Name said." or "he went on,": the cue of that quote, not a new sentence ("He said that …" is one). */
function plainCueAfterFullStop(text: string, b: number): boolean {
  return (
    /\.['’"”]\s*$/.test(text.slice(Math.max(0, b - 4), b)) &&
    /^(?:(?:\p{Lu}[\p{L}.'’-]*|he|she|they)\s+){1,3}(?:said|says|added|asked|replied|went on)[.,]/u.test(text.slice(b, b + 60))
  );
}
