// Inverted lists: for every term, the documents holding it (ascending ids) and, optionally, a small
// weight per document. Built once into flat typed arrays (CSR: offsets into one docs array, the document
// numbers packed to 16 bits each: packed-docs.ts); later additions go to a per-term tail until the next compaction.
import { GrowInt32 } from './growable';
import { PackedDocs } from './packed-docs';

/** Collects (term, doc, weight) triples while building, then lays them out term by term. */
export class PostingsBuilder {
  private readonly termCol: GrowInt32;
  private readonly docCol: GrowInt32;
  private weightCol: Uint8Array;

  /** `capacity`: expected number of postings (a good guess saves copying while growing). */
  constructor(capacity = 1 << 16) {
    const n = Math.max(1024, Math.min(capacity, 1 << 28));
    this.termCol = new GrowInt32(n);
    this.docCol = new GrowInt32(n);
    this.weightCol = new Uint8Array(n);
  }

  add(term: number, doc: number, weight: number): void {
    const i = this.termCol.length;
    this.termCol.push(term);
    this.docCol.push(doc);
    if (i >= this.weightCol.length) {
      const next = new Uint8Array(this.weightCol.length * 2);
      next.set(this.weightCol);
      this.weightCol = next;
    }
    this.weightCol[i] = weight > 255 ? 255 : weight;
  }

  /** Counting sort by term; documents were added in ascending order, so each list stays sorted. */
  finish(termCount: number, withWeights: boolean): Postings {
    const n = this.termCol.length;
    const terms = this.termCol.data;
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < n; i++) offsets[terms[i] + 1]++;
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
    const cursor = offsets.slice(0, termCount);
    const docs = new Int32Array(n);
    const weights = withWeights ? new Uint8Array(n) : null;
    const docCol = this.docCol.data;
    for (let i = 0; i < n; i++) {
      const at = cursor[terms[i]]++;
      docs[at] = docCol[i];
      if (weights) weights[at] = this.weightCol[i];
    }
    return new Postings(offsets, PackedDocs.pack(offsets, docs), weights);
  }
}

export interface PostingsSnapshot {
  offsets: Int32Array;
  /** The document numbers' low 16 bits, and where each list's high part changes (see PackedDocs). */
  low: Uint16Array;
  starts: Int32Array;
  highs: Int32Array;
  weights: Uint8Array | null;
}

export class Postings {
  /** Per term, appended after the last compaction: [doc, weight, doc, weight, ...]. */
  private tail = new Map<number, number[]>();
  private tailSize = 0;
  /** Per term, once asked for: its largest frequency and shortest document (see extremes); 0 = not known. */
  private known = new Uint8Array(0);
  private maxTf = new Uint8Array(0);
  private minLength = new Int32Array(0);

  constructor(
    private offsets: Int32Array,
    private docs: PackedDocs,
    private weights: Uint8Array | null,
  ) {}

  static empty(withWeights: boolean): Postings {
    return new Postings(new Int32Array(1), PackedDocs.pack(new Int32Array(1), new Int32Array(0)), withWeights ? new Uint8Array(0) : null);
  }

  get size(): number {
    return this.docs.length + this.tailSize;
  }

  add(term: number, doc: number, weight: number): void {
    if (term < this.known.length) this.known[term] = 0;
    let list = this.tail.get(term);
    if (!list) this.tail.set(term, (list = []));
    list.push(doc, weight > 255 ? 255 : weight);
    this.tailSize++;
  }

  /** Number of postings of a term, dead documents included. */
  count(term: number): number {
    const main = term + 1 < this.offsets.length ? this.offsets[term + 1] - this.offsets[term] : 0;
    const extra = this.tail.get(term);
    return main + (extra ? extra.length / 2 : 0);
  }

  /**
   * Visits the documents of a term in ascending order. `visit` returns false to stop early.
   * Dead documents are visited too: callers check liveness (cheaper than rewriting lists on removal).
   */
  forEach(term: number, visit: (doc: number, weight: number) => boolean | void): void {
    if (!this.forEachMain(term, visit)) return;
    const extra = this.tail.get(term);
    if (extra) for (let i = 0; i < extra.length; i += 2) if (visit(extra[i], extra[i + 1]) === false) return;
  }

