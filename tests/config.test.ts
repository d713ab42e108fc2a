import { ConfigError, loadConfig } from '../src/config';

const TOKEN = `${Buffer.from('123456789012345678').toString('base64').replace(/=+$/, '')}.GhIjKl.${'a'.repeat(38)}`;

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('settings from the environment', () => {
  it('needs only DISCORD_TOKEN and fills in the defaults', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN })).toEqual({
      token: TOKEN,
      clientId: null,
      guildId: null,
      apiUrl: null,
      contentDir: './content',
      logLevel: 'info',
      databasePath: './data/briefbot.db',
      databaseUrl: null,
      shardIds: null,
      briefing: null,
      shardCount: 'auto',
      retentionDays: 90,
      feeds: [],
      feedIntervalSeconds: 900,
      allowPrivateNetwork: false,
      liveMaxAgeMs: 24 * 3_600_000,
      feedLeaseMs: 600_000,
      claimLeaseMs: 600_000,
    });
  });

  it('reads the feed settings: a comma-separated list, an interval in seconds, and the private-network switch', () => {
    const c = loadConfig({
      DISCORD_TOKEN: TOKEN,
      FEEDS: ' https://news.example/rss , https://blog.example/ ,https://news.example/rss',
      FEED_INTERVAL_SECONDS: '60',
      ALLOW_PRIVATE_NETWORK: 'true',
    });
    expect(c).toMatchObject({
      feeds: ['https://news.example/rss', 'https://blog.example/'],
      feedIntervalSeconds: 60,
      allowPrivateNetwork: true,
    });
  });

  it('explains bad feed settings', () => {
    expect(
      problems({
        DISCORD_TOKEN: TOKEN,
        FEEDS: 'https://ok.example/rss,ftp://files.example/feed',
        FEED_INTERVAL_SECONDS: '0',
        ALLOW_PRIVATE_NETWORK: 'maybe',
      }),
    ).toEqual([
      'FEEDS must be comma-separated http(s) addresses of feeds or sites, got "ftp://files.example/feed".',
      'FEED_INTERVAL_SECONDS must be a number of seconds above 0 (default 900 = 15 minutes), got "0".',
      'ALLOW_PRIVATE_NETWORK must be true or false, got "maybe".',
    ]);
  });

  it('treats empty values (as copied from .env.example) as unset', () => {
    const c = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: ' ', DISCORD_API_URL: '', BRIEFING_CHANNEL_ID: '' });
    expect([c.clientId, c.guildId, c.apiUrl, c.briefing]).toEqual([null, null, null, null]);
  });

  it('reads every setting', () => {
    const c = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      CONTENT_DIR: '/srv/articles',
      LOG_LEVEL: 'DEBUG',
      DATABASE_PATH: '/var/lib/briefbot.db',
      BRIEFING_CHANNEL_ID: '323456789012345678',
      BRIEFING_TIME: '07:30',
      BRIEFING_TIMEZONE: 'Europe/Berlin',
      SHARD_COUNT: '4',
      RETENTION_DAYS: '30',
    });
    expect(c).toMatchObject({
      clientId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://127.0.0.1:8080/api',
      contentDir: '/srv/articles',
      logLevel: 'debug',
      databasePath: '/var/lib/briefbot.db',
      briefing: { channelId: '323456789012345678', time: '07:30', timezone: 'Europe/Berlin' },
      shardCount: 4,
      retentionDays: 30,
    });
  });

  it('explains where to get a token when it is missing', () => {
    const [p] = problems({});
    expect(p).toContain('DISCORD_TOKEN is missing');
    expect(p).toContain('https://discord.com/developers/applications');
  });

  it('lets tools that need no token run without one', () => {
    expect(loadConfig({}, { requireToken: false }).token).toBe('');
  });

  it('rejects a malformed token without repeating it', () => {
    const secret = 'this-is-my-client-secret-not-a-token';
    const [p] = problems({ DISCORD_TOKEN: secret });
    expect(p).toContain('does not look like a bot token');
    expect(p).not.toContain(secret);
  });

  it('asks for the token without the "Bot " prefix', () => {
    expect(problems({ DISCORD_TOKEN: `Bot ${TOKEN}` })[0]).toContain('without the prefix');
  });

  it('reports every problem at once, in words a user can act on', () => {
    const list = problems({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: 'my server',
      DISCORD_API_URL: 'ftp://x',
      LOG_LEVEL: 'loud',
      BRIEFING_TIME: '8am',
      BRIEFING_TIMEZONE: 'Mars/Olympus',
      SHARD_COUNT: '-1',
      RETENTION_DAYS: 'forever',
    });
    expect(list).toHaveLength(7);
    expect(list.join('\n')).toMatch(/RETENTION_DAYS must be a whole number of days/);
    expect(list.join('\n')).toMatch(/DISCORD_GUILD_ID must be a Discord id/);
    expect(list.join('\n')).toMatch(/DISCORD_API_URL must use http or https/);
    expect(list.join('\n')).toMatch(/LOG_LEVEL must be one of/);
    expect(list.join('\n')).toMatch(/BRIEFING_TIME must be a 24-hour time/);
    expect(list.join('\n')).toMatch(/BRIEFING_TIMEZONE must be an IANA time zone/);
    expect(list.join('\n')).toMatch(/SHARD_COUNT must be a whole number/);
  });

  it('puts all problems in one message that says the bot cannot start', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /cannot start because of its settings:\n {2}- DISCORD_TOKEN is missing[\s\S]*\n {2}- LOG_LEVEL/,
    );
  });
});

describe('DATABASE_URL', () => {
  it('selects Postgres when it is a postgres:// URL, and the SQLite file otherwise', () => {
    const url = 'postgres://briefbot:s3cret@db.internal:5432/briefbot';
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DATABASE_URL: '  ' }).databaseUrl).toBeNull();
  });

  it('refuses anything else with a message that shows the expected shape and never the value (it may hold a password)', () => {
    for (const bad of ['mysql://root:hunter2@db/briefbot', 'hunter2', 'postgres://']) {
      const found = problems({ DISCORD_TOKEN: TOKEN, DATABASE_URL: bad });
      expect(found).toEqual([
        expect.stringContaining('DATABASE_URL must be a postgres:// URL naming a host, for example postgres://briefbot@localhost:5432/briefbot'),
      ]);
      expect(found.join(' ')).not.toContain('hunter2');
    }
  });
});

describe('SHARD_IDS (several hosts, one bot)', () => {
  it('reads ranges and lists of shards of SHARD_COUNT', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '8', SHARD_IDS: '4-7' }).shardIds).toEqual([4, 5, 6, 7]);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: '0, 2,3' }).shardIds).toEqual([0, 2, 3]);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4' }).shardIds).toBeNull();
  });

  it('says what to fix: a word, a shard outside SHARD_COUNT or named twice, or no fixed SHARD_COUNT', () => {
    expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: 'all' })).toEqual([expect.stringContaining('"all" is not one')]);
    expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: '2-4' })).toEqual([expect.stringContaining('shard 4 twice or outside 0–3')]);
    expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: '1,0-1' })).toEqual([expect.stringContaining('shard 1 twice')]);
    expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0-1' })).toEqual([expect.stringContaining('SHARD_IDS needs SHARD_COUNT')]);
  });
});
