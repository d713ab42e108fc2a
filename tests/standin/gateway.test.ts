import { Client, GatewayIntentBits } from 'discord.js';
import { loginClient } from './client-helper';
import { DiscordStandIn, guildIdForShard, noIdentifyThrottle, shardOf, startStandIn } from './index';

describe('the stand-in gateway', () => {
  let discord: DiscordStandIn;
  const clients: Client[] = [];

  const replyingClient = async (options: Parameters<typeof loginClient>[1] = {}) => {
    const client = await loginClient(discord, options);
    clients.push(client);
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply(`pong from shard ${client.shard?.ids ?? client.ws.shards.map((s) => s.id).join(',')}`);
    });
    return client;
  };

  afterEach(async () => {
    for (const c of clients.splice(0)) await c.destroy();
    await discord.close();
  });

  it('answers heartbeats with ACKs so discord.js measures a ping', async () => {
    discord = await startStandIn({ heartbeatIntervalMs: 150 });
    const client = await replyingClient();
    await discord.waitFor(() => client.ws.ping >= 0 && discord.heartbeats.length >= 2);
    expect(discord.heartbeats[0].sessionId).toBe(discord.sessions[0].id);
  });

  it('resumes a dropped connection, replays what was missed, and later interactions still work', async () => {
    discord = await startStandIn();
    await replyingClient();
    expect(discord.dropGateway({ resume: true })).toBe(1);
    // Dispatched while the bot is disconnected: kept in the session and replayed on RESUME.
    const missed = await discord.sendInteraction(discord.commandInteraction({ name: 'ping' }), { timeoutMs: 2800 });
    expect(missed.original.content).toMatch(/^pong/);
    const resume = await discord.waitForResume({ count: 1 });
    expect(resume).toMatchObject({ ok: true, replayed: 1 });
    expect(discord.identifies).toHaveLength(1);
    expect(discord.requestsTo('GET', '/gateway/bot')).toHaveLength(1);
    const later = await discord.sendInteraction(discord.commandInteraction({ name: 'ping' }));
    expect(later.original.content).toMatch(/^pong/);
  });

  it('lets discord.js detect a zombie connection when heartbeats go unanswered, and resume', async () => {
    discord = await startStandIn({ heartbeatIntervalMs: 200 });
    const client = await replyingClient();
    const resumed = new Promise((r) => client.once('shardResume', r));
    discord.setHeartbeatAcks(false);
    await discord.waitForResume({ count: 1 });
    discord.setHeartbeatAcks(true);
    await resumed;
    expect((await discord.sendInteraction(discord.commandInteraction({ name: 'ping' }))).callback.type).toBe(4);
  });

  it('makes discord.js identify again when the session ends instead', async () => {
    discord = await startStandIn();
    const client = await replyingClient();
    const readyAgain = new Promise((r) => client.once('shardReady', r));
    const started = Date.now();
    discord.dropGateway({ resume: false });
    await discord.waitForIdentify({ count: 2 });
    await readyAgain;
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'ping' }));
    expect(res.callback.type).toBe(4);
    expect(discord.resumes.filter((r) => r.ok)).toHaveLength(0);
    // discord.js's default identify throttle spaces identifies of one shard 5 s apart.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
  });

  it('lets a test skip that 5 s identify spacing with noIdentifyThrottle', async () => {
    discord = await startStandIn();
    const client = await replyingClient({ ws: { buildIdentifyThrottler: noIdentifyThrottle } });
    // Destroying a client while it waits for READY hangs @discordjs/ws 1.2.3, so wait for the shard to be ready.
    const readyAgain = new Promise((r) => client.once('shardReady', r));
    const started = Date.now();
    discord.dropGateway({ resume: false });
    await discord.waitForIdentify({ count: 2 });
    await readyAgain;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('follows op 7 RECONNECT with a RESUME, and a non-resumable INVALID_SESSION with a new IDENTIFY', async () => {
    discord = await startStandIn();
    const client = await replyingClient({ ws: { buildIdentifyThrottler: noIdentifyThrottle } });
    const resumed = new Promise((r) => client.once('shardResume', r));
    discord.requestReconnect();
    await discord.waitForResume({ count: 1 });
    await resumed;
    const readyAgain = new Promise((r) => client.once('shardReady', r));
    discord.invalidateSession(false);
    await discord.waitForIdentify({ count: 2 });
    await readyAgain;
    expect((await discord.sendInteraction(discord.commandInteraction({ name: 'ping' }))).callback.type).toBe(4);
  });

  it('gives each of two shards only its own guilds and routes interactions to the owning shard', async () => {
    const g0 = guildIdForShard(0, 2);
    const g1 = guildIdForShard(1, 2);
    expect([shardOf(g0, 2), shardOf(g1, 2)]).toEqual([0, 1]);
    discord = await startStandIn({
      guilds: [
        { id: g0, name: 'zero' },
        { id: g1, name: 'one' },
      ],
      recommendedShards: 2,
    });
    const a = await replyingClient({ shards: [0], shardCount: 2 });
    const b = await replyingClient({ shards: [1], shardCount: 2 });
    expect([...a.guilds.cache.keys()]).toEqual([g0]);
    expect([...b.guilds.cache.keys()]).toEqual([g1]);
    expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const to0 = await discord.sendInteraction(discord.commandInteraction({ name: 'ping', guildId: g0 }));
    const to1 = await discord.sendInteraction(discord.commandInteraction({ name: 'ping', guildId: g1 }));
    expect(to0.original.content).toBe('pong from shard 0');
    expect(to1.original.content).toBe('pong from shard 1');
  });

  it('serves one client running both shards', async () => {
    const g0 = guildIdForShard(0, 2);
    const g1 = guildIdForShard(1, 2);
    discord = await startStandIn({ guilds: [{ id: g0 }, { id: g1 }], recommendedShards: 2 });
    const client = await replyingClient({ shards: 'auto' });
    expect(client.ws.shards.size).toBe(2);
    expect(client.guilds.cache.map((g) => g.shardId).sort()).toEqual([0, 1]);
  });

  it('announces a guild the bot joins to the shard that owns it, and one it leaves', async () => {
    discord = await startStandIn({ guilds: [{ id: guildIdForShard(0, 2) }], recommendedShards: 2 });
    const a = await replyingClient({ shards: [0], shardCount: 2 });
    const b = await replyingClient({ shards: [1], shardCount: 2 });
    const joined = discord.addGuild({ id: guildIdForShard(1, 2), name: 'late' });
    await discord.waitFor(() => b.guilds.cache.has(joined));
    expect(a.guilds.cache.has(joined)).toBe(false);
    discord.removeGuild(joined);
    await discord.waitFor(() => !b.guilds.cache.has(joined));
  });

  it('sends no GUILD_CREATE to a client without the Guilds intent', async () => {
    discord = await startStandIn();
    const client = new Client({ intents: [GatewayIntentBits.DirectMessages], rest: { api: discord.apiUrl }, waitGuildTimeout: 200 });
    clients.push(client);
    const ready = new Promise((r) => client.once('clientReady', r));
    await client.login(discord.token);
    await ready;
    expect(client.guilds.cache.first()?.available).toBe(false);
  });
});
