// /sources through the real bot and the stand-in Discord: Manage Server only, answers only the admin sees,
// add/list/remove/watch/unwatch over a fake SourcesService, and the clear refusals (bad URL, bad filter,
// the feed reader's reason).
import type { InteractionRecord } from '../standin';
import type { OptionValue } from '../standin/payloads';
import { FakeLibrary } from '../fixtures/discord/fake-library';
import { startHarness, type Harness } from '../fixtures/discord/harness';
import { FakeSourcesService } from '../fixtures/sources/fake-sources';

const EPHEMERAL = 64;
const ADMIN = { memberPermissions: ['ManageGuild', 'ViewChannel', 'SendMessages'] };
const FEED = 'https://news.example/feed.xml';

let h: Harness;
let sources: FakeSourcesService;

beforeEach(async () => {
  sources = new FakeSourcesService();
  sources.addShared('https://shared.example/rss', 'Shared Wire');
  h = await startHarness({ library: new FakeLibrary([]), scheduler: true, sources });
});
afterEach(async () => {
  await h?.close();
});

function bodies(r: InteractionRecord): any[] {
  const out: any[] = [];
  if (r.callback?.data && r.callback.type === 4) out.push(r.callback.data);
  out.push(...r.edits);
  out.push(...h.discord.requestsTo('POST', `/webhooks/${h.discord.applicationId}/${r.token}`).map((q) => q.body));
  return out;
}

function text(r: InteractionRecord): string {
  return bodies(r)
    .map((b) => [b.content ?? '', ...(b.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n'))
    .join('\n');
}

/** Only the admin sees it: the deferral or the reply carries the ephemeral flag. */
function ephemeral(r: InteractionRecord): boolean {
  return ((r.callback?.data?.flags ?? 0) & EPHEMERAL) === EPHEMERAL;
}

async function run(name: string, options: Record<string, OptionValue> = {}, who: object = ADMIN): Promise<InteractionRecord> {
  const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: `sources ${name}`, options, ...who }), { timeoutMs: 10_000 });
  expect(r.errors).toEqual([]);
  expect(ephemeral(r)).toBe(true);
  return r;
}

describe('/sources', () => {
  it('is registered for Manage Server only, and refuses a member without it even when a server override lets them run it', async () => {
    const registered = h.discord.commands(h.guildId).find((c) => c.name === 'sources');
    expect(registered?.default_member_permissions).toBe(String(1 << 5)); // Manage Server
    const r = await run('list', {}, { memberPermissions: ['ViewChannel', 'SendMessages'] });
    expect(text(r)).toContain('Manage Server');
    expect(text(r)).not.toContain('Shared Wire');
  });

  it('adds a feed and subscribes a channel with filters; list shows status, scope, channel, filter and that it starts after the next poll', async () => {
    const add = await run('add', { url: FEED, channel: h.channelId, include: 'ukraine, "peace talks"', exclude: 'sport', topic: 'election' });
    expect(text(add)).toContain('Added');
    expect(text(add)).toContain(`<#${h.channelId}>`);
    expect(sources.byGuild.get(h.guildId)?.map((s) => s.url)).toEqual([FEED]);

    const list = text(await run('list'));
    expect(list.indexOf('Shared Wire')).toBeLessThan(list.indexOf(FEED)); // shared ones first
    expect(list).toContain('**Shared**');
    expect(list).toContain('**This server**');
    expect(list).toContain('ok · 0 articles');
    expect(list).toContain(`<#${h.channelId}> — include: ukraine, "peace talks" · exclude: sport · topic: election — ⏳ starts after the next poll`);
  });

  it('shows a stopped subscription with its reason', async () => {
    await run('add', { url: FEED, channel: h.channelId });
    const repo = h.bot.scheduler!.store.live.subscriptions;
    const [sub] = await repo.forGuild(h.guildId);
    await repo.stop(sub.id, 'permissions', 'Missing Permissions: the bot needs Send Messages here');
    expect(text(await run('list'))).toContain('⏹ stopped: Missing Permissions: the bot needs Send Messages here');
  });

  it('refuses a URL that is not http(s), and adds nothing', async () => {
    const r = await run('add', { url: 'ftp://news.example/feed' });
    expect(text(r)).toContain('is not a web address I can follow');
    expect(sources.byGuild.get(h.guildId)).toBeUndefined();
  });

  it('refuses a filter it cannot read with the reason, before adding the source', async () => {
    const r = await run('add', { url: FEED, channel: h.channelId, include: 'sport', exclude: 'sport' });
    expect(text(r)).toContain('That filter does not work: "sport" is both included and excluded');
    expect(sources.byGuild.get(h.guildId)).toBeUndefined();
    expect(await h.bot.scheduler!.store.live.subscriptions.forGuild(h.guildId)).toEqual([]);
  });

  it("says why the feed reader refused a URL, in the reader's words", async () => {
    sources.refuse.set('http://10.0.0.1/feed', 'private network addresses are refused');
    const r = await run('add', { url: 'http://10.0.0.1/feed' });
    expect(text(r)).toContain('Could not add http://10.0.0.1/feed: private network addresses are refused');
  });

  it('watch needs a source the server has; unwatch stops a channel; watching again changes the filter', async () => {
    expect(text(await run('watch', { url: FEED, channel: h.channelId }))).toContain("is not one of this server's sources");
    await run('add', { url: FEED });
    expect(text(await run('watch', { url: FEED, channel: h.channelId, include: 'ukraine' }))).toContain('New articles will be posted in');
    expect(text(await run('watch', { url: FEED, channel: h.channelId, include: 'kyiv' }))).toContain('filter now: include: kyiv');
    expect(text(await run('unwatch', { url: FEED, channel: h.channelId }))).toContain('no longer gets live posts');
    expect(text(await run('unwatch', { url: FEED, channel: h.channelId }))).toContain('nothing changed');
    expect(await h.bot.scheduler!.store.live.subscriptions.forGuild(h.guildId)).toEqual([]);
  });

  it("remove autocompletes the server's own sources only, and removing one stops its live posts", async () => {
    await run('add', { url: FEED, channel: h.channelId });
    const ac = await h.discord.sendInteraction(
      h.discord.autocompleteInteraction({ name: 'sources remove', focused: 'url', options: { url: 'news' }, ...ADMIN }),
      { wait: 'callback' },
    );
    expect(ac.choices?.map((c) => c.value)).toEqual([FEED]);
    const r = await run('remove', { url: FEED });
    expect(text(r)).toContain('Removed https://news.example/feed.xml');
    expect(text(r)).toContain('Its live posts stopped in 1 channel.');
    expect(await h.bot.scheduler!.store.live.subscriptions.forGuild(h.guildId)).toEqual([]);
    expect(text(await run('remove', { url: FEED }))).toContain("is not one of this server's sources");
  });
});
