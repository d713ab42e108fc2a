// Feeds end to end: `npm start` as a real process with FEEDS pointing at a loopback news site. An item that
// appears in the feed is searchable within one poll interval, is in the next briefing once, and after a
// restart the feed answers 304 and its page is not requested again.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commandPayloads } from '../../src/commands';
import { deployCommands } from '../../src/discord/deploy';
import { startBotProcess as start, until, type BotProcess as Proc } from '../helpers/bot-process';
import { startStandIn, type DiscordStandIn } from '../standin';
import type { Json } from '../standin/types';
import { startFeedServer, type FeedServer } from '../sources/feed-server';
import { NewsSite, story } from '../sources/news-site';

const ADMIN = { memberPermissions: ['ManageGuild'] };
const INTERVAL_SECONDS = 1;
const TITLE = 'Council approves the tram line';

const text = (r: Json) => JSON.stringify([r.original, r.followups, r.callback]);

describe('feeds with the bot running', () => {
  let discord: DiscordStandIn;
  let server: FeedServer;
  let dir: string;
  const procs: Proc[] = [];
  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
    server = await startFeedServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-feeds-e2e-'));
    fs.mkdirSync(path.join(dir, 'content'));
  });
  afterEach(async () => {
    for (const p of procs.splice(0)) {
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await discord.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function boot(site: NewsSite): Promise<Proc> {
    const p = start({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      CONTENT_DIR: path.join(dir, 'content'),
      DATABASE_PATH: path.join(dir, 'briefbot.db'),
      FEEDS: site.feedUrl,
      FEED_INTERVAL_SECONDS: String(INTERVAL_SECONDS),
      ALLOW_PRIVATE_NETWORK: 'true',
      LOG_LEVEL: 'info',
    });
    procs.push(p);
    await until('ready', () => (p.output().includes('"msg":"ready"') ? true : null), 30_000);
    return p;
  }

  async function stop(p: Proc): Promise<void> {
    p.child.kill('SIGTERM');
    await p.exited;
  }

  const search = async (words: string) =>
    text(await discord.sendInteraction(discord.commandInteraction({ name: 'search', options: { query: words } })));

  it('an item that appears in the feed is searchable within one poll interval, briefed once, and not fetched again after a restart', async () => {
    const site = new NewsSite(server);
    await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId: discord.guildIds[0], commands: commandPayloads() });
    const first = await boot(site);
    await until('the first poll', () => (server.hits('/feed.xml') > 0 ? true : null), 10_000);
    expect(await search('tram line')).not.toContain(TITLE);

    site.add({ id: 'tram', title: TITLE, date: new Date().toISOString(), description: 'Teaser.', page: story('the tram line') });
    const appeared = Date.now();
    await until('the article in /search', async () => ((await search('tram line')).includes(TITLE) ? true : null), 15_000);
    // One interval, plus the poll itself and the search's round trip through the stand-in.
    expect(Date.now() - appeared).toBeLessThan(INTERVAL_SECONDS * 1000 + 4000);

    const channel = discord.textChannelId(discord.guildIds[0]);
    await discord.sendInteraction(
      discord.commandInteraction({ name: 'briefing set', options: { channel, time: '03:00', timezone: 'UTC' }, ...ADMIN }),
    );
    const now = await discord.sendInteraction(discord.commandInteraction({ name: 'briefing now', options: { channel }, ...ADMIN }));
    expect(text(now)).toContain("Posted today's briefing");
    expect(JSON.stringify(discord.channelMessages(channel))).toContain(TITLE);
    const preview = await discord.sendInteraction(discord.commandInteraction({ name: 'briefing preview', options: { channel }, ...ADMIN }));
    // Already briefed in this channel: the next briefing leaves it out.
    expect(text(preview)).not.toContain(TITLE);
    await stop(first);

    expect(server.hits('/story/tram')).toBe(1);
    const before = server.requests.length;
    const second = await boot(site);
    await until('a poll after the restart', () => (server.requests.slice(before).some((r) => r.path === '/feed.xml') ? true : null), 10_000);
    const repoll = server.requests.slice(before).find((r) => r.path === '/feed.xml')!;
    expect(repoll.headers['if-none-match']).toBeTruthy();
    expect(await search('tram line')).toContain(TITLE);
    expect(server.hits('/story/tram')).toBe(1);
    await stop(second);
  }, 120_000);
});
