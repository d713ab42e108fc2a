import { liveMarker, MAX_RATE_LIMIT_WAITS } from '../../../src/delivery/live';
import { LIBRARY_CATCH_UP_MS } from '../../../src/delivery/live/poster';
import { CLAIM_LEASE_MS } from '../../../src/schedule/owner';
import { discordError, makeArticle, makeSubscription } from './fakes';
import { World } from './world';

const CHANNEL = '100000000000000001';

function setup() {
  const world = new World();
  const sub = world.subscriptions.add(makeSubscription(world.clock, { channelId: CHANNEL }));
  return { world, sub };
}

describe('live posts, exactly once per (channel, article)', () => {
  it('posts a new article once, and a second round with the same article posts nothing', async () => {
    const { world, sub } = setup();
    const poster = world.poster();
    const articles = world.arrive(makeArticle(world.clock));
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'posted', messageId: 'm1' });
  });

  it('does not post again after a restart (a new process over the same ledger)', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock), makeArticle(world.clock));
    const first = world.poster();
    await first.round([{ subscription: sub, articles }]);
    await first.idle();
    const second = world.poster();
    await second.round([{ subscription: sub, articles }]);
    await second.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual(articles.map((a) => a.id));
  });

  it('a crash after the post but before it was recorded: the next start finds the marker and does not repeat it', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'post-then-hang');
    await world.poster().round([{ subscription: sub, articles }]); // this process dies mid-send
    expect((await world.ledger.get(CHANNEL, articles[0].id))?.status).toBe('claimed');

    world.clock.advance(60_000);
    const restarted = world.poster();
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'posted', messageId: 'm1', owner: 'testhost/4242/start-2' });
  });

  it('a crash after the claim but before the post: the next start posts it, once', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'hang');
    await world.poster().round([{ subscription: sub, articles }]);
    expect(world.channels.posted).toHaveLength(0);

    world.clock.advance(60_000);
    const restarted = world.poster();
    await restarted.round([{ subscription: sub, articles }]); // the poller hands the same article again
    await restarted.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
    expect((await world.ledger.get(CHANNEL, articles[0].id))?.status).toBe('posted');
  });

  it('an interrupted claim found older than LIVE_MAX_AGE on restart is given up, not posted', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock, { minutesAgo: 60 }));
    world.channels.faults.push(() => 'hang');
    await world.poster().round([{ subscription: sub, articles }]);
    world.clock.advance(24 * 3_600_000);
    const restarted = world.poster();
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.posted).toHaveLength(0);
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/LIVE_MAX_AGE/) });
  });

  it('leaves a claim that another live process holds alone until its lease runs out', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'hang');
    await world.poster({ owner: 'otherhost/1/a' }).round([{ subscription: sub, articles }]);
    const here = world.poster();
    await here.round([]);
    await here.idle();
    expect(world.channels.sends).toBe(1);
    world.clock.advance(CLAIM_LEASE_MS);
    await here.round([]);
    await here.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
    expect(world.channels.sends).toBe(2);
  });

  it('two processes in one round: only the one holding the claim posts', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    const a = world.poster();
    const b = world.poster();
    await a.round([{ subscription: sub, articles }]);
    await b.round([{ subscription: sub, articles }]);
    await Promise.all([a.idle(), b.idle()]);
    expect(world.channels.articleIdsIn(CHANNEL)).toHaveLength(1);
  });

  it('the first poll of a new subscription posts nothing; the next posts only what is new', async () => {
    const world = new World();
    const sub = world.subscriptions.add(makeSubscription(world.clock, { channelId: CHANNEL, firstPolledAt: null }));
    const poster = world.poster();
    const backlog = world.arrive(makeArticle(world.clock), makeArticle(world.clock));
    await poster.round([{ subscription: sub, articles: backlog }]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(0);
    expect(sub.firstPolledAt).not.toBeNull();
    const fresh = world.arrive(makeArticle(world.clock));
    await poster.round([{ subscription: sub, articles: [...backlog, ...fresh] }]);
    await poster.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([fresh[0].id]);
  });
});

