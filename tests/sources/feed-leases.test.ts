// Several processes sharing one store poll each feed once: a due feed's lease goes to one poller, the others
// skip it, and a poller that dies mid-fetch leaves the feed to another once its lease runs out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FeedPoller } from '../../src/sources/feeds/poller';
import { CollectingSink } from '../../src/sources/feeds/ports';
import { HttpFetcher } from '../../src/sources/http/fetcher';
import { openPgStore } from '../../src/store/pg/store';
import type { Store } from '../../src/store/ports';
import { openStore } from '../../src/store/store';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { startFeedServer, type FeedServer } from './feed-server';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>https://news.example/</link>
<item><guid>h1</guid><title>Ferry strike ends</title><link>https://news.example/h1</link><pubDate>Mon, 09 Jun 2025 08:00:00 GMT</pubDate></item>
</channel></rss>`;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let pgServer: TestPostgres;
let dir: string;
let server: FeedServer;
beforeAll(async () => {
  pgServer = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-leases-'));
}, 90_000);
afterAll(async () => {
  await pgServer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  server = await startFeedServer();
  server.route('/feed.xml', (_req, res) => {
    // Slow enough that two pollers overlap.
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS), 200);
  });
});
afterEach(() => server.close());

let n = 0;
const backends: [string, () => Promise<() => Promise<Store>>][] = [
  [
    'SQLite',
    async () =>
      (
        (file) => async () =>
          openStore(file)
      )(path.join(dir, `l${++n}.db`)),
  ],
  [
    'Postgres',
    async () =>
      (
        (url) => () =>
          openPgStore(url, { max: 4 })
      )(await pgServer.freshDatabase()),
  ],
];

describe.each(backends)('feed leases on %s', (_name, database) => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  async function host(open: () => Promise<Store>, owner: string, clock: () => number) {
    const store = await open();
    stores.push(store);
    const poller = new FeedPoller({
      fetcher: new HttpFetcher({ allowPrivateNetwork: true }),
      states: store.feeds,
      sink: new CollectingSink(),
      logger: silent,
      intervalSeconds: 900,
      clock,
      owner,
      leaseMs: 60_000,
    });
    return { store, poller };
  }

  it('fetches a due feed once however many hosts poll it, and not again within the interval', async () => {
    const open = await database();
    let now = Date.parse('2026-05-04T06:00:00Z');
    const clock = () => now;
    const [a, b, c] = await Promise.all([host(open, 'host-a', clock), host(open, 'host-b', clock), host(open, 'host-c', clock)]);
    const url = server.url('/feed.xml');
    const outcomes = await Promise.all([a, b, c].map((h) => h.poller.pollFeed(url)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['not-due', 'not-due', 'ok']);
    expect(server.hits('/feed.xml')).toBe(1);
    now += 60_000;
    expect((await b.poller.pollFeed(url)).status).toBe('not-due');
    expect(server.hits('/feed.xml')).toBe(1);
    now += 900_000 * 1.3;
    expect((await c.poller.pollFeed(url)).status).toBe('ok'); // due again: one host fetches it (no validators here, so a 200)
    expect(server.hits('/feed.xml')).toBe(2);
  });

  it('leaves the feed of a host that died mid-fetch to another once its lease runs out', async () => {
    const open = await database();
    let now = Date.parse('2026-05-04T06:00:00Z');
    const clock = () => now;
    const a = await host(open, 'host-a', clock);
    const url = server.url('/feed.xml');
    // host-a took the lease and died before fetching anything.
    expect(await a.store.feeds.lease(url, 'host-a', new Date(now), 60_000)).toBe(true);
    const b = await host(open, 'host-b', clock);
    expect((await b.poller.pollFeed(url)).status).toBe('not-due');
    expect(server.hits('/feed.xml')).toBe(0);
    now += 61_000;
    expect((await b.poller.pollFeed(url)).status).toBe('ok');
    expect(server.hits('/feed.xml')).toBe(1);
  });
});
