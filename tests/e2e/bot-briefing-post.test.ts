// End to end: a briefing posted into a channel (not an interaction reply) goes through the same renderer:
// within limits, allowed mentions none, even when an article says "@everyone".
import * as fs from 'node:fs';
import { loadFolderLibrary } from '../helpers/load-folder';
import { limitViolations } from '../../src/discord/render/limits';
import { pingsAnyone } from '../standin';
import { MENTION_TITLE, makeTestContent } from '../fixtures/discord/content';
import { expectSafeMessage } from '../fixtures/discord/checks';
import { startHarness, type Harness } from '../fixtures/discord/harness';

describe('a briefing posted in a channel', () => {
  let h: Harness;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = makeTestContent();
    h = await startHarness({ library: await loadFolderLibrary(contentDir), scheduler: true });
    await h.bot.scheduler!.started;
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  it('is sent with allowed mentions none and pings nobody, though an article says @everyone', async () => {
    const admin = ['ManageGuild', 'ViewChannel', 'SendMessages'];
    const set = await h.discord.sendInteraction(
      h.discord.commandInteraction({
        name: 'briefing set',
        options: { channel: h.channelId, time: '08:00', timezone: 'UTC' },
        memberPermissions: admin,
      }),
      { timeoutMs: 10_000 },
    );
    expect(set.errors).toEqual([]);
    const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'briefing now', memberPermissions: admin }), {
      timeoutMs: 10_000,
    });
    expect(r.errors).toEqual([]);
    const posts = await h.discord.waitForMessages(h.channelId, 1, { timeoutMs: 10_000 });
    const sent = h.discord.requestsTo('POST', `/channels/${h.channelId}/messages`).map((q) => q.body);
    expect(sent.length).toBeGreaterThan(0);
    for (const body of sent) {
      expect(body.allowed_mentions).toEqual(expect.objectContaining({ parse: [] }));
      expect(limitViolations(body)).toEqual([]);
      expectSafeMessage(body);
    }
    for (const m of posts) expect(pingsAnyone(m)).toBe(false);
    const titles = sent.flatMap((b) => b.embeds.map((e: any) => e.title ?? ''));
    expect(titles.some((t: string) => t.includes(MENTION_TITLE.replace('@everyone', '@\u200beveryone')))).toBe(true);
    expect(sent[0].content).toMatch(/^\*\*Daily briefing for /);
  });
});
