// What story matching learns from the articles at hand, once, and then keeps fixed: which lede
// paragraphs are a site's furniture (the same "Every weekday, the Investing Club releases..." dek on
// hundreds of pages, which would make them all look alike) and how rare each word is. Kept fixed so
// that whether two articles match depends on those two alone, never on the order they arrived in.
import { ledeParagraphs, storyTerms, titleOf, LEDE_WORDS } from './text';
import type { StoryArticle } from './types';

/** A lede paragraph seen in this many articles or more is furniture, not news. */
export const FURNITURE_MIN_ARTICLES = 3;

/** Longer paragraphs are taken to be news: furniture (credits, deks, sign-up prompts) is short. */
const FURNITURE_MAX_CHARS = 400;

/**
 * A paragraph's identity for spotting furniture: lower case, letters and digits only, so variants in
 * punctuation ("Homestretch; an" / "Homestretch, an") meet. Empty for paragraphs too long to be furniture.
 */
export function paragraphKey(p: string): string {
  if (p.length > FURNITURE_MAX_CHARS) return '';
  return p.toLowerCase().replace(NOT_WORD, ' ').trim().slice(0, 160);
}

// Everything but ASCII letters and digits, Latin-1 to Greek/Cyrillic/CJK letters; U+2000–U+2FFF (curly
// quotes, dashes, symbols) is punctuation. A plain character class: much faster than \p{L} here.
const NOT_WORD = /[^a-z0-9\u00c0-\u1fff\u3000-\uffff]+/g;

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

export class StoryModel {
  /** Inverse document frequency by word id, for the words seen when fitted (worked out once). */
  private readonly idfs: Float64Array;
  private readonly unseenIdf: number;

  private constructor(
    private readonly furniture: ReadonlySet<string>,
    /** Word → id and back. Ids are handed out as words are first met and never change; new words extend it. */
    private readonly vocab: Map<string, number>,
    private readonly words: string[],
    df: Int32Array,
    docs: number,
    /** Term ids already worked out, per article object (fitting and matching read the same articles). */
    private readonly memo = new WeakMap<StoryArticle, StoryTermIds>(),
    /** Lede paragraphs' furniture keys worked out while fitting, so the lede is not keyed twice. */
    private readonly keys = new WeakMap<StoryArticle, string[]>(),
  ) {
    this.idfs = new Float64Array(df.length);
    for (let id = 0; id < df.length; id++) this.idfs[id] = Math.log((docs + 1) / (df[id] + 1)) + 1;
    this.unseenIdf = Math.log(docs + 1) + 1;
  }

  /** No furniture known, every word equally rare. */
  static empty(): StoryModel {
    return new StoryModel(new Set(), new Map(), [], new Int32Array(0), 0);
  }

  static fit(articles: Iterable<StoryArticle>): StoryModel {
    const seen = new Map<string, number>();
    const list: StoryArticle[] = [];
    const keys = new WeakMap<StoryArticle, string[]>();
    for (const a of articles) {
      list.push(a);
      const mine = ledeParagraphs(a).map(paragraphKey);
      keys.set(a, mine);
      for (let i = 0; i < mine.length; i++) {
        const key = mine[i];
        if (key && mine.indexOf(key) === i) seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    const furniture = new Set([...seen].filter(([, n]) => n >= FURNITURE_MIN_ARTICLES).map(([k]) => k));
    const partial = new StoryModel(furniture, new Map(), [], new Int32Array(0), 0, new WeakMap(), keys);
    const ids = list.map((a) => partial.termIdsOf(a));
    // Document frequency: each article counts a word once (the last article to count it is remembered).
    const df = new Int32Array(partial.words.length);
    const lastSeen = new Int32Array(partial.words.length).fill(-1);
    ids.forEach(({ title, lede }, n) => {
      for (const part of [title, lede]) {
        for (const t of part) {
          if (lastSeen[t] === n) continue;
          lastSeen[t] = n;
          df[t]++;
        }
      }
    });
    return new StoryModel(furniture, partial.vocab, partial.words, df, list.length, partial.memo);
  }

  /** Title terms and lede terms (furniture left out), kept apart so a matcher can weigh the title more. */
  termsOf(a: StoryArticle): StoryTerms {
    const { title, lede } = this.termIdsOf(a);
    return { title: Array.from(title, (id) => this.words[id]), lede: Array.from(lede, (id) => this.words[id]) };
  }

  /** termsOf as word ids. */
  termIdsOf(a: StoryArticle): StoryTermIds {
    let ids = this.memo.get(a);
    if (!ids) {
      ids = { title: this.intern(storyTerms(titleOf(a))), lede: this.intern(storyTerms(this.ledeOf(a), LEDE_WORDS)) };
      this.memo.set(a, ids);
    }
    return ids;
  }

  private intern(terms: string[]): Int32Array {
    const out = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      let id = this.vocab.get(terms[i]);
      if (id === undefined) {
        this.vocab.set(terms[i], (id = this.words.length));
        this.words.push(terms[i]);
      }
      out[i] = id;
    }
    return out;
  }

  /** The word behind an id. */
  word(id: number): string {
    return this.words[id];
  }

  /** How many word ids exist so far. */
  get vocabularySize(): number {
    return this.words.length;
  }

  /** The lede without furniture, cut once it holds enough characters for LEDE_WORDS words. */
  private ledeOf(a: StoryArticle): string {
    let lede = '';
    const keys = this.keys.get(a);
    const paragraphs = ledeParagraphs(a);
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (lede.length >= LEDE_CHARS) break;
      if (this.furniture.size > 0 && this.furniture.has(keys?.[i] ?? paragraphKey(p))) continue;
      lede += (lede ? '\n' : '') + p.slice(0, LEDE_CHARS);
    }
    return lede.slice(0, LEDE_CHARS);
  }

  /** Smoothed inverse document frequency; a word unseen when fitted weighs as the rarest. */
  idf(term: string): number {
    const id = this.vocab.get(term);
    return id === undefined ? this.unseenIdf : this.idfOf(id);
  }

  idfOf(id: number): number {
    return id < this.idfs.length ? this.idfs[id] : this.unseenIdf;
  }
}
