// Migration 3: article store: sources, articles with their analysis, a change log and the persisted search index. SQLite and Postgres side by side: the same tables and constraints in each dialect.
import type { Migration } from '../migrations';

export const V3_ARTICLES: Migration = {
  version: 3,
  name: 'article store: sources, articles with their analysis, a change log and the persisted search index',
  sqlite: `
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
  postgres: `
      CREATE TABLE sources (
        kind             TEXT NOT NULL,
        root             TEXT NOT NULL,
        id               TEXT NOT NULL,
        size             BIGINT,
        mtime_ms         DOUBLE PRECISION,
        content_hash     TEXT,
        analysis_version TEXT NOT NULL,
        warnings         TEXT NOT NULL DEFAULT '[]',
        synced_at        TEXT NOT NULL,
        PRIMARY KEY (kind, root, id)
      );

      CREATE TABLE articles (
        id               TEXT PRIMARY KEY,
        source_kind      TEXT NOT NULL,
        source_root      TEXT NOT NULL,
        source_id        TEXT NOT NULL,
        position         INTEGER NOT NULL,
        item_key         TEXT,
        url              TEXT,
        title            TEXT NOT NULL,
        date             TEXT,
        date_approximate INTEGER NOT NULL DEFAULT 0,
        content_hash     TEXT NOT NULL,
        body             TEXT NOT NULL,
        analysis         TEXT NOT NULL,
        stored_at        TEXT NOT NULL,
        FOREIGN KEY (source_kind, source_root, source_id) REFERENCES sources (kind, root, id) ON DELETE CASCADE
      );
      CREATE INDEX articles_source ON articles (source_kind, source_root, source_id);
      CREATE UNIQUE INDEX articles_item ON articles (source_kind, source_root, source_id, item_key) WHERE item_key IS NOT NULL;
      CREATE INDEX articles_date ON articles (source_kind, date);

      -- Writers of articles hold one advisory lock per transaction, so change seqs commit in order and a
      -- reader polling seq > n never skips a change that commits late.
      CREATE TABLE article_changes (
        seq        BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        article_id TEXT NOT NULL,
        changed_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      );
      CREATE FUNCTION article_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO article_changes (article_id) VALUES (OLD.id);
        ELSE
          INSERT INTO article_changes (article_id) VALUES (NEW.id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER articles_changed AFTER INSERT OR UPDATE OR DELETE ON articles FOR EACH ROW EXECUTE FUNCTION article_changed();

      CREATE TABLE search_snapshots (
        view             TEXT PRIMARY KEY,
        change_seq       BIGINT NOT NULL,
        analysis_version TEXT NOT NULL,
        data             BYTEA NOT NULL,
        saved_at         TEXT NOT NULL
      );
    `,
};
