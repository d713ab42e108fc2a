import { planChannelRound, type PollBatch } from '../../../src/delivery/live';
import { FakeClock, makeArticle, makeSubscription, MemoryLedger } from './fakes';

const HOUR = 3_600_000;

function plan(batches: PollBatch[], opts: { ledger?: MemoryLedger; stories?: Record<string, string>; clock: FakeClock; burstCap?: number }) {
  const ledger = opts.ledger ?? new MemoryLedger();
  return planChannelRound(batches[0].subscription.channelId, batches, {
    ledger,
    storyOf: (id) => opts.stories?.[id] ?? null,
    now: opts.clock.now(),
    maxAgeMs: 24 * HOUR,
    burstCap: opts.burstCap,
  });
}

describe('planning a channel’s poll round', () => {
  it('posts new articles oldest first, across the channel’s subscriptions', async () => {
    const clock = new FakeClock();
    const a = makeSubscription(clock, { id: 'a', sourceName: 'A' });
    const b = makeSubscription(clock, { id: 'b', sourceName: 'B' });
    const a1 = makeArticle(clock, { minutesAgo: 10 });
    const b1 = makeArticle(clock, { minutesAgo: 30, source: 'B' });
    const a2 = makeArticle(clock, { minutesAgo: 2 });
    const p = await plan(
      [
        { subscription: a, articles: [a1, a2] },
        { subscription: b, articles: [b1] },
      ],
      { clock },
    );
    expect(p.posts.map((x) => x.article.id)).toEqual([b1.id, a1.id, a2.id]);
    expect(p.skips).toEqual([]);
  });

  it('posts nothing on a subscription’s first poll and records every article', async () => {
    const clock = new FakeClock();
    const sub = makeSubscription(clock, { firstPolledAt: null });
    const articles = [makeArticle(clock), makeArticle(clock)];
    const p = await plan([{ subscription: sub, articles }], { clock });
    expect(p.posts).toEqual([]);
    expect(p.firstPolls).toEqual([sub.id]);
    expect(p.skips.map((s) => s.articleId)).toEqual(articles.map((a) => a.id));
  });

  it('skips articles older than LIVE_MAX_AGE, undated ones aged from when they were first seen', async () => {
    const clock = new FakeClock();
    const sub = makeSubscription(clock);
    const old = makeArticle(clock, { minutesAgo: 25 * 60 });
    const fresh = makeArticle(clock, { minutesAgo: 23 * 60 });
    const undatedOld = makeArticle(clock, { publishedAt: null, seenAt: new Date(clock.now().getTime() - 30 * HOUR).toISOString() });
    const undatedNew = makeArticle(clock, { publishedAt: null });
    const p = await plan([{ subscription: sub, articles: [old, fresh, undatedOld, undatedNew] }], { clock });
    expect(p.posts.map((x) => x.article.id)).toEqual([fresh.id, undatedNew.id]);
    expect(p.skips.filter((s) => s.reason === 'older than LIVE_MAX_AGE').map((s) => s.articleId)).toEqual([undatedOld.id, old.id]);
  });

  it('applies the subscription’s filter and records why an article was left out', async () => {
    const clock = new FakeClock();
    const sub = makeSubscription(clock, { filter: { include: 'ukraine', exclude: 'football' } });
    const match = makeArticle(clock, { title: 'Ukraine talks resume' });
    const off = makeArticle(clock, { title: 'Budget passes' });
    const banned = makeArticle(clock, { title: 'Ukraine football team wins' });
    const p = await plan([{ subscription: sub, articles: [match, off, banned] }], { clock });
    expect(p.posts.map((x) => x.article.id)).toEqual([match.id]);
    expect(p.skips.map((s) => s.reason)).toEqual(['filtered out: none of the included words', 'filtered out: excluded word football']);
  });

  it('ignores articles the channel already has in its ledger', async () => {
    const clock = new FakeClock();
    const ledger = new MemoryLedger();
    const sub = makeSubscription(clock);
    const done = makeArticle(clock);
    await ledger.skip({ channelId: sub.channelId, key: done.id, subscriptionId: sub.id, storyId: null, reason: 'x', now: clock.now() });
    const p = await plan([{ subscription: sub, articles: [done, makeArticle(clock)] }], { clock, ledger });
    expect(p.posts.map((x) => x.article.id)).not.toContain(done.id);
    expect(p.posts).toHaveLength(1);
  });

  it('posts one article per story: the first, with the other outlets as "also reported by"', async () => {
    const clock = new FakeClock();
    const a = makeSubscription(clock, { id: 'a', sourceName: 'A' });
    const b = makeSubscription(clock, { id: 'b', sourceName: 'B' });
    const first = makeArticle(clock, { minutesAgo: 20, source: 'A' });
    const second = makeArticle(clock, { minutesAgo: 10, source: 'B', url: 'https://b.example/x' });
    const p = await plan(
      [
        { subscription: a, articles: [first] },
        { subscription: b, articles: [second] },
      ],
      {
        clock,
        stories: { [first.id]: 'story-1', [second.id]: 'story-1' },
      },
    );
    expect(p.posts.map((x) => x.article.id)).toEqual([first.id]);
    expect(p.posts[0].alsoReportedBy).toEqual([{ source: 'B', url: 'https://b.example/x' }]);
    expect(p.skips).toEqual([expect.objectContaining({ articleId: second.id, reason: 'same story as a post in this round' })]);
  });

  it('does not repeat a story posted in the channel within LIVE_MAX_AGE, but does after it', async () => {
    const clock = new FakeClock();
    const ledger = new MemoryLedger();
    const sub = makeSubscription(clock);
    const job = { kind: 'article' as const, articleId: 'earlier', alsoReportedBy: [] };
    await ledger.claim({ channelId: sub.channelId, key: 'earlier', subscriptionId: sub.id, storyId: 'story-1', job, owner: 'p', now: clock.now() });
    await ledger.posted(sub.channelId, 'earlier', 'p', 'm1', clock.now());
    clock.advance(23 * HOUR);
    const repeat = makeArticle(clock);
    expect((await plan([{ subscription: sub, articles: [repeat] }], { clock, ledger, stories: { [repeat.id]: 'story-1' } })).posts).toEqual([]);
    clock.advance(2 * HOUR);
    const later = makeArticle(clock);
    expect((await plan([{ subscription: sub, articles: [later] }], { clock, ledger, stories: { [later.id]: 'story-1' } })).posts).toHaveLength(1);
  });

  it('caps a burst per channel and counts the rest per source for one summary line each', async () => {
    const clock = new FakeClock();
    const a = makeSubscription(clock, { id: 'a', sourceName: 'A' });
    const b = makeSubscription(clock, { id: 'b', sourceName: 'B' });
    const fromA = Array.from({ length: 200 }, (_, i) => makeArticle(clock, { minutesAgo: 600 - i }));
    const fromB = Array.from({ length: 5 }, () => makeArticle(clock, { minutesAgo: 1 }));
    const p = await plan(
      [
        { subscription: a, articles: fromA },
        { subscription: b, articles: fromB },
      ],
      { clock, burstCap: 10 },
    );
    expect(p.posts.map((x) => x.article.id)).toEqual(fromA.slice(0, 10).map((x) => x.id));
    expect(p.summaries).toEqual([
      { subscriptionId: 'a', sourceName: 'A', count: 190, firstArticleId: fromA[10].id },
      { subscriptionId: 'b', sourceName: 'B', count: 5, firstArticleId: fromB[0].id },
    ]);
  });

  it('leaves out stopped subscriptions entirely', async () => {
    const clock = new FakeClock();
    const sub = makeSubscription(clock, { stoppedReason: 'Forbidden (403)' });
    const p = await plan([{ subscription: sub, articles: [makeArticle(clock)] }], { clock });
    expect(p.posts).toEqual([]);
    expect(p.skips).toEqual([]);
  });
});
