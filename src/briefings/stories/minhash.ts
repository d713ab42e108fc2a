// Approach A: MinHash over word shingles of title + lede, with LSH banding for candidates.
// Candidates (pairs that agree on every row of at least one band) are confirmed by the exact Jaccard
// similarity of the two shingle sets, so the estimate's noise never decides a pair, only which pairs
// get looked at. Both steps depend on the two articles only: groups do not depend on arrival order.
import { StoryModel } from './model';
import { requiredSimilarity, timeOf, UNKNOWN_DAYS, type TimeRule } from './text';
import type { StoryArticle, StoryMatcher } from './types';

/** `threshold` is the Jaccard similarity of the shingle sets two articles published together must reach. */
export interface MinHashOptions extends Partial<TimeRule> {
  /** Words per shingle: 1 compares vocabularies (other outlets' wording), 2+ catches copies. */
  shingle?: number;
  bands?: number;
  rows?: number;
}

export const MINHASH_DEFAULTS: Required<MinHashOptions> = {
  shingle: 1,
  // 32 bands of 2 rows: a pair at J = 0.25 becomes a candidate with probability 1 - (1 - 0.25²)³² ≈ 0.87.
  bands: 32,
  rows: 2,
  threshold: 0.25,
  windowMs: 4 * 86_400_000,
  perDay: 0.05,
  unknownDays: UNKNOWN_DAYS,
};

interface Entry {
  shingles: Set<string>;
  keys: string[];
  time: number | null;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser): one seeded hash function per signature row. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function shinglesOf(a: StoryArticle, size: number, model: StoryModel = StoryModel.empty()): Set<string> {
  const { title, lede } = model.termsOf(a);
  const out = new Set<string>();
  for (const words of [title, lede]) {
    if (words.length < size) {
      if (words.length > 0) out.add(words.join(' '));
      continue;
    }
    for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  }
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export class MinHashMatcher implements StoryMatcher {
  readonly name: string;
  private readonly opts: Required<MinHashOptions>;
  private readonly seeds: number[];
  private readonly entries = new Map<string, Entry>();
  private readonly buckets = new Map<string, Set<string>>();

  constructor(
    options: MinHashOptions = {},
    /** Only its furniture is used: MinHash weighs every shingle alike. */
    private readonly model: StoryModel = StoryModel.empty(),
  ) {
    this.opts = { ...MINHASH_DEFAULTS, ...options };
    this.name = `minhash k=${this.opts.shingle} ${this.opts.bands}×${this.opts.rows} J≥${this.opts.threshold}+${this.opts.perDay}/day`;
    this.seeds = Array.from({ length: this.opts.bands * this.opts.rows }, (_, i) => mix(i + 1, 0x9e3779b9));
  }

  private bandKeys(shingles: Set<string>): string[] {
    if (shingles.size === 0) return [];
    const sig = new Uint32Array(this.seeds.length).fill(0xffffffff);
    for (const s of shingles) {
      const h = hashString(s);
      for (let i = 0; i < sig.length; i++) {
        const v = mix(h, this.seeds[i]);
        if (v < sig[i]) sig[i] = v;
      }
    }
    const keys: string[] = [];
    for (let b = 0; b < this.opts.bands; b++) {
      const rows = sig.subarray(b * this.opts.rows, (b + 1) * this.opts.rows);
      keys.push(`${b}:${rows.join(',')}`);
    }
    return keys;
  }

  add(article: StoryArticle): string[] {
    this.remove(article.id);
    const shingles = shinglesOf(article, this.opts.shingle, this.model);
    const entry: Entry = { shingles, keys: this.bandKeys(shingles), time: timeOf(article.date) };
    const candidates = new Set<string>();
    for (const key of entry.keys) {
      const bucket = this.buckets.get(key);
      if (bucket) for (const id of bucket) candidates.add(id);
      else this.buckets.set(key, new Set());
      this.buckets.get(key)!.add(article.id);
    }
    this.entries.set(article.id, entry);
    const matches: string[] = [];
    for (const id of candidates) {
      const other = this.entries.get(id)!;
      const needed = requiredSimilarity(entry.time, other.time, this.opts);
      if (needed <= 1 && jaccard(shingles, other.shingles) >= needed) matches.push(id);
    }
    return matches;
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const key of entry.keys) {
      const bucket = this.buckets.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.buckets.delete(key);
    }
    this.entries.delete(id);
  }
}
