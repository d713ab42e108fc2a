// `briefbot fetch`: every feed polled once into the store named by --database, and a table of what happened.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../src/cli/run';
import { fetchFeedsOnce } from '../src/sources/fetch-once';
import { openStore } from '../src/store/store';
import { cliDeps } from './helpers/cli-deps';
import { startFeedServer, type FeedServer } from './sources/feed-server';
import { NewsSite, story } from './sources/news-site';

let server: FeedServer;
let dir: string;
beforeEach(async () => {
  server = await startFeedServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-fetch-'));
});
afterEach(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fetchCli(database: string, feeds: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const settings = { feeds, feedIntervalSeconds: 900, allowPrivateNetwork: true };
  const fetchFeeds = async (db: string) => {
    const store = openStore(db);
    try {
      return (await fetchFeedsOnce(store, settings)).map((o) => ({
        feed: o.url,
        status: o.status,
        new: o.new,
        updated: o.updated,
        unchanged: o.unchanged,
        reason: o.reason,
      }));
    } finally {
      await store.close();
    }
  };
  const code = await runCommand(
    ['fetch', '--database', database],
    { out: (t) => out.push(t), err: (t) => err.push(t), env: {} },
    { ...cliDeps, fetchFeeds },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefbot fetch', () => {
  it('stores what is new and prints feed, new, updated, unchanged and failed with the reason', async () => {
    const site = new NewsSite(server);
    site.add({
      id: 'tram',
      title: 'Council approves the tram line',
      date: new Date().toISOString(),
      description: 'Teaser.',
      page: story('the tram line'),
    });
    const broken = server.url('/missing.xml');
    const database = path.join(dir, 'b.db');

    const first = await fetchCli(database, [site.feedUrl, broken]);
    expect(first.code).toBe(1);
    const lines = first.out.split('\n');
    expect(lines[0]).toMatch(/^feed\s+new\s+updated\s+unchanged\s+failed$/);
    expect(lines.find((l) => l.startsWith(site.feedUrl))).toMatch(/\s1\s+0\s+0$/);
    expect(lines.find((l) => l.startsWith(broken))).toMatch(/404/);
    expect(first.out).toContain('2 feed(s): 1 new, 0 updated, 1 failed');
    const store = openStore(database);
    expect(await store.feeds.articleCount(site.feedUrl)).toBe(1);
    await store.close();

    const again = await fetchCli(database, [site.feedUrl]);
    expect(again.code).toBe(0);
    expect(again.out.split('\n').find((l) => l.startsWith(site.feedUrl))).toMatch(/not modified/);
    expect(server.hits('/story/tram')).toBe(1);
  });

  it('says how to add feeds when there are none', async () => {
    const r = await fetchCli(path.join(dir, 'b.db'), []);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No feeds to fetch');
  });
});
