import { createHash } from 'node:crypto';
import type { ServerResponse, IncomingMessage } from 'node:http';
import { HttpFetcher } from '../../src/sources/http/fetcher';
import { FeedPoller, type PollerOptions } from '../../src/sources/feeds/poller';
import { CollectingSink, type FeedItemSink } from '../../src/sources/feeds/ports';
import { InMemoryFeedStateStore } from '../../src/sources/feeds/state';
import { describeFeedState } from '../../src/sources/feeds/status';
import { resolveFeed } from '../../src/sources/feeds/discover';
import { fixture, serve, startFeedServer, type FeedServer } from './feed-server';

interface Story {
  guid?: string;
  title?: string;
  link?: string;
  date?: string;
  body?: string;
}

// Headlines from the BBC News summary corpus (business).
const STORIES: Story[] = [
  {
    guid: 'b1',
    title: 'Ad sales boost Time Warner profit',
    link: '/b1',
    date: 'Mon, 09 Jun 2025 08:00:00 GMT',
    body: 'Quarterly profits at US media giant TimeWarner jumped 76%.',
  },
  {
    guid: 'b2',
    title: 'Dollar gains on Greenspan speech',
    link: '/b2',
    date: 'Mon, 09 Jun 2025 09:00:00 GMT',
    body: 'The dollar has hit its highest level against the euro in almost three months.',
  },
  {
    guid: 'b3',
    title: 'Yukos unit buyer faces loan claim',
    link: '/b3',
    date: 'Mon, 09 Jun 2025 10:00:00 GMT',
    body: 'The owners of embattled Russian oil giant Yukos are to ask the buyer to pay back a loan.',
  },
];

function rss(stories: Story[]): string {
  const items = stories
    .map((s) =>
      [
        '<item>',
        s.guid ? `<guid isPermaLink="false">${s.guid}</guid>` : '',
        s.title ? `<title>${s.title}</title>` : '',
        s.link ? `<link>${s.link}</link>` : '',
        s.date ? `<pubDate>${s.date}</pubDate>` : '',
        s.body ? `<description>${s.body}</description>` : '',
        '</item>',
      ].join(''),
    )
    .reverse() // feeds list newest first
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Business</title><link>https://news.example/</link>${items}</channel></rss>`;
}

