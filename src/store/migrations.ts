// Numbered schema migrations. Append only: a released migration never changes.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'schedules, deliveries ledger, briefed articles',
    sql: `
      CREATE TABLE schedules (
        channel_id     TEXT PRIMARY KEY,
        guild_id       TEXT NOT NULL,
        time           TEXT NOT NULL,              -- local HH:MM
        timezone       TEXT NOT NULL,              -- IANA name
        topic          TEXT,
        articles       INTEGER NOT NULL DEFAULT 5,
        announce_empty INTEGER NOT NULL DEFAULT 0,
        paused         INTEGER NOT NULL DEFAULT 0,
        pause_reason   TEXT,
        failure_days   INTEGER NOT NULL DEFAULT 0, -- consecutive failed days
        effective_from TEXT NOT NULL,              -- ISO instant: slots due before it are not owed
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      );
      CREATE INDEX schedules_guild ON schedules (guild_id);

      CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY,
        channel_id      TEXT NOT NULL,
        guild_id        TEXT NOT NULL,
        local_date      TEXT NOT NULL,             -- YYYY-MM-DD in the schedule's zone
        status          TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'empty', 'failed')),
        trigger         TEXT NOT NULL,             -- schedule | catch-up | now | recovery
        late            INTEGER NOT NULL DEFAULT 0,
        claimed_by      TEXT NOT NULL,
        claimed_at      TEXT NOT NULL,
        posted_at       TEXT,
        message_ids     TEXT NOT NULL DEFAULT '[]',
        article_ids     TEXT NOT NULL DEFAULT '[]',
        attempts        INTEGER NOT NULL DEFAULT 1,
        error           TEXT,
        error_kind      TEXT,                      -- permissions | gone | transient | interrupted | unknown
        failure_counted INTEGER NOT NULL DEFAULT 0,
        UNIQUE (channel_id, local_date)
      );
      CREATE INDEX deliveries_status ON deliveries (status);

      CREATE TABLE briefed_articles (
        channel_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        briefed_at TEXT NOT NULL,
        PRIMARY KEY (channel_id, article_id)
      );
    `,
  },
  {
    version: 2,
    name: 'meta: small key-value facts such as the last applied environment default',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

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
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return applied;
}

export function schemaVersion(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
}
