// BM25 ranking of query words against one set of posting lists, shared by the article and quote
// indexes. Each query word is widened into real terms first (see expand.ts).
import { B, B_TITLE, idf, K1, saturate } from './bm25';

// Local copies: imported bindings are read through getters on every use once compiled to CommonJS.
const K1_VALUE = K1;
const B_VALUE = B;
const B_TITLE_VALUE = B_TITLE;
const saturateLocal = saturate;
import type { Expander } from './expand';
import type { Expansion } from './vocabulary';
import type { Postings } from './postings';
import type { QueryWord } from './tokenize';
import { scanList, scanTitles } from './scan';
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
  /** The title field: its own lists, lengths and (live) documents per term. */
  titles?: { postings: Postings; lengths: Int32Array; average: number; boost: number; documentFrequency: (term: number) => number };
}

export interface RankOptions {
  k: number;
  /** Only documents passing this are ranked (e.g. quotes of one speaker). */
  accept?: (doc: number) => boolean;
  /** Added to the score of every document that matched (e.g. how well its speaker matched). */
  bonus?: (doc: number) => number;
  /** Score every document that matched (no pruning): what pruned ranking must equal. */
  exhaustive?: boolean;
}

export interface Ranked {
  hits: { doc: number; score: number }[];
  /** Every term the query words were widened into. */
  expandedTerms: number[];
  /** How many documents matched at all. */
  total: number;
}

/** One query word, ready to score: its terms, its idf per field, and what scoring it costs and can add. */
interface Plan {
  expansions: Expansion[];
  wordIdf: number;
  titleIdf: number;
  /** Postings to read (body and title lists of every term). */
  cost: number;
  /** Most the word can add to any document's score (before the coverage factor). */
  bound: number;
  /** Most the word can add to a document whose title lacks all of its terms (bodies only). */
  bodyBound: number;
}

/** scoreRest's marks: a document kept for the words left, and one a title list of theirs names. */
const KEPT = 1;
const NAMED = 2;

/** Bounds are raised by this much so that adding the same numbers in another order can never exceed them. */
const SLACK = 1 + 1e-9;
/** Frequencies from posting weights: article bodies pack theirs in the low six bits; other weights are frequencies. */
const BODY_TF = 63;
const PLAIN_TF = 0xff;

/**
 * Which of the words left (in cost order) to read whole next: the cheapest one that may still bring in a new
 * document. Words whose body bounds, together and at their coverage, stay under `floor` cannot (max-score's
 * non-essential words): their bodies are read only for documents already met or named in their titles (title
 * lists are short: they are read whole at the end, see scoreRest). -1 when no word left can.
 */
function essential(rest: Plan[], floor: number, coverage: (c: number) => number): number {
  const byBound = rest.map((p, i) => i).sort((a, b) => rest[a].bodyBound - rest[b].bodyBound);
  let sum = 0;
  let skipped = 0;
  for (const i of byBound) {
    if ((sum + rest[i].bodyBound) * coverage(skipped + 1) >= floor) break;
    sum += rest[i].bodyBound;
    skipped++;
  }
  if (skipped === rest.length) return -1;
  const skip = new Set(byBound.slice(0, skipped));
  return rest.findIndex((_, i) => !skip.has(i));
}

export class Ranker {
  private scores = new Float64Array(0);
  private best = new Float64Array(0);
  private bestTitle = new Float64Array(0);
  private covered = new Uint8Array(0);
  private mark = new Uint8Array(0);
  /** One main list's documents, unpacked (see decoded). */
  private list = new Int32Array(1024);

  constructor(private readonly expander: Expander) {}

  /** The documents of [start, end) of `postings`' main lists, from index 0: valid until the next call. */
  private decoded(postings: Postings, start: number, end: number): Int32Array {
    if (this.list.length < end - start) this.list = new Int32Array(Math.max(end - start, this.list.length * 2));
    postings.decodeMain(start, end, this.list);
    return this.list;
  }

  private scratch(n: number): void {
    if (this.scores.length >= n) return;
    const size = Math.max(1024, n * 2);
    this.scores = new Float64Array(size);
    this.best = new Float64Array(size);
    this.bestTitle = new Float64Array(size);
    this.covered = new Uint8Array(size);
    this.mark = new Uint8Array(size);
  }

