// Sentence splitting for English news prose.
//
// A single left-to-right scan: every run of terminators (. ? ! …) followed by optional closing
// quotes/brackets and then whitespace is a candidate boundary; the word before it and the word
// after it decide. Intl.Segmenter gets abbreviations and initials wrong and slows sharply on long
// input; sbd's abbreviation option replaces its list rather than extending it — hence our own.
//
// Sentences are returned as trimmed substrings of the input (never rewritten), so callers can
// locate them in the text they came from.

import { endsSentence, following, isSpace, wordBefore } from './sentence-boundary';

const HAS_WORD = /[\p{L}\p{N}]/u;
const TERMINATORS = '.?!…';
const CLOSERS = '"”’\')]}»';

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
