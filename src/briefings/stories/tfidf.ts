// Approach B: TF-IDF cosine over title + lede, within a time window. Each article is indexed under
// its few heaviest terms; two articles are compared when they share one of those, and match when
// the cosine of their vectors reaches the threshold. Word weights come from a fixed StoryModel.
import { StoryModel } from './model';
import { PER_DAY, requiredSimilarity, timeOf, UNKNOWN_DAYS, type TimeRule } from './text';
import type { StoryArticle, StoryMatcher } from './types';

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
}

export const TFIDF_DEFAULTS: Required<TfIdfOptions> = {
  threshold: 0.4,
  titleWeight: 2,
  titleMin: 0.25,
  keyTerms: 5,
  windowMs: 4 * 86_400_000,
  perDay: PER_DAY,
  unknownDays: UNKNOWN_DAYS,
};

/**
 * Articles compared through one key term at most. The corpus's longest list is 112 articles; past this a
 * key no longer finds candidates (its other keys still do), so only look-alike floods are affected.
 */
export const MAX_POSTING = 256;

/** A unit-length sparse vector: term ids ascending, with their weights. */
interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

interface Entry {
  id: string;
  vector: SparseVector;
  /** The headline's own vector, for the headline gate. */
  title: SparseVector;
  keys: number[];
  time: number | null;
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
  /** Articles by slot; a removed article's slot is reused. */
  private readonly entries: (Entry | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  /** Key term id → slots of the articles indexed under it. */
  private readonly postings = new Map<number, Set<number>>();
  /** Per slot, the last add that saw it as a candidate: dedupes candidates without a Set. */
  private seenAt = new Int32Array(64);
  private addCount = 0;
  /** Scratch space for term frequencies by word id, and the ids touched (no Map per article). */
  private tf = new Float64Array(1024);

  constructor(
    private readonly model: StoryModel,
    options: TfIdfOptions = {},
  ) {
    this.opts = { ...TFIDF_DEFAULTS, ...options };
    this.name = `tf-idf cos≥${this.opts.threshold}+${this.opts.perDay}/day`;
  }

  /** Unit-length vector: (1 + log tf) × idf, title words counted `titleWeight` times. */
  private vectorOf(a: StoryArticle): SparseVector {
    const { title, lede } = this.model.termIdsOf(a);
    return this.weigh([title, lede], [this.opts.titleWeight, 1]);
  }

  private titleVectorOf(a: StoryArticle): SparseVector {
    return this.weigh([this.model.termIdsOf(a).title], [1]);
  }

  /** Counts the parts' words (each part with its weight) and turns the counts into a unit vector. */
  private weigh(parts: Int32Array[], counts: number[]): SparseVector {
    if (this.tf.length < this.model.vocabularySize) this.tf = new Float64Array(Math.max(this.model.vocabularySize, this.tf.length * 2));
    const tf = this.tf;
    const touched: number[] = [];
    parts.forEach((part, p) => {
      for (const id of part) {
        if (tf[id] === 0) touched.push(id);
        tf[id] += counts[p];
      }
    });
    const ids = Int32Array.from(touched).sort();
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
    return cosine(this.vectorOf(a), this.vectorOf(b));
  }

  /** The heaviest terms; ties by the term itself (not its id, which depends on arrival order). */
  private keysOf(vector: SparseVector): number[] {
    const name = (i: number): string => this.model.word(vector.terms[i]);
    const order = Array.from(vector.terms.keys()).sort(
      (x, y) => vector.weights[y] - vector.weights[x] || (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0),
    );
    return order.slice(0, this.opts.keyTerms).map((i) => vector.terms[i]);
  }

  add(article: StoryArticle): string[] {
    this.remove(article.id);
    const vector = this.vectorOf(article);
    const title = this.titleVectorOf(article);
    const entry: Entry = { id: article.id, vector, title, keys: this.keysOf(vector), time: timeOf(article.date) };
    const slot = this.freeSlots.pop() ?? this.entries.length;
    this.entries[slot] = entry;
    this.slotOf.set(article.id, slot);
    if (this.seenAt.length <= slot) this.seenAt = growTo(this.seenAt, slot + 1);
    const stamp = ++this.addCount;
    this.seenAt[slot] = stamp;
    const matches: string[] = [];
    for (const key of entry.keys) {
      let posting = this.postings.get(key);
      if (!posting) this.postings.set(key, (posting = new Set()));
      // A key shared by this many articles tells stories apart no better than a stopword, and comparing
      // against all of them makes adding quadratic (10,000 look-alike files, words the model never saw).
      if (posting.size > MAX_POSTING) {
        posting.add(slot);
        continue;
      }
      for (const other of posting) {
        if (this.seenAt[other] === stamp) continue;
        this.seenAt[other] = stamp;
        const o = this.entries[other]!;
        const needed = requiredSimilarity(entry.time, o.time, this.opts);
        if (needed > 1 || cosine(vector, o.vector) < needed) continue;
        if (this.opts.titleMin > 0 && cosine(title, o.title) < this.opts.titleMin) continue;
        matches.push(o.id);
      }
      posting.add(slot);
    }
    return matches;
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const key of this.entries[slot]!.keys) {
      const posting = this.postings.get(key)!;
      posting.delete(slot);
      if (posting.size === 0) this.postings.delete(key);
    }
    this.entries[slot] = null;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
  }
}

function growTo(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}
