// Feeds on Postgres: each feed once with its fetch state and lease, and who follows it — the rules and statements
// of src/store/feeds.ts (src/store/sql/feeds.ts); only reading JSON is Postgres's own.
import {
  feedStateValues,
  fromRow,
  leaseValues,
  sharedChanges,
  sourceFromRow,
  type FeedRow,
  type FeedSourceRow,
  type SourceRowRaw,
  type StoredFeedState,
} from '../feeds';
import type { FeedStore } from '../ports';
import { FEED_SQL } from '../sql/feeds';
import type { PgDb } from './db';

export class PgFeedStore implements FeedStore {
  constructor(
    private readonly db: PgDb,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(url: string): Promise<StoredFeedState | null> {
    const r = await this.db.one<FeedRow>(FEED_SQL.get, [url]);
    return r ? fromRow(r) : null;
  }

  async save(s: StoredFeedState): Promise<void> {
    await this.db.run(FEED_SQL.save, feedStateValues(s));
  }

  async list(): Promise<StoredFeedState[]> {
    return (await this.db.rows<FeedRow>(FEED_SQL.list)).map(fromRow);
  }

  async lease(url: string, holder: string, now: Date, ms: number): Promise<boolean> {
    return (await this.db.run(FEED_SQL.lease, leaseValues(url, holder, now, ms))) > 0;
  }

  async release(url: string, holder: string): Promise<void> {
    await this.db.run(FEED_SQL.release, [url, holder]);
  }

  async addSource(guildId: string | null, url: string, addedFrom: string | null = null): Promise<boolean> {
    return (await this.db.run(FEED_SQL.addSource, [guildId, url, this.clock().toISOString(), addedFrom])) > 0;
  }

  async removeSource(guildId: string, url: string): Promise<boolean> {
    return (await this.db.run(FEED_SQL.removeSource, [guildId, url])) > 0;
  }

  async setShared(urls: string[]): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.tx(async (q) => {
      // FOR UPDATE: of two hosts applying the FEEDS setting at once, the second waits for the first's rows.
      const rows = await q.rows<{ feed_url: string; added_from: string | null }>(`${FEED_SQL.shared} FOR UPDATE`);
      const { drop, add } = sharedChanges(rows, urls);
      for (const url of drop) await q.run(FEED_SQL.removeShared, [url]);
      for (const url of add) await q.run(FEED_SQL.addSource, [null, url, now, null]);
    });
  }

  async replaceShared(pageUrl: string, feedUrl: string): Promise<void> {
    const now = this.clock().toISOString();
    await this.db.tx(async (q) => {
      await q.run(FEED_SQL.removeShared, [pageUrl]);
      await q.run(FEED_SQL.addSource, [null, feedUrl, now, pageUrl]);
    });
  }

  async sources(guildId: string | null): Promise<FeedSourceRow[]> {
    const rows =
      guildId === null
        ? await this.db.rows<SourceRowRaw>(FEED_SQL.sharedSources)
        : await this.db.rows<SourceRowRaw>(FEED_SQL.guildSources, [guildId]);
    return rows.map(sourceFromRow);
  }

  async allSources(): Promise<FeedSourceRow[]> {
    return (await this.db.rows<SourceRowRaw>(FEED_SQL.allSources)).map(sourceFromRow);
  }

  async followedFeeds(): Promise<string[]> {
    return (await this.db.rows<{ feed_url: string }>(FEED_SQL.followedFeeds)).map((r) => r.feed_url);
  }

  async articleCount(url: string): Promise<number> {
    return (await this.db.one<{ n: number }>(FEED_SQL.articleCount, [url]))!.n;
  }

  async storedItem(url: string, itemKey: string): Promise<{ id: string; teaser: boolean } | null> {
    const r = await this.db.one<{ id: string; teaser: string | null }>(
      `SELECT id, body::jsonb ->> 'teaser' AS teaser FROM articles
       WHERE source_kind = 'feed' AND source_root = '' AND source_id = ? AND item_key = ?`,
      [url, itemKey],
    );
    return r ? { id: r.id, teaser: r.teaser === 'true' } : null;
  }
}
