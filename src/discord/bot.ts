// Starting and stopping the bot: library, commands, client, interaction routing, daily briefings.
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Library } from '../briefings/library-types';
import { loadCommands } from '../commands';
import type { Command, CommandContext } from '../commands/types';
import type { Config } from '../config';
import { attachScheduler, type AttachedScheduler } from '../schedule/attach';
import { createClient } from './client';
import { describeFatalClose, fatalGatewayClose, type FatalClose } from './fatal-close';
import { createInteractionHandler } from './router';
import { openFolderLibrary, type FolderLibrary } from '../sources/files/folder-library';
import { removeStaleCache } from '../sources/files/stale-temp';
import { startRetention } from '../sources/retention';
import { openStore, type Store } from '../store/store';

export interface BotOptions {
  config: Config;
  logger: Logger;
  /** A library already loaded (tests); otherwise config.contentDir is loaded. */
  library?: Library;
  now?: () => Date;
  /** Daily briefings need the database; tests of other things may leave them out. Default true. */
  scheduler?: boolean;
  /** Called once when Discord closes the gateway with a code discord.js never recovers from (4004, 4010–4014). */
  onFatal?: (close: FatalClose) => void;
  /** The database file was deleted or replaced under the running bot (its writes would be lost). Default: logged only. */
  onDatabaseLost?: (message: string) => void;
}

export interface RunningBot {
  client: Client;
  library: Library;
  commands: Map<string, Command>;
  scheduler: AttachedScheduler | null;
  /** Resolves once the gateway said READY. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startBot(opts: BotOptions): Promise<RunningBot> {
  const { config, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const store = opts.library ? null : openStore(config.databasePath);
  let folder: FolderLibrary | null = null;
  try {
    if (store) folder = await openFolderFromStore(store, config, logger, now);
  } catch (err) {
    store?.close();
    throw err;
  }
  const library = opts.library ?? folder!;
  const stats = library.stats();
  logger.info({ articles: stats.articles, quotes: stats.quotes, warnings: library.warnings().length, ms: Date.now() - started }, 'library loaded');
  for (const w of library.warnings().slice(0, 50)) logger.warn({ file: w.file, reason: w.reason }, 'article file skipped or repaired');
  // New, edited and removed article files show up without a restart (only for a library we loaded ourselves).
  folder?.watch({
    onSynced: (paths, r) => logger.info({ paths: paths.length, analysed: r.analysed, removed: r.removed, articles: library.stats().articles }, 'content folder changes stored'),
    onError: (file, err) => logger.warn({ file, err: err.message }, 'content folder could not be followed'),
  });
  const stopRetention = folder
    ? startRetention({ writer: store!.articles, catchUp: () => folder!.catchUp() }, config.retentionDays, {
        now,
        onPruned: (removed) => logger.info({ removed, days: config.retentionDays }, 'old feed articles removed'),
        onError: (err) => logger.error({ err }, 'retention failed'),
      })
    : null;
  const stopDbCheck = store ? watchDatabaseFile(store, logger, opts.onDatabaseLost) : null;

  const commands = loadCommands();
  const client = createClient({ apiUrl: config.apiUrl });
  const ctx: CommandContext = { library, logger, now };
  const scheduler = opts.scheduler === false ? null : attachScheduler(client, { library, logger, config, now, db: store });
  if (scheduler) ctx.briefings = scheduler.service;

  const handle = createInteractionHandler(commands, ctx);
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((err: unknown) => logger.error({ err }, 'interaction handler crashed'));
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  let fatalReported = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = fatalGatewayClose(event.code);
    if (!fatal) return void logger.warn({ shard, code: event.code }, 'gateway disconnected');
    logger.fatal({ shard, code: fatal.code, reason: fatal.reason }, describeFatalClose(fatal));
    if (!fatalReported) opts.onFatal?.(fatal);
    fatalReported = true;
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));
  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, (c) => {
      logger.info({ user: c.user.tag, applicationId: c.application.id, guilds: c.guilds.cache.size, commands: [...commands.keys()] }, 'ready');
      resolve();
    });
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    stopRetention?.();
    stopDbCheck?.();
    await folder?.close().catch((err: unknown) => logger.warn({ err }, 'article store did not close cleanly'));
    await scheduler?.stop().catch((err: unknown) => logger.warn({ err }, 'scheduler did not stop cleanly'));
    await client.destroy();
    store?.close();
    logger.info('stopped');
  };

  try {
    await client.login(config.token);
  } catch (err) {
    await stop();
    throw err;
  }
  return { client, library, commands, scheduler, ready, stop };
}

async function openFolderFromStore(store: Store, config: Config, logger: Logger, now: () => Date): Promise<FolderLibrary> {
  const leftovers = removeStaleCache();
  if (leftovers.length) logger.info({ files: leftovers.length }, 'removed the old snapshot cache and temp files');
  const folder = await openFolderLibrary({ contentDir: config.contentDir, articles: store.articles, now });
  const r = folder.syncReport;
  logger.info(
    { unchanged: r.unchanged, analysed: r.analysed, touched: r.touched, removed: r.removed, ...folder.loadReport },
    'content folder synced into the article store',
  );
  return folder;
}

/** Every 10 s: is the database file still the one we opened? Deleted or replaced, writes would be lost. */
function watchDatabaseFile(store: Store, logger: Logger, onFatal?: (message: string) => void): () => void {
  let told = false;
  const timer = setInterval(() => {
    const problem = store.fileProblem();
    if (!problem || told) return;
    told = true;
    logger.fatal({ problem }, 'database file lost');
    onFatal?.(problem);
  }, 10_000);
  timer.unref();
  return () => clearInterval(timer);
}
