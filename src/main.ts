// `npm start`: settings from the environment (and .env), then the bot until SIGINT/SIGTERM, or until Discord
// closes the gateway for good (a reset token): then it exits non-zero saying why, rather than idling unseen.
import { configOrExit } from './startup-config';
import { startBot, type RunningBot } from './discord/bot';
import { describeFatalClose, type FatalClose, type FatalShardMessage } from './discord/fatal-close';
import { createLogger, type Logger } from './logger';
import { redactSecrets } from './redact';
import type { Config } from './config';
import { WorkerPool } from './sources/files/analyse-pool';
import { openFolderLibrary, type FolderLibrary } from './sources/files/folder-library';
import { removeStaleCache } from './sources/files/stale-temp';
import { HttpFetcher } from './sources/http';
import { startRetention } from './sources/retention';
import { FeedSources } from './sources/sources-service';
import { newOwner } from './schedule/owner';
import { openConfiguredStore, storeLocation } from './store/open-any';
import type { Store } from './store/store';

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

/**
 * SIGINT/SIGTERM stop the bot cleanly at any moment, also during start-up (a long first sync of the content
 * folder, say): then what start-up has opened so far is closed. Every write is a transaction, so an interrupted
 * sync resumes where it stopped at the next start.
 */
function handleSignals(running: () => { bot?: RunningBot; articles?: LiveArticles }, logger: Logger): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const { bot, articles } = running();
    const stopped = bot ? bot.stop() : (articles?.close() ?? Promise.resolve());
    stopped
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

interface LiveArticles {
  store: Store;
  folder: FolderLibrary;
  /** The feeds every server follows (FEEDS) and each server's own, polled while the bot runs. */
  sources: FeedSources;
  close(): Promise<void>;
}

/**
 * The article store and the content folder, kept in step while the bot runs: the folder is synced into the
 * store (analysis in worker threads), then watched; old feed articles are pruned hourly; and the database file
 * is checked every 10 s (deleted or replaced under us, writes would be lost: `onLost` is told).
 */
/** How often the library reads the store's change log for articles other processes (shards, hosts) wrote. */
const FOLLOW_STORE_MS = 5_000;

/** Keeps the library in step with what other processes store (feeds another host fetched, files it synced). */
function followStore(folder: FolderLibrary, logger: Logger): () => void {
  const timer = setInterval(() => {
    folder.catchUp().catch((err: unknown) => logger.warn({ err }, 'could not read the article store for changes; trying again'));
  }, FOLLOW_STORE_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function openArticles(config: Config, logger: Logger, onLost: (message: string) => void): Promise<LiveArticles> {
  const leftovers = removeStaleCache();
  if (leftovers.length) logger.info({ files: leftovers.length }, 'removed the old snapshot cache and temp files');
  const store = await openConfiguredStore(config);
  const pool = new WorkerPool({ size: 2 });
  let folder: FolderLibrary;
  try {
    folder = await openFolderLibrary({ contentDir: config.contentDir, articles: store.articles, analyser: pool });
  } catch (err) {
    await pool.close();
    await store.close();
    throw err;
  }
  const r = folder.syncReport;
  logger.info(
    { unchanged: r.unchanged, analysed: r.analysed, touched: r.touched, removed: r.removed, ...folder.loadReport },
    'content folder synced into the article store',
  );
  folder.watch({
    onSynced: (paths, report) =>
      logger.info(
        { paths: paths.length, analysed: report.analysed, removed: report.removed, articles: folder.stats().articles },
        'content folder changes stored',
      ),
    onError: (file, err) => logger.warn({ file, err: err.message }, 'content folder could not be followed'),
  });
  const sources = new FeedSources({
    feeds: store.feeds,
    writer: store.articles,
    fetcher: new HttpFetcher({ allowPrivateNetwork: config.allowPrivateNetwork }),
    analyser: pool,
    logger: logger.child({ module: 'feeds' }),
    intervalSeconds: config.feedIntervalSeconds,
    shared: config.feeds,
    catchUp: () => folder.catchUp(),
    owner: newOwner(),
    leaseMs: config.feedLeaseMs,
  });
  sources.start();
  const stopFollowing = followStore(folder, logger);
  // Retention covers feed articles (files stay as long as the files do).
  const stopRetention = startRetention({ writer: store.articles, catchUp: () => folder.catchUp() }, config.retentionDays, {
    onPruned: (removed) => logger.info({ removed, days: config.retentionDays }, 'old feed articles removed'),
    onError: (err) => logger.error({ err }, 'retention failed'),
  });
  let told = false;
  const check = setInterval(() => {
    const problem = store.fileProblem();
    if (!problem || told) return;
    told = true;
    logger.fatal({ problem }, 'database file lost');
    onLost(problem);
  }, 10_000);
  check.unref();
  return {
    store,
    folder,
    sources,
    async close() {
      clearInterval(check);
      stopFollowing();
      stopRetention();
      // The poll in progress finishes (its items stored) before the analysis pool and the database close.
      await sources.stop();
      await folder.close();
      await pool.close();
      await store.close();
    },
  };
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
  // The database file went away under us: say so and stop, so a process manager restarts on a real file.
  const onDatabaseLost = (message: string): void => {
    console.error(message);
    const stopped = bot?.stop().catch((err: unknown) => logger.error({ err }, 'stop after losing the database failed'));
    void Promise.race([stopped, new Promise((r) => setTimeout(r, FATAL_STOP_MS))]).then(() => process.exit(1));
  };
  const onSchedulerFailed = (err: unknown): void =>
    onDatabaseLost(
      `The daily-briefing scheduler could not start: ${redactSecrets((err as Error)?.message ?? String(err), secrets)}. Check the database at ${storeLocation(config)} (for a SQLite file: restore it from a backup, or move it aside to start afresh).`,
    );
  let articles: LiveArticles | undefined;
  handleSignals(() => ({ bot, articles }), logger);
  try {
    articles = await openArticles(config, logger, onDatabaseLost);
    const { sources } = articles;
    bot = await startBot({
      config,
      logger,
      onFatal,
      onSchedulerFailed,
      library: articles.folder,
      db: articles.store,
      scopeFor: (guildId) => sources.scopeFor(guildId),
      sources,
      onStop: articles.close,
      // SHARD_IDS: this host's shards of the bot; a process the ShardingManager started has its own.
      shards: config.shardIds && !('SHARDS' in process.env) ? { ids: config.shardIds, count: config.shardCount as number } : undefined,
    });
  } catch (err) {
    if (!bot) await articles?.close().catch(() => undefined);
    logger.fatal({ err }, 'could not start the bot');
    const message = startupFailure(err, fatal, secrets);
    // A rejected token or a fatal close fails the same way on every restart: a shard tells its manager so.
    if (fatal || isTokenRejected(err)) return exitFatal(message, fatal?.code ?? null);
    console.error(message);
    process.exit(1);
  }
  // A stray rejection is logged, never fatal: one broken handler must not take the bot down.
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

void main();
