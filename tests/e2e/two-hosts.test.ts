// Two hosts, one bot: two real `npm start` processes share one Postgres (started here) and split the shards
// (SHARD_IDS 0 and 1 of SHARD_COUNT 2) of one stand-in Discord. Each posts the daily briefing of its own
// server's channel, each briefing exactly once, and the shared feed is fetched once per interval (plus one look at a new FEEDS address,
// by one host), whichever host takes it. A host stopped and started again posts nothing twice.
// Live posts: the host that fetched a feed posts its new items to every subscribed channel, also in the other
// host's server, each once. A host SIGKILLed mid-fetch or between claiming a live post and sending it loses
// nothing and doubles nothing: the other takes the feed after FEED_LEASE_SECONDS and finishes the post.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDateOf } from '../../src/schedule/zoned-time';
import { Client as PgClient } from 'pg';
import { openPgStore } from '../../src/store/pg/store';
import { briefingMessages } from '../fixtures/schedule/e2e';
import { startBotProcess, stopBotProcesses, until, type BotProcess } from '../helpers/bot-process';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { startFeedServer, type FeedServer } from '../sources/feed-server';
import { startStandIn, type DiscordStandIn } from '../standin';
import { guildIdForShard } from '../standin/snowflake';

jest.setTimeout(180_000);

const FERRY = {
  guid: 'h1',
  title: 'Ferry strike ends after talks',
  text: 'The ferry strike ended on Sunday after talks between the union and the port, the union said.',
};
const BRIDGE = { guid: 'h2', title: 'Harbour bridge reopens', text: 'The harbour bridge reopened on Monday after repairs, the council said.' };

