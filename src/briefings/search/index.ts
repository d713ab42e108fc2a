// The search facade the library uses: articles, quotes and autocomplete over one shared vocabulary.
// fuse.js does the fuzzy matching on short strings (vocabulary terms, speaker names); BM25 over
// inverted indexes does the ranking. See docs in bench/results/search.md for the measurements.
import type { Article, QuoteHit, SearchHit, Suggestion, SuggestionKind } from '../types';
import { ArticleIndex, ArticleIndexBuilder } from './article-index';
import type { IndexedDoc } from './documents';
import { Expander } from './expand';
import { fingerprint } from './fingerprint';
import { GrowInt32 } from './growable';
import { QuoteIndex, type QuoteRef } from './quote-index';
import { snippet } from './snippet';
import { SortedNames } from './sorted-names';
import { queryWords } from './tokenize';
import { decodeBinary, encodeBinary } from './binary';
import { decodeSnapshot, encodeSnapshot, type SearchSnapshot, type SnapshotParts } from './snapshot';
import { clampLimit, suggestSpeakers, suggestTitles } from './suggest';
import { Vocabulary } from './vocabulary';

/** The article of an id, when the caller has its text at hand (the index keeps none). */
export type ArticleBodies = (articleId: string) => Article | undefined;

/** A quote found: its article and its place in that article's quotes. */
export interface QuoteRefHit {
  articleId: string;
  articleTitle: string;
  date: string | null;
  index: number;
  score: number;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const MAX_OFFSET = 1000;

function count(value: unknown, fallback: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(max, Math.floor(value)));
}

/** Articles the index can hold: an object with a string id and title (anything else is skipped). */
function indexable<T extends IndexedDoc>(a: T | null | undefined): a is T {
  return typeof a === 'object' && a !== null && typeof a.id === 'string' && typeof a.title === 'string';
}

/** A whole article, not a header: what can be indexed or checked against a snapshot's fingerprint. */
function hasText(a: Article | IndexedDoc): a is Article {
  return Array.isArray((a as Article).paragraphs);
}

/**
 * A hit whose snippet is cut when first read: the library asks for twice the hits it shows (story members
 * fold into one hit) and a snippet is the dearest part of a hit (a third of a search at 10k, issue 13).
 * Enumerable, so copies, JSON and equality checks see it like any other field.
 */
function lazySnippet(hit: Omit<SearchHit, 'snippet' | 'date'>, cut: () => string, date: string | null): SearchHit {
  let text: string | undefined;
  Object.defineProperty(hit, 'snippet', { enumerable: true, configurable: true, get: () => (text ??= cut()) });
  return Object.assign(hit as SearchHit, { date });
}

export class SearchIndex {
  private readonly titleNames: SortedNames;
  private readonly speakerNames: SortedNames;
  private knownSpeakers = 0;

  private constructor(
    private readonly vocab: Vocabulary,
    private readonly articles: ArticleIndex,
    private readonly quotes: QuoteIndex,
    private readonly fingerprints: GrowInt32,
  ) {
    this.titleNames = new SortedNames((doc) => this.articles.docs.title(doc));
    this.speakerNames = new SortedNames((s) => this.quotes.speakerName(s));
  }

  static build(articles: Article[]): SearchIndex {
    const list = Array.isArray(articles) ? articles : [];
    return new SearchIndexBuilder(list.length).add(list).finish();
  }

  /** What SearchIndexBuilder made: its parts, the names sorted once. */
  static assembled(vocab: Vocabulary, articles: ArticleIndex, quotes: QuoteIndex, fingerprints: GrowInt32): SearchIndex {
    const index = new SearchIndex(vocab, articles, quotes, fingerprints);
    index.resetNames();
    return index;
  }

  private resetNames(): void {
    const docs = this.articles.docs;
    const live: number[] = [];
    for (let doc = 0; doc < docs.capacity; doc++) if (docs.isAlive(doc)) live.push(doc);
    this.titleNames.reset(live);
    this.knownSpeakers = this.quotes.speakerCount();
    this.speakerNames.reset(Array.from({ length: this.knownSpeakers }, (_, i) => i));
  }

  private noteNewSpeakers(): void {
    for (; this.knownSpeakers < this.quotes.speakerCount(); this.knownSpeakers++) this.speakerNames.insert(this.knownSpeakers);
  }

  /** Adds (or replaces, by id) one article without rebuilding anything else. */
  add(article: Article): void {
    if (!indexable(article)) return;
    if (this.articles.docs.docOf(article.id) >= 0) this.remove(article.id);
    const doc = this.articles.add(article);
    this.quotes.addArticle(doc, article);
    this.fingerprints.ensure(doc);
    this.fingerprints.data[doc] = fingerprint(article);
    this.titleNames.insert(doc);
    this.noteNewSpeakers();
  }

