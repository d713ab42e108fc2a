// Quotes by their words (BM25 over an inverted index of quote words) and by speaker (speaker names
// split into words matched through the shared vocabulary; a fuse.js index over whole names as the
// fallback for what word matching cannot see).
import Fuse from 'fuse.js';
import { IdTable } from '../id-table';
import type { Article } from '../types';
import type { Expander } from './expand';
import { DocumentFrequencies } from './frequencies';
import { GrowInt32 } from './growable';
import { Postings, type PostingsSnapshot } from './postings';
import { Ranker, type RankTarget } from './rank';
import { SpeakerQuotes } from './speaker-quotes';
import { TermCounter } from './term-counter';
import { fold, forEachTerm, queryWords } from './tokenize';
import type { Vocabulary } from './vocabulary';

export interface QuoteRef {
  /** Article number in the document table. */
  doc: number;
  /** Index into that article's quotes. */
  index: number;
}

export interface SpeakerMatch {
  speaker: number;
  score: number;
}

export interface QuoteIndexSnapshot {
  quoteDocs: Int32Array;
  quoteIndexes: Int32Array;
  lengths: Int32Array;
  df: Int32Array;
  words: PostingsSnapshot;
  speakers: string[];
  quoteSpeakers: Int32Array;
  speakerWords: PostingsSnapshot;
}

const FUSE_SPEAKER_OPTIONS = { includeScore: true, threshold: 0.34, ignoreLocation: true, ignoreFieldNorm: true };

export class QuoteIndex {
  /** Per quote: its article number and position in article.quotes. */
  private readonly quoteDocs: GrowInt32;
  private readonly quoteIndexes: GrowInt32;
  /** Per quote: speaker number or -1 when unknown. */
  private readonly quoteSpeakers: GrowInt32;
  private alive = new Uint8Array(16);
  private liveCount = 0;
  private totalLength = 0;
  private readonly lengths: GrowInt32;
  private readonly df: DocumentFrequencies;
  private readonly words: Postings;
  /** Speaker names, their number in this list, and their live quotes. */
  private readonly speakers: string[];
  /** Made on the first new quote (a restore that only answers, as the CLI's, never needs it: issue 13). */
  private speakerIds: IdTable | null = null;
  private speakerQuotes = new SpeakerQuotes();
  private readonly speakerLive: GrowInt32 = new GrowInt32();
  /** Speaker-name words → speakers (term ids of the shared vocabulary). */
  private readonly speakerWords: Postings;
  private readonly speakerWordCount = new GrowInt32();
  /** fuse.js over whole speaker names, made on first need (it is only the fallback). */
  private speakerFuse: Fuse<string> | null = null;
  private readonly ranker: Ranker;
  private readonly counter: TermCounter;

  private constructor(
    private readonly vocab: Vocabulary,
    private readonly expander: Expander,
    init?: QuoteIndexSnapshot,
  ) {
    this.ranker = new Ranker(expander);
    this.counter = new TermCounter(vocab);
    this.quoteDocs = init ? GrowInt32.from(init.quoteDocs) : new GrowInt32();
    this.quoteIndexes = init ? GrowInt32.from(init.quoteIndexes) : new GrowInt32();
    this.quoteSpeakers = init ? GrowInt32.from(init.quoteSpeakers) : new GrowInt32();
    this.lengths = init ? GrowInt32.from(init.lengths) : new GrowInt32();
    this.words = init ? Postings.fromSnapshot(init.words) : Postings.empty(true);
    this.df = new DocumentFrequencies(this.words, init ? GrowInt32.from(init.df) : new GrowInt32());
    this.speakers = init ? init.speakers.slice() : [];
    this.speakerWords = init ? Postings.fromSnapshot(init.speakerWords) : Postings.empty(false);
    for (let id = 0; id < this.speakers.length; id++) this.speakerLive.push(0);
  }

  /** Speaker name → number, over every speaker so far. */
  private speakerTable(): IdTable {
    if (this.speakerIds) return this.speakerIds;
    const table = new IdTable((id) => this.speakers[id]);
    table.reserve(this.speakers.length);
    this.speakers.forEach((name, id) => table.set(name, id));
    return (this.speakerIds = table);
  }

  private fuzzyNames(): Fuse<string> {
    // fuse.js keeps (and appends to) the list it is given: hand it its own copy.
    this.speakerFuse ??= new Fuse(this.speakers.slice(), FUSE_SPEAKER_OPTIONS, Fuse.createIndex([], this.speakers));
    return this.speakerFuse;
  }

  static empty(vocab: Vocabulary, expander: Expander): QuoteIndex {
    return new QuoteIndex(vocab, expander);
  }

  private speakerOf(name: string): number {
    const table = this.speakerTable();
    let id = table.get(name);
    if (id >= 0) return id;
    id = this.speakers.length;
    this.speakers.push(name);
    table.set(name, id);
    this.speakerLive.push(0);
    this.speakerFuse?.add(name);
    const seen = new Set<number>();
    forEachTerm(name, (t) => {
      const term = this.vocab.intern(t);
      if (seen.has(term)) return;
      seen.add(term);
      this.speakerWords.add(term, id!, 1);
      this.speakerWordCount.ensure(term);
      this.speakerWordCount.data[term]++;
    });
    return id;
  }

