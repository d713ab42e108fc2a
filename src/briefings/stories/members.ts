// Story members as columns (issue 13): one row per article with the strings a member shows shared with the
// article's header (id, title, date, url), its outlet as a number into a pool of outlet names (hosts repeat), its
// length in a typed array. A StoryMember object is made only when a story is shown.
import { outletOf, timeOf, titleOf } from './text';
import type { StoryHeader, StoryMember } from './types';
import { StringPool } from '../string-pool';

export class MemberTable {
  private readonly rows = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly idOf: string[] = [];
  private readonly titles: string[] = [];
  private readonly dates: (string | null)[] = [];
  private readonly urls: (string | null)[] = [];
  private readonly outletPool = new StringPool();
  private outlets = new Int32Array(64);
  private lengths = new Int32Array(64);

  has(id: string): boolean {
    return this.rows.has(id);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Every id, in the order set (an id set again moves to the end only after a delete, as a Map's keys). */
  ids(): IterableIterator<string> {
    return this.rows.keys();
  }

  /** The member of this header with this body length (as headerMember makes it). */
  set(a: StoryHeader, length: number): void {
    let row = this.rows.get(a.id);
    if (row === undefined) {
      row = this.free.pop() ?? this.idOf.length;
      this.rows.set(a.id, row);
    }
    if (row >= this.lengths.length) {
      const n = Math.max(row + 1, this.lengths.length * 2);
      const outlets = new Int32Array(n);
      outlets.set(this.outlets);
      this.outlets = outlets;
      const lengths = new Int32Array(n);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.idOf[row] = a.id;
    this.titles[row] = titleOf(a);
    this.dates[row] = timeOf(a.date) === null ? null : a.date;
    this.urls[row] = typeof a.url === 'string' ? a.url : null;
    this.outlets[row] = this.outletPool.numberOf(outletOf(a));
    this.lengths[row] = length;
  }

  delete(id: string): void {
    const row = this.rows.get(id);
    if (row === undefined) return;
    this.rows.delete(id);
    this.idOf[row] = this.titles[row] = '';
    this.dates[row] = this.urls[row] = null;
    this.free.push(row);
  }

  get(id: string): StoryMember | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    return {
      id: this.idOf[row],
      title: this.titles[row],
      date: this.dates[row],
      outlet: this.outletPool.values[this.outlets[row]],
      url: this.urls[row],
      length: this.lengths[row],
    };
  }
}
