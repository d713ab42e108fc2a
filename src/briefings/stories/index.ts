// Stories: articles about the same event (other outlets, or one outlet's updated versions) grouped
// into one story, the freshest or fullest version first. Pure: articles in, groups out.
import { StoryIndex } from './groups';
import { MinHashMatcher, type MinHashOptions } from './minhash';
import { StoryModel } from './model';
import { TfIdfMatcher, type TfIdfOptions } from './tfidf';
import type { StoryArticle } from './types';

export { StoryIndex, leadOrder } from './groups';
export { MinHashMatcher, MINHASH_DEFAULTS, type MinHashOptions } from './minhash';
export { StoryModel } from './model';
export { TfIdfMatcher, TFIDF_DEFAULTS, type TfIdfOptions } from './tfidf';
export { outletOf } from './text';
export type { Story, StoryArticle, StoryMatcher, StoryMember } from './types';

export type StoryMethod = ({ method: 'tfidf' } & TfIdfOptions) | ({ method: 'minhash' } & MinHashOptions);

/**
 * Groups a set of articles into stories; add and remove articles afterwards one at a time.
 * The StoryModel (furniture, word weights) is fitted on these articles and then kept fixed; refit (build
 * again) when the library reloads. Articles are read as values: to change one, add a new object with its id.
 */
export function buildStories(articles: StoryArticle[], method: StoryMethod = { method: 'tfidf' }): StoryIndex {
  const list = Array.isArray(articles) ? articles.filter((a) => a && typeof a.id === 'string') : [];
  const model = StoryModel.fit(list);
  const matcher = method.method === 'minhash' ? new MinHashMatcher(method, model) : new TfIdfMatcher(model, method);
  const index = new StoryIndex(matcher);
  for (const a of list) index.add(a);
  return index;
}
