// End to end: `npm start` as a real process against the stand-in — settings from the environment,
// answering a command, clean shutdown on SIGTERM and SIGINT, and refusing to start without a good token.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startStandIn, type DiscordStandIn } from '../standin';
import { deployCommands } from '../../src/discord/deploy';
import { commandPayloads } from '../../src/commands';
import { SEED_DIR } from '../fixtures/discord/content';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function start(env: Record<string, string>): Proc {
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, exited };
}

async function waitForOutput(p: Proc, text: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!p.output().includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" in output:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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
        await waitForOutput(p, '"msg":"ready"');
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
