// The TF-IDF matcher's per-article data, packed (issue 13: an object and four typed-array views per article were
// most of what a restarted library's stories cost). Each slot's word weights, headline word ids and match keys are
// ranges of flat arrays: those of a restored snapshot are read in place, those of articles added since are
// appended to growing arrays of their own. A range is cut out as a view only when a caller asks for it.

/**
 * Word ids: a restored snapshot's in 16 bits when every one fits (the vocabulary is fitted once: 46,436 words at
 * 100,000 articles, whose 5.6 million saved ids then take 11 MB instead of 23), otherwise and when added, 32.
 */
export type TermIds = Int32Array | Uint16Array;

/** The saved word ids as they will be kept: in 16 bits if every one fits, else as they are. */
export function narrowTermIds(terms: Int32Array): TermIds {
  for (let i = 0; i < terms.length; i++) if (terms[i] < 0 || terms[i] > 0xffff) return terms;
  const out = new Uint16Array(terms.length);
  out.set(terms);
  return out;
}

/** A unit-length sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  terms: TermIds;
  weights: Float64Array;
}

/** Flat arrays with the end of each article's range (as a story snapshot keeps them). */
export interface PackedVectors {
  terms: TermIds;
  weights: Float64Array;
  termEnds: Int32Array;
  titles: Int32Array;
  titleEnds: Int32Array;
  keys: Int32Array;
  keyEnds: Int32Array;
}

class GrowingInt32 {
  data = new Int32Array(256);
  length = 0;
  append(values: ArrayLike<number>): number {
    const at = this.length;
    if (at + values.length > this.data.length) {
      const next = new Int32Array(Math.max(at + values.length, this.data.length * 2));
      next.set(this.data.subarray(0, at));
      this.data = next;
    }
    this.data.set(values, at);
    this.length += values.length;
    return at;
  }
}

class GrowingFloat64 {
  data = new Float64Array(256);
  length = 0;
  append(values: ArrayLike<number>): number {
    const at = this.length;
    if (at + values.length > this.data.length) {
      const next = new Float64Array(Math.max(at + values.length, this.data.length * 2));
      next.set(this.data.subarray(0, at));
      this.data = next;
    }
    this.data.set(values, at);
    this.length += values.length;
    return at;
  }
}

/** Per added slot, six numbers: where its terms, headline ids and keys start and end in the added area. */
const FIELDS = 6;

export class VectorStore {
  private base: PackedVectors | null = null;
  private readonly terms = new GrowingInt32();
  private readonly weights = new GrowingFloat64();
  private readonly titles = new GrowingInt32();
  private readonly keys = new GrowingInt32();
  /**
   * Per slot: n ≥ 0, its place in the adopted snapshot (whose end offsets give its ranges: nothing more is kept for
   * it), or -(k + 1) for the k-th record of `ranges` (an article added since).
   */
  private place = new Int32Array(64);
  private ranges = new GrowingInt32();
  /** Numbers appended to the added area since it was last compacted, and how many of them belong to a removed slot. */
  private addedWords = 0;
  private droppedWords = 0;

  /** The snapshot's arrays, read in place by the slots restored from them. */
  adopt(packed: PackedVectors): void {
    this.base = packed;
  }

  private reserve(slot: number): void {
    if (slot < this.place.length) return;
    const place = new Int32Array(Math.max(slot + 1, this.place.length * 2));
    place.set(this.place);
    this.place = place;
  }

  /** Room for exactly n slots (a restore knows how many it restores). */
  reserveExactly(n: number): void {
    if (n <= this.place.length) return;
    const place = new Int32Array(n);
    place.set(this.place);
    this.place = place;
  }

  /** The slot takes article n of the adopted snapshot. */
  restore(slot: number, n: number): void {
    this.reserve(slot);
    this.place[slot] = n;
  }