/** A feed whose document the test changes between polls; answers 304 to a matching ETag. */
function liveFeed(initial: string) {
  const feed = { doc: initial, headers: {} as Record<string, string> };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const etag = `"${createHash('sha1').update(feed.doc).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, ...feed.headers });
    res.end(feed.doc);
  };
  return { feed, handler };
}

const START = Date.parse('2025-06-10T12:00:00Z');
const MIN = 60_000;

let server: FeedServer;
let now: number;
let sink: CollectingSink;
let states: InMemoryFeedStateStore;
let logs: Array<{ level: string; msg: string }>;

function poller(extra: Partial<PollerOptions> = {}): FeedPoller {
  const logger = {
    info: (_o: object, msg: string) => logs.push({ level: 'info', msg }),
    warn: (_o: object, msg: string) => logs.push({ level: 'warn', msg }),
    error: (_o: object, msg: string) => logs.push({ level: 'error', msg }),
  };
  return new FeedPoller({
    fetcher: new HttpFetcher({ allowPrivateNetwork: true, timeoutMs: 10_000 }),
    states,
    sink,
    logger,
    intervalSeconds: 900,
    clock: () => now,
    random: () => 0.5, // no jitter: backoff is exactly 5 min × 2^n
    ...extra,
  });
}

beforeEach(async () => {
  server = await startFeedServer();
  now = START;
  sink = new CollectingSink();
  states = new InMemoryFeedStateStore();
  logs = [];
});
afterEach(() => server.close());

const titles = () => sink.changes.map((c) => `${c.kind}:${c.item.title}`);

describe('polling a healthy feed', () => {
  it('stores every item of a new feed (oldest first), then asks conditionally and gets 304 once per interval', async () => {
    const { handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const p = poller();
    const first = await p.pollFeed(server.url('/feed'));
    expect(first).toMatchObject({ status: 'ok', new: 3, updated: 0, unchanged: 0 });
    expect(titles()).toEqual(STORIES.map((s) => `new:${s.title}`));
    expect(sink.batches[0].feed).toMatchObject({ title: 'Business', format: 'rss', homeUrl: 'https://news.example/' });

    expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ status: 'not-due' });
    expect(server.hits('/feed')).toBe(1);

    now += 15 * MIN;
    expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ status: 'not-modified' });
    expect(server.requests[1].headers['if-none-match']).toMatch(/^"[0-9a-f]{12}"$/);
    expect(sink.batches).toHaveLength(1);
  });

  it('survives a restart: a new poller on the same state asks conditionally, gets 304 and hands on nothing again', async () => {
    const { handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    await poller().pollFeed(server.url('/feed'));
    now += 15 * MIN;
    const restarted = poller();
    expect(await restarted.pollFeed(server.url('/feed'))).toMatchObject({ status: 'not-modified' });
    expect(sink.changes).toHaveLength(3);
  });

  it('hands on only the items a feed gained between polls', async () => {
    const { feed, handler } = liveFeed(rss(STORIES.slice(0, 2)));
    server.route('/feed', handler);
    const p = poller();
    await p.pollFeed(server.url('/feed'));
    feed.doc = rss(STORIES);
    now += 15 * MIN;
    expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ status: 'ok', new: 1, unchanged: 2 });
    expect(titles().slice(2)).toEqual(['new:Yukos unit buyer faces loan claim']);
  });

  it('makes nothing new when a publisher rewrites every date on each poll', async () => {
    const { feed, handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const p = poller();
    await p.pollFeed(server.url('/feed'));
    for (let round = 1; round <= 3; round++) {
      feed.doc = rss(STORIES.map((s) => ({ ...s, date: new Date(START + round * 3600_000).toUTCString() })));
      now += 15 * MIN;
      expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ status: 'ok', new: 0, updated: 0, unchanged: 3 });
    }
    expect(sink.changes).toHaveLength(3);
  });

  it('updates an item in place when it is retitled or its text changes', async () => {
    const { feed, handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const p = poller();
    await p.pollFeed(server.url('/feed'));
    feed.doc = rss([{ ...STORIES[0], title: 'Time Warner profit jumps 76%' }, { ...STORIES[1], body: 'Corrected: the dollar rose.' }, STORIES[2]]);
    now += 15 * MIN;
    expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ new: 0, updated: 2, unchanged: 1 });
    const updates = sink.changes.slice(3);
    expect(updates.map((c) => [c.kind, c.item.id])).toEqual([
      ['updated', 'b1'],
      ['updated', 'b2'],
    ]);
  });

  it('keeps an item whose guid changes (same link, new tracking noise) as the same article, with a warning', async () => {
    const { feed, handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const p = poller();
    await p.pollFeed(server.url('/feed'));
    feed.doc = rss(
      STORIES.map((s) => ({
        ...s,
        guid: `${s.guid}-v2`,
        link: `${s.link}?utm_source=rss&utm_campaign=${Date.now()}#xtor=RSS-3`,
      })),
    );
    now += 15 * MIN;
    const second = await p.pollFeed(server.url('/feed'));
    expect(second).toMatchObject({ status: 'ok', new: 0, unchanged: 3 });
    expect(second.warnings).toContain('3 item(s) changed their guid but kept their link; kept as the same articles');
    expect(logs.some((l) => l.level === 'warn' && /changed their guid/.test(l.msg))).toBe(true);
  });

  it('fetches a feed listed several times (by several servers) once', async () => {
    const { handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const url = server.url('/feed');
    const outcomes = await poller().pollDue([url, url, ` ${url} `, url.replace('127.0.0.1', '127.0.0.1')]);
    expect(outcomes).toHaveLength(1);
    expect(server.hits('/feed')).toBe(1);
  });

  it('waits for Cache-Control max-age when it is longer than the interval (up to an hour)', async () => {
    const { feed, handler } = liveFeed(rss(STORIES));
    feed.headers = { 'cache-control': 'max-age=7200' };
    server.route('/feed', handler);
    await poller().pollFeed(server.url('/feed'));
    expect((await states.get(server.url('/feed')))!.nextDueAt).toBe(new Date(START + 60 * MIN).toISOString());
  });

  it('offers the items again when the sink fails, and keeps the old validators so the feed is not skipped as 304', async () => {
    const { handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    let fail = true;
    const flaky: FeedItemSink = {
      onItems: async (feed, changes) => {
        if (fail) throw new Error('disk full');
        await sink.onItems(feed, changes);
      },
    };
    const p = poller({ sink: flaky });
    const first = await p.pollFeed(server.url('/feed'));
    expect(first).toMatchObject({
      status: 'failed',
      reason: 'the new items could not be stored; they will be tried again on the next poll',
    });
    const state = (await states.get(server.url('/feed')))!;
    expect(state).toMatchObject({ etag: null, failures: 0 });
    fail = false;
    now += 15 * MIN;
    expect(await p.pollFeed(server.url('/feed'))).toMatchObject({ status: 'ok', new: 3 });
    expect(server.requests[1].headers).not.toHaveProperty('if-none-match');
  });
});

