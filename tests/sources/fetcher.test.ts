import * as zlib from 'node:zlib';
import { FetchError } from '../../src/sources/http/errors';
import { FEED_MAX_BYTES, HttpFetcher, PAGE_MAX_BYTES } from '../../src/sources/http/fetcher';
import { fixture, serve, startFeedServer, type FeedServer } from './feed-server';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(() => server.close());

const loopback = (opts: ConstructorParameters<typeof HttpFetcher>[0] = {}) =>
  new HttpFetcher({ allowPrivateNetwork: true, timeoutMs: 10_000, ...opts });
const get = (f: HttpFetcher, path: string, extra: object = {}) => f.fetch({ url: server.url(path), maxBytes: FEED_MAX_BYTES, ...extra });

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    return e as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('the polite fetcher', () => {
  it('names briefbot and its version, and asks for compressed bodies', async () => {
    server.route('/feed', serve(fixture('rss2.xml'), 'application/rss+xml'));
    const res = await get(loopback(), '/feed');
    expect(res.status).toBe('ok');
    const headers = server.requests[0].headers;
    expect(headers['user-agent']).toBe('briefbot/0.1.0');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends validators back and reads a 304 as "not modified"; never sends an empty validator', async () => {
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, {
        etag: '"v1"',
        'last-modified': 'Tue, 10 Jun 2025 04:00:00 GMT',
        'content-type': 'application/rss+xml',
      });
      res.end(fixture('rss2.xml'));
    });
    const f = loopback();
    const first = await get(f, '/feed', { etag: '', lastModified: '  ' });
    expect(server.requests[0].headers).not.toHaveProperty('if-none-match');
    expect(server.requests[0].headers).not.toHaveProperty('if-modified-since');
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Tue, 10 Jun 2025 04:00:00 GMT' });
    const second = await get(f, '/feed', { etag: first.etag, lastModified: first.lastModified });
    expect(second.status).toBe('not-modified');
    expect(server.requests[1].headers['if-modified-since']).toBe('Tue, 10 Jun 2025 04:00:00 GMT');
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ])('decompresses %s', async (encoding, compress) => {
    const body = fixture('atom.xml');
    server.route('/feed', serve(compress(body), 'application/atom+xml', { 'content-encoding': encoding }));
    const res = await get(loopback(), '/feed');
    expect(res.status === 'ok' && res.body.equals(body)).toBe(true);
  });

  it('exposes Cache-Control max-age, and Retry-After on a 429', async () => {
    server.route('/feed', serve('<rss/>', 'application/rss+xml', { 'cache-control': 'public, max-age=1800' }));
    server.route('/busy', (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end());
    expect((await get(loopback(), '/feed')).maxAgeSeconds).toBe(1800);
    const e = await failure(get(loopback(), '/busy'));
    expect(e).toMatchObject({ code: 'http-status', status: 429, message: 'HTTP 429: the site says we asked too often' });
    expect(e.details.retryAfterSeconds).toBe(120);
  });

  it.each([
    [404, 'HTTP 404: not found'],
    [410, 'HTTP 410: the site says this address is gone for good'],
    [500, 'HTTP 500: the site had an internal error'],
    [302, 'HTTP 302: a redirect without a usable destination'],
    [418, 'HTTP 418: the site refused the request'],
  ])('turns HTTP %i into a sentence', async (status, message) => {
    server.route('/feed', (_req, res) => void res.writeHead(status).end('oops'));
    expect(await failure(get(loopback(), '/feed'))).toMatchObject({ code: 'http-status', status, message });
  });
});

describe('redirects', () => {
  const redirect =
    (to: string, status = 301) =>
    (_req: unknown, res: import('node:http').ServerResponse) =>
      void res.writeHead(status, { location: to }).end();

  it('follows up to five, relative locations included, and reports the final URL', async () => {
    for (let i = 0; i < 5; i++) server.route(`/r${i}`, redirect(i % 2 ? server.url(`/r${i + 1}`) : `/r${i + 1}`, [301, 302, 303, 307, 308][i]));
    server.route('/r5', serve(fixture('rss2.xml'), 'application/rss+xml'));
    const res = await get(loopback(), '/r0');
    expect(res.url).toBe(server.url('/r5'));
  });

  it('stops after five', async () => {
    for (let i = 0; i < 6; i++) server.route(`/r${i}`, redirect(`/r${i + 1}`));
    server.route('/r6', serve('<rss/>', 'application/rss+xml'));
    expect(await failure(get(loopback(), '/r0'))).toMatchObject({ code: 'too-many-redirects' });
    expect(server.hits('/r6')).toBe(0);
  });

  it('names a redirect loop', async () => {
    server.route('/a', redirect('/b'));
    server.route('/b', redirect('/a'));
    const e = await failure(get(loopback(), '/a'));
    expect(e.code).toBe('redirect-loop');
    expect(e.message).toBe(`redirect loop: ${server.url('/b')} leads back to ${server.url('/a')}`);
  });

  it('refuses a redirect to anything but http or https', async () => {
    server.route('/a', redirect('file:///etc/passwd'));
    expect(await failure(get(loopback(), '/a'))).toMatchObject({
      code: 'bad-url',
      message: 'only http and https addresses are fetched, not file',
    });
  });
});