  /** The slot takes these (copied into the added area). */
  set(slot: number, vector: SparseVector, titleIds: ArrayLike<number>, keys: ArrayLike<number>): void {
    this.reserve(slot);
    const termFrom = this.terms.append(vector.terms);
    this.weights.append(vector.weights);
    const titleFrom = this.titles.append(titleIds);
    const keyFrom = this.keys.append(keys);
    const record = [termFrom, this.terms.length, titleFrom, this.titles.length, keyFrom, this.keys.length];
    this.place[slot] = -(this.ranges.append(record) / FIELDS + 1);
    this.addedWords += vector.terms.length + titleIds.length + keys.length;
  }

  private added(slot: number): boolean {
    return this.place[slot] < 0;
  }

  /** Where field f (0 terms, 1 headline ids, 2 keys) of the slot starts and ends in its area. */
  private range(slot: number, f: number): [number, number] {
    const p = this.place[slot];
    if (p < 0) {
      const at = (-p - 1) * FIELDS + 2 * f;
      return [this.ranges.data[at], this.ranges.data[at + 1]];
    }
    const b = this.base!;
    const ends = f === 0 ? b.termEnds : f === 1 ? b.titleEnds : b.keyEnds;
    return [p === 0 ? 0 : ends[p - 1], ends[p]];
  }

  /** The slot is let go: its numbers in the added area become garbage, compacted once they are half of it. */
  drop(slot: number, live: Iterable<number>): void {
    if (!this.added(slot)) return;
    for (let f = 0; f < 3; f++) {
      const [from, to] = this.range(slot, f);
      this.droppedWords += to - from;
    }
    this.place[slot] = 0;
    if (this.droppedWords > 4096 && this.droppedWords * 2 > this.addedWords) this.compact(live);
  }

  /** Copies the live slots' added ranges into fresh arrays (the removed ones' are left behind). */
  private compact(live: Iterable<number>): void {
    const moved: [number, SparseVector, Int32Array, Int32Array][] = [];
    for (const slot of live) if (this.added(slot)) moved.push([slot, this.vector(slot), this.titleIds(slot), this.keysOf(slot)]);
    for (const g of [this.terms, this.weights, this.titles, this.keys]) g.length = 0;
    this.terms.data = new Int32Array(256);
    this.weights.data = new Float64Array(256);
    this.titles.data = new Int32Array(256);
    this.keys.data = new Int32Array(256);
    this.ranges = new GrowingInt32();
    this.addedWords = this.droppedWords = 0;
    for (const [slot, vector, titleIds, keys] of moved) this.set(slot, vector, titleIds, keys);
  }

  vector(slot: number): SparseVector {
    const [from, to] = this.range(slot, 0);
    const added = this.added(slot);
    const terms = added ? this.terms.data : this.base!.terms;
    const weights = added ? this.weights.data : this.base!.weights;
    return { terms: terms.subarray(from, to), weights: weights.subarray(from, to) };
  }

  titleIds(slot: number): Int32Array {
    const [from, to] = this.range(slot, 1);
    return (this.added(slot) ? this.titles.data : this.base!.titles).subarray(from, to);
  }

  keysOf(slot: number): Int32Array {
    const [from, to] = this.range(slot, 2);
    return (this.added(slot) ? this.keys.data : this.base!.keys).subarray(from, to);
  }

  /** Dot product of a vector spread out by word id with the slot's (its terms in ascending order, as `cosine` adds them). */
  dot(dense: Float64Array, slot: number): number {
    const added = this.added(slot);
    const a = added ? this.terms.data : this.base!.terms;
    const w = added ? this.weights.data : this.base!.weights;
    // The range worked out here rather than by range(): this runs for every candidate an added article meets.
    const p = this.place[slot];
    const ends = this.base?.termEnds;
    const from = added ? this.ranges.data[(-p - 1) * FIELDS] : p === 0 ? 0 : ends![p - 1];
    const to = added ? this.ranges.data[(-p - 1) * FIELDS + 1] : ends![p];
    let sum = 0;
    for (let k = from; k < to; k++) sum += dense[a[k]] * w[k];
    return sum;
  }
}
