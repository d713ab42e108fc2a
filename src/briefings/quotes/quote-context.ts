// One quote as the attribution rules see it: its sentence's tokens with every quote masked, the
// index of its own placeholder, and where it sits in its sentence and paragraph.
import type { Token } from '../text/names';
import type { QuoteSpan } from './marks';

export interface QuoteContext {
  span: QuoteSpan;
  /** The paragraph's text, and its index in the article. */
  text: string;
  paragraph: number;
  /** The quoted words, trimmed. */
  quoteText: string;
  /** The sentence's tokens, each quote one placeholder; `q` is this quote's (-1 if none). */
  tokens: Token[];
  q: number;
  /** Where the sentence ends in the paragraph. */
  sentenceEnd: number;
  /** No word of the sentence comes before the quote. */
  opensSentence: boolean;
  /** Nothing but space before it in the paragraph, and it does not carry on an earlier quote. */
  opensParagraph: boolean;
  /** The paragraph before ends with a colon ("Cruz continued:"). */
  introducedByColon: boolean;
}
