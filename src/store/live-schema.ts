// Migration 5: live subscriptions (a feed posting to a channel, with its filter) and the live ledger (one row
// per channel and article: the claim-before-post uniqueness is the primary key, so the database arbitrates
// between processes). Kept apart from migrations.ts so the feeds work (migration 4) does not collide with it.
import type { Migration } from './migrations';

export const LIVE_MIGRATION: Migration = {
  version: 5,
  name: 'live posts: subscriptions per channel and feed, and the live ledger',
  sql: `
    CREATE TABLE live_subscriptions (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      guild_id        TEXT NOT NULL,
      channel_id      TEXT NOT NULL,
      feed_url        TEXT NOT NULL,
      source_name     TEXT NOT NULL,
      filter_include  TEXT NOT NULL DEFAULT '',    -- the filter as the admin's canonical text (parses back)
      filter_exclude  TEXT NOT NULL DEFAULT '',
      filter_topic    TEXT NOT NULL DEFAULT '',
      created_at      TEXT NOT NULL,
      first_polled_at TEXT,                        -- null until the first poll after subscribing (posts nothing)
      stopped_kind    TEXT,
      stopped_reason  TEXT,                        -- why it stopped (403/404), shown in /sources list
      UNIQUE (channel_id, feed_url)
    );
    CREATE INDEX live_subscriptions_guild ON live_subscriptions (guild_id);
    CREATE INDEX live_subscriptions_feed ON live_subscriptions (feed_url);

    CREATE TABLE live_posts (
      channel_id      TEXT NOT NULL,
      key             TEXT NOT NULL,               -- article id, or summary:<subscription>:<first left out>
      subscription_id TEXT NOT NULL,
      story_id        TEXT,
      status          TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped', 'failed')),
      job             TEXT,                        -- JSON: what the claim is for, so a restart can finish it
      reason          TEXT,
      owner           TEXT,
      claimed_at      TEXT NOT NULL,
      posted_at       TEXT,
      message_id      TEXT,
      attempts        INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (channel_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX live_posts_unfinished ON live_posts (status, claimed_at);
    CREATE INDEX live_posts_story ON live_posts (channel_id, story_id) WHERE story_id IS NOT NULL;
  `,
};
