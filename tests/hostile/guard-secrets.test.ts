// Hostile settings and faults (issue 11, #12): a token pasted in the wrong setting, or carried in a failed
// request's URL, never reaches the terminal or a log line.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import { ConfigError, loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { redactSecrets } from '../../src/redact';
import { startStandIn, type DiscordStandIn } from '../standin';

// Shaped like real credentials (a bot token has three dot-separated parts) but made up for the test.
const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhJkLm.abcdefghijklmnopqrstuvwxyz0123456789AB';
const OTHER_TOKEN = 'OTg3NjU0MzIxMDk4NzY1NDMy.Xy-z_9.ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zz';
const INTERACTION_TOKEN = `aW50ZXJhY3Rpb246${'Qx7_-k'.repeat(26)}`;

function problemsFor(env: Record<string, string>): string {
  try {
    loadConfig({ DISCORD_TOKEN: BOT_TOKEN, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('start-up errors never print a token', () => {
  it('a token pasted into DISCORD_CLIENT_ID is named but not shown', () => {
    const message = problemsFor({ DISCORD_CLIENT_ID: OTHER_TOKEN });
    expect(message).toContain('DISCORD_CLIENT_ID must be a Discord id');
    expect(message).not.toContain(OTHER_TOKEN);
    expect(message).not.toContain(OTHER_TOKEN.split('.')[2]);
    expect(message).toContain('[redacted]');
  });

  it('a token pasted into DISCORD_API_URL (alone, or inside a broken URL) is not shown', () => {
    for (const value of [OTHER_TOKEN, `ftp://proxy.example/${OTHER_TOKEN}`, `Bot ${OTHER_TOKEN}`]) {
      const message = problemsFor({ DISCORD_API_URL: value });
      expect(message).toMatch(/DISCORD_API_URL must/);
      expect(message).not.toContain(OTHER_TOKEN.split('.')[2]);
    }
  });

  it('still quotes harmless wrong values, so the user can see the typo', () => {
    expect(problemsFor({ DISCORD_CLIENT_ID: '12345' })).toContain('got "12345"');
  });
});

describe('npm start with a token pasted into the wrong settings', () => {
  it('exits 1 naming both settings, printing neither token', async () => {
    const root = path.join(__dirname, '../..');
    const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: OTHER_TOKEN,
        DISCORD_API_URL: `Bot ${BOT_TOKEN}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('DISCORD_CLIENT_ID must be a Discord id');
    expect(out).toContain('DISCORD_API_URL must be a URL');
    expect(out).not.toContain(OTHER_TOKEN);
    expect(out).not.toContain(BOT_TOKEN);
  }, 30_000);
});

describe('redactSecrets', () => {
  it.each([
    ['a bot token', `login failed for ${BOT_TOKEN}`, BOT_TOKEN],
    ['an Authorization header', `Authorization: Bot ${BOT_TOKEN}`, BOT_TOKEN],
    [
      'an interaction callback URL',
      `POST https://discord.com/api/v10/interactions/123456789012345678/${INTERACTION_TOKEN}/callback`,
      INTERACTION_TOKEN,
    ],
    ['a webhook URL', `PATCH /webhooks/123456789012345678/${INTERACTION_TOKEN}/messages/@original`, INTERACTION_TOKEN],
    ['a password in a proxy URL', 'http://briefbot:hunter2-very-secret@proxy.example:8080/api', 'hunter2-very-secret'],
  ])('hides %s', (_what, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('keeps the ids and the rest of the line, so the log still says what failed', () => {
    expect(redactSecrets(`/interactions/123456789012345678/${INTERACTION_TOKEN}/callback failed`)).toBe(
      '/interactions/123456789012345678/[redacted]/callback failed',
    );
    expect(redactSecrets('Posted 3 of 6 parts in channel 123456789012345678 (v1.2.3)')).toBe(
      'Posted 3 of 6 parts in channel 123456789012345678 (v1.2.3)',
    );
  });

  it('hides secrets it is told about, whatever their shape', () => {
    expect(redactSecrets('token is short-odd-token!', ['short-odd-token'])).toBe('token is [redacted]!');
  });
});

describe('log lines never carry a token', () => {
  let discord: DiscordStandIn;
  beforeAll(async () => {
    discord = await startStandIn();
  });
  afterAll(async () => {
    await discord.close();
  });

  function capture(): { lines: string[]; stream: Writable } {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, stream };
  }

  it('redacts the interaction token in the URL of a real failed callback (DiscordAPIError), wherever pino puts it', async () => {
    const interaction = discord.commandInteraction({ name: 'help' });
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    const err = await rest
      .post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'late' } }, auth: false })
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    expect(err).not.toBeNull();
    expect(JSON.stringify({ ...err, stack: err!.stack })).toContain(interaction.token);

    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.error({ err }, 'interaction handler crashed');
    logger.warn({ url: `https://discord.com/api/v10/webhooks/${interaction.id}/${interaction.token}` }, 'request failed');
    logger.child({ module: 'x' }).error(`failed: ${(err as { url?: string }).url}`);
    logger.info({ header: `Bot ${discord.token}` }, 'nothing secret here');
    const out = lines.join('');
    expect(lines).toHaveLength(4);
    expect(out).not.toContain(interaction.token);
    expect(out).not.toContain(discord.token);
    expect(out).toContain(`/interactions/${interaction.id}/[redacted]/callback`);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('redacts the configured token whatever its shape', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream, { secrets: ['odd$token'] });
    logger.info({ note: 'odd$token' }, 'see odd$token');
    expect(lines.join('')).not.toContain('odd$token');
  });
});
