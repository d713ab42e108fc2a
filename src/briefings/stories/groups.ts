// Stories as the connected groups of a "same story" graph. Adding an article links it to its matches
// and merges their groups; removing one re-splits only the group it was in. Because a pair's match
// depends on the two articles alone, the groups are the same whatever order articles arrive in.
import { MemberTable } from './members';
import { bodyLength } from './text';
import type { Story, StoryArticle, StoryHeader, StoryMatcher, StoryMember } from './types';

/** Freshest first; among versions of the same moment, the fullest; then by id so the order is total. */
export function leadOrder(a: StoryMember, b: StoryMember): number {
  const ta = a.date ? Date.parse(a.date) : NaN;
  const tb = b.date ? Date.parse(b.date) : NaN;
  const ka = Number.isFinite(ta) ? ta : -Infinity;
  const kb = Number.isFinite(tb) ? tb : -Infinity;
  if (ka !== kb) return kb - ka;
  if (a.length !== b.length) return b.length - a.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A group's members as a story: lead first, named by its smallest member id. `members` must not be empty. */
export function storyOfMembers(members: StoryMember[]): Story {
  members.sort(leadOrder);
  let first = members[0].id;
  for (const m of members) if (m.id < first) first = m.id;
  return { id: first, members };
}

export class StoryIndex {
  private readonly members = new MemberTable();
  private readonly links = new Map<string, Set<string>>();
  /**
   * Article id → its group, for articles in a group of two or more (every group's members share one Set); an
   * article not in it is a story of its own (most are: no Set each).
   */
  private readonly groupOf = new Map<string, Set<string>>();

  constructor(readonly matcher: StoryMatcher) {}

  /** Every article id, in the order added. */
  ids(): IterableIterator<string> {
    return this.members.ids();
  }

  /** The article's group: its shared Set, or a new one of itself alone (not kept). */
  private groupFor(id: string): Set<string> {
    return this.groupOf.get(id) ?? new Set([id]);
  }

  /** The ids an article was found to match when it (or they) were added. */
  linksOf(id: string): ReadonlySet<string> {
    return this.links.get(id) ?? new Set();
  }

  /**
   * Restoring a snapshot: takes an article the matcher already holds (restored, not compared), then
   * `restoreLink` puts back each saved match.
   */
  restoreMember(article: StoryHeader, length: number): void {
    this.members.set(article, length);
  }

  /** One article's member record (its title, outlet and length), as saved with the stories. */
  member(id: string): StoryMember | undefined {
    return this.members.get(id);
  }

  restoreLink(a: string, b: string): void {
    this.link(a, b);
    this.link(b, a);
    this.merge(this.groupFor(a), this.groupFor(b));
  }

  get size(): number {
    return this.members.size;
  }

  get method(): string {
    return this.matcher.name;
  }

  /** Adds an article, or replaces the one with the same id (an updated version of a page). */
  add(article: StoryArticle): void {
    if (!article || typeof article !== 'object' || typeof article.id !== 'string') return;
    if (this.members.has(article.id)) this.remove(article.id);
    const matches = this.matcher.add(article);
    this.members.set(article, bodyLength(article));
    let group = new Set<string>([article.id]);
    for (const other of matches) {
      this.link(article.id, other);
      this.link(other, article.id);
      group = this.merge(group, this.groupFor(other));
    }
  }

  /** Most articles match nothing: a set of links is made only for one that does. */
  private link(from: string, to: string): void {
    const mine = this.links.get(from);
    if (mine) mine.add(to);
    else this.links.set(from, new Set([to]));
  }

  private merge(a: Set<string>, b: Set<string>): Set<string> {
    if (a === b) return a;
    const [large, small] = a.size >= b.size ? [a, b] : [b, a];
    // A group of two or more is kept, its members pointing at it; a story of one may not be kept yet.
    const alone = large.size === 1 ? large.values().next().value! : null;
    for (const id of small) {
      large.add(id);
      this.groupOf.set(id, large);
    }
    if (alone !== null) this.groupOf.set(alone, large);
    return large;
  }

  /** Removes an article; its group splits if the article was what held it together. */
  remove(id: string): boolean {
    if (!this.members.has(id)) return false;
    const group = this.groupFor(id);
    this.matcher.remove(id);
    for (const other of this.links.get(id) ?? []) {
      const theirs = this.links.get(other);
      theirs?.delete(id);
      if (theirs?.size === 0) this.links.delete(other);
    }
    this.links.delete(id);
    this.members.delete(id);
    this.groupOf.delete(id);
    group.delete(id);
    this.regroup(group);
    return true;
  }

  /** Splits a group into its connected parts (breadth-first over the links). */
  private regroup(group: Set<string>): void {
    const left = new Set(group);
    for (const start of group) {
      if (!left.has(start)) continue;
      const part = new Set<string>([start]);
      left.delete(start);
      const queue = [start];
      while (queue.length > 0) {
        for (const next of this.links.get(queue.pop()!) ?? []) {
          if (!left.has(next)) continue;
          left.delete(next);
          part.add(next);
          queue.push(next);
        }
      }
      for (const member of part) {
        if (part.size > 1) this.groupOf.set(member, part);
        else this.groupOf.delete(member);
      }
    }
  }

  /** The story an article belongs to (a story of one when nothing else matched), or undefined. */
  storyOf(id: string): Story | undefined {
    if (!this.members.has(id)) return undefined;
    return storyOfMembers([...this.groupFor(id)].map((m) => this.members.get(m)!));
  }

  /** The other versions of an article's story, lead first: the "also reported by" list. */
  otherMembers(id: string): StoryMember[] {
    return this.storyOf(id)?.members.filter((m) => m.id !== id) ?? [];
  }

  /** Whether two articles are in the same story. */
  together(a: string, b: string): boolean {
    if (!this.members.has(a) || !this.members.has(b)) return false;
    return a === b || (this.groupOf.has(a) && this.groupOf.get(a) === this.groupOf.get(b));
  }

  /** Every story, the largest first (ties by lead order). */
  stories(): Story[] {
    const seen = new Set<Set<string>>();
    const out: Story[] = [];
    for (const id of this.members.ids()) {
      const group = this.groupOf.get(id);
      if (group && seen.has(group)) continue;
      if (group) seen.add(group);
      out.push(this.storyOf(id)!);
    }
    return out.sort((x, y) => y.members.length - x.members.length || leadOrder(x.members[0], y.members[0]));
  }
}
