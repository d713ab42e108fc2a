// What story grouping needs from an article, and what it answers. Plain data only.
import type { RawArticle } from '../types';

/** An article as story grouping sees it: an id plus the fields of a RawArticle it reads. */
export type StoryArticle = { id: string } & Pick<RawArticle, 'title' | 'date' | 'standfirst' | 'paragraphs'> &
  Partial<Pick<RawArticle, 'url' | 'source' | 'providedSummary'>>;

/** What a restored story member needs: no text (a restart reads none), its length comes from the snapshot. */
export type StoryHeader = Pick<StoryArticle, 'id' | 'title' | 'date' | 'url' | 'source'>;

/** One member of a story, as a caller shows it ("also reported by A, B"). */
export interface StoryMember {
  id: string;
  title: string;
  /** ISO date or null. */
  date: string | null;
  /** The outlet: the URL's host without "www." ("cnbc.com"), else the first folder of the file path. */
  outlet: string;
  url: string | null;
  /** Characters of body text: tells a full version from a teaser. */
  length: number;
}

export interface Story {
  /** Stable while the members stay the same: the smallest member id. */
  id: string;
  /** The lead first (freshest, then fullest), then the other versions in the same order. */
  members: StoryMember[];
}

/**
 * A way of deciding which articles tell the same story. It keeps its own index of the articles added
 * to it; `add` answers the ids of already added articles that match the new one. Matching must be
 * symmetric and depend only on the two articles (and fixed settings), so that groups do not depend on
 * the order articles arrive in.
 */
export interface StoryMatcher {
  readonly name: string;
  add(article: StoryArticle): string[];
  remove(id: string): void;
}
