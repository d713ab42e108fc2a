// A short passage of an article around the words a query matched: whole words, at most ~200 chars.
import type { Article } from '../types';
import { fold, wordSpans } from './tokenize';

export const SNIPPET_LENGTH = 200;
const MAX_PARAGRAPHS_SCANNED = 40;

/** Cuts `text` (whitespace already collapsed) to at most `max` characters on word boundaries, around `focus`. */
export function window(text: string, focus: number, max = SNIPPET_LENGTH): string {
  if (text.length <= max) return text;
  const at = Math.max(0, Math.min(text.length, focus));
  // Start a little before the match so it reads in context, at the start of a word.
  // A match early in the passage: show it from its beginning.
  let start = at < max * 0.6 ? 0 : at - Math.floor(max / 4);
  if (start > 0 && text[start - 1] !== ' ') {
    const before = text.lastIndexOf(' ', start);
    const after = text.indexOf(' ', start);
    start = before >= 0 && at - before < max / 2 ? before + 1 : after >= 0 && after < at ? after + 1 : before >= 0 ? before + 1 : 0;
  }
  const budget = max - (start > 0 ? 2 : 0) - 2;
  let end = Math.min(text.length, start + budget);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return (start > 0 ? '… ' : '') + text.slice(start, end).trim() + (end < text.length ? ' …' : '');
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Distinct matched words in `text` (words the user typed count double) and where the first is. */
function firstMatch(text: string, matched: ReadonlySet<string>, typed: ReadonlySet<string>): { count: number; at: number } {
  const seen = new Set<string>();
  let count = 0;
  let at = -1;
  for (const w of wordSpans(text)) {
    if (!matched.has(w.term) || seen.has(w.term)) continue;
    if (at < 0) at = w.start;
    seen.add(w.term);
    count += typed.has(w.term) ? 2 : 1;
  }
  return { count, at };
}

/**
 * The passage with the most distinct matched words (standfirst first, then paragraphs), cut
 * around its first match. Falls back to the opening of the article when only the title matched.
 */
export function snippet(article: Article, matched: ReadonlySet<string>, typed: ReadonlySet<string> = new Set()): string {
  const passages: string[] = [];
  if (article.standfirst) passages.push(article.standfirst);
  for (const p of article.paragraphs ?? []) {
    if (passages.length >= MAX_PARAGRAPHS_SCANNED) break;
    passages.push(p);
  }
  const needles = [...matched];
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < passages.length && bestCount < 2 * needles.length; i++) {
    // Cheap substring test first: most paragraphs hold none of the words and need no word split.
    const folded = fold(passages[i]);
    let candidates = 0;
    for (const n of needles) if (folded.includes(n)) candidates += typed.has(n) ? 2 : 1;
    if (candidates <= bestCount) continue;
    const { count } = firstMatch(passages[i], matched, typed);
    if (count > bestCount) {
      bestCount = count;
      best = i;
    }
  }
  if (best < 0) return window(collapse(passages[0] ?? article.title ?? ''), 0);
  const text = collapse(passages[best]);
  return window(text, Math.max(0, firstMatch(text, matched, typed).at));
}
