// Dates as news pages print them: "Updated 03 December 2025", "December 3, 2025 10:15 AM",
// "2025-12-03T08:00:00Z", and relative ones ("Updated 2 sec ago") that only mean something against
// the moment the page was saved.

const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const TIME = '(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?(?:\\s*(?:GMT|UTC|Z))?';

const DAY_MONTH_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

function utc(year: number, month: number, day: number, h = 0, m = 0, s = 0): Date | null {
  if (year < 1900 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || m > 59 || s > 59) return null;
  const d = new Date(Date.UTC(year, month, day, h, m, s));
  // Reject rollovers such as 31 February.
  return d.getUTCDate() === day ? d : null;
}

function hours(h: string | undefined, meridiem: string | undefined): number {
  let n = h ? Number(h) : 0;
  const mer = meridiem?.toLowerCase().replace(/\./g, '');
  if (mer === 'pm' && n < 12) n += 12;
  if (mer === 'am' && n === 12) n = 0;
  return n;
}

/** An absolute date written on its own ("03 December 2025", "Dec. 3, 2025 5:04 PM", ISO 8601). Times are taken as UTC. */
export function parseAbsoluteDate(text: string): Date | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 80) return null;
  let m = ISO.exec(s);
  if (m) {
    if (m[7]) {
      const d = new Date(s.replace(' ', 'T'));
      return Number.isNaN(d.getTime()) ? null : d;
    }
    return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return utc(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]), hours(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return utc(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]), hours(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return null;
}

const UNIT_MS: [RegExp, number][] = [
  [/^(?:s|secs?|seconds?)$/, 1000],
  [/^(?:m|mins?|minutes?)$/, 60_000],
  [/^(?:h|hrs?|hours?)$/, 3_600_000],
  [/^(?:d|days?)$/, 86_400_000],
  [/^(?:w|wks?|weeks?)$/, 7 * 86_400_000],
  [/^(?:mos?|months?)$/, 30 * 86_400_000],
  [/^(?:y|yrs?|years?)$/, 365 * 86_400_000],
];

const AGO = /^(\d{1,4}|an?|one)\s*([a-z]+)\s+ago$/i;

/** A relative date ("2 sec ago", "an hour ago", "yesterday", "just now") resolved against `ref`. */
export function parseRelativeDate(text: string, ref: Date): Date | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (s === 'just now' || s === 'now' || s === 'moments ago' || s === 'a moment ago') return new Date(ref.getTime());
  if (s === 'yesterday') return new Date(ref.getTime() - 86_400_000);
  if (s === 'today') return new Date(ref.getTime());
  const m = AGO.exec(s);
  if (!m) return null;
  const count = /^\d/.test(m[1]) ? Number(m[1]) : 1;
  for (const [unit, ms] of UNIT_MS) if (unit.test(m[2])) return new Date(ref.getTime() - count * ms);
  return null;
}

export interface DateLine {
  date: Date;
  approximate: boolean;
}

const DATE_PREFIX = /^(?:(?:last\s+)?updated|first\s+published|published|posted|date|modified)\s*(?:on|at)?\s*:?\s*/i;

/**
 * A line that is page furniture announcing a date ("Updated 03 December 2025", "Published: 2 hours ago").
 * `requirePrefix` refuses bare dates so that a one-line paragraph is not mistaken for furniture.
 */
export function parseDateLine(line: string, ref: Date, requirePrefix = true): DateLine | null {
  const s = line.trim();
  if (!s || s.length > 100) return null;
  const prefix = DATE_PREFIX.exec(s);
  if (!prefix && requirePrefix) return null;
  // "Updated 03 December 2025 | 5 min read" — keep what precedes a separator.
  const rest = s
    .slice(prefix ? prefix[0].length : 0)
    .split(/\s+[|·•]\s+/)[0]
    .trim();
  const abs = parseAbsoluteDate(rest);
  if (abs) return { date: abs, approximate: false };
  const rel = parseRelativeDate(rest, ref);
  if (rel) return { date: rel, approximate: true };
  return null;
}

/** "2016-03-01" inside a file name (PolNeAR names its files publisher_yyyy-mm-dd_slug.txt). */
export function dateFromFileName(fileName: string): Date | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![0-9])/.exec(fileName);
  return m ? utc(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Any value a front matter or JSON field may hold for a date. */
export function parseDateValue(value: unknown, ref: Date): DateLine | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, approximate: false };
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds or milliseconds since the epoch.
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : { date: d, approximate: false };
  }
  if (typeof value !== 'string') return null;
  const line = parseDateLine(value, ref, false);
  if (line) return line;
  // Last resort for formats like RFC 2822 ("Tue, 03 Dec 2025 10:00:00 GMT").
  if (/\d{4}/.test(value) && value.length <= 60) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200) return { date: d, approximate: false };
  }
  return null;
}
