// The clock rules end to end in one process, on fake timers: node-cron really fires, the ledger decides.
import os from 'node:os';
import type { Store } from '../../src/store/store';
import { partMarker } from '../../src/schedule/marker';
import { FakeApiError, FakePort } from './helpers/fake-port';
import { tempStore } from './helpers/fakes';
import { startProcess, startUp, type BotProcess } from './helpers/harness';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the daily clock', () => {
  let env: ReturnType<typeof tempStore>;
  let store: Store;
  let port: FakePort;
  const running: BotProcess[] = [];

  const boot = (opts: Parameters<typeof startProcess>[2] = {}) => {
    const p = startProcess(store, port, opts);
    running.push(p);
    return p;
  };
  const crash = async (p: BotProcess) => {
    await p.stop();
    running.splice(running.indexOf(p), 1);
  };
  const schedule = (time: string, timezone: string, channelId = 'c1', guildId = 'g1', effectiveFrom = new Date()) =>
    store.schedules.upsert({ guildId, channelId, time, timezone, topic: null, articles: 2, announceEmpty: false }, effectiveFrom);
  const posts = (channelId = 'c1') => port.in(channelId);
  const postTimes = (channelId = 'c1') => posts(channelId).map((m) => m.at.toISOString());

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    env = tempStore();
    store = env.store;
    port = new FakePort(() => new Date());
  });
  afterEach(async () => {
    for (const p of running.splice(0)) await p.stop();
    jest.useRealTimers();
    env.cleanup();
  });

  it("posts at the set time in the schedule's own zone, once", async () => {
    jest.setSystemTime(new Date('2026-05-04T05:00:00Z'));
    await schedule('08:00', 'Europe/Berlin', 'berlin');
    await schedule('08:00', 'America/New_York', 'newyork');
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(59 * MIN);
    expect(posts('berlin')).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(2 * MIN);
    expect(postTimes('berlin')).toEqual(['2026-05-04T06:00:00.000Z']);
    expect(posts('newyork')).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(6 * HOUR);
    expect(postTimes('newyork')).toEqual(['2026-05-04T12:00:00.000Z']);
    expect(posts('berlin')).toHaveLength(1);
    expect(await store.ledger.get('berlin', '2026-05-04')).toMatchObject({ status: 'posted', late: false, trigger: 'schedule' });
  });

  it('posts a time inside the spring-forward gap once that day, at the shifted time (Berlin 2026-03-29 02:30)', async () => {
    jest.setSystemTime(new Date('2026-03-28T12:00:00Z'));
    await schedule('02:30', 'Europe/Berlin');
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(36 * HOUR); // to 2026-03-30T00:00Z
    const times = postTimes();
    expect(times).toHaveLength(1);
    // 02:30 does not exist; 03:30 CEST = 01:30Z. node-cron skips the day, the guard posts on the minute.
    expect(times[0]).toBe('2026-03-29T01:30:00.000Z');
    expect(await store.ledger.get('c1', '2026-03-29')).toMatchObject({ status: 'posted', late: false });
    await jest.advanceTimersByTimeAsync(HOUR);
    expect(postTimes()).toEqual([times[0], '2026-03-30T00:30:00.000Z']);
  });

  it('posts a time inside the fall-back hour once, at its first occurrence (Berlin 2026-10-25 02:30)', async () => {
    jest.setSystemTime(new Date('2026-10-24T12:00:00Z'));
    await schedule('02:30', 'Europe/Berlin');
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(24 * HOUR); // past both 02:30s (00:30Z and 01:30Z)
    expect(postTimes()).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('catches up on start when the bot was down at the time, marked late', async () => {
    jest.setSystemTime(new Date('2026-05-04T08:17:00Z')); // 10:17 in Berlin; the 08:00 post was missed
    await schedule('08:00', 'Europe/Berlin', 'c1', 'g1', new Date('2026-05-01T00:00:00Z'));
    const p = boot();
    await startUp(p);
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0].body)).toContain('(late)');
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ late: true, trigger: 'catch-up' });
    await jest.advanceTimersByTimeAsync(12 * HOUR);
    expect(posts()).toHaveLength(1);
  });

  it("does not post a schedule set after today's time until tomorrow", async () => {
    jest.setSystemTime(new Date('2026-05-04T08:00:00Z')); // 10:00 in Berlin
    await schedule('08:00', 'Europe/Berlin');
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(HOUR);
    expect(posts()).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(21 * HOUR);
    expect(postTimes()).toEqual(['2026-05-05T06:00:00.000Z']);
  });

  it("never posts yesterday's briefing after midnight (23:59 schedule, restart at 00:01)", async () => {
    jest.setSystemTime(new Date('2026-05-04T21:50:00Z')); // 23:50 in Berlin
    await schedule('23:59', 'Europe/Berlin');
    const first = boot();
    await startUp(first);
    await jest.advanceTimersByTimeAsync(8 * MIN); // 23:58: still nothing due
    await crash(first);
    jest.setSystemTime(new Date('2026-05-04T22:01:00Z')); // down over 23:59; back at 00:01 on the 5th
    const second = boot();
    await startUp(second);
    await jest.advanceTimersByTimeAsync(10 * MIN);
    expect(posts()).toHaveLength(0);
    expect(await store.ledger.get('c1', '2026-05-04')).toBeNull();
    await jest.advanceTimersByTimeAsync(24 * HOUR);
    expect(postTimes()).toEqual(['2026-05-05T21:59:00.000Z']);
  });

  it('does not repeat a briefing after a restart right after posting', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:59:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    const first = boot();
    await startUp(first);
    await jest.advanceTimersByTimeAsync(2 * MIN);
    expect(posts()).toHaveLength(1);
    await crash(first);
    const second = boot();
    await startUp(second);
    await jest.advanceTimersByTimeAsync(HOUR);
    expect(posts()).toHaveLength(1);
  });

  it('settles a claim left by a crashed process from the channel instead of posting again', async () => {
    jest.setSystemTime(new Date('2026-05-04T06:05:00Z'));
    await schedule('08:00', 'Europe/Berlin', 'c1', 'g1', new Date('2026-05-01T00:00:00Z'));
    const dead = `${os.hostname()}/999999/gone`;
    await store.ledger.claim({
      channelId: 'c1',
      guildId: 'g1',
      localDate: '2026-05-04',
      trigger: 'schedule',
      late: false,
      owner: dead,
      now: new Date('2026-05-04T06:00:00Z'),
    });
    port.plant('c1', `the post\n-# ${partMarker('c1', '2026-05-04', 1, 1)}`);
    const p = boot();
    await startUp(p);
    expect(port.sendCalls).toBe(0);
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ status: 'posted', trigger: 'recovery' });
  });

  it('posts once a crashed claim whose post never reached the channel', async () => {
    jest.setSystemTime(new Date('2026-05-04T06:05:00Z'));
    await schedule('08:00', 'Europe/Berlin', 'c1', 'g1', new Date('2026-05-01T00:00:00Z'));
    await store.ledger.claim({
      channelId: 'c1',
      guildId: 'g1',
      localDate: '2026-05-04',
      trigger: 'schedule',
      late: false,
      owner: `${os.hostname()}/999999/gone`,
      now: new Date('2026-05-04T06:00:00Z'),
    });
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(5 * MIN);
    expect(posts()).toHaveLength(1);
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ status: 'posted', attempts: 2 });
  });

  it('leaves a fresh claim of another live host alone until its lease runs out', async () => {
    jest.setSystemTime(new Date('2026-05-04T06:00:00Z'));
    await schedule('08:00', 'Europe/Berlin', 'c1', 'g1', new Date('2026-05-01T00:00:00Z'));
    await store.ledger.claim({
      channelId: 'c1',
      guildId: 'g1',
      localDate: '2026-05-04',
      trigger: 'schedule',
      late: false,
      owner: 'other-host/42/x',
      now: new Date(),
    });
    const p = boot({ leaseMs: 10 * MIN });
    await startUp(p);
    await jest.advanceTimersByTimeAsync(9 * MIN);
    expect((await store.ledger.get('c1', '2026-05-04'))?.claimedBy).toBe('other-host/42/x');
    await jest.advanceTimersByTimeAsync(2 * MIN);
    expect(posts()).toHaveLength(1);
  });

  it('posts once even when two instances run by mistake', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:59:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    const a = boot();
    const b = boot();
    await Promise.all([startUp(a), startUp(b)]);
    await jest.advanceTimersByTimeAsync(3 * MIN);
    expect(posts()).toHaveLength(1);
  });

  it('lets each shard post only for the servers it holds', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:59:00Z'));
    await schedule('08:00', 'Europe/Berlin', 'c-a', 'guild-a');
    await schedule('08:00', 'Europe/Berlin', 'c-b', 'guild-b');
    const shard0 = boot({ owner: 'h/1/s0', ownsGuild: (g) => g === 'guild-a' });
    const shard1 = boot({ owner: 'h/2/s1', ownsGuild: (g) => g === 'guild-b' });
    await Promise.all([shard0.scheduler.refresh(), shard1.scheduler.refresh()]);
    expect(shard0.scheduler.scheduledChannels()).toEqual(['c-a']);
    expect(shard1.scheduler.scheduledChannels()).toEqual(['c-b']);
    await jest.advanceTimersByTimeAsync(3 * MIN);
    expect((await store.ledger.get('c-a', '2026-05-04'))?.claimedBy).toBe('h/1/s0');
    expect((await store.ledger.get('c-b', '2026-05-04'))?.claimedBy).toBe('h/2/s1');
    expect(posts('c-a')).toHaveLength(1);
    expect(posts('c-b')).toHaveLength(1);
  });

  it('retries a 500 with backoff and still posts once', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:59:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    port.failNext('c1', new FakeApiError(500));
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(3 * MIN);
    expect(posts()).toHaveLength(1);
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ status: 'posted', attempts: 2 });
  });

  it("counts /briefing now as today's post: the scheduled time then posts nothing more", async () => {
    jest.setSystemTime(new Date('2026-05-04T04:00:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    const p = boot();
    await startUp(p);
    expect(await p.service.postNow('g1', 'c1')).toEqual({ status: 'posted' });
    await jest.advanceTimersByTimeAsync(4 * HOUR);
    expect(posts()).toHaveLength(1);
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ trigger: 'now', status: 'posted' });
    const [status] = await p.service.show('g1');
    expect(status.nextPostAt).toBe('2026-05-05T06:00:00.000Z');
  });

  it('leaves a post interrupted by shutdown for the next start, which finishes it once', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:59:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    port.failNext('c1', new FakeApiError(502));
    const first = boot();
    await startUp(first);
    await jest.advanceTimersByTimeAsync(MIN + 100); // 08:00: first send fails, a retry is waiting
    expect((await store.ledger.get('c1', '2026-05-04'))?.status).toBe('claimed');
    await crash(first); // SIGTERM: stop() ends the wait; the claim stays
    expect((await store.ledger.get('c1', '2026-05-04'))?.status).toBe('claimed');
    const second = boot();
    await startUp(second);
    await jest.advanceTimersByTimeAsync(MIN);
    expect(posts()).toHaveLength(1);
    expect(await store.ledger.get('c1', '2026-05-04')).toMatchObject({ status: 'posted', trigger: 'recovery' });
  });

  it('pauses after three days of 403s and stops trying', async () => {
    jest.setSystemTime(new Date('2026-05-04T05:00:00Z'));
    await schedule('08:00', 'Europe/Berlin');
    port.failNext('c1', new FakeApiError(403, 50013), { times: 100 });
    const p = boot();
    await startUp(p);
    await jest.advanceTimersByTimeAsync(4 * 24 * HOUR);
    expect(port.sendCalls).toBe(3);
    expect(await store.schedules.get('c1')).toMatchObject({ paused: true, failureDays: 3 });
    expect(p.scheduler.scheduledChannels()).toEqual([]);
    const [status] = await p.service.show('g1');
    expect(status.nextPostAt).toBeNull();
    expect(status.problems[0]).toContain('paused after 3 failed days');
  });
});
