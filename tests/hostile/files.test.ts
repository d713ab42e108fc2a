// Hostile files in the content folder (issue 11 #1, #2, #4, #10, #11): each case failed before the article
// store and its folder sync existed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerPool } from '../../src/sources/files/analyse-pool';
import { loadFolderLibrary, type StandaloneLibrary } from '../helpers/load-folder';

const ENDLESS_WORKER = path.join(__dirname, '..', 'fixtures', 'workers', 'endless-article-worker.ts');
const article = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('hostile files', () => {
  let root: string;
  let dir: string;
  const open: StandaloneLibrary[] = [];
  const load = async (opts: Parameters<typeof loadFolderLibrary>[1] = {}) => {
    const lib = await loadFolderLibrary(dir, opts);
    open.push(lib);
    return lib;
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-hostile-'));
    dir = path.join(root, 'content');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ok.txt'), article('Harbour reopens after storm', 'The harbour reopened on Monday, the port authority said.'));
  });
  afterEach(async () => {
    for (const lib of open.splice(0)) await lib.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('#1 an article whose analysis never ends', () => {
    it('is skipped with a warning once over its time budget; the other articles of the file and folder load, and the event loop stays free', async () => {
      fs.writeFileSync(
        path.join(dir, 'mixed.json'),
        JSON.stringify([
          { title: 'Bridge opens to traffic', body: 'The new bridge opened on Tuesday, the mayor said.' },
          { title: 'Endless story of doom', body: 'This one never finishes.' },
          { title: 'Library extends its hours', body: 'The city library will open on Sundays, officials said.' },
        ]),
      );
      const pool = new WorkerPool({ size: 1, budgetMs: 1500, workerEntry: ENDLESS_WORKER });
      let worstLagMs = 0;
      let last = Date.now();
      const tick = setInterval(() => {
        worstLagMs = Math.max(worstLagMs, Date.now() - last - 50);
        last = Date.now();
      }, 50);
      try {
        const lib = await load({ analyser: pool });
        expect(
          lib
            .articles()
            .map((a) => a.title)
            .sort(),
        ).toEqual(['Bridge opens to traffic', 'Harbour reopens after storm', 'Library extends its hours']);
        expect(lib.warnings()).toContainEqual({
          file: 'mixed.json',
          reason: expect.stringMatching(/"Endless story of doom" skipped: took longer than 1\.5 s/),
        });
      } finally {
        clearInterval(tick);
        await pool.close();
      }
      expect(worstLagMs).toBeLessThan(500);
    }, 30_000);
  });

  describe('#4 symbolic links', () => {
    it('never reads a file through a link that leaves the folder, at load or when the link appears later', async () => {
      const secret = path.join(root, 'secret.txt');
      fs.writeFileSync(secret, article('Root password list', 'root:x:0:0:root:/root:/bin/bash'));
      fs.symlinkSync(secret, path.join(dir, 'passwd.txt'));
      const lib = await load();
      expect(await lib.search('root bash')).toEqual([]);
      expect(lib.warnings()).toContainEqual({ file: 'passwd.txt', reason: 'symbolic link that leads outside the content folder: skipped' });

      fs.symlinkSync(secret, path.join(dir, 'later.txt'));
      await lib.sync.paths(['later.txt']);
      await lib.catchUp();
      expect(await lib.search('root bash')).toEqual([]);
      expect(lib.warnings().map((w) => w.file)).toContain('later.txt');
    });

    it('refuses a file reached through a linked folder that leaves the content folder', async () => {
      const outside = path.join(root, 'outside');
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(outside, 'private.txt'), article('Private diary entry', 'Nobody should read this diary.'));
      fs.symlinkSync(outside, path.join(dir, 'linked'));
      const lib = await load();
      await lib.sync.paths(['linked/private.txt']);
      await lib.catchUp();
      expect(await lib.search('diary')).toEqual([]);
    });

    it('still reads a link that stays inside the folder', async () => {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'real.txt'), article('Orchard harvest ends early', 'Apple growers finished picking in September.'));
      fs.symlinkSync(path.join(dir, 'sub', 'real.txt'), path.join(dir, 'alias.txt'));
      const lib = await load();
      expect(lib.articles().filter((a) => a.title === 'Orchard harvest ends early')).toHaveLength(2);
    });
  });

  describe('#10 awkward file names', () => {
    it('reads a file with a backslash in its name, at load and when it changes', async () => {
      fs.writeFileSync(path.join(dir, 'back\\slash.txt'), article('Backslash file speaks', 'The file with a backslash was read, its author said.'));
      const lib = await load();
      expect((await lib.search('backslash'))[0]?.title).toBe('Backslash file speaks');
      fs.writeFileSync(path.join(dir, 'back\\slash.txt'), article('Backslash file edited', 'It was edited and read again, said the editor.'));
      await lib.sync.paths(['back\\slash.txt']);
      await lib.catchUp();
      expect((await lib.search('backslash'))[0]?.title).toBe('Backslash file edited');
    });

    it('warns about a name that is not UTF-8 instead of losing it silently', async () => {
      const name = Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
      fs.writeFileSync(name, article('Latin-1 named file', 'Its name has a byte that is not UTF-8.'));
      const lib = await load();
      expect(lib.warnings()).toContainEqual({ file: 'caf\u00e9.txt', reason: expect.stringMatching(/file name is not valid UTF-8/) });
    });
  });

  describe('#11 stale articles', () => {
    it('forgets a sub-folder moved out of the folder', async () => {
      fs.mkdirSync(path.join(dir, 'desk'));
      fs.writeFileSync(path.join(dir, 'desk', 'one.txt'), article('Volcano erupts near Grindavik', 'Lava reached the road, officials said.'));
      const lib = await load();
      expect(await lib.search('volcano')).toHaveLength(1);
      fs.renameSync(path.join(dir, 'desk'), path.join(root, 'desk'));
      await lib.sync.paths(['desk']);
      await lib.catchUp();
      expect(await lib.search('volcano')).toEqual([]);
    });

    it('reads a file rewritten with the same size and modification time when the watcher saw it change', async () => {
      const file = path.join(dir, 'same.txt');
      fs.writeFileSync(file, article('Tram line one opens', 'Trams run every ten minutes.'));
      const { mtime } = fs.statSync(file);
      const lib = await load();
      fs.writeFileSync(file, article('Tram line two opens', 'Trams run every ten minutes.'));
      fs.utimesSync(file, mtime, mtime);
      await lib.sync.paths(['same.txt']);
      await lib.catchUp();
      expect(lib.articles().map((a) => a.title)).toContain('Tram line two opens');
      expect(lib.articles().map((a) => a.title)).not.toContain('Tram line one opens');
    });
  });

  describe('#2 10,000 files copied into the watched folder', () => {
    const COUNT = Number(process.env.HOSTILE_COPY_COUNT ?? 10_000);

    it('makes them all searchable within a minute while the event loop keeps answering', async () => {
      const staging = path.join(root, 'staging');
      fs.mkdirSync(staging);
      for (let i = 0; i < COUNT; i++) {
        fs.writeFileSync(
          path.join(staging, `n${i}.txt`),
          article(`Dispatch number ${i} zqx${i}`, `Reporters filed dispatch ${i} on the ferry strike, the union said.`),
        );
      }
      const pool = new WorkerPool({ size: 2 });
      const lib = await load({ analyser: pool });
      const watcher = lib.watch({ saveEveryMs: 5_000 });
      let worstLagMs = 0;
      let last = Date.now();
      const tick = setInterval(() => {
        worstLagMs = Math.max(worstLagMs, Date.now() - last - 25);
        last = Date.now();
      }, 25);
      const started = Date.now();
      try {
        fs.mkdirSync(path.join(dir, 'drop'));
        const names = fs.readdirSync(staging);
        for (let i = 0; i < names.length; i += 200) {
          await Promise.all(names.slice(i, i + 200).map((n) => fs.promises.copyFile(path.join(staging, n), path.join(dir, 'drop', n))));
        }
        while (lib.stats().articles < COUNT + 1 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 250));
        const ms = Date.now() - started;
        console.log(`${COUNT} files copied in: all searchable after ${ms} ms, worst event-loop lag ${worstLagMs} ms`);
        expect(lib.stats().articles).toBe(COUNT + 1);
        expect((await lib.search(`zqx${COUNT - 1}`))[0]?.title).toBe(`Dispatch number ${COUNT - 1} zqx${COUNT - 1}`);
        expect(worstLagMs).toBeLessThan(1000);
      } finally {
        clearInterval(tick);
        watcher.close();
        await pool.close();
      }
    }, 180_000);
  });
});
