// Whether a quoted span is a statement someone made or a quoted term, and whether it is a
// fragment worked into the reporter's sentence.
import type { Cue } from './attribution';
import type { QuoteContext } from './quote-context';
import { wholeParagraphQuote } from './sentence-context';

/** Verbs that label rather than quote: "called Trump “a total stiff”" quotes a name for someone. */
const LABEL_VERBS = new Set(['called', 'calls', 'described', 'describes', 'dubbed', 'labeled', 'labelled', 'branded']);

const wordsOf = (quoteText: string): string[] => quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** Every word capitalised (short ones aside): a title or a name in quotes, not a statement. */
function isTitleCase(words: readonly string[]): boolean {
  const capitals = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitals >= 2 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || w.length <= 3);
}

/**
 * A statement: the cue sits right against it, it runs across paragraphs or fills one, it is a
 * sentence-like run of words, a short phrase the sentence attributes to a known speaker, or it
 * holds a sentence break.
 */
export function isStatement(quote: QuoteContext, cue: Cue | null, hasSpeaker: boolean): boolean {
  const { span, text, quoteText } = quote;
  const words = wordsOf(quoteText);
  const titleCase = isTitleCase(words);
  return (
    (cue?.direct ?? false) ||
    span.continued ||
    span.continues ||
    wholeParagraphQuote(text, span) ||
    (words.length >= 4 && !titleCase) ||
    (words.length >= 2 && !titleCase && hasSpeaker && !!cue && !LABEL_VERBS.has(cue.verb ?? '')) ||
    /[.!?]\s+\p{Lu}/u.test(quoteText)
  );
}

/** A fragment: it starts in lower case, or the sentence goes on in lower case after it with no cue. */
export function isPartial(quote: QuoteContext, attributed: boolean): boolean {
  const { span, text, quoteText, sentenceEnd } = quote;
  const firstLetter = /\p{L}/u.exec(quoteText)?.[0] ?? '';
  if (firstLetter !== '' && firstLetter === firstLetter.toLowerCase() && firstLetter !== firstLetter.toUpperCase()) return true;
  const after = firstNonSpace(text, span.close < 0 ? span.end : span.close + 1);
  return after < sentenceEnd && /[a-z]/.test(text[after]) && !attributed;
}

/** Index of the first non-space character at or after `from` (text length when none). */
export function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