  private ensureAlive(q: number): void {
    if (q < this.alive.length) return;
    const next = new Uint8Array(Math.max(16, q + 1, this.alive.length * 2));
    next.set(this.alive);
    this.alive = next;
  }

  /** Indexes the quotes of an article that has just been given number `doc`. */
  addArticle(doc: number, article: Article): void {
    (article.quotes ?? []).forEach((quote, index) => {
      if (!quote || typeof quote.text !== 'string') return;
      const q = this.quoteDocs.length;
      this.quoteDocs.push(doc);
      this.quoteIndexes.push(index);
      const speaker = quote.speaker ? this.speakerOf(quote.speaker) : -1;
      this.quoteSpeakers.push(speaker);
      this.ensureAlive(q);
      this.alive[q] = 1;
      this.liveCount++;
      this.counter.text(quote.text, 1);
      const counted = this.counter.finish();
      this.lengths.push(counted.length);
      this.totalLength += counted.length;
      for (let i = 0; i < counted.terms.length; i++) {
        const term = counted.terms[i];
        this.words.add(term, q, counted.weights[i]);
        this.df.add(term);
      }
      if (speaker >= 0) {
        this.speakerQuotes.add(speaker, q);
        this.speakerLive.data[speaker]++;
      }
    });
    if (this.words.needsCompaction()) this.compactWords();
  }

  /** Drops dead quotes from the word lists; their counts are then exact. */
  private compactWords(): void {
    this.words.compact(this.vocab.size, (q) => this.alive[q] === 1);
    this.df.settle(this.vocab.size);
  }

  /** Removes an article's quotes. Their text is not kept (issue 13): a term's count drops when next asked for. */
  removeArticle(doc: number): void {
    const live: number[] = [];
    for (let q = this.firstQuoteOf(doc); q < this.quoteDocs.length && this.quoteDocs.data[q] === doc; q++) if (this.alive[q]) live.push(q);
    if (live.length === 0) return;
    for (const q of live) {
      this.df.remove(q);
      this.alive[q] = 0;
      this.liveCount--;
      this.totalLength -= this.lengths.data[q];
      const speaker = this.quoteSpeakers.data[q];
      if (speaker >= 0) this.speakerLive.data[speaker]--;
    }
    if (this.words.needsCompaction()) this.compactWords();
  }

