// Hostile faults around daily briefings (issue 11): a post cut off after some of its parts, a channel of
// another server or a voice channel named in /briefing, and a full disk under /briefing now.
import Database from 'better-sqlite3';
import { renderPostNow } from '../../src/discord/render';
import { Deliverer } from '../../src/schedule/deliver';
import { dayMarker, readPart } from '../../src/schedule/marker';
import { ScheduleInputError } from '../../src/schedule/service';
import type { ScheduleRow } from '../../src/store/schedules';
import type { Store } from '../../src/store/store';
import { FakeApiError, FakePort } from '../schedule/helpers/fake-port';
import { FakeLibrary, fakeRenderer, silentLogger, tempStore } from '../schedule/helpers/fakes';
import { startProcess, type BotProcess } from '../schedule/helpers/harness';

const NOW = new Date('2026-05-04T06:00:00Z'); // 08:00 in Berlin
const TODAY = '2026-05-04';
const PARTS = 6; // 12 articles, two per message in the fake renderer

/** A channel whose sends can be made to hang (the process "dies") or fail from the n-th send on. */
class FaultyPort extends FakePort {
  private sends = 0;
  fault: { fromSend: number; kind: 'hang' | Error } | null = null;

  override async send(channelId: string, message: Parameters<FakePort['send']>[1], nonce: string): Promise<{ id: string }> {
    this.sends++;
    if (this.fault && this.sends >= this.fault.fromSend) {
      if (this.fault.kind === 'hang') return new Promise(() => {});
      throw this.fault.kind;
    }
    return super.send(channelId, message, nonce);
  }
}

/** The parts of today's briefing in the channel, by part number (a part posted twice shows up twice). */
function partsInChannel(port: FakePort): number[] {
  return port
    .in('c1')
    .filter((m) => m.text.includes(dayMarker('c1', TODAY)))
    .map((m) => readPart(m.text, 'c1', TODAY)!.part)
    .sort((a, b) => a - b);
}

