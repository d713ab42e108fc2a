// The saved stories of a restart, read straight from the snapshot until something needs the whole grouping.
// A one-shot process (the CLI) asks for the stories of a few search hits or briefing picks and exits: restoring
// every article's word weights, match keys and member record for that was a fifth of a search's process at
// 10,121 articles (issue 13). Here a story is the connected part of the saved matches around one article, its
// members made as a full restore makes them; `restore` does the full restore when an article is added or removed.
import { storyOfMembers, type StoryIndex } from './groups';
import { StoryModel } from './model';
import { decode as decodeStories, restoreStoryHeaders } from './snapshot';
import { headerMember } from './text';
import { TfIdfMatcher } from './tfidf';
import type { Story, StoryHeader, StoryMember } from './types';

export interface DeferredStories {
  /** Whether the article's saved grouping applies (as restoreStoryHeaders' `has`): the caller adds the others. */
  has(id: string): boolean;
  /** The article's story as a full restore would answer it, or undefined when it has none. */
  storyOf(id: string): Story | undefined;
  /** The full restore (every article's weights and matches), for a library that changes. */
  restore(): StoryIndex;
}

/** The matcher a snapshot must have been made with (its name depends on the settings alone). */
const METHOD = new TfIdfMatcher(StoryModel.restore({ furniture: [], words: [], df: new Int32Array(0), docs: 0 })).name;

/**
 * The saved stories of the articles whose headers the caller vouches unchanged since the save, answered from the
 * snapshot as they are asked for. Null when restoreStoryHeaders would refuse the snapshot.
 */
export function deferStoryHeaders(data: unknown, unchanged: readonly StoryHeader[]): DeferredStories | null {
  let d: ReturnType<typeof decodeStories>;
  try {
    d = decodeStories(data);
  } catch {
    return null;
  }
  const { s, lengths, links } = d;
  if (s.method !== METHOD || !(s.model.df instanceof Int32Array)) return null;
  const current = new Map<string, StoryHeader>();
  for (const a of unchanged) if (a && typeof a.id === 'string') current.set(a.id, a);
  // Saved position of each restored article; a snapshot naming one of them twice is left to the full restore.
  const at = new Map<string, number>();
  let duplicated = false;
  s.ids.forEach((id, n) => {
    if (!current.has(id)) return;
    if (at.has(id)) duplicated = true;
    at.set(id, n);
  });
  let full: StoryIndex | null = null;
  const restore = (): StoryIndex => (full ??= restoreStoryHeaders(data, unchanged)!.index);
  let adjacency: Adjacency | null = null;
  const storyOf = (id: string): Story | undefined => {
    if (duplicated) return restore().storyOf(id);
    const start = at.get(id);
    if (start === undefined) return undefined;
    adjacency ??= adjacencyOf(links, s.ids.length);
    const restored = (n: number) => at.get(s.ids[n]) === n;
    const members: StoryMember[] = [];
    for (const n of adjacency.partOf(start, restored)) members.push(headerMember(current.get(s.ids[n])!, lengths[n]));
    return storyOfMembers(members);
  };
  return { has: (id) => at.has(id), storyOf, restore };
}

/** The saved matches as lists of neighbours by position (compressed rows: one offset array, one flat list). */
interface Adjacency {
  /** The positions connected to `start` through positions that are `restored` (start included). */
  partOf(start: number, restored: (n: number) => boolean): number[];
}

function adjacencyOf(links: Int32Array, count: number): Adjacency {
  const valid = (k: number) => links[k] >= 0 && links[k] < count && links[k + 1] >= 0 && links[k + 1] < count;
  const starts = new Int32Array(count + 1);
  for (let k = 0; k + 1 < links.length; k += 2) {
    if (!valid(k)) continue;
    starts[links[k] + 1]++;
    starts[links[k + 1] + 1]++;
  }
  for (let n = 0; n < count; n++) starts[n + 1] += starts[n];
  const next = starts.slice(0, count);
  const neighbours = new Int32Array(starts[count]);
  for (let k = 0; k + 1 < links.length; k += 2) {
    if (!valid(k)) continue;
    neighbours[next[links[k]]++] = links[k + 1];
    neighbours[next[links[k + 1]]++] = links[k];
  }
  return {
    partOf(start, restored) {
      const part = [start];
      const seen = new Set(part);
      for (let i = 0; i < part.length; i++) {
        for (let j = starts[part[i]]; j < starts[part[i] + 1]; j++) {
          const n = neighbours[j];
          if (seen.has(n) || !restored(n)) continue;
          seen.add(n);
          part.push(n);
        }
      }
      return part;
    },
  };
}
