// A map from a string key to a row number, for tables that already keep each row's key in a column of their own
// (issue 13): a Map<string, number> of 100,000 ids costs 3.7 MB of hash table beside the column; this keeps one
// Int32Array of row numbers (1 MB at 100,000, half full at most) and reads the keys from the owner's column.
// Open addressing with linear probing; a deletion shifts the entries after it back, so there are no tombstones.

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class IdTable {
  /** Row + 1 per slot; 0 is an empty slot. */
  private slots = new Int32Array(16);
  private count = 0;

  /** `keyOf(row)` must give the key of every row in the table, from the moment it is set until it is deleted. */
  constructor(private readonly keyOf: (row: number) => string) {}

  get size(): number {
    return this.count;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private find(key: string): number {
    const mask = this.slots.length - 1;
    let i = hashOf(key) & mask;
    while (this.slots[i] !== 0 && this.keyOf(this.slots[i] - 1) !== key) i = (i + 1) & mask;
    return i;
  }

  /** The key's row, or -1. */
  get(key: string): number {
    return this.slots[this.find(key)] - 1;
  }

  has(key: string): boolean {
    return this.slots[this.find(key)] !== 0;
  }

  /** Points the key at `row` (whose key must already read as `key`), replacing any row it had. */
  set(key: string, row: number): void {
    let i = this.find(key);
    if (this.slots[i] === 0) {
      if (2 * (this.count + 1) > this.slots.length) {
        this.resize(this.slots.length * 2);
        i = this.find(key);
      }
      this.count++;
    }
    this.slots[i] = row + 1;
  }

  /**
   * The key's row if it has one; otherwise points it at `row` (whose key must read as `key` by the next call) and
   * gives -1. One probe where get-then-set took two (a library opening with 100,000 headers: issue 13).
   */
  getOrAdd(key: string, row: number): number {
    let i = this.find(key);
    if (this.slots[i] !== 0) return this.slots[i] - 1;
    if (2 * (this.count + 1) > this.slots.length) {
      this.resize(this.slots.length * 2);
      i = this.find(key);
    }
    this.count++;
    this.slots[i] = row + 1;
    return -1;
  }

  /** Room for n keys without growing (a restore knows how many rows it opens with). */
  reserve(n: number): void {
    let size = this.slots.length;
    while (size < 2 * n) size *= 2;
    if (size > this.slots.length) this.resize(size);
  }

  private resize(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    const mask = size - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let i = hashOf(this.keyOf(entry - 1)) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = entry;
    }
  }

  /** Removes the key (call while its row still reads as `key`); returns its row, or -1. */
  delete(key: string): number {
    let i = this.find(key);
    const row = this.slots[i] - 1;
    if (row < 0) return -1;
    const mask = this.slots.length - 1;
    this.slots[i] = 0;
    this.count--;
    // Entries after the gap that could have sat in it move back, so every probe still reaches its entry.
    for (let j = (i + 1) & mask; this.slots[j] !== 0; j = (j + 1) & mask) {
      const home = hashOf(this.keyOf(this.slots[j] - 1)) & mask;
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      this.slots[i] = this.slots[j];
      this.slots[j] = 0;
      i = j;
    }
    return row;
  }

  /** Every row in the table, in no particular order. */
  *rows(): IterableIterator<number> {
    for (const entry of this.slots) if (entry !== 0) yield entry - 1;
  }
}
