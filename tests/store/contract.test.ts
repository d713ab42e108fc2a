// One contract, two databases: every repository of the store behaves the same on SQLite (one host) and on
// Postgres (several hosts), started here by the test itself. Races use two connections to one database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseRaw } from '../../src/briefings/analyse-file';
import type { StoredSource } from '../../src/briefings/article-store';
import type { ClaimRequest } from '../../src/store/ledger';
import { openPgStore } from '../../src/store/pg/store';
import type { Store } from '../../src/store/ports';
import { openStore } from '../../src/store/store';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { feedSource, fileSource, rawArticle } from '../helpers/stored-articles';

const NOW = new Date('2026-05-04T06:00:00.000Z');

const raw = rawArticle;
const source = (kind: 'file' | 'feed', id: string): StoredSource => (kind === 'file' ? fileSource(id) : feedSource(id));

/** Opens stores on one shared database (a new one per test): call it twice for two "processes". */
type Opener = () => Promise<Store>;

let pgServer: TestPostgres;
let dir: string;
beforeAll(async () => {
  pgServer = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-contract-'));
}, 90_000);
afterAll(async () => {
  await pgServer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const backends: [string, () => Promise<Opener>][] = [
  [
    'SQLite',
    async () => {
      const file = path.join(dir, `s${++n}.db`);
      return async () => openStore(file);
    },
  ],
  [
    'Postgres',
    async () => {
      const url = await pgServer.freshDatabase();
      return () => openPgStore(url, { max: 4 });
    },
  ],
];

describe.each(backends)('the store on %s', (_name, database) => {
  let open: Opener;
  const opened: Store[] = [];
  let store: Store;
  beforeEach(async () => {
    open = await database();
    store = await open();
    opened.push(store);
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  const second = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };

  it('keeps schedules: upsert, list by guild, a failed day counted and the schedule paused at the third', async () => {
    const input = { guildId: 'g1', channelId: 'c1', time: '08:00', timezone: 'Europe/Berlin', topic: null, articles: 5, announceEmpty: false };
    expect(await store.schedules.upsert(input, NOW)).toMatchObject({ ...input, paused: false, effectiveFrom: NOW.toISOString() });
    const later = new Date(NOW.getTime() + 3_600_000);
    expect((await store.schedules.upsert({ ...input, topic: 'trams' }, later)).effectiveFrom).toBe(NOW.toISOString());
    expect((await store.schedules.upsert({ ...input, time: '09:00' }, later)).effectiveFrom).toBe(later.toISOString());
    await store.schedules.upsert({ ...input, channelId: 'c2', guildId: 'g2' }, NOW);
    expect((await store.schedules.listForGuild('g1')).map((s) => s.channelId)).toEqual(['c1']);
    for (let day = 1; day <= 3; day++) await store.schedules.recordFailedDay('c1', 'Missing Access', NOW);
    expect(await store.schedules.get('c1')).toMatchObject({
      paused: true,
      failureDays: 3,
      pauseReason: 'paused after 3 failed days: Missing Access',
    });
    expect(await store.schedules.removeGuild('g2')).toBe(1);
    expect((await store.schedules.listAll()).map((s) => s.channelId)).toEqual(['c1']);
  });

  const claim = (owner: string, extra: Partial<ClaimRequest> = {}): ClaimRequest => ({
    channelId: 'c1',
    guildId: 'g1',
    localDate: '2026-05-04',
    trigger: 'schedule',
    late: false,
    owner,
    now: NOW,
    ...extra,
  });

  it('gives a day to exactly one of two processes claiming it at once, and records what was posted', async () => {
    const other = await second();
    const results = await Promise.all([store.ledger.claim(claim('a')), other.ledger.claim(claim('b'))]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const winner = results.find((r) => r !== null)!.claimedBy;
    await store.ledger.addMessageIds('c1', '2026-05-04', winner, ['m1']);
    await store.ledger.addMessageIds('c1', '2026-05-04', winner, ['m2']);
    expect((await other.ledger.get('c1', '2026-05-04'))?.messageIds).toEqual(['m1', 'm2']);
    const outcome = { status: 'posted' as const, messageIds: ['m1', 'm2'], articleIds: ['x', 'y'], now: NOW };
    expect(await store.ledger.finish('c1', '2026-05-04', winner === 'a' ? 'b' : 'a', outcome)).toBe(false);
    expect(await store.ledger.finish('c1', '2026-05-04', winner, outcome)).toBe(true);
    expect([...(await other.ledger.briefedIn('c1'))].sort()).toEqual(['x', 'y']);
    expect(await store.ledger.latest('c1')).toMatchObject({ status: 'posted', messageIds: ['m1', 'm2'], articleIds: ['x', 'y'] });
  });

  it('lets one of two racing processes take over a failed day, and counts a failed day once', async () => {
    await store.ledger.claim(claim('a'));
    expect(await store.ledger.fail('c1', '2026-05-04', 'a', 'permissions', 'Missing Access')).toEqual({ newFailedDay: true });
    const seen = (await store.ledger.get('c1', '2026-05-04'))!;
    const other = await second();
    const took = await Promise.all([
      store.ledger.takeOver(seen, { owner: 'p1', now: NOW, trigger: 'now' }),
      other.ledger.takeOver(seen, { owner: 'p2', now: NOW, trigger: 'now' }),
    ]);
    expect(took.filter((t) => t !== null)).toHaveLength(1);
    const holder = took.find((t) => t !== null)!;
    expect(holder).toMatchObject({ status: 'claimed', attempts: 2, error: null });
    expect(await store.ledger.fail('c1', '2026-05-04', holder.claimedBy, 'permissions', 'still')).toEqual({ newFailedDay: false });
    expect(await store.ledger.unfinished()).toEqual([]);
  });

  it('gives a live post to one of two processes, never overwrites a claim with a skip, and finds a story posted', async () => {
    const other = await second();
    const job = { kind: 'article' as const, articleId: 'a1', alsoReportedBy: [] };
    const req = (owner: string) => ({ channelId: 'c1', key: 'a1', subscriptionId: '1', storyId: 'story-1', job, owner, now: NOW });
    const won = await Promise.all([store.live.ledger.claim(req('p1')), other.live.ledger.claim(req('p2'))]);
    expect(won.filter(Boolean)).toHaveLength(1);
    await store.live.ledger.skip({ channelId: 'c1', key: 'a1', subscriptionId: '1', storyId: null, reason: 'late', now: NOW });
    const row = (await other.live.ledger.get('c1', 'a1'))!;
    expect(row).toMatchObject({ status: 'claimed', job });
    expect(await store.live.ledger.posted('c1', 'a1', row.owner === 'p1' ? 'p2' : 'p1', 'm', NOW)).toBe(false);
    expect(await store.live.ledger.storyPostedSince('c1', 'story-1', new Date(NOW.getTime() - 1))).toMatchObject({ key: 'a1' });
    expect(await store.live.ledger.takeOver(row, 'p3', new Date(NOW.getTime() + 1000))).toBe(true);
    expect(await other.live.ledger.takeOver(row, 'p4', new Date(NOW.getTime() + 2000))).toBe(false);
    expect(await store.live.ledger.posted('c1', 'a1', 'p3', 'm9', NOW)).toBe(true);
    expect(await store.live.ledger.unfinished()).toEqual([]);
  });

  it('records a live post’s edit and the post’s grown list together, once, only for the edit’s holder', async () => {
    const job = { kind: 'article' as const, articleId: 'a1', alsoReportedBy: [], source: 'Alpha' };
    const base = { channelId: 'c1', subscriptionId: '1', storyId: 'story-1', owner: 'p1', now: NOW };
    await store.live.ledger.claim({ ...base, key: 'a1', job });
    await store.live.ledger.posted('c1', 'a1', 'p1', 'm1', NOW);
    const edit = { kind: 'edit' as const, articleId: 'b1', targetKey: 'a1', reports: [{ source: 'Beta', url: 'https://beta.example/1' }] };
    await store.live.ledger.claim({ ...base, key: 'b1', job: edit });
    const grown = { ...job, alsoReportedBy: edit.reports };
    expect(await store.live.ledger.edited('c1', 'b1', 'p2', 'm1', { key: 'a1', job: grown }, NOW)).toBe(false);
    expect((await store.live.ledger.get('c1', 'a1'))?.job).toEqual(job);
    expect(await store.live.ledger.edited('c1', 'b1', 'p1', 'm1', { key: 'a1', job: grown }, NOW)).toBe(true);
    expect(await store.live.ledger.get('c1', 'b1')).toMatchObject({ status: 'posted', messageId: 'm1', job: edit });
    expect((await store.live.ledger.get('c1', 'a1'))?.job).toEqual(grown);
    expect(await store.live.ledger.edited('c1', 'b1', 'p1', 'm1', { key: 'a1', job }, NOW)).toBe(false);
    expect((await store.live.ledger.get('c1', 'a1'))?.job).toEqual(grown);
    await store.live.ledger.setJob('c1', 'a1', { ...grown, messageGone: true });
    expect((await store.live.ledger.get('c1', 'a1'))?.job).toEqual({ ...grown, messageGone: true });
  });

  it('keeps live subscriptions per channel and feed, with their first poll and why they stopped', async () => {
    const sub = {
      guildId: 'g1',
      channelId: 'c1',
      feedUrl: 'https://a.example/rss',
      sourceName: 'A',
      filter: { include: 'tram', exclude: '', topic: '' },
    };
    const { row, created } = await store.live.subscriptions.upsert(sub, NOW);
    expect(created).toBe(true);
    expect((await store.live.subscriptions.upsert({ ...sub, filter: { ...sub.filter, exclude: 'sport' } }, NOW)).created).toBe(false);
    await store.live.subscriptions.markFirstPoll(row.id, NOW);
    await store.live.subscriptions.stop(row.id, 'permissions', 'Missing Permissions');
    expect(await store.live.subscriptions.get(row.id)).toMatchObject({
      filter: { include: 'tram', exclude: 'sport', topic: '' },
      firstPolledAt: NOW.toISOString(),
      stoppedReason: 'Missing Permissions',
    });
    expect((await store.live.subscriptions.forFeed(sub.feedUrl)).map((s) => s.channelId)).toEqual(['c1']);
    expect(await store.live.subscriptions.remove('other-guild', 'c1', sub.feedUrl)).toBe(false);
    expect(await store.live.subscriptions.removeFeed('g1', sub.feedUrl)).toBe(1);
    expect(await store.live.subscriptions.inChannel('c1')).toEqual([]);
  });

  it('keeps feeds once with their state, who follows them, and a fetch lease only one process holds until it runs out', async () => {
    const url = 'https://a.example/rss';
    expect(await store.feeds.addSource('g1', url)).toBe(true);
    expect(await store.feeds.addSource('g1', url)).toBe(false);
    expect(await store.feeds.addSource('g2', url)).toBe(true);
    await store.feeds.setShared(['https://shared.example/feed']);
    // The shared list (guild null) holds a feed once too.
    expect(await store.feeds.addSource(null, 'https://shared.example/feed')).toBe(false);
    expect(await store.feeds.followedFeeds()).toEqual(['https://a.example/rss', 'https://shared.example/feed']);
    expect((await store.feeds.allSources()).map((s) => s.guildId).sort()).toEqual(['g1', 'g2', null].sort());
    const state = { url, title: 'A', etag: '"e1"', lastModified: null, lastCheckedAt: NOW.toISOString(), lastSuccessAt: NOW.toISOString() };
    await store.feeds.save({
      ...state,
      nextDueAt: null,
      failures: 0,
      firstFailureAt: null,
      lastError: null,
      disabledReason: null,
      warnings: [],
      seen: { g: { hash: 'h', link: null } },
    });
    expect(await store.feeds.get(url)).toMatchObject({ etag: '"e1"', seen: { g: { hash: 'h', link: null } } });
    const other = await second();
    const leases = await Promise.all([store.feeds.lease(url, 'host-a', NOW, 60_000), other.feeds.lease(url, 'host-b', NOW, 60_000)]);
    expect(leases.filter(Boolean)).toHaveLength(1);
    const holder = leases[0] ? 'host-a' : 'host-b';
    const loser = holder === 'host-a' ? 'host-b' : 'host-a';
    expect(await store.feeds.lease(url, loser, new Date(NOW.getTime() + 30_000), 60_000)).toBe(false);
    // The holder died: its lease runs out and another takes the feed.
    expect(await store.feeds.lease(url, loser, new Date(NOW.getTime() + 61_000), 60_000)).toBe(true);
    await store.feeds.release(url, loser);
    expect(await other.feeds.lease(url, holder, new Date(NOW.getTime() + 62_000), 60_000)).toBe(true);
    expect((await store.feeds.get(url))?.etag).toBe('"e1"');
  });

  it('stores articles once: ids kept on edit, changes logged, items upserted by key, a view snapshot, old feed articles pruned', async () => {
    const [a] = await store.articles.replaceSource(source('file', 'a.txt'), [analyseRaw(raw('Lighthouse restored', ['The lamp is lit.']))]);
    const [again] = await store.articles.replaceSource(source('file', 'a.txt'), [analyseRaw(raw('Lighthouse restored', ['The lamp is lit again.']))]);
    expect(again).toBe(a);
    const start = await store.articles.changesSince(0);
    expect(start.ids).toEqual([a]);
    const rss = source('feed', 'https://news.example/rss');
    const [f1] = await store.articles.upsertItems(rss, [{ key: 'guid-1', article: analyseRaw(raw('Ferry strike ends', ['Boats sail.'])) }]);
    const [f1b, f2] = await store.articles.upsertItems(rss, [
      { key: 'guid-1', article: analyseRaw(raw('Ferry strike is over', ['Boats sail.'])) },
      { key: 'guid-2', article: analyseRaw(raw('Old tram story', ['Long ago.'], '2025-01-01T00:00:00.000Z')) },
    ]);
    expect(f1b).toBe(f1);
    expect((await store.articles.get(f1))?.article.title).toBe('Ferry strike is over');
    // Several in one read: the same articles one-by-one reads give, unknown ids left out.
    const many = await store.articles.getMany!([f2, 'no-such-article', a, f1]);
    expect(many.sort((x, y) => (x.article.id < y.article.id ? -1 : 1))).toEqual(
      await Promise.all([a, f1, f2].sort().map(async (id) => (await store.articles.get(id))!)),
    );
    expect(await store.articles.getMany!([])).toEqual([]);
    const after = await store.articles.changesSince(start.seq);
    expect(after.ids.sort()).toEqual([f1, f2].sort());
    expect(after.seq).toBeGreaterThan(start.seq);
    const snap = await store.articles.snapshot({ fileRoot: '/content' });
    expect(snap.articles.map((s) => s.article.id)).toEqual([f1, f2, a]); // feeds, then files; each in its source's order
    expect((await store.articles.snapshot({ fileRoot: null })).articles.map((s) => s.article.id)).toEqual([f1, f2]);
    expect(await store.articles.pruneFeedArticles(new Date('2026-01-01T00:00:00.000Z'))).toBe(1);
    expect(await store.articles.get(f2)).toBeNull();
    await store.articles.removeSources([source('file', 'a.txt')]);
    const end = await store.articles.changesSince(after.seq);
    expect(end.ids.sort()).toEqual([a, f2].sort());
    await store.articles.saveSearchSnapshot('v', { seq: end.seq, analysisVersion: 'x', data: new Uint8Array([1, 2, 3]) });
    const saved = await store.articles.loadSearchSnapshot('v');
    expect(saved && [saved.seq, saved.analysisVersion, [...saved.data]]).toEqual([end.seq, 'x', [1, 2, 3]]);
    expect(await store.feeds.storedItem('https://news.example/rss', 'guid-1')).toEqual({ id: f1, teaser: false });
    expect(await store.feeds.articleCount('https://news.example/rss')).toBe(1);
  });

  it('reads the headers of a view without the text: the same articles, order and fields a whole read gives, and the quote count', async () => {
    const quoted = raw('Mayor opens bridge', ['"We built this together," said Mayor Ann Lee.', 'Traffic flows.']);
    await store.articles.replaceSource(source('file', 'b.txt'), [analyseRaw({ ...quoted, url: 'https://city.example/bridge', source: 'b.txt' })]);
    const rss = source('feed', 'https://news.example/rss');
    await store.articles.upsertItems(rss, [
      { key: 'g1', article: analyseRaw({ ...raw('Ferry strike ends', ['Boats sail.']), teaser: true, source: 'rss' }) },
      { key: 'g2', article: analyseRaw({ ...raw('Old tram story', ['Long ago.'], null), backlog: true, dateApproximate: true }) },
    ]);
    for (const view of [{ fileRoot: '/content' }, { fileRoot: null }]) {
      const whole = await store.articles.snapshot(view);
      const heads = await store.articles.headers(view);
      expect(heads.seq).toBe(whole.seq);
      expect(heads.headers).toEqual(
        whole.articles.map((s) => ({
          header: {
            id: s.article.id,
            title: s.article.title,
            date: s.article.date,
            dateApproximate: s.article.dateApproximate,
            source: s.article.source,
            ...(s.article.url ? { url: s.article.url } : {}),
            ...(s.article.teaser ? { teaser: true } : {}),
            ...(s.article.backlog ? { backlog: true } : {}),
            quoteCount: s.article.quotes.length,
          },
          sourceKind: s.sourceKind,
          sourceRoot: s.sourceRoot,
          sourceId: s.sourceId,
          storedAt: s.storedAt,
        })),
      );
    }
    const all = (await store.articles.headers({ fileRoot: '/content' })).headers.map((h) => h.header);
    expect(all.map((h) => [h.title, h.quoteCount, h.teaser ?? false, h.backlog ?? false])).toEqual([
      ['Ferry strike ends', 0, true, false],
      ['Old tram story', 0, false, true],
      ['Mayor opens bridge', 1, false, false],
    ]);
  });

  it('gives two articles with one title different ids, also when two processes store them at once', async () => {
    const other = await second();
    const [x, y] = await Promise.all([
      store.articles.replaceSource(source('file', 'x.txt'), [analyseRaw(raw('Same title', ['One.']))]),
      other.articles.replaceSource(source('file', 'y.txt'), [analyseRaw(raw('Same title', ['Two.']))]),
    ]);
    expect(new Set([...x, ...y]).size).toBe(2);
    expect([...x, ...y].sort()).toEqual(['same-title', 'same-title-2']);
  });

  it('keeps small facts in meta', async () => {
    expect(await store.meta.get('k')).toBeNull();
    await store.meta.set('k', 'one');
    await store.meta.set('k', 'two');
    expect(await (await second()).meta.get('k')).toBe('two');
  });
});
