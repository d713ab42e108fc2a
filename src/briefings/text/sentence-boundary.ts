// Whether a terminator (. ? ! …) ends a sentence: the word before it and the word after it decide
// (the scan that finds the candidates is text/sentences).
import { ALWAYS_CONTINUE, NEEDS_CAPITAL, NUMBER_PREFIXES, ORDINARY_ABBREVIATIONS, PREFIX_TITLES, SENTENCE_STARTERS } from './sentence-words';

const OPENERS = '"“‘\'([{«';

export function isSpace(ch: string): boolean {
  return (
    ch === ' ' ||
    ch === '\n' ||
    ch === '\t' ||
    ch === '\r' ||
    ch === '\u00a0' ||
    ch === '\f' ||
    ch === '\v' ||
    ch === '\u2028' ||
    ch === '\u2029' ||
    ch === '\u202f' ||
    ch === '\u2009'
  );
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** The word that ends right before `end` (exclusive), without opening punctuation. Bounded length. */
export function wordBefore(text: string, end: number): string {
  let start = end;
  const limit = Math.max(0, end - 40);
  while (start > limit && !isSpace(text[start - 1])) start--;
  let word = text.slice(start, end);
  while (word.length > 0 && (OPENERS.includes(word[0]) || word[0] === '-' || word[0] === '—')) word = word.slice(1);
  return word;
}

export interface Following {
  /** The next word, with opening punctuation removed (bounded length). */
  word: string;
  /** True when an opening quote or bracket came first. */
  opened: boolean;
  /** True when the whitespace between held a blank line. */
  paragraphBreak: boolean;
  /** Index where the next sentence would start (end of text when none). */
  start: number;
}

export function following(text: string, from: number): Following {
  let i = from;
  let newlines = 0;
  while (i < text.length && isSpace(text[i])) {
    if (text[i] === '\n') newlines++;
    i++;
  }
  const start = i;
  let opened = false;
  while (i < text.length && OPENERS.includes(text[i]) && i - start < 4) {
    opened = true;
    i++;
  }
  let j = i;
  while (
    j < text.length &&
    j - i < 24 &&
    (isLetter(text[j]) || text[j] === "'" || text[j] === '’' || text[j] === '.' || (text[j] >= '0' && text[j] <= '9'))
  )
    j++;
  return { word: text.slice(i, j), opened, paragraphBreak: newlines >= 2, start };
}

function firstChar(word: string): string {
  return word.length > 0 ? word[0] : '';
}

/** A typical sentence opener, but not a bare initial such as the "A" of "A. A. Milne". */
function isStarter(next: Following): boolean {
  const w = next.word.replace(/[’']s$/, '');
  if (!isUpper(firstChar(w))) return false;
  if (/^[A-Za-z]\.$/.test(next.word) || /^[A-Za-z]\./.test(next.word)) return false;
  return SENTENCE_STARTERS.has(w.replace(/\.+$/, '').toLowerCase());
}

type Kind = 'prefix' | 'continue' | 'number' | 'ordinary' | 'initial' | 'word';

function classify(word: string): Kind {
  const lower = word.toLowerCase();
  const capital = isUpper(firstChar(word));
  const plain = capital || !NEEDS_CAPITAL.has(lower);
  if (plain && ALWAYS_CONTINUE.has(lower)) return 'continue';
  if (plain && PREFIX_TITLES.has(lower)) return 'prefix';
  if (plain && NUMBER_PREFIXES.has(lower)) return 'number';
  if (plain && ORDINARY_ABBREVIATIONS.has(lower)) return 'ordinary';
  // "etc." ends a list and rarely precedes a proper noun: a capital after it is a new sentence.
  if (lower === 'etc') return 'word';
  // Single capital letter: an initial ("George W. Bush").
  if (/^[A-Z]$/.test(word)) return 'initial';
  // Dotted initialisms: U.S, U.K, J.P, D.C, a.m-style lower-case ones.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return 'ordinary';
  return 'word';
}

/** Does the candidate after `word` + terminator(s) end the sentence? */
export function endsSentence(word: string, run: string, closed: boolean, insideQuote: boolean, next: Following): boolean {
  if (next.paragraphBreak) return true;
  const c = firstChar(next.word);
  // A lower-case continuation is never a new sentence: `"Why?" she asked.`, `5 p.m. on Monday`.
  if (isLower(c)) return false;
  const hasEllipsis = run.includes('…') || run.includes('..');
  if (hasEllipsis) {
    // An ellipsis inside a quotation marks an omission, not the end of the speaker's sentence.
    if (insideQuote) return false;
    return true;
  }
  if (run.includes('?') || run.includes('!')) return true;
  // A single period.
  // `end.” Next`: a period closed by a quote or bracket ends the sentence whatever the word was.
  if (closed) return true;
  switch (classify(word)) {
    case 'prefix':
    case 'continue':
      return false;
    case 'number':
      return !/^[0-9]/.test(next.word);
    case 'ordinary':
      return isStarter(next) || (next.opened && isUpper(c));
    case 'initial':
      // "Plan B. The …" splits; "George W. Bush" does not.
      return isStarter(next) && !/^[A-Z]\.?$/.test(next.word);
    case 'word':
      // A number directly before: "in 2025. The" splits; a lone list number "1. First" too.
      return true;
  }
}