describe('live posts when Discord pushes back', () => {
  it('waits as long as a 429 says, then sends once', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => ({ throw: discordError(429, { rawError: { retry_after: 3.2 } }) }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.clock.waits[0]).toBe(3_200);
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
  });

  it('gives up waiting on a channel that keeps answering 429 and leaves the post for the next round', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    for (let i = 0; i <= MAX_RATE_LIMIT_WAITS; i++) world.channels.faults.push(() => ({ throw: discordError(429, { retryAfter: 1000 }) }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(0);
    expect((await world.ledger.get(CHANNEL, articles[0].id))?.status).toBe('claimed');
    await poster.round([]);
    await poster.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
  });

  it('retries a 5xx with backoff', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(
      () => ({ throw: discordError(502) }),
      () => ({ throw: discordError(503) }),
    );
    const poster = world.poster({ backoffMs: [2_000, 10_000, 60_000] });
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.clock.waits.slice(0, 2)).toEqual([2_000, 10_000]);
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'posted', attempts: 2 });
  });

  it('a 5xx whose request in fact landed is not sent again', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => ({ throw: discordError(500), landed: true }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.sends).toBe(1);
    expect(world.channels.posted.map((p) => p.message.marker)).toEqual([liveMarker(CHANNEL, articles[0].id)]);
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'posted', messageId: 'm1' });
  });

  it('when 5xx outlasts the backoff, the channel rests and the next round posts it, once', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock), makeArticle(world.clock));
    for (let i = 0; i < 4; i++) world.channels.faults.push(() => ({ throw: discordError(503) }));
    const poster = world.poster({ backoffMs: [1_000, 1_000, 1_000] });
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(0);
    expect(world.channels.sends).toBe(4); // the second article was not tried against a failing channel
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual(articles.map((a) => a.id));
  });

  it.each([
    [403, 'permissions', /Forbidden \(403\)/],
    [404, 'gone', /Not found \(404\)/],
  ])('a %d stops the channel’s subscriptions with the reason, and posts nothing more there', async (status, _kind, reason) => {
    const { world, sub } = setup();
    const other = world.subscriptions.add(makeSubscription(world.clock, { id: 'sub-2', channelId: CHANNEL, sourceName: 'Other' }));
    const articles = world.arrive(makeArticle(world.clock), makeArticle(world.clock));
    world.channels.faults.push(() => ({ throw: discordError(status) }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.sends).toBe(1);
    expect(sub.stoppedReason).toMatch(reason);
    expect(other.stoppedReason).toMatch(reason);
    expect(await Promise.all(articles.map(async (a) => (await world.ledger.get(CHANNEL, a.id))?.status))).toEqual(['failed', 'failed']);
    await poster.round([{ subscription: sub, articles: world.arrive(makeArticle(world.clock)) }]);
    await poster.idle();
    expect(world.channels.sends).toBe(1);
  });

  it('Missing Permissions (50013) also stops the subscription with a reason an admin can act on', async () => {
    const { world, sub } = setup();
    world.channels.faults.push(() => ({ throw: Object.assign(discordError(403), { code: 50013 }) }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles: world.arrive(makeArticle(world.clock)) }]);
    await poster.idle();
    expect(sub.stoppedReason).toMatch(/Send Messages and Embed Links/);
  });
});

