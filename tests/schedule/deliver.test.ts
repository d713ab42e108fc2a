import { Deliverer } from '../../src/schedule/deliver';
import { dayMarker, partMarker } from '../../src/schedule/marker';
import type { ScheduleRow } from '../../src/store/schedules';
import type { Store } from '../../src/store/store';
import { FakeApiError, FakePort } from './helpers/fake-port';
import { FakeLibrary, fakeRenderer, silentLogger, tempStore } from './helpers/fakes';

const NOW = new Date('2026-05-04T06:00:00Z'); // 08:00 in Berlin
const TODAY = '2026-05-04';

describe("delivering one day's briefing", () => {
  let env: ReturnType<typeof tempStore>;
  let store: Store;
  let port: FakePort;
  let library: FakeLibrary;
  let schedule: ScheduleRow;
  const sleeps: number[] = [];

  const deliverer = (owner = 'host/1/a') =>
    new Deliverer({
      store,
      library,
      port,
      render: fakeRenderer,
      owner,
      now: () => NOW,
      logger: silentLogger,
      retryDelaysMs: [10, 20, 40],
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

  beforeEach(async () => {
    env = tempStore();
    store = env.store;
    port = new FakePort(() => NOW);
    library = new FakeLibrary(12);
    sleeps.length = 0;
    schedule = await store.schedules.upsert(
      { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 5, announceEmpty: false },
      new Date('2026-05-01T00:00:00Z'),
    );
  });
  afterEach(() => env.cleanup());

  it('posts the newest unbriefed articles in marked parts and records them', async () => {
    const outcome = await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
    expect(outcome.status).toBe('posted');
    const sent = port.in('c1');
    expect(sent).toHaveLength(3); // 5 articles, two per message
    sent.forEach((m, i) => expect(m.text).toContain(partMarker('c1', TODAY, i + 1, 3)));
    expect(sent.every((m) => (m.body as { enforceNonce?: boolean }).enforceNonce === true)).toBe(true);
    expect(new Set(sent.map((m) => (m.body as { nonce?: string }).nonce)).size).toBe(3);
    const row = (await store.ledger.get('c1', TODAY))!;
    expect(row).toMatchObject({ status: 'posted', messageIds: sent.map((m) => m.id) });
    expect(row.articleIds).toEqual(['article-1', 'article-2', 'article-3', 'article-4', 'article-5']);
  });

  it('briefs only articles not yet briefed in that channel on the next day', async () => {
    await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
    await deliverer().deliver(schedule, '2026-05-05', { trigger: 'schedule', late: false });
    expect((await store.ledger.get('c1', '2026-05-05'))!.articleIds).toEqual(['article-6', 'article-7', 'article-8', 'article-9', 'article-10']);
  });

  it('never posts twice for the same channel and day', async () => {
    const d = deliverer();
    const [a, b] = await Promise.all([
      d.deliver(schedule, TODAY, { trigger: 'schedule', late: false }),
      deliverer('host/2/b').deliver(schedule, TODAY, { trigger: 'now', late: false, retryFailed: true }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['posted', 'skipped']);
    const again = await d.deliver(schedule, TODAY, { trigger: 'now', late: false, retryFailed: true });
    expect(again).toMatchObject({ status: 'skipped' });
    expect(port.in('c1')).toHaveLength(3);
  });

  it('stays silent but marks the day done when nothing is new (unless told to announce it)', async () => {
    library.articles = [];
    expect(await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false })).toEqual({ status: 'empty' });
    expect(port.sent).toHaveLength(0);
    expect((await store.ledger.get('c1', TODAY))?.status).toBe('empty');

    const loud = await store.schedules.upsert({ ...schedule, announceEmpty: true }, NOW);
    await deliverer().deliver(loud, '2026-05-05', { trigger: 'schedule', late: false });
    expect(port.in('c1')).toHaveLength(1);
    expect(port.in('c1')[0].text).toContain('No new articles');
  });

  describe('failures', () => {
    it('retries a 500 with backoff and posts once', async () => {
      port.failNext('c1', new FakeApiError(500), { times: 2 });
      const outcome = await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      expect(outcome.status).toBe('posted');
      expect(sleeps).toEqual([10, 20]);
      expect(port.in('c1')).toHaveLength(3);
      expect((await store.ledger.get('c1', TODAY))?.attempts).toBe(3);
    });

    it('does not send again when a failed request had in fact landed', async () => {
      port.failNext('c1', new FakeApiError(503), { landed: true });
      await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      const texts = port.in('c1').map((m) => m.text);
      expect(texts.filter((t) => t.includes(partMarker('c1', TODAY, 1, 3)))).toHaveLength(1);
      expect(port.in('c1')).toHaveLength(3);
    });

    it('gives up after the bounded retries and records a failed day', async () => {
      port.failNext('c1', new FakeApiError(502), { times: 10 });
      const outcome = await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      expect(outcome).toMatchObject({ status: 'failed', kind: 'transient', paused: false });
      expect(port.sendCalls).toBe(4);
      expect((await store.schedules.get('c1'))?.failureDays).toBe(1);
    });

    it.each([
      [403, 50001, 'permissions'],
      [403, 50013, 'permissions'],
      [404, 10003, 'gone'],
    ])('stops at once on %i (%i) and records why', async (status, code, kind) => {
      port.failNext('c1', new FakeApiError(status, code), { times: 10 });
      const outcome = await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      expect(outcome).toMatchObject({ status: 'failed', kind });
      expect(port.sendCalls).toBe(1);
      expect(sleeps).toEqual([]);
      expect(await store.ledger.get('c1', TODAY)).toMatchObject({ status: 'failed', errorKind: kind });
    });

    it('checks permissions before sending anything', async () => {
      port.setCheck('c1', { ok: false, kind: 'permissions', reason: 'Missing permissions in #news: Embed Links.' });
      const outcome = await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      expect(outcome).toMatchObject({ status: 'failed', reason: 'Missing permissions in #news: Embed Links.' });
      expect(port.sendCalls).toBe(0);
    });

    it('pauses the schedule after three failed days', async () => {
      port.setCheck('c1', { ok: false, kind: 'permissions', reason: 'Missing Access' });
      for (const day of ['2026-05-04', '2026-05-05', '2026-05-06']) {
        await deliverer().deliver((await store.schedules.get('c1'))!, day, { trigger: 'schedule', late: false });
      }
      expect(await store.schedules.get('c1')).toMatchObject({ paused: true, failureDays: 3 });
      expect((await store.schedules.get('c1'))?.pauseReason).toContain('Missing Access');
    });

    it('lets /briefing now retry a failed day once the problem is fixed', async () => {
      port.setCheck('c1', { ok: false, kind: 'permissions', reason: 'Missing Access' });
      await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      port.setCheck('c1', { ok: true });
      expect((await deliverer().deliver(schedule, TODAY, { trigger: 'schedule', late: false })).status).toBe('skipped');
      expect((await deliverer().deliver(schedule, TODAY, { trigger: 'now', late: false, retryFailed: true })).status).toBe('posted');
      expect((await store.schedules.get('c1'))?.failureDays).toBe(0);
    });
  });

  describe('a crash between claim and post', () => {
    const leaveClaim = async () =>
      (await store.ledger.claim({
        channelId: 'c1',
        guildId: 'g1',
        localDate: TODAY,
        trigger: 'schedule',
        late: false,
        owner: 'host/999/dead',
        now: NOW,
      }))!;

    it('marks the day posted without posting when our marker is already in the channel', async () => {
      const claim = await leaveClaim();
      const ids = [1, 2, 3].map((p) => port.plant('c1', `briefing part ${p}\n-# ${partMarker('c1', TODAY, p, 3)}`));
      const mine = (await store.ledger.takeOver(claim, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
      const outcome = await deliverer().resume(schedule, mine, true);
      expect(outcome).toMatchObject({ status: 'posted', recovered: true, messageIds: ids });
      expect(port.sendCalls).toBe(0);
      expect((await store.ledger.get('c1', TODAY))?.error).toBe('found already posted after a restart');
    });

    it('still remembers the briefed articles when a post is found after a crash', async () => {
      // The crashed process had planned and sent the post, then died before recording it.
      // It sent part 1 (which landed though Discord answered 500) and "died" waiting to retry: its wait never ends.
      const crashed = new Deliverer({
        store,
        library,
        port,
        render: fakeRenderer,
        owner: 'host/999/dead',
        now: () => NOW,
        logger: silentLogger,
        sleep: () => new Promise<void>(() => {}),
      });
      port.failNext('c1', new FakeApiError(500), { landed: true, times: 1 });
      void crashed.deliver(schedule, TODAY, { trigger: 'schedule', late: false });
      await new Promise((r) => setImmediate(r));
      const claim = (await store.ledger.get('c1', TODAY))!;
      expect(claim.status).toBe('claimed');
      expect(claim.articleIds).toHaveLength(5);
      const mine = (await store.ledger.takeOver(claim, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
      expect((await deliverer().resume(schedule, mine, true)).status).toBe('posted');
      expect((await store.ledger.briefedIn('c1')).size).toBe(5);
    });

    it('posts a post that was cut off half-way whole again, after deleting the part it had posted', async () => {
      const claim = await leaveClaim();
      const cut = port.plant('c1', `part 1\n-# ${partMarker('c1', TODAY, 1, 3)}`);
      const mine = (await store.ledger.takeOver(claim, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
      expect((await deliverer().resume(schedule, mine, true)).status).toBe('posted');
      expect(port.deleted).toEqual([cut]);
      expect(port.sendCalls).toBe(3);
      expect((await store.ledger.get('c1', TODAY))?.error).toBe('posted whole again after a partial post');
    });

    it('posts once when the marker is absent', async () => {
      const claim = await leaveClaim();
      port.plant('c1', `yesterday\n-# ${dayMarker('c1', '2026-05-03')}`);
      const mine = (await store.ledger.takeOver(claim, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
      expect((await deliverer().resume(schedule, mine, true)).status).toBe('posted');
      expect(port.sendCalls).toBe(3);
    });

    it('settles but never posts a claim whose day has passed', async () => {
      const claim = await leaveClaim();
      const mine = (await store.ledger.takeOver(claim, { owner: 'host/1/a', now: NOW, trigger: 'recovery' }))!;
      const outcome = await deliverer().resume(schedule, mine, false);
      expect(outcome).toMatchObject({ status: 'failed', kind: 'interrupted' });
      expect(port.sendCalls).toBe(0);
      expect((await store.schedules.get('c1'))?.failureDays).toBe(0);
    });
  });
});
