// Feeds into the library: each new item's page read (or the feed's text as a teaser), stored, searchable at
// once, never fetched twice; servers see the shared feeds and their own, never another server's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openLibrary, type LoadedLibrary } from '../../src/briefings';
import { inlineAnalyser } from '../../src/sources/files/analyse-pool';
import { HttpFetcher } from '../../src/sources/http';
import type { NewArticles } from '../../src/sources/service-types';
import { FeedSources } from '../../src/sources/sources-service';
import { openStore, type Store } from '../../src/store/store';
import { startFeedServer, type FeedServer } from './feed-server';
import { NewsSite, story } from './news-site';
import { until } from '../helpers/bot-process';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const recent = () => new Date(Date.now() - 3600_000).toISOString();

interface Running {
  store: Store;
  library: LoadedLibrary;
  sources: FeedSources;
  close(): Promise<void>;
}

async function start(dbFile: string, shared: string[], host?: { owner: string; feeds?: (store: Store) => Store['feeds'] }): Promise<Running> {
  const store = openStore(dbFile);
  const library = await openLibrary({ reader: store.articles, view: { fileRoot: null } });
  const analyser = inlineAnalyser();
  const sources = new FeedSources({
    feeds: host?.feeds?.(store) ?? store.feeds,
    owner: host?.owner,
    writer: store.articles,
    fetcher: new HttpFetcher({ allowPrivateNetwork: true }),
    analyser,
    logger: silent,
    intervalSeconds: 60,
    shared,
    catchUp: () => library.catchUp(),
  });
  return {
    store,
    library,
    sources,
    close: async () => {
      await sources.stop();
      await store.close();
    },
  };
}

