// The index keeps no article text (issue 13): a quote's words and a hit's snippet come from the articles
// themselves, as the library reads them from the store. Tests hand the index the articles they indexed.
import type { Article } from '../../src/briefings/types';

/** A lookup of these articles by id (a later list's version of an id wins). */
export function bodiesOf(...lists: readonly (readonly Article[])[]): (id: string) => Article | undefined {
  const byId = new Map<string, Article>();
  for (const list of lists) for (const a of list) byId.set(a.id, a);
  return (id) => byId.get(id);
}
