import { Client, GatewayIntentBits } from 'discord.js';
import { loginClient } from './client-helper';
import { applicationIdFromToken, DiscordStandIn, startStandIn } from './index';

describe('logging in to the stand-in with a real discord.js Client', () => {
  let discord: DiscordStandIn;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await discord.close();
  });

  it('becomes ready and sees the guild, its channels and its own member', async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'news' }] }] });
    client = await loginClient(discord);
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(discord.guildIds[0]);
    expect(guild?.name).toBe('Newsroom');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['general', 'news']);
    expect(guild?.members.me?.id).toBe(discord.botUserId);
    expect(discord.identifies).toEqual([expect.objectContaining({ shard: [0, 1], intents: GatewayIntentBits.Guilds })]);
    expect(discord.unhandled).toEqual([]);
  });

  it("lets discord.js compute the bot's channel permissions from roles and overwrites", async () => {
    discord = await startStandIn({
      guilds: [
        {
          botPermissions: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
          channels: [{ name: 'open' }, { name: 'read-only', overwrites: [{ id: 'bot', deny: ['SendMessages'] }] }],
        },
      ],
    });
    client = await loginClient(discord);
    const guild = client.guilds.cache.first()!;
    const perms = (name: string) => guild.channels.cache.find((c) => c.name === name)!.permissionsFor(guild.members.me!);
    expect(perms('open').has('SendMessages')).toBe(true);
    expect(perms('read-only').has('SendMessages')).toBe(false);
    expect(perms('read-only').has('ViewChannel')).toBe(true);
    expect(discord.botPermissionsIn(discord.textChannelId(guild.id, 'read-only')) & discord.PermissionFlags.SendMessages).toBe(0n);
  });

  it("gives out a token whose first part is the application id in base64, as Discord's are", async () => {
    discord = await startStandIn();
    expect(discord.token.split('.')).toHaveLength(3);
    expect(applicationIdFromToken(discord.token)).toBe(discord.applicationId);
  });

  it('refuses a wrong token: /gateway/bot answers 401 and login rejects', async () => {
    discord = await startStandIn();
    const bad = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    await expect(bad.login(discord.token + 'x')).rejects.toThrow(/token/i);
    await bad.destroy();
    expect(discord.requestsTo('GET', '/gateway/bot')[0]).toMatchObject({ status: 401, authorized: false });
  });

  it('closes an IDENTIFY asking for a privileged intent the application lacks with 4014, and login fails', async () => {
    discord = await startStandIn();
    const greedy = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], rest: { api: discord.apiUrl } });
    greedy.on('error', () => undefined);
    await expect(greedy.login(discord.token)).rejects.toThrow(/disallowed intents/i);
    await greedy.destroy();
    await discord.close();
    discord = await startStandIn({ privilegedIntents: ['MessageContent'] });
    client = await loginClient(discord, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });
    expect(client.isReady()).toBe(true);
  });

  it('answers a body it cannot parse with 400 and keeps serving', async () => {
    discord = await startStandIn();
    const res = await fetch(`${discord.apiUrl}/v10/channels/1/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${discord.token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: 'garbage',
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${discord.token}` } })).status).toBe(200);
  });

  it('answers unknown routes with 404 JSON and lists them as unhandled', async () => {
    discord = await startStandIn();
    const res = await fetch(`${discord.apiUrl}/v10/guilds/1/bans`, { headers: { authorization: `Bot ${discord.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(discord.unhandled).toEqual([expect.objectContaining({ method: 'GET', path: '/guilds/1/bans' })]);
  });
});