describe('a feed that fails', () => {
  it('backs off 5 min × 2^n, honours Retry-After, keeps the reason, and disables the feed after 3 days', async () => {
    server.route('/feed', (_req, res) => void res.writeHead(500).end());
    const p = poller();
    const url = server.url('/feed');
    expect(await p.pollFeed(url)).toMatchObject({ status: 'failed', reason: 'HTTP 500: the site had an internal error' });
    let state = (await states.get(url))!;
    expect(state).toMatchObject({ failures: 1, lastError: 'HTTP 500: the site had an internal error', disabledReason: null });
    expect(state.nextDueAt).toBe(new Date(START + 5 * MIN).toISOString());
    expect(describeFeedState(state, now)).toBe('failing (1×): HTTP 500: the site had an internal error; next try in 5 min');

    now += 5 * MIN;
    await p.pollFeed(url);
    state = (await states.get(url))!;
    expect(Date.parse(state.nextDueAt!) - now).toBe(10 * MIN);

    server.route('/feed', (_req, res) => void res.writeHead(503, { 'retry-after': '3600' }).end());
    now += 10 * MIN;
    await p.pollFeed(url);
    state = (await states.get(url))!;
    expect(Date.parse(state.nextDueAt!) - now).toBe(60 * MIN);

    now = START + 3 * 24 * 3600_000;
    const last = await p.pollFeed(url);
    expect(last.status).toBe('disabled');
    expect(last.reason).toBe('disabled after 4 failed polls over 3 days: HTTP 503: the site is unavailable');
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toContain(`feed ${url} disabled: HTTP 503: the site is unavailable`);

    const hits = server.hits('/feed');
    now += 24 * 3600_000;
    expect(await p.pollFeed(url)).toMatchObject({ status: 'disabled' });
    expect(server.hits('/feed')).toBe(hits);

    server.route('/feed', serve(rss(STORIES), 'application/rss+xml'));
    await p.enable(url);
    expect(await p.pollFeed(url)).toMatchObject({ status: 'ok', new: 3 });
    expect(describeFeedState((await states.get(url))!, now)).toBe('ok, checked 0 min ago');
  });

  it('disables a feed at once when the site says it is gone (410)', async () => {
    server.route('/gone', (_req, res) => void res.writeHead(410).end());
    expect(await poller().pollFeed(server.url('/gone'))).toMatchObject({
      status: 'disabled',
      reason: 'disabled: HTTP 410: the site says this address is gone for good',
    });
  });

  it('resets the count after a good poll', async () => {
    const { feed, handler } = liveFeed(rss(STORIES));
    let broken = true;
    server.route('/feed', (req, res) => (broken ? void res.writeHead(502).end() : handler(req, res)));
    const p = poller();
    await p.pollFeed(server.url('/feed'));
    broken = false;
    feed.doc = rss(STORIES);
    now += 5 * MIN;
    await p.pollFeed(server.url('/feed'));
    expect(await states.get(server.url('/feed'))).toMatchObject({ failures: 0, firstFailureAt: null, lastError: null });
  });
});

