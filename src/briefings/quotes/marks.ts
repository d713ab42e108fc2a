// Pairs quotation marks inside paragraphs. Straight marks open and close with the same
// character, curly ones do not; single marks double as apostrophes, so they count only where
// the context rules an apostrophe out.

/** One run of quoted words inside one paragraph. Offsets are UTF-16 indices into the paragraph. */
export interface QuoteSpan {
  paragraph: number;
  /** First character of the quoted words (after the opening mark). */
  start: number;
  /** End of the quoted words (the closing mark's index, or the paragraph's trimmed end). */
  end: number;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark; -1 when the paragraph ended before one came. */
  close: number;
  single: boolean;
  /** The quote goes on in the next paragraph (closing mark left off, next paragraph reopens). */
  continues: boolean;
  /** This span carries on a quote from the previous paragraph. */
  continued: boolean;
}

const DOUBLE_OPENERS = '“„«';
const DOUBLE_CLOSERS = '”»';
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** Characters after which a mark opens a quote rather than closes one. */
const isOpenLeft = (c: string | undefined): boolean => c === undefined || /[\s([{\u2014\u2013\-/:;,]/.test(c);
/** Characters before which a mark closes a quote. */
const isCloseRight = (c: string | undefined): boolean => c === undefined || /[\s.,;:!?)\]}\u2014\u2013\-…'’”"]/.test(c);

/** Words that start with an apostrophe: 'til, 'em, 'cause, 'n', '90s. */
const LEADING_APOSTROPHE = /^['‘](?:til|tis|twas|em|cause|n|round|bout|nother|\d)/i;

/** Finds the double-quoted spans of one paragraph, then single-quoted ones outside them. */
function spansInParagraph(text: string, paragraph: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  const make = (o: number, c: number): QuoteSpan => {
    let end = c >= 0 ? c : text.length;
    if (c < 0) while (end > o + 1 && isSpace(text[end - 1])) end--;
    return { paragraph, start: o + 1, end, open: o, close: c, single: false, continues: false, continued: false };
  };
  const marks = /[“„«”»"]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const i = m.index;
    const c = text[i];
    const isOpener = DOUBLE_OPENERS.includes(c);
    const isCloser = DOUBLE_CLOSERS.includes(c);
    if (!isOpener && !isCloser && c !== '"') continue;
    if (open < 0) {
      if (isOpener) open = i;
      else if (c === '"') {
        // A straight mark stuck to the end of a word ('word" ') with no opener is stray.
        if (isOpenLeft(text[i - 1]) || !isCloseRight(text[i + 1])) open = i;
      } else if (isOpenLeft(text[i - 1]) && !isSpace(text[i + 1])) {
        // Some pages use ” for both marks.
        open = i;
      }
      continue;
    }
    if (c === '“' && !isSpace(text[i - 1]) && isCloseRight(text[i + 1])) {
      // “ used as a closing mark ("unusual,“ said Noble").
      spans.push(make(open, i));
      open = -1;
      continue;
    }
    if (isOpener && c !== '"') {
      // A new opener while one is open: the closing mark was left off.
      spans.push(make(open, -1));
      spans[spans.length - 1].end = trimEnd(text, open + 1, i);
      open = i;
      continue;
    }
    spans.push(make(open, i));
    open = -1;
  }
  if (open >= 0) spans.push(make(open, -1));
  const singles = singleSpans(text, paragraph, spans);
  return singles.length ? [...spans, ...singles].sort((a, b) => a.open - b.open) : spans;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text[to - 1])) to--;
  return to;
}

/** Single-quoted spans that sit outside every double-quoted span and close in the same paragraph. */
function singleSpans(text: string, paragraph: number, doubles: QuoteSpan[]): QuoteSpan[] {
  if (!/['‘’]/.test(text)) return [];
  // Marks are visited in order and doubles are sorted: one pointer keeps this linear.
  let d = 0;
  const inside = (i: number): boolean => {
    while (d < doubles.length && (doubles[d].close < 0 ? text.length : doubles[d].close) < i) d++;
    return d < doubles.length && i >= doubles[d].open;
  };
  const out: QuoteSpan[] = [];
  let open = -1;
  const marks = /['‘’]/g;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (inside(i)) continue;
    if (open < 0) {
      if ((c === '‘' || c === "'") && isOpenLeft(text[i - 1]) && isWordChar(text[i + 1]) && !LEADING_APOSTROPHE.test(text.slice(i, i + 6))) {
        open = i;
      }
      continue;
    }
    // Between letters it is an apostrophe (don't, Russia's).
    if (isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue;
    if (isSpace(text[i - 1])) continue;
    if (!isCloseRight(text[i + 1])) continue;
    // "the Ukrainians' plan": a plural possessive, not a close, when a word follows directly.
    if (text[i - 1] === 's' && /^\s+[a-z]/.test(text.slice(i + 1, i + 4)) && !/^[,.;:!?]/.test(text[i + 1] ?? '')) {
      const rest = text.slice(i + 1);
      if (!/['’]/.test(rest.split(/[.!?]/)[0] ?? '')) {
        out.push({ paragraph, start: open + 1, end: i, open, close: i, single: true, continues: false, continued: false });
        open = -1;
      }
      continue;
    }
    out.push({ paragraph, start: open + 1, end: i, open, close: i, single: true, continues: false, continued: false });
    open = -1;
  }
  return out;
}

/**
 * Every quoted span in the paragraphs, in order. A paragraph that ends inside a quote and a next
 * paragraph that opens with a mark form one quote (news style for multi-paragraph quotes).
 */
export function findQuoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const all: QuoteSpan[] = [];
  let pendingUnclosed: QuoteSpan | null = null;
  paragraphs.forEach((text, p) => {
    const spans = spansInParagraph(text, p);
    const first = spans[0];
    if (pendingUnclosed && first && !first.single && text.slice(0, first.open).trim() === '') {
      pendingUnclosed.continues = true;
      first.continued = true;
    }
    pendingUnclosed = null;
    const last = spans[spans.length - 1];
    if (last && !last.single && last.close < 0) pendingUnclosed = last;
    for (const s of spans) if (s.end > s.start && text.slice(s.start, s.end).trim()) all.push(s);
  });
  return all;
}
