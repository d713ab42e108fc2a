// End to end: what Discord does to a bot on a bad day — rate limits, server errors, a dropped gateway —
// and commands the bot no longer has.
import * as fs from 'node:fs';
import { loadFolderLibrary } from '../helpers/load-folder';
import { commandPayloads } from '../../src/commands';
import { deployCommands } from '../../src/discord/deploy';
import { makeTestContent } from '../fixtures/discord/content';
import { startHarness, type Harness } from '../fixtures/discord/harness';

describe('the bot when Discord misbehaves', () => {
  let h: Harness;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = makeTestContent();
    h = await startHarness({ library: await loadFolderLibrary(contentDir) });
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  it('waits out a 429 on the interaction callback (with rate-limit headers) and answers', async () => {
    h.discord.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 429, retryAfter: 0.3 });
    const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'help' }), { timeoutMs: 5000 });
    const attempts = h.discord.requestsTo('POST', `/interactions/${r.id}/${r.token}/callback`);
    expect(attempts.map((a) => a.injected)).toEqual([true, false]);
    expect(attempts[0].status).toBe(429);
    expect(attempts[1].status).toBeLessThan(300);
    expect(r.callback.type).toBe(4);
    expect(r.errors).toEqual([]);
  });

  it('retries a 500 on the reply edit and the edit lands', async () => {
    h.discord.failNext({ method: 'PATCH', path: /\/messages\/@original$/, status: 500 });
    const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'brief', options: { topic: 'orchard' } }));
    const edits = h.discord.requestsTo('PATCH', `/webhooks/${h.discord.applicationId}/${r.token}/messages/@original`);
    expect(edits.map((e) => e.status)).toEqual([500, 200]);
    expect(r.edits).toHaveLength(1);
    expect(r.original.embeds.length).toBeGreaterThan(0);
  });

  it('resumes after the gateway connection drops and keeps answering', async () => {
    const identifies = h.discord.identifies.length;
    const resumed = h.discord.waitForResume();
    expect(h.discord.dropGateway({ resume: true })).toBeGreaterThan(0);
    const resume = await resumed;
    expect(resume.ok).toBe(true);
    expect(h.discord.identifies.length).toBe(identifies);
    const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'quote' }));
    expect(r.edits[0].embeds).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'gateway resumed')).toBe(true);
  });

  it('answers a command it no longer has (still registered at Discord) politely and privately', async () => {
    await deployCommands({
      token: h.discord.token,
      apiUrl: h.discord.apiUrl,
      guildId: h.guildId,
      commands: [...commandPayloads(), { name: 'retired', description: 'A command this version no longer has' }],
    });
    const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: 'retired' }));
    expect(r.callback.type).toBe(4);
    expect(r.callback.data.flags & 64).toBe(64);
    expect(r.callback.data.content).toContain('I don’t know that command');
    expect(r.callback.data.allowed_mentions.parse).toEqual([]);
  });
});
