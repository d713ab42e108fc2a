// Posting lists' document numbers in half the bytes: the low 16 bits of each number, plus the places where a list's
// high bits change (a list is ascending, so its high part changes at most once per 65,536 documents). Reading a
// list back is one pass that ORs the high part in; a lookup binary-searches the low bits within its high part's run.

export class PackedDocs {
  private constructor(
    /** Per posting, its document number's low 16 bits. */
    readonly low: Uint16Array,
    /** Ascending positions (into `low`) where a list's high part changes, with that part: a list starts at 0. */
    readonly starts: Int32Array,
    readonly highs: Int32Array,
  ) {}

  static restore(low: Uint16Array, starts: Int32Array, highs: Int32Array): PackedDocs {
    if (starts.length !== highs.length) throw new Error('search snapshot: posting high parts do not match');
    for (let i = 1; i < starts.length; i++) if (starts[i] <= starts[i - 1]) throw new Error('search snapshot: posting high parts out of order');
    if (starts.length > 0 && (starts[0] < 0 || starts[starts.length - 1] >= low.length))
      throw new Error('search snapshot: posting high parts out of range');
    return new PackedDocs(low, starts, highs);
  }

  /** `docs`, ascending within each list of `offsets`, packed. */
  static pack(offsets: Int32Array, docs: Int32Array): PackedDocs {
    const low = new Uint16Array(docs.length);
    const starts: number[] = [];
    const highs: number[] = [];
    for (let t = 0; t + 1 < offsets.length; t++) {
      let high = 0;
      for (let i = offsets[t]; i < offsets[t + 1]; i++) {
        const h = docs[i] >>> 16;
        if (h !== high) {
          starts.push(i);
          highs.push(h);
          high = h;
        }
        low[i] = docs[i] & 0xffff;
      }
    }
    return new PackedDocs(low, Int32Array.from(starts), Int32Array.from(highs));
  }

  get length(): number {
    return this.low.length;
  }

  /** Bytes held (for a snapshot's size and memory accounting). */
  get byteLength(): number {
    return this.low.byteLength + this.starts.byteLength + this.highs.byteLength;
  }

  /** First high-part change at or after position `at`. */
  private firstChange(at: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The document numbers of the list at [start, end) into `out` from index 0. */
  decode(start: number, end: number, out: Int32Array): void {
    const { low, starts, highs } = this;
    let c = this.firstChange(start);
    let high = 0;
    let at = start;
    while (at < end) {
      const stop = c < starts.length && starts[c] < end ? starts[c] : end;
      for (let i = at; i < stop; i++) out[i - start] = high | low[i];
      at = stop;
      if (at < end) high = highs[c++] << 16;
    }
  }

  /** Calls `run(from, to, high)` for each stretch of the list at [start, end) that shares one high part. */
  runs(start: number, end: number, run: (from: number, to: number, high: number) => void): void {
    const { starts, highs } = this;
    let c = this.firstChange(start);
    let high = 0;
    let at = start;
    while (at < end) {
      const stop = c < starts.length && starts[c] < end ? starts[c] : end;
      if (stop > at) run(at, stop, high);
      at = stop;
      if (at < end) high = highs[c++] << 16;
    }
  }

  /** Position of `doc` in the list at [start, end), or -1 (binary search within the run of its high part). */
  find(start: number, end: number, doc: number): number {
    const { low, starts, highs } = this;
    const want = doc >>> 16;
    const key = doc & 0xffff;
    // The run of `want`: from the change to it (or the list's start for 0) to the next change.
    let c = this.firstChange(start);
    let from = start;
    if (want !== 0) {
      while (c < starts.length && starts[c] < end && highs[c] !== want) c++;
      if (c >= starts.length || starts[c] >= end) return -1;
      from = starts[c++];
    }
    const to = c < starts.length && starts[c] < end ? starts[c] : end;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (low[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < to && low[lo] === key ? lo : -1;
  }

  /** Every document number, unpacked (for compaction and the JSON snapshot). */
  unpack(offsets: Int32Array): Int32Array {
    const out = new Int32Array(this.low.length);
    for (let t = 0; t + 1 < offsets.length; t++) {
      const start = offsets[t];
      const end = offsets[t + 1];
      if (end > start) this.decode(start, end, out.subarray(start, end));
    }
    return out;
  }
}
