// `npm start`: settings from the environment (and .env), then the bot until SIGINT/SIGTERM, or until Discord
// closes the gateway for good (a reset token): then it exits non-zero saying why, rather than idling unseen.
import { configOrExit } from './startup-config';
import { startBot, type RunningBot } from './discord/bot';
import { describeFatalClose, type FatalClose, type FatalShardMessage } from './discord/fatal-close';
import { createLogger, type Logger } from './logger';
import { redactSecrets } from './redact';

/** How long a fatal exit waits for the bot to stop cleanly before leaving anyway. */
const FATAL_STOP_MS = 5000;

/** Tells a ShardingManager (when it started this process) not to respawn it, then exits 1. */
function exitFatal(message: string, code: number | null): void {
  console.error(message);
  if (!process.send) return process.exit(1);
  const note: FatalShardMessage = { briefbotFatal: { code, message } };
  process.send(note, () => process.exit(1));
}

/** discord.js says TokenInvalid when Discord rejects the token; the token itself is never printed. */
function isTokenRejected(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'TokenInvalid';
}

function startupFailure(err: unknown, fatal: FatalClose | null, secrets: string[]): string {
  if (fatal) return describeFatalClose(fatal);
  if (isTokenRejected(err)) {
    return 'Discord rejected DISCORD_TOKEN. Reset it in the Developer Portal (your application → Bot → Reset Token) and update .env.';
  }
  return redactSecrets(`Could not start the bot: ${(err as Error).message}`, secrets);
}

function handleSignals(bot: RunningBot, logger: Logger): void {
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
}

async function main(): Promise<void> {
  const config = configOrExit();
  const secrets = [config.token];
  const logger = createLogger(config.logLevel, undefined, { secrets });
  // Node would print an uncaught error with all its fields (a request URL with an interaction token, say);
  // through the logger it is redacted. Still fatal, as before.
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    process.exit(1);
  });
  // discord.js reads SHARD_COUNT from the environment as the shard count of this very process. Ours is a
  // setting for `npm run start:sharded` (possibly "auto"); only a process the ShardingManager started
  // (which sets SHARDS) may pass it on.
  if (!('SHARDS' in process.env)) delete process.env.SHARD_COUNT;
  let bot: RunningBot | undefined;
  // Set from the gateway's close handler (a closure), so TypeScript must not narrow it to null.
  let fatal = null as FatalClose | null;
  const onFatal = (close: FatalClose): void => {
    fatal = close;
    // Before start-up finished, login fails too and the catch below reports it.
    if (!bot) return;
    const stopped = bot.stop().catch((err: unknown) => logger.error({ err }, 'stop after a fatal gateway close failed'));
    void Promise.race([stopped, new Promise((r) => setTimeout(r, FATAL_STOP_MS))]).then(() => exitFatal(describeFatalClose(close), close.code));
  };
  try {
    bot = await startBot({ config, logger, onFatal });
  } catch (err) {
    logger.fatal({ err }, 'could not start the bot');
    const message = startupFailure(err, fatal, secrets);
    // A rejected token or a fatal close fails the same way on every restart: a shard tells its manager so.
    if (fatal || isTokenRejected(err)) return exitFatal(message, fatal?.code ?? null);
    console.error(message);
    process.exit(1);
  }
  handleSignals(bot, logger);
  // A stray rejection is logged, never fatal: one broken handler must not take the bot down.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

void main();
