// A story already posted in a channel is not posted again when another version of it arrives, even though
// the story's key (its smallest member id) changed when that version joined it.
import { liveStoryPorts, planChannelRound, type PollBatch } from '../../../src/delivery/live';
import { FakeClock, makeArticle, makeSubscription, MemoryLedger } from './fakes';

/** Stories as the library would answer them; tests regroup by editing the lists. */
class Groups {
  private readonly groups: string[][] = [];
  join(...ids: string[]): void {
    const found = this.groups.find((g) => g.some((id) => ids.includes(id)));
    if (found) for (const id of ids) if (!found.includes(id)) found.push(id);
    if (!found) this.groups.push([...ids]);
  }
  storyMembers(id: string): string[] {
    return this.groups.find((g) => g.includes(id)) ?? [id];
  }
}

function planWith(ledger: MemoryLedger, groups: Groups, clock: FakeClock, batches: PollBatch[], withMembers = true) {
  const ports = liveStoryPorts(groups);
  return planChannelRound(batches[0].subscription.channelId, batches, {
    ledger,
    storyOf: ports.storyOf,
    ...(withMembers ? { storyMembers: ports.storyMembers } : {}),
    now: clock.now(),
    maxAgeMs: 24 * 3_600_000,
  });
}

async function post(ledger: MemoryLedger, channelId: string, key: string, storyId: string | null, clock: FakeClock): Promise<void> {
  const job = { kind: 'article' as const, articleId: key, alsoReportedBy: [] };
  await ledger.claim({ channelId, key, subscriptionId: 's', storyId, job, owner: 'p', now: clock.now() });
  await ledger.posted(channelId, key, 'p', 'm1', clock.now());
}

describe('live posts and changing story keys', () => {
  it('gives a story key only to articles that share a story, the smallest member id', () => {
    const groups = new Groups();
    groups.join('m-bbc', 'k-cnbc');
    const ports = liveStoryPorts(groups);
    expect(ports.storyOf('m-bbc')).toBe('k-cnbc');
    expect(ports.storyOf('alone')).toBeNull();
    expect(ports.storyMembers('m-bbc')).toEqual(['m-bbc', 'k-cnbc']);
  });

  it('does not repeat a story whose earlier version was posted alone, under no key: it plans an edit of that post', async () => {
    const clock = new FakeClock();
    const ledger = new MemoryLedger();
    const groups = new Groups();
    const sub = makeSubscription(clock);
    const first = makeArticle(clock, { id: 'z-first' });
    await post(ledger, sub.channelId, first.id, liveStoryPorts(groups).storyOf(first.id), clock);
    clock.advance(3_600_000);
    const second = makeArticle(clock, { id: 'a-second', source: 'Other News' });
    groups.join(first.id, second.id);
    const batches = [{ subscription: sub, articles: [second] }];
    // Comparing story keys alone posts it again: the first was recorded with none.
    expect((await planWith(ledger, groups, clock, batches, false)).posts.map((p) => p.article.id)).toEqual([second.id]);
    const plan = await planWith(ledger, groups, clock, batches);
    expect(plan.posts).toEqual([]);
    expect(plan.edits).toEqual([expect.objectContaining({ targetKey: first.id, reports: [{ source: 'Other News', url: second.url }] })]);
    expect(plan.edits[0].article.id).toBe(second.id);
    expect(plan.skips).toEqual([]);
  });

  it('does not repeat a story whose key changed when a version with a smaller id joined', async () => {
    const clock = new FakeClock();
    const ledger = new MemoryLedger();
    const groups = new Groups();
    groups.join('m-one', 'n-two');
    const sub = makeSubscription(clock);
    await post(ledger, sub.channelId, 'm-one', liveStoryPorts(groups).storyOf('m-one'), clock);
    const late = makeArticle(clock, { id: 'a-late' });
    groups.join('m-one', late.id);
    expect(liveStoryPorts(groups).storyOf(late.id)).toBe('a-late');
    expect((await planWith(ledger, groups, clock, [{ subscription: sub, articles: [late] }])).posts).toEqual([]);
  });

  it('posts the story again once its last post is older than LIVE_MAX_AGE, and ignores members never posted', async () => {
    const clock = new FakeClock();
    const ledger = new MemoryLedger();
    const groups = new Groups();
    const sub = makeSubscription(clock);
    await post(ledger, sub.channelId, 'old-post', null, clock);
    await ledger.skip({ channelId: sub.channelId, key: 'filtered', subscriptionId: sub.id, storyId: null, reason: 'filtered out', now: clock.now() });
    clock.advance(25 * 3_600_000);
    const next = makeArticle(clock, { id: 'b-next' });
    groups.join('old-post', 'filtered', next.id);
    expect((await planWith(ledger, groups, clock, [{ subscription: sub, articles: [next] }])).posts.map((p) => p.article.id)).toEqual([next.id]);
  });

  it('posts two versions arriving in one round once, the second as "also reported by"', async () => {
    const clock = new FakeClock();
    const groups = new Groups();
    const sub = makeSubscription(clock);
    const a = makeArticle(clock, { id: 'x-a', minutesAgo: 20 });
    const b = makeArticle(clock, { id: 'y-b', minutesAgo: 10, source: 'Other News', url: 'https://other.example/b' });
    groups.join(a.id, b.id);
    const plan = await planWith(new MemoryLedger(), groups, clock, [{ subscription: sub, articles: [a, b] }]);
    expect(plan.posts.map((p) => p.article.id)).toEqual([a.id]);
    expect(plan.posts[0].alsoReportedBy).toEqual([{ source: 'Other News', url: 'https://other.example/b' }]);
  });
});
