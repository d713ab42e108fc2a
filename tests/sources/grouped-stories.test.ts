// At a first load the library's thread builds the search index while a worker groups the stories (issue 13):
// the grouping that comes back is the one the library would have made itself, and when the worker fails the
// library groups the stories itself.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StoryArticle } from '../../src/briefings/stories';
import { inlineAnalyser, WorkerPool, type FileAnalyser } from '../../src/sources/files/analyse-pool';
import { all, psPriceCnbc } from '../fixtures/stories/articles';
import { loadFolderLibrary, type StandaloneLibrary } from '../helpers/load-folder';

function markdown(a: StoryArticle): string {
  const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
  return `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`;
}

/** Every article's story, by title: what a briefing or a search would fold together. */
function storiesOf(lib: StandaloneLibrary): Record<string, string[]> {
  const titleOf = new Map(lib.articles().map((a) => [a.id, a.title]));
  return Object.fromEntries(lib.articles().map((a) => [a.title, lib.storyMembers(a.id).map((id) => titleOf.get(id)!)]));
}

describe('stories grouped on a worker while the index is built', () => {
  let dir: string;
  const now = () => new Date('2026-03-29T12:00:00Z');
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grouped-stories-'));
    all.forEach((a, i) => fs.writeFileSync(path.join(dir, `a${i}.md`), markdown(a)));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function storiesWith(analyser: FileAnalyser): Promise<Record<string, string[]>> {
    const lib = await loadFolderLibrary(dir, { analyser, now });
    try {
      return storiesOf(lib);
    } finally {
      await lib.close();
    }
  }

  it('are the stories the library groups on its own thread', async () => {
    const pool = new WorkerPool({ size: 2 });
    let asked = 0;
    const counting: FileAnalyser = {
      analyse: (job) => pool.analyse(job),
      close: async () => undefined,
      groupStories: (articles) => {
        asked++;
        return pool.groupStories(articles);
      },
    };
    try {
      const onWorker = await storiesWith(counting);
      expect(asked).toBe(1);
      const here = await storiesWith(inlineAnalyser());
      expect(onWorker).toEqual(here);
      // Not trivially equal: the fixtures hold a story three outlets reported.
      expect(onWorker[psPriceCnbc.title]).toHaveLength(3);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('are grouped by the library itself when the worker fails', async () => {
    const inline = inlineAnalyser();
    const failing: FileAnalyser = { ...inline, groupStories: () => Promise.reject(new Error('worker stopped')) };
    expect(await storiesWith(failing)).toEqual(await storiesWith(inline));
    expect((await storiesWith(failing))[psPriceCnbc.title]).toHaveLength(3);
  });
});
