// Two hosts, one bot: two real `npm start` processes share one Postgres (started here) and split the shards
// (SHARD_IDS 0 and 1 of SHARD_COUNT 2) of one stand-in Discord. Each posts the daily briefing of its own
// server's channel, each briefing exactly once, and the shared feed is fetched once per interval (plus one look at a new FEEDS address,
// by one host), whichever host takes it. A host stopped and started again posts nothing twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDateOf } from '../../src/schedule/zoned-time';
import { openPgStore } from '../../src/store/pg/store';
import { briefingMessages } from '../fixtures/schedule/e2e';
import { startBotProcess, until, type BotProcess } from '../helpers/bot-process';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { startFeedServer, type FeedServer } from '../sources/feed-server';
import { startStandIn, type DiscordStandIn } from '../standin';
import { guildIdForShard } from '../standin/snowflake';

jest.setTimeout(180_000);

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>https://news.example/</link>
<item><guid>h1</guid><title>Ferry strike ends after talks</title><link>https://news.example/h1</link>
<description>The ferry strike ended on Sunday after talks between the union and the port, the union said.</description></item>
</channel></rss>`;

describe('two hosts sharing one Postgres', () => {
  let pgServer: TestPostgres;
  let discord: DiscordStandIn;
  let feeds: FeedServer;
  let dir: string;
  const procs: BotProcess[] = [];

  beforeAll(async () => {
    pgServer = await startPostgres();
  }, 90_000);
  afterAll(async () => {
    await pgServer?.stop();
  });
  beforeEach(async () => {
    discord = await startStandIn({
      guilds: [
        { id: guildIdForShard(0, 2), name: 'Harbour', channels: [{ name: 'general' }, { name: 'news' }] },
        { id: guildIdForShard(1, 2), name: 'Valley', channels: [{ name: 'general' }, { name: 'news' }] },
      ],
    });
    feeds = await startFeedServer();
    feeds.route('/feed.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-two-hosts-'));
    fs.mkdirSync(path.join(dir, 'content'));
    fs.writeFileSync(
      path.join(dir, 'content', 'tram.md'),
      '---\ntitle: Tram line reopens\ndate: 2026-11-28\n---\nThe tram line reopened on Saturday, the city said.\n\nRiders returned at once.\n',
    );
  });
  afterEach(async () => {
    for (const p of procs.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      const late = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
      await p.exited;
      clearTimeout(late);
    }
    await discord.close();
    await feeds.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function host(url: string, shard: number): BotProcess {
    const p = startBotProcess({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      CONTENT_DIR: path.join(dir, 'content'),
      DATABASE_URL: url,
      SHARD_IDS: String(shard),
      SHARD_COUNT: '2',
      FEEDS: feeds.url('/feed.xml'),
      FEED_INTERVAL_SECONDS: '600',
      ALLOW_PRIVATE_NETWORK: 'true',
      LOG_LEVEL: 'info',
    });
    procs.push(p);
    return p;
  }

  it('splits the shards, posts each due briefing once and polls the feed once, not once per host, also after a host restarts', async () => {
    const url = await pgServer.freshDatabase();
    const [harbour, valley] = discord.guildIds;
    const channels = [discord.textChannelId(harbour, 'news'), discord.textChannelId(valley, 'news')];
    // Both schedules were due at midnight UTC today: each host catches up on its own server's at start.
    const now = new Date();
    const seed = await openPgStore(url);
    for (const [i, guildId] of [harbour, valley].entries()) {
      const input = { guildId, channelId: channels[i], time: '00:00', timezone: 'UTC' };
      await seed.schedules.upsert({ ...input, topic: null, articles: 3, announceEmpty: true }, new Date(now.getTime() - 2 * 86_400_000));
    }
    await seed.close();
    const today = localDateOf(now, 'UTC');

    const a = host(url, 0);
    const b = host(url, 1);
    for (const channel of channels) await discord.waitForMessages(channel, 1, { timeoutMs: 90_000 });
    await until(
      'both hosts polled the feed',
      () => (feeds.hits('/feed.xml') >= 1 && [a, b].every((p) => p.output().includes('live posts started')) ? true : null),
      60_000,
    );
    await discord.waitForReady({ shardId: 0 });
    await discord.waitForReady({ shardId: 1 });
    // Give both a few more seconds: nothing more may arrive.
    await new Promise((r) => setTimeout(r, 4000));
    for (const channel of channels) expect(briefingMessages(discord, channel, today)).toHaveLength(1);
    // Once by one host to see whether the FEEDS address is a page naming a feed (only before its first poll),
    // then polled once: never once per host.
    expect(feeds.hits('/feed.xml')).toBe(2);
    const store = await openPgStore(url);
    try {
      const rows = await Promise.all(channels.map((c) => store.ledger.get(c, today)));
      expect(rows.map((r) => r?.status)).toEqual(['posted', 'posted']);
      expect(rows[0]!.claimedBy).not.toBe(rows[1]!.claimedBy);
      expect(await store.feeds.articleCount(feeds.url('/feed.xml'))).toBe(1);
    } finally {
      await store.close();
    }

    // Host B stops and starts again: its server's briefing is done, the feed is not due.
    b.child.kill('SIGTERM');
    await b.exited;
    const b2 = host(url, 1);
    await until('host B back', () => (b2.output().includes('briefing scheduler started') ? true : null), 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    for (const channel of channels) expect(briefingMessages(discord, channel, today)).toHaveLength(1);
    expect(feeds.hits('/feed.xml')).toBe(2);
  });
});
