// Hostile faults (issue 11, #7): when Discord closes the gateway for good (token reset: 4004; shard, version
// or intent problems: 4010–4014) the bot must not idle on as a silent zombie. It exits non-zero saying why,
// so a process manager restarts it or alerts someone; under start:sharded the manager stops instead of
// respawning shards that would fail the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeFatalClose, fatalGatewayClose } from '../../src/discord/fatal-close';
import { SEED_DIR } from '../fixtures/discord/content';
import { startStandIn, type DiscordStandIn } from '../standin';

const ROOT = path.join(__dirname, '../..');
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Node itself (with tsx's loader), in a process group of its own: a bot that fails this test stays up by
 * definition, so `stop` kills the whole group (shard processes too), never leaving one behind.
 */
function start(script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function stop(p: Proc): void {
  try {
    process.kill(-p.child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** The exit code, or 'still running' when the process is still up after `ms`. */
async function exitWithin(p: Proc, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([p.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);
}

describe('fatal gateway close codes', () => {
  it('are exactly the codes discord.js never reconnects after, each with advice', () => {
    for (const code of [4004, 4010, 4011, 4012, 4013, 4014]) {
      const fatal = fatalGatewayClose(code)!;
      expect(describeFatalClose(fatal)).toMatch(new RegExp(`^Discord closed the gateway connection for good \\(${code}, [A-Za-z ]+\\)\\. \\S.+`));
    }
    for (const code of [1000, 1001, 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009, 4200]) expect(fatalGatewayClose(code)).toBeNull();
    expect(describeFatalClose(fatalGatewayClose(4004)!)).toMatch(/DISCORD_TOKEN.*Reset Token/);
  });
});

describe('a running bot whose gateway is closed for good', () => {
  let discord: DiscordStandIn;
  let dataDir: string;
  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Newsroom' }] });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbot-fatal-'));
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
  });

  it.each([
    [4004, /DISCORD_TOKEN.*Reset Token/],
    [4014, /Privileged Gateway Intents/],
  ])(
    'npm start exits 1 with a fatal message after close code %i, never printing the token',
    async (code, advice) => {
      const p = start('src/main.ts', { ...env(), SHARD_COUNT: 'auto' });
      try {
        await discord.waitForReady({ timeoutMs: 20_000 });
        expect(discord.dropGateway({ resume: true, code })).toBe(1);
        expect(await exitWithin(p, 15_000)).toBe(1);
        expect(p.output()).toContain(`Discord closed the gateway connection for good (${code}`);
        expect(p.output()).toMatch(advice);
        expect(p.output()).toMatch(/"level":60[^\n]*"code":\d{4}/);
        expect(p.output()).not.toContain(discord.token);
        expect(discord.openGatewayConnections()).toBe(0);
      } finally {
        stop(p);
      }
    },
    60_000,
  );

  it('npm run start:sharded stops every shard and exits 1 instead of respawning one that got 4004', async () => {
    const p = start('src/sharded.ts', { ...env(), SHARD_COUNT: '1' });
    try {
      await discord.waitForReady({ timeoutMs: 30_000 });
      discord.dropGateway({ resume: true, code: 4004 });
      expect(await exitWithin(p, 20_000)).toBe(1);
      expect(p.output()).toContain('Discord closed the gateway connection for good (4004');
      // One identify: the shard was not respawned to fail again.
      expect(discord.identifies).toHaveLength(1);
      expect(p.output()).not.toContain(discord.token);
    } finally {
      stop(p);
    }
  }, 60_000);
});
