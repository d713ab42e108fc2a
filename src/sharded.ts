// `npm run start:sharded`: discord.js's ShardingManager runs src/main.ts once per shard (a process each).
// Each shard's scheduler posts only for the guilds in its own cache; the database claim keeps every post
// exactly once even if two processes ever consider the same channel.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from './config';
import { isFatalShardMessage } from './discord/fatal-close';
import { configOrExit } from './startup-config';
import { createLogger } from './logger';

/** Shards Discord recommends for this bot, asked through DISCORD_API_URL when set (ShardingManager's own 'auto' cannot be). */
export async function recommendedShardCount(config: Pick<Config, 'token' | 'apiUrl'>): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const body = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, body.shards);
}

/**
 * How to start one shard's process: through tsx's loader when running from TypeScript sources. The loader is
 * given by absolute URL so the shards start whatever the working directory.
 */
export function shardScript(): { file: string; execArgv: string[] } {
  const compiled = __filename.endsWith('.js');
  if (compiled) return { file: path.join(__dirname, 'main.js'), execArgv: [] };
  const tsxLoader = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;
  return { file: path.join(__dirname, 'main.ts'), execArgv: ['--import', tsxLoader] };
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel, undefined, { secrets: [config.token] }).child({ module: 'sharding' });
  const totalShards = config.shardCount === 'auto' ? await recommendedShardCount(config) : config.shardCount;
  const { file, execArgv } = shardScript();
  // SHARD_IDS: this host starts only its own shards of the bot (another host runs the rest).
  const shardList = config.shardIds ?? 'auto';
  const manager = new ShardingManager(file, { token: config.token, totalShards, shardList, execArgv, respawn: true, mode: 'process' });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard process exited'));
    // A shard whose token was reset (or that Discord closed for good) would fail the same way on every
    // respawn: stop all shards and exit non-zero with its reason instead.
    shard.on('message', (m: unknown) => {
      if (!isFatalShardMessage(m)) return;
      logger.fatal({ shard: shard.id, code: m.briefbotFatal.code }, m.briefbotFatal.message);
      console.error(m.briefbotFatal.message);
      void shutdown('fatal', 1);
    });
  });

  let stopping = false;
  const shutdown = async (signal: string, exitCode = signal === 'spawn failure' ? 1 : 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping all shards');
    // SIGTERM lets each shard stop its scheduler and close the database; respawn is off from here on.
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (!child || child.exitCode !== null) return resolve();
            const timer = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await manager.spawn({ amount: totalShards, delay: 5500, timeout: 60_000 });
  } catch (err) {
    logger.fatal({ err }, 'a shard could not start');
    await shutdown('spawn failure');
    return;
  }
  logger.info({ shards: totalShards }, 'all shards spawned');
}

if (require.main === module) void main();
