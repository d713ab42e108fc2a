// A later version of a story already posted in a channel edits that post to add its outlet to "also reported
// by": once per (channel, article), through restarts, a deleted message and Discord's rate limits.
import type { ArticleJob, LiveArticle, LiveMessage } from '../../../src/delivery/live';
import { discordError, makeArticle, makeSubscription } from './fakes';
import { World } from './world';

const CHANNEL = '100000000000000001';

function setup() {
  const world = new World();
  const first = world.subscriptions.add(makeSubscription(world.clock, { id: 'sub-a', channelId: CHANNEL, sourceName: 'Alpha News' }));
  const second = world.subscriptions.add(
    makeSubscription(world.clock, { id: 'sub-b', channelId: CHANNEL, sourceId: 'src-2', sourceName: 'Beta Wire' }),
  );
  return { world, first, second };
}

/** One story's versions: the same story id for each, from the outlet given. */
function version(world: World, source: string, url: string): LiveArticle {
  const [a] = world.arrive(makeArticle(world.clock, { source, url }));
  world.stories.set(a.id, 'story-1');
  return a;
}

const alsoIn = (m: LiveMessage) => (m.kind === 'article' ? m.alsoReportedBy : []);

describe('live posts: a later version of a posted story edits the post', () => {
  it('adds the new outlet (with its link) to the post once; no second post', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    const a = version(world, 'Alpha News', 'https://alpha.example/1');
    await poster.round([{ subscription: first, articles: [a] }]);
    await poster.idle();
    world.clock.advance(3_600_000);
    const b = version(world, 'Beta Wire', 'https://beta.example/1');
    await poster.round([{ subscription: second, articles: [b] }]);
    await poster.idle();

    expect(world.channels.posted).toHaveLength(1);
    expect(world.channels.edits).toHaveLength(1);
    const [edit] = world.channels.edits;
    expect(edit.messageId).toBe('m1');
    expect(edit.message).toMatchObject({ kind: 'article', article: { id: a.id, source: 'Alpha News' } });
    expect(alsoIn(edit.message)).toEqual([{ source: 'Beta Wire', url: 'https://beta.example/1' }]);
    expect(await world.ledger.get(CHANNEL, b.id)).toMatchObject({ status: 'posted', messageId: 'm1', job: { kind: 'edit', targetKey: a.id } });
    expect((await world.ledger.get(CHANNEL, a.id))?.job).toMatchObject({ alsoReportedBy: [{ source: 'Beta Wire' }] });

    // The same article again, in this process or after a restart: nothing more.
    await poster.round([{ subscription: second, articles: [b] }]);
    await poster.idle();
    const restarted = world.poster();
    await restarted.round([{ subscription: second, articles: [b] }]);
    await restarted.idle();
    expect(world.channels.edits).toHaveLength(1);
    expect(world.channels.posted).toHaveLength(1);
  });

  it('keeps every outlet as more versions come: each edit lists the ones before it', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    await poster.round([{ subscription: first, articles: [version(world, 'Alpha News', 'https://alpha.example/1')] }]);
    await poster.idle();
    await poster.round([{ subscription: second, articles: [version(world, 'Beta Wire', 'https://beta.example/1')] }]);
    await poster.idle();
    const third = makeSubscription(world.clock, { id: 'sub-c', channelId: CHANNEL, sourceName: 'Gamma Post' });
    await poster.round([{ subscription: third, articles: [version(world, 'Gamma Post', 'https://gamma.example/1')] }]);
    await poster.idle();
    expect(world.channels.edits.map((e) => alsoIn(e.message).map((r) => r.source))).toEqual([['Beta Wire'], ['Beta Wire', 'Gamma Post']]);
  });

  it('makes one edit for several versions arriving in one round, and none for an outlet the post already names', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    await poster.round([{ subscription: first, articles: [version(world, 'Alpha News', 'https://alpha.example/1')] }]);
    await poster.idle();
    const third = makeSubscription(world.clock, { id: 'sub-c', channelId: CHANNEL, sourceName: 'Gamma Post' });
    const b = version(world, 'Beta Wire', 'https://beta.example/1');
    const c = version(world, 'Gamma Post', 'https://gamma.example/1');
    const update = version(world, 'Alpha News', 'https://alpha.example/1-updated');
    const [plan] = await poster.round([
      { subscription: second, articles: [b] },
      { subscription: third, articles: [c] },
      { subscription: first, articles: [update] },
    ]);
    await poster.idle();
    expect(world.channels.edits).toHaveLength(1);
    expect(alsoIn(world.channels.edits[0].message).map((r) => r.source)).toEqual(['Beta Wire', 'Gamma Post']);
    expect(plan.skips.map((s) => [s.articleId, s.reason])).toEqual([
      [c.id, 'story already posted in this channel: added to the edit of its post'],
      [update.id, 'story already posted in this channel (its post names this outlet)'],
    ]);
  });

  it('a crash during the edit: the next start edits once more with the same content, and records it', async () => {
    const { world, first, second } = setup();
    const a = version(world, 'Alpha News', 'https://alpha.example/1');
    const before = world.poster();
    await before.round([{ subscription: first, articles: [a] }]);
    await before.idle();
    world.channels.editFaults.push('edit-then-hang');
    const b = version(world, 'Beta Wire', 'https://beta.example/1');
    await before.round([{ subscription: second, articles: [b] }]); // this process dies mid-edit
    expect((await world.ledger.get(CHANNEL, b.id))?.status).toBe('claimed');

    world.clock.advance(60_000);
    const restarted = world.poster();
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.edits.map((e) => alsoIn(e.message))).toEqual([
      [{ source: 'Beta Wire', url: 'https://beta.example/1' }],
      [{ source: 'Beta Wire', url: 'https://beta.example/1' }],
    ]);
    expect(await world.ledger.get(CHANNEL, b.id)).toMatchObject({ status: 'posted', messageId: 'm1' });
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.edits).toHaveLength(2);
  });

  it('a deleted post (404): the edit is recorded as failed, the post marked gone, and later versions do not try again', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    const a = version(world, 'Alpha News', 'https://alpha.example/1');
    await poster.round([{ subscription: first, articles: [a] }]);
    await poster.idle();
    world.channels.deleteMessage('m1');
    const b = version(world, 'Beta Wire', 'https://beta.example/1');
    await poster.round([{ subscription: second, articles: [b] }]);
    await poster.idle();
    expect(await world.ledger.get(CHANNEL, b.id)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/Unknown Message|404/) });
    expect(((await world.ledger.get(CHANNEL, a.id))?.job as ArticleJob).messageGone).toBe(true);
    expect(world.subscriptions.subs.get('sub-a')?.stoppedReason).toBeNull();

    const third = makeSubscription(world.clock, { id: 'sub-c', channelId: CHANNEL, sourceName: 'Gamma Post' });
    const c = version(world, 'Gamma Post', 'https://gamma.example/1');
    const [plan] = await poster.round([{ subscription: third, articles: [c] }]);
    await poster.idle();
    expect(plan.edits).toEqual([]);
    expect(plan.posts).toEqual([]);
    expect(await world.ledger.get(CHANNEL, c.id)).toMatchObject({
      status: 'skipped',
      reason: 'story already posted in this channel (its post cannot be edited)',
    });
    expect(world.channels.edits).toEqual([]);
  });

  it('Discord failing (5xx): tries again with backoff, then leaves the edit claimed for the next round, which makes it', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    await poster.round([{ subscription: first, articles: [version(world, 'Alpha News', 'https://alpha.example/1')] }]);
    await poster.idle();
    world.clock.waits.length = 0;
    for (let i = 0; i < 4; i++) world.channels.editFaults.push(discordError(503));
    const b = version(world, 'Beta Wire', 'https://beta.example/1');
    await poster.round([{ subscription: second, articles: [b] }]);
    await poster.idle();
    expect(world.clock.waits).toEqual([2_000, 10_000, 60_000]);
    expect(await world.ledger.get(CHANNEL, b.id)).toMatchObject({ status: 'claimed' });
    expect(world.channels.edits).toEqual([]);
    await poster.round([]);
    await poster.idle();
    expect(world.channels.edits).toHaveLength(1);
    expect(await world.ledger.get(CHANNEL, b.id)).toMatchObject({ status: 'posted', messageId: 'm1' });
  });

  it('posts the story anew once its post is older than LIVE_MAX_AGE, however lately it was edited', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    await poster.round([{ subscription: first, articles: [version(world, 'Alpha News', 'https://alpha.example/1')] }]);
    await poster.idle();
    world.clock.advance(23 * 3_600_000);
    await poster.round([{ subscription: second, articles: [version(world, 'Beta Wire', 'https://beta.example/1')] }]);
    await poster.idle();
    world.clock.advance(2 * 3_600_000);
    const third = makeSubscription(world.clock, { id: 'sub-c', channelId: CHANNEL, sourceName: 'Gamma Post' });
    const c = version(world, 'Gamma Post', 'https://gamma.example/1');
    await poster.round([{ subscription: third, articles: [c] }]);
    await poster.idle();
    expect(world.channels.edits).toHaveLength(1);
    expect(world.channels.articleIdsIn(CHANNEL)).toHaveLength(2);
    expect(world.channels.articleIdsIn(CHANNEL)[1]).toBe(c.id);
  });

  it('waits as long as a 429 says, then edits once', async () => {
    const { world, first, second } = setup();
    const poster = world.poster();
    await poster.round([{ subscription: first, articles: [version(world, 'Alpha News', 'https://alpha.example/1')] }]);
    await poster.idle();
    world.clock.waits.length = 0;
    world.channels.editFaults.push(discordError(429, { rawError: { retry_after: 3.2 } }));
    await poster.round([{ subscription: second, articles: [version(world, 'Beta Wire', 'https://beta.example/1')] }]);
    await poster.idle();
    expect(world.clock.waits[0]).toBe(3_200);
    expect(world.channels.edits).toHaveLength(1);
  });
});