describe('a briefing cut off after some of its parts', () => {
  let env: ReturnType<typeof tempStore>;
  let store: Store;
  let port: FaultyPort;
  let schedule: ScheduleRow;
  const library = new FakeLibrary(40);

  const deliverer = (owner: string, sleep?: () => Promise<void>) =>
    new Deliverer({ store, library, port, render: fakeRenderer, owner, now: () => NOW, logger: silentLogger, retryDelaysMs: [10], sleep });

  beforeEach(async () => {
    env = tempStore();
    store = env.store;
    port = new FaultyPort(() => NOW);
    schedule = await store.schedules.upsert(
      { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 12, announceEmpty: false },
      new Date('2026-05-01T00:00:00Z'),
    );
  });
  afterEach(() => env.cleanup());

  it('is posted whole after a restart when the process died after part 2 of 6, with no part twice', async () => {
    port.fault = { fromSend: 3, kind: 'hang' };
    void deliverer('host/999/dead').deliver(schedule, TODAY, { trigger: 'schedule', late: false });
    await new Promise((r) => setImmediate(r));
    expect(partsInChannel(port)).toEqual([1, 2]);

    port.fault = null;
    const left = (await store.ledger.get('c1', TODAY))!;
    expect(left.status).toBe('claimed');
    const mine = (await store.ledger.takeOver(left, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
    const outcome = await deliverer('host/1/a').resume(schedule, mine, true);

    expect(outcome.status).toBe('posted');
    expect(partsInChannel(port)).toEqual([1, 2, 3, 4, 5, 6]);
    const row = (await store.ledger.get('c1', TODAY))!;
    expect(row.status).toBe('posted');
    expect(row.messageIds).toHaveLength(PARTS);
    expect((await store.ledger.briefedIn('c1')).size).toBe(12);
  });

  it('is posted whole by /briefing now once a 403 on part 3 is fixed, and never recorded done before', async () => {
    port.fault = { fromSend: 3, kind: new FakeApiError(403, 50013) };
    const first = await deliverer('host/1/a').deliver(schedule, TODAY, { trigger: 'schedule', late: false });
    expect(first).toMatchObject({ status: 'failed', kind: 'permissions' });
    expect((await store.ledger.get('c1', TODAY))?.status).toBe('failed');
    expect(partsInChannel(port)).toEqual([1, 2]);

    port.fault = null;
    const retry = await deliverer('host/1/a').deliver(schedule, TODAY, { trigger: 'now', late: false, retryFailed: true });

    expect(retry.status).toBe('posted');
    expect(partsInChannel(port)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(port.deleted).toHaveLength(2);
    expect(await store.ledger.get('c1', TODAY)).toMatchObject({ status: 'posted', messageIds: expect.any(Array) });
    expect((await store.ledger.get('c1', TODAY))!.messageIds).toHaveLength(PARTS);
  });

  it('sends the reposted parts with new nonces, so Discord cannot answer them with the deleted ones', async () => {
    port.fault = { fromSend: 3, kind: new FakeApiError(403, 50013) };
    await deliverer('host/1/a').deliver(schedule, TODAY, { trigger: 'schedule', late: false });
    const firstNonces = port.in('c1').map((m) => m.body.nonce);
    port.fault = null;
    await deliverer('host/1/a').deliver(schedule, TODAY, { trigger: 'now', late: false, retryFailed: true });
    const nonces = port.in('c1').map((m) => m.body.nonce);
    expect(nonces).toHaveLength(PARTS);
    for (const n of firstNonces) expect(nonces).not.toContain(n);
  });
});

describe('/briefing and channels it must not use', () => {
  let env: ReturnType<typeof tempStore>;
  let port: FakePort;
  let bot: BotProcess;
  const settings = { guildId: 'g1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 3, announceEmpty: false };

  beforeEach(() => {
    env = tempStore();
    port = new FakePort();
    bot = startProcess(env.store, port);
  });
  afterEach(async () => {
    await bot.stop();
    env.cleanup();
  });

  it('refuses a channel of another server, whatever the interaction says', async () => {
    port.place('foreign', { guildId: 'g2', holdsMessages: true });
    await expect(bot.service.set({ ...settings, channelId: 'foreign' })).rejects.toThrow(ScheduleInputError);
    await expect(bot.service.set({ ...settings, channelId: 'foreign' })).rejects.toThrow(/not in this server/);
    await expect(bot.service.preview('g1', 'foreign')).rejects.toThrow(/not in this server/);
    expect(await env.store.schedules.get('foreign')).toBeNull();
  });

  it('refuses a channel the bot cannot see at all', async () => {
    port.place('hidden', null);
    await expect(bot.service.set({ ...settings, channelId: 'hidden' })).rejects.toThrow(/not in this server/);
  });

  it('refuses a voice channel with a clear message', async () => {
    port.place('voice', { guildId: 'g1', holdsMessages: false });
    await expect(bot.service.set({ ...settings, channelId: 'voice' })).rejects.toThrow(/text or announcement channel/);
  });

  it('does not post now in a foreign channel even if a schedule row was stored for it before this check', async () => {
    await env.store.schedules.upsert({ ...settings, channelId: 'foreign' }, new Date('2026-05-01T00:00:00Z'));
    port.place('foreign', { guildId: 'g2', holdsMessages: true });
    await expect(bot.service.postNow('g1', 'foreign')).rejects.toThrow(/not in this server/);
    expect(port.sendCalls).toBe(0);
  });
});

describe('/briefing now on a full disk', () => {
  it('says the database could not be written, not that a post is under way', async () => {
    const env = tempStore();
    const port = new FakePort();
    const bot = startProcess(env.store, port);
    try {
      await bot.service.set({ guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'UTC', topic: null, articles: 3, announceEmpty: false });
      jest.spyOn(env.store.ledger, 'claim').mockImplementation(() => {
        throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      });
      const result = await bot.service.postNow('g1', 'c1');
      expect(result).toEqual({ status: 'storage-error', reason: 'the disk is full (SQLITE_FULL)' });
      const text = renderPostNow('c1', result).content ?? '';
      expect(text).toContain('the disk is full');
      expect(text).not.toContain('already under way');
      expect(port.sendCalls).toBe(0);
    } finally {
      await bot.stop();
      env.cleanup();
    }
  });
});
