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
  /** The next word, with opening punctuation removed (bounded length); "A-10" is one word. */
  word: string;
  /** True when an opening quote or bracket came first. */
  opened: boolean;
  /** True when that was a bracket: "Inc. (BRK.B)" is a ticker, not a new sentence. */
  bracketed: boolean;
  /** True when a space came between the quote mark and the word: a closing or stray mark, not an opening one. */
  detached: boolean;
  /** True when the whitespace between held a blank line. */
  paragraphBreak: boolean;
  /** Index where the next sentence would start (end of text when none). */
  start: number;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (isLetter(ch) || (ch >= '0' && ch <= '9'));
}

/** The end of the word starting at `i`: letters, digits, apostrophes, periods and inner hyphens. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 24) {
    const ch = text[j];
    if (isWordChar(ch) || ch === "'" || ch === '’' || ch === '.' || (ch === '-' && j > i && isWordChar(text[j + 1]))) j++;
    else break;
  }
  return j;
}

export function following(text: string, from: number): Following {
  let i = from;
  let newlines = 0;
  while (i < text.length && isSpace(text[i])) {
    if (text[i] === '\n') newlines++;
    i++;
  }
  const start = i;
  while (i < text.length && OPENERS.includes(text[i]) && i - start < 4) i++;
  const opened = i > start;
  // A closing quote set apart by a space (`'Who's richer?' " he said`): the word after it decides.
  const marksEnd = i;
  if (opened) while (i < text.length && i - marksEnd < 2 && text[i] === ' ') i++;
  const bracketed = opened && (text[start] === '(' || text[start] === '[');
  return { word: text.slice(i, wordEnd(text, i)), opened, bracketed, detached: i > marksEnd, paragraphBreak: newlines >= 2, start };
}

function firstChar(word: string): string {
  return word.length > 0 ? word[0] : '';
}

/**
 * A typical sentence opener, but not a bare initial such as the "A" of "A. A. Milne". A hyphenated
 * word counts by its first part ("So-called"), unless that is a single letter ("A-10", "A-list").
 */
function isStarter(next: Following): boolean {
  const w = next.word.replace(/[’']s$/, '').replace(/^([^-]{2,})-.*$/, '$1');
  if (!isUpper(firstChar(w))) return false;
  if (/^[A-Za-z]\.$/.test(next.word) || /^[A-Za-z]\./.test(next.word)) return false;
  return SENTENCE_STARTERS.has(w.replace(/\.+$/, '').toLowerCase());
}

type Kind = 'prefix' | 'continue' | 'number' | 'ordinary' | 'initial' | 'word';

/** "SEC", "FT", "MO": capitals only, so an acronym, not "Sec."/"Ft."/"Mo.", unless the next word is in capitals too ("MR. SMITH"). */
function isAcronym(word: string, next: string): boolean {
  return /^[A-Z]{2,}$/.test(word) && /\p{Ll}/u.test(next);
}

function classifyWord(word: string, next: string): Kind {
  // Single capital letter: an initial ("George W. Bush", "Taraji P. Henson"), never "p." for page.
  if (/^[A-Z]$/.test(word)) return 'initial';
  if (isAcronym(word, next)) return 'word';
  const lower = word.toLowerCase();
  const capital = isUpper(firstChar(word));
  const plain = capital || !NEEDS_CAPITAL.has(lower);
  if (plain && ALWAYS_CONTINUE.has(lower)) return 'continue';
  if (plain && PREFIX_TITLES.has(lower)) return 'prefix';
  if (plain && NUMBER_PREFIXES.has(lower)) return 'number';
  if (plain && ORDINARY_ABBREVIATIONS.has(lower)) return 'ordinary';
  // "etc." ends a list and rarely precedes a proper noun: a capital after it is a new sentence.
  if (lower === 'etc') return 'word';
  // Dotted initialisms: U.S, U.K, J.P, D.C, a.m-style lower-case ones.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return 'ordinary';
  return 'word';
}

/**
 * What the word before a period is. A title or abbreviation glued to what comes before it by a
 * hyphen, dash or bracket counts as itself: "ex-Sen.", "then-Lt.", "(CNN)Gov.", "members—Dr.", "(CNN)U.S.".
 */
function classify(word: string, next: string): Kind {
  const kind = classifyWord(word, next);
  const tail = /[-—–)/]([^-—–)/]+)$/.exec(word)?.[1];
  if (kind !== 'word' || tail === undefined) return kind;
  const tailKind = classifyWord(tail, next);
  // Not a plain word after a hyphen ("Sept-Feb." ends a caption): titles and dotted initialisms only.
  return tailKind === 'prefix' || tailKind === 'continue' || (tailKind === 'ordinary' && tail.includes('.')) ? tailKind : kind;
}

/** "iPhone", "eBay", "xAI": a word that starts lower-case but is a name, and may open a sentence. */
function isLowerCaseName(word: string): boolean {
  return /^\p{Ll}{1,3}\p{Lu}/u.test(word);
}

/** Does the candidate after `word` + terminator(s) end the sentence? */
export function endsSentence(word: string, run: string, closed: boolean, insideQuote: boolean, next: Following): boolean {
  if (next.paragraphBreak) return true;
  const c = firstChar(next.word);
  // A lower-case continuation is never a new sentence: `"Why?" she asked.`, `5 p.m. on Monday`.
  if (isLower(c) && !isLowerCaseName(next.word)) return false;
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
  const quoted = next.opened && !next.bracketed && !next.detached && isUpper(c);
  switch (classify(word, next.word)) {
    case 'prefix':
    case 'continue':
      return false;
    case 'number':
      return !/^[0-9]/.test(next.word);
    case 'ordinary':
      return isStarter(next) || quoted;
    case 'initial':
      // "Plan B. The …" and `Mr P. "Never …` split; "George W. Bush" and "Taraji P. Henson" do not.
      return (isStarter(next) && !/^[A-Z]\.?$/.test(next.word)) || quoted;
    case 'word':
      // A number directly before: "in 2025. The" splits; a lone list number "1. First" too.
      return true;
  }
}