describe('other failures', () => {
  it('a post Discord refuses for its content (400) is recorded as failed with the reason, and the next one still goes', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock), makeArticle(world.clock));
    world.channels.faults.push(() => ({ throw: Object.assign(discordError(400), { code: 50035, message: 'Invalid Form Body' }) }));
    const poster = world.poster();
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'failed', reason: 'Invalid Form Body' });
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[1].id]);
    expect(sub.stoppedReason).toBeNull();
  });

  it('shutting down during a wait leaves the claim for the next start, which posts it once', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => ({ throw: discordError(429, { retryAfter: 5_000 }) }));
    const poster = world.poster({
      sleep: async (ms) => {
        await world.clock.sleep(ms);
        poster.shutdown();
      },
    });
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect((await world.ledger.get(CHANNEL, articles[0].id))?.status).toBe('claimed');
    const restarted = world.poster();
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.articleIdsIn(CHANNEL)).toEqual([articles[0].id]);
  });

  it('a claim whose article has left the library is given up with a reason', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'hang');
    await world.poster().round([{ subscription: sub, articles }]);
    world.library.clear();
    // A minute on: the restarted library had time to read any article the store holds (see the next test).
    world.clock.advance(LIBRARY_CATCH_UP_MS);
    const restarted = world.poster();
    await restarted.round([]);
    await restarted.idle();
    expect(await world.ledger.get(CHANNEL, articles[0].id)).toMatchObject({ status: 'failed', reason: 'article no longer in the library' });
  });
});

describe('bursts', () => {
  it('sends at most the cap at a steady rate, then one summary line per source for the rest', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(...Array.from({ length: 200 }, (_, i) => makeArticle(world.clock, { minutesAgo: 300 - i })));
    const poster = world.poster({ burstCap: 10, spacingMs: 1_500 });
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    const posted = world.channels.posted;
    expect(posted).toHaveLength(11);
    expect(posted.slice(0, 10).map((p) => (p.message.kind === 'article' ? p.message.article.id : null))).toEqual(
      articles.slice(0, 10).map((a) => a.id),
    );
    expect(posted[10].message).toMatchObject({ kind: 'summary', count: 190, sourceName: 'Example News' });
    const gaps = posted.slice(1).map((p, i) => p.at - posted[i].at);
    expect(new Set(gaps)).toEqual(new Set([1_500]));
    // The 190 are recorded: a later round does not post them.
    await poster.round([{ subscription: sub, articles }]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(11);
  });

  it('the summary line is sent exactly once across a crash too', async () => {
    const { world, sub } = setup();
    const articles = world.arrive(...Array.from({ length: 3 }, () => makeArticle(world.clock)));
    world.channels.faults.push(
      () => null,
      () => 'post-then-hang',
    );
    await world.poster({ burstCap: 1 }).round([{ subscription: sub, articles }]);
    await new Promise((r) => setImmediate(r));
    const restarted = world.poster({ burstCap: 1 });
    await restarted.round([{ subscription: sub, articles }]);
    await restarted.idle();
    expect(world.channels.posted.map((p) => p.message.kind)).toEqual(['article', 'summary']);
  });
});

describe('stories', () => {
  it('the same story from two feeds is posted once, with the other outlet as "also reported by"', async () => {
    const world = new World();
    const a = world.subscriptions.add(makeSubscription(world.clock, { id: 'a', channelId: CHANNEL, sourceName: 'A' }));
    const b = world.subscriptions.add(makeSubscription(world.clock, { id: 'b', channelId: CHANNEL, sourceName: 'B' }));
    const [fromA] = world.arrive(makeArticle(world.clock, { source: 'A', minutesAgo: 9 }));
    const [fromB] = world.arrive(makeArticle(world.clock, { source: 'B', minutesAgo: 3, url: 'https://b.example/1' }));
    world.stories.set(fromA.id, 'story-1').set(fromB.id, 'story-1');
    const poster = world.poster();
    await poster.round([
      { subscription: a, articles: [fromA] },
      { subscription: b, articles: [fromB] },
    ]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(1);
    expect(world.channels.posted[0].message).toMatchObject({ alsoReportedBy: [{ source: 'B', url: 'https://b.example/1' }] });
    // A third outlet an hour later: not repeated.
    world.clock.advance(3_600_000);
    const [late] = world.arrive(makeArticle(world.clock, { source: 'C' }));
    world.stories.set(late.id, 'story-1');
    await poster.round([{ subscription: a, articles: [late] }]);
    await poster.idle();
    expect(world.channels.posted).toHaveLength(1);
  });
});
