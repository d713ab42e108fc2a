// Absolute links and the cleaned form that identifies a page.

/** Resolves href against the bases given, innermost first; null when it cannot make an http(s) URL. */
export function absoluteUrl(href: string | null | undefined, ...bases: Array<string | null | undefined>): string | null {
  const raw = href?.trim();
  if (!raw) return null;
  const base = resolveBase(bases);
  try {
    const url = base ? new URL(raw, base) : new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Folds a chain of bases (e.g. entry xml:base, feed xml:base, feed URL) into one absolute base, outermost last. */
function resolveBase(bases: Array<string | null | undefined>): string | null {
  let acc: string | null = null;
  for (const b of [...bases].reverse()) {
    const raw = b?.trim();
    if (!raw) continue;
    try {
      acc = acc ? new URL(raw, acc).href : new URL(raw).href;
    } catch {
      // a relative base with nothing absolute above it: skip
    }
  }
  return acc;
}

const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|yclid|igshid|_hsenc|_hsmi|mkt_tok|xtor|at_medium|at_campaign|ocid|cmpid|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|sr_share|ito)$/i;

/** The link without tracking parameters (utm_*, fbclid, gclid, xtor…) and without its fragment (#xtor=RSS-1…). */
export function canonicalLink(href: string | null): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.test(key)) url.searchParams.delete(key);
  }
  url.search = url.searchParams.toString() ? `?${url.searchParams.toString()}` : '';
  url.hostname = url.hostname.toLowerCase();
  return url.href;
}
