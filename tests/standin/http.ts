// The HTTP side: parsing requests (JSON or multipart with payload_json), routing, auth,
// injected failures, and the request log.
import * as http from 'node:http';
import type { FailureSpec, Json, RecordedRequest } from './types';
import { sleep } from './waiter';

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Json;
  files: string[];
  authorized: boolean;
  /** Set by handlers that belong to an interaction, so its record can list rejected requests. */
  interactionToken?: string;
}

export interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

export const API_PREFIX = '/api/v10';

export class Router {
  private routes: Route[] = [];

  add(method: string, path: string, handler: Handler, opts: { auth?: boolean } = {}): void {
    const keys: string[] = [];
    const source = path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_m, k: string) => {
      keys.push(k);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, auth: opts.auth ?? true, handler });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = m[i + 1]));
      return { route, params };
    }
    return null;
  }
}

interface ArmedFailure extends FailureSpec {
  remaining: number;
}

export interface HttpDeps {
  router: Router;
  token: () => string;
  log: (line: string) => void;
  onRecorded: (r: RecordedRequest, ctx: RequestContext | null, reply: Reply) => void;
}

export class ApiServer {
  readonly server: http.Server;
  readonly requests: RecordedRequest[] = [];
  readonly unhandled: RecordedRequest[] = [];
  private failures: ArmedFailure[] = [];
  private pending = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: HttpDeps) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        // A body the stand-in cannot parse is the client's fault, as on Discord: 400, never a crash.
        this.deps.log(`rest: cannot handle ${req.method} ${req.url}: ${error.message}`);
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: '400: Bad Request', code: 0 }));
        }
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  failNext(spec: FailureSpec): void {
    this.failures.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clearFailures(): void {
    this.failures = [];
  }

  private takeFailure(method: string, path: string): ArmedFailure | null {
    const f = this.failures.find(
      (x) =>
        x.remaining > 0 && (!x.method || x.method.toUpperCase() === method) && (typeof x.path === 'string' ? x.path === path : x.path.test(path)),
    );
    if (!f) return null;
    f.remaining--;
    if (f.remaining <= 0) this.failures = this.failures.filter((x) => x !== f);
    return f;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const { body, files } = await parseBody(raw, String(req.headers['content-type'] ?? ''));
    const query = Object.fromEntries(url.searchParams.entries());
    // discord.js percent-encodes segments (@original arrives as %40original); routes match decoded segments.
    let path = url.pathname.split('/').map(safeDecode).join('/');
    const versioned = path.startsWith(API_PREFIX + '/');
    if (versioned) path = path.slice(API_PREFIX.length);
    else if (path.startsWith('/api/')) path = path.slice('/api'.length);
    const authorized = req.headers.authorization === `Bot ${this.deps.token()}`;
    const record: RecordedRequest = { method, path, query, body, files, authorized, status: 0, injected: false, at: Date.now() };
    this.deps.log(`rest ← ${method} ${url.pathname}${url.search}`);

    const matched = this.match(method, path);
    const ctx: RequestContext | null = matched ? { method, path, params: matched.params, query, body, files, authorized } : null;
    const failure = this.takeFailure(method, path);
    let reply: Reply;
    if (failure?.delayMs) await this.delay(failure.delayMs);
    if (failure && failure.status !== undefined) {
      record.injected = true;
      if (failure.effect === 'apply' && ctx && matched) await this.run(matched.route.handler, ctx);
      reply = failureReply(failure);
    } else if (!matched || !ctx) {
      reply = { status: 404, body: { message: '404: Not Found', code: 0 } };
      this.unhandled.push(record);
    } else if (matched.route.auth && !authorized) {
      reply = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    } else {
      reply = await this.run(matched.route.handler, ctx);
    }
    record.status = reply.status;
    this.requests.push(record);
    this.deps.onRecorded(record, ctx, reply);
    this.deps.log(`rest → ${reply.status} ${method} ${path}`);
    if (res.destroyed) return;
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status === 200 && reply.body === undefined ? 204 : reply.status, headers);
      res.end();
      return;
    }
    headers['content-type'] = 'application/json';
    res.writeHead(reply.status, headers);
    res.end(JSON.stringify(reply.body));
  }

  private match(method: string, path: string) {
    return this.deps.router.match(method, path);
  }

  private async run(handler: Handler, ctx: RequestContext): Promise<Reply> {
    try {
      return await handler(ctx);
    } catch (error) {
      this.deps.log(`rest handler error: ${(error as Error).stack}`);
      return { status: 500, body: { message: `stand-in handler error: ${(error as Error).message}`, code: 0 } };
    }
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.pending.delete(t);
        resolve();
      }, ms);
      this.pending.add(t);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port));
    });
  }

  async close(): Promise<void> {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function failureReply(f: FailureSpec): Reply {
  const status = f.status as number;
  const headers: Record<string, string> = {};
  let body: Json = f.body;
  if (status === 429) {
    const retryAfter = f.retryAfter ?? 0.25;
    const global = f.global ?? false;
    const scope = f.scope ?? (global ? 'global' : 'user');
    Object.assign(headers, {
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': scope,
    });
    if (global) headers['x-ratelimit-global'] = 'true';
    else
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() / 1000 + retryAfter).toFixed(3)),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': 'standin-bucket',
      });
    body ??= { message: 'You are being rate limited.', retry_after: retryAfter, global, ...(global ? {} : {}) };
  } else {
    body ??= defaultErrorBody(status);
  }
  return { status, body, headers: { ...headers, ...(f.headers ?? {}) } };
}

function defaultErrorBody(status: number): Json {
  switch (status) {
    case 400:
      return { message: 'Invalid Form Body', code: 50035, errors: {} };
    case 401:
      return { message: '401: Unauthorized', code: 0 };
    case 403:
      return { message: 'Missing Permissions', code: 50013 };
    case 404:
      return { message: 'Unknown Channel', code: 10003 };
    case 500:
      return { message: '500: Internal Server Error', code: 0 };
    case 502:
      return { message: '502: Bad Gateway', code: 0 };
    case 503:
      return { message: '503: Service Unavailable', code: 0 };
    default:
      return { message: `${status}: Error`, code: 0 };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: Json; files: string[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // discord.js sends files as multipart with the JSON in payload_json; the platform's own parser reads it.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const files: string[] = [];
    let body: Json = null;
    form.forEach((value, key) => {
      if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value);
      else if (typeof value !== 'string') files.push((value as File).name);
    });
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

export { sleep };
