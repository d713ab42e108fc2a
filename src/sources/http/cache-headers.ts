// Reading the headers that tell a polite client when to come back.
import type { IncomingHttpHeaders } from 'node:http';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Cache-Control max-age in seconds (no-store / no-cache → 0), or null when absent. */
export function maxAgeSeconds(headers: IncomingHttpHeaders): number | null {
  const cc = header(headers, 'cache-control');
  if (!cc) return null;
  if (/\bno-(store|cache)\b/i.test(cc)) return 0;
  const m = cc.match(/(?:^|[,\s])(?:s-)?max-age\s*=\s*"?(\d+)/i);
  return m ? Number(m[1]) : null;
}

/** Retry-After as seconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(headers: IncomingHttpHeaders, nowMs: number): number | null {
  const v = header(headers, 'retry-after')?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - nowMs) / 1000));
}

/** A validator worth sending back: a non-empty string (an empty If-None-Match can make a server answer 200). */
export function validator(headers: IncomingHttpHeaders, name: 'etag' | 'last-modified'): string | null {
  const v = header(headers, name)?.trim();
  return v ? v : null;
}
