// Approach B: TF-IDF cosine over title + lede, within a time window. Each article is indexed under
// its few heaviest terms; two articles are compared when they share one of those, and match when
// the cosine of their vectors reaches the threshold. Word weights come from a fixed StoryModel.
import { StoryModel } from './model';
import { outletOf, PER_DAY, requiredSimilarity, timeOf, UNKNOWN_DAYS, type TimeRule } from './text';
import type { StoryArticle, StoryHeader, StoryMatcher } from './types';
import { VectorStore, type PackedVectors, type SparseVector } from './vectors';
import { IdTable } from '../id-table';
import { StringPool } from '../string-pool';

export type { SparseVector } from './vectors';

/** `threshold` is the cosine two articles published together must reach. */
export interface TfIdfOptions extends Partial<TimeRule> {
  /** How much more a title word counts than a lede word. */
  titleWeight?: number;
  /**
   * The cosine the two headlines alone must reach (0: no such gate). A headline says what the event is;
   * a reaction piece or a later step of a saga shares the lede's names but rarely the headline's words.
   */
  titleMin?: number;
  /** Heaviest terms an article is indexed (and looked up) under. */
  keyTerms?: number;
  /**
   * Two articles one outlet published within this many milliseconds of each other are separate pieces
   * put out together (one event's several interviews, one sale's deals), not versions of one: they
   * match only as near-copies, as when a date is unknown. 0: no such rule.
   */
  batchMs?: number;
}

export const TFIDF_DEFAULTS: Required<TfIdfOptions> = {
  threshold: 0.4,
  titleWeight: 2,
  titleMin: 0.25,
  keyTerms: 5,
  batchMs: 60_000,
  windowMs: 4 * 86_400_000,
  perDay: PER_DAY,
  unknownDays: UNKNOWN_DAYS,
};

/**
 * Articles compared through one key term at most. The corpus's longest list is 112 articles; past this a
 * key no longer finds candidates (its other keys still do), so only look-alike floods are affected.
 */
export const MAX_POSTING = 256;

/** The article being added, as `needed` compares it with the others. */
interface Added {
  time: number | null;
  outlet: number;
}

/** Dot product of two unit vectors (their cosine), by merging the sorted term ids. */
function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i];
    const y = b.terms[j];
    if (x === y) dot += a.weights[i++] * b.weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

export class TfIdfMatcher implements StoryMatcher {
  readonly name: string;
  private readonly opts: Required<TfIdfOptions>;
  /** Articles by slot (id, word weights, headline, keys, outlet, time); a removed article's slot is reused. */
  private readonly ids: (string | null)[] = [];
  private readonly vectors = new VectorStore();
  /** Each headline's own vector, once the headline gate first needs it (few pairs get that far). */
  private readonly titleVectors = new Map<number, SparseVector>();
  /** Per slot, its outlet as a number into `outletPool` (outlets repeat: one string each). */
  private outlets = new Int32Array(64);
  private readonly outletPool = new StringPool();
  private readonly slotOf = new IdTable((slot) => this.ids[slot]!);
  private readonly freeSlots: number[] = [];
  /** Key term id → slots of the articles indexed under it, in the order they came. */
  private readonly postings = new Map<number, number[]>();
  /** Per slot, the last add that saw it as a candidate: dedupes candidates without a Set. */
  private seenAt = new Int32Array(64);
  /** Per slot, the article's time (NaN: unknown): read for every candidate, so kept side by side. */
  private times = new Float64Array(64);
  private addCount = 0;
  /** Scratch space for term frequencies by word id, and the ids touched (no Map per article). */
  private tf = new Float64Array(1024);
  private touched = new Int32Array(256);
  /** The article being added, spread out by word id: a cosine is then one pass over the other's words. */
  private dense = new Float64Array(1024);

  constructor(
    readonly model: StoryModel,
    options: TfIdfOptions = {},
  ) {
    this.opts = { ...TFIDF_DEFAULTS, ...options };
    this.name = `tf-idf cos≥${this.opts.threshold}+${this.opts.perDay}/day`;
  }

