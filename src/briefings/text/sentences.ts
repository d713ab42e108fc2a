// Sentence splitting for English news prose.
//
// A single left-to-right scan: every run of terminators (. ? ! …) followed by optional closing
// quotes/brackets and then whitespace is a candidate boundary; the word before it and the word
// after it decide. Intl.Segmenter gets abbreviations and initials wrong and slows sharply on long
// input; sbd's abbreviation option replaces its list rather than extending it — hence our own.
//
// Sentences are returned as trimmed substrings of the input (never rewritten), so callers can
// locate them in the text they came from.

/** Titles and prefixes that precede a name or place: never end a sentence. */
// prettier-ignore
const PREFIX_TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'gen', 'gov', 'rep', 'st', 'lt', 'col', 'capt',
  'cpt', 'sgt', 'cpl', 'pvt', 'maj', 'brig', 'adm', 'cmdr', 'cdr', 'rev', 'hon', 'pres', 'supt',
  'insp', 'det', 'fr', 'msgr', 'sr', 'mt', 'ft', 'messrs', 'mme', 'mlle', 'atty', 'gov-elect',
  'sens', 'reps', 'dept', 'amb', 'ald', 'treas', 'sec', 'asst', 'assoc', 'dist', 'rt', 'lieut',
]);

/** Lower-case abbreviations that always continue the sentence (e.g., i.e., cf., vs.). */
const ALWAYS_CONTINUE = new Set(['e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'ca', 'esp', 'incl', 'nr', 'w.r.t']);

/** Abbreviations before a number: "No. 10", "pp. 5", "Art. 5", "Fig. 2". */
const NUMBER_PREFIXES = new Set(['no', 'nos', 'art', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'ch', 'para', 'paras', 'sect', 'op', 'ed', 'eds']);

/**
 * Abbreviations that may end a sentence or sit inside one: they end it only when a typical
 * sentence opener follows ("… at 9 a.m. The meeting" splits; "Apple Inc. Chief Executive" does not).
 */
// prettier-ignore
const ORDINARY_ABBREVIATIONS = new Set([
  'inc', 'corp', 'ltd', 'co', 'cos', 'plc', 'llc', 'llp', 'bros', 'jr', 'jnr', 'snr', 'esq', 'phd',
  'a.m', 'p.m', 'al', 'ave', 'blvd', 'rd', 'hwy', 'univ', 'assn', 'intl', 'natl', 'govt', 'mfg', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'mins', 'hrs', 'yrs', 'est', 'bn', 'mn', 'tn', 'cent',
]);

/**
 * Entries above that are also plain English words ("no.", "art.", "ill.", "miss."): they count
 * as abbreviations only when capitalised, so "He said no. Then…" still splits.
 */
// prettier-ignore
const NEEDS_CAPITAL = new Set([
  'no', 'nos', 'art', 'ill', 'miss', 'mass', 'wash', 'ind', 'mo', 'pa', 'ga', 'la', 'del', 'mar', 'sun',
  'sat', 'wed', 'fig', 'figs', 'col', 'gen', 'rep', 'sen', 'st', 'co', 'est', 'ore', 'ch', 'op', 'ed',
  'eds', 'det', 'fr', 'sec', 'mt', 'ft', 'dist', 'cent', 'ave', 'rd', 'p', 'para', 'vol', 'can', 'may',
]);

/** Words that typically open a sentence; after an ambiguous abbreviation they signal a boundary. */
// prettier-ignore
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'this', 'that', 'these', 'those', 'there', 'here', 'but', 'and', 'or', 'so', 'yet',
  'nor', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'with', 'without', 'after', 'before', 'during',
  'since', 'until', 'when', 'while', 'where', 'why', 'how', 'what', 'who', 'whom', 'which', 'if',
  'as', 'although', 'though', 'because', 'however', 'meanwhile', 'moreover', 'still', 'also', 'then',
  'now', 'today', 'yesterday', 'tomorrow', 'some', 'many', 'most', 'all', 'both', 'each', 'every',
  'not', 'nothing', 'one', 'two', 'three', 'officials', 'according', 'last', 'next', 'earlier',
  'later', 'under', 'over', 'despite', 'instead', 'such', 'other', 'another', 'mr', 'mrs', 'ms',
  'dr', 'shares', 'analysts', 'asked', 'its', 'do', 'does', 'did', 'is', 'are', 'was', 'were',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'let', 'please', 'yes', 'no', 'even',
  'only', 'more', 'few', 'several', 'about', 'around', 'among', 'between', 'just', 'once', 'unlike',
  'like', 'given', 'thus', 'indeed', 'nevertheless', 'nonetheless', 'otherwise', 'first', 'finally',
]);

const HAS_WORD = /[\p{L}\p{N}]/u;
const TERMINATORS = '.?!…';
const CLOSERS = '"”’\')]}»';
const OPENERS = '"“‘\'([{«';