function rss(items: (typeof FERRY)[]): string {
  const entries = items.map(
    (i) =>
      `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><description>${i.text}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title><link>https://news.example/</link>\n${entries.join('\n')}\n</channel></rss>`;
}
const RSS = rss([FERRY]);

/** Quick polls and short leases: a dead host's feed and posts are taken over within seconds. */
const FAST = { FEED_INTERVAL_SECONDS: '2', FEED_LEASE_SECONDS: '6', CLAIM_LEASE_SECONDS: '6' };

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
    await stopBotProcesses(procs);
    await discord.close();
    await feeds.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function host(url: string, shard: number, extra: Record<string, string> = {}): BotProcess {
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
      ...extra,
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

  describe('live posts', () => {
    let body: string;
    /** Request times of the feed; a request that arrives while `holdNext` is set is never answered. */
    let feedTimes: number[];
    let holdNext: boolean;
    let heldAt: number | null;
    let url: string;
    let channels: string[];
    let hosts: BotProcess[];

    beforeEach(async () => {
      body = RSS;
      feedTimes = [];
      holdNext = false;
      heldAt = null;
      feeds.route('/feed.xml', (_req, res) => {
        feedTimes.push(Date.now());
        if (holdNext) {
          holdNext = false;
          heldAt = Date.now();
          return; // the fetching host waits for an answer that never comes
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      });
      url = await pgServer.freshDatabase();
      const guilds = discord.guildIds;
      channels = guilds.map((g) => discord.textChannelId(g, 'news'));
      // Both hosts' servers follow the feed in their news channel: whichever host fetches it, one of the two
      // channels is in the other host's server.
      const seed = await openPgStore(url);
      for (const [i, guildId] of guilds.entries()) {
        const sub = { guildId, channelId: channels[i], feedUrl: feeds.url('/feed.xml'), sourceName: 'Harbour Times' };
        await seed.live.subscriptions.upsert({ ...sub, filter: { include: '', exclude: '', topic: '' } }, new Date());
      }
      await seed.close();
      hosts = [host(url, 0, FAST), host(url, 1, FAST)];
      // The feed's first poll posts nothing; it marks both subscriptions as polled.
      await until('the first poll of the feed, seen by both subscriptions', () => firstPolled(url), 60_000);
      await until('both hosts posting live', () => (hosts.every((p) => p.output().includes('live posts started')) ? true : null), 60_000);
    });

    async function firstPolled(database: string): Promise<true | null> {
      const store = await openPgStore(database);
      try {
        const subs = await store.live.subscriptions.forFeed(feeds.url('/feed.xml'));
        return subs.length === 2 && subs.every((s) => s.firstPolledAt !== null) ? true : null;
      } finally {
        await store.close();
      }
    }

    const titled = (title: string) => (m: any) => (m.embeds ?? []).some((e: any) => e.title === title);
    const postsOf = (channel: string, title: string) => discord.channelMessages(channel).filter(titled(title));

    /** The process whose owner id (host/pid/start) a lease or claim names. */
    function processOf(owner: string | null | undefined): { victim: BotProcess; survivor: BotProcess } {
      const pid = Number(owner?.split('/')[1]);
      const victim = hosts.find((p) => p.child.pid === pid);
      if (!victim) throw new Error(`no host runs as ${owner}`);
      return { victim, survivor: hosts.find((p) => p !== victim)! };
    }

    async function query<T extends object>(sql: string, params: unknown[]): Promise<T[]> {
      const client = new PgClient({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql, params)).rows;
      } finally {
        await client.end();
      }
    }

    const leaseHolder = async () =>
      (await query<{ lease_owner: string | null }>('SELECT lease_owner FROM feeds WHERE url = $1', [feeds.url('/feed.xml')]))[0]?.lease_owner;

    async function expectEachChannelOnce(title: string): Promise<void> {
      for (const channel of channels) await discord.waitForMessages(channel, 1, { where: titled(title), timeoutMs: 30_000 });
      await new Promise((r) => setTimeout(r, 3000)); // two more polls: nothing more may arrive
      for (const channel of channels) expect(postsOf(channel, title)).toHaveLength(1);
      for (const channel of channels) expect(postsOf(channel, FERRY.title)).toHaveLength(0);
    }

    it("posts a feed's new item once in each subscribed channel, the other host's server's too, from the host that fetched it", async () => {
      body = rss([FERRY, BRIDGE]);
      await expectEachChannelOnce(BRIDGE.title);
      // One process posted both: the one that fetched the feed, into its own server's channel and the other host's.
      const rows = await query<{ channel_id: string; owner: string }>("SELECT channel_id, owner FROM live_posts WHERE status = 'posted'", []);
      expect(rows.map((r) => r.channel_id).sort()).toEqual([...channels].sort());
      expect(new Set(rows.map((r) => r.owner)).size).toBe(1);
      expect(hosts.map((p) => p.child.pid)).toContain(Number(rows[0].owner.split('/')[1]));
    });

    it('a host killed mid-fetch: the other takes the feed after FEED_LEASE_SECONDS; the item is stored and posted once', async () => {
      body = rss([FERRY, BRIDGE]);
      holdNext = true;
      await until('a host fetching the feed', () => heldAt, 20_000);
      const { victim, survivor } = processOf(await leaseHolder());
      victim.child.kill('SIGKILL');
      await victim.exited;
      await expectEachChannelOnce(BRIDGE.title);
      const retried = feedTimes.find((t) => t > heldAt!)!;
      expect(retried - heldAt!).toBeGreaterThanOrEqual(6000 - 250); // not before the lease ran out
      expect(survivor.output()).toContain('live posts planned');
      const store = await openPgStore(url);
      try {
        expect(await store.feeds.articleCount(feeds.url('/feed.xml'))).toBe(2);
      } finally {
        await store.close();
      }
    });

    it('a host killed between claiming a live post and sending it: the other host sends it, once', async () => {
      // The first live post's request is held at Discord (and would fail): its host is killed meanwhile.
      discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 30_000, status: 500 });
      body = rss([FERRY, BRIDGE]);
      const claim = await until(
        'a live post claimed and held at Discord',
        async () => {
          const store = await openPgStore(url);
          try {
            const open = (await store.live.ledger.unfinished()).filter((r) => postsOf(r.channelId, BRIDGE.title).length === 0);
            const other = channels.find((c) => !open.some((r) => r.channelId === c));
            return open.length === 1 && other && postsOf(other, BRIDGE.title).length === 1 ? open[0] : null;
          } finally {
            await store.close();
          }
        },
        30_000,
      );
      // Both "hosts" run on this machine, so the survivor sees the holder's process is gone and takes its claim at
      // its next round (on another machine: after CLAIM_LEASE_SECONDS; tests/discord/live-service.test.ts), once
      // its own library has read the article from the store.
      const { victim } = processOf(claim.owner);
      victim.child.kill('SIGKILL');
      await victim.exited;
      await expectEachChannelOnce(BRIDGE.title);
      const store = await openPgStore(url);
      try {
        expect((await store.live.ledger.get(claim.channelId, claim.key))?.status).toBe('posted');
      } finally {
        await store.close();
      }
    });
  });
});
