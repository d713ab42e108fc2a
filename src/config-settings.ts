// The settings table: every environment variable briefbot reads, its default and what it is for. Reading and
// checking values is src/config-checks.ts; README's Configuration section and .env.example list each of them
// (tests/config-docs.test.ts holds them to this table).

export interface Setting {
  /** The value used when the variable is unset or empty, as it would be written in .env; null: none. */
  default: string | null;
  /** What it is for, in one line (README's Configuration table says more). */
  about: string;
}

export const SETTINGS = {
  DISCORD_TOKEN: { default: null, about: "the bot's token (Developer Portal → your app → Bot → Reset Token); required to run the bot" },
  DISCORD_CLIENT_ID: { default: null, about: "the application id; read from the token's application when unset" },
  DISCORD_GUILD_ID: { default: null, about: 'register commands to this one server only; unset: globally' },
  DISCORD_API_URL: { default: null, about: 'REST base such as http://127.0.0.1:PORT/api (a proxy or the test stand-in); unset: Discord' },
  CONTENT_DIR: { default: './content', about: 'the folder of articles (set but empty is refused)' },
  LOG_LEVEL: { default: 'info', about: 'trace, debug, info, warn, error, fatal or silent' },
  DATABASE_PATH: { default: './data/briefbot.db', about: 'the SQLite file with the article store, schedules and ledgers' },
  DATABASE_URL: { default: null, about: 'a postgres:// database several hosts share, instead of the SQLite file' },
  BRIEFING_CHANNEL_ID: { default: null, about: 'the channel of a default daily briefing (one-server setup)' },
  BRIEFING_TIME: { default: '08:00', about: "the default daily briefing's local time, HH:MM" },
  BRIEFING_TIMEZONE: { default: 'UTC', about: "the default daily briefing's IANA time zone" },
  SHARD_COUNT: { default: 'auto', about: 'shards for npm run start:sharded: a number, or auto' },
  SHARD_IDS: { default: null, about: 'the shards this host runs, e.g. 0-1 (needs a number in SHARD_COUNT); unset: all' },
  RETENTION_DAYS: { default: '90', about: 'feed articles older than this many days leave the store and the index' },
  FEEDS: { default: null, about: "feeds (or sites) every server's library follows, comma-separated" },
  FEED_INTERVAL_SECONDS: { default: '900', about: 'how often each feed is polled, in seconds' },
  ALLOW_PRIVATE_NETWORK: { default: 'false', about: 'true lets feeds and pages on loopback/private addresses be fetched' },
  LIVE_MAX_AGE: { default: '24', about: 'hours: older items are never posted live, and a story is not repeated within it' },
  FEED_LEASE_SECONDS: { default: '600', about: "seconds a process's hold on a feed it is fetching lasts" },
  CLAIM_LEASE_SECONDS: { default: '600', about: 'seconds a claimed briefing or live post stays with the process that claimed it' },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
