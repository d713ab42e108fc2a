// The TF-IDF matcher's per-article data, packed (issue 13: an object and four typed-array views per article were
// most of what a restarted library's stories cost). Each slot's word weights, headline word ids and match keys are
// ranges of flat arrays: those of a restored snapshot are read in place, those of articles added since are
// appended to growing arrays of their own. A range is cut out as a view only when a caller asks for it.

/** A unit-length sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** Flat arrays with the end of each article's range (as a story snapshot keeps them). */
export interface PackedVectors {
  terms: Int32Array;
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

/** Per slot, six numbers: where its terms, headline ids and keys start and end (a negative start: the added area). */
const FIELDS = 6;

export class VectorStore {
  private base: PackedVectors | null = null;
  private readonly terms = new GrowingInt32();
  private readonly weights = new GrowingFloat64();
  private readonly titles = new GrowingInt32();
  private readonly keys = new GrowingInt32();
  private ranges = new Int32Array(FIELDS * 64);
  /** Per slot: 1 when its ranges are in the added area, 0 in the snapshot's. */
  private added = new Uint8Array(64);
  /** Numbers appended to the added area since it was last compacted, and how many of them belong to a removed slot. */
  private addedWords = 0;
  private droppedWords = 0;

  /** The snapshot's arrays, read in place by the slots restored from them. */
  adopt(packed: PackedVectors): void {
    this.base = packed;
  }

  private reserve(slot: number): void {
    if (slot < this.added.length) return;
    const n = Math.max(slot + 1, this.added.length * 2);
    const ranges = new Int32Array(FIELDS * n);
    ranges.set(this.ranges);
    this.ranges = ranges;
    const added = new Uint8Array(n);
    added.set(this.added);
    this.added = added;
  }

  /** The slot takes article n of the adopted snapshot. */
  restore(slot: number, n: number): void {
    const b = this.base!;
    this.reserve(slot);
    const r = this.ranges;
    const at = FIELDS * slot;
    r[at] = n === 0 ? 0 : b.termEnds[n - 1];
    r[at + 1] = b.termEnds[n];
    r[at + 2] = n === 0 ? 0 : b.titleEnds[n - 1];
    r[at + 3] = b.titleEnds[n];
    r[at + 4] = n === 0 ? 0 : b.keyEnds[n - 1];
    r[at + 5] = b.keyEnds[n];
    this.added[slot] = 0;
  }

  /** The slot takes these (copied into the added area). */
  set(slot: number, vector: SparseVector, titleIds: ArrayLike<number>, keys: ArrayLike<number>): void {
    this.reserve(slot);
    const r = this.ranges;
    const at = FIELDS * slot;
    r[at] = this.terms.append(vector.terms);
    this.weights.append(vector.weights);
    r[at + 1] = this.terms.length;
    r[at + 2] = this.titles.append(titleIds);
    r[at + 3] = this.titles.length;
    r[at + 4] = this.keys.append(keys);
    r[at + 5] = this.keys.length;
    this.added[slot] = 1;
    this.addedWords += vector.terms.length + titleIds.length + keys.length;
  }

  /** The slot is let go: its numbers in the added area become garbage, compacted once they are half of it. */
  drop(slot: number, live: Iterable<number>): void {
    if (!this.added[slot]) return;
    const at = FIELDS * slot;
    const r = this.ranges;
    this.droppedWords += r[at + 1] - r[at] + (r[at + 3] - r[at + 2]) + (r[at + 5] - r[at + 4]);
    this.added[slot] = 0;
    r.fill(0, at, at + FIELDS);
    if (this.droppedWords > 4096 && this.droppedWords * 2 > this.addedWords) this.compact(live);
  }

  /** Copies the live slots' added ranges into fresh arrays (the removed ones' are left behind). */
  private compact(live: Iterable<number>): void {
    const old = { terms: this.terms.data, weights: this.weights.data, titles: this.titles.data, keys: this.keys.data };
    for (const g of [this.terms, this.weights, this.titles, this.keys]) g.length = 0;
    this.terms.data = new Int32Array(256);
    this.weights.data = new Float64Array(256);
    this.titles.data = new Int32Array(256);
    this.keys.data = new Int32Array(256);
    this.addedWords = this.droppedWords = 0;
    for (const slot of live) {
      if (!this.added[slot]) continue;
      const r = this.ranges;
      const at = FIELDS * slot;
      const vector = { terms: old.terms.subarray(r[at], r[at + 1]), weights: old.weights.subarray(r[at], r[at + 1]) };
      this.set(slot, vector, old.titles.subarray(r[at + 2], r[at + 3]), old.keys.subarray(r[at + 4], r[at + 5]));
    }
  }

  private area(slot: number): PackedVectors | { terms: Int32Array; weights: Float64Array; titles: Int32Array; keys: Int32Array } {
    return this.added[slot] ? { terms: this.terms.data, weights: this.weights.data, titles: this.titles.data, keys: this.keys.data } : this.base!;
  }

  vector(slot: number): SparseVector {
    const a = this.area(slot);
    const at = FIELDS * slot;
    const from = this.ranges[at];
    const to = this.ranges[at + 1];
    return { terms: a.terms.subarray(from, to), weights: a.weights.subarray(from, to) };
  }

  titleIds(slot: number): Int32Array {
    const at = FIELDS * slot;
    return this.area(slot).titles.subarray(this.ranges[at + 2], this.ranges[at + 3]);
  }

  keysOf(slot: number): Int32Array {
    const at = FIELDS * slot;
    return this.area(slot).keys.subarray(this.ranges[at + 4], this.ranges[at + 5]);
  }

  /** Dot product of a vector spread out by word id with the slot's (its terms in ascending order, as `cosine` adds them). */
  dot(dense: Float64Array, slot: number): number {
    const a = this.added[slot] ? this.terms.data : this.base!.terms;
    const w = this.added[slot] ? this.weights.data : this.base!.weights;
    const at = FIELDS * slot;
    let sum = 0;
    for (let k = this.ranges[at], end = this.ranges[at + 1]; k < end; k++) sum += dense[a[k]] * w[k];
    return sum;
  }
}