  /** forEach over the main (compacted) list only; false when `visit` stopped it. */
  forEachMain(term: number, visit: (doc: number, weight: number) => boolean | void): boolean {
    if (term + 1 >= this.offsets.length) return true;
    const low = this.docs.low;
    const weights = this.weights;
    let going = true;
    this.docs.runs(this.offsets[term], this.offsets[term + 1], (from, to, high) => {
      for (let i = from; i < to && going; i++) going = visit(high | low[i], weights ? weights[i] : 1) !== false;
    });
    return going;
  }

  /** True when `doc` is in the main list of `term` (binary search: lists are ascending). */
  mainHas(term: number, doc: number): boolean {
    return term + 1 < this.offsets.length && this.docs.find(this.offsets[term], this.offsets[term + 1], doc) >= 0;
  }

  /** True when `doc` is in the list of `term` (binary search: lists are ascending). */
  has(term: number, doc: number): boolean {
    if (this.mainHas(term, doc)) return true;
    const extra = this.tail.get(term);
    if (extra) for (let i = 0; i < extra.length; i += 2) if (extra[i] === doc) return true;
    return false;
  }

  /**
   * Visits, among the documents `docs` (each marked 1 in `mark`), those in the list of `term`,
   * with their weights: by binary search per document when they are few against the list, by reading the
   * list through otherwise.
   */
  visitSome(term: number, docs: number[], mark: Uint8Array, visit: (doc: number, weight: number) => void): void {
    const [start, end] = this.range(term);
    const packed = this.docs;
    const weights = this.weights;
    if (docs.length * 20 < end - start) {
      for (const doc of docs) {
        const at = packed.find(start, end, doc);
        if (at >= 0) visit(doc, weights ? weights[at] : 1);
      }
    } else if (end > start) {
      const low = packed.low;
      packed.runs(start, end, (from, to, high) => {
        for (let i = from; i < to; i++) if (mark[high | low[i]] === 1) visit(high | low[i], weights ? weights[i] : 1);
      });
    }
    const extra = this.tail.get(term);
    if (extra) for (let i = 0; i < extra.length; i += 2) if (mark[extra[i]] === 1) visit(extra[i], extra[i + 1]);
  }

  /**
   * The largest frequency (`weight & tfMask`) and the shortest document (by `lengths`) among the term's
   * postings, dead documents included: BM25 rises with the one and falls with the other, so together
   * they bound what the term can score. Worked out on first need and kept until the term gets a posting.
   */
  extremes(term: number, lengths: Int32Array, tfMask: number): { tf: number; length: number } {
    if (term >= this.known.length) this.growExtremes(term + 1);
    if (this.known[term] === 0) {
      let most = 0;
      let least = 0x7fffffff;
      // One tight pass (this runs on a query's first use of a common term: lists of tens of thousands).
      const low = this.docs.low;
      const weights = this.weights;
      const [start, end] = this.range(term);
      this.docs.runs(start, end, (from, to, high) => {
        for (let i = from; i < to; i++) {
          const f = (weights ? weights[i] : 1) & tfMask;
          if (f > most) most = f;
          const length = lengths[high | low[i]];
          if (length < least) least = length;
        }
      });
      const extra = this.tail.get(term);
      if (extra) {
        for (let i = 0; i < extra.length; i += 2) {
          most = Math.max(most, extra[i + 1] & tfMask);
          least = Math.min(least, lengths[extra[i]]);
        }
      }
      this.maxTf[term] = Math.min(255, most);
      this.minLength[term] = least;
      this.known[term] = 1;
    }
    return { tf: this.maxTf[term], length: this.minLength[term] };
  }

