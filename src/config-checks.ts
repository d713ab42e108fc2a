// Checking settings one by one: each check reads one value (its default already filled in from the settings
// table, src/config-settings.ts), notes every problem in words a new user can act on, and returns the value read.
// After a problem the returned value is never used: loadConfig throws with every problem instead.
import { SETTINGS } from './config-settings';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export const LOG_LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export interface BriefingDefaults {
  channelId: string;
  time: string;
  timezone: string;
}

const TOKEN_HELP =
  'Get one at https://discord.com/developers/applications → your application → Bot → Reset Token, ' +
  'then put it in .env as DISCORD_TOKEN=... (see .env.example).';

// A bot token is three base64url parts: the application's id, a timestamp, and an HMAC.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function checkToken(token: string | undefined, problems: string[], required: boolean): string {
  if (token === undefined) {
    if (required) problems.push(`DISCORD_TOKEN is missing. ${TOKEN_HELP}`);
    return '';
  }
  if (/^bot\s/i.test(token)) {
    problems.push('DISCORD_TOKEN starts with "Bot ": put only the token itself in .env, without the prefix.');
  } else if (!TOKEN_SHAPE.test(token)) {
    // Never echo the token: it may be a real secret pasted in the wrong place.
    problems.push(
      `DISCORD_TOKEN does not look like a bot token (three parts separated by dots; got ${token.length} characters). ` +
        `Copy it again — the client secret and the public key are different things. ${TOKEN_HELP}`,
    );
  }
  return token;
}

export function checkSnowflake(name: string, value: string | undefined, problems: string[]): string | null {
  if (value === undefined) return null;
  if (!SNOWFLAKE.test(value)) {
    problems.push(`${name} must be a Discord id (17–20 digits; Developer Mode → right click → Copy ID), got "${value}".`);
  }
  return value;
}

export function checkApiUrl(value: string | undefined, problems: string[]): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`DISCORD_API_URL must be a URL such as http://127.0.0.1:8080/api, got "${value}".`);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`DISCORD_API_URL must use http or https, got "${url.protocol}".`);
    return null;
  }
  return value.replace(/\/+$/, '');
}

/** Unlike other settings, an empty CONTENT_DIR is refused: it is a mistake (a variable that expanded to nothing), not "unset". */
export function checkContentDir(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  if (!raw.trim()) {
    problems.push('CONTENT_DIR is set but empty: give the folder of articles (e.g. CONTENT_DIR=./content), or remove the line to use ./content.');
    return undefined;
  }
  return raw.trim();
}

export function checkShardCount(value: string, problems: string[]): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    problems.push(`SHARD_COUNT must be a whole number of shards (1 or more) or "auto", got "${value}".`);
    return 'auto';
  }
  return n;
}

/** SHARD_IDS as "0-3", "0,1,2,3" or "0-1,4": whole numbers below SHARD_COUNT (which must then be a number), each once. */
export function checkShardIds(value: string | undefined, count: number | 'auto', problems: string[]): number[] | null {
  if (value === undefined) return null;
  const ids: number[] = [];
  for (const part of value.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m || Number(m[2] ?? m[1]) < Number(m[1])) {
      problems.push(`SHARD_IDS must list shard numbers such as 0-3 or 0,1,2,3; "${part}" is not one.`);
      return null;
    }
    for (let id = Number(m[1]); id <= Number(m[2] ?? m[1]); id++) ids.push(id);
  }
  if (count === 'auto') {
    problems.push('SHARD_IDS needs SHARD_COUNT set to the total number of shards of the bot (the same on every host), not "auto".');
    return null;
  }
  const wrong = ids.find((id, i) => id >= count || ids.indexOf(id) !== i);
  if (wrong !== undefined) {
    problems.push(`SHARD_IDS names shard ${wrong} twice or outside 0–${count - 1} (SHARD_COUNT is ${count}).`);
    return null;
  }
  return ids;
}

export function checkRetention(value: string, problems: string[]): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    problems.push(`RETENTION_DAYS must be a whole number of days (1 or more), got "${value}".`);
  }
  return n;
}

export function checkBriefing(channel: string | undefined, t: string, tz: string, problems: string[]): BriefingDefaults | null {
  if (!HHMM.test(t)) problems.push(`BRIEFING_TIME must be a 24-hour time HH:MM such as 08:00, got "${t}".`);
  if (!isValidTimeZone(tz)) problems.push(`BRIEFING_TIMEZONE must be an IANA time zone such as Europe/Berlin, got "${tz}".`);
  const id = checkSnowflake('BRIEFING_CHANNEL_ID', channel, problems);
  return id ? { channelId: id, time: t, timezone: tz } : null;
}

export function checkFeeds(value: string | undefined, problems: string[]): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of urls) {
    let ok: boolean;
    try {
      ok = ['http:', 'https:'].includes(new URL(u).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`FEEDS must be comma-separated http(s) addresses of feeds or sites, got "${u}".`);
  }
  return [...new Set(urls)];
}

/** DATABASE_URL must be a postgres:// URL; the message never repeats it (it may hold a password). */
export function checkDatabaseUrl(value: string | undefined, problems: string[]): string | null {
  if (value === undefined) return null;
  let url: URL | null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || !url.hostname) {
    problems.push(
      'DATABASE_URL must be a postgres:// URL naming a host, for example postgres://briefbot@localhost:5432/briefbot (a password goes after the user name, user:password@), or be unset to use the SQLite file at DATABASE_PATH.',
    );
    return null;
  }
  return value;
}

export function checkFeedInterval(value: string, problems: string[]): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    problems.push(
      `FEED_INTERVAL_SECONDS must be a number of seconds above 0 (default ${SETTINGS.FEED_INTERVAL_SECONDS.default} = 15 minutes), got "${value}".`,
    );
  }
  return n;
}

const MAX_LEASE_SECONDS = 86_400;

/** A lease in seconds, as milliseconds: long enough for the work it covers, short enough to recover from a dead host. */
export function checkLease(name: 'FEED_LEASE_SECONDS' | 'CLAIM_LEASE_SECONDS', value: string, problems: string[]): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > MAX_LEASE_SECONDS) {
    problems.push(
      `${name} must be a number of seconds from 1 to ${MAX_LEASE_SECONDS} (default ${SETTINGS[name].default} = 10 minutes), got "${value}".`,
    );
  }
  return Math.round(n * 1000);
}

const MAX_LIVE_AGE_HOURS = 24 * 30;

export function checkLiveMaxAge(value: string, problems: string[]): number {
  const hours = Number(value.replace(/\s*h$/i, ''));
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_LIVE_AGE_HOURS) {
    problems.push(
      `LIVE_MAX_AGE must be a number of hours above 0 and at most ${MAX_LIVE_AGE_HOURS} (default ${SETTINGS.LIVE_MAX_AGE.default}), got "${value}".`,
    );
  }
  return Math.round(hours * 3_600_000);
}

export function checkBoolean(name: string, value: string, problems: string[]): boolean {
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  problems.push(`${name} must be true or false, got "${value}".`);
  return false;
}

/** LOG_LEVEL, any case, as one of LOG_LEVELS. */
export function checkLogLevel(value: string, problems: string[]): LogLevel {
  const level = value.toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  return level as LogLevel;
}
