// The dictionary of indexed words: term ↔ id, and the two ways a query word is widened into real
// terms — by prefix (binary search over the sorted terms) and by typo (fuse.js over a short list of
// look-alike terms).
import Fuse from 'fuse.js';
import { GrowInt32 } from './growable';
import { hashRange, TermTable } from './term-table';
import { MAX_TERM_LENGTH } from './tokenize';

/** At most this many look-alike terms are handed to fuse.js for one query word. */
const MAX_LOOKALIKES = 100;

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

/** Edits a word of this length may carry and still be recognised (about one per five letters, as MiniSearch fuzzy 0.2). */
export function editBudget(length: number): number {
  if (length < 3) return 0;
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
  bigramCodes: Int32Array;
  bigramOffsets: Int32Array;
  bigramIds: Int32Array;
}

export class Vocabulary {
  private readonly list: string[] = [];
  /** term → id; made on first need (a restored vocabulary answers lookups by binary search until it must grow). */
  private table: TermTable | null = new TermTable(this.list);
  private readonly masks = new GrowInt32();
  /** Term lengths beside the masks: the typo filter reads them for thousands of terms, without touching the strings. */
  private readonly lengths = new GrowInt32();
  /** Ids sorted by term; terms added since the last sort wait in `pending`. */
  private sorted: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private pending: number[] = [];

  get size(): number {
    return this.list.length;
  }

  term(id: number): string {
    return this.list[id];
  }

  idOf(term: string): number {
    if (this.table) return this.table.find(term, 0, term.length, hashRange(term, 0, term.length));
    const at = this.lowerBound(term);
    if (at < this.sorted.length && this.list[this.sorted[at]] === term) return this.sorted[at];
    for (const id of this.pending) if (this.list[id] === term) return id;
    return -1;
  }

  private termTable(): TermTable {
    if (!this.table) {
      const table = new TermTable(this.list);
      for (let id = 0; id < this.list.length; id++) table.insert(id, hashRange(this.list[id], 0, this.list[id].length));
      this.table = table;
    }
    return this.table;
  }

  intern(term: string): number {
    return this.internRange(term, 0, term.length, hashRange(term, 0, term.length));
  }

