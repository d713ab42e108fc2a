// Articles by their words: BM25F over title, standfirst, headings and body, with every query word
// widened into real terms (completion, typo correction) before it meets the posting lists.
import type { Article } from '../types';
import { FIELD_WEIGHT, packFields, TITLE_BOOST } from './bm25';
import { DocumentTable, type IndexedDoc } from './documents';
import type { Expander } from './expand';
import { DocumentFrequencies } from './frequencies';
import { GrowInt32 } from './growable';
import { Postings, PostingsBuilder, type PostingsSnapshot } from './postings';
import { queryWords } from './tokenize';
import { type DocTerms, TermCounter } from './term-counter';
import { Ranker, type Ranked, type RankTarget } from './rank';
import type { Vocabulary } from './vocabulary';

/** Per term of `t`, its body and title frequencies packed into one posting weight. */
function packedWeights(t: DocTerms): number[] {
  const title = new Map<number, number>();
  t.title.forEach((term, i) => title.set(term, t.titleCounts[i]));
  return t.terms.map((term, i) => packFields(t.weights[i], title.get(term) ?? 0));
}

function countArticle(counter: TermCounter, article: Article): DocTerms {
  counter.text(article.title, FIELD_WEIGHT.title, true);
  counter.text(article.standfirst, FIELD_WEIGHT.standfirst);
  for (const h of article.headings ?? []) counter.text(h, FIELD_WEIGHT.heading);
  for (const p of article.paragraphs ?? []) counter.text(p, FIELD_WEIGHT.body);
  return counter.finish();
}

export interface ArticleIndexSnapshot {
  ids: (string | null)[];
  lengths: Int32Array;
  titleLengths: Int32Array;
  df: Int32Array;
  body: PostingsSnapshot;
  titles: PostingsSnapshot;
}

export class ArticleIndex {
  private readonly counter: TermCounter;
  private readonly ranker: Ranker;
  private readonly df: DocumentFrequencies;
  /** Live articles per term in their titles (the lists keep removed ones until compaction). */
  private readonly titleDf: DocumentFrequencies;

  private constructor(
    readonly vocab: Vocabulary,
    readonly docs: DocumentTable,
    private readonly body: Postings,
    readonly titles: Postings,
    df: GrowInt32,
    readonly expander: Expander,
  ) {
    this.df = new DocumentFrequencies(body, df);
    this.titleDf = DocumentFrequencies.counted(titles, vocab.size);
    this.ranker = new Ranker(expander);
    this.counter = new TermCounter(vocab);
  }

  static build(articles: Article[], vocab: Vocabulary, expander: Expander): ArticleIndex {
    const builder = new ArticleIndexBuilder(vocab, expander, articles.length);
    for (const article of articles) builder.add(article);
    return builder.finish();
  }

  /** The index ArticleIndexBuilder laid out (its lists flat, as a restore has them). */
  static built(vocab: Vocabulary, docs: DocumentTable, body: Postings, titles: Postings, df: GrowInt32, expander: Expander): ArticleIndex {
    return new ArticleIndex(vocab, docs, body, titles, df, expander);
  }

  documentFrequency = (term: number): number => this.df.of(term);

  /** Indexes one more article and returns its number. */
  add(article: Article): number {
    if (this.docs.docOf(article.id) >= 0) this.remove(article.id);
    const doc = this.docs.open(article);
    const t = countArticle(this.counter, article);
    this.docs.setLength(doc, t.length, t.titleLength);
    const packed = packedWeights(t);
    for (let i = 0; i < t.terms.length; i++) {
      const term = t.terms[i];
      this.body.add(term, doc, packed[i]);
      this.df.add(term);
    }
    for (const term of t.title) {
      this.titles.add(term, doc, 1);
      this.titleDf.add(term);
    }
    this.maybeCompact();
    return doc;
  }

  /** Removes an article; returns its number (-1 when it is not indexed). */
  remove(articleId: string): number {
    const doc = this.docs.docOf(articleId);
    if (doc < 0) return -1;
    // The posting lists keep the dead number until compaction; a term's count drops when next asked for.
    this.df.remove(doc);
    this.titleDf.remove(doc);
    this.docs.close(doc);
    this.maybeCompact();
    return doc;
  }

  private maybeCompact(): void {
    const alive = (d: number) => this.docs.isAlive(d);
    if (this.body.needsCompaction()) {
      this.body.compact(this.vocab.size, alive);
      this.df.settle(this.vocab.size);
    }
    if (this.titles.needsCompaction()) {
      this.titles.compact(this.vocab.size, alive);
      this.titleDf.settle(this.vocab.size);
    }
    if (this.vocab.pendingCount() > 2000) this.vocab.seal();
  }

