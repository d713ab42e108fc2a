// Loads the two corpora the story labels come from, through the project's own reader, as StoryArticles
// whose id is "<corpus>/<file path>" (the id the label file uses; a file with several articles adds #n).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readArticleBytes, type StoryArticle } from '../src/briefings';
import { listContentFiles } from '../src/sources/files/content-files';

export const STORY_CORPORA = ['news-web-scrapes-md', 'bbc-news-summary/articles'];

export function loadStoryCorpus(root: string): StoryArticle[] {
  const out: StoryArticle[] = [];
  const now = new Date('2026-11-01T00:00:00Z');
  for (const name of STORY_CORPORA) {
    const dir = path.join(root, name);
    for (const file of listContentFiles(dir)) {
      if (/(^|\/)SOURCE\.md$/.test(file.path)) continue;
      const base = `${name.split('/')[0]}/${file.path}`;
      const abs = path.join(dir, file.path);
      readArticleBytes(file.path, fs.readFileSync(abs), fs.statSync(abs).mtimeMs, now).articles.forEach((a, n) => {
        // A date guessed from the file's time says nothing about the event (the BBC files have none).
        out.push({ ...a, date: a.dateApproximate ? null : a.date, id: n === 0 ? base : `${base}#${n}` });
      });
    }
  }
  return out;
}
