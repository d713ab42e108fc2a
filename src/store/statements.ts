// Prepared statements, prepared once per database: preparing is far dearer than running.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

export class Statements {
  private readonly cache = new Map<string, Statement>();
  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
}
