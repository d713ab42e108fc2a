// A one-shot library (the CLI: answer once, exit) reads each story from the saved record when an answer shows it,
// instead of restoring the whole grouping at open. Its answers must be the ones a fully restored library gives, and
// it must group an article added or changed after the save as a running library does.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLibrary, type LoadedLibrary } from '../../src/briefings';
import type { StoryArticle } from '../../src/briefings/stories';
import * as snapshot from '../../src/briefings/stories/snapshot';
import { inlineAnalyser } from '../../src/sources/files/analyse-pool';
import { realRoot } from '../../src/sources/files/content-files';
import { openFolderLibrary } from '../../src/sources/files/folder-library';
import { openStore, type Store } from '../../src/store/store';
import { all, psPriceCnbc, psPriceGi, psPriceIgn } from '../fixtures/stories/articles';

function markdown(a: StoryArticle): string {
  const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
  return `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`;
}

const fileOf = (a: StoryArticle) => `${a.id}.md`;
const now = () => new Date('2026-03-29T12:00:00Z');

describe('stories in a one-shot library', () => {
  let root: string;
  let dir: string;
  let database: string;
  const stores: Store[] = [];

  /** The folder synced into the database and its library saved, as a first run leaves them. */
  const firstRun = async () => {
    const store = openStore(database);
    const lib = await openFolderLibrary({ contentDir: dir, articles: store.articles, analyser: inlineAnalyser(), now });
    await lib.close();
    await store.close();
  };
  const reopen = async (oneShot: boolean) => {
    const store = openStore(database);
    stores.push(store);
    return openLibrary({ reader: store.articles, view: { fileRoot: realRoot(dir) }, now, oneShot });
  };
  const idOf = (lib: LoadedLibrary, a: StoryArticle) => lib.articles().find((x) => x.title === a.title)!.id;
  /** Everything an answer shows of the stories: every article's story, a search's and a briefing's "also reported by". */
  const answers = async (lib: LoadedLibrary) => ({
    members: lib.articles().map((a) => lib.storyMembers(a.id)),
    search: await lib.search('Sony PS5 price increase', { limit: 10 }),
    brief: await lib.brief({ topic: null, limit: 10 }),
  });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-one-shot-'));
    dir = path.join(root, 'content');
    database = path.join(root, 'briefbot.db');
    fs.mkdirSync(dir);
    for (const a of all) fs.writeFileSync(path.join(dir, fileOf(a)), markdown(a));
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers every story, search and briefing as a fully restored library does, without restoring the whole grouping', async () => {
    await firstRun();
    const full = await reopen(false);
    const expected = await answers(full);
    expect(expected.members.some((m) => m.length === 3)).toBe(true);
    const wholeRestores = jest.spyOn(snapshot, 'restoreStoryHeaders');
    const oneShot = await reopen(true);
    expect(oneShot.loadReport).toMatchObject({ indexFromStore: true, storiesFromStore: true });
    expect(await answers(oneShot)).toEqual(expected);
    expect(oneShot.storyMembers('no-such-article')).toEqual([]);
    expect(wholeRestores).not.toHaveBeenCalled();
    wholeRestores.mockRestore();
  });

  it('leaves out of a story a version removed since the save', async () => {
    await firstRun();
    const store = openStore(database);
    stores.push(store);
    await store.articles.removeSources([{ kind: 'file', root: realRoot(dir), id: fileOf(psPriceIgn) }]);
    const oneShot = await reopen(true);
    expect(oneShot.storyMembers(idOf(oneShot, psPriceCnbc))).toEqual([idOf(oneShot, psPriceGi), idOf(oneShot, psPriceCnbc)]);
    expect(await answers(oneShot)).toEqual(await answers(await reopen(false)));
  });

  it('groups a version added after the save with its story', async () => {
    fs.rmSync(path.join(dir, fileOf(psPriceIgn)));
    await firstRun();
    const store = openStore(database);
    stores.push(store);
    const lib = await openFolderLibrary({ contentDir: dir, articles: store.articles, analyser: inlineAnalyser(), now, oneShot: true });
    expect(lib.storyMembers(idOf(lib, psPriceCnbc))).toHaveLength(2);
    fs.writeFileSync(path.join(dir, fileOf(psPriceIgn)), markdown(psPriceIgn));
    await lib.sync.paths([fileOf(psPriceIgn)]);
    await lib.catchUp();
    expect(lib.storyMembers(idOf(lib, psPriceCnbc))).toEqual([idOf(lib, psPriceGi), idOf(lib, psPriceIgn), idOf(lib, psPriceCnbc)]);
    expect(await answers(lib)).toEqual(await answers(await reopen(false)));
  });
});
