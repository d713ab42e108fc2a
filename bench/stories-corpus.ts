// Loads the two corpora the story labels come from, through the project's own reader, as StoryArticles
// whose id is "<corpus>/<path>" (the id the label file uses).
import * as path from 'node:path';
import { loadRawArticles } from '../src/briefings/articles/load';
import type { StoryArticle } from '../src/briefings/stories';

export const STORY_CORPORA = ['news-web-scrapes-md', 'bbc-news-summary/articles'];

export function loadStoryCorpus(root: string): StoryArticle[] {
  const out: StoryArticle[] = [];
  for (const name of STORY_CORPORA) {
    const dir = path.join(root, name);
    const seen = new Map<string, number>();
    for (const a of loadRawArticles(dir, { now: new Date('2026-11-01T00:00:00Z') }).articles) {
      if (/(^|\/)SOURCE\.md$/.test(a.source)) continue;
      const base = `${name.split('/')[0]}/${a.source}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      // A date guessed from the file's time says nothing about the event (the BBC files have none).
      out.push({ ...a, date: a.dateApproximate ? null : a.date, id: n === 0 ? base : `${base}#${n}` });
    }
  }
  return out;
}
