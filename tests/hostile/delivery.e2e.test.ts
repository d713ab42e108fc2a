// Issue 11 #9 end to end: a crafted /briefing naming another server's channel, or a voice channel, is refused
// by the real bot (discord.js Client, Discord channel port) against the stand-in, and nothing is posted there.
import { briefingMessages, fakeDateOnly, startWorld, type World } from '../fixtures/schedule/e2e';
import type { Json } from '../standin/types';

const ADMIN = { memberPermissions: ['ManageGuild'] };
const answerText = (r: Json): string => JSON.stringify([r.original, r.followups]);

describe('/briefing with a channel it must not use (stand-in)', () => {
  let world: World;

  beforeEach(async () => {
    fakeDateOnly(new Date('2026-05-04T05:59:00Z'));
    world = await startWorld([
      { name: 'Newsroom', channels: [{ name: 'news' }, { name: 'studio', type: 2 }] },
      { name: 'Elsewhere', channels: [{ name: 'their-news' }] },
    ]);
  });
  afterEach(async () => {
    await world.close();
    jest.useRealTimers();
  });

  it("refuses another server's channel and a voice channel, and posts nothing there", async () => {
    const bot = await world.boot();
    const [home, other] = world.discord.guildIds;
    const news = world.discord.textChannelId(home, 'news');
    const foreign = world.discord.textChannelId(other, 'their-news');
    const voice = world.discord.guild(home).channels.find((c: Json) => c.name === 'studio').id as string;
    const set = (channel: string) =>
      world.discord.sendInteraction(
        world.discord.commandInteraction({
          name: 'briefing set',
          guildId: home,
          channelId: news,
          options: { channel, time: '08:00', timezone: 'UTC' },
          ...ADMIN,
        }),
      );

    expect(answerText(await set(foreign))).toContain('not in this server');
    expect(answerText(await set(voice))).toContain('text or announcement channel');
    expect(await bot.scheduler!.store.schedules.listAll()).toEqual([]);

    const now = await world.discord.sendInteraction(
      world.discord.commandInteraction({ name: 'briefing now', guildId: home, channelId: news, options: { channel: foreign }, ...ADMIN }),
    );
    expect(answerText(now)).toContain('no daily briefing');
    expect(briefingMessages(world.discord, foreign, '2026-05-04')).toEqual([]);
    expect(world.discord.requestsTo('POST', `/channels/${foreign}/messages`)).toEqual([]);
  });
});
