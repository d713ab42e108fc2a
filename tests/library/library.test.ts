import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLibrary } from '../../src/briefings/library';

const SEED = path.join(__dirname, '..', '..', 'content', '000_f1e2f2f734faebd8.txt');
const RUBIO = 'rubio-says-some-progress-made-in-us-russia-talks-on-ukraine';

function tempContent(): { dir: string; cache: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-lib-'));
  const dir = path.join(root, 'content');
  fs.mkdirSync(dir);
  fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
  return { dir, cache: path.join(root, 'cache') };
}

const extraArticle = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('the library', () => {
  let tmp: { dir: string; cache: string };
  beforeEach(() => {
    tmp = tempContent();
  });
  afterEach(() => fs.rmSync(path.dirname(tmp.dir), { recursive: true, force: true }));

  it('loads the bundled seed as two articles with stable ids', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const ids = lib.articles().map((a) => a.id).sort();
    expect(ids).toEqual(['myanmar-expels-east-timor-envoy-after-rights-group-complaint-against-junta', RUBIO]);
    expect(lib.article(RUBIO)?.source).toBe('seed.txt');
    expect(lib.stats()).toMatchObject({ articles: 2 });
    expect(lib.stats().quotes).toBeGreaterThanOrEqual(10);
  });

  it('finds an article by id, by exact title, or by words of its title', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    expect(lib.findArticle(RUBIO)?.id).toBe(RUBIO);
    expect(lib.findArticle("Rubio says 'some progress' made in US-Russia talks on Ukraine")?.id).toBe(RUBIO);
    expect(lib.findArticle('myanmar envoy')?.title).toMatch(/^Myanmar expels/);
    expect(lib.findArticle('   ')).toBeUndefined();
  });

  it('summarises at three lengths with whole sentences from the article', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const article = lib.article(RUBIO)!;
    const texts = new Set(article.sentences.map((s) => s.text));
    for (const [length, n] of [['short', 1], ['medium', 3], ['long', 5]] as const) {
      const s = lib.summary(RUBIO, { length })!;
      expect(s.sentences).toHaveLength(n);
      for (const sentence of s.sentences) expect(texts.has(sentence)).toBe(true);
    }
    expect(lib.summary('no-such-article')).toBeUndefined();
  });

  it('briefs on a topic with the relevant article first, its summary and a quote with a speaker', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const b = lib.brief({ topic: 'Myanmar junta', limit: 1 });
    expect(b.items).toHaveLength(1);
    expect(b.items[0].title).toMatch(/^Myanmar expels/);
    expect(b.items[0].summary.length).toBeGreaterThan(0);
    const full = lib.brief();
    expect(full.items.length).toBe(2);
    expect(full.items.find((i) => i.articleId === RUBIO)?.quote?.speaker).toBeTruthy();
    expect(full.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Marco Rubio', 'Yuri Ushakov']));
  });

  it('leaves out articles already briefed', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const b = lib.brief({ excludeIds: new Set([RUBIO]) });
    expect(b.items.map((i) => i.articleId)).not.toContain(RUBIO);
    expect(b.items).toHaveLength(1);
  });

  it('finds quotes by speaker with a misspelt name, and by their words', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const byName = lib.quotes({ speaker: 'zelenski' });
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((q) => q.speaker === 'Volodymyr Zelensky')).toBe(true);
    const byWords = lib.quotes({ query: 'not planning to go to war with Europe' });
    expect(byWords[0].speaker).toBe('Vladimir Putin');
    expect(lib.quotes().length).toBeGreaterThan(0);
  });

  it('suggests the newest titles and the most quoted people when nothing is typed yet', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const titles = lib.suggest('title', '');
    expect(titles.map((t) => t.value)).toEqual(lib.articles().map((a) => a.id));
    const speakers = lib.suggest('speaker', '  ', 2);
    expect(speakers).toEqual([
      { label: 'Yuri Ushakov', value: 'Yuri Ushakov' },
      expect.objectContaining({ value: expect.any(String) }),
    ]);
    expect(lib.suggest('speaker', 'zel')[0]?.value).toBe('Volodymyr Zelensky');
  });

  it('restarts from its cache without re-reading files, with the same answers', () => {
    const first = loadLibrary({ contentDir: tmp.dir, cacheDir: tmp.cache });
    expect(first.loadReport.readFiles).toBe(1);
    const second = loadLibrary({ contentDir: tmp.dir, cacheDir: tmp.cache });
    expect(second.loadReport).toMatchObject({ readFiles: 0, cachedFiles: 1, indexFromCache: true });
    expect(second.articles().map((a) => a.id)).toEqual(first.articles().map((a) => a.id));
    expect(second.search('securty guarantees')).toEqual(first.search('securty guarantees'));
    expect(second.stats().version).toBe(first.stats().version);
    expect(second.article(RUBIO)!.sentences).toEqual(first.article(RUBIO)!.sentences);
    expect(second.article(RUBIO)!.sentences.length).toBeGreaterThan(20);
    expect(second.summary(RUBIO, { length: 'long' })).toEqual(first.summary(RUBIO, { length: 'long' }));
  });

  it('re-reads only the files that changed since the cache was written', () => {
    loadLibrary({ contentDir: tmp.dir, cacheDir: tmp.cache });
    fs.writeFileSync(path.join(tmp.dir, 'new.txt'), extraArticle('Volcano erupts near Reykjavik', 'Lava flowed towards the town of Grindavik on Sunday, officials said.'));
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: tmp.cache });
    expect(lib.loadReport).toMatchObject({ readFiles: 1, cachedFiles: 1, indexFromCache: true });
    expect(lib.search('volcano grindavik')[0]?.title).toBe('Volcano erupts near Reykjavik');
  });

  it('updates its indexes when one file is added, changed or removed', () => {
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    const before = lib.stats().version;
    const file = path.join(tmp.dir, 'late.txt');
    fs.writeFileSync(file, extraArticle('Glacier retreat speeds up in the Alps', 'Swiss glaciers lost a record share of their ice this summer.'));
    lib.refreshFile('late.txt');
    expect(lib.search('glacier alps')[0]?.title).toBe('Glacier retreat speeds up in the Alps');
    expect(lib.stats().version).not.toBe(before);

    fs.writeFileSync(file, extraArticle('Glacier retreat slows in Norway', 'Norwegian glaciers held steady this summer, researchers said.'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    lib.refreshFile('late.txt');
    expect(lib.search('glacier')[0]?.title).toBe('Glacier retreat slows in Norway');
    expect(lib.articles().some((a) => a.title.includes('Alps'))).toBe(false);

    fs.rmSync(file);
    lib.refreshFile('late.txt');
    expect(lib.search('glacier norway')).toEqual([]);
    expect(lib.stats().articles).toBe(2);
  });

  it('reports a bad file as a warning and still loads every other article', () => {
    fs.writeFileSync(path.join(tmp.dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(tmp.dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: null });
    expect(lib.stats().articles).toBe(2);
    const files = lib.warnings().map((w) => w.file);
    expect(files).toEqual(expect.arrayContaining(['empty.txt', 'binary.txt']));
  });

  it('names a content folder it cannot read instead of failing', () => {
    const lib = loadLibrary({ contentDir: path.join(tmp.dir, 'no-such-folder'), cacheDir: null });
    expect(lib.stats().articles).toBe(0);
    expect(lib.warnings()).toEqual([{ file: '.', reason: 'folder could not be read: ENOENT' }]);
  });

  it('ignores an unreadable or foreign cache file instead of failing', () => {
    fs.mkdirSync(tmp.cache, { recursive: true });
    fs.writeFileSync(path.join(tmp.cache, 'library.v8'), 'not a snapshot');
    const lib = loadLibrary({ contentDir: tmp.dir, cacheDir: tmp.cache });
    expect(lib.stats().articles).toBe(2);
    expect(lib.loadReport.readFiles).toBe(1);
  });
});