function isSpace(ch: string): boolean {
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
function wordBefore(text: string, end: number): string {
  let start = end;
  const limit = Math.max(0, end - 40);
  while (start > limit && !isSpace(text[start - 1])) start--;
  let word = text.slice(start, end);
  while (word.length > 0 && (OPENERS.includes(word[0]) || word[0] === '-' || word[0] === '—')) word = word.slice(1);
  return word;
}

interface Following {
  /** The next word, with opening punctuation removed (bounded length). */
  word: string;
  /** True when an opening quote or bracket came first. */
  opened: boolean;
  /** True when the whitespace between held a blank line. */
  paragraphBreak: boolean;
  /** Index where the next sentence would start (end of text when none). */
  start: number;
}

function following(text: string, from: number): Following {
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
function endsSentence(word: string, run: string, closed: boolean, insideQuote: boolean, next: Following): boolean {
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

/**
 * Split prose into sentences. Never throws; never returns empty strings; each sentence is a
 * trimmed substring of the input. A blank line always ends a sentence.
 */
export function splitSentences(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return scan(text).sentences();
  } catch {
    const t = text.trim();
    return t ? [t] : [];
  }
}

/**
 * Where each sentence of splitSentences(text) starts in the text, without copying the sentences:
 * for callers that need offsets (quote attribution reads every paragraph this way).
 */
export function sentenceStarts(text: string): number[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return scan(text).starts();
  } catch {
    const at = firstVisible(text, 0);
    return at < text.length ? [at] : [];
  }
}

/**
 * Sentence ranges of the text. A piece with no letter or digit (". ." or a stray quote mark)
 * joins the sentence before it, or the one after it when it comes first, so every sentence stays
 * a substring of the input. Ranges are cut once at the end, so that a long run of word-less
 * pieces (". . . . ") extends a range instead of re-copying the sentence each time.
 */
class Pieces {
  private readonly ranges: [number, number][] = [];
  private carry = -1;

  constructor(private readonly text: string) {}

  push(from: number, to: number): void {
    const start = this.carry >= 0 ? this.carry : from;
    const piece = this.text.slice(from, to);
    if (HAS_WORD.test(piece)) {
      this.carry = -1;
      this.ranges.push([start, to]);
    } else if (piece.trim() === '' && start === from) return;
    else if (this.ranges.length > 0) this.ranges[this.ranges.length - 1][1] = to;
    else this.carry = start;
  }

  /** Where each sentence starts, its leading space skipped: the sentences() strings, as offsets. */
  starts(): number[] {
    const out = this.ranges.map(([from]) => firstVisible(this.text, from));
    if (this.carry >= 0 && out.length === 0) {
      const at = firstVisible(this.text, this.carry);
      if (at < this.text.length) out.push(at);
    }
    return out;
  }

  sentences(): string[] {
    const out = this.ranges.map(([from, to]) => this.text.slice(from, to).trim());
    if (this.carry >= 0 && out.length === 0) {
      const rest = this.text.slice(this.carry).trim();
      if (rest) out.push(rest);
    }
    return out;
  }
}

const VISIBLE = /\S/g;
/** The first index at or after `from` that String.prototype.trim would keep (text length when none). */
function firstVisible(text: string, from: number): number {
  VISIBLE.lastIndex = from;
  const m = VISIBLE.exec(text);
  return m ? m.index : text.length;
}

/** Whether the scan is inside a quotation: curly marks nest, a straight mark toggles. */
class QuoteDepth {
  curly = 0;
  straight = false;
  see(ch: string): void {
    if (ch === '“') this.curly++;
    else if (ch === '”') this.curly = Math.max(0, this.curly - 1);
    else if (ch === '"') this.straight = !this.straight;
  }
  get inside(): boolean {
    return this.curly > 0 || this.straight;
  }
  reset(): void {
    this.curly = 0;
    this.straight = false;
  }
}

/** The index after a blank line starting at the newline `i` (and the spaces after it), or -1. */
function blankLineEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isSpace(text[j]) && text[j] !== '\n') j++;
  if (j >= text.length || text[j] !== '\n') return -1;
  while (j < text.length && isSpace(text[j])) j++;
  return j;
}

interface Terminator {
  /** The terminators ("?!", "..."), and the index after them and any closing marks. */
  run: string;
  end: number;
  closed: boolean;
  insideBefore: boolean;
  insideAfter: boolean;
}

/** A run of terminators from `i`, then the closing quotes or brackets directly attached. */
function readTerminator(text: string, i: number, quotes: QuoteDepth): Terminator {
  let j = i;
  while (j < text.length && TERMINATORS.includes(text[j])) j++;
  const run = text.slice(i, j);
  const insideBefore = quotes.inside;
  let closed = false;
  while (j < text.length && CLOSERS.includes(text[j])) {
    quotes.see(text[j]);
    closed = true;
    j++;
  }
  return { run, end: j, closed, insideBefore, insideAfter: quotes.inside };
}

/** The only characters the scan acts on: everything between them is stepped over at once. */
const STOPS = /[.?!…\n“”"]/g;

function scan(text: string): Pieces {
  const pieces = new Pieces(text);
  const quotes = new QuoteDepth();
  const n = text.length;
  let sentenceStart = 0;
  let i = 0;
  while (i < n) {
    STOPS.lastIndex = i;
    const stop = STOPS.exec(text);
    if (stop === null) break;
    i = stop.index;
    const ch = text[i];
    quotes.see(ch);
    if (ch === '\n') {
      // A blank line (only whitespace between two newlines) is a hard boundary.
      const after = blankLineEnd(text, i);
      if (after >= 0) {
        pieces.push(sentenceStart, i);
        sentenceStart = after;
        quotes.reset();
        i = after;
      } else i++;
      continue;
    }
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    const t = readTerminator(text, i, quotes);
    // Not followed by whitespace (or end): "3.14", "U.S.-led", "example.com", "Yahoo!'s".
    if (t.end >= n || !isSpace(text[t.end])) {
      i = t.end;
      continue;
    }
    const next = following(text, t.end);
    if (next.start >= n) break;
    if (endsSentence(wordBefore(text, i), t.run, t.closed, t.insideBefore && t.insideAfter, next)) {
      pieces.push(sentenceStart, t.end);
      sentenceStart = next.start;
      if (!t.insideAfter) quotes.reset();
    }
    i = t.end;
  }
  pieces.push(sentenceStart, n);
  return pieces;
}
