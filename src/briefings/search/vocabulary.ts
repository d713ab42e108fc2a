// The dictionary of indexed words: term ↔ id, and the two ways a query word is widened into real
// terms — by prefix (binary search over the sorted terms) and by typo (fuse.js over a short list of
// look-alike terms).
import Fuse from 'fuse.js';
import { GrowInt32 } from './growable';
import { MAX_TERM_LENGTH } from './tokenize';

export interface Expansion {
  term: number;
  /** 1 for the word itself; less for a prefix completion or a typo correction. */
  weight: number;
}

/** Letter-presence bits: a-z, digits folded onto 5 bits, anything else on the last bit. */
export function letterMask(term: string): number {
  let m = 0;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 5));
    else m |= 1 << 31;
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Edits a word of this length may carry and still be recognised (about one per five letters). */
export function editBudget(length: number): number {
  if (length < 4) return 0;
  if (length <= 7) return 1;
  if (length <= 12) return 2;
  return 3;
}

/** fuse.js settings for matching one query word against candidate terms. */
function fuseOptions(length: number, edits: number): Fuse.IFuseOptions<string> {
  return {
    includeScore: true,
    // Bitap scores errors / pattern length, plus distance from the start of the term / `distance`.
    threshold: Math.min(0.6, edits / length + 0.06),
    location: 0,
    distance: 4 * length,
    ignoreFieldNorm: true,
    shouldSort: false,
  };
}

export interface VocabularySnapshot {
  terms: string;
  sorted: Int32Array;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private readonly masks = new GrowInt32();
  /** Ids sorted by term; terms added since the last sort wait in `pending`. */
  private sorted: Int32Array = new Int32Array(0);
  private pending: number[] = [];

  get size(): number {
    return this.list.length;
  }

  term(id: number): string {
    return this.list[id];
  }

  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.list.length;
    this.ids.set(term, id);
    this.list.push(term);
    this.masks.push(letterMask(term));
    this.indexBigrams(id, term);
    this.pending.push(id);
    return id;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  /** Sorts the pending terms into the prefix table (done after a build and when many have piled up). */
  seal(): void {
    if (this.pending.length === 0) return;
    const all = Array.from(this.sorted);
    for (const id of this.pending) all.push(id);
    const list = this.list;
    all.sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
    this.sorted = Int32Array.from(all);
    this.pending = [];
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[this.sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Terms that start with `prefix` (the prefix itself excluded), at most `scan` looked at, the `limit`
   * best by `rank` (e.g. document frequency) kept.
   */
  completions(prefix: string, limit: number, rank: (id: number) => number, scan = 4000): number[] {
    const found: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length && found.length < scan; i++) {
      const id = this.sorted[i];
      const t = this.list[id];
      if (!t.startsWith(prefix)) break;
      if (t.length > prefix.length) found.push(id);
    }
    for (const id of this.pending) {
      const t = this.list[id];
      if (t.length > prefix.length && t.startsWith(prefix)) found.push(id);
    }
    if (found.length <= limit) return found;
    return found.sort((a, b) => rank(b) - rank(a)).slice(0, limit);
  }

  /** Ids of the terms holding each two-letter sequence: finds look-alikes without scanning every term. */
  private readonly bigrams = new Map<number, GrowInt32[]>();
  private counts = new Uint8Array(0);

  private indexBigrams(id: number, term: string): void {
    const seen = new Set<number>();
    for (let i = 0; i + 1 < term.length; i++) {
      const code = (term.charCodeAt(i) << 16) | term.charCodeAt(i + 1);
      if (seen.has(code)) continue;
      seen.add(code);
      // Split by term length so a lookup reads only the lengths it can accept.
      let byLength = this.bigrams.get(code);
      if (!byLength) this.bigrams.set(code, (byLength = []));
      const n = Math.min(term.length, MAX_TERM_LENGTH);
      (byLength[n] ??= new GrowInt32(4)).push(id);
    }
  }

  /**
   * Terms within `edits` edits of `word` share at least max(len) − 1 − 2·edits of its two-letter
   * sequences (the q-gram lemma), have a length within `edits`, and differ in at most 2·edits letters.
   * Only terms passing all three reach fuse.js.
   */
  private lookAlikes(word: string, edits: number): number[] {
    const len = word.length;
    if (this.counts.length < this.list.length) this.counts = new Uint8Array(Math.max(1024, this.list.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i + 1 < len; i++) {
      const code = (word.charCodeAt(i) << 16) | word.charCodeAt(i + 1);
      if (seen.has(code)) continue;
      seen.add(code);
      const byLength = this.bigrams.get(code);
      if (!byLength) continue;
      for (let l = Math.max(2, len - edits), hi = Math.min(MAX_TERM_LENGTH, len + edits); l <= hi; l++) {
        const list = byLength[l];
        if (!list) continue;
        const ids = list.data;
        for (let j = 0, n = list.length; j < n; j++) {
          const id = ids[j];
          if (counts[id] === 0) touched.push(id);
          if (counts[id] < 255) counts[id]++;
        }
      }
    }
    const mask = letterMask(word);
    const maxBits = 2 * edits;
    const masks = this.masks.data;
    const out: number[] = [];
    for (const id of touched) {
      const n = this.list[id].length;
      const need = Math.max(1, Math.max(len, n) - 1 - 2 * edits);
      if (Math.abs(n - len) <= edits && counts[id] >= need && popcount(masks[id] ^ mask) <= maxBits) out.push(id);
      counts[id] = 0;
    }
    return out;
  }

  /**
   * Real terms that `word` may be a misspelling of, scored by fuse.js (Bitap). Look-alikes are
   * first picked cheaply; fuse.js then scores only those few, so its linear scan stays short however
   * large the vocabulary grows. Swapped neighbouring letters ("ukriane"), which Bitap counts as two
   * errors, are tried directly.
   */
  typos(word: string, limit: number): Expansion[] {
    const len = word.length;
    const edits = editBudget(len);
    if (edits === 0) return [];
    const best = new Map<number, number>();
    for (let i = 0; i + 1 < len; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      const id = this.ids.get(swapped);
      if (id !== undefined) best.set(id, 0.8 * (1 - 1 / len));
    }
    const candidates = this.lookAlikes(word, edits).filter((id) => this.list[id] !== word);
    if (candidates.length > 0) {
      const strings = candidates.map((id) => this.list[id]);
      const fuse = new Fuse(strings, fuseOptions(len, edits));
      for (const r of fuse.search(word.slice(0, 32))) {
        const id = candidates[r.refIndex];
        const score = r.score ?? 1;
        // A correction counts for less than the word itself, and less again the more it differs.
        const weight = 0.8 * (1 - score) * Math.pow(0.95, Math.abs(strings[r.refIndex].length - len));
        if (weight > 0.2 && weight > (best.get(id) ?? 0)) best.set(id, weight);
      }
    }
    const out: Expansion[] = [];
    for (const [term, weight] of best) out.push({ term, weight });
    out.sort((a, b) => b.weight - a.weight || a.term - b.term);
    return out.slice(0, limit);
  }

  toSnapshot(): VocabularySnapshot {
    this.seal();
    return { terms: this.list.join('\n'), sorted: this.sorted };
  }

  static fromSnapshot(s: VocabularySnapshot): Vocabulary {
    const v = new Vocabulary();
    const terms = s.terms.length ? s.terms.split('\n') : [];
    for (const t of terms) v.intern(t);
    v.sorted = s.sorted;
    v.pending = [];
    return v;
  }
}
