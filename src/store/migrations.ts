// Numbered schema migrations, one file each under schema/ with both dialects. Append only: a released migration
// never changes. This file runs them on SQLite; pg/migrate.ts runs the same list on Postgres.
import type Database from 'better-sqlite3';
import { V1_SCHEDULES } from './schema/v1-schedules';
import { V2_META } from './schema/v2-meta';
import { V3_ARTICLES } from './schema/v3-articles';
import { V4_FEEDS } from './schema/v4-feeds';
import { V5_LIVE } from './schema/v5-live';
import { V6_FEED_LEASES } from './schema/v6-feed-leases';
import { V7_ARTICLE_HEADERS } from './schema/v7-article-headers';

/** One schema version: the same tables and constraints written for each database. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [V1_SCHEDULES, V2_META, V3_ARTICLES, V4_FEEDS, V5_LIVE, V6_FEED_LEASES, V7_ARTICLE_HEADERS];

/** Applies every migration newer than the database, each in its own immediate transaction. Returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE takes the write lock first, so two shards starting together cannot both apply it.
    db.transaction(() => {
      const { v } = current.get() as { v: number };
      if (migration.version <= v) return;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}

/** The newest schema this code knows: a database with a higher version was made by a newer briefbot. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

export function schemaVersion(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
}
