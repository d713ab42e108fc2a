import { Client, GatewayIntentBits, MessageFlags } from 'discord.js';
import { DiscordStandIn, startStandIn } from './index';

describe('the stand-in with a real discord.js Client', () => {
  let discord: DiscordStandIn;
  let client: Client;

  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom', channels: [{ name: 'general' }, { name: 'news' }] }] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  });

  afterEach(async () => {
    await client.destroy();
    await discord.close();
  });

  const login = async () => {
    const ready = new Promise<void>((r) => client.once('clientReady', () => r()));
    await client.login(discord.token);
    await ready;
  };

  it('logs in, becomes ready and sees the guild with its channels', async () => {
    await login();
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(discord.guildIds[0]);
    expect(guild?.name).toBe('Newsroom');
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['general', 'news']);
    expect(guild?.members.me?.id).toBe(discord.botUserId);
    expect(discord.identifies).toHaveLength(1);
  });

  it('records the reply to a dispatched command', async () => {
    client.on('interactionCreate', async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `hello ${i.options.getString('who')}`, flags: MessageFlags.Ephemeral });
    });
    await login();
    const res = await discord.sendInteraction(discord.commandInteraction({ name: 'greet', options: { who: 'world' } }));
    expect(res.callback).toEqual({ type: 4, data: expect.objectContaining({ content: 'hello world', flags: 64 }) });
    expect(res.original?.content).toBe('hello world');
  });
});
