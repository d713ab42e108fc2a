// IANA time zone names: validation and autocomplete.

let zones: string[] | null = null;

/** Every zone this runtime knows, plus UTC (which supportedValuesOf leaves out on some engines). */
export function allTimeZones(): string[] {
  if (!zones) {
    const known = Intl.supportedValuesOf('timeZone');
    zones = known.includes('UTC') ? known : [...known, 'UTC'];
  }
  return zones;
}

/** The canonical name for `name` ('europe/berlin' → 'Europe/Berlin'), or null when it is not a zone. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
    const exact = allTimeZones().find((z) => z.toLowerCase() === trimmed.toLowerCase());
    return exact ?? resolved;
  } catch {
    return null;
  }
}

/**
 * Up to `limit` zones (the caller's: Discord's choice limit belongs to the renderer) for what the user typed: names starting with it (or with a part of it after '/')
 * first, then names containing it. Spaces count as underscores ("new york" finds America/New_York).
 */
export function suggestTimeZones(typed: string, limit: number): string[] {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const all = allTimeZones();
  if (!needle) return all.filter((z) => z.includes('/')).slice(0, limit);
  const prefix: string[] = [];
  const segment: string[] = [];
  const infix: string[] = [];
  for (const zone of all) {
    const lower = zone.toLowerCase();
    if (lower.startsWith(needle)) prefix.push(zone);
    else if (lower.split('/').some((part) => part.startsWith(needle))) segment.push(zone);
    else if (lower.includes(needle)) infix.push(zone);
  }
  return [...prefix, ...segment, ...infix].slice(0, limit);
}
