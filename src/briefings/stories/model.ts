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

export class StoryModel {
  private constructor(
    private readonly furniture: ReadonlySet<string>,
    private readonly df: ReadonlyMap<string, number>,
    private readonly docs: number,
    /** Terms already worked out, per article object (fitting and matching read the same articles). */
    private readonly memo = new WeakMap<StoryArticle, StoryTerms>(),
  ) {}

  /** No furniture known, every word equally rare. */
  static empty(): StoryModel {
    return new StoryModel(new Set(), new Map(), 0);
  }

  static fit(articles: Iterable<StoryArticle>): StoryModel {
    const seen = new Map<string, number>();
    const list: StoryArticle[] = [];
    for (const a of articles) {
      list.push(a);
      for (const key of new Set(ledeParagraphs(a).map(paragraphKey))) if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const furniture = new Set([...seen].filter(([, n]) => n >= FURNITURE_MIN_ARTICLES).map(([k]) => k));
    const partial = new StoryModel(furniture, new Map(), 0);
    const df = new Map<string, number>();
    for (const a of list) {
      const { title, lede } = partial.termsOf(a);
      for (const t of new Set([...title, ...lede])) df.set(t, (df.get(t) ?? 0) + 1);
    }
    return new StoryModel(furniture, df, list.length, partial.memo);
  }

  /** Title terms and lede terms (furniture left out), kept apart so a matcher can weigh the title more. */
  termsOf(a: StoryArticle): StoryTerms {
    let terms = this.memo.get(a);
    if (!terms) {
      terms = { title: storyTerms(titleOf(a)), lede: storyTerms(this.ledeOf(a), LEDE_WORDS) };
      this.memo.set(a, terms);
    }
    return terms;
  }

  /** The lede without furniture, cut once it holds enough characters for LEDE_WORDS words. */
  private ledeOf(a: StoryArticle): string {
    let lede = '';
    for (const p of ledeParagraphs(a)) {
      if (lede.length >= LEDE_CHARS) break;
      if (this.furniture.size > 0 && this.furniture.has(paragraphKey(p))) continue;
      lede += (lede ? '\n' : '') + p.slice(0, LEDE_CHARS);
    }
    return lede.slice(0, LEDE_CHARS);
  }

  /** Smoothed inverse document frequency; a word unseen when fitted weighs as the rarest. */
  idf(term: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }
}
