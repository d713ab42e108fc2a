// A hostile or careless database (issue 11 #8, #14, #15, #16, #17): each case was used silently before.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { openFolderLibrary } from '../../src/sources/files/folder-library';
import { inlineAnalyser } from '../../src/sources/files/analyse-pool';
import { removeStaleCache } from '../../src/sources/files/stale-temp';
import { latestVersion } from '../../src/store/migrations';
import { openDatabase } from '../../src/store/open';
import { openStore } from '../../src/store/store';

describe('a hostile database', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-hostile-db-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('#8 refuses a corrupted file at open, naming it and saying what to do', () => {
    const file = path.join(dir, 'briefbot.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', ?)").run('x'.repeat(20_000));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Overwrite pages past the header with random bytes, as a failing disk would.
    const fd = fs.openSync(file, 'r+');
    const noise = Buffer.alloc(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
    fs.writeSync(fd, noise, 0, noise.length, 4096);
    fs.closeSync(fd);
    expect(() => openDatabase(file)).toThrow(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged.*restore it from a backup, or move it aside`),
    );
  });

  it('#8 refuses a file that is not a database at all', () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    expect(() => openDatabase(file)).toThrow(/notes\.db is damaged \(file is not a database\)/);
  });

  it('#16 refuses a database made by a newer briefbot', () => {
    const file = path.join(dir, 'newer.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'from the future', '2030-01-01')").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(new RegExp(`schema version 99, made by a newer briefbot \\(this one knows up to ${latestVersion()}\\)`));
  });

  it('#17 refuses DATABASE_PATH that is not a regular file, and creates nothing next to it', () => {
    expect(() => openDatabase('/dev/null')).toThrow(/DATABASE_PATH \/dev\/null is not a regular file/);
    expect(fs.existsSync('/dev/null-journal')).toBe(false);
    expect(() => openDatabase(dir)).toThrow(/is not a regular file \(it is a folder\)/);
  });

  it('#17 names the path when the database cannot be opened', () => {
    const blocked = path.join(dir, 'blocker');
    fs.writeFileSync(blocked, 'a file where a folder should be');
    const file = path.join(blocked, 'briefbot.db');
    expect(() => openDatabase(file)).toThrow(new RegExp(file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  });

  it('#14 notices the database file deleted or replaced while running', async () => {
    const file = path.join(dir, 'live.db');
    const store = openStore(file);
    try {
      expect(store.fileProblem()).toBeNull();
      for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
      expect(store.fileProblem()).toMatch(/live\.db was deleted while briefbot was running/);
      fs.writeFileSync(file, '');
      expect(store.fileProblem()).toMatch(/live\.db was replaced while briefbot was running/);
    } finally {
      await store.close();
    }
  });

  it('#15 removes the old snapshot cache and the temp files a killed process left', () => {
    const cache = path.join(dir, '.cache', 'briefbot', '0123456789ab');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, 'library.v8'), 'old snapshot');
    fs.writeFileSync(path.join(cache, 'library.v8.4242.tmp'), 'half-written snapshot');
    const removed = removeStaleCache(dir);
    expect(removed.map((f) => path.basename(f)).sort()).toEqual(['library.v8', 'library.v8.4242.tmp']);
    expect(fs.existsSync(path.join(dir, '.cache', 'briefbot'))).toBe(false);
  });

  it('keeps articles across a restart and never re-analyses an unchanged file', async () => {
    const content = path.join(dir, 'content');
    fs.mkdirSync(content);
    fs.writeFileSync(path.join(content, 'a.txt'), 'Harbour reopens after storm\n\nThe harbour reopened on Monday, the port authority said.\n');
    const file = path.join(dir, 'store.db');
    let analysed = 0;
    const counting = inlineAnalyser();
    const analyser = { analyse: (job: Parameters<typeof counting.analyse>[0]) => (analysed++, counting.analyse(job)), close: counting.close };
    for (let run = 0; run < 2; run++) {
      const store = openStore(file);
      const lib = await openFolderLibrary({ contentDir: content, articles: store.articles, analyser });
      expect((await lib.search('harbour'))[0]?.title).toBe('Harbour reopens after storm');
      await lib.close();
      await store.close();
    }
    expect(analysed).toBe(1);
  });
});