describe('size caps and deadlines', () => {
  it('stops a 50 MB body at the cap while it streams', async () => {
    let sent = 0;
    server.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const e = await failure(get(loopback(), '/huge'));
    expect(e).toMatchObject({ code: 'too-large', message: 'the response is larger than the 5 MB limit' });
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('caps a page at 3 MB (a feed may be 5 MB)', async () => {
    server.route('/page', serve(Buffer.alloc(4 * 1024 * 1024, 'p'), 'text/html'));
    const f = loopback();
    expect((await get(f, '/page')).status).toBe('ok');
    const e = await failure(f.fetch({ url: server.url('/page'), maxBytes: PAGE_MAX_BYTES }));
    expect(e.message).toBe('the response is larger than the 3 MB limit');
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    server.route('/big', (_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('x');
    });
    expect(await failure(get(loopback(), '/big'))).toMatchObject({ code: 'too-large' });
  });

  it('caps a gzip bomb on its decompressed size', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024)); // 100 MB of zeros, ~100 KB on the wire
    expect(bomb.length).toBeLessThan(200 * 1024);
    server.route('/bomb', serve(bomb, 'application/rss+xml', { 'content-encoding': 'gzip' }));
    const before = process.memoryUsage().rss;
    expect(await failure(get(loopback(), '/bomb'))).toMatchObject({ code: 'too-large' });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('gives up on a server that never answers', async () => {
    server.route('/silent', () => undefined);
    const started = Date.now();
    expect(await failure(get(loopback({ timeoutMs: 200 }), '/silent'))).toMatchObject({
      code: 'timeout',
      message: 'no complete answer within 200 ms',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that never finishes', async () => {
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel><title>never ends');
    });
    expect(await failure(get(loopback({ timeoutMs: 200 }), '/trickle'))).toMatchObject({ code: 'timeout' });
  });
});

describe('at most two requests at a time per host', () => {
  it('queues the third', async () => {
    let active = 0;
    let peak = 0;
    server.route('/slow', (_req, res) => {
      active++;
      peak = Math.max(peak, active);
      setTimeout(() => {
        active--;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, 150);
    });
    const f = loopback();
    await Promise.all(Array.from({ length: 5 }, () => get(f, '/slow')));
    expect(peak).toBe(2);
    expect(server.hits('/slow')).toBe(5);
  });
});

describe('private addresses are refused unless allowed', () => {
  const strict = () => new HttpFetcher({ timeoutMs: 10_000 });

  it('refuses the loopback server by literal IP and never connects', async () => {
    server.route('/feed', serve('<rss/>', 'application/rss+xml'));
    const e = await failure(get(strict(), '/feed'));
    expect(e.code).toBe('blocked-address');
    expect(e.message).toMatch(/^refused to fetch from 127\.0\.0\.1:\d+: it is a loopback address \(set ALLOW_PRIVATE_NETWORK=true/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    const port = new URL(server.url('/')).port;
    const e = await failure(strict().fetch({ url: `http://localhost:${port}/feed`, maxBytes: 1000 }));
    expect(e.code).toBe('blocked-address');
    expect(e.message).toMatch(/it resolves to a private, loopback or reserved address/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['http://10.1.2.3/', 'a private address'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address'],
    ['http://100.64.0.1/', 'a carrier-grade NAT address'],
    ['http://[::1]/', 'a loopback address'],
    ['http://[::ffff:192.168.0.1]/', 'an IPv4-mapped private address'],
    ['http://[fd00::1]/', 'a private (unique local) address'],
    ['http://2130706433/', 'a loopback address'],
    ['http://0x7f.1/', 'a loopback address'],
  ])('refuses %s as %s', async (url, why) => {
    const e = await failure(strict().fetch({ url, maxBytes: 1000 }));
    expect(e.message).toContain(`it is ${why}`);
  });

  it('checks every redirect hop: an allowed host cannot bounce the fetch to another private address', async () => {
    const port = new URL(server.url('/')).port;
    server.route('/bounce', (_req, res) => void res.writeHead(302, { location: `http://127.0.0.2:${port}/secret` }).end());
    const onlyThisServer = new HttpFetcher({ timeoutMs: 10_000, allowAddresses: ['127.0.0.1'] });
    const e = await failure(get(onlyThisServer, '/bounce'));
    expect(e.message).toBe(
      `refused to fetch from 127.0.0.2:${port}: it is a loopback address (set ALLOW_PRIVATE_NETWORK=true to allow feeds on your own network)`,
    );
    expect(server.hits('/secret')).toBe(0);
  });

  it('allows them with allowPrivateNetwork (ALLOW_PRIVATE_NETWORK=true)', async () => {
    server.route('/feed', serve('<rss/>', 'application/rss+xml'));
    expect((await get(loopback(), '/feed')).status).toBe('ok');
  });
});
