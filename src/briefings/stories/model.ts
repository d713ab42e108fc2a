// What story matching learns from the articles at hand, once, and then keeps fixed: which lede
// paragraphs are a site's furniture (the same "Every weekday, the Investing Club releases..." dek on
// hundreds of pages, which would make them all look alike) and how rare each word is. Kept fixed so
// that whether two articles match depends on those two alone, never on the order they arrived in.
import { findFurniture, paragraphKey } from './furniture';
import { ledeParagraphs, titleOf, LEDE_WORDS } from './text';
import type { StoryArticle } from './types';
import { StoryVocabulary } from './vocabulary';

export { FURNITURE_MIN_ARTICLES, paragraphKey } from './furniture';

/** Enough characters for LEDE_WORDS words: the rest of the lede is never tokenised. */
const LEDE_CHARS = LEDE_WORDS * 14;

export interface StoryTerms {
  title: string[];
  lede: string[];
}

/** The same terms as word ids of the model's vocabulary (what the TF-IDF matcher works on). */
export interface StoryTermIds {
  title: Int32Array;
  lede: Int32Array;
}

export interface StoryModelSnapshot {
  furniture: number[];
  words: string[];
  df: Int32Array;
  docs: number;
}

export class StoryModel {
  /** Inverse document frequency by word id, for the words seen when fitted (worked out once). */
  private readonly idfs: Float64Array;
  private readonly unseenIdf: number;

  private constructor(
    /** Keys (paragraphKey) of the lede paragraphs that are a site's furniture. */
    private readonly furniture: ReadonlySet<number>,
    /** Word ids; new words met after fitting extend it (they weigh as the rarest). */
    private readonly vocab: StoryVocabulary,
    private readonly df: Int32Array,
    private readonly docs: number,
    /**
     * The articles fitted and their term ids, in order, handed out once when a matcher reads the same
     * articles in the same order (as buildStories does), then let go; anything else is worked out again.
     */
    private readonly fitted: { articles: (StoryArticle | undefined)[]; ids: (StoryTermIds | undefined)[]; next: number } = {
      articles: [],
      ids: [],
      next: 0,
    },
  ) {
    this.idfs = new Float64Array(df.length);
    for (let id = 0; id < df.length; id++) this.idfs[id] = Math.log((docs + 1) / (df[id] + 1)) + 1;
    this.unseenIdf = Math.log(docs + 1) + 1;
  }

  /** No furniture known, every word equally rare. */
  static empty(): StoryModel {
    return new StoryModel(new Set(), new StoryVocabulary(), new Int32Array(0), 0);
  }

  /** What a restart needs to go on with the same model: furniture keys, every word id's stem, the fitted counts. */
  toSnapshot(): StoryModelSnapshot {
    return { furniture: [...this.furniture], words: this.vocab.words.slice(), df: this.df.slice(), docs: this.docs };
  }

  /** The model a snapshot was taken of: the same word ids, weights and furniture. */
  static restore(s: StoryModelSnapshot): StoryModel {
    const vocab = new StoryVocabulary();
    for (const w of s.words) vocab.intern(w);
    return new StoryModel(new Set(s.furniture), vocab, s.df, s.docs);
  }

  static fit(articles: Iterable<StoryArticle>): StoryModel {
    const list = [...articles];
    const vocab = new StoryVocabulary();
    const partial = new StoryModel(findFurniture(list), vocab, new Int32Array(0), 0);
    // Document frequency: each article counts a word once (the last article to count it is remembered).
    let df = new Int32Array(1024);
    let lastSeen = new Int32Array(1024).fill(-1);
    for (let n = 0; n < list.length; n++) {
      const ids = partial.termIdsOf(list[n]);
      partial.fitted.ids.push(ids);
      const { title, lede } = ids;
      if (vocab.size > df.length) [df, lastSeen] = [grown(df, vocab.size, 0), grown(lastSeen, vocab.size, -1)];
      for (const part of [title, lede]) {
        for (let i = 0; i < part.length; i++) {
          const t = part[i];
          if (lastSeen[t] === n) continue;
          lastSeen[t] = n;
          df[t]++;
        }
      }
    }
    const fitted = { articles: list, ids: partial.fitted.ids, next: 0 };
    return new StoryModel(partial.furniture, vocab, df.subarray(0, vocab.size), list.length, fitted);
  }

  /** Title terms and lede terms (furniture left out), kept apart so a matcher can weigh the title more. */
  termsOf(a: StoryArticle): StoryTerms {
    const { title, lede } = this.termIdsOf(a);
    return { title: Array.from(title, (id) => this.word(id)), lede: Array.from(lede, (id) => this.word(id)) };
  }

  /** termsOf as word ids. */
  termIdsOf(a: StoryArticle): StoryTermIds {
    const f = this.fitted;
    const ids = f.articles[f.next] === a ? f.ids[f.next] : undefined;
    if (ids) {
      f.articles[f.next] = f.ids[f.next] = undefined;
      f.next++;
      return ids;
    }
    return { title: this.vocab.idsOf(titleOf(a)), lede: this.vocab.idsOf(this.ledeOf(a), LEDE_WORDS) };
  }

  /** The word behind an id. */
  word(id: number): string {
    return this.vocab.words[id];
  }

  /** How many word ids exist so far. */
  get vocabularySize(): number {
    return this.vocab.size;
  }

  /**
   * The lede without furniture and without repeats, cut once it holds enough characters for LEDE_WORDS
   * words. Feeds often give the opening paragraph again as the summary: counted twice, its words would
   * outweigh the headline's.
   */
  private ledeOf(a: StoryArticle): string {
    let lede = '';
    const paragraphs = ledeParagraphs(a);
    const kept: number[] = [];
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (lede.length >= LEDE_CHARS) break;
      const key = paragraphKey(p);
      if (key !== 0 && (this.furniture.has(key) || kept.includes(key))) continue;
      if (key === 0 && paragraphs.indexOf(p) < i) continue;
      if (key !== 0) kept.push(key);
      lede += (lede ? '\n' : '') + p.slice(0, LEDE_CHARS);
    }
    return lede.slice(0, LEDE_CHARS);
  }

  /** Smoothed inverse document frequency; a word unseen when fitted weighs as the rarest. */
  idf(term: string): number {
    const id = this.vocab.idOf(term);
    return id === undefined ? this.unseenIdf : this.idfOf(id);
  }

  idfOf(id: number): number {
    return id < this.idfs.length ? this.idfs[id] : this.unseenIdf;
  }
}

function grown(a: Int32Array, n: number, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.max(n, a.length * 2)).fill(fill);
  out.set(a);
  return out;
}