  private plan(words: QueryWord[], target: RankTarget, expandedTerms: number[]): Plan[] {
    const n = target.liveCount;
    const title = target.titles;
    const plans: Plan[] = [];
    for (const w of words) {
      const expansions = this.expander.expand(w, target.documentFrequency, target.liveCount);
      if (expansions.length === 0) continue;
      let df = 0;
      let titleDf = 0;
      let cost = 0;
      for (const e of expansions) {
        const termDf = target.documentFrequency(e.term);
        const termTitleDf = title ? title.documentFrequency(e.term) : 0;
        df = Math.max(df, termDf);
        titleDf = Math.max(titleDf, termTitleDf);
        cost += target.postings.count(e.term) + termTitleDf;
        expandedTerms.push(e.term);
      }
      const wordIdf = idf(n, df);
      const titleIdf = title ? idf(n, titleDf) : 0;
      plans.push({ expansions, wordIdf, titleIdf, cost, bound: Infinity, bodyBound: Infinity });
    }
    return plans;
  }

  /**
   * The most a word can add to one document's score: per field, the best of its terms at that term's
   * largest frequency in its shortest document (the same arithmetic as scoring, so the bound is exact).
   */
  private bound(plan: Plan, target: RankTarget): void {
    const title = target.titles;
    const norm0 = K1_VALUE * (1 - B_VALUE);
    const norm1 = (K1_VALUE * B_VALUE) / target.averageLength;
    let body = 0;
    let inTitle = 0;
    for (const e of plan.expansions) {
      const x = target.postings.extremes(e.term, target.lengths, title ? BODY_TF : PLAIN_TF);
      if (x.tf > 0) body = Math.max(body, (e.weight * (K1_VALUE + 1) * x.tf) / (x.tf + norm0 + norm1 * x.length));
      if (title && title.postings.count(e.term) > 0) {
        const t = title.postings.extremes(e.term, title.lengths, PLAIN_TF);
        inTitle = Math.max(inTitle, e.weight * saturateLocal(1, t.length, title.average, B_TITLE_VALUE));
      }
    }
    plan.bodyBound = plan.wordIdf * body * SLACK;
    plan.bound = (plan.wordIdf * body + (title ? title.boost * plan.titleIdf * inTitle : 0)) * SLACK;
  }

  /**
   * A word scores the best of its terms in a document (a typo correction never adds to the word
   * itself), times one idf for the word: that of its most common term, so neither a rare
   * correction nor a crowd of look-alikes distorts the weight of what the user meant. With a title
   * field, the title is scored as its own BM25 field (own lengths, own idf) and added with a boost.
   * Documents holding more of the words rank above documents holding one word many times.
   *
   * Words are read rarest first. Once the words left cannot lift a document they have not yet met above
   * the k-th best score already certain, the common words' long lists are read only for the documents
   * still in the running (max-score pruning: the same top k, far fewer documents scored).
   */
  rank(words: QueryWord[], target: RankTarget, opts: RankOptions): Ranked {
    const expandedTerms: number[] = [];
    if (words.length === 0 || opts.k <= 0 || target.liveCount === 0) return { hits: [], expandedTerms, total: 0 };
    this.scratch(target.capacity);
    const plans = this.plan(words, target, expandedTerms);
    // A bonus (quotes: how well the speaker matched) is outside the bounds: rank those without pruning.
    const prune = opts.bonus === undefined && !opts.exhaustive && plans.length > 1;
    if (prune) {
      plans.sort((a, b) => a.cost - b.cost);
      // Only the words that may be skipped need a bound: every word but the rarest.
      for (let i = 1; i < plans.length; i++) this.bound(plans[i], target);
    }
    const coverage = (c: number) => 0.5 + (0.5 * c) / words.length;
    let touched: number[] = [];
    const rest = plans.slice();
    while (rest.length > 0) {
      const floor = prune && touched.length > 0 ? this.floor(touched, opts.k, coverage) : -Infinity;
      const next = prune ? essential(rest, floor, coverage) : 0;
      if (next < 0) {
        touched = this.scoreRest(rest, target, touched, floor, coverage, opts.accept);
        break;
      }
      this.scoreWord(rest[next], target, opts.accept, touched);
      rest.splice(next, 1);
    }
    const { scores, covered } = this;
    const top = new TopK(opts.k);
    for (const doc of touched) {
      top.offer(doc, scores[doc] * coverage(covered[doc]) + (opts.bonus ? opts.bonus(doc) : 0));
      scores[doc] = 0;
      covered[doc] = 0;
    }
    return { hits: top.result().map(({ id, score }) => ({ doc: id, score })), expandedTerms, total: touched.length };
  }