  /** Whether the article is indexed (a restore leaves out the ones its caller must index from their text). */
  has(articleId: string): boolean {
    return typeof articleId === 'string' && this.articles.docs.docOf(articleId) >= 0;
  }

  /** Speakers by how many live quotes they have, most first (then by name): at most `limit`. */
  speakersByQuotes(limit: number): { name: string; quotes: number }[] {
    const out: { name: string; quotes: number }[] = [];
    for (let s = 0; s < this.quotes.speakerCount(); s++) {
      const quotes = this.quotes.speakerQuoteCount(s);
      if (quotes > 0) out.push({ name: this.quotes.speakerName(s), quotes });
    }
    return out.sort((x, y) => y.quotes - x.quotes || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)).slice(0, limit);
  }

  remove(articleId: string): void {
    if (typeof articleId !== 'string') return;
    const doc = this.articles.docs.docOf(articleId);
    if (doc < 0) return;
    this.quotes.removeArticle(doc);
    this.titleNames.delete(doc);
    this.articles.remove(articleId);
  }

  /**
   * Articles for a query, best first: typo tolerant, the last word may be unfinished. The index keeps no text:
   * a hit's snippet is cut, when first read, from the article `bodies` gives ('' when it gives none).
   */
  search(query: string, opts: { limit?: number; offset?: number } = {}, bodies?: ArticleBodies): SearchHit[] {
    if (typeof query !== 'string' || !query.trim()) return [];
    const limit = count(opts?.limit, DEFAULT_LIMIT, MAX_LIMIT);
    const offset = count(opts?.offset, 0, MAX_OFFSET);
    if (limit === 0) return [];
    const ranked = this.articles.query(query, offset + limit);
    const typed = new Set(queryWords(query).map((w) => w.term));
    return ranked.hits.slice(offset).map(({ doc, score }) => {
      const docs = this.articles.docs;
      const id = docs.id(doc)!;
      return lazySnippet(
        { articleId: id, title: docs.title(doc), score },
        () => {
          const body = bodies?.(id);
          return body ? snippet(body, this.articles.termsIn(doc, ranked.expandedTerms), typed) : '';
        },
        docs.date(doc),
      );
    });
  }

  /** Quotes by their words and/or their speaker (both fuzzy); with a speaker only, newest first. */
  searchQuotes(opts: { query?: string; speaker?: string; limit?: number }, bodies: ArticleBodies): QuoteHit[] {
    const hits: QuoteHit[] = [];
    for (const ref of this.quoteRefs(opts)) {
      const q = bodies(ref.articleId)?.quotes[ref.index];
      if (q) hits.push({ ...q, articleId: ref.articleId, articleTitle: ref.articleTitle, date: ref.date, score: ref.score });
    }
    return hits;
  }

  /** The quotes searchQuotes finds, as places in their articles (the index keeps no quote text). */
  quoteRefs(opts: { query?: string; speaker?: string; limit?: number }): QuoteRefHit[] {
    const limit = count(opts?.limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (limit === 0) return [];
    const docs = this.articles.docs;
    const dateOf = (r: QuoteRef) => docs.date(r.doc) ?? '';
    const newestFirst = (a: QuoteRef, b: QuoteRef) => {
      const da = dateOf(a);
      const db = dateOf(b);
      return da < db ? 1 : da > db ? -1 : a.doc - b.doc || a.index - b.index;
    };
    const found = this.quotes.search({ query: opts?.query, speaker: opts?.speaker, limit }, newestFirst);
    const hits: QuoteRefHit[] = [];
    for (const { ref, score } of found) {
      const id = docs.id(ref.doc);
      if (id !== null) hits.push({ articleId: id, articleTitle: docs.title(ref.doc), date: docs.date(ref.doc), index: ref.index, score });
    }
    return hits;
  }

  /** Autocomplete suggestions: at most `limit` (default DEFAULT_SUGGESTIONS), labels on one line. */
  suggest(kind: SuggestionKind, prefix: string, limit?: number): Suggestion[] {
    if (typeof prefix !== 'string') return [];
    const n = clampLimit(limit);
    if (kind === 'title') return suggestTitles(this.articles, this.titleNames, prefix, n);
    if (kind === 'speaker') return suggestSpeakers(this.articles, this.quotes, this.speakerNames, prefix, n);
    return [];
  }

  /** A JSON-safe snapshot of the built index; restore it with fromJSON and the same articles. */
  toJSON(): SearchSnapshot {
    return encodeSnapshot(this.parts());
  }

  /** The snapshot as one binary blob (what the store keeps): restored by fromBinary by copying columns, not decoding. */
  toBinary(): Uint8Array {
    return encodeBinary(this.parts());
  }

  private parts(): SnapshotParts {
    const docs = this.articles.docs;
    return {
      vocab: this.vocab.toSnapshot(),
      articles: this.articles.toSnapshot(),
      quotes: this.quotes.toSnapshot(),
      fingerprints: this.fingerprints.view().slice(0, docs.capacity),
      titleOrder: this.titleNames.snapshot(),
      speakerOrder: this.speakerNames.snapshot(),
    };
  }

  /**
   * Restores a snapshot without re-reading the articles' text. Articles are matched by id: ones the
   * snapshot has but `articles` lacks are dropped; new or changed ones (by a cheap fingerprint) are
   * indexed incrementally. Throws on a snapshot that is not one of ours, so callers can rebuild.
   */
  static fromJSON(data: unknown, articles: (Article | IndexedDoc)[]): SearchIndex {
    return SearchIndex.fromParts(decodeSnapshot(data), articles);
  }

  /**
   * As fromJSON, from toBinary's bytes. The index keeps its own copy of the columns, so the bytes can be let go;
   * `inPlace` reads them where they lie instead (a one-shot process: the copies cost time and free nothing).
   */
  static fromBinary(bytes: Uint8Array, articles: (Article | IndexedDoc)[], inPlace = false): SearchIndex {
    return SearchIndex.fromParts(decodeBinary(bytes, inPlace), articles);
  }

  private static fromParts(s: SnapshotParts, articles: (Article | IndexedDoc)[]): SearchIndex {
    const list = (Array.isArray(articles) ? articles : []).filter(indexable);
    const byId = new Map(list.map((a) => [a.id, a]));
    const vocab = Vocabulary.fromSnapshot(s.vocab);
    const expander = new Expander(vocab);
    // An article whose fingerprint changed is restored as removed, then indexed afresh below.
    const find = (id: string, doc: number) => {
      const a = byId.get(id);
      // Only a whole article can be checked; a header (id, title, date) is one its caller knows unchanged.
      if (a && hasText(a) && fingerprint(a) !== s.fingerprints[doc]) return undefined;
      return a;
    };
    const articleIndex = ArticleIndex.fromSnapshot(s.articles, vocab, expander, find);
    const docs = articleIndex.docs;
    const quotes = QuoteIndex.fromSnapshot(s.quotes, vocab, expander, (doc) => docs.isAlive(doc));
    const index = new SearchIndex(vocab, articleIndex, quotes, GrowInt32.from(s.fingerprints));
    index.titleNames.restore(s.titleOrder.filter((doc) => docs.isAlive(doc)));
    index.knownSpeakers = quotes.speakerCount();
    index.speakerNames.restore(s.speakerOrder);
    // Text first: a restore from headers (the CLI's) has none, and then 10,000 id lookups were for nothing (issue 13).
    for (const a of list) if (hasText(a) && docs.docOf(a.id) < 0) index.add(a);
    return index;
  }
}

