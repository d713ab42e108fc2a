// The polite fetcher: node:http/https behind request-filtering-agent (connect-time address check) plus a literal-IP
// check on every hop, manual redirects, conditional requests, a deadline per request that also covers a body that
// never ends, decompression with a cap on the decompressed size, and at most two requests at a time per host.
import * as http from 'node:http';
import * as https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { forbiddenLiteralReason } from './addresses';
import { readBody, tooLarge } from './body';
import { maxAgeSeconds, retryAfterSeconds, validator } from './cache-headers';
import { FetchError, statusError } from './errors';
import { HostLimiter } from './host-limiter';
import { USER_AGENT } from './user-agent';

export const FEED_MAX_BYTES = 5 * 1024 * 1024;
export const PAGE_MAX_BYTES = 3 * 1024 * 1024;

export interface FetchRequest {
  url: string;
  maxBytes: number;
  /** Validators from the last good response; empty or null ones are never sent. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

interface CacheHints {
  /** The address finally answered, after redirects. */
  url: string;
  etag: string | null;
  lastModified: string | null;
  maxAgeSeconds: number | null;
}

export type FetchResponse = (CacheHints & { status: 'ok'; body: Buffer; contentType: string | null }) | (CacheHints & { status: 'not-modified' });

/** The port the feed poller and the page reader use; HttpFetcher is the real one. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
}

export interface HttpFetcherOptions {
  /** Lifts the private-address rule (ALLOW_PRIVATE_NETWORK=true): intranet feeds, the tests' loopback server. */
  allowPrivateNetwork?: boolean;
  /** Single IP addresses allowed even though private (one intranet host, or the tests' loopback server only). */
  allowAddresses?: string[];
  /** Per request (one hop), covering connect, headers and the whole body. */
  timeoutMs?: number;
  maxRedirects?: number;
  perHost?: number;
  userAgent?: string;
  now?: () => number;
}

type Hop = { kind: 'redirect'; location: string } | { kind: 'done'; response: FetchResponse };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

export class HttpFetcher implements Fetcher {
  private readonly limiter: HostLimiter;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;
  private readonly allowPrivate: boolean;
  private readonly allowAddresses: Set<string>;
  private readonly userAgent: string;
  private readonly now: () => number;

  constructor(options: HttpFetcherOptions = {}) {
    this.allowPrivate = options.allowPrivateNetwork ?? false;
    this.allowAddresses = new Set(options.allowAddresses ?? []);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.limiter = new HostLimiter(options.perHost ?? 2);
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.now = options.now ?? Date.now;
    const filter = {
      allowPrivateIPAddress: this.allowPrivate,
      allowIPAddressList: [...this.allowAddresses],
      allowMetaIPAddress: false,
      keepAlive: false,
    };
    this.httpAgent = new RequestFilteringHttpAgent(filter);
    this.httpsAgent = new RequestFilteringHttpsAgent(filter);
  }

  async fetch(request: FetchRequest): Promise<FetchResponse> {
    let url = this.checkedUrl(request.url, null);
    const visited = new Set<string>();
    for (let redirects = 0; ; redirects++) {
      visited.add(url.href);
      const hop = await this.limiter.run(url.host, () => this.requestOnce(url, request));
      if (hop.kind === 'done') return hop.response;
      const next = this.checkedUrl(hop.location, url);
      if (visited.has(next.href)) {
        throw new FetchError('redirect-loop', `redirect loop: ${url.href} leads back to ${next.href}`, { url: url.href });
      }
      if (redirects + 1 > this.maxRedirects) {
        throw new FetchError('too-many-redirects', `more than ${this.maxRedirects} redirects (last: ${next.href})`, {
          url: url.href,
        });
      }
      url = next;
    }
  }

