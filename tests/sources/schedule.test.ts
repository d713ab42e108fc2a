import fc from 'fast-check';
import { maxAgeSeconds, retryAfterSeconds } from '../../src/sources/http/cache-headers';
import { canonicalLink } from '../../src/sources/feeds/links';
import { BACKOFF_CAP_MS, delayAfterFailure, delayAfterSuccess } from '../../src/sources/feeds/schedule';

const MIN = 60_000;

describe('when to come back', () => {
  it('waits the interval after a good poll, or max-age when longer, up to an hour', () => {
    expect(delayAfterSuccess(15 * MIN, null)).toBe(15 * MIN);
    expect(delayAfterSuccess(15 * MIN, 60)).toBe(15 * MIN);
    expect(delayAfterSuccess(15 * MIN, 1800)).toBe(30 * MIN);
    expect(delayAfterSuccess(15 * MIN, 86400)).toBe(60 * MIN);
  });

  it('backs off 5 min × 2^(n-1) within ±20 %, capped at 12 h, never sooner than Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.nat(200_000)),
        (n, r, retryAfter) => {
          const d = delayAfterFailure(n, retryAfter, () => r);
          const base = Math.min(5 * MIN * 2 ** (n - 1), BACKOFF_CAP_MS);
          expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
          if (retryAfter === null) expect(d).toBeLessThanOrEqual(Math.ceil(base * 1.2));
          else expect(d).toBeGreaterThanOrEqual(Math.min(retryAfter * 1000, 24 * 3600_000));
        },
      ),
    );
  });

  it('reads Retry-After as seconds or as an HTTP date, and max-age from Cache-Control', () => {
    const now = Date.parse('2025-06-10T12:00:00Z');
    expect(retryAfterSeconds({ 'retry-after': '120' }, now)).toBe(120);
    expect(retryAfterSeconds({ 'retry-after': 'Tue, 10 Jun 2025 12:05:00 GMT' }, now)).toBe(300);
    expect(retryAfterSeconds({ 'retry-after': 'soon' }, now)).toBeNull();
    expect(maxAgeSeconds({ 'cache-control': 'public, s-maxage=10, max-age=600' })).toBe(600);
    expect(maxAgeSeconds({ 'cache-control': 'no-cache' })).toBe(0);
    expect(maxAgeSeconds({})).toBeNull();
  });
});

describe('the cleaned link', () => {
  const param = fc.constantFrom('utm_source', 'utm_medium', 'utm_campaign', 'fbclid', 'gclid', 'xtor');
  const keep = fc.constantFrom('id', 'page', 'p', 'article');

  it('drops tracking parameters and fragments, keeps the rest, and is stable when applied twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(param, keep), fc.stringMatching(/^[a-z0-9]{1,8}$/)), { maxLength: 6 }),
        fc.stringMatching(/^[a-z0-9=-]{0,10}$/),
        (params, fragment) => {
          const query = params.map(([k, v]) => `${k}=${v}`).join('&');
          const url = `https://news.example/story?${query}${fragment ? `#${fragment}` : ''}`;
          const clean = canonicalLink(url)!;
          expect(clean).not.toMatch(/utm_|fbclid|gclid|xtor|#/);
          for (const [k, v] of params) if (/^(id|page|p|article)$/.test(k)) expect(clean).toContain(`${k}=${v}`);
          expect(canonicalLink(clean)).toBe(clean);
        },
      ),
    );
  });
});
