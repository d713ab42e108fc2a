// The story grouping saved for a restart: the fitted model, each article's word weights and the matches found,
// in typed arrays (kept as binary beside the library record's JSON, library-snapshot.ts). Restoring takes none of the grouping's work (tokenising ledes, comparing
// articles); only articles new or changed since the snapshot are added, against the same model, as a running
// library adds them. A snapshot for other settings, or one that does not decode, is refused (null).
import { StoryIndex } from './groups';
import { StoryModel } from './model';
import { ledeParagraphs, titleOf } from './text';
import { TfIdfMatcher } from './tfidf';
import type { StoryArticle, StoryHeader } from './types';
import { narrowTermIds } from './vectors';

const FORMAT = 4;

export interface StorySnapshot {
  v: typeof FORMAT;
  method: string;
  model: { furniture: number[]; words: string[]; df: Int32Array; docs: number };
  ids: string[];
  /** Per article: storyKey at save time (a changed article is added again). */
  keys: Int32Array;
  /** Per article: characters of body text (which version leads a story), so a restore needs no text. */
  lengths: Int32Array;
  /** Per article, its vector's terms and weights, its headline's word ids: flat, with end offsets. */
  terms: Int32Array;
  weights: Float64Array;
  termEnds: Int32Array;
  titles: Int32Array;
  titleEnds: Int32Array;
  /** Per article, the terms it is found by (its match keys), flat with end offsets: a restore chooses none again. */
  matchKeys: Int32Array;
  matchKeyEnds: Int32Array;
  /** Matches as pairs of positions in `ids`. */
  links: Int32Array;
}

function int32s(s: unknown): Int32Array {
  if (!(s instanceof Int32Array)) throw new Error('not a story snapshot');
  return s;
}

function float64s(s: unknown): Float64Array {
  if (!(s instanceof Float64Array)) throw new Error('not a story snapshot');
  return s;
}

/** A hash of everything grouping reads from an article: equal keys, same place in the stories. */
export function storyKey(a: StoryArticle): number {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  };
  mix(titleOf(a));
  mix(a.date ?? '');
  mix(typeof a.url === 'string' ? a.url : '');
  mix(typeof a.source === 'string' ? a.source : '');
  for (const p of ledeParagraphs(a)) mix(p);
  let length = 0;
  for (const p of Array.isArray(a.paragraphs) ? a.paragraphs : []) if (typeof p === 'string') length += p.length;
  mix(String(length));
  return h | 0;
}

class Flat {
  values: number[] = [];
  ends: number[] = [];
  push(a: ArrayLike<number>): void {
    for (let i = 0; i < a.length; i++) this.values.push(a[i]);
    this.ends.push(this.values.length);
  }
}

/** The index's state, or null when its matcher is not the TF-IDF one (nothing else is saved) or an article is missing. */
export function saveStories(index: StoryIndex, byId: (id: string) => StoryHeader | undefined): StorySnapshot | null {
  const matcher = index.matcher;
  if (!(matcher instanceof TfIdfMatcher)) return null;
  const ids = [...index.ids()];
  const at = new Map(ids.map((id, n) => [id, n]));
  const keys = new Int32Array(ids.length);
  const lengths = new Int32Array(ids.length);
  const terms = new Flat();
  const titles = new Flat();
  const matchKeys = new Flat();
  const weights: number[] = [];
  const links: number[] = [];
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n];
    const article = byId(id);
    const entry = matcher.entryOf(id);
    // Out of step with the library (never expected): save no grouping rather than fail the index's save.
    if (!article || !entry) return null;
    // A header without text (a library that keeps none) restores by its own check of what changed.
    keys[n] = 'paragraphs' in article ? storyKey(article as StoryArticle) : 0;
    lengths[n] = index.member(id)?.length ?? 0;
    terms.push(entry.vector.terms);
    for (const w of entry.vector.weights) weights.push(w);
    titles.push(entry.titleIds);
    matchKeys.push(entry.keys);
    for (const other of index.linksOf(id)) if (at.get(other)! > n) links.push(n, at.get(other)!);
  }
  const m = matcher.model.toSnapshot();
  return {
    v: FORMAT,
    method: index.method,
    model: { furniture: m.furniture, words: m.words, df: m.df, docs: m.docs },
    ids,
    keys,
    lengths,
    terms: Int32Array.from(terms.values),
    weights: Float64Array.from(weights),
    termEnds: Int32Array.from(terms.ends),
    titles: Int32Array.from(titles.values),
    titleEnds: Int32Array.from(titles.ends),
    matchKeys: Int32Array.from(matchKeys.values),
    matchKeyEnds: Int32Array.from(matchKeys.ends),
    links: Int32Array.from(links),
  };
}

