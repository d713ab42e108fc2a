// The library groups versions of one event into stories: a briefing shows one item per story and a search
// one hit per story, each with "also reported by"; the grouping follows the store and survives a restart.
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { all, psPriceCnbc, psPriceGi, psPriceIgn, ps6Delay } from '../fixtures/stories/articles';
import type { StoryArticle } from '../../src/briefings/stories';
import { loadFolderLibrary, type StandaloneLibrary } from '../helpers/load-folder';

/** The article as a Markdown file with front matter, as the scrapes in the corpus are. */
function markdown(a: StoryArticle): string {
  const front = [`title: ${JSON.stringify(a.title)}`, `url: ${JSON.stringify(a.url)}`, ...(a.date ? [`published: ${JSON.stringify(a.date)}`] : [])];
  return `---\n${front.join('\n')}\n---\n${a.paragraphs.join('\n\n')}\n`;
}

const fileOf = (a: StoryArticle) => `${a.id}.md`;

describe('stories in the library', () => {
  let root: string;
  let dir: string;
  const open: StandaloneLibrary[] = [];
  const load = async (database?: string) => {
    const lib = await loadFolderLibrary(dir, { database, now: () => new Date('2026-03-29T12:00:00Z') });
    open.push(lib);
    return lib;
  };
  /** The library's id for a fixture article (ids are slugs of titles). */
  const idOf = (lib: StandaloneLibrary, a: StoryArticle) => lib.articles().find((x) => x.title === a.title)!.id;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-stories-'));
    dir = path.join(root, 'content');
    fs.mkdirSync(dir);
    for (const a of all) fs.writeFileSync(path.join(dir, fileOf(a)), markdown(a));
  });
  afterEach(async () => {
    for (const lib of open.splice(0)) await lib.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('briefs one item per story, the freshest version first, the other outlets as "also reported by"', async () => {
    const lib = await load();
    const b = await lib.brief({ topic: 'Sony PS5 price', limit: 5 });
    const items = b.items.filter((i) => /PS5/.test(i.title));
    expect(items).toHaveLength(1);
    expect(items[0].title).toBe(psPriceGi.title);
    expect(items[0].alsoReportedBy?.map((o) => o.source)).toEqual(['ign.com', 'cnbc.com']);
    expect(items[0].alsoReportedBy?.[1]).toEqual({
      articleId: idOf(lib, psPriceCnbc),
      title: psPriceCnbc.title,
      source: 'cnbc.com',
      url: psPriceCnbc.url,
    });
    // Another event of the same company stays its own item, with nobody else reporting it.
    const delay = b.items.find((i) => i.title === ps6Delay.title);
    expect(delay?.alsoReportedBy).toBeUndefined();
  });

  it('leaves a story out of a briefing when any of its versions was already briefed', async () => {
    const lib = await load();
    const b = await lib.brief({ topic: 'Sony PS5 price', limit: 5, excludeIds: new Set([idOf(lib, psPriceCnbc)]) });
    const versions = new Set([psPriceCnbc, psPriceIgn, psPriceGi].map((a) => a.title));
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.filter((i) => versions.has(i.title))).toEqual([]);
  });

  it('collapses a story into one search hit, the best-ranked version, and pages after collapsing', async () => {
    const lib = await load();
    const hits = await lib.search('Sony PS5 price increase', { limit: 10 });
    const ps5 = hits.filter((h) => [psPriceCnbc, psPriceIgn, psPriceGi].some((a) => a.title === h.title));
    expect(ps5).toHaveLength(1);
    expect(ps5[0].alsoReportedBy).toHaveLength(2);
    const paged = [
      ...(await lib.search('Sony PS5 price increase', { limit: 1 })),
      ...(await lib.search('Sony PS5 price increase', { limit: 1, offset: 1 })),
    ];
    expect(paged.map((h) => h.articleId)).toEqual(hits.slice(0, 2).map((h) => h.articleId));
  });

  it('drops a removed version from its story and keeps the rest together', async () => {
    const lib = await load();
    const gi = idOf(lib, psPriceGi);
    fs.rmSync(path.join(dir, fileOf(psPriceGi)));
    await lib.sync.paths([fileOf(psPriceGi)]);
    await lib.catchUp();
    expect(lib.storyMembers(gi)).toEqual([]);
    expect(lib.storyMembers(idOf(lib, psPriceCnbc))).toEqual([idOf(lib, psPriceIgn), idOf(lib, psPriceCnbc)]);
    const item = (await lib.brief({ topic: 'Sony PS5 price', limit: 5 })).items.find((i) => i.title === psPriceIgn.title);
    expect(item?.alsoReportedBy?.map((o) => o.source)).toEqual(['cnbc.com']);
  });

  it('joins a version that arrives later to its story', async () => {
    fs.rmSync(path.join(dir, fileOf(psPriceIgn)));
    const lib = await load();
    expect(lib.storyMembers(idOf(lib, psPriceCnbc))).toHaveLength(2);
    fs.writeFileSync(path.join(dir, fileOf(psPriceIgn)), markdown(psPriceIgn));
    await lib.sync.paths([fileOf(psPriceIgn)]);
    await lib.catchUp();
    expect(lib.storyMembers(idOf(lib, psPriceCnbc))).toHaveLength(3);
  });

  it('keeps the grouping through a restart', async () => {
    const database = path.join(root, 'briefbot.db');
    const first = await load(database);
    const before = first.storyMembers(idOf(first, psPriceIgn));
    await first.close();
    open.splice(open.indexOf(first), 1);
    const again = await load(database);
    expect(again.loadReport).toMatchObject({ indexFromStore: true, storiesFromStore: true });
    expect(again.storyMembers(idOf(again, psPriceIgn))).toEqual(before);
    expect(before).toHaveLength(3);
  });

  it('groups a version changed while the bot was down when restoring the saved grouping', async () => {
    const database = path.join(root, 'briefbot.db');
    fs.rmSync(path.join(dir, fileOf(psPriceGi)));
    await (await load(database)).close();
    open.splice(0);
    fs.writeFileSync(path.join(dir, fileOf(psPriceGi)), markdown(psPriceGi));
    const again = await load(database);
    await again.catchUp();
    expect(again.loadReport.storiesFromStore).toBe(true);
    expect(again.storyMembers(idOf(again, psPriceCnbc))).toHaveLength(3);
  });

  it('groups afresh when the saved record was made by other code', async () => {
    const database = path.join(root, 'briefbot.db');
    const first = await load(database);
    const before = first.storyMembers(idOf(first, psPriceIgn));
    await first.close();
    open.splice(0);
    const db = new Database(database);
    db.prepare("UPDATE search_snapshots SET analysis_version = 'other-code'").run();
    db.close();
    const again = await load(database);
    expect(again.loadReport).toMatchObject({ indexFromStore: false, storiesFromStore: false });
    expect(again.storyMembers(idOf(again, psPriceIgn))).toEqual(before);
  });
});
