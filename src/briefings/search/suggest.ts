// Autocomplete: titles and speakers by prefix. Tiers, each filling what the one before left:
// 1. the whole name starts with what was typed (binary search over sorted names);
// 2. every typed word starts a word of the name (the last one may be unfinished);
// 3. the same with typo corrections (fuse.js over the vocabulary; for speakers also whole names).
import type { Suggestion } from '../types';
import type { ArticleIndex } from './article-index';
import type { QuoteIndex } from './quote-index';
import type { SortedNames } from './sorted-names';
import { fold, queryWords, type QueryWord } from './tokenize';

/**
 * How many suggestions a caller gets when it names no number. Callers that show suggestions pass their own
 * limit (Discord's 25 choices and 100-character names are the renderer's business, not the core's).
 */
export const DEFAULT_SUGGESTIONS = 10;
/** Candidates gathered per tier before ranking: enough to rank, few enough to stay in budget. */
const GATHER = 200;

/** A name as a suggestion label: one line, no outer spaces. The renderer shortens it to what it can show. */
export function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The number of suggestions to return: the caller's, or the default, never more than one tier gathers. */
export function clampLimit(limit: unknown): number {
  const n = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_SUGGESTIONS;
  return Math.max(0, Math.min(GATHER, n));
}

function normalisedPrefix(prefix: string): string {
  return fold(prefix.slice(0, 200)).replace(/\s+/g, ' ').trim();
}

/** Term ids a typed word may stand for in names: itself, completions (if unfinished), corrections. */
function wordTerms(w: QueryWord, index: ArticleIndex, df: (t: number) => number, fuzzy: boolean): number[] {
  const out: number[] = [];
  const exact = index.vocab.idOf(w.term);
  if (exact >= 0 && df(exact) > 0) out.push(exact);
  if (w.prefix) for (const t of index.vocab.completions(w.term, 40, df)) if (df(t) > 0) out.push(t);
  if (fuzzy) for (const e of index.expander.expand({ term: w.term, prefix: false }, df)) if (!out.includes(e.term)) out.push(e.term);
  return out;
}

export function suggestTitles(index: ArticleIndex, names: SortedNames, prefix: string, limit: number): Suggestion[] {
  const p = normalisedPrefix(prefix);
  if (!p || limit <= 0) return [];
  const docs = index.docs;
  const chosen: number[] = [];
  const taken = new Set<number>();
  const take = (doc: number) => {
    if (taken.has(doc) || !docs.isAlive(doc)) return;
    taken.add(doc);
    chosen.push(doc);
  };
  names.withPrefix(p, (doc) => {
    take(doc);
    return chosen.length < limit;
  });
  const words = queryWords(prefix.slice(0, 200));
  const titleDf = (t: number) => index.titles.count(t);
  for (const fuzzy of [false, true]) {
    if (chosen.length >= limit || words.length === 0) break;
    const termsPerWord = words.map((w, i) => wordTerms({ ...w, prefix: w.prefix || i === words.length - 1 }, index, titleDf, fuzzy));
    if (termsPerWord.some((ts) => ts.length === 0)) continue;
    // Walk the rarest word's titles; check the other words by binary search in their lists.
    const cost = termsPerWord.map((ts) => ts.reduce((s, t) => s + titleDf(t), 0));
    const lead = cost.indexOf(Math.min(...cost));
    const found: number[] = [];
    for (const t of termsPerWord[lead]) {
      index.titles.forEach(t, (doc) => {
        if (taken.has(doc) || !docs.isAlive(doc)) return;
        const all = termsPerWord.every((ts, i) => i === lead || ts.some((x) => index.titles.has(x, doc)));
        if (all && !found.includes(doc)) found.push(doc);
        return found.length < GATHER;
      });
      if (found.length >= GATHER) break;
    }
    const date = (doc: number) => docs.date(doc) ?? '';
    found.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : a - b));
    for (const doc of found) {
      if (chosen.length >= limit) break;
      take(doc);
    }
  }
  return chosen.slice(0, limit).map((doc) => {
    return { label: label(docs.title(doc)), value: docs.id(doc)! };
  });
}

export function suggestSpeakers(index: ArticleIndex, quotes: QuoteIndex, names: SortedNames, prefix: string, limit: number): Suggestion[] {
  const p = normalisedPrefix(prefix);
  if (!p || limit <= 0) return [];
  const chosen: number[] = [];
  const taken = new Set<number>();
  const take = (s: number) => {
    if (taken.has(s) || quotes.speakerQuoteCount(s) === 0) return;
    taken.add(s);
    chosen.push(s);
  };
  const byQuotes = (a: number, b: number) => quotes.speakerQuoteCount(b) - quotes.speakerQuoteCount(a) || a - b;
  const full: number[] = [];
  names.withPrefix(p, (s) => {
    if (quotes.speakerQuoteCount(s) > 0) full.push(s);
    return full.length < GATHER;
  });
  full.sort(byQuotes).forEach(take);
  const words = queryWords(prefix.slice(0, 200));
  if (chosen.length < limit && words.length > 0) {
    const df = quotes.speakerWordFrequency;
    const termsPerWord = words.map((w, i) => wordTerms({ ...w, prefix: w.prefix || i === words.length - 1 }, index, df, false));
    if (termsPerWord.every((ts) => ts.length > 0)) {
      const counts = new Map<number, number>();
      termsPerWord.forEach((ts) => {
        const seen = new Set<number>();
        for (const t of ts) quotes.speakersWithWord(t, (s) => void seen.add(s));
        for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
      });
      [...counts]
        .filter(([, c]) => c === words.length)
        .map(([s]) => s)
        .sort(byQuotes)
        .forEach(take);
    }
  }
  if (chosen.length < limit) for (const m of quotes.matchSpeakers(prefix.slice(0, 200), GATHER)) take(m.speaker);
  return chosen.slice(0, limit).map((s) => {
    const name = quotes.speakerName(s);
    return { label: label(name), value: name };
  });
}