describe('every bad case leaves a reason in the feed state and a log line', () => {
  const neverEnds = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<rss version="2.0"><channel><title>still sending');
  };
  const loopA = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(301, { location: '/loop-b' }).end();
  const loopB = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(301, { location: '/loop-a' }).end();

  it.each<[string, (s: FeedServer) => void, RegExp]>([
    ['malformed XML', (s) => s.route('/f', serve(fixture('malformed.xml'), 'application/xml')), /^the feed is not well-formed XML/],
    [
      'HTML served as a feed',
      (s) => s.route('/f', serve(fixture('home.html'), 'text/html')),
      /^the address serves a web page \(HTML\), not a feed; the page links to the feed https:\/\/news\.example\/feeds\/all\.rss$/,
    ],
    ['an empty body', (s) => s.route('/f', serve(fixture('empty.xml'), 'application/rss+xml')), /^the feed is empty/],
    ['404', (s) => s.route('/f', (_q, r) => void r.writeHead(404).end()), /^HTTP 404: not found$/],
    ['a timeout', (s) => s.route('/f', () => undefined), /^no complete answer within 300 ms$/],
    ['a body that never finishes', (s) => s.route('/f', neverEnds), /^no complete answer within 300 ms$/],
    [
      'a redirect loop',
      (s) => {
        s.route('/f', loopA);
        s.route('/loop-a', loopA);
        s.route('/loop-b', loopB);
      },
      /^redirect loop: /,
    ],
    [
      'a 50 MB body',
      (s) =>
        s.route('/f', (_q, r) => {
          r.writeHead(200);
          r.end(Buffer.alloc(50 * 1024 * 1024, 'x'));
        }),
      /^the response is larger than the 5 MB limit$/,
    ],
  ])('%s', async (name, setup, reason) => {
    setup(server);
    const url = server.url('/f');
    // Only the deadline cases get a short deadline; the others must not time out on a busy machine.
    const timeoutMs = /timeout|never finishes/.test(name) ? 300 : 10_000;
    const result = await poller({ fetcher: new HttpFetcher({ allowPrivateNetwork: true, timeoutMs }) }).pollFeed(url);
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(reason);
    const state = (await states.get(url))!;
    expect(state.lastError).toMatch(reason);
    expect(describeFeedState(state, now)).toContain(state.lastError);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toContain(`feed ${url} failed: ${state.lastError}`);
    expect(sink.changes).toEqual([]);
  });

  it('an empty feed and odd items are not failures: they are warnings', async () => {
    server.route('/empty', serve(fixture('no-items.xml'), 'application/rss+xml'));
    server.route('/odd', serve(fixture('rss2.xml'), 'application/rss+xml'));
    const p = poller();
    const empty = await p.pollFeed(server.url('/empty'));
    expect(empty).toMatchObject({ status: 'ok', new: 0, warnings: ['the feed has no items'] });
    const odd = await p.pollFeed(server.url('/odd'));
    expect(odd).toMatchObject({ status: 'ok', new: 4 });
    expect(odd.warnings[0]).toMatch(/repeated an id/);
    expect(describeFeedState((await states.get(server.url('/odd')))!, now)).toMatch(/^ok, checked 0 min ago \(1 item\(s\) repeated an id/);
  });

  it('one broken feed does not stop the others', async () => {
    server.route('/bad', serve('<html><body>nope</body></html>', 'text/html'));
    server.route('/good', serve(rss(STORIES), 'application/rss+xml'));
    const outcomes = await poller().pollDue([server.url('/bad'), server.url('/good')]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'ok']);
    expect(sink.changes).toHaveLength(3);
  });
});

describe('feeds in other encodings, through the poller', () => {
  it('reads windows-1251 and ISO-8859-1 feeds', async () => {
    server.route('/cyr', serve(fixture('cp1251.xml'), 'application/rss+xml; charset=windows-1251'));
    server.route('/latin', serve(fixture('latin1.xml'), 'application/rss+xml'));
    await poller().pollDue([server.url('/cyr'), server.url('/latin')]);
    expect(sink.changes.map((c) => c.item.title).sort()).toEqual(['Café prices rise in München', 'Рынок акций вырос']);
  });
});

describe('finding a feed from a home page', () => {
  it('follows the page’s rel=alternate link to the feed', async () => {
    const page = `<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="/feeds/atom"></head><body>Home</body></html>`;
    server.route('/', serve(page, 'text/html; charset=utf-8'));
    server.route('/feeds/atom', serve(fixture('atom.xml'), 'application/atom+xml'));
    const found = await resolveFeed(new HttpFetcher({ allowPrivateNetwork: true }), server.url('/'));
    expect(found).toMatchObject({ feedUrl: server.url('/feeds/atom'), discovered: true });
    expect(found.feed.items).toHaveLength(2);
  });

  it('says when a page links to no feed', async () => {
    server.route('/', serve('<!doctype html><html><head><title>x</title></head></html>', 'text/html'));
    await expect(resolveFeed(new HttpFetcher({ allowPrivateNetwork: true }), server.url('/'))).rejects.toThrow(
      /is a web page that does not link to a feed/,
    );
  });
});

describe('running on a timer', () => {
  it('polls due feeds each tick until stopped', async () => {
    const { handler } = liveFeed(rss(STORIES));
    server.route('/feed', handler);
    const p = poller({ clock: Date.now, intervalSeconds: 0.05 });
    p.start(() => [server.url('/feed')], 20);
    while (server.hits('/feed') < 3) await new Promise((r) => setTimeout(r, 10));
    await p.stop();
    const hits = server.hits('/feed');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.hits('/feed')).toBe(hits);
    expect(sink.changes).toHaveLength(3);
  });
});