  private growExtremes(n: number): void {
    const size = Math.max(n, this.known.length * 2, 1024);
    const known = new Uint8Array(size);
    known.set(this.known);
    const maxTf = new Uint8Array(size);
    maxTf.set(this.maxTf);
    const minLength = new Int32Array(size);
    minLength.set(this.minLength);
    this.known = known;
    this.maxTf = maxTf;
    this.minLength = minLength;
  }

  /** Raw access for the scoring loop: [start, end) into decodeMain()/mainWeights(), main lists only. */
  range(term: number): [number, number] {
    if (term + 1 >= this.offsets.length) return [0, 0];
    return [this.offsets[term], this.offsets[term + 1]];
  }
  /** The documents at [start, end) of the main lists into `out` from index 0 (`out` holds at least end - start). */
  decodeMain(start: number, end: number, out: Int32Array): void {
    this.docs.decode(start, end, out);
  }
  mainWeights(): Uint8Array | null {
    return this.weights;
  }
  tailOf(term: number): number[] | undefined {
    return this.tail.get(term);
  }

  /** True when the tail has grown large enough that folding it in pays off. */
  needsCompaction(): boolean {
    return this.tailSize > 50_000 && this.tailSize > this.docs.length / 4;
  }

  /** Folds the tail into the flat arrays and drops postings of dead documents. */
  compact(termCount: number, alive: (doc: number) => boolean): void {
    const old = this.docs.unpack(this.offsets);
    const counts = new Int32Array(termCount + 1);
    const oldTerms = this.offsets.length - 1;
    for (let t = 0; t < termCount; t++) {
      let c = 0;
      if (t < oldTerms) for (let i = this.offsets[t]; i < this.offsets[t + 1]; i++) if (alive(old[i])) c++;
      const extra = this.tail.get(t);
      if (extra) for (let i = 0; i < extra.length; i += 2) if (alive(extra[i])) c++;
      counts[t + 1] = counts[t] + c;
    }
    const docs = new Int32Array(counts[termCount]);
    const weights = this.weights ? new Uint8Array(docs.length) : null;
    for (let t = 0; t < termCount; t++) {
      let at = counts[t];
      if (t < oldTerms) {
        for (let i = this.offsets[t]; i < this.offsets[t + 1]; i++) {
          if (!alive(old[i])) continue;
          docs[at] = old[i];
          if (weights) weights[at] = this.weights![i];
          at++;
        }
      }
      const extra = this.tail.get(t);
      if (extra) {
        for (let i = 0; i < extra.length; i += 2) {
          if (!alive(extra[i])) continue;
          docs[at] = extra[i];
          if (weights) weights[at] = extra[i + 1];
          at++;
        }
      }
    }
    this.offsets = counts;
    this.docs = PackedDocs.pack(counts, docs);
    this.weights = weights;
    this.tail = new Map();
    this.tailSize = 0;
  }

  /** The flat lists, compacted first; `alive` null: every document is alive (then a built index is saved as it is). */
  toSnapshot(termCount: number, alive: ((doc: number) => boolean) | null): PostingsSnapshot {
    // Nothing to fold in, nothing dead, no new terms: compaction would copy the lists into the same lists.
    const flat = alive === null && this.tailSize === 0 && this.offsets.length === termCount + 1;
    if (!flat) this.compact(termCount, alive ?? (() => true));
    const { low, starts, highs } = this.docs;
    return { offsets: this.offsets, low, starts, highs, weights: this.weights };
  }

  static fromSnapshot(s: PostingsSnapshot): Postings {
    return new Postings(s.offsets, PackedDocs.restore(s.low, s.starts, s.highs), s.weights);
  }

  /** Lists given as whole document numbers (the JSON snapshot's form). */
  static fromDocs(offsets: Int32Array, docs: Int32Array, weights: Uint8Array | null): Postings {
    return new Postings(offsets, PackedDocs.pack(offsets, docs), weights);
  }

  /** Every main-list document number, unpacked (the JSON snapshot's form). */
  static unpackedDocs(s: PostingsSnapshot): Int32Array {
    return PackedDocs.restore(s.low, s.starts, s.highs).unpack(s.offsets);
  }
}
