// Opens (and on first start creates) the database, refusing one it must not use: not a regular file,
// corrupted, or made by a newer briefbot. Every refusal names the file and says what to do.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, migrate, schemaVersion } from './migrations';

export type Db = Database.Database;

export class DatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}

function refuseNonRegular(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return; // absent: created below
  }
  if (!st.isFile()) {
    throw new DatabaseError(
      `DATABASE_PATH ${file} is not a regular file (it is a ${st.isDirectory() ? 'folder' : 'device or special file'}). ` +
        'Point DATABASE_PATH (or --database) at a file such as ./data/briefbot.db.',
    );
  }
}

function checkIntegrity(db: Db, file: string): void {
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (err) {
    result = (err as Error).message;
  }
  if (result !== 'ok') {
    throw new DatabaseError(
      `The database ${file} is damaged (${result.split('\n')[0]}). Stop briefbot, then restore it from a backup, ` +
        `or move it aside (mv ${file} ${file}.broken) to start with an empty one (schedules are then lost; articles are read again).`,
    );
  }
}

function refuseNewer(db: Db, file: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!hasTable) return;
  const version = schemaVersion(db);
  if (version > latestVersion()) {
    throw new DatabaseError(
      `The database ${file} has schema version ${version}, made by a newer briefbot (this one knows up to ${latestVersion()}). ` +
        'Downgrading is not supported: run the newer briefbot, or point DATABASE_PATH at another file.',
    );
  }
}

function openRaw(file: string): Db {
  try {
    return new Database(file);
  } catch (err) {
    throw new DatabaseError(`Could not open the database ${file}: ${(err as Error).message}`);
  }
}

/**
 * What the database file is on disk: identity, size and change times (ctime cannot be set back by tools, so any
 * write through the file system changes it).
 */
function fileStamp(file: string): string | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return null;
  }
}

const checkedMark = (file: string): string => `${file}-checked`;

/**
 * `PRAGMA quick_check` reads the whole file (a tenth of a second at 10,000 articles, on every CLI search). It
 * can be skipped when the file is exactly as a clean close of ours left it: the mark holds the file's stamp
 * written after that close, when no write-ahead log was left (so no other connection was open and none crashed:
 * a crashed or still-running writer leaves its -wal file). Any later write to the file, by SQLite or anything
 * else, changes its ctime, so the stamp no longer matches and the check runs. The mark is removed at every open,
 * so a process that dies without closing leaves none.
 */
function cleanSinceLastClose(file: string): boolean {
  const mark = checkedMark(file);
  let recorded: string;
  try {
    recorded = fs.readFileSync(mark, 'utf8');
    fs.rmSync(mark, { force: true });
  } catch {
    return false;
  }
  return !fs.existsSync(`${file}-wal`) && recorded === fileStamp(file);
}

/** Closes the database and, when it was the last connection (no -wal left), marks the file as cleanly closed. */
export function closeDatabase(db: Db, file: string = db.name): void {
  if (!db.open) return;
  db.close();
  if (file === ':memory:' || fs.existsSync(`${file}-wal`)) return;
  const stamp = fileStamp(file);
  try {
    if (stamp) fs.writeFileSync(checkedMark(file), stamp);
  } catch {
    // A read-only folder: the next open simply runs the check.
  }
}

export function openDatabase(file: string): Db {
  const memory = file === ':memory:';
  if (!memory) {
    refuseNonRegular(file);
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch (err) {
      throw new DatabaseError(`Could not create the folder for the database ${file}: ${(err as Error).message}`);
    }
  }
  const checked = !memory && cleanSinceLastClose(file);
  const db = openRaw(file);
  try {
    if (!checked) checkIntegrity(db, file);
    refuseNewer(db, file);
    // WAL lets shards read while one writes; busy_timeout makes a second writer wait instead of failing.
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof DatabaseError) throw err;
    throw new DatabaseError(`Could not open the database ${file}: ${(err as Error).message}`);
  }
  return db;
}

/**
 * Notices the database file being deleted or replaced under a running process (its writes would go to a
 * file nobody can open again). Returns a check to call before writes or on a timer: null while all is well.
 */
export function fileIdentityCheck(file: string): () => string | null {
  if (file === ':memory:') return () => null;
  const identity = (): string | null => {
    try {
      const st = fs.statSync(file);
      return `${st.dev}:${st.ino}`;
    } catch {
      return null;
    }
  };
  const original = identity();
  return () => {
    const now = identity();
    if (now === original) return null;
    return now === null
      ? `The database file ${file} was deleted while briefbot was running: changes since then would be lost. Restart briefbot (restore the file from a backup first if you have one).`
      : `The database file ${file} was replaced while briefbot was running. Restart briefbot so it uses the new file.`;
  };
}
