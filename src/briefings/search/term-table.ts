// A hash table from words to numbers that looks words up by position inside a longer text, so
// tokenising an article allocates a string only for words never seen before (the build hot path).
import { GrowInt32 } from './growable';

/** FNV-1a over the UTF-16 code units of text[start, end). */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

export class TermTable {
  /** Open addressing, linear probing; slot value = id + 1 (0 = empty). */
  private slots = new Int32Array(1024);
  private readonly hashes = new GrowInt32(1024);
  private count = 0;

  /** `terms` is the caller's id → word list; the table never copies words. */
  constructor(private readonly terms: string[]) {}

  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return -1;
      const id = slot - 1;
      if (this.hashes.data[id] !== hash) continue;
      const t = this.terms[id];
      if (t.length !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (t.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  /** Records that `terms[id]` has `hash` (ids must be added in order 0, 1, 2, ...). */
  insert(id: number, hash: number): void {
    this.hashes.ensure(id);
    this.hashes.data[id] = hash;
    this.count++;
    if (this.count * 2 > this.slots.length) this.grow();
    else this.place(id, hash);
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes.data[id]);
  }
}
