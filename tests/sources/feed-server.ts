// A loopback HTTP server for the feed tests: 127.0.0.1, a random port, routes set per test, every request recorded.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface FeedServer {
  url(pathname: string): string;
  route(pathname: string, handler: Handler): void;
  /** Requests received, in order, with their headers. */
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  hits(pathname: string): number;
  close(): Promise<void>;
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'feeds');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/** Serves bytes with a content type (and optional extra headers). */
export function serve(body: Buffer | string, contentType: string, headers: http.OutgoingHttpHeaders = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: FeedServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path: pathname, headers: req.headers });
    const handler = routes.get(pathname);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    route: (p, h) => void routes.set(p, h),
    requests,
    hits: (p) => requests.filter((r) => r.path === p).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy(); // bodies that never finish keep sockets open
        server.close(() => resolve());
      }),
  };
}