describe('feed sources', () => {
  let server: FeedServer;
  let site: NewsSite;
  let dir: string;
  beforeEach(async () => {
    server = await startFeedServer();
    site = new NewsSite(server);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-sources-'));
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a new item read from its page, searchable at once, and tells listeners', async () => {
    site.add({ id: 'tram', title: 'Council approves the tram line', date: recent(), description: 'Short teaser.', page: story('the tram line') });
    const run = await start(path.join(dir, 'b.db'), [site.feedUrl]);
    const heard: NewArticles[] = [];
    run.sources.onNewArticles((b) => void heard.push(b));
    const [outcome] = await run.sources.pollAll();
    expect(outcome).toMatchObject({ status: 'ok', new: 1 });
    const hit = (await run.library.search('tram line'))[0];
    expect(hit).toBeDefined();
    const article = (await run.library.article(hit.articleId))!;
    expect(article.teaser).toBeUndefined();
    expect(article.paragraphs.join(' ')).toContain('six hours in the old town hall');
    expect(article.quotes.some((q) => q.speaker === 'Maria Lopez')).toBe(true);
    expect(heard).toEqual([{ feedUrl: site.feedUrl, articleIds: [hit.articleId], firstPoll: true }]);
    await run.close();
  });

  it('tells listeners of a poll that stored nothing new too, with no articles (a waiting live subscription starts then)', async () => {
    const run = await start(path.join(dir, 'b.db'), [site.feedUrl]);
    const heard: NewArticles[] = [];
    run.sources.onNewArticles((b) => void heard.push(b));
    await run.sources.pollAll(); // an empty feed
    site.add({ id: 'tram', title: 'Council approves the tram line', date: recent(), description: 'Teaser.', page: story('the tram line') });
    await run.sources.pollAll(); // one new item
    await run.sources.pollAll(); // 304
    const id = (await run.library.search('tram line'))[0].articleId;
    expect(heard).toEqual([
      { feedUrl: site.feedUrl, articleIds: [], firstPoll: false },
      { feedUrl: site.feedUrl, articleIds: [id], firstPoll: false },
      { feedUrl: site.feedUrl, articleIds: [], firstPoll: false },
    ]);
    await run.close();
  });

  it("falls back to the feed's description, marked as a teaser, when the page is missing", async () => {
    site.add({
      id: 'gone',
      title: 'Harbour fees rise again',
      date: recent(),
      description: 'Harbour fees rise for the third year running, the port authority said.',
      page: null,
    });
    const run = await start(path.join(dir, 'b.db'), [site.feedUrl]);
    await run.sources.pollAll();
    const article = (await run.library.article((await run.library.search('harbour fees'))[0].articleId))!;
    expect(article.teaser).toBe(true);
    expect(article.paragraphs).toEqual(['Harbour fees rise for the third year running, the port authority said.']);
    await run.close();
  });

  it('after a restart the feed answers 304 and no page is requested again', async () => {
    site.add({ id: 'tram', title: 'Council approves the tram line', date: recent(), description: 'Teaser.', page: story('the tram line') });
    const file = path.join(dir, 'b.db');
    const first = await start(file, [site.feedUrl]);
    await first.sources.pollAll();
    await first.close();
    expect(server.hits('/story/tram')).toBe(1);
    const second = await start(file, [site.feedUrl]);
    const [outcome] = await second.sources.pollAll();
    expect(outcome.status).toBe('not-modified');
    // A new item arrives: only its page is fetched.
    site.add({ id: 'bridge', title: 'Bridge repairs start in spring', date: recent(), description: 'Teaser.', page: story('the bridge repairs') });
    const [next] = await second.sources.pollAll();
    expect(next).toMatchObject({ status: 'ok', new: 1, unchanged: 1 });
    expect(server.hits('/story/tram')).toBe(1);
    expect(server.hits('/story/bridge')).toBe(1);
    expect(await second.library.search('bridge repairs')).toHaveLength(1);
    await second.close();
  });

  it('a second host that read the feed state just before the first host polled does not read the FEEDS address again', async () => {
    const file = path.join(dir, 'b.db');
    const a = await start(file, [site.feedUrl], { owner: 'host-a' });
    await a.sources.pollAll();
    const fetchedByA = server.hits('/feed.xml');
    // Host B's first look at the feed's state raced host A's poll: it read the state from before A's success.
    const staleFirstRead = (store: Store): Store['feeds'] => {
      let stale = true;
      return Object.assign(Object.create(store.feeds) as Store['feeds'], {
        get: async (url: string) => {
          if (stale) {
            stale = false;
            return null;
          }
          return store.feeds.get(url);
        },
      });
    };
    const b = await start(file, [site.feedUrl], { owner: 'host-b', feeds: staleFirstRead });
    b.sources.start();
    await b.sources.stop();
    expect(server.hits('/feed.xml')).toBe(fetchedByA);
    await b.close();
    await a.close();
  });

  it('the host that reads a FEEDS address polls the feed before it lets go of the lease, so no other host reads it again', async () => {
    const polledWhenReleased: boolean[] = [];
    const watchRelease = (store: Store): Store['feeds'] =>
      Object.assign(Object.create(store.feeds) as Store['feeds'], {
        release: async (url: string, owner: string) => {
          polledWhenReleased.push(Boolean((await store.feeds.get(url))?.lastSuccessAt));
          return store.feeds.release!(url, owner);
        },
      });
    const a = await start(path.join(dir, 'b.db'), [site.feedUrl], { owner: 'host-a', feeds: watchRelease });
    a.sources.start();
    await until('the first lease released', () => (polledWhenReleased.length ? true : null), 10_000);
    expect(polledWhenReleased[0]).toBe(true);
    await a.close();
  });

  it("lets a server see the shared feeds and its own, never another server's", async () => {
    const other = new NewsSite(server, 'Other News', '/b');
    const shared = await start(path.join(dir, 'b.db'), [site.feedUrl]);
    site.add({ id: 'tram', title: 'Council approves the tram line', date: recent(), description: 'Teaser.', page: story('the tram line') });
    other.add({ id: 'secret', title: 'Private club elects a new chair', date: recent(), description: 'Only for guild B.', page: null });
    const added = await shared.sources.add('guild-b', server.url('/b/feed.xml'));
    expect(added).toMatchObject({ ok: true, source: { scope: 'server' } });
    await shared.sources.pollAll();
    const scopeA = shared.sources.scopeFor('guild-a');
    const scopeB = shared.sources.scopeFor('guild-b');
    const titles = async (scope: typeof scopeA) => (await shared.library.search('private club', { scope })).map((h) => h.title);
    expect(await titles(scopeA)).toEqual([]);
    expect(await titles(scopeB)).toEqual(['Private club elects a new chair']);
    // Unscoped (the CLI, a bot without feeds) sees everything.
    expect(await shared.library.search('private club')).toHaveLength(1);
    expect(await shared.library.search('tram line', { scope: scopeA })).toHaveLength(1);
    expect((await shared.library.brief({ scope: scopeA })).items.map((i) => i.title)).toEqual(['Council approves the tram line']);
    expect((await shared.library.quotes({ scope: scopeA })).every((q) => q.articleTitle !== 'Private club elects a new chair')).toBe(true);
    expect(shared.library.suggest('title', 'priv', 10, scopeA)).toEqual([]);
    expect(shared.library.suggest('title', 'priv', 10, scopeB)).toHaveLength(1);
    expect((await shared.library.findArticle('Private club elects a new chair', scopeA))?.title).not.toBe('Private club elects a new chair');
    expect((await shared.library.findArticle('Private club elects a new chair', scopeB))?.title).toBe('Private club elects a new chair');
    const listA = await shared.sources.list('guild-a');
    expect(listA.map((s) => [s.url, s.scope])).toEqual([[site.feedUrl, 'shared']]);
    const listB = await shared.sources.list('guild-b');
    expect(listB.map((s) => s.scope)).toEqual(['shared', 'server']);
    expect(listB[1].status).toMatch(/^ok · 1 article · fetched/);
    expect(await shared.sources.remove('guild-a', server.url('/b/feed.xml'))).toBe(false);
    expect(await shared.sources.remove('guild-b', server.url('/b/feed.xml'))).toBe(true);
    expect(await titles(shared.sources.scopeFor('guild-b'))).toEqual([]);
    await shared.close();
  });

  it('adds a site by its home page (the feed is discovered) and refuses what is not a feed, saying why', async () => {
    const run = await start(path.join(dir, 'b.db'), []);
    const added = await run.sources.add('guild-a', server.url('/'));
    expect(added).toMatchObject({ ok: true, discoveredFrom: server.url('/'), source: { url: site.feedUrl } });
    expect(await run.sources.add('guild-a', site.feedUrl)).toMatchObject({ ok: true, alreadyAdded: true });
    server.route('/plain', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>No feed here</body></html>');
    });
    const refused = await run.sources.add('guild-a', server.url('/plain'));
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('does not link to a feed') });
    expect(await run.sources.add('guild-a', 'ftp://news.example/feed')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('http and https'),
    });
    await run.close();
  });

  it('follows the feed a shared home page links to, and keeps following it after a restart', async () => {
    site.add({ id: 'tram', title: 'Council approves the tram line', date: recent(), description: 'Teaser.', page: story('the tram line') });
    const file = path.join(dir, 'b.db');
    const first = await start(file, [server.url('/')]);
    const [outcome] = await first.sources.pollAll();
    expect(outcome).toMatchObject({ url: site.feedUrl, status: 'ok', new: 1 });
    expect([...first.sources.visibleFeeds('guild-a')]).toEqual([site.feedUrl]);
    await first.close();
    const second = await start(file, [server.url('/')]);
    expect((await second.sources.list('guild-a')).map((s) => s.url)).toEqual([site.feedUrl]);
    await second.close();
  });

  it('stores items older than the briefing window as searchable backlog, never briefed', async () => {
    site.add({ id: 'old', title: 'Archive story about the canal', date: '2020-01-01T08:00:00.000Z', description: 'Old.', page: story('the canal') });
    const run = await start(path.join(dir, 'b.db'), [site.feedUrl]);
    await run.sources.pollAll();
    expect(await run.library.search('canal')).toHaveLength(1);
    expect((await run.library.brief()).items).toEqual([]);
    await run.close();
  });
});