  /** The id of text[start, end), adding it if new; `hash` is hashRange(text, start, end). */
  internRange(text: string, start: number, end: number, hash: number): number {
    const table = this.termTable();
    const found = table.find(text, start, end, hash);
    if (found >= 0) return found;
    const term = start === 0 && end === text.length ? text : text.slice(start, end);
    const id = this.list.length;
    this.list.push(term);
    table.insert(id, hash);
    this.masks.push(letterMask(term));
    this.lengths.push(term.length);
    this.unindexed.push(id);
    this.pending.push(id);
    return id;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  /** Sorts the pending terms into the prefix table (done after a build and when many have piled up). */
  seal(): void {
    if (this.unindexed.length > 0) this.buildBigrams();
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

  /**
   * Ids of the terms holding each two-letter sequence, split by term length, so a typo lookup reads
   * only the lengths it can accept. Flat arrays (rebuilt by seal(), in one pass, from the terms):
   * bigram code → row; row × LENGTHS + length → [start, end) into bigramIds.
   */
  private bigramRows = new Map<number, number>();
  private bigramOffsets: Int32Array<ArrayBufferLike> = new Int32Array(1);
  private bigramIds: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Terms added since the bigram table was built: few, compared one by one. */
  private unindexed: number[] = [];
  private counts = new Uint8Array(0);
  private touched = new Int32Array(0);

  private static distinctBigrams(term: string, out: number[]): void {
    out.length = 0;
    for (let i = 0; i + 1 < term.length; i++) {
      const code = (term.charCodeAt(i) << 16) | term.charCodeAt(i + 1);
      if (!out.includes(code)) out.push(code);
    }
  }

  private buildBigrams(): void {
    const LENGTHS = MAX_TERM_LENGTH + 1;
    const rows = new Map<number, number>();
    const codes: number[] = [];
    const n = this.list.length;
    // Pass 1: rows and counts per (row, length); pass 2: fill.
    let counts = new Int32Array(1024 * LENGTHS);
    for (let id = 0; id < n; id++) {
      const t = this.list[id];
      Vocabulary.distinctBigrams(t, codes);
      const len = Math.min(t.length, MAX_TERM_LENGTH);
      for (const code of codes) {
        let row = rows.get(code);
        if (row === undefined) {
          row = rows.size;
          rows.set(code, row);
          if ((row + 1) * LENGTHS > counts.length) {
            const next = new Int32Array(counts.length * 2);
            next.set(counts);
            counts = next;
          }
        }
        counts[row * LENGTHS + len]++;
      }
    }
    const cells = rows.size * LENGTHS;
    const offsets = new Int32Array(cells + 1);
    for (let c = 0; c < cells; c++) offsets[c + 1] = offsets[c] + counts[c];
    const cursor = offsets.slice(0, cells);
    const ids = new Int32Array(offsets[cells]);
    for (let id = 0; id < n; id++) {
      const t = this.list[id];
      Vocabulary.distinctBigrams(t, codes);
      const len = Math.min(t.length, MAX_TERM_LENGTH);
      for (const code of codes) ids[cursor[rows.get(code)! * LENGTHS + len]++] = id;
    }
    this.bigramRows = rows;
    this.bigramOffsets = offsets;
    this.bigramIds = ids;
    this.unindexed = [];
  }

  /**
   * Terms within `edits` edits of `word` share at least max(len) − 1 − 2·edits of its two-letter
   * sequences (the q-gram lemma), have a length within `edits`, and differ in at most 2·edits letters.
   * Only terms passing all three reach fuse.js.
   */
  private lookAlikes(word: string, edits: number): number[] {
    const LENGTHS = MAX_TERM_LENGTH + 1;
    const len = word.length;
    if (this.counts.length < this.list.length) {
      this.counts = new Uint8Array(Math.max(1024, this.list.length * 2));
      this.touched = new Int32Array(this.counts.length);
    }
    const counts = this.counts;
    // Every id is touched at most once (its count goes from 0 to 1 once): a flat buffer the size of the vocabulary.
    const touchedIds = this.touched;
    let touchedCount = 0;
    const codes: number[] = [];
    Vocabulary.distinctBigrams(word, codes);
    const lo = Math.max(2, len - edits);
    const hi = Math.min(MAX_TERM_LENGTH, len + edits);
    const ids = this.bigramIds;
    const offsets = this.bigramOffsets;
    // A term with `need` of the word's B letter pairs holds one of any B − need + 1 of them: only the shortest
    // lists bring in new terms; the longest are then only looked up for terms already met (q-gram prefix filter).
    const rows: number[] = [];
    for (const code of codes) {
      const row = this.bigramRows.get(code);
      if (row !== undefined) rows.push(row);
    }
    const size = (row: number) => offsets[row * LENGTHS + hi + 1] - offsets[row * LENGTHS + lo];
    rows.sort((a, b) => size(a) - size(b));
    const openRows = codes.length - Math.max(1, len - 1 - 2 * edits) + 1;
    rows.forEach((row, r) => {
      if (r < openRows) {
        for (let i = offsets[row * LENGTHS + lo], end = offsets[row * LENGTHS + hi + 1]; i < end; i++) {
          const id = ids[i];
          const c = counts[id];
          if (c === 0) touchedIds[touchedCount++] = id;
          if (c < 255) counts[id] = c + 1;
        }
      } else this.countIn(row, touchedIds, touchedCount, lo, hi);
    });
    const other: number[] = [];
    for (const id of this.unindexed) {
      const t = this.list[id];
      if (t.length < lo || t.length > hi) continue;
      Vocabulary.distinctBigrams(t, other);
      let shared = 0;
      for (const c of other) if (codes.includes(c)) shared++;
      if (shared === 0) continue;
      if (counts[id] === 0) touchedIds[touchedCount++] = id;
      counts[id] = Math.min(255, shared);
    }
    const mask = letterMask(word);
    const maxBits = 2 * edits;
    const masks = this.masks.data;
    const lengths = this.lengths.data;
    const out: number[] = [];
    const shared: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const id = touchedIds[i];
      const n = lengths[id];
      const need = Math.max(1, Math.max(len, n) - 1 - 2 * edits);
      if (counts[id] >= need && popcount(masks[id] ^ mask) <= maxBits) {
        out.push(id);
        shared.push(counts[id] - Math.abs(n - len));
      }
      counts[id] = 0;
    }
    if (out.length <= MAX_LOOKALIKES) return out;
    // Too many to score: keep those sharing the most letter pairs (the likeliest corrections).
    const order = out.map((_, i) => i).sort((a, b) => shared[b] - shared[a] || out[a] - out[b]);
    return order.slice(0, MAX_LOOKALIKES).map((i) => out[i]);
  }

  /** Adds one to the count of every touched term (of a length in [lo, hi]) that row `row` lists. */
  private countIn(row: number, touched: Int32Array, touchedCount: number, lo: number, hi: number): void {
    const LENGTHS = MAX_TERM_LENGTH + 1;
    const ids = this.bigramIds;
    const offsets = this.bigramOffsets;
    const counts = this.counts;
    if (touchedCount * 16 > offsets[row * LENGTHS + hi + 1] - offsets[row * LENGTHS + lo]) {
      for (let i = offsets[row * LENGTHS + lo], end = offsets[row * LENGTHS + hi + 1]; i < end; i++) {
        const c = counts[ids[i]];
        if (c !== 0 && c < 255) counts[ids[i]] = c + 1;
      }
      return;
    }
    // Few terms met so far: look each up in its own length's cell (ids ascend within a cell).
    for (let t = 0; t < touchedCount; t++) {
      const id = touched[t];
      const cell = row * LENGTHS + Math.min(this.lengths.data[id], MAX_TERM_LENGTH);
      let a = offsets[cell];
      let b = offsets[cell + 1];
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (ids[mid] < id) a = mid + 1;
        else b = mid;
      }
      if (a < offsets[cell + 1] && ids[a] === id && counts[id] < 255) counts[id]++;
    }
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
      const id = this.idOf(swapped);
      if (id >= 0) best.set(id, 0.8 * (1 - 1 / len));
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
    const codes = new Int32Array(this.bigramRows.size);
    for (const [code, row] of this.bigramRows) codes[row] = code;
    return {
      terms: this.list.join('\n'),
      sorted: this.sorted,
      bigramCodes: codes,
      bigramOffsets: this.bigramOffsets,
      bigramIds: this.bigramIds,
    };
  }

  /** Restores without hashing a single term: lookups use the sorted table until something is added. */
  static fromSnapshot(s: VocabularySnapshot): Vocabulary {
    const v = new Vocabulary();
    const terms = s.terms.length ? s.terms.split('\n') : [];
    if (s.sorted.length !== terms.length) throw new Error('vocabulary snapshot: sorted table does not match the terms');
    v.table = null;
    for (const t of terms) {
      v.list.push(t);
      v.masks.push(letterMask(t));
      v.lengths.push(t.length);
    }
    v.sorted = s.sorted;
    s.bigramCodes.forEach((code, row) => v.bigramRows.set(code, row));
    v.bigramOffsets = s.bigramOffsets;
    v.bigramIds = s.bigramIds;
    return v;
  }
}
