// Names kept in folded alphabetical order, for "starts with" lookups by binary search.
import { fold } from './tokenize';

export class SortedNames {
  /** Item numbers in order of their folded names. */
  private order: number[] = [];
  private readonly keys = new Map<number, string>();

  constructor(private readonly nameOf: (item: number) => string) {}

  private key(item: number): string {
    let k = this.keys.get(item);
    if (k === undefined) {
      k = fold(this.nameOf(item)).replace(/\s+/g, ' ').trim();
      this.keys.set(item, k);
    }
    return k;
  }

  /** Rebuilds the order from scratch (after a build or restore). */
  reset(items: number[]): void {
    const keyed = items.map((i) => ({ i, k: this.key(i) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    this.order = keyed.map((x) => x.i);
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.key(this.order[mid]) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(item: number): void {
    const k = this.key(item);
    let at = this.lowerBound(k);
    while (at < this.order.length && this.key(this.order[at]) === k && this.order[at] < item) at++;
    this.order.splice(at, 0, item);
  }

  delete(item: number): void {
    const k = this.key(item);
    for (let at = this.lowerBound(k); at < this.order.length && this.key(this.order[at]) === k; at++) {
      if (this.order[at] === item) {
        this.order.splice(at, 1);
        break;
      }
    }
    this.keys.delete(item);
  }

  /** Items whose folded name starts with `prefix` (already folded), in name order. */
  withPrefix(prefix: string, visit: (item: number) => boolean | void): void {
    for (let at = this.lowerBound(prefix); at < this.order.length; at++) {
      const item = this.order[at];
      if (!this.key(item).startsWith(prefix)) return;
      if (visit(item) === false) return;
    }
  }

  snapshot(): number[] {
    return this.order.slice();
  }

  restore(order: number[]): void {
    this.order = order.slice();
  }
}
