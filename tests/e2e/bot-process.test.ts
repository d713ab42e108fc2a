// End to end: `npm start` as a real process against the stand-in — settings from the environment,
// answering a command, clean shutdown on SIGTERM and SIGINT, and refusing to start without a good token.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startBotProcess as start, waitForOutput } from '../helpers/bot-process';
import { startStandIn, type DiscordStandIn } from '../standin';
import { deployCommands } from '../../src/discord/deploy';
import { commandPayloads } from '../../src/commands';
import { SEED_DIR } from '../fixtures/discord/content';

describe('npm start', () => {
  let discord: DiscordStandIn;
  let dataDir: string;
  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-proc-'));
  });
  afterEach(async () => {
    await discord.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    CONTENT_DIR: SEED_DIR,
    DATABASE_PATH: path.join(dataDir, 'briefbot.db'),
    LOG_LEVEL: 'info',
    // As copied from .env.example: a setting for start:sharded that discord.js must not see in a single process.
    SHARD_COUNT: 'auto',
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'answers commands, then shuts down cleanly on %s without ever logging the token',
    async (signal) => {
      await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId: discord.guildIds[0], commands: commandPayloads() });
      const p = start(env());
      try {
        await discord.waitForReady({ timeoutMs: 20_000 });
        await waitForOutput(p, '"msg":"ready"', 20_000);
        const r = await discord.sendInteraction(discord.commandInteraction({ name: 'help' }));
        expect(r.callback.data.embeds[0].fields[1].value).toMatch(/\d+ articles?/);
        p.child.kill(signal);
        const exit = await p.exited;
        expect(exit.code).toBe(0);
        expect(p.output()).toContain('"msg":"stopped"');
        expect(p.output()).not.toContain(discord.token);
        await discord.waitFor(() => discord.openGatewayConnections() === 0, { timeoutMs: 5000 });
      } finally {
        p.child.kill('SIGKILL');
      }
    },
    60_000,
  );

  it('exits 1 explaining where to get a token when DISCORD_TOKEN is missing', async () => {
    const p = start({ ...env(), DISCORD_TOKEN: '' });
    const exit = await p.exited;
    expect(exit.code).toBe(1);
    expect(p.output()).toContain('DISCORD_TOKEN is missing');
    expect(p.output()).toContain('https://discord.com/developers/applications');
  }, 30_000);

  it('exits 1 when Discord rejects the token, saying how to reset it and without printing it', async () => {
    const wrong = `${discord.token.split('.').slice(0, 2).join('.')}.${'Z'.repeat(38)}`;
    const p = start({ ...env(), DISCORD_TOKEN: wrong });
    const exit = await p.exited;
    expect(exit.code).toBe(1);
    expect(p.output()).toContain('Discord rejected DISCORD_TOKEN');
    expect(p.output()).not.toContain(wrong);
  }, 30_000);

  it('exits 1 on a malformed token without printing it', async () => {
    const bad = 'not-a-token-but-a-secret-looking-string';
    const p = start({ ...env(), DISCORD_TOKEN: bad });
    const exit = await p.exited;
    expect(exit.code).toBe(1);
    expect(p.output()).toContain('does not look like a bot token');
    expect(p.output()).not.toContain(bad);
  }, 30_000);
});
