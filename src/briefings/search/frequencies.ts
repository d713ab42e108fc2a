// Documents per term (BM25's df), kept exact through removals without reading the whole vocabulary.
// The index keeps no text (issue 13), so a removal cannot name its terms; instead it is noted, and a term's
// count is brought up to date when the count is next asked for, by checking that term's list against the
// removals since it was last asked. A removal costs O(1); the check costs at most one read of the list,
// and only for terms someone asks about. Compaction (which drops dead documents anyway) settles every count.
import { GrowInt32 } from './growable';
import type { Postings } from './postings';

/** Checking each new removal by binary search beats reading the list while they are this many times fewer. */
const SEARCH_RATIO = 16;

export class DocumentFrequencies {
  /** Per term: documents holding it, less the removals it has been checked against. */
  private readonly counts: GrowInt32;
  /** Per term: how many of `removed` its count already accounts for. */
  private readonly checked = new GrowInt32();
  /** Documents removed since the lists last dropped dead documents, in removal order. */
  private readonly removed = new GrowInt32();
  /** Per document: its place in `removed` plus one (0: live, or no longer in any list). */
  private readonly removedAt = new GrowInt32();

  constructor(
    private readonly postings: Postings,
    counts: GrowInt32,
  ) {
    this.counts = counts;
  }

  /** Counts read off lists that hold live documents only (just built, restored or compacted). */
  static counted(postings: Postings, termCount: number): DocumentFrequencies {
    const counts = new GrowInt32(termCount);
    counts.ensure(termCount - 1);
    for (let t = 0; t < termCount; t++) counts.data[t] = postings.count(t);
    return new DocumentFrequencies(postings, counts);
  }

  /** One more document holds `term`. */
  add(term: number): void {
    this.counts.ensure(term);
    this.counts.data[term]++;
  }

  /** Makes terms below `termCount` valid (zero when no document holds them). */
  ensure(termCount: number): void {
    if (termCount > 0) this.counts.ensure(termCount - 1);
  }

  /** Document `doc` is gone; its postings stay in the lists until compaction. */
  remove(doc: number): void {
    this.removed.push(doc);
    this.removedAt.ensure(doc);
    this.removedAt.data[doc] = this.removed.length;
  }

  /** Live documents holding `term`. */
  of = (term: number): number => {
    if (term < 0 || term >= this.counts.length) return 0;
    const from = term < this.checked.length ? this.checked.data[term] : 0;
    if (from < this.removed.length) this.catchUp(term, from);
    return this.counts.data[term];
  };

  /** Takes off the count of `term` the documents removed since it was last asked for that its list names. */
  private catchUp(term: number, from: number): void {
    const removed = this.removed.data;
    const end = this.removed.length;
    const at = this.removedAt;
    const [start, stop] = this.postings.range(term);
    let gone = 0;
    if ((end - from) * SEARCH_RATIO < stop - start) {
      for (let i = from; i < end; i++) if (this.postings.mainHas(term, removed[i])) gone++;
    } else {
      this.postings.forEachMain(term, (doc) => {
        if (doc < at.length && at.data[doc] > from) gone++;
      });
    }
    const tail = this.postings.tailOf(term);
    if (tail) for (let i = 0; i < tail.length; i += 2) if (tail[i] < at.length && at.data[tail[i]] > from) gone++;
    this.counts.data[term] -= gone;
    this.checked.ensure(term);
    this.checked.data[term] = end;
  }

  /** The lists hold live documents only (just compacted): every count is its list's length. */
  settle(termCount: number): void {
    this.ensure(termCount);
    for (let t = 0; t < termCount; t++) this.counts.data[t] = this.postings.count(t);
    for (let i = 0; i < this.removed.length; i++) this.removedAt.data[this.removed.data[i]] = 0;
    this.removed.length = 0;
    this.checked.data.fill(0);
  }

  /** Every count, exact (for a snapshot). */
  view(): Int32Array {
    for (let t = 0; t < this.counts.length; t++) this.of(t);
    return this.counts.view();
  }
}
