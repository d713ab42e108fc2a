// Word splitting and folding shared by every search index, so a query word and an indexed word
// meet in the same form ("Zelensky’s" → "zelensky", "José" → "jose").
import { hashRange, TermTable } from './term-table';

/** Letters and digits; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;
// Letters that may carry combining marks (Latin, Greek, Cyrillic, ...); curly quotes and dashes
// (U+2000 and up) are common in news text and need no decomposition.
const MAY_DECOMPOSE = /[\u00c0-\u1fff]/;
const MARKS = /\p{M}+/gu;

/** Words longer than this are noise (hashes, glued URLs) and are not indexed. */
export const MAX_TERM_LENGTH = 32;

/**
 * Function words that occur in nearly every article: their postings would be the longest in the
 * index while telling documents apart the least.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'me my no nor not of on or our she so than that the their them then there these they this ' +
    'those to too was we were what when where which while who whom why will with would you your ' +
    'do does did doing am being can could should may might must shall us him hers ours theirs ' +
    'about above after again against all any because before below between both down during each ' +
    'few further here how just more most off once only other out over own same some such through ' +
    'under until up very s t'
  ).split(' '),
);

/** Lower-case and strip diacritics. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return MAY_DECOMPOSE.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** One letter carries nothing ("s" of "it's"); overlong words are noise; stopwords are everywhere. */
function keep(term: string): boolean {
  return term.length >= 2 && term.length <= MAX_TERM_LENGTH && !STOPWORDS.has(term);
}

/** The indexable terms of a text, in order, repeats kept. */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => out.push(t));
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  // A letter beyond the first plane is two code units: judge both halves by the whole character, as the
  // regular expressions (u flag) elsewhere do, so every path cuts the same words.
  if (c >= 0xd800 && c <= 0xdfff) return isAstralWordChar(text, c >= 0xdc00 ? i - 1 : i);
  return LETTER_OR_DIGIT.test(text[i]);
}

function isAstralWordChar(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  return cp !== undefined && cp > 0xffff && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/**
 * Calls `visit` for every indexable term of a text, in order. Same result as `terms`, but folds the
 * whole text once and scans characters instead of matching per word: this is the building hot path.
 */
export function forEachTerm(text: string, visit: (term: string) => void): void {
  forEachWord(text, (t) => {
    if (keep(t)) visit(t);
  });
}

/** Calls `visit` with the bounds of every run of word characters in already folded (or lower-cased) text. */
function forEachWordRange(folded: string, visit: (start: number, end: number) => void): void {
  const n = folded.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(folded.charCodeAt(i), folded, i)) i++;
    const start = i;
    while (i < n && isWordChar(folded.charCodeAt(i), folded, i)) i++;
    if (i > start) visit(start, i);
  }
}

const STOP_LIST = [...STOPWORDS];
const STOP_TABLE = new TermTable(STOP_LIST);
STOP_LIST.forEach((w, id) => STOP_TABLE.insert(id, hashRange(w, 0, w.length)));

/**
 * Like forEachTerm, but hands over each term as a range of the folded text with its hash, without
 * cutting it out: the caller (the vocabulary) allocates only words it has never seen.
 */
export function forEachTermRange(text: string, visit: (folded: string, start: number, end: number, hash: number) => void): void {
  if (!text) return;
  const folded = fold(text);
  forEachWordRange(folded, (start, end) => {
    const len = end - start;
    if (len < 2 || len > MAX_TERM_LENGTH) return;
    const hash = hashRange(folded, start, end);
    if (len <= 8 && STOP_TABLE.find(folded, start, end, hash) >= 0) return;
    visit(folded, start, end, hash);
  });
}

/** Every folded word of a text, stopwords and lengths unfiltered. */
function forEachWord(text: string, visit: (word: string) => void): void {
  if (!text) return;
  const folded = fold(text);
  forEachWordRange(folded, (start, end) => visit(folded.slice(start, end)));
}

export interface WordSpan {
  term: string;
  start: number;
  end: number;
}

/** Every word of a text with its position (stopwords included), for snippets. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  if (!text) return out;
  const lower = text.toLowerCase();
  if (lower.length === text.length && !MAY_DECOMPOSE.test(lower)) {
    // Lower-casing kept every position: scan characters, no regex and no per-word folding.
    forEachWordRange(lower, (start, end) => out.push({ term: lower.slice(start, end), start, end }));
    return out;
  }
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ term: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface QueryWord {
  term: string;
  /** The last word of a query that does not end in a space may be unfinished: match it as a prefix too. */
  prefix: boolean;
}

/** Query words kept for matching; stopwords are dropped unless the query is made of nothing else. */
export function queryWords(query: string, maxWords = 12): QueryWord[] {
  if (typeof query !== 'string') return [];
  const text = query.length > 2000 ? query.slice(0, 2000) : query;
  const all: string[] = [];
  forEachWord(text, (t) => {
    if (t.length <= MAX_TERM_LENGTH) all.push(t);
  });
  if (all.length === 0) return [];
  const open = !/[\s\p{P}]$/u.test(text);
  const content = all.filter((t) => keep(t));
  const chosen = (content.length > 0 ? content : all.filter((t) => t.length >= 2)).slice(0, maxWords);
  const lastTerm = all[all.length - 1];
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const term of chosen) {
    if (seen.has(term)) continue;
    seen.add(term);
    out.push({ term, prefix: false });
  }
  if (open && out.length > 0 && out[out.length - 1].term === lastTerm) out[out.length - 1].prefix = true;
  return out;
}
