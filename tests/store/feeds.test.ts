// Feeds in SQL: the poller's whole state survives a reopen, and a feed followed by several servers is one feed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshState, type FeedState, type FeedStateStore } from '../../src/sources/feeds';
import { openStore } from '../../src/store/store';

const FEED = 'https://news.example/feed.xml';

describe('the SQL feed store', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every field of a feed state across a reopen, seen items included', async () => {
    const file = path.join(dir, 'b.db');
    const state: FeedState = {
      ...freshState(FEED),
      title: 'News',
      etag: '"abc"',
      lastModified: 'Tue, 10 Jun 2025 04:00:00 GMT',
      lastCheckedAt: '2026-11-01T08:00:00.000Z',
      lastSuccessAt: '2026-11-01T07:00:00.000Z',
      nextDueAt: '2026-11-01T08:15:00.000Z',
      failures: 2,
      firstFailureAt: '2026-11-01T07:30:00.000Z',
      lastError: 'the server answered 500',
      disabledReason: null,
      warnings: ['2 items had the same guid'],
      seen: { 'guid-1': { hash: 'h1', link: 'https://news.example/a' }, 'guid-2': { hash: 'h2', link: null } },
    };
    const first = openStore(file);
    const states: FeedStateStore = first.feeds;
    await states.save(state);
    await first.close();
    const again = openStore(file);
    expect(await again.feeds.get(FEED)).toEqual(state);
    expect(await again.feeds.get('https://other.example/feed')).toBeNull();
    expect((await again.feeds.list()).map((s) => s.url)).toEqual([FEED]);
    await again.close();
  });

  it('counts a feed followed by two servers and the shared list once, and removes per server', async () => {
    const store = openStore(':memory:');
    await store.feeds.setShared(['https://shared.example/rss']);
    expect(await store.feeds.addSource('guild-a', FEED)).toBe(true);
    expect(await store.feeds.addSource('guild-b', FEED)).toBe(true);
    expect(await store.feeds.addSource('guild-a', FEED)).toBe(false);
    expect(await store.feeds.followedFeeds()).toEqual([FEED, 'https://shared.example/rss']);
    expect(await store.feeds.removeSource('guild-a', FEED)).toBe(true);
    expect(await store.feeds.removeSource('guild-a', FEED)).toBe(false);
    expect((await store.feeds.sources('guild-b')).map((s) => s.url)).toEqual([FEED]);
    expect(await store.feeds.followedFeeds()).toContain(FEED);
    // The FEEDS setting changed: the shared list is replaced, servers' own feeds stay.
    await store.feeds.setShared([]);
    expect(await store.feeds.followedFeeds()).toEqual([FEED]);
    await store.close();
  });
});