  /** Parses a URL (relative to the previous hop), allowing only http/https and, unless allowed, public literal IPs. */
  private checkedUrl(raw: string, base: URL | null): URL {
    let url: URL;
    try {
      url = base ? new URL(raw, base) : new URL(raw);
    } catch {
      throw new FetchError('bad-url', `"${raw}" is not a web address`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('bad-url', `only http and https addresses are fetched, not ${url.protocol.replace(':', '')}`, {
        url: url.href,
      });
    }
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const reason = this.allowPrivate || this.allowAddresses.has(literal) ? null : forbiddenLiteralReason(url.hostname);
    if (reason) throw blocked(url.host, `it is ${reason}`);
    return url;
  }

  private headersFor(request: FetchRequest): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {
      'user-agent': this.userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag?.trim()) headers['if-none-match'] = request.etag.trim();
    if (request.lastModified?.trim()) headers['if-modified-since'] = request.lastModified.trim();
    return headers;
  }

  private requestOnce(url: URL, request: FetchRequest): Promise<Hop> {
    const transport = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? this.httpsAgent : this.httpAgent;
    return new Promise<Hop>((resolve, reject) => {
      let timedOut = false;
      const timeoutError = () => new FetchError('timeout', `no complete answer within ${formatSeconds(this.timeoutMs)}`, { url: url.href });
      const req = transport.request(url, { method: 'GET', agent, headers: this.headersFor(request) }, (res) => {
        this.handleResponse(url, res, request).then(resolve, (e: unknown) => reject(timedOut ? timeoutError() : e));
      });
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(timeoutError());
      }, this.timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('error', (e: Error) => reject(timedOut ? timeoutError() : networkError(e, url)));
      req.end();
    });
  }

  private async handleResponse(url: URL, res: http.IncomingMessage, request: FetchRequest): Promise<Hop> {
    const status = res.statusCode ?? 0;
    const hints: CacheHints = {
      url: url.href,
      etag: validator(res.headers, 'etag'),
      lastModified: validator(res.headers, 'last-modified'),
      maxAgeSeconds: maxAgeSeconds(res.headers),
    };
    if (REDIRECTS.has(status) && res.headers.location) {
      res.destroy();
      return { kind: 'redirect', location: res.headers.location };
    }
    if (status === 304) {
      res.destroy();
      return { kind: 'done', response: { ...hints, status: 'not-modified' } };
    }
    if (status < 200 || status >= 300) {
      res.destroy();
      throw statusError(status, url.href, retryAfterSeconds(res.headers, this.now()));
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > request.maxBytes && !res.headers['content-encoding']) {
      res.destroy();
      throw tooLarge(request.maxBytes);
    }
    const body = await readBody(res, request.maxBytes);
    return { kind: 'done', response: { ...hints, status: 'ok', body, contentType: headerText(res.headers['content-type']) } };
  }
}

function headerText(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() ? s.trim() : null;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function blocked(host: string, reason: string): FetchError {
  return new FetchError(
    'blocked-address',
    `refused to fetch from ${host}: ${reason} (set ALLOW_PRIVATE_NETWORK=true to allow feeds on your own network)`,
  );
}

/** Turns socket-level failures into sentences; the agent's "is not allowed" refusal becomes a blocked-address error. */
function networkError(e: Error, url: URL): FetchError {
  if (e instanceof FetchError) return e;
  if (/is not allowed/i.test(e.message)) {
    const why = /meta IP/i.test(e.message) ? 'the unspecified address' : 'a private, loopback or reserved address';
    return blocked(url.host, `it resolves to ${why}`);
  }
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOTFOUND: `the host name ${url.hostname} could not be found`,
    EAI_AGAIN: `the host name ${url.hostname} could not be looked up right now`,
    ECONNREFUSED: `${url.host} refused the connection`,
    ECONNRESET: `${url.host} closed the connection`,
    EHOSTUNREACH: `${url.host} cannot be reached`,
    ENETUNREACH: `${url.host} cannot be reached`,
    CERT_HAS_EXPIRED: `${url.host}'s certificate has expired`,
  };
  return new FetchError('network', (code && words[code]) || `network error (${e.message})`, { url: url.href });
}
