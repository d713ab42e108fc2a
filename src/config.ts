// Environment → validated settings. Every problem is reported at once, in words a new user can act on. The
// settings and their defaults are src/config-settings.ts; the checks of each value, src/config-checks.ts.
import {
  checkApiUrl,
  checkBoolean,
  checkBriefing,
  checkContentDir,
  checkDatabaseUrl,
  checkFeedInterval,
  checkFeeds,
  checkLease,
  checkLiveMaxAge,
  checkLogLevel,
  checkRetention,
  checkShardCount,
  checkShardIds,
  checkSnowflake,
  checkToken,
  type BriefingDefaults,
  type LogLevel,
} from './config-checks';
import { SETTINGS, type SettingName } from './config-settings';
import { redactSecrets } from './redact';

export type { BriefingDefaults, LogLevel } from './config-checks';
export { isValidTimeZone } from './config-checks';

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

export interface LoadConfigOptions {
  /** The deploy script and the bot need a token; other tools may not. */
  requireToken?: boolean;
}

type Defaulted = { [K in SettingName]: (typeof SETTINGS)[K]['default'] extends string ? K : never }[SettingName];

/** A reader of the environment's settings: empty strings in .env mean "not set"; an unset one has its default. */
function readerOf(env: NodeJS.ProcessEnv) {
  function read(name: Defaulted): string;
  function read(name: SettingName): string | undefined;
  function read(name: SettingName): string | undefined {
    return env[name]?.trim() || (SETTINGS[name].default ?? undefined);
  }
  return read;
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
  const read = readerOf(env);
  const feeds = env.FEEDS === undefined ? null : checkFeeds(env.FEEDS, problems);
  const feedIntervalSeconds = checkFeedInterval(read('FEED_INTERVAL_SECONDS'), problems);
  const allowPrivateNetwork = checkBoolean('ALLOW_PRIVATE_NETWORK', read('ALLOW_PRIVATE_NETWORK'), problems);
  if (problems.length) throw new ConfigError(problems);
  return { feeds, feedIntervalSeconds, allowPrivateNetwork };
}

/** Reads settings from an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: LoadConfigOptions = {}): Config {
  const read = readerOf(env);
  const problems: string[] = [];
  const token = checkToken(read('DISCORD_TOKEN'), problems, opts.requireToken ?? true);
  const clientId = checkSnowflake('DISCORD_CLIENT_ID', read('DISCORD_CLIENT_ID'), problems);
  const guildId = checkSnowflake('DISCORD_GUILD_ID', read('DISCORD_GUILD_ID'), problems);
  const apiUrl = checkApiUrl(read('DISCORD_API_URL'), problems);
  const logLevel = checkLogLevel(read('LOG_LEVEL'), problems);
  const briefing = checkBriefing(read('BRIEFING_CHANNEL_ID'), read('BRIEFING_TIME'), read('BRIEFING_TIMEZONE'), problems);
  const shardCount = checkShardCount(read('SHARD_COUNT'), problems);
  const retentionDays = checkRetention(read('RETENTION_DAYS'), problems);
  // Not read(): an empty CONTENT_DIR is refused, not taken for unset.
  const contentDir = checkContentDir(env.CONTENT_DIR, problems);
  const feeds = checkFeeds(read('FEEDS'), problems);
  const feedIntervalSeconds = checkFeedInterval(read('FEED_INTERVAL_SECONDS'), problems);
  const allowPrivateNetwork = checkBoolean('ALLOW_PRIVATE_NETWORK', read('ALLOW_PRIVATE_NETWORK'), problems);
  const liveMaxAgeMs = checkLiveMaxAge(read('LIVE_MAX_AGE'), problems);
  const databaseUrl = checkDatabaseUrl(read('DATABASE_URL'), problems);
  const shardIds = checkShardIds(read('SHARD_IDS'), shardCount, problems);
  const feedLeaseMs = checkLease('FEED_LEASE_SECONDS', read('FEED_LEASE_SECONDS'), problems);
  const claimLeaseMs = checkLease('CLAIM_LEASE_SECONDS', read('CLAIM_LEASE_SECONDS'), problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    token,
    clientId,
    guildId,
    apiUrl,
    contentDir: contentDir ?? read('CONTENT_DIR'),
    logLevel,
    databasePath: read('DATABASE_PATH'),
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