/**
 * SearchIndex.build in parts: articles handed over batch by batch as they are stored (a first load indexes
 * while the workers analyse), the same index — byte for byte, as toBinary shows — as one build over all of them
 * in the same order. Each article's words are counted when it is added; its quotes (whose new words must come
 * after every article's, as in build) and the flat layout wait for finish.
 */
export class SearchIndexBuilder {
  private readonly vocab = new Vocabulary();
  private readonly expander = new Expander(this.vocab);
  private readonly articles: ArticleIndexBuilder;
  /** The first article of each id, in order: their quotes and fingerprints are taken at finish. */
  private readonly kept: Article[] = [];
  private done = false;

  constructor(expected?: number) {
    this.articles = new ArticleIndexBuilder(this.vocab, this.expander, expected);
  }

  /** Indexes these articles' words (anything that is not an article with a string id and title is skipped). */
  add(articles: readonly Article[]): this {
    if (this.done) throw new Error('SearchIndexBuilder: add after finish');
    const table = this.articles.table;
    for (const a of articles) {
      if (!indexable(a) || table.docOf(a.id) >= 0) continue;
      this.articles.add(a);
      this.kept.push(a);
    }
    return this;
  }

  finish(): SearchIndex {
    if (this.done) throw new Error('SearchIndexBuilder: finish twice');
    this.done = true;
    // The vocabulary is sealed once, below, after the quotes' words: sealing twice made the letter-pair table twice.
    const articleIndex = this.articles.finish(false);
    const vocab = this.vocab;
    const quotes = QuoteIndex.empty(vocab, this.expander);
    const fingerprints = new GrowInt32(articleIndex.docs.capacity);
    // kept[doc] is the article of number doc: the table numbers them in the order they were added.
    for (let doc = 0; doc < this.kept.length; doc++) {
      const a = this.kept[doc];
      quotes.addArticle(doc, a);
      fingerprints.push(fingerprint(a));
    }
    this.kept.length = 0;
    vocab.seal();
    // Quotes went in one by one (into per-term tails): lay them out flat, as a restore has them.
    quotes.compact();
    return SearchIndex.assembled(vocab, articleIndex, quotes, fingerprints);
  }
}
