// Live posts end to end: the real bot on the stand-in Discord, a fake SourcesService announcing new articles
// (as the feed poller does after storing them), the SQL ledger. A new item is posted once; the first poll
// posts nothing; restart, a crash after the claim, 429 and 5xx make no duplicate; filters; a burst is capped
// with a summary line; a channel that refuses us (403) stops its subscription with the reason.
import os from 'node:os';
import type { Article } from '../../src/briefings/types';
import { liveMarker } from '../../src/delivery/live';
import { FakeLibrary, makeArticle } from '../fixtures/discord/fake-library';
import type { OptionValue } from '../standin/payloads';
import { startHarness, type Harness } from '../fixtures/discord/harness';
import { FakeSourcesService } from '../fixtures/sources/fake-sources';
import * as stories from '../fixtures/stories/articles';

const ADMIN = { memberPermissions: ['ManageGuild', 'ViewChannel', 'SendMessages'] };
const FEED = 'https://news.example/feed.xml';

let h: Harness;
let sources: FakeSourcesService;
let library: FakeLibrary;
let n = 0;

beforeEach(async () => {
  sources = new FakeSourcesService();
  library = new FakeLibrary([]);
  h = await startHarness({ library, scheduler: true, sources, liveTuning: { spacingMs: 5, backoffMs: [50, 100], burstCap: 3 } });
});
afterEach(async () => {
  await h?.close();
});

/** New articles in the library, published minutes ago. */
function arrive(...titles: string[]): Article[] {
  const fresh = titles.map((title) =>
    makeArticle({
      id: `live-${++n}`,
      title,
      date: new Date(Date.now() - 5 * 60_000).toISOString(),
      url: `https://news.example/${n}`,
      paragraphs: [`${title}, officials said on Tuesday.`],
      quotes: [{ text: 'We will rebuild every bridge in this valley', speaker: 'Jane Doe' }],
    }),
  );
  library.setArticles([...library.all(), ...fresh]);
  return fresh;
}

async function command(name: string, options: Record<string, OptionValue>) {
  const r = await h.discord.sendInteraction(h.discord.commandInteraction({ name: `sources ${name}`, options, ...ADMIN }), { timeoutMs: 10_000 });
  expect(r.errors).toEqual([]);
  return r;
}

/** Adds the feed with the channel, and lets the subscription's first poll pass. */
async function subscribe(filter: Record<string, string> = {}): Promise<void> {
  await command('add', { url: FEED, channel: h.channelId, ...filter });
  await emit([]);
}

async function emit(articles: Article[], firstPoll = false): Promise<void> {
  await sources.emit({ feedUrl: FEED, articleIds: articles.map((a) => a.id), firstPoll });
  await h.bot.live!.service.idle();
}

const posts = () => h.discord.requestsTo('POST', `/channels/${h.channelId}/messages`);
const postedTitles = () => h.discord.channelMessages(h.channelId).flatMap((m: any) => (m.embeds ?? []).map((e: any) => e.title));
const contents = () => h.discord.channelMessages(h.channelId).map((m: any) => m.content ?? '');

