// Numbered schema migrations. Append only: a released migration never changes.
import type Database from 'better-sqlite3';
import { LIVE_MIGRATION } from './live-schema';

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
  {
    version: 3,
    name: 'article store: sources, articles with their analysis, a change log and the persisted search index',
    sql: `
      -- Where articles come from: a file of a content folder (kind 'file', root = the folder's real path,
      -- id = path inside it) or, later, a feed (kind 'feed', root '', id = its URL).
      CREATE TABLE sources (
        kind             TEXT NOT NULL,
        root             TEXT NOT NULL,
        id               TEXT NOT NULL,
        size             INTEGER,
        mtime_ms         REAL,
        content_hash     TEXT,
        analysis_version TEXT NOT NULL,
        warnings         TEXT NOT NULL DEFAULT '[]',   -- JSON [{file, reason}]
        synced_at        TEXT NOT NULL,
        PRIMARY KEY (kind, root, id)
      );

      CREATE TABLE articles (
        id               TEXT PRIMARY KEY,             -- the slug every command and the ledger use
        source_kind      TEXT NOT NULL,
        source_root      TEXT NOT NULL,
        source_id        TEXT NOT NULL,
        position         INTEGER NOT NULL,             -- order within its source
        item_key         TEXT,                         -- a feed item's identity within its feed (null for files)
        url              TEXT,                         -- canonical URL when known
        title            TEXT NOT NULL,
        date             TEXT,                         -- ISO instant
        date_approximate INTEGER NOT NULL DEFAULT 0,
        content_hash     TEXT NOT NULL,                -- of the article's text as read
        body             TEXT NOT NULL,                -- JSON: standfirst, dateline, headings, paragraphs, source, tags...
        analysis         TEXT NOT NULL,                -- JSON: quotes (with speakers) and people
        stored_at        TEXT NOT NULL,
        FOREIGN KEY (source_kind, source_root, source_id) REFERENCES sources (kind, root, id) ON DELETE CASCADE
      );
      CREATE INDEX articles_source ON articles (source_kind, source_root, source_id);
      CREATE UNIQUE INDEX articles_item ON articles (source_kind, source_root, source_id, item_key) WHERE item_key IS NOT NULL;
      CREATE INDEX articles_date ON articles (source_kind, date);

      -- Every insert, update and delete of an article, in order: readers that keep an index in memory
      -- follow it (another process, or a feed poller, may have written), and its last seq is the store's change counter.
      CREATE TABLE article_changes (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TRIGGER articles_inserted AFTER INSERT ON articles BEGIN
        INSERT INTO article_changes (article_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER articles_updated AFTER UPDATE ON articles BEGIN
        INSERT INTO article_changes (article_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER articles_deleted AFTER DELETE ON articles BEGIN
        INSERT INTO article_changes (article_id) VALUES (OLD.id);
      END;

      -- The search index as built over one view of the store, so a restart restores it instead of rebuilding.
      CREATE TABLE search_snapshots (
        view             TEXT PRIMARY KEY,
        change_seq       INTEGER NOT NULL,
        analysis_version TEXT NOT NULL,
        data             BLOB NOT NULL,
        saved_at         TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'feeds: each feed once with its fetch state, and which servers (or the shared FEEDS setting) follow it',
    sql: `
      -- One row per feed URL, however many servers follow it: it is fetched once.
      CREATE TABLE feeds (
        url              TEXT PRIMARY KEY,
        title            TEXT,
        etag             TEXT,
        last_modified    TEXT,
        last_checked_at  TEXT,
        last_success_at  TEXT,
        next_due_at      TEXT,
        failures         INTEGER NOT NULL DEFAULT 0,
        first_failure_at TEXT,
        last_error       TEXT,
        disabled_reason  TEXT,
        warnings         TEXT NOT NULL DEFAULT '[]',  -- JSON [string]
        seen             TEXT NOT NULL DEFAULT '{}'   -- JSON {itemId: {hash, link}}: what decides new / updated
      );

      -- Who follows a feed: a server (guild_id), or everyone (guild_id NULL: the FEEDS setting).
      CREATE TABLE feed_sources (
        guild_id   TEXT,
        feed_url   TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        added_from TEXT                                -- the home page it was discovered from, if any
      );
      CREATE UNIQUE INDEX feed_sources_one ON feed_sources (COALESCE(guild_id, ''), feed_url);
      CREATE INDEX feed_sources_feed ON feed_sources (feed_url);
    `,
  },
  LIVE_MIGRATION,
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

/** The newest schema this code knows: a database with a higher version was made by a newer briefbot. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

export function schemaVersion(db: Database.Database): number {
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
}
