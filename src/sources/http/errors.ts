// Every way a fetch can fail, with a sentence a server admin can act on (shown in `/sources list` and the log).

export type FetchErrorCode =
  'bad-url' | 'blocked-address' | 'http-status' | 'timeout' | 'too-large' | 'too-many-redirects' | 'redirect-loop' | 'network' | 'decompress';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number | null; url?: string } = {},
  ) {
    super(message);
    this.name = 'FetchError';
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function isFetchError(e: unknown): e is FetchError {
  return e instanceof FetchError;
}

const STATUS_WORDS: Record<number, string> = {
  401: 'the site asks for a login',
  403: 'the site refused access',
  404: 'not found',
  410: 'the site says this address is gone for good',
  429: 'the site says we asked too often',
  500: 'the site had an internal error',
  502: 'the site’s gateway failed',
  503: 'the site is unavailable',
  504: 'the site’s gateway timed out',
};

export function statusError(status: number, url: string, retryAfterSeconds: number | null): FetchError {
  const words =
    STATUS_WORDS[status] ??
    (status >= 500
      ? 'the site had an error'
      : status >= 300 && status < 400
        ? 'a redirect without a usable destination'
        : 'the site refused the request');
  return new FetchError('http-status', `HTTP ${status}: ${words}`, { status, retryAfterSeconds, url });
}
