// Wall-clock arithmetic in IANA time zones, from Intl alone (no date library).
// A "local date" is 'YYYY-MM-DD'; a "local time" is 'HH:MM' (24 h).

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    // Some engines print midnight as 24 even with h23; normalise.
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The local date ('YYYY-MM-DD') in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The local time ('HH:MM') in `timeZone` at `instant`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Berlin in winter: +60). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / MINUTE);
}

function parseLocalDate(localDate: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`Not a local date (YYYY-MM-DD): ${localDate}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** 'HH:MM' (or 'H:MM') → normalised 'HH:MM', or null when it is not a time of day. */
export function parseLocalTime(text: string): string | null {
  const match = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/i.exec(text);
  if (!match) return null;
  return `${pad(Number(match[1]))}:${match[2]}`;
}

/** The local date `days` after `localDate` (negative goes back). */
export function addDays(localDate: string, days: number): string {
  const { y, m, d } = parseLocalDate(localDate);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The instant when the wall clock in `timeZone` shows `localTime` on `localDate`.
 * In a spring-forward gap the time does not exist: it is shifted forward by the gap's length
 * (02:30 in Berlin on 2026-03-29 → 03:30 CEST), as Temporal's 'compatible' disambiguation does.
 * In a fall-back overlap the time exists twice: the first occurrence wins.
 */
export function instantOf(localDate: string, localTime: string, timeZone: string): Date {
  const { y, m, d } = parseLocalDate(localDate);
  const time = parseLocalTime(localTime);
  if (!time) throw new RangeError(`Not a local time (HH:MM): ${localTime}`);
  const [hh, mm] = time.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMinutesAt(new Date(naive - DAY), timeZone);
  const after = offsetMinutesAt(new Date(naive + DAY), timeZone);
  const candidates = [...new Set([before, after, offsetMinutesAt(new Date(naive), timeZone)])]
    .map((offset) => naive - offset * MINUTE)
    .filter((t) => {
      const w = wallClockAt(new Date(t), timeZone);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === naive;
    })
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  // Gap: the clock jumped over this time; reading the old offset lands just as far past the jump.
  return new Date(naive - before * MINUTE);
}

/** True when `localTime` does not exist on `localDate` (it falls in a spring-forward gap). */
export function isInGap(localDate: string, localTime: string, timeZone: string): boolean {
  const at = instantOf(localDate, localTime, timeZone);
  return localTimeOf(at, timeZone) !== parseLocalTime(localTime) || localDateOf(at, timeZone) !== localDate;
}

/**
 * The next instant at or after `now` when a daily `localTime` schedule falls due,
 * skipping `skipLocalDate` (today's slot already used).
 */
export function nextDueInstant(localTime: string, timeZone: string, now: Date, skipLocalDate?: string | null): Date {
  let date = localDateOf(now, timeZone);
  for (let i = 0; i < 3; i++) {
    const due = instantOf(date, localTime, timeZone);
    if (due.getTime() >= now.getTime() && date !== skipLocalDate) return due;
    date = addDays(date, 1);
  }
  return instantOf(date, localTime, timeZone);
}