  /** Unit-length vector: (1 + log tf) × idf, title words counted `titleWeight` times. */
  private vectorOf(a: StoryArticle): { vector: SparseVector; titleIds: Int32Array } {
    const { title, lede } = this.model.termIdsOf(a);
    return { vector: this.weigh([title, lede], [this.opts.titleWeight, 1]), titleIds: title };
  }

  /** The headline's own unit vector. */
  private titleOf(slot: number): SparseVector {
    let title = this.titleVectors.get(slot);
    if (!title) this.titleVectors.set(slot, (title = this.weigh([this.vectors.titleIds(slot)], [1])));
    return title;
  }

  /** Counts the parts' words (each part with its weight) and turns the counts into a unit vector. */
  private weigh(parts: Int32Array[], counts: number[]): SparseVector {
    if (this.tf.length < this.model.vocabularySize) this.tf = new Float64Array(Math.max(this.model.vocabularySize, this.tf.length * 2));
    const tf = this.tf;
    let touched = 0;
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p];
      if (this.touched.length < touched + part.length) this.touched = growTo(this.touched, touched + part.length);
      for (let i = 0; i < part.length; i++) {
        const id = part[i];
        if (tf[id] === 0) this.touched[touched++] = id;
        tf[id] += counts[p];
      }
    }
    const ids = this.touched.slice(0, touched).sort();
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const n = tf[ids[k]];
      tf[ids[k]] = 0;
      const w = (n === 1 ? 1 : 1 + Math.log(n)) * this.model.idfOf(ids[k]);
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k] /= norm;
    return { terms: ids, weights };
  }

  /** The cosine of two articles (for measuring; matching uses the index). */
  similarity(a: StoryArticle, b: StoryArticle): number {
    return cosine(this.vectorOf(a).vector, this.vectorOf(b).vector);
  }

  /** The heaviest terms; ties by the term itself (not its id, which depends on arrival order). */
  private keysOf(vector: SparseVector): number[] {
    const { terms, weights } = vector;
    // Before: whether term i ranks above term j.
    const before = (i: number, j: number): boolean =>
      weights[i] > weights[j] || (weights[i] === weights[j] && this.model.word(terms[i]) < this.model.word(terms[j]));
    // The few best so far, best first (insertion into a short list: no sort of every term).
    const best: number[] = [];
    for (let i = 0; i < terms.length; i++) {
      if (best.length === this.opts.keyTerms && !before(i, best[best.length - 1])) continue;
      let at = best.length;
      while (at > 0 && before(i, best[at - 1])) at--;
      best.splice(at, 0, i);
      if (best.length > this.opts.keyTerms) best.pop();
    }
    return best.map((i) => terms[i]);
  }

  /** The word weights and match keys an article was indexed with (what a snapshot saves), or undefined. */
  entryOf(id: string): { vector: SparseVector; titleIds: Int32Array; keys: ArrayLike<number> } | undefined {
    const slot = this.slotOf.get(id);
    return slot < 0 ? undefined : { vector: this.vectors.vector(slot), titleIds: this.vectors.titleIds(slot), keys: this.vectors.keysOf(slot) };
  }

  /** Room for exactly n articles (a restore knows how many): no doubling's slack in the per-slot arrays. */
  reserve(n: number): void {
    this.slotOf.reserve(n);
    this.vectors.reserveExactly(n);
    if (this.times.length < n) this.times = exactFloat(this.times, n);
    if (this.seenAt.length < n) this.seenAt = exactInt(this.seenAt, n);
    if (this.outlets.length < n) this.outlets = exactInt(this.outlets, n);
  }

  /** The snapshot's packed weights, headlines and match keys, which `restore` then hands out by position (read in place). */
  adopt(packed: PackedVectors): void {
    this.vectors.adopt(packed);
  }

  /**
   * Indexes an article with the weights saved at position n of the adopted snapshot and compares it with nothing
   * (its matches are saved too). Its saved match keys spare choosing them again (a third of a restore's grouping time).
   */
  restore(article: StoryHeader, n: number): void {
    this.remove(article.id);
    const slot = this.place(article);
    this.vectors.restore(slot, n);
    for (const key of this.vectors.keysOf(slot)) this.post(key, slot);
  }

  /**
   * Each posting list cut to its length (a list grown by push keeps room for 16 more: 5 times the slots it holds,
   * at 100,000 restored articles). Called once a snapshot is restored; lists added to later grow as usual.
   */
  trimPostings(): void {
    for (const [key, posting] of this.postings) this.postings.set(key, posting.slice());
  }

  private post(key: number, slot: number): number[] {
    let posting = this.postings.get(key);
    if (!posting) this.postings.set(key, (posting = []));
    posting.push(slot);
    return posting;
  }

  /** Gives the article a slot (a removed article's, if any) and records its time and outlet. */
  private place(article: StoryHeader): number {
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ids[slot] = article.id;
    this.slotOf.set(article.id, slot);
    if (this.seenAt.length <= slot) this.seenAt = growTo(this.seenAt, slot + 1);
    if (this.times.length <= slot) this.times = growFloat(this.times, slot + 1);
    if (this.outlets.length <= slot) this.outlets = growTo(this.outlets, slot + 1);
    this.times[slot] = timeOf(article.date) ?? NaN;
    this.outlets[slot] = this.outletPool.numberOf(outletOf(article));
    return slot;
  }

  add(article: StoryArticle): string[] {
    this.remove(article.id);
    const { vector, titleIds } = this.vectorOf(article);
    const keys = this.keysOf(vector);
    const slot = this.place(article);
    this.vectors.set(slot, vector, titleIds, keys);
    const entry: Added = { time: timeOf(article.date), outlet: this.outlets[slot] };
    const stamp = ++this.addCount;
    this.seenAt[slot] = stamp;
    const matches: string[] = [];
    const dense = this.spread(vector);
    for (const key of keys) {
      const posting = this.postings.get(key) ?? [];
      // A key shared by this many articles tells stories apart no better than a stopword, and comparing
      // against all of them makes adding quadratic (10,000 look-alike files, words the model never saw).
      if (posting.length <= MAX_POSTING) {
        for (const other of posting) {
          if (this.seenAt[other] === stamp) continue;
          this.seenAt[other] = stamp;
          const needed = this.needed(entry, other);
          if (needed > 1 || this.vectors.dot(dense, other) < needed) continue;
          if (this.opts.titleMin > 0 && cosine(this.titleOf(slot), this.titleOf(other)) < this.opts.titleMin) continue;
          matches.push(this.ids[other]!);
        }
      }
      this.post(key, slot);
    }
    for (let k = 0; k < vector.terms.length; k++) dense[vector.terms[k]] = 0;
    return matches;
  }

  /** The cosine an added article and the one in `slot` must reach (Infinity beyond the window). */
  private needed(entry: Added, slot: number): number {
    const t = this.times[slot];
    const time = Number.isNaN(t) ? null : t;
    // Out together from one outlet (see `batchMs`): only a near-copy matches, as when a date is unknown.
    const batch =
      entry.time !== null &&
      time !== null &&
      Math.abs(entry.time - time) < this.opts.batchMs &&
      this.outletPool.values[entry.outlet] !== '' &&
      entry.outlet === this.outlets[slot];
    return batch ? requiredSimilarity(null, null, this.opts) : requiredSimilarity(entry.time, time, this.opts);
  }

  /** Writes the vector's weights into the dense scratch array (the caller zeroes them again). */
  private spread(vector: SparseVector): Float64Array {
    const size = this.model.vocabularySize;
    if (this.dense.length < size) this.dense = new Float64Array(Math.max(size, this.dense.length * 2));
    for (let k = 0; k < vector.terms.length; k++) this.dense[vector.terms[k]] = vector.weights[k];
    return this.dense;
  }

  remove(id: string): void {
    const slot = this.slotOf.delete(id);
    if (slot < 0) return;
    for (const key of this.vectors.keysOf(slot)) {
      const posting = this.postings.get(key)!;
      const at = posting.indexOf(slot);
      if (at >= 0) posting.splice(at, 1);
      if (posting.length === 0) this.postings.delete(key);
    }
    this.ids[slot] = null;
    this.titleVectors.delete(slot);
    this.vectors.drop(slot, this.slotOf.rows());
    this.freeSlots.push(slot);
  }
}

function growFloat(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

function growTo(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

function exactFloat(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  out.set(a);
  return out;
}

function exactInt(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(n);
  out.set(a);
  return out;
}
