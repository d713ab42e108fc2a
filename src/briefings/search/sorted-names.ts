// Names kept in folded alphabetical order, for "starts with" lookups by binary search.
import { fold } from './tokenize';

export class SortedNames {
  /** Item numbers in order of their folded names. */
  private order: number[] = [];

  constructor(private readonly nameOf: (item: number) => string) {}

  /** Folded anew on each use: a lookup folds ~20 names, and a cache of every folded title cost ~125 bytes an article. */
  private key(item: number): string {
    return fold(this.nameOf(item)).replace(/\s+/g, ' ').trim();
  }

  /** Rebuilds the order from scratch (after a build or restore). */
  reset(items: number[]): void {
    const keyed = items.map((i) => ({ i, k: this.key(i) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
    // Keys are dropped once sorted (see key()).
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
