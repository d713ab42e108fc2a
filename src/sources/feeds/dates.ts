// Feed dates (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, and whatever publishers actually write) → ISO 8601.

const ZONES: Record<string, string> = {
  UT: '+0000',
  GMT: '+0000',
  Z: '+0000',
  EST: '-0500',
  EDT: '-0400',
  CST: '-0600',
  CDT: '-0500',
  MST: '-0700',
  MDT: '-0600',
  PST: '-0800',
  PDT: '-0700',
  CET: '+0100',
  CEST: '+0200',
  BST: '+0100',
  IST: '+0530',
};

/** ISO 8601 for a readable date, or null. Years outside 1990..2100 are treated as unreadable (zero dates, typos). */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  let ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    // "Tue, 10 Jun 2025 04:00:00 CEST" and friends: swap the zone name for an offset Date.parse knows.
    const m = s.match(/^(.*\d)\s+([A-Z]{1,4})$/);
    if (m && ZONES[m[2]]) ms = Date.parse(`${m[1]} ${ZONES[m[2]]}`);
  }
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(ms).toISOString() : null;
}