describe('live posts', () => {
  it('posts a new article once, as an embed with summary, quote and marker; the same batch again posts nothing', async () => {
    await subscribe();
    const [a] = arrive('Bridge reopens after flood');
    await emit([a]);
    await emit([a]);
    expect(postedTitles()).toEqual(['Bridge reopens after flood']);
    const embed = (h.discord.channelMessages(h.channelId)[0] as any).embeds[0];
    expect(embed.url).toBe(a.url);
    expect(embed.description).toContain('We will rebuild every bridge in this valley');
    expect(embed.footer.text).toContain(liveMarker(h.channelId, a.id));
    expect(posts().every((r) => r.body.enforce_nonce === true && typeof r.body.nonce === 'string')).toBe(true);
  });

  it("the subscription's first poll, and the feed's first poll ever, record everything and post nothing", async () => {
    await command('add', { url: FEED, channel: h.channelId });
    await emit(arrive('Old story one', 'Old story two'));
    expect(posts()).toHaveLength(0);
    await emit(arrive('Feed backlog item'), true);
    expect(posts()).toHaveLength(0);
    await emit(arrive('Really new'));
    expect(postedTitles()).toEqual(['Really new']);
  });

  it('posts only what passes the filter', async () => {
    await subscribe({ include: 'ukraine', exclude: 'football' });
    await emit(arrive('Ukraine grain deal signed', 'Ukraine football team wins', 'Weather turns cold'));
    expect(postedTitles()).toEqual(['Ukraine grain deal signed']);
  });

  it('a burst is capped per round, with one summary line for the rest that says how to list them: /search source:<name>', async () => {
    await subscribe();
    // Five different events (the same one five times would be one story, posted once).
    const burst = [
      'Harbour reopens to ferries',
      'Council passes school budget',
      'Rail strike called off',
      'Museum buys lost painting',
      'Storm floods coastal road',
    ];
    await emit(arrive(...burst));
    expect(postedTitles()).toEqual(burst.slice(0, 3));
    const summary = contents().find((c) => c.includes('more from'));
    // The name is the subscription's (the feed's title, else its host): what /search's source option resolves.
    expect(summary).toContain('…and 2 more from **news.example** (too many to post one by one) — /search source:news.example');
  });

  it('after a restart the same articles are not posted again', async () => {
    await subscribe();
    const batch = arrive('Before the restart');
    await emit(batch);
    await h.restart();
    await emit(batch);
    expect(postedTitles()).toEqual(['Before the restart']);
  });

  it('a claim left by a crashed process is posted once by the next start', async () => {
    await subscribe();
    const [a] = arrive('Claimed, then the process died');
    const store = h.bot.scheduler!.store;
    const [sub] = await store.live.subscriptions.forGuild(h.guildId);
    const dead = `${os.hostname()}/999999/crashed`; // same host, no such process: its claim may be taken over at once
    const claimed = await store.live.ledger.claim({
      channelId: h.channelId,
      key: a.id,
      subscriptionId: sub.id,
      storyId: null,
      owner: dead,
      now: new Date(),
      job: { kind: 'article', articleId: a.id, alsoReportedBy: [] },
    });
    expect(claimed).toBe(true);
    await h.restart();
    await h.bot.live!.service.idle();
    await emit([a]);
    expect(postedTitles()).toEqual(['Claimed, then the process died']);
    expect((await h.bot.scheduler!.store.live.ledger.get(h.channelId, a.id))?.status).toBe('posted');
  });

  it('a 429 waits and posts once; a 5xx whose request landed anyway does not double the post', async () => {
    await subscribe();
    h.discord.failNext({ method: 'POST', path: `/channels/${h.channelId}/messages`, status: 429, retryAfter: 0.2 });
    await emit(arrive('After a rate limit'));
    h.discord.failNext({ method: 'POST', path: `/channels/${h.channelId}/messages`, status: 500, times: 4, effect: 'apply' });
    await emit(arrive('After a server error'));
    expect(postedTitles()).toEqual(['After a rate limit', 'After a server error']);
  });

  it('a 403 stops the subscription, and /sources list shows why', async () => {
    await subscribe();
    h.discord.failNext({ method: 'POST', path: `/channels/${h.channelId}/messages`, status: 403 });
    await emit(arrive('Cannot be posted'));
    await emit(arrive('Nor this one'));
    expect(postedTitles()).toEqual([]);
    const [sub] = await h.bot.scheduler!.store.live.subscriptions.forGuild(h.guildId);
    expect(sub.stoppedReason).toMatch(/Missing Permissions/);
    const list = await command('list', {});
    expect(JSON.stringify(list.edits)).toContain('stopped: Missing Permissions');
  });

  it('the same story from a second feed is not posted again in the channel: the post is edited to name it', async () => {
    const SECOND = 'https://other.example/rss';
    // The library the story model is fitted on: background articles, then a restart so live posts group over it.
    const fresh = (a: typeof stories.psPriceIgn, minutesAgo: number) =>
      makeArticle({ id: a.id, title: a.title, url: a.url, paragraphs: a.paragraphs, date: new Date(Date.now() - minutesAgo * 60_000).toISOString() });
    const background = stories.all.filter((a) => a !== stories.psPriceIgn && a !== stories.psPriceGi);
    library.setArticles(background.map((a) => makeArticle({ id: a.id, title: a.title, url: a.url, paragraphs: a.paragraphs, date: a.date })));
    await h.restart();
    await subscribe();
    await command('add', { url: SECOND, channel: h.channelId });
    await sources.emit({ feedUrl: SECOND, articleIds: [], firstPoll: false });
    const ign = fresh(stories.psPriceIgn, 6);
    const gi = fresh(stories.psPriceGi, 5);
    library.setArticles([...library.all(), ign, gi]);
    await emit([ign]);
    await sources.emit({ feedUrl: SECOND, articleIds: [gi.id], firstPoll: false });
    await h.bot.live!.service.idle();
    expect(postedTitles()).toEqual([stories.psPriceIgn.title]);
    expect(posts()).toHaveLength(1);
    const [message] = h.discord.channelMessages(h.channelId) as any[];
    // One PATCH of that message, adding the second outlet (its host: the fake source has no title) with a link.
    expect(h.discord.requestsTo('PATCH', `/channels/${h.channelId}/messages/${message.id}`)).toHaveLength(1);
    expect(message.embeds[0].description).toContain(`Also reported by [other.example](${gi.url})`);
    const ledger = h.bot.scheduler!.store.live.ledger;
    expect(await ledger.get(h.channelId, gi.id)).toMatchObject({ status: 'posted', messageId: message.id, job: { kind: 'edit', targetKey: ign.id } });
    expect((await ledger.get(h.channelId, ign.id))?.job).toMatchObject({ alsoReportedBy: [{ source: 'other.example', url: gi.url }] });
    // A restart and the same item again: no second edit, no post.
    await h.restart();
    await sources.emit({ feedUrl: SECOND, articleIds: [gi.id], firstPoll: false });
    await h.bot.live!.service.idle();
    expect(posts()).toHaveLength(1);
    expect(h.discord.requestsTo('PATCH', `/channels/${h.channelId}/messages/${message.id}`)).toHaveLength(1);
  });
});
