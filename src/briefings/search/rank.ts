// BM25 ranking of query words against one set of posting lists, shared by the article and quote
// indexes. Each query word is widened into real terms first (see expand.ts).
import { B, B_TITLE, idf, K1, saturate } from './bm25';

// Local copies: imported bindings are read through getters on every use once compiled to CommonJS.
const K1_VALUE = K1;
const B_VALUE = B;
const B_TITLE_VALUE = B_TITLE;
const saturateLocal = saturate;
import type { Expander } from './expand';
import type { Postings } from './postings';
import type { QueryWord } from './tokenize';
import { TopK } from './topk';

/** What ranking needs to know about the documents behind some posting lists. */
export interface RankTarget {
  postings: Postings;
  documentFrequency: (term: number) => number;
  /** 1 for a live document, 0 for a removed one. */
  alive: Uint8Array;
  lengths: Int32Array;
  liveCount: number;
  averageLength: number;
  capacity: number;
  /** Articles: the title as a field of its own (posting weights then pack the title frequency too). */
  titles?: { postings: Postings; lengths: Int32Array; average: number; boost: number };
}

export interface RankOptions {
  k: number;
  /** Only documents passing this are ranked (e.g. quotes of one speaker). */
  accept?: (doc: number) => boolean;
  /** Added to the score of every document that matched (e.g. how well its speaker matched). */
  bonus?: (doc: number) => number;
}

export interface Ranked {
  hits: { doc: number; score: number }[];
  /** Every term the query words were widened into. */
  expandedTerms: number[];
  /** How many documents matched at all. */
  total: number;
}

/**
 * The hot loop: one posting list into the per-document best scores. A small top-level function
 * with plain arguments, so the engine compiles it once and keeps it fast.
 */
function scanList(
  docs: Int32Array,
  weights: Uint8Array,
  start: number,
  end: number,
  weight: number,
  packed: boolean,
  alive: Uint8Array,
  lengths: Int32Array,
  avg: number,
  best: Float64Array,
  bestTitle: Float64Array,
  touched: number[],
  accept: ((doc: number) => boolean) | undefined,
): void {
  const k1 = K1_VALUE;
  const b = B_VALUE;
  const norm0 = k1 * (1 - b);
  const norm1 = (k1 * b) / avg;
  const lift = weight * (k1 + 1);
  for (let i = start; i < end; i++) {
    const doc = docs[i];
    if (alive[doc] === 0) continue;
    if (accept !== undefined && !accept(doc)) continue;
    // Article postings pack the title frequency in the top bits: the body is the low six.
    const tf = packed ? weights[i] & 63 : weights[i];
    if (tf === 0) continue;
    const v = (lift * tf) / (tf + norm0 + norm1 * lengths[doc]);
    if (best[doc] === 0 && bestTitle[doc] === 0) touched.push(doc);
    if (v > best[doc]) best[doc] = v;
  }
}

export class Ranker {
  private scores = new Float64Array(0);
  private best = new Float64Array(0);
  private bestTitle = new Float64Array(0);
  private covered = new Uint8Array(0);

  constructor(private readonly expander: Expander) {}

  private scratch(n: number): void {
    if (this.scores.length >= n) return;
    const size = Math.max(1024, n * 2);
    this.scores = new Float64Array(size);
    this.best = new Float64Array(size);
    this.bestTitle = new Float64Array(size);
    this.covered = new Uint8Array(size);
  }

  /**
   * A word scores the best of its terms in a document (a typo correction never adds to the word
   * itself), times one idf for the word: that of its most common term, so neither a rare
   * correction nor a crowd of look-alikes distorts the weight of what the user meant. With a title
   * field, the title is scored as its own BM25 field (own lengths, own idf) and added with a boost.
   * Documents holding more of the words rank above documents holding one word many times.
   */
  rank(words: QueryWord[], target: RankTarget, opts: RankOptions): Ranked {
    const expandedTerms: number[] = [];
    if (words.length === 0 || opts.k <= 0 || target.liveCount === 0) return { hits: [], expandedTerms, total: 0 };
    this.scratch(target.capacity);
    const { scores, best, bestTitle, covered } = this;
    const { alive, lengths, postings } = target;
    const avg = target.averageLength;
    const accept = opts.accept;
    const title = target.titles;
    const docs = postings.mainDocs();
    const weights = postings.mainWeights();
    const touched: number[] = [];
    const n = target.liveCount;

    // Each word: its terms and its idf per field.
    const plans = words
      .map((w) => {
        const expansions = this.expander.expand(w, target.documentFrequency, target.liveCount);
        let df = 0;
        let titleDf = 0;
        for (const e of expansions) {
          df = Math.max(df, target.documentFrequency(e.term));
          if (title) titleDf = Math.max(titleDf, title.postings.count(e.term));
          expandedTerms.push(e.term);
        }
        const wordIdf = idf(n, df);
        const titleIdf = title ? idf(n, titleDf) : 0;
        return { expansions, wordIdf, titleIdf };
      })
      .filter((p) => p.expansions.length > 0);

    for (const plan of plans) {
      const { expansions, wordIdf, titleIdf } = plan;
      const wordTouched: number[] = [];
      // Lists without weights and recently added postings; the flat weighted lists go through scanList.
      const k1 = K1_VALUE;
      const b = B_VALUE;
      const visit = (doc: number, weight: number, tf: number) => {
        if (alive[doc] === 0 || (accept && !accept(doc))) return;
        const bodyTf = title ? tf & 63 : tf;
        if (bodyTf === 0) return;
        const v = (weight * bodyTf * (k1 + 1)) / (bodyTf + k1 * (1 - b + (b * lengths[doc]) / avg));
        if (best[doc] === 0 && bestTitle[doc] === 0) wordTouched.push(doc);
        if (v > best[doc]) best[doc] = v;
      };
      for (const e of expansions) {
        const [start, end] = postings.range(e.term);
        const weight = e.weight;
        if (weights) scanList(docs, weights, start, end, weight, title !== undefined, alive, lengths, avg, best, bestTitle, wordTouched, accept);
        else for (let i = start; i < end; i++) visit(docs[i], weight, 1);
        const tail = postings.tailOf(e.term);
        if (tail) for (let i = 0; i < tail.length; i += 2) visit(tail[i], weight, tail[i + 1]);
        if (title) {
          title.postings.forEach(e.term, (doc) => {
            if (alive[doc] === 0 || (accept && !accept(doc))) return;
            const v = e.weight * saturateLocal(1, title.lengths[doc], title.average, B_TITLE_VALUE);
            if (best[doc] === 0 && bestTitle[doc] === 0) wordTouched.push(doc);
            if (v > bestTitle[doc]) bestTitle[doc] = v;
          });
        }
      }
      for (const doc of wordTouched) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += wordIdf * best[doc] + (title ? title.boost * titleIdf * bestTitle[doc] : 0);
        best[doc] = 0;
        bestTitle[doc] = 0;
        covered[doc]++;
      }
    }
    const top = new TopK(opts.k);
    for (const doc of touched) {
      const coverage = covered[doc] / words.length;
      top.offer(doc, scores[doc] * (0.5 + 0.5 * coverage) + (opts.bonus ? opts.bonus(doc) : 0));
      scores[doc] = 0;
      covered[doc] = 0;
    }
    return { hits: top.result().map(({ id, score }) => ({ doc: id, score })), expandedTerms, total: touched.length };
  }
}
