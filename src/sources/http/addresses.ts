// Literal-IP guard. request-filtering-agent checks what DNS returns at connect time; a URL that names an address
// directly (http://127.0.0.1, http://[::ffff:a9fe:a9fe]) is checked here too, on the first hop and every redirect.
import { isIP } from 'node:net';

/** Strips the brackets WHATWG URL keeps around IPv6 hostnames. */
function bare(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function v4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

/** Why an IPv4 address is not a public unicast one, or null. */
function v4Reason(o: number[]): string | null {
  const [a, b] = o;
  if (a === 0) return 'a "this network" address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 127) return 'a loopback address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
  if (a === 192 && b === 0 && o[2] === 0) return 'a reserved address';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address';
  if (a >= 224) return 'a multicast or reserved address';
  return null;
}

/** Expands an IPv6 address into eight 16-bit groups (handles "::" and a dotted IPv4 tail). */
function v6Groups(address: string): number[] | null {
  let text = address.split('%')[0].toLowerCase();
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const [a, b, c, d] = v4Octets(tail[1]);
    text = text.slice(0, -tail[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(fill, 0)).fill('0'), ...right].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function v6Reason(g: number[]): string | null {
  const zeroPrefix = g.slice(0, 5).every((x) => x === 0);
  if (zeroPrefix && g[5] === 0xffff) {
    // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address inside.
    const inner = v4Reason([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff]);
    return inner ? `an IPv4-mapped ${inner.replace(/^an? /, '')}` : null;
  }
  if (g.every((x) => x === 0)) return 'the unspecified address';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'a loopback address';
  if ((g[0] & 0xfe00) === 0xfc00) return 'a private (unique local) address';
  if ((g[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g[0] & 0xff00) === 0xff00) return 'a multicast address';
  if (zeroPrefix && g[5] === 0) return 'a deprecated IPv4-compatible address';
  return null;
}

/**
 * For a hostname that is a literal IP address: why it may not be fetched, or null when it is public.
 * Names that are not IP literals return null (the connect-time check handles what they resolve to).
 */
export function forbiddenLiteralReason(hostname: string): string | null {
  const host = bare(hostname);
  const family = isIP(host);
  if (family === 4) return v4Reason(v4Octets(host));
  if (family === 6) {
    const groups = v6Groups(host);
    return groups ? v6Reason(groups) : 'an address that cannot be read';
  }
  return null;
}
