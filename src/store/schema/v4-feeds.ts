// Migration 4: feeds: each feed once with its fetch state, and which servers (or the shared FEEDS setting) follow it. SQLite and Postgres side by side: the same tables and constraints in each dialect.
import type { Migration } from '../migrations';

export const V4_FEEDS: Migration = {
  version: 4,
  name: 'feeds: each feed once with its fetch state, and which servers (or the shared FEEDS setting) follow it',
  sqlite: `
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
  postgres: `
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
        warnings         TEXT NOT NULL DEFAULT '[]',
        seen             TEXT NOT NULL DEFAULT '{}'
      );

      CREATE TABLE feed_sources (
        guild_id   TEXT,
        feed_url   TEXT NOT NULL,
        added_at   TEXT NOT NULL,
        added_from TEXT
      );
      CREATE UNIQUE INDEX feed_sources_one ON feed_sources (COALESCE(guild_id, ''), feed_url);
      CREATE INDEX feed_sources_feed ON feed_sources (feed_url);
    `,
};
