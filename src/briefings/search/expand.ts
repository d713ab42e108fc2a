// Turns one query word into the real terms it may stand for: itself, its completions when it is
// the unfinished last word, and the terms it may be a misspelling of.
import type { QueryWord } from './tokenize';
import type { Expansion, Vocabulary } from './vocabulary';

const MAX_TYPOS = 6;
const MAX_COMPLETIONS = 12;
const CACHE_SIZE = 4096;
/** Share of the documents (and least number) holding a word for it to count as common. */
const COMMON_SHARE = 0.005;
const COMMON_MIN = 50;

export class Expander {
  /** Typo corrections by word; valid while the vocabulary has the size it had when they were found. */
  private readonly typoCache = new Map<string, Expansion[]>();
  private cachedForSize = -1;

  constructor(private readonly vocab: Vocabulary) {}

  private typos(word: string): Expansion[] {
    if (this.cachedForSize !== this.vocab.size) {
      this.typoCache.clear();
      this.cachedForSize = this.vocab.size;
    }
    let found = this.typoCache.get(word);
    if (!found) {
      found = this.vocab.typos(word, MAX_TYPOS * 2);
      if (this.typoCache.size >= CACHE_SIZE) this.typoCache.delete(this.typoCache.keys().next().value as string);
      this.typoCache.set(word, found);
    }
    return found;
  }

  /**
   * Terms for `w` that occur in the postings described by `df` (documents per term), best first.
   * Completions and corrections are only tried where they can help: completions for an unfinished
   * last word, corrections for words long enough to carry a typo.
   */
  expand(w: QueryWord, df: (term: number) => number, documents = 0): Expansion[] {
    const out = new Map<number, number>();
    const exact = this.vocab.idOf(w.term);
    const exactDf = exact >= 0 ? df(exact) : 0;
    if (exactDf > 0) out.set(exact, 1);
    // A word that many documents hold was most likely typed on purpose: don't widen it by typo,
    // and complete it sparingly (its look-alikes are common words with the longest lists).
    const common = documents > 0 && exactDf >= Math.max(COMMON_MIN, documents * COMMON_SHARE);
    if (w.prefix && w.term.length >= 2) {
      for (const id of this.vocab.completions(w.term, common ? 3 : MAX_COMPLETIONS, df)) {
        if (df(id) === 0) continue;
        const weight = 0.5 + 0.4 * (w.term.length / this.vocab.term(id).length);
        if (weight > (out.get(id) ?? 0)) out.set(id, weight);
      }
    }
    let typos = 0;
    for (const e of common ? [] : this.typos(w.term)) {
      if (typos >= MAX_TYPOS) break;
      if (df(e.term) === 0) continue;
      typos++;
      if (e.weight > (out.get(e.term) ?? 0)) out.set(e.term, e.weight);
    }
    return [...out].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
  }
}
