// A site's furniture: lede paragraphs (credits, deks, sign-up prompts) that the same site repeats on many
// pages. They say nothing about the story, and left in they make hundreds of unrelated pages look alike.
import { ledeParagraphs } from './text';
import type { StoryArticle } from './types';

/** A lede paragraph seen in this many articles or more is furniture, not news. */
export const FURNITURE_MIN_ARTICLES = 3;

/** Longer paragraphs are taken to be news: furniture is short. */
const FURNITURE_MAX_CHARS = 400;

/** Characters of the normalised paragraph that decide its identity. */
const KEY_CHARS = 160;

/**
 * A paragraph's identity for spotting furniture: a 53-bit hash of its first 160 characters in lower case,
 * letters and digits only, every run of anything else one space, so variants in punctuation
 * ("Homestretch; an" / "Homestretch, an") meet. 0 for paragraphs too long to be furniture, or empty.
 * Hashed as it is read: building the normalised string of every lede paragraph cost more than matching.
 */
export function paragraphKey(p: string): number {
  if (p.length > FURNITURE_MAX_CHARS) return 0;
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  let len = 0;
  let gap = false;
  for (let i = 0; i < p.length && len < KEY_CHARS; i++) {
    const c = lower(p.charCodeAt(i));
    if (!isKeyChar(c)) {
      gap = len > 0;
      continue;
    }
    if (gap) {
      h1 = Math.imul(h1 ^ 32, 0x01000193);
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
      gap = false;
      if (++len === KEY_CHARS) break;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    len++;
  }
  if (len === 0) return 0;
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11) + 1;
}

/** Lower case of one UTF-16 unit beyond ASCII, worked out once per unit (0: not yet known). */
const LOWER = new Uint16Array(0x10000);

/** One unit in lower case: only the paragraph's first characters are read, so the paragraph is not copied. */
function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = LOWER[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    LOWER[c] = l = s.length === 1 ? s.charCodeAt(0) : c;
  }
  return l;
}

/** ASCII letters and digits, Latin-1 to Greek/Cyrillic/CJK letters; U+2000–U+2FFF (quotes, dashes) is punctuation. */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x1fff) || c >= 0x3000;
}

/** The lede paragraphs that FURNITURE_MIN_ARTICLES or more of these articles share. */
export function findFurniture(articles: readonly StoryArticle[]): ReadonlySet<number> {
  const seen = new KeyCounter();
  for (const a of articles) {
    const mine = ledeParagraphs(a).map(paragraphKey);
    for (let i = 0; i < mine.length; i++) {
      const key = mine[i];
      if (key !== 0 && mine.indexOf(key) === i) seen.count(key);
    }
  }
  return seen.atLeast(FURNITURE_MIN_ARTICLES);
}

/**
 * Counts keys in typed arrays (open addressing): a Map keyed by 53-bit numbers boxes every key, and
 * counting the paragraphs of 10,000 articles was the slowest step of finding furniture.
 */
class KeyCounter {
  private keys = new Float64Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private size = 0;

  count(key: number): void {
    const at = this.slot(key);
    if (this.counts[at] === 0) {
      this.keys[at] = key;
      if (++this.size * 2 > this.keys.length) {
        this.counts[at] = 1;
        this.grow();
        return;
      }
    }
    this.counts[at]++;
  }

  atLeast(n: number): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < this.keys.length; i++) if (this.counts[i] >= n) out.add(this.keys[i]);
    return out;
  }

  /** The key's slot, or the empty slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (key % 0x7fffffff) & mask;
    while (this.counts[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const [keys, counts] = [this.keys, this.counts];
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] === 0) continue;
      const at = this.slot(keys[i]);
      this.keys[at] = keys[i];
      this.counts[at] = counts[i];
    }
  }
}
