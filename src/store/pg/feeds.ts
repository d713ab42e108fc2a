// Feeds on Postgres: each feed once with its fetch state and lease, and who follows it (see src/store/feeds.ts).
import { feedStateValues, fromRow, sourceFromRow, type FeedRow, type FeedSourceRow, type SourceRowRaw, type StoredFeedState } from '../feeds';
import type { FeedStore } from '../ports';
import type { PgDb } from './db';

export class PgFeedStore implements FeedStore {
  constructor(
    private readonly db: PgDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(url: string): Promise<StoredFeedState | null> {
    const r = await this.db.one<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
    return r ? fromRow(r) : null;
  }

  async save(s: StoredFeedState): Promise<void> {
    await this.db.run(
      `INSERT INTO feeds (url, title, etag, last_modified, last_checked_at, last_success_at, next_due_at, failures,
                          first_failure_at, last_error, disabled_reason, warnings, seen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag, last_modified = excluded.last_modified,
         last_checked_at = excluded.last_checked_at, last_success_at = excluded.last_success_at,
         next_due_at = excluded.next_due_at, failures = excluded.failures, first_failure_at = excluded.first_failure_at,
         last_error = excluded.last_error, disabled_reason = excluded.disabled_reason, warnings = excluded.warnings,
         seen = excluded.seen`,
      feedStateValues(s),
    );
  }

  async list(): Promise<StoredFeedState[]> {
    return (await this.db.rows<FeedRow>('SELECT * FROM feeds ORDER BY url')).map(fromRow);
  }

  async lease(url: string, holder: string, now: Date, ms: number): Promise<boolean> {
    const r = await this.db.one<{ url: string }>(
      `INSERT INTO feeds (url, lease_owner, lease_until) VALUES ($1, $2, $4)
       ON CONFLICT (url) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
       WHERE feeds.lease_until IS NULL OR feeds.lease_until < $3 OR feeds.lease_owner = $2
       RETURNING url`,
      [url, holder, now.toISOString(), new Date(now.getTime() + ms).toISOString()],
    );
    return r !== null;
  }

  async release(url: string, holder: string): Promise<void> {
    await this.db.run('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = $1 AND lease_owner = $2', [url, holder]);
  }

  async addSource(guildId: string | null, url: string, addedFrom: string | null = null): Promise<boolean> {
    const n = await this.db.run(
      'INSERT INTO feed_sources (guild_id, feed_url, added_at, added_from) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [guildId, url, this.clock().toISOString(), addedFrom],
    );
    return n > 0;
  }

  async removeSource(guildId: string, url: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM feed_sources WHERE guild_id = $1 AND feed_url = $2', [guildId, url])) > 0;
  }

  async setShared(urls: string[]): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.tx(async (c) => {
      const keep = new Set(urls);
      const { rows } = await c.query<{ feed_url: string; added_from: string | null }>(
        'SELECT feed_url, added_from FROM feed_sources WHERE guild_id IS NULL FOR UPDATE',
      );
      const named = new Set<string>();
      for (const r of rows) {
        if (keep.has(r.feed_url) || (r.added_from !== null && keep.has(r.added_from))) named.add(r.added_from ?? r.feed_url).add(r.feed_url);
        else await c.query('DELETE FROM feed_sources WHERE guild_id IS NULL AND feed_url = $1', [r.feed_url]);
      }
      for (const url of urls) {
        if (!named.has(url))
          await c.query('INSERT INTO feed_sources (guild_id, feed_url, added_at, added_from) VALUES (NULL, $1, $2, NULL) ON CONFLICT DO NOTHING', [
            url,
            now,
          ]);
      }
    });
  }

  async replaceShared(pageUrl: string, feedUrl: string): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.tx(async (c) => {
      await c.query('DELETE FROM feed_sources WHERE guild_id IS NULL AND feed_url = $1', [pageUrl]);
      await c.query('INSERT INTO feed_sources (guild_id, feed_url, added_at, added_from) VALUES (NULL, $1, $2, $3) ON CONFLICT DO NOTHING', [
        feedUrl,
        now,
        pageUrl,
      ]);
    });
  }

  async sources(guildId: string | null): Promise<FeedSourceRow[]> {
    const rows =
      guildId === null
        ? await this.db.rows<SourceRowRaw>('SELECT * FROM feed_sources WHERE guild_id IS NULL ORDER BY added_at, feed_url')
        : await this.db.rows<SourceRowRaw>('SELECT * FROM feed_sources WHERE guild_id = $1 ORDER BY added_at, feed_url', [guildId]);
    return rows.map(sourceFromRow);
  }

  async allSources(): Promise<FeedSourceRow[]> {
    return (await this.db.rows<SourceRowRaw>('SELECT * FROM feed_sources ORDER BY added_at, feed_url')).map(sourceFromRow);
  }

  async followedFeeds(): Promise<string[]> {
    return (await this.db.rows<{ feed_url: string }>('SELECT DISTINCT feed_url FROM feed_sources ORDER BY feed_url')).map((r) => r.feed_url);
  }

  async articleCount(url: string): Promise<number> {
    return (await this.db.one<{ n: number }>("SELECT COUNT(*)::int AS n FROM articles WHERE source_kind = 'feed' AND source_id = $1", [url]))!.n;
  }

  async storedItem(url: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null> {
    const r = await this.db.one<{ id: string; teaser: string | null }>(
      `SELECT id, body::jsonb ->> 'teaser' AS teaser FROM articles
       WHERE source_kind = 'feed' AND source_root = '' AND source_id = $1 AND item_key = $2`,
      [url, itemKey],
    );
    return r ? { id: r.id, teaser: r.teaser === 'true' } : null;
  }
}
