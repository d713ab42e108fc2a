// The SQL live ledger: the same rules as the in-memory reference (tests/delivery/live/fakes.ts MemoryLedger),
// with the claim enforced by the database across connections, and a crash after the claim resumed without a
// duplicate by a new process over the same file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClaimRequest, LiveLedgerPort } from '../../src/delivery/live';
import { openStore, type Store } from '../../src/store/store';
import { makeArticle, makeSubscription, MemoryLedger } from '../delivery/live/fakes';
import { World } from '../delivery/live/world';

const NOW = new Date('2026-11-29T12:00:00Z');
const job = { kind: 'article' as const, articleId: 'a1', alsoReportedBy: [] };
const claim = (over: Partial<ClaimRequest> = {}): ClaimRequest => ({
  channelId: 'c1',
  key: 'a1',
  subscriptionId: 's1',
  storyId: 'story-1',
  job,
  owner: 'p1',
  now: NOW,
  ...over,
});

let dir: string;
const stores: Store[] = [];
function open(): Store {
  const store = openStore(path.join(dir, 'b.db'));
  stores.push(store);
  return store;
}
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-live-'));
});
afterEach(async () => {
  while (stores.length) await stores.pop()?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One script of ledger calls; both ledgers must answer it the same. */
async function script(ledger: LiveLedgerPort): Promise<unknown[]> {
  const out: unknown[] = [];
  out.push(await ledger.claim(claim()), await ledger.claim(claim({ owner: 'p2' })));
  await ledger.skip({ channelId: 'c1', key: 'a1', subscriptionId: 's1', storyId: null, reason: 'late skip', now: NOW });
  out.push((await ledger.get('c1', 'a1'))?.status);
  await ledger.skip({ channelId: 'c1', key: 'a2', subscriptionId: 's1', storyId: null, reason: 'first poll', now: NOW });
  out.push(await ledger.claim(claim({ key: 'a2' })), (await ledger.get('c1', 'a2'))?.reason);
  out.push(await ledger.posted('c1', 'a1', 'p2', 'm9', NOW), await ledger.failed('c1', 'a1', 'p2', 'not mine'));
  await ledger.noteAttempt('c1', 'a1', 'p1', '503');
  out.push(
    (await ledger.get('c1', 'a1'))?.attempts,
    (await ledger.unfinished()).map((r) => r.key),
  );
  const seen = await ledger.get('c1', 'a1');
  if (!seen) throw new Error('claimed row missing');
  out.push(await ledger.takeOver(seen, 'p2', new Date(NOW.getTime() + 1000)), await ledger.takeOver(seen, 'p3', NOW));
  out.push((await ledger.storyPostedSince('c1', 'story-1', new Date(NOW.getTime() - 1000)))?.key);
  out.push(await ledger.storyPostedSince('c1', 'story-1', new Date(NOW.getTime() + 5000)));
  out.push(await ledger.posted('c1', 'a1', 'p2', 'm1', NOW), await ledger.get('c1', 'a1'));
  out.push(await ledger.unfinished());
  return out;
}

/** Edits: a held edit claim finishes together with the post's grown job; one not held changes nothing. */
async function editScript(ledger: LiveLedgerPort): Promise<unknown[]> {
  await ledger.claim(claim());
  await ledger.posted('c1', 'a1', 'p1', 'm1', NOW);
  const edit = { kind: 'edit' as const, articleId: 'b1', targetKey: 'a1', reports: [{ source: 'Beta', url: 'https://beta.example/1' }] };
  await ledger.claim(claim({ key: 'b1', job: edit }));
  const grown = { ...job, alsoReportedBy: [{ source: 'Beta', url: 'https://beta.example/1' }] };
  const out: unknown[] = [];
  out.push(await ledger.edited('c1', 'b1', 'p2', 'm1', { key: 'a1', job: grown }, NOW), (await ledger.get('c1', 'a1'))?.job);
  out.push(
    await ledger.edited('c1', 'b1', 'p1', 'm1', { key: 'a1', job: grown }, NOW),
    await ledger.get('c1', 'b1'),
    (await ledger.get('c1', 'a1'))?.job,
  );
  out.push(await ledger.edited('c1', 'b1', 'p1', 'm1', { key: 'a1', job }, NOW), (await ledger.get('c1', 'a1'))?.job);
  await ledger.setJob('c1', 'a1', { ...grown, messageGone: true });
  out.push((await ledger.get('c1', 'a1'))?.job);
  return out;
}

describe('the SQL live ledger', () => {
  it('records an edit and the post’s grown job together, only for the edit’s holder, as the in-memory reference does', async () => {
    const sql = await editScript(open().live.ledger);
    expect(sql).toEqual(await editScript(new MemoryLedger()));
    expect(sql[0]).toBe(false); // not the holder: the post's job is untouched
    expect(sql[1]).toEqual(job);
    expect(sql[2]).toBe(true);
    expect(sql[3]).toMatchObject({ status: 'posted', messageId: 'm1', job: { kind: 'edit', targetKey: 'a1' } });
    expect(sql[4]).toMatchObject({ alsoReportedBy: [{ source: 'Beta' }] });
    expect(sql[5]).toBe(false); // already done: a second edit of the same article records nothing
    expect(sql[7]).toMatchObject({ messageGone: true });
  });

  it('answers a script of claims, skips, takeovers and finishes exactly as the in-memory reference does', async () => {
    const sql = await script(open().live.ledger);
    expect(sql).toEqual(await script(new MemoryLedger()));
    expect(sql[0]).toBe(true);
    expect(sql[1]).toBe(false);
    expect(sql[2]).toBe('claimed');
  });

  it('gives a (channel, article) to one claimant across two connections to the same file', async () => {
    const a = open().live.ledger;
    const b = open().live.ledger;
    expect(await a.claim(claim({ owner: 'process-a' }))).toBe(true);
    expect(await b.claim(claim({ owner: 'process-b' }))).toBe(false);
    expect(await b.claim(claim({ owner: 'process-b', channelId: 'c2' }))).toBe(true);
    expect((await b.get('c1', 'a1'))?.owner).toBe('process-a');
  });

  it('keeps a job through JSON so a restart can rebuild the message', async () => {
    const ledger = open().live.ledger;
    const summary = { kind: 'summary' as const, sourceName: 'Example News', count: 180 };
    await ledger.claim(claim({ key: 'summary:s1:a9', job: summary, storyId: null }));
    expect((await open().live.ledger.get('c1', 'summary:s1:a9'))?.job).toEqual(summary);
  });

  it('a crash after the claim: a new process over the same database posts the article once', async () => {
    const world = new World();
    const sub = world.subscriptions.add(makeSubscription(world.clock, { channelId: 'c1' }));
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'hang');
    await world.poster({ ledger: open().live.ledger }).round([{ subscription: sub, articles }]); // dies mid-send
    expect((await open().live.ledger.get('c1', articles[0].id))?.status).toBe('claimed');

    world.clock.advance(60_000);
    const restarted = world.poster({ ledger: open().live.ledger });
    await restarted.round([{ subscription: sub, articles }]);
    await restarted.idle();
    expect(world.channels.articleIdsIn('c1')).toEqual([articles[0].id]);
    expect(await open().live.ledger.get('c1', articles[0].id)).toMatchObject({ status: 'posted', owner: 'testhost/4242/start-2' });
  });

  it('a crash after the post but before recording it: the restart finds the marker and posts nothing more', async () => {
    const world = new World();
    const sub = world.subscriptions.add(makeSubscription(world.clock, { channelId: 'c1' }));
    const articles = world.arrive(makeArticle(world.clock));
    world.channels.faults.push(() => 'post-then-hang');
    await world.poster({ ledger: open().live.ledger }).round([{ subscription: sub, articles }]);
    world.clock.advance(60_000);
    const restarted = world.poster({ ledger: open().live.ledger });
    await restarted.round([]);
    await restarted.idle();
    expect(world.channels.posted).toHaveLength(1);
    expect((await open().live.ledger.get('c1', articles[0].id))?.status).toBe('posted');
  });
});
