// Daily briefings end to end: the real bot (discord.js Client, scheduler, SQLite file) against the stand-in.
// Only Date is faked (moving at real speed) so that 08:00 in Berlin comes within seconds.
import os from 'node:os';
import { openStore } from '../../src/store/store';
import { briefingMessages, fakeDateOnly, sleep, startWorld, type World } from '../fixtures/schedule/e2e';
import type { Json } from '../standin/types';
import { until } from '../helpers/bot-process';

const TODAY = '2026-05-04';
// Setup runs from a minute before 08:00 in Berlin; each test then moves the clock to just before 08:00 at the
// moment that matters, so a slow setup on a busy machine cannot push the schedule past its time.
const SETUP_TIME = new Date('2026-05-04T05:59:00Z');
const justBeforeEight = () => jest.setSystemTime(new Date('2026-05-04T05:59:54Z'));
const ADMIN = { memberPermissions: ['ManageGuild'] };

async function setBriefing(world: World, channelId: string, options: Record<string, string | number | boolean>) {
  return world.discord.sendInteraction(
    world.discord.commandInteraction({ name: 'briefing set', options: { channel: channelId, ...options }, ...ADMIN }),
  );
}

/** Text of everything the bot answered to an interaction (reply, edits, follow-ups). */
function answerText(r: Json): string {
  return JSON.stringify([r.original, r.followups]);
}

