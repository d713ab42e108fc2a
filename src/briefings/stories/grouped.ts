// Grouping done on another thread: the articles' story fields go there (a plain copy, no lazy sentences),
// the grouping comes back as the same snapshot a restart restores, so the thread that opens the library
// builds the search index meanwhile (issue 13: at a first load the two ran one after the other).
import { buildStories } from '.';
import { saveStories, type StorySnapshot } from './snapshot';
import type { StoryArticle } from './types';

/** Exactly what grouping reads from an article (and nothing it would have to compute to copy). */
export function storyFields(a: StoryArticle): StoryArticle {
  const out: StoryArticle = { id: a.id, title: a.title, date: a.date, standfirst: a.standfirst, paragraphs: a.paragraphs };
  if (a.url !== undefined) out.url = a.url;
  if (a.source !== undefined) out.source = a.source;
  if (a.providedSummary !== undefined) out.providedSummary = a.providedSummary;
  return out;
}

/** Groups the articles as the library does when it opens, and returns the grouping as a snapshot (null if it cannot be saved). */
export function groupToSnapshot(articles: StoryArticle[]): StorySnapshot | null {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return saveStories(buildStories(articles), (id) => byId.get(id));
}
