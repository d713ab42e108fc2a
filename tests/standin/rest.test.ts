import { Client, EmbedBuilder, TextChannel } from 'discord.js';
import { loginClient } from './client-helper';
import { DiscordStandIn, pingsAnyone, startStandIn } from './index';

describe('REST behaviour a bot meets on the stand-in', () => {
  let discord: DiscordStandIn;
  let client: Client;
  let channelId: string;

  const channel = () => client.channels.fetch(channelId) as Promise<TextChannel>;

  beforeEach(async () => {
    discord = await startStandIn({
      guilds: [
        {
          channels: [
            { name: 'news' },
            { name: 'closed', overwrites: [{ id: 'bot', deny: ['SendMessages'] }] },
            { name: 'hidden', overwrites: [{ id: 'everyone', deny: ['ViewChannel'] }] },
          ],
        },
      ],
    });
    client = await loginClient(discord);
    channelId = discord.textChannelId(discord.guildIds[0], 'news');
  });

  afterEach(async () => {
    await client.destroy();
    await discord.close();
  });

  it('edits the bot’s own message in place (PATCH), and answers 404 Unknown Message once it is deleted', async () => {
    const ch = await channel();
    const sent = await ch.send({ embeds: [new EmbedBuilder().setTitle('Headline').setDescription('first')] });
    await sent.edit({ embeds: [new EmbedBuilder().setTitle('Headline').setDescription('first\n\nAlso reported by B')] });
    expect(discord.channelMessages(channelId)).toHaveLength(1);
    expect(discord.channelMessages(channelId)[0].embeds[0]).toMatchObject({ title: 'Headline', description: 'first\n\nAlso reported by B' });
    expect(discord.requestsTo('PATCH', `/channels/${channelId}/messages/${sent.id}`)).toHaveLength(1);
    await sent.delete();
    await expect(ch.messages.edit(sent.id, { content: 'again' })).rejects.toMatchObject({ status: 404, code: 10008 });
  });

  it('stores a channel message and lists it, newest first, with ?limit', async () => {
    const ch = await channel();
    await ch.send('one');
    await ch.send({ content: 'two', embeds: [new EmbedBuilder().setTitle('Headline')] });
    expect(discord.channelMessages(channelId).map((m) => m.content)).toEqual(['one', 'two']);
    expect(discord.channelMessages(channelId)[1].embeds[0]).toMatchObject({ title: 'Headline' });
    const fetched = await ch.messages.fetch({ limit: 1 });
    expect(fetched.map((m) => m.content)).toEqual(['two']);
    expect(discord.requestsTo('GET', `/channels/${channelId}/messages`)[0].query).toEqual({ limit: '1' });
  });

  it('reads multipart bodies: the JSON from payload_json and the uploaded file names', async () => {
    await (await channel()).send({ content: 'with a file', files: [{ attachment: Buffer.from('hello'), name: 'notes.txt' }] });
    const [post] = discord.requestsTo('POST', `/channels/${channelId}/messages`);
    expect(post.body).toMatchObject({ content: 'with a file' });
    expect(post.files).toEqual(['notes.txt']);
    expect(discord.channelMessages(channelId)[0].attachments).toEqual([expect.objectContaining({ filename: 'notes.txt' })]);
  });

  it('answers a 429 with rate-limit headers; discord.js waits and retries, and one message lands', async () => {
    discord.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3 });
    const ch = await channel();
    const started = Date.now();
    await ch.send('after the limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const posts = discord.requestsTo('POST', `/channels/${channelId}/messages`);
    expect(posts.map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [200, false],
    ]);
    expect(discord.channelMessages(channelId).map((m) => m.content)).toEqual(['after the limit']);
  });

  it('serves a global 429 that discord.js also honours', async () => {
    discord.failNext({ method: 'POST', path: /messages$/, status: 429, retryAfter: 0.2, global: true });
    const rateLimited = new Promise((r) => client.rest.once('rateLimited', r));
    const started = Date.now();
    await (await channel()).send('global');
    // discord.js reports its own wait before the retry (it labels that wait's scope "user" whatever the header said).
    expect(await rateLimited).toMatchObject({ global: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(discord.channelMessages(channelId)).toHaveLength(1);
  });

  it('fails with a 500 that discord.js retries, and gives up after four attempts', async () => {
    discord.failNext({ method: 'POST', path: /messages$/, status: 500 });
    const ch = await channel();
    await ch.send('second try');
    expect(discord.requestsTo('POST', `/channels/${channelId}/messages`).map((r) => r.status)).toEqual([500, 200]);
    discord.failNext({ method: 'POST', path: /messages$/, status: 503, times: 4 });
    await expect(ch.send('never')).rejects.toMatchObject({ status: 503 });
    expect(discord.channelMessages(channelId).map((m) => m.content)).toEqual(['second try']);
  });

  it('can apply a request and still fail it, the ambiguous "did it land?" case', async () => {
    discord.failNext({ method: 'POST', path: /messages$/, status: 500, times: 4, effect: 'apply' });
    await expect((await channel()).send('landed anyway')).rejects.toMatchObject({ status: 500 });
    expect(discord.channelMessages(channelId).map((m) => m.content)).toEqual(Array(4).fill('landed anyway'));
  });

  it('answers a retried send with enforce_nonce with the first message instead of a second, as Discord does', async () => {
    discord.failNext({ method: 'POST', path: /messages$/, status: 500, times: 4, effect: 'apply' });
    const ch = await channel();
    await expect(ch.send({ content: 'once', nonce: 'n-1', enforceNonce: true })).rejects.toMatchObject({ status: 500 });
    const again = await ch.send({ content: 'once', nonce: 'n-1', enforceNonce: true });
    expect(
      discord
        .channelMessages(channelId)
        .filter((m) => m.content === 'once')
        .map((m) => m.id),
    ).toEqual([again.id]);
  });

  it('delays a response on request, so a bot can time out while the message lands', async () => {
    discord.failNext({ method: 'POST', path: /messages$/, delayMs: 400 });
    const slow = new Client({ intents: [], rest: { api: discord.apiUrl, timeout: 100, retries: 0 } });
    slow.rest.setToken(discord.token);
    await expect(slow.rest.post(`/channels/${channelId}/messages`, { body: { content: 'slow' } })).rejects.toThrow(/abort/i);
    await discord.waitForMessages(channelId, 1);
    await slow.destroy();
  });

  it('refuses posts without Send Messages (403 50013) and in channels the bot cannot see (403 50001)', async () => {
    const guild = client.guilds.cache.first()!;
    const closed = guild.channels.cache.find((c) => c.name === 'closed') as TextChannel;
    await expect(closed.send('x')).rejects.toMatchObject({ status: 403, code: 50013 });
    const hiddenId = discord.textChannelId(guild.id, 'hidden');
    await expect(client.rest.post(`/channels/${hiddenId}/messages`, { body: { content: 'x' } })).rejects.toMatchObject({ status: 403, code: 50001 });
  });

  it('answers 404 Unknown Channel once a channel is deleted', async () => {
    discord.deleteChannel(channelId);
    await expect(client.rest.post(`/channels/${channelId}/messages`, { body: { content: 'x' } })).rejects.toMatchObject({ status: 404, code: 10003 });
  });

  it('follows a permission change made during the test', async () => {
    discord.setChannelOverwrites(channelId, [{ id: 'botRole', deny: ['SendMessages'] }]);
    await expect((await channel()).send('x')).rejects.toMatchObject({ code: 50013 });
    await discord.waitFor(() => !(client.channels.cache.get(channelId) as TextChannel).permissionsFor(client.user!)?.has('SendMessages'));
  });

  it("refuses bodies over Discord's limits with 400 Invalid Form Body", async () => {
    const ch = await channel();
    await expect(ch.send('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });
    const big = new EmbedBuilder().setDescription('y'.repeat(4096));
    await expect(ch.send({ embeds: [big, big] })).rejects.toMatchObject({ code: 50035 });
    await expect(client.rest.post(`/channels/${channelId}/messages`, { body: { content: '' } })).rejects.toMatchObject({ code: 50006 });
    expect(discord.channelMessages(channelId)).toEqual([]);
  });

  it('marks who a message would ping: @everyone pings unless allowed mentions forbid it', async () => {
    (await client.guilds.cache.first())!; // the bot role lacks Mention Everyone by default
    discord.setBotPermissions(discord.guildIds[0], ['ViewChannel', 'SendMessages', 'MentionEveryone']);
    const ch = await channel();
    await ch.send('@everyone look');
    await ch.send({ content: '@everyone look', allowedMentions: { parse: [] } });
    await ch.send({ content: 'hi <@123456789012345678>', allowedMentions: { parse: [] } });
    const [loud, quiet, quietUser] = discord.channelMessages(channelId);
    expect(pingsAnyone(loud)).toBe(true);
    expect(loud.mention_everyone).toBe(true);
    expect(pingsAnyone(quiet)).toBe(false);
    expect(pingsAnyone(quietUser)).toBe(false);
  });

  it('answers the lookups bots make: channel, guild, member, roles, application', async () => {
    const guildId = discord.guildIds[0];
    const fetchedChannel = await client.channels.fetch(channelId, { force: true });
    expect(fetchedChannel?.id).toBe(channelId);
    const guild = await client.guilds.fetch({ guild: guildId, force: true });
    expect(guild.id).toBe(guildId);
    expect((await guild.members.fetchMe({ force: true })).id).toBe(discord.botUserId);
    expect((await guild.roles.fetch()).size).toBe(2);
    expect((await client.application!.fetch()).id).toBe(discord.applicationId);
    expect(discord.unhandled).toEqual([]);
  });
});
