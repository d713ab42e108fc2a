// Sharding: each shard's scheduler posts only for the servers in its own cache, on one shared database.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import type { Client } from 'discord.js';
import { createClient } from '../../src/discord/client';
import { attachScheduler, type AttachedScheduler } from '../../src/discord/schedule/attach';
import { localDateOf, localTimeOf } from '../../src/schedule/zoned-time';
import { openStore } from '../../src/store/store';
import { briefingMessages, fakeDateOnly, newsLibrary, sleep } from '../fixtures/schedule/e2e';
import { guildIdForShard, startStandIn, type DiscordStandIn } from '../standin';

const silent = pino({ level: 'silent' });

describe('two shards', () => {
  let discord: DiscordStandIn;
  let dir: string;
  let dbPath: string;
  let guildA: string;
  let guildB: string;
  let newsA: string;
  let newsB: string;

  beforeEach(async () => {
    guildA = guildIdForShard(0, 2);
    guildB = guildIdForShard(1, 2);
    discord = await startStandIn({
      guilds: [
        { id: guildA, name: 'Shard zero news', channels: [{ name: 'news' }] },
        { id: guildB, name: 'Shard one news', channels: [{ name: 'news' }] },
      ],
      recommendedShards: 2,
    });
    newsA = discord.textChannelId(guildA);
    newsB = discord.textChannelId(guildB);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-shards-'));
    dbPath = path.join(dir, 'briefbot.db');
  });
  afterEach(async () => {
    jest.useRealTimers();
    await discord.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function seedSchedules(time: string, timezone: string, effectiveFrom: Date) {
    const store = openStore(dbPath);
    for (const [guildId, channelId] of [
      [guildA, newsA],
      [guildB, newsB],
    ]) {
      await store.schedules.upsert({ guildId, channelId, time, timezone, topic: null, articles: 2, announceEmpty: false }, effectiveFrom);
    }
    await store.close();
  }

  it('each post only their servers, at the set time, once', async () => {
    fakeDateOnly(new Date('2026-05-04T05:59:57Z'));
    await seedSchedules('08:00', 'Europe/Berlin', new Date('2026-05-01T00:00:00Z'));
    const clients: Client[] = [];
    const attached: AttachedScheduler[] = [];
    try {
      for (const shard of [0, 1]) {
        const client = createClient({ apiUrl: discord.apiUrl, shards: [shard], shardCount: 2 });
        clients.push(client);
        attached.push(attachScheduler(client, { library: newsLibrary(), logger: silent, config: { databasePath: dbPath, briefing: null } }));
        await client.login(discord.token);
      }
      await Promise.all(attached.map((a) => a.started));
      expect(attached[0].scheduler.scheduledChannels()).toEqual([newsA]);
      expect(attached[1].scheduler.scheduledChannels()).toEqual([newsB]);

      await discord.waitForMessages(newsA, 1, { timeoutMs: 20_000 });
      await discord.waitForMessages(newsB, 1, { timeoutMs: 20_000 });
      await sleep(1000);
      const ledger = attached[0].store.ledger;
      const a = (await ledger.get(newsA, '2026-05-04'))!;
      const b = (await ledger.get(newsB, '2026-05-04'))!;
      expect([a.status, b.status]).toEqual(['posted', 'posted']);
      expect(a.claimedBy).not.toBe(b.claimedBy);
      expect(briefingMessages(discord, newsA, '2026-05-04')).toHaveLength(a.messageIds.length);
      expect(briefingMessages(discord, newsB, '2026-05-04')).toHaveLength(b.messageIds.length);
    } finally {
      for (const a of attached) await a.stop();
      for (const c of clients) await c.destroy();
    }
  });

  it('run as processes under the ShardingManager (npm run start:sharded), each shard catching up only its server', async () => {
    // Real processes keep real time: the schedules fell due an hour ago, today, so start-up catch-up posts them.
    // The zone is picked so that "an hour ago" is still today there.
    const now = new Date();
    const zone = ['UTC', 'Etc/GMT-12', 'Etc/GMT+12'].find((z) => {
      const hour = Number(localTimeOf(now, z).slice(0, 2));
      return hour >= 2 && hour < 22;
    })!;
    const hhmm = localTimeOf(new Date(now.getTime() - 3_600_000), zone);
    const today = localDateOf(now, zone);
    await seedSchedules(hhmm, zone, new Date(now.getTime() - 2 * 86_400_000));
    const contentDir = path.join(dir, 'content');
    fs.mkdirSync(contentDir);
    fs.writeFileSync(
      path.join(contentDir, 'one.md'),
      '---\ntitle: Night trains return between capitals\ndate: 2026-05-01T08:00:00Z\n---\n\nThree new night trains will link European capitals from December, the operators said on Friday.\n',
    );
    const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [path.join(__dirname, '..', '..', 'src', 'sharded.ts')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DATABASE_PATH: dbPath,
        CONTENT_DIR: contentDir,
        SHARD_COUNT: 'auto',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await discord.waitForMessages(newsA, 1, { timeoutMs: 90_000 });
      await discord.waitForMessages(newsB, 1, { timeoutMs: 90_000 });
      await sleep(1000);
      const store = openStore(dbPath);
      const a = (await store.ledger.get(newsA, today))!;
      const b = (await store.ledger.get(newsB, today))!;
      await store.close();
      expect([a.status, b.status]).toEqual(['posted', 'posted']);
      expect(a.late && b.late).toBe(true);
      // Two shard processes: different pids in the claim owners.
      expect(a.claimedBy.split('/')[1]).not.toBe(b.claimedBy.split('/')[1]);
      expect(briefingMessages(discord, newsA, today)).toHaveLength(a.messageIds.length);
      expect(briefingMessages(discord, newsB, today)).toHaveLength(b.messageIds.length);
      expect(discord.identifies.map((i) => i.shard)).toEqual(
        expect.arrayContaining([
          [0, 2],
          [1, 2],
        ]),
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- sharded output ---\n${output.slice(-4000)}`, { cause: err });
    } finally {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 20_000)))]);
      clearTimeout(timer);
      if (code === 'timeout') child.kill('SIGKILL');
      else expect(code).toBe(0);
    }
  }, 150_000);
});
