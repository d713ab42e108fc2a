// Turns one query word into the real terms it may stand for: itself, its completions when it is
// the unfinished last word, and the terms it may be a misspelling of.
import type { QueryWord } from './tokenize';
import type { Expansion, Vocabulary } from './vocabulary';

const MAX_TYPOS = 6;
const MAX_COMPLETIONS = 12;
const CACHE_SIZE = 4096;

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
  expand(w: QueryWord, df: (term: number) => number): Expansion[] {
    const out = new Map<number, number>();
    const exact = this.vocab.idOf(w.term);
    if (exact >= 0 && df(exact) > 0) out.set(exact, 1);
    if (w.prefix && w.term.length >= 2) {
      for (const id of this.vocab.completions(w.term, MAX_COMPLETIONS, df)) {
        if (df(id) === 0) continue;
        const weight = 0.5 + 0.4 * (w.term.length / this.vocab.term(id).length);
        if (weight > (out.get(id) ?? 0)) out.set(id, weight);
      }
    }
    let typos = 0;
    for (const e of this.typos(w.term)) {
      if (typos >= MAX_TYPOS) break;
      if (df(e.term) === 0) continue;
      typos++;
      if (e.weight > (out.get(e.term) ?? 0)) out.set(e.term, e.weight);
    }
    return [...out].map(([term, weight]) => ({ term, weight })).sort((a, b) => b.weight - a.weight);
  }
}
