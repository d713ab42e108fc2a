// `npm start`: settings from the environment (and .env), then the bot until SIGINT/SIGTERM.
import { configOrExit } from './startup-config';
import { startBot } from './discord/bot';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  // discord.js reads SHARD_COUNT from the environment as the shard count of this very process. Ours is a
  // setting for `npm run start:sharded` (possibly "auto"); only a process the ShardingManager started
  // (which sets SHARDS) may pass it on.
  if (!('SHARDS' in process.env)) delete process.env.SHARD_COUNT;
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  try {
    bot = await startBot({
      config,
      logger,
      // The database file went away under us: say so and stop, so a process manager restarts on a real file.
      onFatal: (message) => {
        console.error(message);
        void bot?.stop().finally(() => process.exit(1));
      },
    });
  } catch (err) {
    // discord.js says TokenInvalid when Discord rejects the token; the token itself is never printed.
    logger.fatal({ err }, 'could not start the bot');
    console.error(
      (err as { code?: string }).code === 'TokenInvalid'
        ? 'Discord rejected DISCORD_TOKEN. Reset it in the Developer Portal (your application → Bot → Reset Token) and update .env.'
        : `Could not start the bot: ${(err as Error).message}`,
    );
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bot
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // A stray rejection is logged, never fatal: one broken handler must not take the bot down.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

void main();
