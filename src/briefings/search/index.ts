// The search facade the library uses: articles, quotes and autocomplete over one shared vocabulary.
// fuse.js does the fuzzy matching on short strings (vocabulary terms, speaker names); BM25 over
// inverted indexes does the ranking. See docs in bench/results/search.md for the measurements.
import type { Article, QuoteHit, SearchHit, Suggestion, SuggestionKind } from '../types';
import { ArticleIndex } from './article-index';
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

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const MAX_OFFSET = 1000;

function count(value: unknown, fallback: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.max(0, Math.min(max, Math.floor(value)));
}

/** Articles the index can hold: an object with a string id and title (anything else is skipped). */
function indexable(a: unknown): a is Article {
  return typeof a === 'object' && a !== null && typeof (a as Article).id === 'string' && typeof (a as Article).title === 'string';
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
    this.titleNames = new SortedNames((doc) => this.articles.docs.articles[doc]?.title ?? '');
    this.speakerNames = new SortedNames((s) => this.quotes.speakerName(s));
  }

  static build(articles: Article[]): SearchIndex {
    const list = (Array.isArray(articles) ? articles : []).filter(indexable);
    const vocab = new Vocabulary();
    const expander = new Expander(vocab);
    const articleIndex = ArticleIndex.build(list, vocab, expander);
    const quotes = QuoteIndex.empty(vocab, expander);
    const fingerprints = new GrowInt32(articleIndex.docs.capacity);
    const docs = articleIndex.docs;
    for (let doc = 0; doc < docs.capacity; doc++) {
      const a = docs.articles[doc]!;
      quotes.addArticle(doc, a);
      fingerprints.push(fingerprint(a));
    }
    vocab.seal();
    // Quotes went in one by one (into per-term tails): lay them out flat, as a restore has them.
    quotes.compact();
    const index = new SearchIndex(vocab, articleIndex, quotes, fingerprints);
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

  remove(articleId: string): void {
    if (typeof articleId !== 'string') return;
    const doc = this.articles.docs.docOf(articleId);
    if (doc < 0) return;
    const article = this.articles.docs.articles[doc]!;
    this.quotes.removeArticle(doc, article);
    this.titleNames.delete(doc);
    this.articles.remove(articleId);
  }

  /** Articles for a query, best first: typo tolerant, the last word may be unfinished. */
  search(query: string, opts: { limit?: number; offset?: number } = {}): SearchHit[] {
    if (typeof query !== 'string' || !query.trim()) return [];
    const limit = count(opts?.limit, DEFAULT_LIMIT, MAX_LIMIT);
    const offset = count(opts?.offset, 0, MAX_OFFSET);
    if (limit === 0) return [];
    const ranked = this.articles.query(query, offset + limit);
    const typed = new Set(queryWords(query).map((w) => w.term));
    return ranked.hits.slice(offset).map(({ doc, score }) => {
      const a = this.articles.docs.articles[doc]!;
      return lazySnippet(
        { articleId: a.id, title: a.title, score },
        () => snippet(a, this.articles.termsIn(doc, ranked.expandedTerms), typed),
        a.date ?? null,
      );
    });
  }

  /** Quotes by their words and/or their speaker (both fuzzy); with a speaker only, newest first. */
  searchQuotes(opts: { query?: string; speaker?: string; limit?: number }): QuoteHit[] {
    const limit = count(opts?.limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (limit === 0) return [];
    const docs = this.articles.docs;
    const dateOf = (r: QuoteRef) => docs.articles[r.doc]?.date ?? '';
    const newestFirst = (a: QuoteRef, b: QuoteRef) => {
      const da = dateOf(a);
      const db = dateOf(b);
      return da < db ? 1 : da > db ? -1 : a.doc - b.doc || a.index - b.index;
    };
    const found = this.quotes.search({ query: opts?.query, speaker: opts?.speaker, limit }, newestFirst);
    const hits: QuoteHit[] = [];
    for (const { ref, score } of found) {
      const a = docs.articles[ref.doc];
      const q = a?.quotes[ref.index];
      if (!a || !q) continue;
      hits.push({ ...q, articleId: a.id, articleTitle: a.title, date: a.date ?? null, score });
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

  /** The snapshot as one binary blob (what the store keeps): restored by fromBinary with views, not decoding. */
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
  static fromJSON(data: unknown, articles: Article[]): SearchIndex {
    return SearchIndex.fromParts(decodeSnapshot(data), articles);
  }

  /** As fromJSON, from toBinary's bytes (which the restored index then reads in place: don't reuse them). */
  static fromBinary(bytes: Uint8Array, articles: Article[]): SearchIndex {
    return SearchIndex.fromParts(decodeBinary(bytes), articles);
  }

  private static fromParts(s: SnapshotParts, articles: Article[]): SearchIndex {
    const list = (Array.isArray(articles) ? articles : []).filter(indexable);
    const byId = new Map(list.map((a) => [a.id, a]));
    const vocab = Vocabulary.fromSnapshot(s.vocab);
    const expander = new Expander(vocab);
    // An article whose fingerprint changed is restored as removed, then indexed afresh below.
    const slot = new Map<string, number>();
    s.articles.ids.forEach((id, doc) => {
      if (id !== null) slot.set(id, doc);
    });
    const changed: Article[] = [];
    const find = (id: string) => {
      const a = byId.get(id);
      if (a && fingerprint(a) !== s.fingerprints[slot.get(id)!]) {
        changed.push(a);
        return undefined;
      }
      return a;
    };
    const articleIndex = ArticleIndex.fromSnapshot(s.articles, vocab, expander, find);
    const docs = articleIndex.docs;
    const quotes = QuoteIndex.fromSnapshot(s.quotes, vocab, expander, (doc) => docs.isAlive(doc));
    const index = new SearchIndex(vocab, articleIndex, quotes, GrowInt32.from(s.fingerprints));
    index.titleNames.restore(s.titleOrder.filter((doc) => docs.isAlive(doc)));
    index.knownSpeakers = quotes.speakerCount();
    index.speakerNames.restore(s.speakerOrder);
    for (const a of list) if (docs.docOf(a.id) < 0) index.add(a);
    return index;
  }
}
