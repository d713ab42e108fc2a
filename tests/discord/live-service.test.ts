// Live posts across shards and hosts: only the process that fetched a feed hears of its new articles, and it
// posts them to every channel subscribed to that feed, also in servers another shard or host holds (posting
// goes through REST, so any process can post anywhere). The live ledger's claim keeps each post to one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LiveService } from '../../src/discord/live/live-service';
import { openStore, type Store } from '../../src/store/store';
import { FakeChannels, FakeClock } from '../delivery/live/fakes';
import { FakeLibrary, makeArticle } from '../fixtures/discord/fake-library';
import { FakeSourcesService } from '../fixtures/sources/fake-sources';

const FEED = 'https://news.example/feed.xml';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let store: Store;
let clock: FakeClock;
let channels: FakeChannels;
let library: FakeLibrary;
const services: LiveService[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-live-service-'));
  store = openStore(path.join(dir, 'b.db'));
  clock = new FakeClock();
  channels = new FakeChannels(clock);
  library = new FakeLibrary([]);
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A process whose shards hold `guilds` (not told to the service: it posts for every server), hearing its own feed poller. */
function processHolding(
  guilds: string[],
  opts: { claimLeaseMs?: number; owner?: string } = {},
): { service: LiveService; sources: FakeSourcesService } {
  const sources = new FakeSourcesService();
  const service = new LiveService({
    sources,
    subscriptions: store.live.subscriptions,
    ledger: store.live.ledger,
    port: channels,
    library,
    owner: opts.owner ?? `host-${services.length}/1/${guilds.join('-')}`,
    now: clock.now,
    sleep: clock.sleep,
    logger: quiet,
    spacingMs: 0,
    claimLeaseMs: opts.claimLeaseMs,
  });
  service.start();
  services.push(service);
  return { service, sources };
}

async function subscribe(guildId: string, channelId: string): Promise<void> {
  const { row } = await store.live.subscriptions.upsert(
    { guildId, channelId, feedUrl: FEED, sourceName: 'News', filter: { include: '', exclude: '', topic: '' } },
    clock.now(),
  );
  await store.live.subscriptions.markFirstPoll(row.id, clock.now());
  clock.advance(60_000);
}

function arrive(title: string): string {
  const article = makeArticle({
    id: title.toLowerCase().replace(/\W+/g, '-'),
    title,
    date: new Date(clock.now().getTime() - 5 * 60_000).toISOString(),
    url: `https://news.example/${encodeURIComponent(title)}`,
    paragraphs: [`${title}, officials said on Tuesday.`],
  });
  library.setArticles([...library.all(), article]);
  return article.id;
}

describe('live posts across shards and hosts', () => {
  it("posts a feed's new article to a channel in a server this process does not hold", async () => {
    await subscribe('guild-b', 'channel-b');
    const fetcher = processHolding(['guild-a']);
    const id = arrive('Bridge reopens after flood');
    await fetcher.sources.emit({ feedUrl: FEED, articleIds: [id], firstPoll: false });
    await fetcher.service.idle();
    expect(channels.articleIdsIn('channel-b')).toEqual([id]);
  });

  it('posts it exactly once when two processes holding neither server hear the same batch at once', async () => {
    await subscribe('guild-c', 'channel-c');
    await subscribe('guild-a', 'channel-a');
    const one = processHolding(['guild-a']);
    const two = processHolding(['guild-b']);
    const id = arrive('Dam inspection finds no cracks');
    const batch = { feedUrl: FEED, articleIds: [id], firstPoll: false };
    await Promise.all([one.sources.emit(batch), two.sources.emit(batch)]);
    await Promise.all([one.service.idle(), two.service.idle()]);
    expect(channels.articleIdsIn('channel-c')).toEqual([id]);
    expect(channels.articleIdsIn('channel-a')).toEqual([id]);
    expect(channels.sends).toBe(2);
  });

  it.each([
    ['the default ten-minute lease', undefined, 9 * 60_000, 2 * 60_000],
    ['a lease set shorter (CLAIM_LEASE_SECONDS)', 30_000, 20_000, 11_000],
  ])('finishes a post a dead host claimed in a server this process does not hold, after %s', async (_name, claimLeaseMs, before, after) => {
    await subscribe('guild-b', 'channel-b');
    const id = arrive('Ferry service resumes');
    const job = { kind: 'article' as const, articleId: id, alsoReportedBy: [] };
    await store.live.ledger.claim({
      channelId: 'channel-b',
      key: id,
      subscriptionId: (await store.live.subscriptions.forFeed(FEED))[0].id,
      storyId: null,
      job,
      owner: 'other-host/4242/dead',
      now: clock.now(),
    });
    const survivor = processHolding(['guild-a'], { claimLeaseMs });
    await survivor.sources.emit({ feedUrl: FEED, articleIds: [], firstPoll: false });
    clock.advance(before);
    await survivor.sources.emit({ feedUrl: FEED, articleIds: [], firstPoll: false });
    await survivor.service.idle();
    expect(channels.articleIdsIn('channel-b')).toEqual([]);
    clock.advance(after);
    await survivor.sources.emit({ feedUrl: FEED, articleIds: [], firstPoll: false });
    await survivor.service.idle();
    expect(channels.articleIdsIn('channel-b')).toEqual([id]);
    expect((await store.live.ledger.get('channel-b', id))?.status).toBe('posted');
  });

  it('finishes the post of a process that died on this machine once this library has read the article from the store', async () => {
    await subscribe('guild-b', 'channel-b');
    const article = makeArticle({
      id: 'ferry-service-resumes',
      title: 'Ferry service resumes',
      date: new Date(clock.now().getTime() - 5 * 60_000).toISOString(),
      paragraphs: ['Ferry service resumed on Monday, the operator said.'],
    });
    const job = { kind: 'article' as const, articleId: article.id, alsoReportedBy: [] };
    const [sub] = await store.live.subscriptions.forFeed(FEED);
    // A process on this machine stored the article, claimed its post and died: its claim may be taken at once,
    // but this process's library follows the store a few seconds behind and has not read the article yet.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const owner = `${os.hostname()}/${deadPid}/gone`;
    await store.live.ledger.claim({ channelId: 'channel-b', key: article.id, subscriptionId: sub.id, storyId: null, job, owner, now: clock.now() });
    const survivor = processHolding(['guild-a'], { owner: `${os.hostname()}/${process.pid}/survivor` });
    clock.advance(2_000);
    await survivor.sources.emit({ feedUrl: FEED, articleIds: [], firstPoll: false });
    await survivor.service.idle();
    expect((await store.live.ledger.get('channel-b', article.id))?.status).toBe('claimed');
    library.setArticles([article]);
    clock.advance(2_000);
    await survivor.sources.emit({ feedUrl: FEED, articleIds: [], firstPoll: false });
    await survivor.service.idle();
    expect(channels.articleIdsIn('channel-b')).toEqual([article.id]);
  });
});
