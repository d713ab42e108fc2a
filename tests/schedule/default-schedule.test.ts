import { applyDefaultSchedule } from '../../src/discord/schedule/attach';
import { tempStore } from './helpers/fakes';

describe('the default schedule from BRIEFING_CHANNEL_ID/TIME/TIMEZONE', () => {
  let env: ReturnType<typeof tempStore>;
  beforeEach(() => (env = tempStore()));
  afterEach(() => env.cleanup());
  const defaults = { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin' };
  const t0 = new Date('2026-05-01T00:00:00Z');
  const t1 = new Date('2026-05-04T09:00:00Z');

  it('is created on first start', async () => {
    await applyDefaultSchedule(env.store, defaults, t0);
    expect(await env.store.schedules.get('c1')).toMatchObject({ guildId: 'g1', time: '08:00', timezone: 'Europe/Berlin', articles: 5 });
  });

  it('is left alone on later starts, so catch-up still sees when it took effect', async () => {
    await applyDefaultSchedule(env.store, defaults, t0);
    await applyDefaultSchedule(env.store, defaults, t1);
    expect((await env.store.schedules.get('c1'))?.effectiveFrom).toBe(t0.toISOString());
  });

  it("keeps an admin's /briefing set across restarts while the environment is unchanged", async () => {
    await applyDefaultSchedule(env.store, defaults, t0);
    await env.store.schedules.upsert({ ...defaults, time: '09:30', topic: 'energy', articles: 3, announceEmpty: true }, t1);
    await applyDefaultSchedule(env.store, defaults, t1);
    expect(await env.store.schedules.get('c1')).toMatchObject({ time: '09:30', topic: 'energy', articles: 3 });
  });

  it('follows the environment when it changes, keeping topic and article count', async () => {
    await applyDefaultSchedule(env.store, defaults, t0);
    await env.store.schedules.upsert({ ...defaults, topic: 'energy', articles: 3, announceEmpty: false }, t0);
    await applyDefaultSchedule(env.store, { ...defaults, time: '07:15' }, t1);
    expect(await env.store.schedules.get('c1')).toMatchObject({ time: '07:15', topic: 'energy', articles: 3, effectiveFrom: t1.toISOString() });
  });
});