  /** Scores every live article holding a term of the query (BM25F, see rank.ts); `exhaustive`: without pruning. */
  query(text: string, k: number, exhaustive = false): Ranked {
    return this.ranker.rank(queryWords(text), this.target(), { k, exhaustive });
  }

  private target(): RankTarget {
    return {
      postings: this.body,
      documentFrequency: this.documentFrequency,
      alive: this.docs.alive,
      lengths: this.docs.lengths.data,
      liveCount: this.docs.liveCount,
      averageLength: this.docs.averageLength(),
      titles: {
        postings: this.titles,
        lengths: this.docs.titleLengths.data,
        average: this.docs.averageTitleLength(),
        boost: TITLE_BOOST,
        documentFrequency: this.titleDf.of,
      },
      capacity: this.docs.capacity,
    };
  }

  /** The terms among `candidates` that this document holds: what a snippet should show. */
  termsIn(doc: number, candidates: number[]): Set<string> {
    const out = new Set<string>();
    for (const t of candidates) if (this.body.has(t, doc)) out.add(this.vocab.term(t));
    return out;
  }

  /**
   * Document frequencies from the posting lists of live articles only: after a restore in which
   * some snapshot articles were not supplied, their counts cannot be taken back one by one.
   */
  private recount(): void {
    const alive = (d: number) => this.docs.isAlive(d);
    this.body.compact(this.vocab.size, alive);
    this.titles.compact(this.vocab.size, alive);
    this.df.settle(this.vocab.size);
    this.titleDf.settle(this.vocab.size);
  }

  toSnapshot(): ArticleIndexSnapshot {
    const docs = this.docs;
    const alive = docs.liveCount === docs.capacity ? null : (d: number) => docs.isAlive(d);
    this.vocab.seal();
    const body = this.body.toSnapshot(this.vocab.size, alive);
    const titles = this.titles.toSnapshot(this.vocab.size, alive);
    this.df.settle(this.vocab.size);
    this.titleDf.settle(this.vocab.size);
    return {
      ids: this.docs.ids(),
      lengths: this.docs.lengths.view().slice(),
      titleLengths: this.docs.titleLengths.view().slice(),
      df: this.df.view().slice(),
      body,
      titles,
    };
  }

  static fromSnapshot(
    s: ArticleIndexSnapshot,
    vocab: Vocabulary,
    expander: Expander,
    find: (id: string, doc: number) => IndexedDoc | undefined,
  ): ArticleIndex {
    const docs = DocumentTable.restore(s.ids, s.lengths, s.titleLengths, find);
    const index = new ArticleIndex(vocab, docs, Postings.fromSnapshot(s.body), Postings.fromSnapshot(s.titles), GrowInt32.from(s.df), expander);
    if (docs.liveCount < s.ids.filter((id) => id !== null).length) index.recount();
    return index;
  }
}

/**
 * Builds an ArticleIndex from articles handed over in any number of parts (a first load indexes each batch as it
 * is stored): the same index, byte for byte, as one build over all of them in the same order — the postings are
 * collected as triples and laid out once, at finish.
 */
export class ArticleIndexBuilder {
  private readonly docs = DocumentTable.empty();
  private readonly body: PostingsBuilder;
  private readonly titles: PostingsBuilder;
  private readonly df = new GrowInt32(1 << 16);
  private readonly counter: TermCounter;

  /** `expected`: how many articles are coming, if known (a good guess saves copying while the columns grow). */
  constructor(
    private readonly vocab: Vocabulary,
    private readonly expander: Expander,
    expected = 1024,
  ) {
    this.body = new PostingsBuilder(expected * 256);
    this.titles = new PostingsBuilder(expected * 12);
    this.counter = new TermCounter(vocab);
  }

  get table(): DocumentTable {
    return this.docs;
  }

  /** Indexes one more article (the first of each id; later ones with the same id are skipped, as in build). */
  add(article: Article): void {
    const docs = this.docs;
    if (docs.docOf(article.id) >= 0) return;
    const doc = docs.open(article);
    const t = countArticle(this.counter, article);
    docs.setLength(doc, t.length, t.titleLength);
    const packed = packedWeights(t);
    const df = this.df;
    for (let i = 0; i < t.terms.length; i++) {
      const term = t.terms[i];
      this.body.add(term, doc, packed[i]);
      df.ensure(term);
      df.data[term]++;
    }
    for (const term of t.title) this.titles.add(term, doc, 1);
  }

  /** `seal`: sort the new terms now; a caller that adds more terms (quotes) and seals after can leave it (same result, once). */
  finish(seal = true): ArticleIndex {
    const vocab = this.vocab;
    if (seal) vocab.seal();
    this.df.ensure(vocab.size - 1);
    const body = this.body.finish(vocab.size, true);
    const titles = this.titles.finish(vocab.size, false);
    return ArticleIndex.built(vocab, this.docs, body, titles, this.df, this.expander);
  }
}
