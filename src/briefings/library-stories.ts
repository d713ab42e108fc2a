// The library's stories: a StoryIndex kept in step with the library's articles, and the two ways the
// library shows them: one briefing item per story, one search hit per story, each with "also reported by".
// Story ids change when stories merge or split, so nothing here keeps one beyond a single call.
import { buildStories, StoryIndex, type Story, type StoryMember } from './stories';
import { deferStoryHeaders, type DeferredStories } from './stories/deferred';
import { restoreStories, restoreStoryHeaders, saveStories, type StorySnapshot } from './stories/snapshot';
import type { StoryHeader } from './stories/types';
import type { AlsoReported, Article, ArticleHeader, SearchHit } from './types';

function alsoReported(m: StoryMember): AlsoReported {
  return { articleId: m.id, title: m.title, source: m.outlet, ...(m.url ? { url: m.url } : {}) };
}

/** A story chosen for a briefing: the article that leads it and its other versions. */
export interface StoryPick<A extends Pick<Article, 'id'> = ArticleHeader> {
  article: A;
  alsoReportedBy: AlsoReported[];
}

export class LibraryStories {
  private full: StoryIndex | null;
  private readonly deferred: DeferredStories | null;

  private constructor(stories: StoryIndex | DeferredStories) {
    this.full = stories instanceof StoryIndex ? stories : null;
    this.deferred = stories instanceof StoryIndex ? null : stories;
  }

  /** The whole grouping: a deferred one is restored the first time something changes it or saves it. */
  private get index(): StoryIndex {
    return (this.full ??= this.deferred!.restore());
  }

  private storyOf(id: string): Story | undefined {
    return this.full ? this.full.storyOf(id) : this.deferred!.storyOf(id);
  }

  private otherMembers(id: string): StoryMember[] {
    return this.storyOf(id)?.members.filter((m) => m.id !== id) ?? [];
  }

  /** Groups the articles at hand (word weights and site furniture are fitted on them, then kept fixed). */
  static build(articles: readonly Article[]): LibraryStories {
    return new LibraryStories(buildStories([...articles]));
  }

  /** The grouping saved by `toSnapshot`, with articles changed since added again; null if the snapshot is not usable. */
  static restore(saved: unknown, articles: readonly Article[]): LibraryStories | null {
    const index = saved === undefined ? null : restoreStories(saved, articles);
    return index ? new LibraryStories(index) : null;
  }

  /**
   * The saved grouping of the articles whose headers the caller knows unchanged since the save (no text is read);
   * `has` tells which were restored: the caller adds the others. Null when the snapshot is not usable.
   */
  static restoreHeaders(saved: unknown, unchanged: readonly StoryHeader[]): { stories: LibraryStories; has(id: string): boolean } | null {
    const restored = saved === undefined ? null : restoreStoryHeaders(saved, unchanged);
    return restored ? { stories: new LibraryStories(restored.index), has: restored.has } : null;
  }

  /**
   * As restoreHeaders, but each story is read from the snapshot when asked for, and the whole grouping restored
   * only when an article is added or removed: for a process that answers once and exits (the CLI).
   */
  static deferHeaders(saved: unknown, unchanged: readonly StoryHeader[]): { stories: LibraryStories; has(id: string): boolean } | null {
    const deferred = saved === undefined ? null : deferStoryHeaders(saved, unchanged);
    return deferred ? { stories: new LibraryStories(deferred), has: deferred.has } : null;
  }

  toSnapshot(byId: (id: string) => StoryHeader | undefined): StorySnapshot | null {
    return saveStories(this.index, byId);
  }

  /** Adds an article, or replaces the version with the same id. */
  add(article: Article): void {
    this.index.add(article);
  }

  remove(id: string): void {
    this.index.remove(id);
  }

  /** The ids of every article in this article's story, lead first ([] for an unknown article). */
  membersOf(id: string): string[] {
    return this.storyOf(id)?.members.map((m) => m.id) ?? [];
  }

  /** The story's other versions, lead first: "also reported by". */
  alsoReportedBy(id: string): AlsoReported[] {
    return this.otherMembers(id).map(alsoReported);
  }

  /**
   * One pick per story from a ranked pool, in the pool's order, at most `limit`. A story whose member was
   * already briefed (`exclude`) is left out whole; otherwise its lead (freshest, then fullest) stands for it.
   */
  onePerStory<A extends Pick<Article, 'id'>>(
    pool: Iterable<A>,
    limit: number,
    exclude: ReadonlySet<string>,
    byId: (id: string) => A | undefined,
    visible: (id: string) => boolean = () => true,
  ): StoryPick<A>[] {
    const seen = new Set<string>();
    const out: StoryPick<A>[] = [];
    for (const candidate of pool) {
      if (out.length >= limit) break;
      if (seen.has(candidate.id)) continue;
      const story = this.storyOf(candidate.id);
      const members = story ? story.members.filter((m) => visible(m.id)) : [];
      for (const m of members) seen.add(m.id);
      seen.add(candidate.id);
      if (exclude.has(candidate.id) || members.some((m) => exclude.has(m.id))) continue;
      const lead = members.map((m) => byId(m.id)).find((a): a is A => a !== undefined) ?? candidate;
      out.push({ article: lead, alsoReportedBy: members.filter((m) => m.id !== lead.id).map(alsoReported) });
    }
    return out;
  }

  /** Search hits with each story's members folded into its best-ranked hit (which keeps its place). */
  collapseHits(hits: readonly SearchHit[], visible: (id: string) => boolean = () => true): SearchHit[] {
    const taken = new Set<string>();
    const out: SearchHit[] = [];
    for (const hit of hits) {
      if (taken.has(hit.articleId)) continue;
      const others = this.otherMembers(hit.articleId).filter((m) => visible(m.id));
      taken.add(hit.articleId);
      for (const m of others) taken.add(m.id);
      out.push(others.length > 0 ? { ...hit, alsoReportedBy: others.map(alsoReported) } : hit);
    }
    return out;
  }
}

/** Raw hits are fetched a page at a time until enough stories are found (the index pages up to this far). */
const RAW_PAGE = 100;
const RAW_MAX = 1100;

/**
 * Search with one hit per story, paged after collapsing so page two never repeats a story of page one.
 * `search` is the index's raw search; `collapse` folds a ranked list's story members together.
 */
export function collapsedSearch(
  query: string,
  opts: { limit?: number; offset?: number },
  search: (query: string, opts: { limit: number; offset: number }) => SearchHit[],
  collapse: (hits: readonly SearchHit[]) => SearchHit[],
): SearchHit[] {
  const limit = Math.min(RAW_PAGE, Math.max(0, Math.floor(Number.isFinite(opts.limit) ? opts.limit! : 10)));
  const offset = Math.max(0, Math.floor(Number.isFinite(opts.offset) ? opts.offset! : 0));
  if (limit === 0) return [];
  // Twice what is wanted covers most stories' extra versions; each hit costs a snippet, so ask no more.
  const step = Math.min(RAW_PAGE, Math.max(20, 2 * (offset + limit)));
  const raw: SearchHit[] = [];
  let stories: SearchHit[] = [];
  while (raw.length < RAW_MAX) {
    const page = search(query, { limit: step, offset: raw.length });
    raw.push(...page);
    stories = collapse(raw);
    if (page.length < step || stories.length >= offset + limit) break;
  }
  return stories.slice(offset, offset + limit);
}
