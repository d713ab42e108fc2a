import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/open';
import { openStore } from '../../src/store/store';

// The whole-file integrity check runs at open unless the file is exactly as a clean close of ours left it.
describe('the integrity check at open', () => {
  let dir: string;
  let file: string;
  let checks: number;
  let spy: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-integrity-'));
    file = path.join(dir, 'briefbot.db');
    checks = 0;
    const pragma = Database.prototype.pragma;
    spy = jest.spyOn(Database.prototype, 'pragma').mockImplementation(function (
      this: Database.Database,
      source: string,
      options?: Database.PragmaOptions,
    ) {
      if (source === 'quick_check') checks++;
      return pragma.call(this, source, options);
    });
  });
  afterEach(() => {
    spy.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function createAndClose(): Promise<void> {
    const store = openStore(file);
    await store.meta.set('k', 'x'.repeat(20_000));
    await store.close();
  }

  it('runs at the first open and is skipped when the file is unchanged since our clean close', async () => {
    await createAndClose();
    expect(checks).toBe(1);
    const store = openStore(file);
    expect(checks).toBe(1);
    expect(await store.meta.get('k')).toHaveLength(20_000);
    await store.close();
  });

  it('still refuses a file damaged after a clean close', async () => {
    await createAndClose();
    const fd = fs.openSync(file, 'r+');
    const noise = Buffer.alloc(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 251;
    fs.writeSync(fd, noise, 0, noise.length, 4096);
    fs.closeSync(fd);
    expect(() => openStore(file)).toThrow(/is damaged/);
  });

  it('runs again when the previous process did not close (its write-ahead log is left)', async () => {
    await createAndClose();
    const crashed = openDatabase(file); // never closed, as if the process had died
    crashed.prepare('SELECT count(*) FROM meta').get();
    const before = checks;
    const store = openStore(file);
    expect(checks).toBe(before + 1);
    await store.close();
    crashed.close();
  });

  it('runs again after an open that ended without a close, even once its log is gone', async () => {
    await createAndClose();
    const first = openStore(file);
    first.db.close(); // closed by SQLite, not by us: no mark is written again
    const before = checks;
    const again = openStore(file);
    expect(checks).toBe(before + 1);
    await again.close();
  });
});