  /**
   * The first quote of article `doc` (or where it would be): quotes are numbered in the order articles
   * were, and article numbers only grow, so quoteDocs ascends and a binary search finds them.
   */
  private firstQuoteOf(doc: number): number {
    const docs = this.quoteDocs.data;
    let lo = 0;
    let hi = this.quoteDocs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Folds recently added postings into the flat lists (after a bulk build). */
  compact(): void {
    this.compactWords();
    this.speakerWords.compact(this.vocab.size, () => true);
    this.speakerQuotes.compact(this.speakers.length);
  }

  /** Speakers with at least one live quote. */
  speakerName(id: number): string {
    return this.speakers[id];
  }
  speakerQuoteCount(id: number): number {
    return this.speakerLive.data[id] ?? 0;
  }
  speakerCount(): number {
    return this.speakers.length;
  }
  /** Speaker numbers whose names hold `term`. */
  speakersWithWord(term: number, visit: (speaker: number) => boolean | void): void {
    this.speakerWords.forEach(term, (s) => visit(s));
  }
  speakerWordFrequency = (term: number): number => (term < this.speakerWordCount.length ? this.speakerWordCount.data[term] : 0);

  /**
   * Speakers whose names match `text`: every word of the query must match a word of the name
   * (as typed, completed, or corrected by fuse.js against the vocabulary); failing that, fuse.js
   * over the whole names. Best first.
   */
  matchSpeakers(text: string, limit = 50): SpeakerMatch[] {
    const words = queryWords(text, 6);
    if (words.length === 0) return [];
    const scores = new Map<number, { sum: number; words: number }>();
    for (const w of words) {
      const seenThisWord = new Map<number, number>();
      for (const e of this.expander.expand(w, this.speakerWordFrequency)) {
        this.speakerWords.forEach(e.term, (s) => {
          if ((seenThisWord.get(s) ?? 0) < e.weight) seenThisWord.set(s, e.weight);
        });
      }
      for (const [s, weight] of seenThisWord) {
        const cur = scores.get(s) ?? { sum: 0, words: 0 };
        cur.sum += weight;
        cur.words++;
        scores.set(s, cur);
      }
    }
    let out: SpeakerMatch[] = [];
    const folded = fold(text.trim());
    for (const [speaker, v] of scores) {
      if (v.words < words.length || this.speakerQuoteCount(speaker) === 0) continue;
      const exact = fold(this.speakers[speaker]) === folded ? 1 : 0;
      out.push({ speaker, score: v.sum / words.length + exact });
    }
    if (out.length === 0) {
      out = this.fuzzyNames()
        .search(text.slice(0, 64), { limit: limit * 2 })
        .filter((r) => this.speakerQuoteCount(r.refIndex) > 0)
        .map((r) => ({ speaker: r.refIndex, score: 1 - (r.score ?? 1) }));
    }
    out.sort((a, b) => b.score - a.score || this.speakerQuoteCount(b.speaker) - this.speakerQuoteCount(a.speaker));
    if (out.length === 0) return out;
    // Keep the close contenders only: "zelenski" is about Zelensky, not every Zelenska.
    const floor = out[0].score * 0.75;
    return out.filter((m) => m.score >= floor).slice(0, limit);
  }

  private target(): RankTarget {
    return {
      postings: this.words,
      documentFrequency: this.df.of,
      alive: this.alive,
      lengths: this.lengths.data,
      liveCount: this.liveCount,
      averageLength: this.liveCount > 0 ? Math.max(1, this.totalLength / this.liveCount) : 1,
      capacity: this.quoteDocs.length,
    };
  }

  /**
   * Quotes by words and/or speaker, best first. With only a speaker, the speaker's quotes in the
   * order `order` gives (newest first, by the caller's dates).
   */
  search(opts: { query?: string; speaker?: string; limit: number }, order: (a: QuoteRef, b: QuoteRef) => number): { ref: QuoteRef; score: number }[] {
    const query = typeof opts.query === 'string' ? opts.query : '';
    const speakerText = typeof opts.speaker === 'string' ? opts.speaker : '';
    const limit = opts.limit;
    const ref = (q: number): QuoteRef => ({ doc: this.quoteDocs.data[q], index: this.quoteIndexes.data[q] });
    let speakerScore: Map<number, number> | null = null;
    if (speakerText.trim()) {
      speakerScore = new Map();
      for (const m of this.matchSpeakers(speakerText)) speakerScore.set(m.speaker, m.score);
      if (speakerScore.size === 0) return [];
    }
    const words = queryWords(query);
    if (words.length > 0) {
      const accept = speakerScore ? (q: number) => speakerScore!.has(this.quoteSpeakers.data[q]) : undefined;
      const bonus = speakerScore ? (q: number) => speakerScore!.get(this.quoteSpeakers.data[q]) ?? 0 : undefined;
      const ranked = this.ranker.rank(words, this.target(), { k: limit, accept, bonus });
      return ranked.hits.map((h) => ({ ref: ref(h.doc), score: h.score }));
    }
    if (!speakerScore) return [];
    const found: { q: number; score: number }[] = [];
    for (const [speaker, score] of speakerScore) {
      this.speakerQuotes.forEach(speaker, (q) => {
        if (this.alive[q]) found.push({ q, score });
      });
    }
    found.sort((a, b) => b.score - a.score || order(ref(a.q), ref(b.q)));
    return found.slice(0, limit).map((f) => ({ ref: ref(f.q), score: f.score }));
  }

  toSnapshot(): QuoteIndexSnapshot {
    const alive = this.liveCount === this.quoteDocs.length ? null : (q: number) => this.alive[q] === 1;
    const words = this.words.toSnapshot(this.vocab.size, alive);
    this.df.settle(this.vocab.size);
    return {
      quoteDocs: this.quoteDocs.view().slice(),
      quoteIndexes: this.quoteIndexes.view().slice(),
      lengths: this.lengths.view().slice(),
      df: this.df.view().slice(),
      words,
      speakers: this.speakers.slice(),
      quoteSpeakers: this.quoteSpeakers.view().slice(),
      speakerWords: this.speakerWords.toSnapshot(this.vocab.size, null),
    };
  }

  /**
   * Restores from a snapshot. `docAlive` tells which article numbers came back; quotes of the
   * others are dropped (their word counts are recounted from the lists).
   */
  static fromSnapshot(s: QuoteIndexSnapshot, vocab: Vocabulary, expander: Expander, docAlive: (doc: number) => boolean): QuoteIndex {
    const index = new QuoteIndex(vocab, expander, s);
    const n = index.quoteDocs.length;
    index.ensureAlive(n);
    let lost = false;
    for (let q = 0; q < n; q++) {
      const doc = index.quoteDocs.data[q];
      if (!docAlive(doc)) {
        lost = true;
        continue;
      }
      index.alive[q] = 1;
      index.liveCount++;
      index.totalLength += index.lengths.data[q];
      const speaker = index.quoteSpeakers.data[q];
      if (speaker >= 0) index.speakerLive.data[speaker]++;
    }
    const speakerOf = (q: number) => index.quoteSpeakers.data[q];
    index.speakerQuotes = SpeakerQuotes.of(index.speakers.length, n, speakerOf, (q) => index.alive[q] === 1);
    index.recountSpeakerWords();
    if (lost) index.compactWords();
    return index;
  }

  private recountSpeakerWords(): void {
    for (let t = 0; t < this.vocab.size; t++) {
      const c = this.speakerWords.count(t);
      if (c === 0) continue;
      this.speakerWordCount.ensure(t);
      this.speakerWordCount.data[t] = c;
    }
  }
}
