// End to end: `npm run deploy-commands` registering the commands at the stand-in and saying what changed.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { commandPayloads } from '../../src/commands';
import { deployCommands, describeDeploy } from '../../src/discord/deploy';
import { startStandIn, type DiscordStandIn } from '../standin';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('deploy-commands', () => {
  let discord: DiscordStandIn;
  beforeEach(async () => {
    discord = await startStandIn({ guilds: [{ name: 'Dev server' }] });
  });
  afterEach(async () => discord.close());

  const names = () =>
    commandPayloads()
      .map((c) => c.name)
      .sort();

  it('registers every command to the guild, reading the application id from Discord when none is set', async () => {
    const guildId = discord.guildIds[0];
    const result = await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId, commands: commandPayloads() });
    expect(result.applicationId).toBe(discord.applicationId);
    expect(result.scope).toBe('guild');
    expect(result.added.sort()).toEqual(names());
    expect(
      discord
        .commands(guildId)
        .map((c) => c.name)
        .sort(),
    ).toEqual(names());
    expect(discord.requestsTo('PUT', `/applications/${discord.applicationId}/guilds/${guildId}/commands`)).toHaveLength(1);
    expect(discord.commands()).toEqual([]);
  });

  it('says what was added, updated, removed and left unchanged on the next run', async () => {
    const guildId = discord.guildIds[0];
    const base = commandPayloads();
    await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId, commands: [...base, { name: 'old', description: 'gone soon' }] });
    const changed = base.map((c) => (c.name === 'help' ? { ...c, description: 'A new description' } : c));
    const result = await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId, commands: changed });
    expect(result.added).toEqual([]);
    expect(result.updated).toEqual(['help']);
    expect(result.removed).toEqual(['old']);
    expect(result.unchanged.sort()).toEqual(names().filter((n) => n !== 'help'));
    expect(describeDeploy(result)).toContain('updated:   /help');
  });

  it('registers globally when no guild is given, and uses DISCORD_CLIENT_ID when set', async () => {
    const result = await deployCommands({
      token: discord.token,
      apiUrl: discord.apiUrl,
      clientId: discord.applicationId,
      commands: commandPayloads(),
    });
    expect(result.scope).toBe('global');
    expect(
      discord
        .commands()
        .map((c) => c.name)
        .sort(),
    ).toEqual(names());
    expect(discord.requestsTo('GET', '/applications/@me')).toHaveLength(0);
  });

  it('runs as `npm run deploy-commands` from the environment and prints the changes', async () => {
    const env = {
      ...process.env,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_GUILD_ID: discord.guildIds[0],
      DISCORD_CLIENT_ID: '',
    };
    const first = await run(TSX, ['src/discord/deploy.ts'], { cwd: ROOT, env, timeout: 30_000 });
    expect(first.stdout).toContain(`Registered ${names().length} commands for application ${discord.applicationId}`);
    expect(first.stdout).toMatch(/added: {5}\/brief, /);
    const second = await run(TSX, ['src/discord/deploy.ts'], { cwd: ROOT, env, timeout: 30_000 });
    expect(second.stdout).toMatch(/added: {5}—/);
    expect(second.stdout).toMatch(/unchanged: \/brief/);
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(discord.token);
  });

  it('removes every command in the scope with --clear', async () => {
    const guildId = discord.guildIds[0];
    await deployCommands({ token: discord.token, apiUrl: discord.apiUrl, guildId, commands: commandPayloads() });
    const env = { ...process.env, DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: guildId };
    const { stdout } = await run(TSX, ['src/discord/deploy.ts', '--clear'], { cwd: ROOT, env, timeout: 30_000 });
    expect(stdout).toContain('removed:   /brief');
    expect(discord.commands(guildId)).toEqual([]);
  });

  it('exits 1 with a clear message when the token is missing', async () => {
    const env = { ...process.env, DISCORD_TOKEN: '', DISCORD_API_URL: discord.apiUrl };
    await expect(run(TSX, ['src/discord/deploy.ts'], { cwd: ROOT, env, timeout: 30_000 })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('DISCORD_TOKEN is missing'),
    });
  });
});
