// Word lists an admin types into a slash-command option: `ukraine, "peace talks", nato`. Words are cut and
// folded exactly as the search index cuts them (tokenize.ts), so "Zelensky’s" and "zelensky" are one word,
// "José" matches "jose", and punctuation only separates words.
import { wordSpans } from '../search/tokenize';

/** One include/exclude term: one word, or several that must stand in a row (a quoted phrase). */
export interface FilterTerm {
  /** Folded words, in order. */
  words: string[];
}

export const MAX_TERMS = 20;
export const MAX_INPUT_LENGTH = 300;
export const MAX_PHRASE_WORDS = 8;

/** A mistake in what an admin typed; the message says how to fix it. */
export class FilterInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterInputError';
  }
}

/** Folded words of a piece of text, as search sees them (stopwords kept: a filter says what it means). */
export function filterWords(text: string): string[] {
  return wordSpans(text).map((w) => w.term);
}

/** Raw pieces: quoted runs stay whole, everything else is split at commas and spaces. */
function pieces(raw: string, field: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  // Curly quotes from phones and word processors count as straight ones.
  const text = raw.replace(/[“”„‟″]/g, '"');
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new FilterInputError(`${field}: a quote opened at "${text.slice(i, i + 20)}" is never closed.`);
      out.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
      continue;
    }
    const next = text.slice(i).search(/[",\s]/);
    const end = next < 0 ? text.length : i + Math.max(next, 1);
    const piece = text.slice(i, end);
    if (!/^[,\s]$/.test(piece)) out.push({ text: piece, quoted: false });
    i = end;
  }
  return out;
}

/**
 * Parses a term list. Terms are separated by commas or spaces; "double quotes" keep a phrase together.
 * Throws FilterInputError for an unclosed quote, an empty phrase, a term without letters or digits,
 * an overlong input or too many terms.
 */
export function parseTerms(raw: string, field: string): FilterTerm[] {
  if (raw.length > MAX_INPUT_LENGTH) {
    throw new FilterInputError(`${field} is ${raw.length} characters long; keep it under ${MAX_INPUT_LENGTH}.`);
  }
  const terms: FilterTerm[] = [];
  const seen = new Set<string>();
  for (const piece of pieces(raw, field)) {
    const words = filterWords(piece.text);
    if (words.length === 0) {
      throw new FilterInputError(
        piece.quoted && !piece.text.trim()
          ? `${field}: an empty pair of quotes ("") matches nothing; remove it.`
          : `${field}: "${piece.text.slice(0, 40)}" has no letters or digits, so it can never match a word.`,
      );
    }
    if (words.length > MAX_PHRASE_WORDS) {
      throw new FilterInputError(`${field}: a phrase may have at most ${MAX_PHRASE_WORDS} words.`);
    }
    // Unquoted "peace-talks" is cut into two words by the tokenizer: keep them together as typed.
    const key = words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ words });
  }
  if (terms.length > MAX_TERMS) {
    throw new FilterInputError(`${field} has ${terms.length} terms; at most ${MAX_TERMS} are allowed.`);
  }
  return terms;
}

/** How a term is shown back: a single word bare, several words quoted. */
export function displayTerm(term: FilterTerm): string {
  return term.words.length === 1 ? term.words[0] : `"${term.words.join(' ')}"`;
}

/** The canonical form of a list: parsing it again gives the same terms. */
export function displayTerms(terms: readonly FilterTerm[]): string {
  return terms.map(displayTerm).join(', ');
}
