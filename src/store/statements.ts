// Prepared statements, prepared once per database and shared by its repositories: preparing is far dearer than running.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

export type Prepare = (sql: string) => Statement;

const caches = new WeakMap<Db, Map<string, Statement>>();

/** The database's statement for `sql`: prepared the first time it is asked for, the same one after. */
export function preparedOn(db: Db): Prepare {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const statements = cache;
  return (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
}
