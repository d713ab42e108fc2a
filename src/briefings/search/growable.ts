// Typed arrays that grow by doubling: the index's per-document and per-term tables.

export class GrowInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  /**
   * Takes `arr` as its storage, without copying: the caller hands it over (a restored snapshot's columns, already
   * copied out of the saved bytes once). The first push beyond it copies.
   */
  static from(arr: Int32Array): GrowInt32 {
    const g = new GrowInt32(0);
    g.data = arr;
    g.length = arr.length;
    return g;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }
  /** Makes index `i` valid (zero-filled), growing if needed. */
  ensure(i: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    if (i >= this.length) this.length = i + 1;
  }
  private grow(min: number): void {
    const next = new Int32Array(Math.max(min, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Float64Array(Math.max(4, capacity));
  }
  static from(arr: Float64Array | Float32Array): GrowFloat64 {
    const g = new GrowFloat64(arr.length);
    g.data.set(arr);
    g.length = arr.length;
    return g;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