  /** The k-th best score the documents met so far are sure to reach (their score can only grow). */
  private floor(touched: number[], k: number, coverage: (c: number) => number): number {
    if (touched.length < k) return -Infinity;
    const top = new TopK(k);
    for (const doc of touched) top.offer(doc, this.scores[doc] * coverage(this.covered[doc]));
    return top.floor;
  }

  /** Every document of the word's lists: best term per document and field, then added to the scores. */
  private scoreWord(plan: Plan, target: RankTarget, accept: ((doc: number) => boolean) | undefined, touched: number[]): void {
    const { best, bestTitle } = this;
    const { alive, lengths, postings } = target;
    const avg = target.averageLength;
    const title = target.titles;
    const weights = postings.mainWeights();
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
    for (const e of plan.expansions) {
      const [start, end] = postings.range(e.term);
      const docs = this.decoded(postings, start, end);
      const weight = e.weight;
      if (weights) scanList(docs, weights, start, end, weight, title !== undefined, alive, lengths, avg, best, bestTitle, wordTouched, accept);
      else for (let i = 0; i < end - start; i++) visit(docs[i], weight, 1);
      const tail = postings.tailOf(e.term);
      if (tail) for (let i = 0; i < tail.length; i += 2) visit(tail[i], weight, tail[i + 1]);
      if (title) {
        const titleVisit = (doc: number) => {
          if (alive[doc] === 0 || (accept && !accept(doc))) return;
          const v = e.weight * saturateLocal(1, title.lengths[doc], title.average, B_TITLE_VALUE);
          if (best[doc] === 0 && bestTitle[doc] === 0) wordTouched.push(doc);
          if (v > bestTitle[doc]) bestTitle[doc] = v;
        };
        const [from, to] = title.postings.range(e.term);
        const titleDocs = this.decoded(title.postings, from, to);
        if (accept === undefined) scanTitles(titleDocs, to - from, e.weight, alive, title.lengths, title.average, best, bestTitle, wordTouched);
        else for (let i = 0; i < to - from; i++) titleVisit(titleDocs[i]);
        const titleTail = title.postings.tailOf(e.term);
        if (titleTail) for (let i = 0; i < titleTail.length; i += 2) titleVisit(titleTail[i]);
      }
    }
    this.addWord(plan, wordTouched, title?.boost ?? 0, touched);
  }

  /** Folds one word's best values into the scores of the documents it touched. */
  private addWord(plan: Plan, wordTouched: number[], boost: number, touched: number[] | null): void {
    const { scores, best, bestTitle, covered } = this;
    for (const doc of wordTouched) {
      if (touched && scores[doc] === 0 && covered[doc] === 0) touched.push(doc);
      scores[doc] += plan.wordIdf * best[doc] + boost * plan.titleIdf * bestTitle[doc];
      best[doc] = 0;
      bestTitle[doc] = 0;
      covered[doc]++;
    }
  }