/** The snapshot checked, with its typed columns as they were saved. */
type Decoded = { s: StorySnapshot } & Pick<
  StorySnapshot,
  'keys' | 'lengths' | 'terms' | 'weights' | 'termEnds' | 'titles' | 'titleEnds' | 'matchKeys' | 'matchKeyEnds' | 'links'
>;

export function decode(data: unknown): Decoded {
  const s = data as StorySnapshot;
  if (!s || typeof s !== 'object' || s.v !== FORMAT || !Array.isArray(s.ids) || !s.model || !Array.isArray(s.model.words))
    throw new Error('not a story snapshot');
  const d = {
    s,
    keys: int32s(s.keys),
    lengths: int32s(s.lengths),
    terms: int32s(s.terms),
    weights: float64s(s.weights),
    termEnds: int32s(s.termEnds),
    titles: int32s(s.titles),
    titleEnds: int32s(s.titleEnds),
    matchKeys: int32s(s.matchKeys),
    matchKeyEnds: int32s(s.matchKeyEnds),
    links: int32s(s.links),
  };
  const n = s.ids.length;
  if (
    d.keys.length !== n ||
    d.lengths.length !== n ||
    d.termEnds.length !== n ||
    d.titleEnds.length !== n ||
    d.matchKeyEnds.length !== n ||
    d.weights.length !== d.terms.length
  )
    throw new Error('story snapshot does not add up');
  return d;
}

/**
 * The stories of `articles` from a snapshot: unchanged articles restored as saved, the rest added.
 * Null when the snapshot is not ours or was made with other settings (the caller groups afresh).
 */
export function restoreStories(data: unknown, articles: readonly StoryArticle[]): StoryIndex | null {
  const restored = restoreSaved(data, articles, (a, key) => storyKey(a) === key);
  if (!restored) return null;
  for (const a of articles) if (a && typeof a.id === 'string' && !restored.has(a.id)) restored.index.add(a);
  return restored.index;
}

/**
 * The saved stories of the articles whose headers the caller vouches unchanged since the save (a restart reads
 * no text); the caller adds the others. Null as for restoreStories.
 */
export function restoreStoryHeaders(data: unknown, unchanged: readonly StoryHeader[]): { index: StoryIndex; has(id: string): boolean } | null {
  return restoreSaved(data, unchanged, () => true);
}

function restoreSaved<T extends StoryHeader>(
  data: unknown,
  articles: readonly T[],
  same: (a: T, savedKey: number) => boolean,
): { index: StoryIndex; has(id: string): boolean } | null {
  let d: Decoded;
  try {
    d = decode(data);
  } catch {
    return null;
  }
  const { s } = d;
  const model = StoryModel.restore({ furniture: s.model.furniture, words: s.model.words, df: int32s(s.model.df), docs: s.model.docs });
  const matcher = new TfIdfMatcher(model);
  if (matcher.name !== s.method) return null;
  const index = new StoryIndex(matcher);
  const current = new Map<string, T>();
  for (const a of articles) if (a && typeof a.id === 'string') current.set(a.id, a);
  const restored = new Set<string>();
  // Only the typed columns: the parsed snapshot (its ids, its words) is let go once restored.
  const { terms, weights, termEnds, titles, titleEnds } = d;
  matcher.reserve(s.ids.length);
  matcher.adopt({ terms: narrowTermIds(terms), weights, termEnds, titles, titleEnds, keys: d.matchKeys, keyEnds: d.matchKeyEnds });
  s.ids.forEach((id, n) => {
    const a = current.get(id);
    if (!a || !same(a, d.keys[n])) return;
    matcher.restore(a, n);
    index.restoreMember(a, d.lengths[n]);
    restored.add(id);
  });
  matcher.trimPostings();
  for (let k = 0; k + 1 < d.links.length; k += 2) {
    const a = s.ids[d.links[k]];
    const b = s.ids[d.links[k + 1]];
    if (restored.has(a) && restored.has(b)) index.restoreLink(a, b);
  }
  return { index, has: (id) => restored.has(id) };
}
