// Environment → validated settings. Every problem is reported at once, in words a new user can act on.
import { z } from 'zod';
import { redactSecrets } from './redact';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface BriefingDefaults {
  channelId: string;
  time: string;
  timezone: string;
}

export interface Config {
  token: string;
  /** Null when it must be read from the token's application. */
  clientId: string | null;
  guildId: string | null;
  /** REST base such as http://127.0.0.1:PORT/api; null means Discord itself. */
  apiUrl: string | null;
  contentDir: string;
  logLevel: LogLevel;
  databasePath: string;
  /** DATABASE_URL: a Postgres database several hosts share; null means the SQLite file at databasePath. */
  databaseUrl: string | null;
  /** A default daily briefing for a one-server setup, or null. */
  briefing: BriefingDefaults | null;
  shardCount: number | 'auto';
  /** SHARD_IDS: the shards this host runs (of SHARD_COUNT), when several hosts split one bot; null: all of them. */
  shardIds: number[] | null;
  /** Feed articles older than this many days leave the store and the index (files stay while they exist). */
  retentionDays: number;
  /** FEEDS: the shared library's feeds (every server sees them). */
  feeds: string[];
  /** FEED_INTERVAL_SECONDS: how often each feed is polled. */
  feedIntervalSeconds: number;
  /** ALLOW_PRIVATE_NETWORK: fetch from loopback/private addresses (intranet feeds, tests). */
  allowPrivateNetwork: boolean;
  /** LIVE_MAX_AGE (hours, default 24): older items are never posted live, and a story is not repeated within it. */
  liveMaxAgeMs: number;
  /** FEED_LEASE_SECONDS (default 600): how long a host's hold on a feed it is fetching lasts; one that dies leaves the feed to another after it. */
  feedLeaseMs: number;
  /** CLAIM_LEASE_SECONDS (default 600): how long a claimed briefing or live post stays another host's before someone else may finish it. */
  claimLeaseMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    // A secret pasted into the wrong setting is quoted back as "[redacted]", never in full.
    const safe = problems.map((p) => redactSecrets(p));
    super(`briefbot cannot start because of its settings:\n${safe.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = safe;
    this.name = 'ConfigError';
  }
}

const TOKEN_HELP =
  'Get one at https://discord.com/developers/applications → your application → Bot → Reset Token, ' +
  'then put it in .env as DISCORD_TOKEN=... (see .env.example).';

// A bot token is three base64url parts: the application's id, a timestamp, and an HMAC.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{17,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Empty strings in .env mean "not set". */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const EnvSchema = z.object({
  DISCORD_TOKEN: optional,
  DISCORD_CLIENT_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: optional,
  CONTENT_DIR: optional,
  LOG_LEVEL: optional,
  DATABASE_PATH: optional,
  DATABASE_URL: optional,
  BRIEFING_CHANNEL_ID: optional,
  BRIEFING_TIME: optional,
  BRIEFING_TIMEZONE: optional,
  SHARD_COUNT: optional,
  SHARD_IDS: optional,
  RETENTION_DAYS: optional,
  FEEDS: optional,
  FEED_INTERVAL_SECONDS: optional,
  ALLOW_PRIVATE_NETWORK: optional,
  LIVE_MAX_AGE: optional,
  FEED_LEASE_SECONDS: optional,
  CLAIM_LEASE_SECONDS: optional,
});

const LOG_LEVELS: LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export interface LoadConfigOptions {
  /** The deploy script and the bot need a token; other tools may not. */
  requireToken?: boolean;
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function checkToken(token: string | undefined, problems: string[], required: boolean): string {
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

function checkSnowflake(name: string, value: string | undefined, problems: string[]): string | null {
  if (value === undefined) return null;
  if (!SNOWFLAKE.test(value)) {
    problems.push(`${name} must be a Discord id (17–20 digits; Developer Mode → right click → Copy ID), got "${value}".`);
  }
  return value;
}

function checkApiUrl(value: string | undefined, problems: string[]): string | null {
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
function checkContentDir(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  if (!raw.trim()) {
    problems.push('CONTENT_DIR is set but empty: give the folder of articles (e.g. CONTENT_DIR=./content), or remove the line to use ./content.');
    return undefined;
  }
  return raw.trim();
}

function checkShardCount(value: string | undefined, problems: string[]): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    problems.push(`SHARD_COUNT must be a whole number of shards (1 or more) or "auto", got "${value}".`);
    return 'auto';
  }
  return n;
}

/** SHARD_IDS as "0-3", "0,1,2,3" or "0-1,4": whole numbers below SHARD_COUNT (which must then be a number), each once. */
function checkShardIds(value: string | undefined, count: number | 'auto', problems: string[]): number[] | null {
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

function checkRetention(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 90;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    problems.push(`RETENTION_DAYS must be a whole number of days (1 or more), got "${value}".`);
    return 90;
  }
  return n;
}

function checkBriefing(
  channel: string | undefined,
  time: string | undefined,
  timezone: string | undefined,
  problems: string[],
): BriefingDefaults | null {
  const t = time ?? '08:00';
  const tz = timezone ?? 'UTC';
  if (!HHMM.test(t)) problems.push(`BRIEFING_TIME must be a 24-hour time HH:MM such as 08:00, got "${t}".`);
  if (!isValidTimeZone(tz)) problems.push(`BRIEFING_TIMEZONE must be an IANA time zone such as Europe/Berlin, got "${tz}".`);
  const id = checkSnowflake('BRIEFING_CHANNEL_ID', channel, problems);
  return id ? { channelId: id, time: t, timezone: tz } : null;
}

function checkFeeds(value: string | undefined, problems: string[]): string[] {
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
function checkDatabaseUrl(value: string | undefined, problems: string[]): string | null {
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

function checkFeedInterval(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 900;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    problems.push(`FEED_INTERVAL_SECONDS must be a number of seconds above 0 (default 900 = 15 minutes), got "${value}".`);
    return 900;
  }
  return n;
}

const DEFAULT_LEASE_SECONDS = 600;
const MAX_LEASE_SECONDS = 86_400;

/** A lease in seconds, as milliseconds: long enough for the work it covers, short enough to recover from a dead host. */
function checkLease(name: string, value: string | undefined, problems: string[]): number {
  if (value === undefined) return DEFAULT_LEASE_SECONDS * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > MAX_LEASE_SECONDS) {
    problems.push(
      `${name} must be a number of seconds from 1 to ${MAX_LEASE_SECONDS} (default ${DEFAULT_LEASE_SECONDS} = 10 minutes), got "${value}".`,
    );
    return DEFAULT_LEASE_SECONDS * 1000;
  }
  return Math.round(n * 1000);
}

const MAX_LIVE_AGE_HOURS = 24 * 30;

function checkLiveMaxAge(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 24 * 3_600_000;
  const hours = Number(value.replace(/\s*h$/i, ''));
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_LIVE_AGE_HOURS) {
    problems.push(`LIVE_MAX_AGE must be a number of hours above 0 and at most ${MAX_LIVE_AGE_HOURS} (default 24), got "${value}".`);
    return 24 * 3_600_000;
  }
  return Math.round(hours * 3_600_000);
}

function checkBoolean(name: string, value: string | undefined, problems: string[]): boolean {
  if (value === undefined) return false;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  problems.push(`${name} must be true or false, got "${value}".`);
  return false;
}

/**
 * The feed settings alone, for `briefbot fetch` (which needs no Discord token); throws ConfigError listing
 * every problem. `feeds` is null when FEEDS is not set at all (then the stored shared list is left alone).
 */
export function loadFeedSettings(env: NodeJS.ProcessEnv = process.env): {
  feeds: string[] | null;
  feedIntervalSeconds: number;
  allowPrivateNetwork: boolean;
} {
  const problems: string[] = [];
  const value = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const feeds = env.FEEDS === undefined ? null : checkFeeds(env.FEEDS, problems);
  const feedIntervalSeconds = checkFeedInterval(value('FEED_INTERVAL_SECONDS'), problems);
  const allowPrivateNetwork = checkBoolean('ALLOW_PRIVATE_NETWORK', value('ALLOW_PRIVATE_NETWORK'), problems);
  if (problems.length) throw new ConfigError(problems);
  return { feeds, feedIntervalSeconds, allowPrivateNetwork };
}

/** Reads settings from an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: LoadConfigOptions = {}): Config {
  const parsed = EnvSchema.parse(env);
  const problems: string[] = [];
  const token = checkToken(parsed.DISCORD_TOKEN, problems, opts.requireToken ?? true);
  const clientId = checkSnowflake('DISCORD_CLIENT_ID', parsed.DISCORD_CLIENT_ID, problems);
  const guildId = checkSnowflake('DISCORD_GUILD_ID', parsed.DISCORD_GUILD_ID, problems);
  const apiUrl = checkApiUrl(parsed.DISCORD_API_URL, problems);
  const level = (parsed.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${parsed.LOG_LEVEL}".`);
  }
  const briefing = checkBriefing(parsed.BRIEFING_CHANNEL_ID, parsed.BRIEFING_TIME, parsed.BRIEFING_TIMEZONE, problems);
  const shardCount = checkShardCount(parsed.SHARD_COUNT, problems);
  const retentionDays = checkRetention(parsed.RETENTION_DAYS, problems);
  const contentDir = checkContentDir(env.CONTENT_DIR, problems);
  const feeds = checkFeeds(parsed.FEEDS, problems);
  const feedIntervalSeconds = checkFeedInterval(parsed.FEED_INTERVAL_SECONDS, problems);
  const allowPrivateNetwork = checkBoolean('ALLOW_PRIVATE_NETWORK', parsed.ALLOW_PRIVATE_NETWORK, problems);
  const liveMaxAgeMs = checkLiveMaxAge(parsed.LIVE_MAX_AGE, problems);
  const databaseUrl = checkDatabaseUrl(parsed.DATABASE_URL, problems);
  const shardIds = checkShardIds(parsed.SHARD_IDS, shardCount, problems);
  const feedLeaseMs = checkLease('FEED_LEASE_SECONDS', parsed.FEED_LEASE_SECONDS, problems);
  const claimLeaseMs = checkLease('CLAIM_LEASE_SECONDS', parsed.CLAIM_LEASE_SECONDS, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    token,
    clientId,
    guildId,
    apiUrl,
    contentDir: contentDir ?? './content',
    logLevel: level as LogLevel,
    databasePath: parsed.DATABASE_PATH ?? './data/briefbot.db',
    databaseUrl,
    briefing,
    shardCount,
    shardIds,
    retentionDays,
    feeds,
    feedIntervalSeconds,
    allowPrivateNetwork,
    liveMaxAgeMs,
    feedLeaseMs,
    claimLeaseMs,
  };
}
