import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/store';

const NOW = new Date('2026-05-04T06:00:00Z');

describe('the deliveries ledger', () => {
  let dir: string;
  let store: Store;
  const base = { channelId: 'c1', guildId: 'g1', localDate: '2026-05-04', trigger: 'schedule' as const, late: false, now: NOW };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-ledger-'));
    store = openStore(path.join(dir, 'b.db'));
    await store.schedules.upsert(
      { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 5, announceEmpty: false },
      NOW,
    );
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives a (channel, date) slot to exactly one claimant', async () => {
    expect(await store.ledger.claim({ ...base, owner: 'a' })).not.toBeNull();
    expect(await store.ledger.claim({ ...base, owner: 'b' })).toBeNull();
    expect(await store.ledger.claim({ ...base, owner: 'a' })).toBeNull();
    expect(await store.ledger.claim({ ...base, owner: 'b', localDate: '2026-05-05' })).not.toBeNull();
    expect(await store.ledger.claim({ ...base, owner: 'b', channelId: 'c2' })).not.toBeNull();
  });

  it('is the arbiter between two processes on the same file', async () => {
    const other = openStore(path.join(dir, 'b.db'));
    try {
      const results = await Promise.all([store.ledger.claim({ ...base, owner: 'a' }), other.ledger.claim({ ...base, owner: 'b' })]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await other.ledger.get('c1', '2026-05-04'))?.claimedBy).toBe('a');
    } finally {
      await other.close();
    }
  });

  it('records a post and the articles it briefed, and only the holder can finish it', async () => {
    await store.ledger.claim({ ...base, owner: 'a' });
    expect(await store.ledger.finish('c1', '2026-05-04', 'b', { status: 'posted', messageIds: ['m'], articleIds: ['x'], now: NOW })).toBe(false);
    expect(await store.ledger.finish('c1', '2026-05-04', 'a', { status: 'posted', messageIds: ['m1', 'm2'], articleIds: ['x', 'y'], now: NOW })).toBe(
      true,
    );
    const row = (await store.ledger.get('c1', '2026-05-04'))!;
    expect(row).toMatchObject({ status: 'posted', messageIds: ['m1', 'm2'], articleIds: ['x', 'y'], postedAt: NOW.toISOString() });
    expect([...(await store.ledger.briefedIn('c1'))].sort()).toEqual(['x', 'y']);
    expect((await store.ledger.briefedIn('c2')).size).toBe(0);
  });

  it('lets one of two racing processes take over a stale claim, never both', async () => {
    await store.ledger.claim({ ...base, owner: 'dead' });
    const seen = (await store.ledger.unfinished())[0];
    const later = new Date(NOW.getTime() + 60_000);
    const first = await store.ledger.takeOver(seen, { owner: 'p1', now: later, trigger: 'recovery' });
    const second = await store.ledger.takeOver(seen, { owner: 'p2', now: later, trigger: 'recovery' });
    expect(first?.claimedBy).toBe('p1');
    expect(first?.attempts).toBe(2);
    expect(second).toBeNull();
  });

  it('counts a failed day once, however often the day is retried', async () => {
    await store.ledger.claim({ ...base, owner: 'a' });
    expect(await store.ledger.fail('c1', '2026-05-04', 'a', 'permissions', 'Missing Access')).toEqual({ newFailedDay: true });
    const failed = (await store.ledger.get('c1', '2026-05-04'))!;
    expect(failed).toMatchObject({ status: 'failed', errorKind: 'permissions', error: 'Missing Access' });
    const retry = (await store.ledger.takeOver(failed, { owner: 'a', now: NOW, trigger: 'now' }))!;
    expect(retry.status).toBe('claimed');
    expect(await store.ledger.fail('c1', '2026-05-04', 'a', 'permissions', 'Missing Access')).toEqual({ newFailedDay: false });
  });
});

describe('schedules', () => {
  let dir: string;
  let store: Store;
  const input = { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 5, announceEmpty: false };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-schedules-'));
    store = openStore(path.join(dir, 'b.db'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one schedule per channel, several per server', async () => {
    await store.schedules.upsert(input, NOW);
    await store.schedules.upsert({ ...input, channelId: 'c2', time: '18:00' }, NOW);
    await store.schedules.upsert({ ...input, articles: 3 }, NOW);
    expect((await store.schedules.listForGuild('g1')).map((s) => [s.channelId, s.time, s.articles])).toEqual([
      ['c1', '08:00', 3],
      ['c2', '18:00', 5],
    ]);
  });

  it('moves the effective start only when the time or zone changes', async () => {
    await store.schedules.upsert(input, NOW);
    const later = new Date(NOW.getTime() + 3_600_000);
    expect((await store.schedules.upsert({ ...input, topic: 'energy' }, later)).effectiveFrom).toBe(NOW.toISOString());
    expect((await store.schedules.upsert({ ...input, time: '09:00' }, later)).effectiveFrom).toBe(later.toISOString());
  });

  it('pauses after three failed days and resumes when set again', async () => {
    await store.schedules.upsert(input, NOW);
    expect((await store.schedules.recordFailedDay('c1', 'Missing Access', NOW))?.paused).toBe(false);
    expect((await store.schedules.recordFailedDay('c1', 'Missing Access', NOW))?.paused).toBe(false);
    const third = (await store.schedules.recordFailedDay('c1', 'Missing Access', NOW))!;
    expect(third.paused).toBe(true);
    expect(third.pauseReason).toBe('paused after 3 failed days: Missing Access');
    const resumed = await store.schedules.upsert(input, NOW);
    expect(resumed).toMatchObject({ paused: false, failureDays: 0, pauseReason: null });
  });

  it('forgets a run of failures after a successful day', async () => {
    await store.schedules.upsert(input, NOW);
    await store.schedules.recordFailedDay('c1', 'x', NOW);
    await store.schedules.recordFailedDay('c1', 'x', NOW);
    await store.ledger.claim({ channelId: 'c1', guildId: 'g1', localDate: '2026-05-04', trigger: 'schedule', late: false, owner: 'a', now: NOW });
    await store.ledger.finish('c1', '2026-05-04', 'a', { status: 'posted', messageIds: [], articleIds: [], now: NOW });
    expect((await store.schedules.get('c1'))?.failureDays).toBe(0);
  });
});