  /**
   * The remaining (common) words for the documents that can still reach `floor` only: the others are
   * dropped. A document can gain from these words' bodies at most their body bounds, and from their titles
   * what its own title gives (read whole here: title lists are short); one a title list names and not met yet
   * is a candidate too (essential() counted on that). A list is searched per document when there are few, read
   * through once otherwise.
   */
  private scoreRest(
    rest: Plan[],
    target: RankTarget,
    touched: number[],
    floor: number,
    coverage: (c: number) => number,
    accept: ((doc: number) => boolean) | undefined,
  ): number[] {
    const { scores, covered, mark, best: gain } = this;
    const bodyCeiling = rest.reduce((s, p) => s + p.bodyBound, 0);
    const named = this.titleNamed(rest, target, accept);
    const kept: number[] = [];
    const keep = (doc: number) => {
      if ((scores[doc] + bodyCeiling + gain[doc]) * coverage(covered[doc] + rest.length) >= floor) {
        kept.push(doc);
        mark[doc] = KEPT;
        return;
      }
      scores[doc] = 0;
      covered[doc] = 0;
      mark[doc] = 0;
    };
    for (const doc of touched) keep(doc);
    for (const doc of named) if (mark[doc] === NAMED) keep(doc);
    for (const doc of named) gain[doc] = 0;
    for (const plan of rest) this.scoreFor(plan, target, kept);
    for (const doc of kept) mark[doc] = 0;
    return kept;
  }

  /**
   * Marks NAMED, and returns, the live accepted documents in the title lists of `rest`'s terms, adding to `best`
   * what each word's title lists give them (its best term, as scoreFor will work it out, raised by SLACK).
   */
  private titleNamed(rest: Plan[], target: RankTarget, accept: ((doc: number) => boolean) | undefined): number[] {
    const title = target.titles;
    const named: number[] = [];
    if (!title) return named;
    const { mark, best: gain, bestTitle } = this;
    const { alive } = target;
    const wordDocs: number[] = [];
    for (const plan of rest) {
      for (const e of plan.expansions) {
        const note = (doc: number) => {
          if (alive[doc] === 0 || (accept && !accept(doc))) return;
          const v = e.weight * saturateLocal(1, title.lengths[doc], title.average, B_TITLE_VALUE);
          if (bestTitle[doc] === 0) wordDocs.push(doc);
          if (v > bestTitle[doc]) bestTitle[doc] = v;
        };
        const [from, to] = title.postings.range(e.term);
        const docs = this.decoded(title.postings, from, to);
        for (let i = 0; i < to - from; i++) note(docs[i]);
        const tail = title.postings.tailOf(e.term);
        if (tail) for (let i = 0; i < tail.length; i += 2) note(tail[i]);
      }
      for (const doc of wordDocs) {
        gain[doc] += title.boost * plan.titleIdf * bestTitle[doc] * SLACK;
        bestTitle[doc] = 0;
        if (mark[doc] === NAMED) continue;
        mark[doc] = NAMED;
        named.push(doc);
      }
      wordDocs.length = 0;
    }
    return named;
  }

  /** One word's best values for the marked documents `kept` (alive and accepted already). */
  private scoreFor(plan: Plan, target: RankTarget, kept: number[]): void {
    const { best, bestTitle, mark } = this;
    const { lengths, postings } = target;
    const title = target.titles;
    const avg = target.averageLength;
    const packed = title !== undefined;
    const wordTouched: number[] = [];
    const note = (doc: number, v: number, into: Float64Array) => {
      if (best[doc] === 0 && bestTitle[doc] === 0) wordTouched.push(doc);
      if (v > into[doc]) into[doc] = v;
    };
    // The same arithmetic as scanList, so a score does not depend on which path computed it.
    const norm0 = K1_VALUE * (1 - B_VALUE);
    const norm1 = (K1_VALUE * B_VALUE) / avg;
    const body = (doc: number, weight: number, tf: number) => {
      const bodyTf = packed ? tf & 63 : tf;
      if (bodyTf > 0) note(doc, (weight * (K1_VALUE + 1) * bodyTf) / (bodyTf + norm0 + norm1 * lengths[doc]), best);
    };
    for (const e of plan.expansions) {
      postings.visitSome(e.term, kept, mark, (doc, tf) => body(doc, e.weight, tf));
      if (title) {
        title.postings.visitSome(e.term, kept, mark, (doc) =>
          note(doc, e.weight * saturateLocal(1, title.lengths[doc], title.average, B_TITLE_VALUE), bestTitle),
        );
      }
    }
    this.addWord(plan, wordTouched, title?.boost ?? 0, null);
  }
}