describe('daily briefings on the stand-in', () => {
  let world: World;
  let news: string;

  beforeEach(async () => {
    fakeDateOnly(SETUP_TIME);
    world = await startWorld();
    news = world.discord.textChannelId(world.discord.guildIds[0], 'news');
  });
  afterEach(async () => {
    await world.close();
    jest.useRealTimers();
  });

  it('posts the briefing at the set time, once, and a restart right after does not repeat it', async () => {
    const bot = await world.boot();
    justBeforeEight();
    const set = await setBriefing(world, news, { time: '08:00', timezone: 'Europe/Berlin', articles: 3 });
    expect(answerText(set)).toContain('Daily briefing set');

    const [first] = await world.discord.waitForMessages(news, 1, { timeoutMs: 30_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse('2026-05-04T06:00:00Z'));
    expect(first.content).toContain('Daily briefing for Monday 4 May 2026');
    await sleep(500);
    const posted = briefingMessages(world.discord, news, TODAY);
    expect(posted.length).toBeGreaterThanOrEqual(1);
    // Article text says "@everyone": nobody is pinged, and the request said so explicitly.
    const sends = world.discord.requestsTo('POST', `/channels/${news}/messages`);
    expect(sends.every((r) => Array.isArray(r.body.allowed_mentions?.parse) && r.body.allowed_mentions.parse.length === 0)).toBe(true);
    expect(posted.every((m: Json) => m.mention_everyone === false)).toBe(true);
    // Each message carries its own nonce and asks Discord to enforce it.
    expect(sends.every((r) => r.body.enforce_nonce === true && typeof r.body.nonce === 'string')).toBe(true);
    expect(new Set(sends.map((r) => r.body.nonce)).size).toBe(sends.length);

    await bot.stop();
    await world.boot();
    await sleep(1500);
    expect(briefingMessages(world.discord, news, TODAY)).toHaveLength(posted.length);
    expect(world.discord.requestsTo('POST', `/channels/${news}/messages`)).toHaveLength(sends.length);

    const show = await world.discord.sendInteraction(world.discord.commandInteraction({ name: 'briefing show', ...ADMIN }));
    expect(answerText(show)).toContain(`${TODAY}: posted`);
  });

  it('retries after a 500 and still posts once', async () => {
    await world.boot();
    world.discord.failNext({ method: 'POST', path: `/channels/${news}/messages`, status: 500 });
    justBeforeEight();
    await setBriefing(world, news, { time: '08:00', timezone: 'Europe/Berlin', articles: 3 });
    await world.discord.waitForMessages(news, 1, { timeoutMs: 30_000 });
    await sleep(1000);
    const posted = briefingMessages(world.discord, news, TODAY);
    const parts = Number(/#\d+\/(\d+)/.exec(JSON.stringify(posted[0]))![1]);
    expect(posted).toHaveLength(parts);
    const sends = world.discord.requestsTo('POST', `/channels/${news}/messages`);
    expect(sends.filter((r) => r.injected)).toHaveLength(1);
    expect(sends.filter((r) => !r.injected)).toHaveLength(parts);
  });

  it('reports a 403 in /briefing show and does not retry it', async () => {
    const bot = await world.boot();
    world.discord.failNext({
      method: 'POST',
      path: `/channels/${news}/messages`,
      status: 403,
      times: 50,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    justBeforeEight();
    await setBriefing(world, news, { time: '08:00', timezone: 'Europe/Berlin' });
    await world.discord.waitForRequest('POST', `/channels/${news}/messages`, { timeoutMs: 30_000 });
    await sleep(1000);
    // More clock ticks and a restart: still the one attempt.
    await bot.scheduler!.scheduler.tick('guard');
    await bot.stop();
    const again = await world.boot();
    await again.scheduler!.scheduler.tick('guard');
    expect(world.discord.requestsTo('POST', `/channels/${news}/messages`)).toHaveLength(1);
    expect(world.discord.channelMessages(news)).toHaveLength(0);

    const show = await world.discord.sendInteraction(world.discord.commandInteraction({ name: 'briefing show', ...ADMIN }));
    expect(answerText(show)).toContain('Missing Permissions');
    expect(answerText(show)).toContain(`${TODAY}: failed`);
  });

  it('checks its channel permissions first and says which one is missing', async () => {
    world.discord.setChannelOverwrites(news, [{ id: 'bot', deny: ['EmbedLinks'] }]);
    const bot = await world.boot();
    justBeforeEight();
    await setBriefing(world, news, { time: '08:00', timezone: 'Europe/Berlin' });
    await until('the failed delivery', async () => ((await bot.scheduler!.store.ledger.get(news, TODAY))?.status === 'failed' ? true : null), 30_000);
    expect(world.discord.requestsTo('POST', `/channels/${news}/messages`)).toHaveLength(0);
    // Asked from another channel: the stand-in, like Discord, drops embeds where the bot lacks Embed Links.
    const general = world.discord.textChannelId(world.discord.guildIds[0], 'general');
    const show = await world.discord.sendInteraction(world.discord.commandInteraction({ name: 'briefing show', channelId: general, ...ADMIN }));
    expect(answerText(show)).toContain('Missing permissions in #news: Embed Links');
  });

  it('catches up on start after being down at the time, marked late, and only for today', async () => {
    const store = openStore(world.dbPath);
    const guildId = world.discord.guildIds[0];
    const general = world.discord.textChannelId(guildId, 'general');
    const base = { guildId, topic: null, articles: 2, announceEmpty: false };
    await store.schedules.upsert({ ...base, channelId: news, time: '07:00', timezone: 'Europe/Berlin' }, new Date('2026-05-01T00:00:00Z'));
    await store.schedules.upsert({ ...base, channelId: general, time: '23:59', timezone: 'Europe/Berlin' }, new Date('2026-05-01T00:00:00Z'));
    await store.close();
    await world.boot();
    const [late] = await world.discord.waitForMessages(news, 1, { timeoutMs: 10_000 });
    expect(late.content).toContain('Posted late');
    // Yesterday's 23:59 post was missed entirely: it is never posted today.
    expect(world.discord.channelMessages(general)).toHaveLength(0);
  });

  describe('after a crash between claim and post', () => {
    const seedCrashedClaim = async () => {
      const store = openStore(world.dbPath);
      const guildId = world.discord.guildIds[0];
      await store.schedules.upsert(
        { guildId, channelId: news, time: '07:00', timezone: 'Europe/Berlin', topic: null, articles: 2, announceEmpty: false },
        new Date('2026-05-01T00:00:00Z'),
      );
      // Held by a process of this host that no longer runs.
      await store.ledger.claim({
        channelId: news,
        guildId,
        localDate: TODAY,
        trigger: 'schedule',
        late: false,
        owner: `${os.hostname()}/999999/gone`,
        now: new Date('2026-05-04T05:00:00Z'),
      });
      await store.close();
    };
    const botAuthor = () => ({ id: world.discord.botUserId, username: 'Briefbot', discriminator: '0', global_name: null, avatar: null, bot: true });

    it('finds its own marked post in the channel, even a busy one, and does not post again', async () => {
      await seedCrashedClaim();
      // 150 messages before it and 30 after: the search pages through the day's messages.
      for (let i = 0; i < 150; i++) world.discord.addChannelMessage(news, { content: `chatter ${i}` });
      world.discord.addChannelMessage(news, {
        content: '**Daily briefing for Monday 4 May 2026**',
        author: botAuthor(),
        embeds: [{ type: 'rich', title: 'Grid operators', footer: { text: `Example Wire · briefbot:${news}:${TODAY}#1/1` } }],
      });
      for (let i = 0; i < 30; i++) world.discord.addChannelMessage(news, { content: `more chatter ${i}` });
      const bot = await world.boot();
      expect(world.discord.requestsTo('POST', `/channels/${news}/messages`)).toHaveLength(0);
      expect(await bot.scheduler!.store.ledger.get(news, TODAY)).toMatchObject({ status: 'posted', trigger: 'recovery' });
      expect(world.discord.requestsTo('GET', `/channels/${news}/messages`).length).toBeGreaterThanOrEqual(2);
    });

    it('posts once when its marker is not there (a marker from someone else does not count)', async () => {
      await seedCrashedClaim();
      world.discord.addChannelMessage(news, { content: `quoting briefbot:${news}:${TODAY}#1/1` });
      const bot = await world.boot();
      await world.discord.waitForRequest('POST', `/channels/${news}/messages`, { timeoutMs: 10_000 });
      await sleep(500);
      const row = (await bot.scheduler!.store.ledger.get(news, TODAY))!;
      expect(row.status).toBe('posted');
      expect(briefingMessages(world.discord, news, TODAY)).toHaveLength(row.messageIds.length);
    });
  });

  it('manages schedules with /briefing: clear errors, autocomplete, permissions, several channels, off', async () => {
    await world.boot();
    const general = world.discord.textChannelId(world.discord.guildIds[0], 'general');
    const badTime = await setBriefing(world, news, { time: '25:00', timezone: 'Europe/Berlin' });
    expect(answerText(badTime)).toContain('is not a time of day');
    const badZone = await setBriefing(world, news, { time: '08:00', timezone: 'Mars/Olympus' });
    expect(answerText(badZone)).toContain('is not a time zone I know');

    const ac = await world.discord.sendInteraction(
      world.discord.autocompleteInteraction({
        name: 'briefing set',
        focused: 'timezone',
        options: { channel: news, time: '08:00', timezone: 'berl' },
      }),
    );
    const choices = ac.callback.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Europe/Berlin');

    const denied = await world.discord.sendInteraction(
      world.discord.commandInteraction({
        name: 'briefing set',
        options: { channel: news, time: '08:00', timezone: 'UTC' },
        memberPermissions: ['SendMessages'],
      }),
    );
    expect(answerText(denied)).toContain('Manage Server');

    await setBriefing(world, news, { time: '09:00', timezone: 'Europe/Berlin' });
    await setBriefing(world, general, { time: '18:30', timezone: 'America/New_York', topic: 'strike' });
    const show = await world.discord.sendInteraction(world.discord.commandInteraction({ name: 'briefing show', ...ADMIN }));
    expect(answerText(show)).toContain('America/New\\\\_York'); // markdown-escaped, inside JSON
    expect(answerText(show)).toContain('Europe/Berlin');

    const preview = await world.discord.sendInteraction(
      world.discord.commandInteraction({ name: 'briefing preview', options: { channel: news }, ...ADMIN }),
    );
    expect(preview.callback.data.flags & 64).toBe(64);
    expect(answerText(preview)).toContain('Daily briefing for');
    expect(world.discord.channelMessages(news)).toHaveLength(0);

    const now = await world.discord.sendInteraction(
      world.discord.commandInteraction({ name: 'briefing now', options: { channel: general }, ...ADMIN }),
    );
    expect(answerText(now)).toContain("Posted today's briefing");
    expect(world.discord.channelMessages(general).length).toBeGreaterThan(0);
    const twice = await world.discord.sendInteraction(
      world.discord.commandInteraction({ name: 'briefing now', options: { channel: general }, ...ADMIN }),
    );
    expect(answerText(twice)).toContain('already posted today');

    const off = await world.discord.sendInteraction(world.discord.commandInteraction({ name: 'briefing off', options: { all: true }, ...ADMIN }));
    expect(answerText(off)).toContain('Stopped 2 daily briefings');
  });

  it('takes a default schedule from BRIEFING_CHANNEL_ID, BRIEFING_TIME and BRIEFING_TIMEZONE', async () => {
    justBeforeEight();
    await world.boot({ BRIEFING_CHANNEL_ID: news, BRIEFING_TIME: '08:00', BRIEFING_TIMEZONE: 'Europe/Berlin' });
    const [first] = await world.discord.waitForMessages(news, 1, { timeoutMs: 30_000 });
    expect(first.content).toContain('Daily briefing for Monday 4 May 2026');
  });
});
