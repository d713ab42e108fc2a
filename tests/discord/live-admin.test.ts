// /sources watch's checks before anything is stored: the channel must be this server's (asked of Discord,
// not taken from the interaction) and able to hold posts; the filter must parse.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilterInputError } from '../../src/briefings';
import { StoreLiveAdmin } from '../../src/discord/live/live-admin';
import type { ChannelPlace } from '../../src/schedule/channel-port';
import { openStore, type Store } from '../../src/store/store';

const NOW = new Date('2026-11-29T12:00:00Z');
const places: Record<string, ChannelPlace> = {
  news: { guildId: 'g1', holdsMessages: true },
  voice: { guildId: 'g1', holdsMessages: false },
  elsewhere: { guildId: 'g2', holdsMessages: true },
};

let dir: string;
let store: Store;
let admin: StoreLiveAdmin;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-live-admin-'));
  store = openStore(path.join(dir, 'b.db'));
  admin = new StoreLiveAdmin({ subscriptions: store.live.subscriptions, locate: async (id) => places[id] ?? null, now: () => NOW });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const req = (channelId: string, filter = {}) => ({ guildId: 'g1', channelId, feedUrl: 'https://a.example/feed', sourceName: 'A', filter });

describe('subscribing a channel to a feed', () => {
  it("refuses another server's channel, an unknown one and one that cannot hold posts, storing nothing", async () => {
    await expect(admin.watch(req('elsewhere'))).resolves.toEqual({ ok: false, problem: 'not-in-server' });
    await expect(admin.watch(req('gone'))).resolves.toEqual({ ok: false, problem: 'not-in-server' });
    await expect(admin.watch(req('voice'))).resolves.toEqual({ ok: false, problem: 'cannot-hold-posts' });
    expect(await admin.list('g1')).toEqual([]);
  });

  it('refuses a filter that does not parse before storing anything', async () => {
    await expect(admin.watch(req('news', { include: 'sport', exclude: 'sport' }))).rejects.toBeInstanceOf(FilterInputError);
    expect(await admin.list('g1')).toEqual([]);
  });

  it('stores the filter so it reads back the same, and a second watch updates it and restarts a stopped one', async () => {
    const first = await admin.watch(req('news', { include: 'Ukraine, "peace talks"' }));
    expect(first).toMatchObject({ ok: true, created: true, restarted: false });
    const [row] = await store.live.subscriptions.forGuild('g1');
    await store.live.subscriptions.stop(row.id, 'permissions', 'Missing Permissions');
    const second = await admin.watch(req('news', { exclude: 'sport' }));
    expect(second).toMatchObject({ ok: true, created: false, restarted: true });
    const [view] = await admin.list('g1');
    expect(view.stoppedReason).toBeNull();
    expect(view.filter.exclude.map((t) => t.words)).toEqual([['sport']]);
    expect(view.filter.include).toEqual([]);
  });

  it("does not let one server remove another's subscription", async () => {
    await admin.watch(req('news'));
    expect(await admin.unwatch('g2', 'news', 'https://a.example/feed')).toBe(false);
    expect(await admin.unwatchFeed('g2', 'https://a.example/feed')).toBe(0);
    expect(await admin.unwatch('g1', 'news', 'https://a.example/feed')).toBe(true);
  });
});
