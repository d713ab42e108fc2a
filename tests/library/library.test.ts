import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadFolderLibrary, type StandaloneLibrary } from '../helpers/load-folder';

const SEED = path.join(__dirname, '..', '..', 'content', '000_f1e2f2f734faebd8.txt');
const RUBIO = 'rubio-says-some-progress-made-in-us-russia-talks-on-ukraine';

function tempContent(): { dir: string; db: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-lib-'));
  const dir = path.join(root, 'content');
  fs.mkdirSync(dir);
  fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
  return { dir, db: path.join(root, 'data', 'briefbot.db') };
}

const extraArticle = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('the library', () => {
  let tmp: { dir: string; db: string };
  const open: StandaloneLibrary[] = [];
  /** A library over `dir` through a store (in memory unless `database` is given); closed after each test. */
  const load = async (dir: string, database?: string) => {
    const lib = await loadFolderLibrary(dir, { database });
    open.push(lib);
    return lib;
  };
  beforeEach(() => {
    tmp = tempContent();
  });
  afterEach(async () => {
    for (const lib of open.splice(0)) await lib.close();
    fs.rmSync(path.dirname(tmp.dir), { recursive: true, force: true });
  });

  it('loads the bundled seed as two articles with stable ids', async () => {
    const lib = await load(tmp.dir);
    const ids = lib
      .articles()
      .map((a) => a.id)
      .sort();
    expect(ids).toEqual(['myanmar-expels-east-timor-envoy-after-rights-group-complaint-against-junta', RUBIO]);
    expect((await lib.article(RUBIO))?.source).toBe('seed.txt');
    expect(lib.stats()).toMatchObject({ articles: 2 });
    expect(lib.stats().quotes).toBeGreaterThanOrEqual(10);
  });

  it('finds an article by id, by exact title, or by words of its title', async () => {
    const lib = await load(tmp.dir);
    expect((await lib.findArticle(RUBIO))?.id).toBe(RUBIO);
    expect((await lib.findArticle("Rubio says 'some progress' made in US-Russia talks on Ukraine"))?.id).toBe(RUBIO);
    expect((await lib.findArticle('myanmar envoy'))?.title).toMatch(/^Myanmar expels/);
    expect(await lib.findArticle('   ')).toBeUndefined();
  });

  it('summarises at three lengths with whole sentences from the article', async () => {
    const lib = await load(tmp.dir);
    const article = (await lib.article(RUBIO))!;
    const texts = new Set(article.sentences.map((s) => s.text));
    for (const [length, n] of [
      ['short', 1],
      ['medium', 3],
      ['long', 5],
    ] as const) {
      const s = (await lib.summary(RUBIO, { length }))!;
      expect(s.sentences).toHaveLength(n);
      for (const sentence of s.sentences) expect(texts.has(sentence)).toBe(true);
    }
    expect(await lib.summary('no-such-article')).toBeUndefined();
  });

  it('briefs on a topic with the relevant article first, its summary and a quote with a speaker', async () => {
    const lib = await load(tmp.dir);
    const b = await lib.brief({ topic: 'Myanmar junta', limit: 1 });
    expect(b.items).toHaveLength(1);
    expect(b.items[0].title).toMatch(/^Myanmar expels/);
    expect(b.items[0].summary.length).toBeGreaterThan(0);
    const full = await lib.brief();
    expect(full.items.length).toBe(2);
    expect(full.items.find((i) => i.articleId === RUBIO)?.quote?.speaker).toBeTruthy();
    expect(full.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Marco Rubio', 'Yuri Ushakov']));
  });

  it('leaves out articles already briefed', async () => {
    const lib = await load(tmp.dir);
    const b = await lib.brief({ excludeIds: new Set([RUBIO]) });
    expect(b.items.map((i) => i.articleId)).not.toContain(RUBIO);
    expect(b.items).toHaveLength(1);
  });

  it('finds quotes by speaker with a misspelt name, and by their words', async () => {
    const lib = await load(tmp.dir);
    const byName = await lib.quotes({ speaker: 'zelenski' });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((q) => q.speaker === 'Volodymyr Zelensky')).toBe(true);
    const byWords = await lib.quotes({ query: 'not planning to go to war with Europe' });
    expect(byWords[0].speaker).toBe('Vladimir Putin');
    expect((await lib.quotes()).length).toBeGreaterThan(0);
  });

  it('suggests the newest titles and the most quoted people when nothing is typed yet', async () => {
    const lib = await load(tmp.dir);
    const titles = lib.suggest('title', '');
    expect(titles.map((t) => t.value)).toEqual(lib.articles().map((a) => a.id));
    const speakers = lib.suggest('speaker', '  ', 2);
    expect(speakers).toEqual([{ label: 'Yuri Ushakov', value: 'Yuri Ushakov' }, expect.objectContaining({ value: expect.any(String) })]);
    expect(lib.suggest('speaker', 'zel')[0]?.value).toBe('Volodymyr Zelensky');
  });

  it('restarts from the store without re-reading files, with the same answers', async () => {
    const first = await load(tmp.dir, tmp.db);
    expect(first.syncReport).toMatchObject({ analysed: 1, unchanged: 0 });
    const firstAnswers = {
      ids: first.articles().map((a) => a.id),
      search: await first.search('securty guarantees'),
      version: first.stats().version,
      sentences: (await first.article(RUBIO))!.sentences,
      summary: await first.summary(RUBIO, { length: 'long' }),
    };
    await first.close();
    const second = await load(tmp.dir, tmp.db);
    expect(second.syncReport).toMatchObject({ analysed: 0, touched: 0, unchanged: 1 });
    expect(second.loadReport).toMatchObject({ articles: 2, indexFromStore: true });
    expect(second.articles().map((a) => a.id)).toEqual(firstAnswers.ids);
    expect(await second.search('securty guarantees')).toEqual(firstAnswers.search);
    expect(second.stats().version).toBe(firstAnswers.version);
    expect((await second.article(RUBIO))!.sentences).toEqual(firstAnswers.sentences);
    expect((await second.article(RUBIO))!.sentences.length).toBeGreaterThan(20);
    expect(await second.summary(RUBIO, { length: 'long' })).toEqual(firstAnswers.summary);
  });

  it('re-reads only the files that changed since the last run, and forgets deleted ones', async () => {
    await (await load(tmp.dir, tmp.db)).close();
    fs.writeFileSync(
      path.join(tmp.dir, 'new.txt'),
      extraArticle('Volcano erupts near Reykjavik', 'Lava flowed towards the town of Grindavik on Sunday, officials said.'),
    );
    const lib = await load(tmp.dir, tmp.db);
    expect(lib.syncReport).toMatchObject({ analysed: 1, unchanged: 1 });
    expect(lib.loadReport.indexFromStore).toBe(true);
    expect((await lib.search('volcano grindavik'))[0]?.title).toBe('Volcano erupts near Reykjavik');
    await lib.close();
    fs.rmSync(path.join(tmp.dir, 'new.txt'));
    const after = await load(tmp.dir, tmp.db);
    expect(after.syncReport).toMatchObject({ analysed: 0, removed: 1 });
    expect(await after.search('volcano grindavik')).toEqual([]);
    expect(after.stats().articles).toBe(2);
  });

  it('updates its indexes when one file is added, changed or removed', async () => {
    const lib = await load(tmp.dir);
    const before = lib.stats().version;
    const file = path.join(tmp.dir, 'late.txt');
    fs.writeFileSync(file, extraArticle('Glacier retreat speeds up in the Alps', 'Swiss glaciers lost a record share of their ice this summer.'));
    await lib.sync.paths(['late.txt']);
    await lib.catchUp();
    expect((await lib.search('glacier alps'))[0]?.title).toBe('Glacier retreat speeds up in the Alps');
    expect(lib.stats().version).not.toBe(before);

    fs.writeFileSync(file, extraArticle('Glacier retreat slows in Norway', 'Norwegian glaciers held steady this summer, researchers said.'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await lib.sync.paths(['late.txt']);
    await lib.catchUp();
    expect((await lib.search('glacier'))[0]?.title).toBe('Glacier retreat slows in Norway');
    expect(lib.articles().some((a) => a.title.includes('Alps'))).toBe(false);

    fs.rmSync(file);
    await lib.sync.paths(['late.txt']);
    await lib.catchUp();
    expect(await lib.search('glacier norway')).toEqual([]);
    expect(lib.stats().articles).toBe(2);
  });

  it('reports a bad file as a warning and still loads every other article', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(tmp.dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const lib = await load(tmp.dir);
    expect(lib.stats().articles).toBe(2);
    const files = lib.warnings().map((w) => w.file);
    expect(files).toEqual(expect.arrayContaining(['empty.txt', 'binary.txt']));
  });

  it('names a content folder it cannot read instead of failing', async () => {
    const lib = await load(path.join(tmp.dir, 'no-such-folder'));
    expect(lib.stats().articles).toBe(0);
    expect(lib.warnings()).toEqual([{ file: '.', reason: 'folder could not be read: ENOENT' }]);
  });
});
