import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, schemaVersion } from '../../src/store/migrations';
import { openDatabase } from '../../src/store/open';

describe('opening the database', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates missing directories, uses WAL and applies every migration on first start', () => {
    const file = path.join(dir, 'data', 'deep', 'briefbot.db');
    const db = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['schema_version', 'schedules', 'deliveries', 'briefed_articles', 'meta']));
    } finally {
      db.close();
    }
  });

  it('applies nothing the second time and keeps the data', () => {
    const file = path.join(dir, 'briefbot.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    first.close();
    const second = openDatabase(file);
    try {
      expect(migrate(second)).toEqual([]);
      expect(second.prepare("SELECT value FROM meta WHERE key = 'k'").get()).toEqual({ value: 'v' });
      expect((second.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(MIGRATIONS.length);
    } finally {
      second.close();
    }
  });

  it('upgrades an older database by applying only the newer migrations, in order', () => {
    const db = new Database(path.join(dir, 'old.db'));
    try {
      expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
      expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    } finally {
      db.close();
    }
  });

  it('rolls a failing migration back entirely and leaves the version where it was', () => {
    const db = new Database(':memory:');
    try {
      const broken = [
        ...MIGRATIONS,
        { version: 99, name: 'broken', sqlite: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;', postgres: '' },
      ];
      expect(() => migrate(db, broken)).toThrow(/no_such_table/);
      expect(schemaVersion(db)).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
